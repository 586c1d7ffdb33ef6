import { describe, expect, it } from 'vitest';
import { extractReport } from '../../src/summarize/index.js';
import { VietNlpError } from '../../src/errors.js';

const TEXT = [
  'Huyện ủy Sông Lam tổng kết công tác năm 2024', '',
  'Ngày 20-12, Huyện ủy Sông Lam tổ chức Hội nghị Ban Chấp hành Đảng bộ huyện lần thứ 21, khóa XXV để tổng kết công tác năm 2024, triển khai nhiệm vụ năm 2025.',
  'Đồng chí Trần Văn Bình, Bí thư Huyện ủy chủ trì hội nghị.',
  'Quang cảnh hội nghị',
  'Tổng giá trị sản xuất ước đạt 4.215,6 tỷ đồng, đạt 102,3% kế hoạch; sản lượng lương thực đạt 41.250 tấn.',
  'Các xã Hòa Bình, Tân Lập đạt chuẩn nông thôn mới.',
  'Năm 2025, huyện phấn đấu thu ngân sách đạt 180 tỷ đồng.',
  'Phát biểu kết luận hội nghị, đồng chí Trần Văn Bình yêu cầu các cấp ủy, chính quyền tập trung khắc phục những hạn chế, thực hiện thắng lợi nhiệm vụ năm 2025.',
  'Thu Trang - VPHU',
].join('\n');

describe('extractReport', () => {
  const r = extractReport(TEXT);
  const ok = (f: { text: string; start: number; end: number } | undefined): void => {
    expect(f).toBeDefined();
    expect(TEXT.slice(f!.start, f!.end)).toBe(f!.text);
  };

  it('finds the meeting with ordinal, term and date', () => {
    ok(r.meeting);
    expect(r.meeting!.text).toMatch(/^Ngày 20-12/);
    ok(r.meeting!.ordinal);
    expect(r.meeting!.ordinal!.value).toBe(21);
    ok(r.meeting!.term);
    expect(r.meeting!.term!.text).toBe('khóa XXV');
    ok(r.meeting!.date);
    expect(r.meeting!.date!.text).toContain('20-12');
    ok(r.meeting!.event);
  });

  it('finds figures with indicator, unit and share of plan', () => {
    const total = r.results.find((x) => x.indicator === 'Tổng giá trị sản xuất');
    expect(total).toBeDefined();
    ok(total);
    ok(total!.value);
    expect(total!.value.text).toBe('4.215,6 tỷ đồng');
    expect(total!.unit).toBe('tỷ đồng');
    ok(total!.percentOfPlan);
    expect(total!.percentOfPlan!.text).toBe('102,3%');
    expect(total!.kind).toBe('result');
    const target = r.results.find((x) => x.value.text === '180 tỷ đồng');
    expect(target?.kind).toBe('target');
    for (const x of r.results) { ok(x); ok(x.sentence); }
  });

  it('finds tasks ahead as clauses after their cue', () => {
    const t = r.tasks.find((x) => x.cue === 'yêu cầu');
    ok(t);
    expect(t!.text.startsWith('các cấp ủy, chính quyền tập trung')).toBe(true);
    for (const x of r.tasks) { ok(x); expect(x.text).not.toContain('Quang cảnh'); }
  });

  it('gives offsets for every place, unit and person, and ignores headline/caption/byline', () => {
    for (const x of [...r.places, ...r.units, ...r.chairs, ...r.attendees]) ok(x);
    const all = JSON.stringify(r);
    expect(all).not.toContain('Thu Trang');
  });

  it('handles empty and odd input, rejects non-strings', () => {
    expect(extractReport('')).toEqual({ chairs: [], attendees: [], results: [], tasks: [], places: [], units: [] });
    expect(() => extractReport('🙂 ... \n')).not.toThrow();
    expect(() => extractReport(null as unknown as string)).toThrow(VietNlpError);
  });
});
