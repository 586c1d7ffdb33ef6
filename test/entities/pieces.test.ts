import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze/index.js';
import { createDoc, runPipeline } from '../../src/doc/index.js';
import { entityComponents, extractOfficials, PIECE, pieceBounds, tagEntities } from '../../src/entities/index.js';

const PARA = 'Ngày 09-7-2020, Huyện ủy Quảng Trạch tổ chức hội nghị. Đồng chí Phan Văn Thanh - Phó Bí thư TT Huyện ủy chủ trì; xã Quảng Kim đạt 2.926 tỷ đồng, bằng 45,8% KH.';

describe('long inputs are tagged piece by piece', () => {
  it('cuts at blank lines after PIECE characters and covers the text', () => {
    const text = Array.from({ length: Math.ceil((2.5 * PIECE) / (PARA.length + 2)) }, (_, i) => `${PARA} (${i})`).join('\n\n');
    const bounds = pieceBounds(text);
    expect(bounds.length).toBeGreaterThanOrEqual(2);
    expect(bounds[0]![0]).toBe(0);
    expect(bounds[bounds.length - 1]![1]).toBe(text.length);
    for (let k = 0; k < bounds.length; k++) {
      const [a, b] = bounds[k]!;
      if (k > 0) expect(a).toBe(bounds[k - 1]![1]);
      if (k < bounds.length - 1) {
        expect(b - a).toBeGreaterThan(PIECE);
        expect(text.slice(b - 2, b)).toBe('\n\n');
      }
    }
    expect(pieceBounds(PARA)).toEqual([[0, PARA.length]]);
  });
  it('gives each piece the entities it has alone, with offsets into the whole text', () => {
    const text = Array.from({ length: Math.ceil((1.5 * PIECE) / (PARA.length + 2)) }, (_, i) => `${PARA} (${i})`).join('\n\n');
    const ents = tagEntities(text);
    let prevEnd = 0;
    for (const e of ents) {
      expect(text.slice(e.start, e.end)).toBe(e.text);
      expect(e.start).toBeGreaterThanOrEqual(prevEnd);
      prevEnd = e.end;
    }
    const [a, b] = pieceBounds(text)[1]!;
    const alone = tagEntities(text.slice(a, b)).map((e) => ({ ...e, start: e.start + a, end: e.end + a }));
    expect(ents.filter((e) => e.start >= a)).toEqual(alone);
    const officials = extractOfficials(text);
    expect(officials.length).toBeGreaterThan(0);
    for (const o of officials) expect(text.slice(o.start, o.end)).toBe('Phan Văn Thanh');
  });
  it('gives analyze the entities and officials of tagEntities and extractOfficials on a text longer than a piece', () => {
    // the first piece names the district and the year; the last one mentions the district bare and a date without
    // a year: tagged as one document, that context would reach it, so the pieces must be the same in both
    const FILL = 'Tổng giá trị sản xuất ước đạt 2.926 tỷ đồng, tăng 5,2% so với cùng kỳ; các xã đã hoàn thành kế hoạch.';
    const HEAD = 'Ngày 09-7-2020, Huyện ủy Quảng Trạch tổ chức hội nghị. Đồng chí Phan Văn Thanh - Phó Bí thư TT Huyện ủy chủ trì. Tỉnh Quảng Bình chỉ đạo.';
    const TAIL = 'Phan Văn Thanh nhấn mạnh, Quảng Trạch và Ba Đồn cần chú ý; Quảng Kim, Quảng Phú đạt chuẩn. Ngày 15-8 họp tiếp.';
    const n = Math.ceil((1.05 * PIECE) / (FILL.length + 2));
    const text = [HEAD, ...Array.from({ length: n }, (_, i) => `${FILL} (${i})`), TAIL].join('\n\n');
    expect(pieceBounds(text).length).toBe(2);
    const ents = tagEntities(text);
    const whole = runPipeline(createDoc(text), entityComponents(), ['named']).layers.entities!;
    expect(whole).not.toEqual(ents); // one document would differ: the check below can fail
    const a = analyze(text);
    expect(a.entities).toEqual(ents);
    expect(a.officials).toEqual(extractOfficials(text));
  }, 120_000);
});
