import { describe, expect, it } from 'vitest';
import { summarize, classifySentences } from '../../src/summarize/index.js';
import { splitSentences } from '../../src/sentences/index.js';
import { VietNlpError } from '../../src/errors.js';

// A made-up report in the usual shape: headline, meeting sentence, chair, caption, figures, tasks, byline.
const HEADLINE = 'Huyện ủy Sông Lam sơ kết công tác 6 tháng đầu năm 2024';
const MEETING = 'Ngày 12-7, Ban Chấp hành Đảng bộ huyện Sông Lam tổ chức Hội nghị lần thứ 15, khóa XXV để sơ kết công tác 6 tháng đầu năm và triển khai nhiệm vụ 6 tháng cuối năm 2024.';
const CHAIR = 'Đồng chí Trần Văn Bình, Bí thư Huyện ủy chủ trì hội nghị.';
const CAPTION = 'Quang cảnh Hội nghị lần thứ 15 Ban Chấp hành Đảng bộ huyện Sông Lam';
const FIGURES = 'Tổng giá trị sản xuất ước đạt 4.215,6 tỷ đồng, tăng 7,9% so với cùng kỳ, đạt 48,2% kế hoạch năm; thu ngân sách trên địa bàn đạt 152,4 tỷ đồng, bằng 61,5% dự toán.';
const TASKS = 'Phát biểu kết luận hội nghị, đồng chí Trần Văn Bình yêu cầu các cấp ủy, chính quyền tập trung thực hiện thắng lợi các nhiệm vụ 6 tháng cuối năm, phấn đấu hoàn thành các chỉ tiêu năm 2024.';
const BYLINE = 'Thu Trang - VPHU';
const FILLER = [
  'Dự hội nghị có đồng chí Lê Thị Hương, Phó Trưởng Ban Dân vận Tỉnh ủy cùng các đồng chí trong Ban Thường vụ Huyện ủy.',
  'Sáu tháng đầu năm, tình hình kinh tế của huyện tiếp tục ổn định.',
  'Lĩnh vực văn hóa, xã hội có nhiều chuyển biến tích cực.',
  'Công tác xây dựng Đảng và hệ thống chính trị được quan tâm.',
  'Quốc phòng, an ninh được giữ vững.',
  'Công tác dân vận, hoạt động của Mặt trận và các đoàn thể tiếp tục được đổi mới.',
  'Tại hội nghị, các đại biểu đã thảo luận, đóng góp nhiều ý kiến tâm huyết.',
];
const REPORT = [
  HEADLINE, '',
  MEETING, CHAIR, CAPTION, FILLER[0], FILLER[1], FIGURES, FILLER[2], FILLER[3], FILLER[4], FILLER[5], FILLER[6], TASKS,
  '  ' + BYLINE,
].join('\n');

describe('summarize: report content', () => {
  const s = summarize(REPORT, { sentences: 4 });
  const texts = s.sentences.map((x) => x.text);

  // With 4 sentences the learned scorer takes the meeting, the chair and the figures; the closing instructions come
  // with a longer summary on a text this short and this poor in figures (document type ≈ news).
  it('picks the meeting sentence and a figures sentence', () => {
    expect(texts).toContain(MEETING);
    expect(texts).toContain(FIGURES);
  });

  it('never picks the headline, the caption or the byline', () => {
    for (const k of [1, 3, 5, 8, 20]) {
      const t = summarize(REPORT, { sentences: k }).sentences.map((x) => x.text);
      expect(t).not.toContain(HEADLINE);
      expect(t).not.toContain(CAPTION);
      expect(t.some((x) => x.includes(BYLINE))).toBe(false);
    }
  });

  it('returns sentences in document order with indexes into splitSentences and exact offsets', () => {
    const all = splitSentences(REPORT);
    let prev = -1;
    for (const x of s.sentences) {
      expect(x.index).toBeGreaterThan(prev);
      prev = x.index;
      expect(all[x.index]).toMatchObject({ text: x.text, start: x.start, end: x.end });
      expect(REPORT.slice(x.start, x.end)).toBe(x.text);
      expect(Number.isFinite(x.score)).toBe(true);
    }
    expect(s.text).toBe(texts.join(' '));
  });

  it('gives the requested number of sentences, capped by the body sentences', () => {
    expect(summarize(REPORT, { sentences: 2 }).sentences).toHaveLength(2);
    expect(summarize(REPORT, { sentences: 100 }).sentences).toHaveLength(11); // 14 lines − headline, caption, byline
    expect(summarize(REPORT, { ratio: 0.5 }).sentences.length).toBe(6); // round(0.5 × 11)
    expect(summarize(REPORT).sentences).toHaveLength(5); // default
  });

  it('offsets hold on new-style tones and NFD input', () => {
    const nfd = REPORT.normalize('NFD').replace(/ủy/g, 'uỷ');
    const r = summarize(nfd, { sentences: 3 });
    expect(r.sentences).toHaveLength(3);
    for (const x of r.sentences) expect(nfd.slice(x.start, x.end)).toBe(x.text);
  });

  it('without redundancy control a duplicate would be picked twice; with it, not', () => {
    const dup = [HEADLINE, '', MEETING, MEETING.replace('Ngày 12-7', 'Hôm 12-7'), FIGURES, TASKS, FILLER[2]].join('\n');
    const t = summarize(dup, { sentences: 3 }).sentences.map((x) => x.text);
    expect(t.filter((x) => x.includes('tổ chức Hội nghị lần thứ 15'))).toHaveLength(1);
  });
});

