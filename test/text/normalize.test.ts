import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VietNlpError } from '../../src/errors.js';
import { normalize } from '../../src/text/normalize.js';
import { convertTone } from '../../src/text/tone.js';
import { anyText, blankText, vnText } from './arbitraries.js';

const expected = (t: string) =>
  t.replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '').replace(/\u00d0/g, '\u0110').replace(/[\u00a0\u2007\u202f]/g, ' ').normalize('NFC');

const isMark = (s: string, i: number) => /[\p{M}\u1160-\u11ff]/u.test(String.fromCodePoint(s.codePointAt(i)!));
const cpLen = (s: string, i: number) => (s.codePointAt(i)! > 0xffff ? 2 : 1);

/** Output clusters (a base and its combining marks) as [start, end) pairs. */
function clusters(s: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let i = 0;
  while (i < s.length) {
    let j = i + cpLen(s, i);
    while (j < s.length && isMark(s, j)) j += cpLen(s, j);
    out.push([i, j]);
    i = j;
  }
  return out;
}

describe('normalize', () => {
  it('composes NFD, unifies Ð, NBSP and removes zero-width characters', () => {
    const src = '\ufeffHuye\u0302\u0323n\u00a0u\u0309y \u00d0a\u0300 Na\u0306\u0303ng\u200b so\u00adft';
    const n = normalize(src);
    expect(n.text).toBe('Huyện ủy Đà Nẵng soft');
    expect(n.toOriginal(0)).toBe(0);
    expect(n.toOriginal(n.text.length)).toBe(src.length);
    // 'ủy' starts at output offset 6; in the source it starts after 'Huye\u0302\u0323n\u00a0'.
    expect(src.slice(n.toOriginal(6), n.toOriginal(8))).toBe('u\u0309y');
    // A removed zero-width character belongs to the character before it.
    expect(src.slice(n.toOriginal(9), n.toOriginal(16))).toBe('\u00d0a\u0300 Na\u0306\u0303ng\u200b');
  });

  it('converts tone placement both ways and keeps it by default', () => {
    expect(normalize('Huyện uỷ, hoà bình, thuỷ lợi, khoẻ', { tone: 'old' }).text).toBe('Huyện ủy, hòa bình, thủy lợi, khỏe');
    expect(normalize('Huyện ủy, hòa bình, thủy lợi, khỏe', { tone: 'new' }).text).toBe('Huyện uỷ, hoà bình, thuỷ lợi, khoẻ');
    expect(normalize('hòa hoà').text).toBe('hòa hoà');
    // Closed syllables and qu- keep their mark: hoàng, quý.
    expect(normalize('hoàng quý thuyền', { tone: 'old' }).text).toBe('hoàng quý thuyền');
    // NFD input with old placement.
    expect(normalize('tho\u0309a thu\u0309y', { tone: 'new' }).text).toBe('thoả thuỷ');
  });

  it('is the identity on clean NFC text', () => {
    const s = 'Tổng giá trị đạt 2.926 tỷ đồng.';
    const n = normalize(s);
    expect(n.text).toBe(s);
    for (let i = 0; i <= s.length; i++) expect(n.toOriginal(i)).toBe(i);
  });

  it('clamps out-of-range offsets', () => {
    const n = normalize('a\u200bb');
    expect(n.toOriginal(-5)).toBe(0);
    expect(n.toOriginal(99)).toBe(3);
  });

  it('property: text equals the reference normalisation; toOriginal is monotonic with fixed ends', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, blankText), fc.constantFrom('keep', 'old', 'new') as fc.Arbitrary<'keep' | 'old' | 'new'>, (t, tone) => {
        const n = normalize(t, { tone });
        const ref = expected(t);
        expect(n.text).toBe(tone === 'keep' ? ref : convertTone(ref, tone));
        expect(n.toOriginal(0)).toBe(n.text.length === 0 ? t.length : 0);
        expect(n.toOriginal(n.text.length)).toBe(t.length);
        let prev = n.toOriginal(0);
        for (let i = 0; i <= n.text.length; i++) {
          const o = n.toOriginal(i);
          expect(o).toBeGreaterThanOrEqual(prev);
          expect(o).toBeLessThanOrEqual(t.length);
          prev = o;
        }
      }),
      { numRuns: 400 },
    );
  });

  it('property: each output cluster comes from the original slice it maps to', () => {
    fc.assert(
      fc.property(anyText, (t) => {
        const n = normalize(t);
        for (const [p, q] of clusters(n.text)) {
          expect(normalize(t.slice(n.toOriginal(p), n.toOriginal(q))).text).toBe(n.text.slice(p, q));
        }
      }),
      { numRuns: 400 },
    );
  });

  it('property: on Vietnamese letters (no stray marks) every output character maps to its own source slice', () => {
    const letters = fc
      .array(fc.constantFrom('Huyện', 'ủy', 'uỷ', 'Đà', 'Ð', 'nẵng', 'Ưởng', ' ', '\u00a0', '\u200b', '\ufeff', '\n', '2.926'), { maxLength: 30 })
      .map((a) => a.join(''))
      .chain((s) => fc.constantFrom(s, s.normalize('NFD')));
    fc.assert(
      fc.property(letters, (t) => {
        const n = normalize(t);
        for (let i = 0; i < n.text.length; i++) {
          expect(normalize(t.slice(n.toOriginal(i), n.toOriginal(i + 1))).text).toBe(n.text[i]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('property: idempotent', () => {
    fc.assert(
      fc.property(vnText(), (t) => {
        const once = normalize(t, { tone: 'old' }).text;
        expect(normalize(once, { tone: 'old' }).text).toBe(once);
      }),
    );
  });

  it('handles 10 MB of decomposed text in linear time', () => {
    const unit = 'Huyện ủy Quảng Trạch\u00a0đạt 2.926 tỷ\u200b đồng. '.normalize('NFD');
    const big = unit.repeat(Math.ceil(10_000_000 / unit.length));
    const t0 = Date.now();
    const n = normalize(big, { tone: 'new' });
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(n.toOriginal(n.text.length)).toBe(big.length);
    const k = n.text.length - 10;
    expect(normalize(big.slice(n.toOriginal(k), n.toOriginal(k + 5))).text).toBe(n.text.slice(k, k + 5));
  });

  it('rejects bad input and options with VietNlpError', () => {
    const err = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(VietNlpError);
        return e as VietNlpError;
      }
      throw new Error('did not throw');
    };
    expect(err(() => normalize(42 as unknown as string)).code).toBe('E_INPUT_TYPE');
    expect(err(() => normalize(null as unknown as string)).message).toMatch(/null/);
    const bad = err(() => normalize('x', { tone: 'modern' as 'old' }));
    expect(bad.code).toBe('E_OPTION_VALUE');
    expect(bad.message).toMatch(/"modern"/);
    expect(bad.message).toMatch(/"old", "new", "keep"/);
    const unknown = err(() => normalize('x', { tones: 'old' } as unknown as { tone: 'old' }));
    expect(unknown.code).toBe('E_UNKNOWN_OPTION');
    expect(unknown.message).toMatch(/"tones"/);
    expect(err(() => normalize('x', 'old' as unknown as { tone: 'old' })).code).toBe('E_OPTION_TYPE');
  });
});
