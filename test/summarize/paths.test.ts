// The summary is the same whichever pipeline computed it: `summarize(text)` (sentences, words, summary) and
// `analyze(text).summary` (all the entity layers run before the summary, on a truecased shadow for text in one case).
// The summariser's features come from the sentences and words only, so both give the same sentences and scores.
// Reads a few dev texts from ../shared when present (nothing of them is copied into the repo).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/summarize/index.js';
import { analyze } from '../../src/analyze/index.js';

// Made-up texts in the shapes of a local report and a news story.
const REPORT = [
  'Huyện ủy Hòa Lâm sơ kết công tác 6 tháng đầu năm',
  '',
  'Ngày 18-7, Ban Chấp hành Đảng bộ huyện Hòa Lâm tổ chức hội nghị lần thứ 12 để sơ kết công tác 6 tháng đầu năm.',
  'Đồng chí Hà Thị Nguyệt, Bí thư Huyện ủy chủ trì hội nghị.',
  'Tổng giá trị sản xuất ước đạt 3.120,5 tỷ đồng, tăng 6,4% so với cùng kỳ, đạt 47,9% kế hoạch năm.',
  'Sản lượng ngô đạt 12.400 tấn, năng suất bình quân 52,3 tạ/ha; toàn huyện trồng mới 640 ha rừng.',
  'Đảng bộ huyện kết nạp 58 đảng viên mới, đạt 52,7% chỉ tiêu năm.',
  'Quốc phòng, an ninh được giữ vững, trật tự an toàn xã hội được bảo đảm.',
  'Phát biểu kết luận hội nghị, đồng chí Hà Thị Nguyệt yêu cầu các cấp ủy tập trung thu ngân sách.',
  'Minh Khôi - VPHU',
].join('\n');
const NEWS = [
  'Khánh thành cầu dân sinh ở xã Tân Phú',
  '',
  'Sáng 3-9, UBND xã Tân Phú, huyện Đồng Xuân khánh thành cầu dân sinh bắc qua sông Cái.',
  'Cây cầu dài 120 m, tổng vốn đầu tư 15 tỷ đồng từ ngân sách tỉnh và nhân dân đóng góp.',
  'Dự lễ có ông Trần Văn Bình, Phó Chủ tịch UBND huyện.',
  'Ông Bình cho biết cây cầu giúp hơn 2.000 hộ dân đi lại thuận tiện.',
].join('\n');

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DEV = `${ROOT}../shared/corpus/dev`;
const devTexts = existsSync(DEV)
  ? readdirSync(DEV).filter((f) => f.endsWith('.gold.json')).sort().slice(0, 6).map((f) => (JSON.parse(readFileSync(`${DEV}/${f}`, 'utf8')) as { text: string }).text)
  : [];

const picks = (s: { sentences: ReadonlyArray<{ index: number; score: number }> }) => s.sentences.map((x) => [x.index, x.score]);

describe('summarize(text) and analyze(text).summary', () => {
  it('pick the same sentences with the same scores (mixed case, lower case, upper case)', () => {
    for (const text of [REPORT, NEWS, REPORT.toLowerCase(), NEWS.toUpperCase()]) {
      const a = summarize(text, { sentences: 4 });
      expect(a.sentences.length).toBe(4);
      expect(picks(analyze(text, { summary: { sentences: 4 } }).summary)).toEqual(picks(a));
    }
  });

  it.skipIf(!devTexts.length)('pick the same sentences on dev reports (default length)', () => {
    for (const text of devTexts) expect(picks(analyze(text).summary)).toEqual(picks(summarize(text)));
  });
});
