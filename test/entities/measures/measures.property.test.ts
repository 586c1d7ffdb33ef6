import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tagMeasures } from '../../../src/entities/measures/index.js';
import { tokenize } from '../../../src/text/tokens.js';

const pieces = [
  '2.926', '45,8%', '10', '-', '11%', 'tỷ', 'đồng', 'triệu', 'USD', 'tấn', 'ha', 'tạ/ha', 'đảng viên', 'mới', 'hai', 'ba', 'năm',
  'tháng', 'đầu', 'cuối', 'qua', 'nhiệm kỳ', '2020', '2025', 'quý', 'IV', 'I/2024', '09-7', '15/12/2025', '91/91', 'xã', 'Hòa',
  'KH', 'dự toán', ',', '.', '\n', '\u00a0', 'ngày', 'và', 'gấp', 'lần', 'thứ', 'số', 'một', 'mươi', 'trăm', 'phần', 'trăm',
];

describe('tagMeasures on arbitrary input', () => {
  it('returns sorted, non-overlapping spans with exact offsets', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 4 })), { maxLength: 40 }), fc.boolean(), (parts, nfd) => {
        let text = parts.join(' ');
        if (nfd) text = text.normalize('NFD');
        const out = tagMeasures({ text, tokens: tokenize(text) });
        let last = 0;
        for (const e of out) {
          expect(e.start).toBeGreaterThanOrEqual(last);
          expect(e.end).toBeGreaterThan(e.start);
          expect(text.slice(e.start, e.end)).toBe(e.text);
          expect(['DATE', 'MONEY', 'PERCENT', 'QUANTITY']).toContain(e.type);
          expect(e.source).toMatch(/^rule:/);
          last = e.end;
        }
      }),
      { numRuns: 400 },
    );
  });
});
