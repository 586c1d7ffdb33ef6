import { describe, expect, it } from 'vitest';
import { scanTokens, tokenize, TOKEN_KINDS } from '../../src/text/tokens.js';

const texts = (s: string) => tokenize(s).map((t) => t.text);

describe('tokenize', () => {
  it('keeps Vietnamese numbers, percentages, units, codes and abbreviations whole', () => {
    expect(texts('đạt 2.926 tỷ đồng, 45,8% KH; 1.329,9 và 58,3 tạ/ha ngày 09-7 hay 15/12/2025')).toEqual([
      'đạt', '2.926', 'tỷ', 'đồng', ',', '45,8%', 'KH', ';', '1.329,9', 'và', '58,3', 'tạ/ha', 'ngày', '09-7', 'hay', '15/12/2025',
    ]);
    expect(texts('UBND TP.HCM, TP. Hồ Chí Minh, PGS.TS khóa XXIV Nghị quyết 26-NQ/TW v.v.')).toEqual([
      'UBND', 'TP.HCM', ',', 'TP.', 'Hồ', 'Chí', 'Minh', ',', 'PGS.TS', 'khóa', 'XXIV', 'Nghị', 'quyết', '26-NQ/TW', 'v.v.',
    ]);
  });
  it('classifies tokens', () => {
    const kinds = Object.fromEntries(tokenize('HĐND XXIV 45,8% 2020 Covid-19 https://a.vn x@y.vn . ủy 😀').map((t) => [t.text, t.kind]));
    expect(kinds).toMatchObject({ HĐND: 'abbreviation', XXIV: 'roman', '45,8%': 'percent', '2020': 'number', 'Covid-19': 'code', 'https://a.vn': 'url', 'x@y.vn': 'email', '.': 'punctuation', 'ủy': 'syllable', '😀': 'emoji' });
  });
  it('splits a full stop glued to the next sentence and keeps sentence-final dots separate', () => {
    expect(texts('năm 2020.Ngày 9 tháng.')).toEqual(['năm', '2020', '.', 'Ngày', '9', 'tháng', '.']);
  });
  it('keeps NFD letters with their marks', () => {
    const nfd = 'Đà Nẵng'.normalize('NFD');
    expect(tokenize(nfd).map((t) => nfd.slice(t.start, t.end))).toEqual(['Đà'.normalize('NFD'), 'Nẵng'.normalize('NFD')]);
  });
});

describe('tokenize units', () => {
  it('keeps slash units whole in NFC and NFD spelling', () => {
    for (const s of ['đạt 6,12 tấn/ha', 'đạt 6,12 tấn/ha'.normalize('NFD')]) {
      const t = tokenize(s).find((x) => x.kind === 'unit');
      expect(t && s.slice(t.start, t.end).normalize('NFC')).toBe('tấn/ha');
    }
  });
});

describe('tokenize dotted abbreviations', () => {
  it('gives NFD input the same tokens as NFC', () => {
    for (const s of ['tại H.Bình Chánh, TP.HCM và PGS.TS Lê', 'Ngày 5.Tháng sau']) {
      const nfd = s.normalize('NFD');
      expect(tokenize(nfd).map((t) => t.text.normalize('NFC'))).toEqual(tokenize(s).map((t) => t.text));
    }
  });
});

describe('tokenize document codes', () => {
  it('keeps digits after the issuer letters (QH15) inside the code', () => {
    expect(texts('Nghị quyết số 202/2025/QH15 và Quyết định 1719/QĐ-TTg, 05-CTr/ĐU.')).toEqual([
      'Nghị', 'quyết', 'số', '202/2025/QH15', 'và', 'Quyết', 'định', '1719/QĐ-TTg', ',', '05-CTr/ĐU', '.',
    ]);
  });
});

describe('tokenize fast paths (plain words and lone punctuation read by character class)', () => {
  // Recorded from the pattern-only scanner: the fast paths must give exactly what the patterns give.
  const pairs = (s: string) => tokenize(s).map((t) => [t.text, t.kind]);
  it('gives what the patterns give at the edges of the fast paths', () => {
    expect(pairs('ĸA ĸa Ab: Ab:/ https://x.vn')).toEqual([['ĸA', 'syllable'], ['ĸa', 'syllable'], ['Ab', 'syllable'], [':', 'punctuation'], ['Ab', 'syllable'], [':', 'punctuation'], ['/', 'punctuation'], ['https://x.vn', 'url']]);
    expect(pairs('.abc@x.com a-b@c.de - – — ...')).toEqual([['.abc@x.com', 'email'], ['a-b@c.de', 'email'], ['-', 'punctuation'], ['–', 'punctuation'], ['—', 'punctuation'], ['...', 'punctuation']]);
    expect(pairs("ĐỒNG Hà Aǅ AΩb ǅa Đắk Lắk H'Linh tỉnh\u00adx")).toEqual([['ĐỒNG', 'syllable'], ['Hà', 'syllable'], ['Aǅ', 'syllable'], ['AΩb', 'abbreviation'], ['ǅa', 'syllable'], ['Đắk', 'syllable'], ['Lắk', 'syllable'], ["H'Linh", 'syllable'], ['tỉnh\u00adx', 'syllable']]);
    expect(pairs('Ông Quảng, (Bình) “Hà” [Nam]! Lâm; Đồng:').map((p) => p[0])).toEqual(['Ông', 'Quảng', ',', '(', 'Bình', ')', '“', 'Hà', '”', '[', 'Nam', ']', '!', 'Lâm', ';', 'Đồng', ':']);
  });
  it('scanTokens gives the tokens of tokenize as parallel arrays', () => {
    const s = 'Ngày 09-7, Huyện ủy Quảng Trạch (TP.HCM) đạt 45,8% KH; www.a.vn v.v.';
    const t = scanTokens(s);
    const objs = Array.from({ length: t.n }, (_, i) => ({ text: s.slice(t.start[i]!, t.end[i]!), start: t.start[i], end: t.end[i], kind: TOKEN_KINDS[t.kind[i]!] }));
    expect(objs).toEqual(tokenize(s));
  });
});
