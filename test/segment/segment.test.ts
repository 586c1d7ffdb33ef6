import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSegmenter, segment, segmentTokens, toUnderscore } from '../../src/segment/index.js';
import { scanTokens, tokenize } from '../../src/text/tokens.js';
import { decode } from '../../src/segment/index.js';
import { InfoTable, MAX_FEATURES } from '../../src/segment/features.js';
import { loadData } from '../../src/data/load.js';
import { parseLexicon } from '../../src/segment/lexicon.js';
import { decodeModel } from '../../src/segment/model.js';
import { createDoc } from '../../src/doc/index.js';
import { VietNlpError } from '../../src/errors.js';
import type { Word } from '../../src/types.js';

const texts = (ws: Word[]): string[] => ws.map((w) => w.text);

/** Every non-space character in exactly one word, offsets exact, words in order, words are token unions. */
function checkCoverage(text: string, words: Word[]): void {
  let prevEnd = 0;
  const tokens = tokenize(text);
  const starts = new Set(tokens.map((t) => t.start));
  const ends = new Set(tokens.map((t) => t.end));
  for (const w of words) {
    expect(w.start).toBeGreaterThanOrEqual(prevEnd);
    expect(w.end).toBeGreaterThan(w.start);
    expect(text.slice(w.start, w.end)).toBe(w.text);
    expect(/\S/u.test(text.slice(prevEnd, w.start))).toBe(false);
    expect(starts.has(w.start)).toBe(true);
    expect(ends.has(w.end)).toBe(true);
    prevEnd = w.end;
  }
  expect(/\S/u.test(text.slice(prevEnd))).toBe(false);
}

describe('segment: report-like sentences', () => {
  it('joins organisation words, unit names and compounds', () => {
    const s = 'Huyện ủy Quảng Trạch triển khai thực hiện nghị quyết của Ban Chấp hành Đảng bộ tỉnh.';
    const ws = texts(segment(s));
    expect(ws).toContain('Huyện ủy');
    expect(ws).toContain('Quảng Trạch');
    expect(ws).toContain('triển khai');
    expect(ws).toContain('Ban Chấp hành');
    expect(ws).toContain('Đảng bộ');
    expect(ws[ws.length - 1]).toBe('.');
  });

  it('keeps person names as one word of kind name', () => {
    const s = 'Đồng chí Phan Văn Thanh, Bí thư Huyện ủy, và bà Nguyễn Thị Minh Khai dự họp.';
    const ws = segment(s);
    const names = ws.filter((w) => w.kind === 'name').map((w) => w.text);
    expect(names).toContain('Phan Văn Thanh');
    expect(names).toContain('Nguyễn Thị Minh Khai');
  });

  it('a unit name followed by a person name stays two words', () => {
    const ws = texts(segment('Đại biểu huyện Lệ Thủy Trần Minh Đức phát biểu.'));
    expect(ws).toContain('Lệ Thủy');
    expect(ws).toContain('Trần Minh Đức');
  });

  it('Bác Hồ is one word (UD-VTB convention), other forms of address stay apart from the name', () => {
    expect(texts(segment('Học tập và làm theo tấm gương đạo đức của Bác Hồ.'))).toContain('Bác Hồ');
    expect(texts(segment('Bác Hùng phát biểu.')).slice(0, 2)).toEqual(['Bác', 'Hùng']);
  });

  it('joins a hyphenated province name', () => {
    expect(texts(segment('Tỉnh Bà Rịa - Vũng Tàu đạt kết quả tốt'))).toContain('Bà Rịa - Vũng Tàu');
  });

  it('numbers, dates, percentages, codes and abbreviations stay single tokens', () => {
    const s = 'Ngày 15/12/2025, UBND huyện báo cáo thu 2.926 tỷ đồng, đạt 45,8% KH theo Chỉ thị 05-CT/TU.';
    const ws = segment(s);
    const by = new Map(ws.map((w) => [w.text, w.kind]));
    expect(by.get('15/12/2025')).toBe('number');
    expect(by.get('2.926')).toBe('number');
    expect(by.get('45,8%')).toBe('number');
    expect(by.get('UBND')).toBe('abbreviation');
    expect(by.get('05-CT/TU')).toBe('abbreviation');
    expect(by.get(',')).toBe('punctuation');
  });

  it('never joins across a line break', () => {
    const s = 'Phó Bí thư Tỉnh ủy Yên Bái\n\nNgày 8/2, Ban Chấp hành họp';
    const ws = segment(s);
    expect(ws.every((w) => !w.text.includes('\n'))).toBe(true);
    expect(texts(ws)).toContain('Yên Bái');
  });

  it('a form of address is not part of the name, also at a sentence start', () => {
    const ws = segment('Ông Đỗ Đức Duy phát biểu. Chị Lan cho biết.');
    expect(texts(ws).slice(0, 2)).toEqual(['Ông', 'Đỗ Đức Duy']);
    expect(ws.find((w) => w.text === 'Lan')?.kind).toBe('name');
  });

  it('a capitalised caption word after a unit name starts a new word', () => {
    expect(texts(segment('Phó Bí thư Tỉnh ủy Yên Bái Theo quyết định số 439'))).toContain('Yên Bái');
  });

  it('i/y spelling variants find the same dictionary word', () => {
    expect(texts(segment('có trình độ thạc sỹ kinh tế'))).toContain('thạc sỹ');
    expect(texts(segment('có trình độ thạc sĩ kinh tế'))).toContain('thạc sĩ');
  });

  it('does not glue a lower-case word to a following capitalised name', () => {
    const ws = texts(segment('Hôm nay anh Vũ Ngọc Bình về thăm xã.'));
    expect(ws).not.toContain('anh Vũ');
    expect(ws).toContain('Vũ Ngọc Bình');
  });
});

