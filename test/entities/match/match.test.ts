import { describe, expect, it } from 'vitest';
import { createTagger, tagEntities } from '../../../src/entities/index.js';
import { createDoc } from '../../../src/doc/index.js';
import { createDocContext } from '../../../src/entities/context.js';
import { compilePatterns, type TokenPattern } from '../../../src/entities/match/index.js';
import { isVietNlpError } from '../../../src/errors.js';

const tokensOf = (text: string) => {
  const c = createDocContext(text);
  return { tokens: c.tokens, keys: c.keys, cap: c.cap, n: c.tokens.length, text };
};
const spans = (m: ReturnType<typeof compilePatterns>, text: string) => {
  const t = tokensOf(text);
  return m.matchAll(t, 0, t.n).map((x) => `${x.pattern.id}:${text.slice(t.tokens[x.start]!.start, t.tokens[x.end - 1]!.end)}`);
};

describe('token-pattern matcher', () => {
  const coop: TokenPattern = { id: 'test:coop', label: 'ORGANIZATION', pattern: [{ word: 'hợp tác xã' }, { is: 'cap', op: '+' }] };
  it('matches a phrase literal case- and tone-insensitively, then a repeated class, longest first', () => {
    expect(spans(compilePatterns([coop]), 'HỢP TÁC XÃ Quyết Thắng đạt lãi, hợp tác xã nông nghiệp thì chưa.')).toEqual(['test:coop:HỢP TÁC XÃ Quyết Thắng']);
  });
  it('the house-number class: 1–3 digits, not a year or a date', () => {
    const p: TokenPattern = { id: 'test:street', label: 'LOCATION', pattern: [{ is: 'cap', op: '+', max: 3 }], before: { is: 'house-number' } };
    const m = compilePatterns([p]);
    expect(spans(m, 'Quán ở 45 Bà Triệu, năm 2021 Hà Nội có mưa, ngày 12/5 Lan về.')).toEqual(['test:street:Bà Triệu']);
  });
  it('takes optional elements and word sets', () => {
    const p: TokenPattern = { id: 'test:person', label: 'PERSON', pattern: [{ set: 'surname' }, { set: 'middle', op: '?' }, { is: 'cap' }] };
    const m = compilePatterns([p], { surname: new Set(['lò']), middle: new Set(['văn']) });
    expect(spans(m, 'Gặp Lò Văn Giàng và Lò Mai.')).toEqual(['test:person:Lò Văn Giàng', 'test:person:Lò Mai']);
  });
  it('reads a Doc directly (tokens, folded keys, capitals), one line at a time', () => {
    const doc = createDoc('Hợp tác xã\nQuyết Thắng và Hợp tác xã Tân Phú');
    const m = compilePatterns([coop]);
    const found: string[] = [];
    for (let l = 0; l < doc.lineCount; l++) {
      for (const x of m.matchAll(doc, doc.lineFirst[l]!, doc.lineFirst[l + 1]!)) found.push(doc.text.slice(doc.start[x.start]!, doc.end[x.end - 1]!));
    }
    expect(found).toEqual(['Hợp tác xã Tân Phú']);
  });
  it('stops at the limit it is given (the end of the line)', () => {
    const m = compilePatterns([coop]);
    const t = tokensOf('Hợp tác xã Quyết Thắng');
    expect(m.matchAt(t, 0, 4)?.end).toBe(4);
    expect(m.matchAt(t, 0, 3)).toBeUndefined();
  });
  it('honours context and exceptions', () => {
    const p: TokenPattern = {
      id: 'test:centre', label: 'ORGANIZATION', pattern: [{ word: 'Trung ương', is: 'cap' }],
      before: { word: ['của', ','], edge: true }, notAfter: { word: 'đoàn' },
    };
    const m = compilePatterns([p]);
    expect(spans(m, 'Trung ương đã chỉ đạo')).toEqual(['test:centre:Trung ương']);
    expect(spans(m, 'ý kiến của Trung ương Đoàn')).toEqual([]);
    expect(spans(m, 'ý kiến của Trung ương.')).toEqual(['test:centre:Trung ương']);
    expect(spans(m, 'vùng trung ương')).toEqual([]);
  });
  it('prefers the longer match, then the higher priority', () => {
    const a: TokenPattern = { id: 'a', label: 'LOCATION', pattern: [{ word: 'cầu' }, { is: 'cap' }] };
    const b: TokenPattern = { id: 'b', label: 'LOCATION', pattern: [{ word: 'cầu' }, { is: 'cap' }], priority: 5 };
    const c: TokenPattern = { id: 'c', label: 'LOCATION', pattern: [{ word: 'cầu' }, { is: 'cap', op: '+' }] };
    expect(spans(compilePatterns([a, b]), 'qua cầu Rồng')).toEqual(['b:cầu Rồng']);
    expect(spans(compilePatterns([a, b, c]), 'qua cầu Nhật Tân')).toEqual(['c:cầu Nhật Tân']);
  });
  it('throws VietNlpError naming the pattern on a bad element', () => {
    const bad = (ps: unknown) => {
      try {
        compilePatterns(ps as TokenPattern[]);
      } catch (e) {
        return isVietNlpError(e) ? `${e.code}:${e.message}` : 'other';
      }
      return 'none';
    };
    expect(bad([{ id: 'x', label: 'PERSON', pattern: [{ set: 'nope' }] }])).toMatch(/^E_OPTION_VALUE:.*"x".*word set "nope"/);
    expect(bad([{ id: 'y', label: 'PERSON', pattern: [{ is: 'shouting' }] }])).toMatch(/^E_OPTION_VALUE:.*"y".*valid values/);
    expect(bad([{ id: 'z', label: 'PERSON', pattern: [] }])).toMatch(/^E_OPTION_VALUE/);
    expect(bad('nope')).toMatch(/^E_OPTION_TYPE/);
  });
});

describe('createTagger({ patterns })', () => {
  const text = 'Hợp tác xã Quyết Thắng ký hợp đồng với Công ty Sông Gianh.';
  it('adds a pattern without touching code; its id becomes the source', () => {
    const tagger = createTagger({ patterns: [{ id: 'user:coop', label: 'ORGANIZATION', pattern: [{ word: 'hợp tác xã' }, { is: 'cap', op: '+' }] }] });
    const e = tagger.tagEntities(text).find((x) => x.source === 'user:coop');
    expect(e && text.slice(e.start, e.end)).toBe('Hợp tác xã Quyết Thắng');
    expect(e?.type).toBe('ORGANIZATION');
    // the default tagger is unchanged
    expect(tagEntities(text).some((x) => x.source === 'user:coop')).toBe(false);
  });
  it('may name the shared vocabulary and the dictionaries as word sets', () => {
    const tagger = createTagger({ patterns: [{ id: 'user:bridge', label: 'LOCATION', pattern: [{ word: 'cầu' }, { set: 'surname' }, { is: 'cap', op: '+' }] }] });
    expect(tagger.tagEntities('Thông xe cầu Trần Thị Lý hôm qua.').filter((x) => x.source === 'user:bridge').map((x) => x.text)).toEqual(['cầu Trần Thị Lý']);
  });
  it('rejects a pattern naming an unknown set', () => {
    expect(() => createTagger({ patterns: [{ id: 'u', label: 'PERSON', pattern: [{ set: 'nope' }] }] })).toThrow(/word set "nope"/);
  });
});
