import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseStretches, truecase } from '../../src/text/casing.js';
import { extractOfficials, tagEntities } from '../../src/index.js';

/** Same length, and each character is the original or its lower/upper-case form. */
function onlyCaseChanged(t: string, r: string): void {
  expect(r.length).toBe(t.length);
  const a = [...t], b = [...r];
  expect(b.length).toBe(a.length);
  a.forEach((c, i) => expect([c, c.toLowerCase(), c.toUpperCase()]).toContain(b[i]));
}

const MIXED = 'Đồng chí Phan Văn Thanh, Phó Bí thư TT Huyện ủy chủ trì hội nghị ngày 09-7.\nUBND huyện Đức Thọ báo cáo.';

describe('caseStretches', () => {
  it('finds nothing in ordinary mixed-case text', () => {
    expect(caseStretches(MIXED)).toEqual([]);
    expect(caseStretches('')).toEqual([]);
    expect(caseStretches('UBND - HĐND\nNgày 9-7, Huyện ủy họp.')).toEqual([]);
  });
  it('flags a whole text in lower case or in capitals', () => {
    const low = MIXED.toLowerCase();
    expect(caseStretches(low)).toEqual([{ start: 0, end: low.length, casing: 'lower' }]);
    const up = MIXED.toUpperCase();
    expect(caseStretches(up)).toEqual([{ start: 0, end: up.length, casing: 'upper' }]);
  });
  it('flags a heading line in capitals inside mixed text', () => {
    const t = 'BÁO CÁO TỔNG KẾT CÔNG TÁC NĂM 2022\nNăm 2022, Huyện ủy Đức Thọ lãnh đạo toàn diện.';
    expect(caseStretches(t)).toEqual([{ start: 0, end: t.indexOf('\n'), casing: 'upper' }]);
  });
});

describe('truecase', () => {
  it('returns mixed-case text unchanged, byte for byte', () => {
    expect(truecase(MIXED)).toBe(MIXED);
    expect(truecase('Giá cà phê tăng 5%.')).toBe('Giá cà phê tăng 5%.');
  });
  it('keeps the length and changes only letter case', () => {
    for (const t of [MIXED.toLowerCase(), MIXED.toUpperCase(), 'ﬀ ǅ İstanbul ß'.toUpperCase(), 'hội nghị ﬁ ǆ']) {
      onlyCaseChanged(t, truecase(t));
    }
  });
  it('restores organisation words, acronyms, names and sentence starts', () => {
    const r = truecase('hôm nay ủy ban nhân dân tỉnh quảng ninh tổ chức hội nghị. chủ tịch ubnd tỉnh phát biểu.');
    expect(r).toMatch(/^Hôm nay Ủy ban nhân dân tỉnh Quảng Ninh/u);
    expect(r).toContain('. Chủ tịch UBND tỉnh');
  });
  it('lower-cases capitals where the words are common nouns', () => {
    const r = truecase('BÁO CÁO KẾT QUẢ CÔNG TÁC NĂM 2022 CỦA HUYỆN ỦY ĐỨC THỌ');
    expect(r.startsWith('Báo cáo kết quả công tác năm 2022')).toBe(true);
  });
  it('any string: same length, same letters up to case', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (t) => {
      onlyCaseChanged(t, truecase(t));
    }), { numRuns: 300 });
  });
});

describe('entity casing hook', () => {
  it('tags lower-cased text with the offsets of the original and proper-case normalized forms', () => {
    const text = 'đồng chí nguyễn văn bình, chủ tịch ủy ban nhân dân tỉnh phát biểu tại hội nghị.';
    const ents = tagEntities(text);
    for (const e of ents) expect(text.slice(e.start, e.end)).toBe(e.text);
    const person = ents.find((e) => e.type === 'PERSON');
    expect(person?.text).toBe('nguyễn văn bình');
    expect(person?.normalized).toBe('Nguyễn Văn Bình');
    const off = extractOfficials(text);
    expect(off[0]?.positions[0]).toBe('Chủ tịch Ủy ban nhân dân tỉnh');
  });
  it('tags capitals the way it tags mixed case', () => {
    const mixed = 'Đồng chí Nguyễn Văn Bình, Chủ tịch UBND tỉnh phát biểu tại hội nghị.';
    const up = mixed.toUpperCase();
    const types = (t: string) => tagEntities(t).map((e) => `${e.type}:${e.start}-${e.end}`);
    expect(types(up)).toEqual(types(mixed));
  });
});

describe('truecase keeps section numbers', () => {
  it('leaves Roman numerals of a heading in capitals', () => {
    const r = truecase('Báo cáo.\nII - NHIỆM VỤ TRỌNG TÂM');
    expect(r).toContain('\nII - ');
    expect(r).not.toContain('NHIỆM VỤ');
  });
});