describe('segment: invariance', () => {
  const base = 'Huyện ủy Quảng Trạch chỉ đạo tổ chức hội nghị ở Hà Nội về an ninh quốc phòng';
  const spans = (t: string): Array<[number, number]> => segment(t).map((w) => [w.start, w.end]);

  it('old/new tone placement gives the same words', () => {
    const newStyle = base.replace('ủy', 'uỷ');
    expect(newStyle).not.toBe(base);
    expect(spans(newStyle)).toEqual(spans(base));
    expect(spans('Thành ủy Thanh Hóa')).toEqual(spans('Thành uỷ Thanh Hoá'));
  });

  it('NFD input gives the same words (offsets into the NFD string)', () => {
    const nfd = base.normalize('NFD');
    const ws = segment(nfd);
    expect(ws.map((w) => w.text.normalize('NFC'))).toEqual(texts(segment(base)));
    checkCoverage(nfd, ws);
  });

  it('all-lower-case and all-upper-case text join dictionary words', () => {
    const lower = texts(segment('huyện ủy quảng trạch tổ chức hội nghị ở hà nội'));
    expect(lower).toContain('huyện ủy');
    expect(lower).toContain('hà nội');
    expect(lower).toContain('tổ chức');
    const upper = texts(segment('HUYỆN ỦY QUẢNG TRẠCH TỔ CHỨC HỘI NGHỊ Ở HÀ NỘI'));
    expect(upper).toContain('HUYỆN ỦY');
    expect(upper).toContain('QUẢNG TRẠCH');
    expect(upper).toContain('HÀ NỘI');
    expect(upper).toContain('HỘI NGHỊ');
  });
});

describe('custom dictionaries', () => {
  const s = 'Khu kinh tế Hòn La thu hút đầu tư';
  it('user words are always joined, per instance, without leaking', () => {
    const a = createSegmenter({ dictionary: ['khu kinh tế Hòn La'] });
    const b = createSegmenter({ dictionary: ['thu hút đầu tư'] });
    expect(texts(a.segment(s))).toContain('Khu kinh tế Hòn La');
    expect(texts(a.segment(s))).not.toContain('thu hút đầu tư');
    expect(texts(b.segment(s))).toContain('thu hút đầu tư');
    expect(texts(b.segment(s))).not.toContain('Khu kinh tế Hòn La');
    expect(texts(segment(s))).not.toContain('Khu kinh tế Hòn La');
    expect(texts(segment(s, { dictionary: ['KHU KINH TẾ HÒN LA'] }))).toContain('Khu kinh tế Hòn La');
    expect(texts(segment(s))).not.toContain('Khu kinh tế Hòn La');
  });

  it('accepts any iterable and matches tone/case variants', () => {
    const seg = createSegmenter({ dictionary: new Set(['Hòa Bình Xanh']) });
    expect(texts(seg.segment('dự án hoà bình xanh'))).toContain('hoà bình xanh');
  });

  it('rejects bad options with VietNlpError', () => {
    expect(() => segment('a', { dictionary: 'abc' as unknown as string[] })).toThrow(VietNlpError);
    expect(() => segment('a', { dictionary: [1 as unknown as string] })).toThrow(VietNlpError);
    expect(() => segment('a', { dict: [] } as unknown as object)).toThrow(VietNlpError);
    expect(() => segment(42 as unknown as string)).toThrow(VietNlpError);
    expect(() => createSegmenter({ dictionary: null as unknown as string[] })).toThrow(VietNlpError);
  });
});

