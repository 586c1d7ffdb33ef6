import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/text/tokens.js';
import { anyText, blankText, vnText } from './arbitraries.js';

function checkTokens(t: string): void {
  const toks = tokenize(t);
  const covered = new Uint8Array(t.length);
  let prevEnd = 0;
  for (const k of toks) {
    expect(k.end).toBeGreaterThan(k.start);
    expect(k.start).toBeGreaterThanOrEqual(prevEnd);
    expect(t.slice(k.start, k.end)).toBe(k.text);
    expect(/\s/.test(k.text)).toBe(false);
    for (let i = k.start; i < k.end; i++) covered[i] = 1;
    prevEnd = k.end;
  }
  for (let i = 0; i < t.length; i++) if (!/\s/.test(t[i]!)) expect(covered[i], `char ${i} ${JSON.stringify(t[i])} of ${JSON.stringify(t)}`).toBe(1);
}

describe('tokenize properties', () => {
  it('tokens are exact slices, sorted, non-overlapping, and cover every non-space character', () => {
    fc.assert(fc.property(fc.oneof(anyText, vnText(120), blankText), (t) => checkTokens(t)), { numRuns: 1500 });
  });

  it('handles empty and white-space-only strings', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize(' \u00a0\t\n\r\n\u3000')).toEqual([]);
  });

  it('completes pathological inputs in linear time', () => {
    const cases = ['.'.repeat(100_000), '9'.repeat(100_000), 'A'.repeat(100_000), 'a.'.repeat(100_000), 'A.'.repeat(100_000),
      '1.'.repeat(100_000), '1,'.repeat(100_000), 'a-'.repeat(100_000), 'A/'.repeat(100_000), '1-A/'.repeat(50_000), 'TP.HCM.'.repeat(30_000),
      'a@'.repeat(100_000), 'x@y.'.repeat(50_000), 'www.'.repeat(50_000), "a'".repeat(100_000), '\u0301'.repeat(100_000)];
    for (const c of cases) {
      const t0 = Date.now();
      const toks = tokenize(c);
      expect(Date.now() - t0, c.slice(0, 8)).toBeLessThan(10_000);
      checkTokens(c.slice(0, 2000));
      expect(toks.length).toBeGreaterThan(0);
    }
  });

  it('tokenizes 10 MB of report text in linear time', () => {
    const unit = 'Huyện ủy Quảng Trạch đạt 2.926 tỷ đồng, 45,8% KH; TP. Hồ Chí Minh, 26-NQ/TW, v.v. Ngày 15/12/2025.\n';
    const big = unit.repeat(Math.ceil(10_000_000 / unit.length));
    const t0 = Date.now();
    const toks = tokenize(big);
    expect(Date.now() - t0).toBeLessThan(20_000);
    expect(toks.at(-1)!.end).toBe(big.trimEnd().length);
  });
});