describe('summarize: layout roles', () => {
  it('tells headline, caption, subheading, byline and body apart', () => {
    const text = [
      'Tiêu đề bài viết về hội nghị', '',
      'Ngày 8/6, Tỉnh ủy tổ chức hội nghị.',
      'Toàn cảnh Hội nghị. Ảnh: Minh Anh/TTXVN',
      'Một tiêu đề phụ ngắn',
      'Hội nghị đã thảo luận nhiều nội dung quan trọng.',
      'Theo TTXVN',
    ].join('\n');
    const sents = splitSentences(text);
    const roles = classifySentences(text, sents).map((l, i) => [sents[i]!.text, l.role]);
    expect(roles[0]).toEqual(['Tiêu đề bài viết về hội nghị', 'headline']);
    expect(roles.find(([t]) => t === 'Ngày 8/6, Tỉnh ủy tổ chức hội nghị.')?.[1]).toBe('body');
    expect(roles.filter(([t]) => t!.includes('Ảnh: Minh Anh')).every(([, r]) => r === 'caption')).toBe(true);
    expect(roles.find(([t]) => t === 'Một tiêu đề phụ ngắn')?.[1]).toBe('subheading');
    expect(roles.at(-1)).toEqual(['Theo TTXVN', 'byline']);
  });

  it('keeps a long unpunctuated line as body', () => {
    const text = 'Tiêu đề\n\nĐồng chí Phan Văn An - Phó Bí thư Thường trực Huyện ủy và đồng chí Nguyễn Văn Bảo - Phó Bí thư Huyện ủy, Chủ tịch UBND huyện đồng chủ trì hội nghị\nCâu kết thúc bài.';
    const sents = splitSentences(text);
    const roles = classifySentences(text, sents);
    expect(roles[1]!.role).toBe('body');
  });
});

describe('summarize: edge cases and options', () => {
  it('empty and blank text give an empty summary', () => {
    expect(summarize('')).toEqual({ sentences: [], text: '' });
    expect(summarize('   \n\u00a0 ')).toEqual({ sentences: [], text: '' });
  });

  it('one sentence gives that sentence', () => {
    const t = 'Huyện ủy tổ chức hội nghị.';
    expect(summarize(t)).toEqual({ sentences: [{ index: 0, text: t, start: 0, end: t.length, score: expect.any(Number) }], text: t });
    const line = 'Chỉ một dòng không có dấu chấm';
    expect(summarize(line).sentences.map((x) => x.text)).toEqual([line]);
  });

  it('odd strings give valid results', () => {
    for (const t of ['🙂🙂', '...', '\n\n\n', 'a', 'Hello world. This is English.', '1. 2. 3.', '"']) {
      const r = summarize(t);
      for (const x of r.sentences) expect(t.slice(x.start, x.end)).toBe(x.text);
    }
  });

  it('validates options', () => {
    const codeOf = (f: () => unknown): string | undefined => {
      try { f(); } catch (e) { return e instanceof VietNlpError ? e.code : 'other'; }
      return undefined;
    };
    expect(codeOf(() => summarize(REPORT, { sentences: 0 }))).toBe('E_OPTION_VALUE');
    expect(codeOf(() => summarize(REPORT, { sentences: 2.5 }))).toBe('E_OPTION_VALUE');
    expect(codeOf(() => summarize(REPORT, { sentences: '3' as unknown as number }))).toBe('E_OPTION_VALUE');
    expect(codeOf(() => summarize(REPORT, { ratio: 0 }))).toBe('E_OPTION_VALUE');
    expect(codeOf(() => summarize(REPORT, { ratio: 1.5 }))).toBe('E_OPTION_VALUE');
    expect(codeOf(() => summarize(REPORT, { ratio: Number.NaN }))).toBe('E_OPTION_VALUE');
    expect(codeOf(() => summarize(REPORT, { sentences: 3, ratio: 0.5 }))).toBe('E_OPTION_VALUE');
    expect(codeOf(() => summarize(REPORT, { length: 3 } as unknown as { sentences: number }))).toBe('E_UNKNOWN_OPTION');
    expect(codeOf(() => summarize(REPORT, 3 as unknown as { sentences: number }))).toBe('E_OPTION_TYPE');
    expect(codeOf(() => summarize(42 as unknown as string))).toBe('E_INPUT_TYPE');
    expect(codeOf(() => summarize('', { sentences: -1 }))).toBe('E_OPTION_VALUE');
    try { summarize(REPORT, { sentences: 0 }); } catch (e) {
      expect((e as Error).message).toMatch(/sentences/);
      expect((e as Error).message).toMatch(/1 to 10000/);
      expect((e as Error).message).toMatch(/0/);
    }
    try { summarize(REPORT, { ratio: 2 }); } catch (e) {
      expect((e as Error).message).toMatch(/ratio/);
      expect((e as Error).message).toMatch(/greater than 0 and at most 1/);
    }
  });

  it('stays fast on a long input (guard against quadratic blow-up)', () => {
    const big = Array.from({ length: 300 }, (_, i) => `${REPORT.replace(/15/g, String(i))}`).join('\n');
    const t0 = Date.now();
    const r = summarize(big, { ratio: 0.2 });
    expect(r.sentences.length).toBeGreaterThan(100);
    expect(Date.now() - t0).toBeLessThan(60_000);
  });
});