describe('segmentTokens and toUnderscore', () => {
  it('segmentTokens equals segment', () => {
    const s = 'Ban Thường vụ Tỉnh ủy họp ngày 03/01/2025.';
    expect(segmentTokens(s, tokenize(s))).toEqual(segment(s));
  });

  it('long input cut at line breaks gives the same words as one pass over all tokens', () => {
    const lines = [
      'Huyện ủy Quảng Trạch triển khai Nghị quyết 26-NQ/TW.',
      'ÔNG NGUYỄN VĂN AN PHÁT BIỂU TẠI HỘI NGHỊ',
      'thu ngân sách đạt 2.926 tỷ đồng, bằng 45,8% kế hoạch',
      'Ban Thường vụ Tỉnh ủy Quảng Bình họp ngày 03/01/2025',
      '',
    ];
    let s = '';
    for (let i = 0; s.length < 120_000; i++) s += lines[i % lines.length] + (i % 7 === 0 ? '\r\n' : '\n');
    const whole = segmentTokens(s, tokenize(s));
    expect(segment(s)).toEqual(whole);
    checkCoverage(s, whole);
  });

  it('toUnderscore joins syllables with _ and words with one space', () => {
    expect(toUnderscore('Huyện ủy Quảng Trạch triển khai')).toBe('Huyện_ủy Quảng_Trạch triển_khai');
    expect(toUnderscore('')).toBe('');
    const s = 'Ban  Chấp hành';
    expect(toUnderscore(s, [{ text: 'Ban  Chấp hành', start: 0, end: 14, kind: 'word' }])).toBe('Ban_Chấp_hành');
  });
});

describe('odd input', () => {
  it('empty and blank strings', () => {
    expect(segment('')).toEqual([]);
    expect(segment('  \n\t ')).toEqual([]);
  });

  it('emoji and symbols are covered', () => {
    const s = 'Tuyệt vời 👍🏽 quá 🇻🇳! ©2025 & 100$';
    const ws = segment(s);
    checkCoverage(s, ws);
    expect(ws.some((w) => w.text.includes('👍'))).toBe(true);
  });

  it('NBSP and mixed languages', () => {
    const s = 'Hội nghị\u00a0tổng kết – the annual meeting, 会议 2025';
    checkCoverage(s, segment(s));
  });

  it('property: offsets and coverage on random strings', () => {
    const alphabet = fc.constantFrom(
      'a', 'ă', 'ủ', 'y', 'Đ', 'H', 'u', 'ê', 'n', ' ', ' ', '\n', '.', ',', '-', '1', '2', '%', '/', 'Q', 'T', '\u0301', '\u00a0', '😀', 'ư', 'ơ', 'g',
    );
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 80 }).map((a) => a.join('')), (s) => {
        checkCoverage(s, segment(s));
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 60, unit: 'grapheme' }), (s) => {
        checkCoverage(s, segment(s));
      }),
      { numRuns: 300 },
    );
  });

  it('long input in reasonable time (no blow-up)', () => {
    const line = 'Huyện ủy Quảng Trạch triển khai Nghị quyết 26-NQ/TW, thu ngân sách đạt 2.926 tỷ đồng. ';
    const s = line.repeat(20_000); // ~1.7 MB
    const t0 = performance.now();
    const ws = segment(s);
    const ms = performance.now() - t0;
    expect(ws.length).toBeGreaterThan(200_000);
    expect(ms).toBeLessThan(30_000);
  });
});

describe('segment: packed tokens and the token-info table', () => {
  const text = 'Đồng chí Phan Văn Thanh - Phó Bí thư TT Huyện ủy Quảng Trạch chủ trì hội nghị ngày 09-7.\nChị Lan, anh Vũ tại xã Quảng Kim đạt 45,8% KH.';
  it('segmentPacked on a document or scanTokens gives segment(text)', () => {
    const seg = createSegmenter();
    expect(seg.segmentPacked(text, createDoc(text))).toEqual(segment(text));
    expect(seg.segmentPacked(text, scanTokens(text))).toEqual(segment(text));
  });
  it('gives the same words when the table is emptied again and again (a tiny table)', () => {
    const model = loadData('segmenter-model.txt.gz', decodeModel);
    const lex = loadData('lexicon.txt.gz', parseLexicon);
    const long = Array.from({ length: 20 }, () => text).join('\n');
    const tiny = decode(long, scanTokens(long), model, lex, undefined, new InfoTable(3), new Int32Array(MAX_FEATURES));
    expect(tiny).toEqual(segment(long));
  });
});
