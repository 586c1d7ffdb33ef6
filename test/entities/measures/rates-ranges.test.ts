import { describe, expect, it } from 'vitest';
import { tagMeasures } from '../../../src/entities/measures/index.js';
import { tokenize } from '../../../src/text/tokens.js';
import type { Entity } from '../../../src/types.js';

// Issue 11, item 4: error classes of the measure layer, each with sentences written for this test.
const tag = (text: string): Entity[] => tagMeasures({ text, tokens: tokenize(text) });
const spans = (text: string): string[] => tag(text).map((e) => `${e.type}:${e.text}`);
const find = (text: string, span: string): Entity | undefined => tag(text).find((e) => e.text === span);

describe('superscript powers and degrees', () => {
  it('keeps a glued ² or ³ inside the span and in the unit', () => {
    expect(spans('Khu đô thị rộng 12,8 km², mỗi căn 95 m², bồn chứa 40 m³.')).toEqual(['QUANTITY:12,8 km²', 'QUANTITY:95 m²', 'QUANTITY:40 m³']);
    expect(find('rộng 12,8 km²', '12,8 km²')?.value).toEqual({ value: 12.8, unit: 'km2' });
    expect(find('bồn chứa 40 m³', '40 m³')?.value).toEqual({ value: 40, unit: 'm3' });
  });
  it('does not take a power after a space or after a counted noun', () => {
    expect(spans('rộng 12 km ² nữa')).toEqual(['QUANTITY:12 km']);
    expect(spans('có 3 hộ² ghi chú')).toEqual(['QUANTITY:3 hộ']);
  });
  it('reads degrees with their scale', () => {
    expect(find('trời nóng tới 38 độ C vào buổi trưa', '38 độ C')?.value).toEqual({ value: 38, unit: '°C' });
    expect(find('nước sôi ở 212°F', '212°F')?.value).toEqual({ value: 212, unit: '°F' });
    expect(find('dốc nghiêng 30 độ so với mặt đường', '30 độ')?.value).toEqual({ value: 30, unit: 'độ' });
  });
});

describe('rates: value.per, the tail outside the span', () => {
  it('money per area and year', () => {
    const e = find('Mức thuê ruộng là 120 triệu đồng/ha/năm.', '120 triệu đồng');
    expect(e?.value).toEqual({ amount: 120_000_000, currency: 'VND', per: 'ha/năm' });
    expect(spans('Mức thuê ruộng là 120 triệu đồng/ha/năm.')).toEqual(['MONEY:120 triệu đồng']);
  });
  it('money per head, counts per year, percent per year', () => {
    expect(find('lương 9 triệu đồng/người/tháng', '9 triệu đồng')?.value).toMatchObject({ per: 'người/tháng' });
    expect(find('đón 3.500 người/năm', '3.500 người')?.value).toEqual({ value: 3500, unit: 'người', per: 'năm' });
    expect(find('tăng trưởng 7,1%/năm', '7,1%')?.value).toEqual({ value: 7.1, per: 'năm' });
    expect(find('mục tiêu 58 triệu đồng / người / năm', '58 triệu đồng')?.value).toMatchObject({ per: 'người/năm' });
  });
  it('a slash before a number or a place is not a rate', () => {
    expect(tag('đạt 15 xã/20 xã, chiếm 3 phần/10 phần').every((e) => !(e.value && typeof e.value === 'object' && 'per' in e.value))).toBe(true);
    expect(find('có 4 tỷ đồng/Quỹ', '4 tỷ đồng')?.value).toEqual({ amount: 4e9, currency: 'VND' });
  });
  it('a unit written with its slash stays the unit', () => {
    expect(find('năng suất 61,5 tạ/ha', '61,5 tạ/ha')?.value).toEqual({ value: 61.5, unit: 'tạ/ha' });
  });
});

describe('day ranges: one DATE with from and to', () => {
  it('the first day takes the month and year of the second, the day word repeated or not', () => {
    const text = 'Lễ hội kéo dài từ ngày 3 đến ngày 7-9-2024 tại quảng trường.';
    expect(spans(text)).toEqual(['DATE:3 đến ngày 7-9-2024']);
    expect(find(text, '3 đến ngày 7-9-2024')?.value).toEqual({ from: { day: 3, month: 9, year: 2024 }, to: { day: 7, month: 9, year: 2024 }, kind: 'range' });
    expect(spans('Hội chợ mở cửa từ 11 tới 13/5/2023.')).toEqual(['DATE:11 tới 13/5/2023']);
  });
  it('two days joined by và, the year inferred from the document', () => {
    const text = 'Ngày 2-3-2024 khai mạc. Trong hai ngày 8 và 9-3, đoàn làm việc tại xã.';
    expect(find(text, '8 và 9-3')?.value).toEqual({ from: { day: 8, month: 3, year: 2024 }, to: { day: 9, month: 3, year: 2024 }, kind: 'range', yearInferred: true });
  });
  it('the end of a day range anchors the document year', () => {
    const text = 'Từ ngày 5 đến ngày 6-8-2022, hội nghị họp. Ngày 15-8 bế mạc.';
    expect(find(text, '15-8')?.value).toEqual({ day: 15, month: 8, year: 2022, yearInferred: true });
  });
  it('two full dates stay two spans; a backwards range is not one', () => {
    expect(spans('mưa lớn từ ngày 29/9 đến ngày 03/10')).toEqual(['DATE:29/9', 'DATE:03/10']);
    expect(spans('từ ngày 20 đến ngày 4-11')).toEqual(['DATE:4-11']);
  });
});

describe('number words that are not numbers', () => {
  it('ripe fruit and grain', () => {
    expect(spans('Xoài chín thơm cả góc vườn, nhãn chín rộ, thóc chín đều, lúa chín vàng.')).toEqual([]);
  });
  it('both sides, my father', () => {
    expect(spans('Hai bên thống nhất ký biên bản, hai phía cùng cam kết.')).toEqual([]);
    expect(spans('Ba tôi làm nghề đan lát; bảy nó không về.')).toEqual([]);
  });
  it('nine after a day word is a date, inside a longer number it is part of it', () => {
    expect(spans('Lễ giỗ vào mùng chín tháng Giêng.')).toEqual(['DATE:chín tháng Giêng']);
    expect(spans('xã có hai mươi chín hộ nghèo')).toEqual(['QUANTITY:hai mươi chín hộ nghèo']);
  });
  it('nine after a word that takes a count is still nine', () => {
    expect(spans('có chín người, khoảng chín tấn, hơn chín ha')).toEqual(['QUANTITY:chín người', 'QUANTITY:chín tấn', 'QUANTITY:chín ha']);
  });
  it('still counts when the noun is a noun', () => {
    expect(spans('Ba người bị thương, chín hộ phải di dời.')).toEqual(['QUANTITY:Ba người', 'QUANTITY:chín hộ']);
    expect(spans('2 bên tham gia ký kết')).not.toContain('QUANTITY:hai bên');
  });
});

describe('counted nouns learned from news text', () => {
  it('takes a learned counted noun that the hand lists do not hold', () => {
    expect(spans('Đợt này có 42 thuyền viên được cứu.')).toEqual(['QUANTITY:42 thuyền viên']);
    expect(spans('Cảnh sát biển tìm thấy 6 ngư dân.')).toEqual(['QUANTITY:6 ngư dân']);
  });
});
