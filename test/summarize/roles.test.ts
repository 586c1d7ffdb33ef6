import { describe, expect, it } from 'vitest';
import { classifySentences, extractReport, summarize } from '../../src/summarize/index.js';
import { splitSentences } from '../../src/sentences/index.js';

// Made-up reports in the layout of party documents: a heading block (issuer, number, document kind, a long title
// without final stop, a subtitle continuing it), then the body.
const MEETING = 'Ngày 14-7-2025, tại Hội trường Tỉnh ủy, Ban Chấp hành Đảng bộ tỉnh Hòa Lâm tổ chức Hội nghị lần thứ 21 để sơ kết công tác 6 tháng đầu năm.';
const BODY = [
  MEETING,
  'Đồng chí Trần Minh Khôi, Bí thư Tỉnh ủy chủ trì hội nghị.',
  'Tổng sản phẩm trên địa bàn tăng 7,1%, thu ngân sách đạt 5.210 tỷ đồng, bằng 56,2% dự toán.',
  'Toàn tỉnh kết nạp 820 đảng viên mới, đạt 54% kế hoạch năm.',
  'Công tác xây dựng Đảng tiếp tục được quan tâm, chất lượng sinh hoạt chi bộ được nâng lên.',
  'Quốc phòng, an ninh được giữ vững, trật tự an toàn xã hội được bảo đảm.',
  'Hội nghị yêu cầu các cấp ủy tập trung hoàn thành các chỉ tiêu còn đạt thấp trong 6 tháng cuối năm.',
];
const TITLE = 'Kết quả lãnh đạo, chỉ đạo thực hiện nhiệm vụ chính trị 6 tháng đầu năm và phương hướng, nhiệm vụ trọng tâm 6 tháng cuối năm 2025 của Đảng bộ tỉnh';
const SUBTITLE = 'của Ban Chấp hành Đảng bộ tỉnh khóa XIX trình Đại hội đại biểu Đảng bộ tỉnh lần thứ XX, nhiệm kỳ 2025 - 2030 tại Hội trường';
const HEADED = ['ĐẢNG BỘ TỈNH HÒA LÂM', 'TỈNH ỦY', 'Số 88-BC/TU', '', 'BÁO CÁO', TITLE, '', ...BODY].join('\n');
const SUBTITLED = ['BÁO CÁO CHÍNH TRỊ', SUBTITLE, '', ...BODY].join('\n');

const roleOf = (text: string, sentence: string): string | undefined => {
  const sents = splitSentences(text);
  const i = sents.findIndex((s) => s.text === sentence);
  return i < 0 ? undefined : classifySentences(text, sents)[i]!.role;
};

describe('layout: titles and headings are never summary sentences', () => {
  it('a long title line without final stop in the heading block is a heading, not body', () => {
    expect(roleOf(HEADED, TITLE)).not.toBe('body');
    expect(roleOf(HEADED, MEETING)).toBe('body');
  });

  it('a subtitle continuing the title (lower case, no stop) is a heading, however long', () => {
    expect(roleOf(SUBTITLED, SUBTITLE)).not.toBe('body');
  });

  it('summarize never picks them, whatever the length asked', () => {
    for (const text of [HEADED, SUBTITLED]) {
      for (const k of [1, 3, 5, 7]) {
        const picked = summarize(text, { sentences: k }).sentences.map((s) => s.text);
        expect(picked).not.toContain(TITLE);
        expect(picked).not.toContain(SUBTITLE);
        expect(picked.length).toBe(Math.min(k, BODY.length));
      }
    }
  });

  it('extractReport takes the meeting from the body: its date and place are found', () => {
    const r = extractReport(SUBTITLED);
    expect(r.meeting?.text).toBe(MEETING);
    expect(r.meeting?.date?.text).toContain('14-7');
    expect(r.meeting?.place).toBeDefined();
  });

  it('a long body line that lost its stop, between a blank line and the next sentence, stays body', () => {
    const line = 'Đồng chí Phan Văn An - Phó Bí thư Thường trực Tỉnh ủy và đồng chí Nguyễn Văn Bảo - Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh đồng chủ trì hội nghị';
    const text = ['Tiêu đề', '', line, ...BODY].join('\n');
    expect(roleOf(text, line)).toBe('body');
  });

  it('scraped text: an unpunctuated heading run into the next sentence, and a trailing credit, are not body', () => {
    const heading = 'Tập trung giải quyết các vấn đề dân sinh';
    const text = `Huyện ủy Hòa Lâm sơ kết 6 tháng\n\n${BODY[0]} ${heading}  ${BODY[6]} ${BODY[2]} ${BODY[3]} TTXVN/Tin Tức`;
    expect(roleOf(text, heading)).toBe('subheading');
    expect(roleOf(text, 'TTXVN/Tin Tức')).toBe('byline');
    expect(roleOf(text, BODY[6]!)).toBe('body');
    for (const k of [3, 5]) {
      const picked = summarize(text, { sentences: k }).sentences.map((s) => s.text);
      expect(picked).not.toContain(heading);
      expect(picked).not.toContain('TTXVN/Tin Tức');
    }
  });

  it('a body sentence that continues on the same line after a stop stays body, however short', () => {
    const text = `Tiêu đề\n\n${BODY[0]} Hội nghị đã bế mạc. ${BODY[1]}`;
    expect(roleOf(text, 'Hội nghị đã bế mạc.')).toBe('body');
  });
});

