import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/index.js';
import { VietNlpError } from '../../src/errors.js';
import { splitSentences } from '../../src/sentences/index.js';
import { segment } from '../../src/segment/index.js';
import { posTag } from '../../src/pos/index.js';
import { tagEntities, extractOfficials } from '../../src/entities/index.js';

const REPORT = [
  'Đảng ủy xã Hòa Bình tổng kết công tác năm 2023',
  '',
  'Ngày 20-12, Đảng ủy xã Hòa Bình tổ chức hội nghị tổng kết công tác năm 2023. Đồng chí Lê Văn Tám - Bí thư Đảng ủy xã chủ trì hội nghị.',
  'Năm 2023, tổng thu ngân sách trên địa bàn đạt 12,5 tỷ đồng, bằng 104,2% dự toán; toàn xã kết nạp 9 đảng viên mới.',
  'Hội nghị đề ra nhiệm vụ năm 2024: tập trung phát triển sản xuất, giữ vững các tiêu chí nông thôn mới.',
].join('\n');

describe('analyze', () => {
  it('gives the same layers as the task functions run alone', () => {
    const a = analyze(REPORT);
    expect(a.text).toBe(REPORT);
    expect(a.sentences).toEqual(splitSentences(REPORT));
    expect(a.words.map(({ upos: _u, xpos: _x, ...w }) => w)).toEqual(segment(REPORT));
    expect(a.words).toEqual(posTag(REPORT)); // the words of segment with their part-of-speech tags
    expect(a.entities).toEqual(tagEntities(REPORT));
    expect(a.officials).toEqual(extractOfficials(REPORT));
    expect(a.language.isVietnamese).toBe(true);
  });

  it('lower-cased text and capitals: the entity layers of the truecased text, the other layers of the text as given', () => {
    const upper = REPORT.split('\n').map((l, i) => (i === 0 ? l.toUpperCase() : l)).join('\n');
    for (const t of [REPORT.toLowerCase(), upper]) {
      const a = analyze(t);
      expect(a.entities).toEqual(tagEntities(t));
      expect(a.officials).toEqual(extractOfficials(t));
      expect(a.sentences).toEqual(splitSentences(t));
      expect(a.words.map(({ upos: _u, xpos: _x, ...w }) => w)).toEqual(segment(t));
      for (const x of [...a.entities, ...a.summary.sentences]) expect(t.slice(x.start, x.end)).toBe(x.text);
    }
    expect(analyze(REPORT.toLowerCase()).officials.length).toBeGreaterThan(0);
  });

  it('keeps every span inside the text as given', () => {
    const a = analyze(REPORT);
    for (const x of [...a.sentences, ...a.words, ...a.entities, ...a.summary.sentences]) expect(REPORT.slice(x.start, x.end)).toBe(x.text);
    expect(a.summary.sentences.length).toBeGreaterThan(0);
    expect(a.summary.sentences.map((s) => s.index)).toEqual([...a.summary.sentences.map((s) => s.index)].sort((x, y) => x - y));
  });

  it('passes summary options through and validates them', () => {
    expect(analyze(REPORT, { summary: { sentences: 1 } }).summary.sentences).toHaveLength(1);
    expect(() => analyze(REPORT, { summary: { sentences: 0 } })).toThrow(VietNlpError);
    expect(() => analyze(REPORT, { colour: 'red' } as never)).toThrow(/unknown option "colour"/);
  });

  it('returns a valid empty result for empty or blank text and flags other languages', () => {
    for (const t of ['', '   \n\t ']) {
      const a = analyze(t);
      expect(a.sentences).toEqual([]);
      expect(a.words).toEqual([]);
      expect(a.entities).toEqual([]);
      expect(a.summary).toEqual({ sentences: [], text: '' });
    }
    const en = analyze('The provincial committee met on Monday to review the plan for the coming year and the budget.');
    expect(en.language.isVietnamese).toBe(false);
    expect(en.words.length).toBeGreaterThan(10);
  });

  it('throws VietNlpError on non-string input', () => {
    expect(() => analyze(undefined as never)).toThrow(VietNlpError);
  });
});
