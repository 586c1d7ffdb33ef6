import { describe, expect, it } from 'vitest';
import { tagMeasures } from '../../../src/entities/measures/index.js';
import { tokenize } from '../../../src/text/tokens.js';
import type { Entity } from '../../../src/types.js';

const tag = (text: string): Entity[] => tagMeasures({ text, tokens: tokenize(text) });
const spans = (text: string): string[] => tag(text).map((e) => `${e.type}:${e.text}`);
const find = (text: string, span: string): Entity | undefined => tag(text).find((e) => e.text === span);

describe('MONEY', () => {
  it('takes the amount and the currency unit, per-unit tails outside', () => {
    expect(spans('Giá trị sản xuất ước đạt 4.512 tỷ đồng, thu nhập bình quân 41,3 triệu đồng/người/năm.')).toEqual([
      'MONEY:4.512 tỷ đồng',
      'MONEY:41,3 triệu đồng',
    ]);
    expect(spans('mục tiêu là 58 triệu đồng / người / năm')).toEqual(['MONEY:58 triệu đồng']);
  });
  it('parses amounts and currencies', () => {
    expect(find('đạt 1.329,9 tỷ đồng', '1.329,9 tỷ đồng')?.value).toEqual({ amount: 1_329_900_000_000, currency: 'VND' });
    expect(find('kim ngạch 27,4 triệu USD', '27,4 triệu USD')?.value).toEqual({ amount: 27_400_000, currency: 'USD' });
    expect(find('quyên góp 350.000 đồng', '350.000 đồng')?.value).toEqual({ amount: 350_000, currency: 'VND' });
  });
  it('keeps a bare billion as money and excludes the approximator', () => {
    expect(spans('thu ngân sách hơn 12.000 tỉ, mỗi tháng thu 1.000 tỉ')).toEqual(['MONEY:12.000 tỉ', 'MONEY:1.000 tỉ']);
    expect(find('thu ngân sách 12.000 tỉ', '12.000 tỉ')?.source).toMatch(/^rule:money/);
  });
  it('does not read đồng chí or đồng bào as a currency', () => {
    expect(spans('Ban Thường vụ gồm 11 đồng chí')).toEqual(['QUANTITY:11 đồng chí']);
  });
});

describe('PERCENT', () => {
  it('is the number and % only; the "of plan" tail goes to `of`, normalised', () => {
    const text = 'đạt 51,2% KH, bằng 96,4% dự toán tỉnh giao và 88,1% HĐND huyện đề ra; tăng 6,3% so với cùng kỳ.';
    const out = tag(text);
    expect(out.map((e) => e.text)).toEqual(['51,2%', '96,4%', '88,1%', '6,3%']);
    expect(out.map((e) => e.of)).toEqual(['kế hoạch', 'dự toán tỉnh giao', 'Hội đồng nhân dân huyện đề ra', undefined]);
    expect(out[0]!.value).toEqual({ value: 51.2 });
  });
  it('reads ranges as one span with from/to', () => {
    expect(find('tăng trưởng bình quân 8 - 9% mỗi năm', '8 - 9%')?.value).toEqual({ from: 8, to: 9 });
    expect(find('chiếm 65-70% GDP', '65-70%')?.value).toEqual({ from: 65, to: 70 });
  });
  it('takes `KH năm` and `chỉ tiêu` tails', () => {
    expect(find('đạt 47,5% KH năm.', '47,5%')?.of).toBe('kế hoạch năm');
    expect(find('kết nạp 88 đảng viên, đạt 110% chỉ tiêu, trong đó', '110%')?.of).toBe('chỉ tiêu');
  });
});

describe('QUANTITY', () => {
  it('takes physical units', () => {
    expect(spans('sản lượng 18.320 tấn, năng suất 61,5 tạ/ha, gieo cấy 2.150 ha')).toEqual([
      'QUANTITY:18.320 tấn',
      'QUANTITY:61,5 tạ/ha',
      'QUANTITY:2.150 ha',
    ]);
    expect(find('diện tích 32,7 km2', '32,7 km2')?.value).toEqual({ value: 32.7, unit: 'km2' });
  });
  it('takes counted nouns and lexicalised compounds, not descriptive post-modifiers', () => {
    expect(spans('toàn đảng bộ kết nạp 57 đảng viên mới, kỷ luật 6 đảng viên vi phạm')).toEqual([
      'QUANTITY:57 đảng viên mới',
      'QUANTITY:6 đảng viên',
    ]);
    expect(spans('có 27 chi bộ trực thuộc, hoàn thành 18/20 chỉ tiêu chủ yếu')).toEqual([
      'QUANTITY:27 chi bộ',
      'QUANTITY:18/20 chỉ tiêu',
    ]);
    expect(spans('bầu 19 đại biểu chính thức và 03 đại biểu dự khuyết')).toEqual([
      'QUANTITY:19 đại biểu chính thức',
      'QUANTITY:03 đại biểu dự khuyết',
    ]);
    expect(spans('với gần 900 cán bộ, đảng viên tham dự')).toEqual(['QUANTITY:900 cán bộ, đảng viên']);
  });
  it('generalises to dictionary nouns not in our list', () => {
    expect(spans('đã tiếp nhận 2.318 hồ sơ và 14 bị can')).toEqual(['QUANTITY:2.318 hồ sơ', 'QUANTITY:14 bị can']);
    expect(find('tập trung vào hai phạm trù cơ bản', 'hai phạm trù')?.value).toEqual({ value: 2, unit: 'phạm trù' });
  });
  it('takes ratios with a noun and keeps both numbers', () => {
    expect(find('có 77/77 cán bộ chủ chốt đồng ý', '77/77 cán bộ chủ chốt')?.value).toEqual({ value: 77, total: 77, unit: 'cán bộ chủ chốt' });
  });
  it('reads spelled-out numbers from hai up, not một', () => {
    expect(spans('Trung ương ban hành ba Nghị quyết quan trọng')).toEqual(['QUANTITY:ba Nghị quyết']);
    expect(spans('sau hai ngày làm việc, một đoàn công tác')).toEqual(['QUANTITY:hai ngày làm việc']);
    expect(find('có hai mươi lăm hộ dân', 'hai mươi lăm hộ dân')?.value).toEqual({ value: 25, unit: 'hộ dân' });
  });
  it('leaves approximators outside', () => {
    expect(spans('đại diện cho hơn 5.200 đảng viên, khoảng 300 hộ, gần 40 tấn')).toEqual([
      'QUANTITY:5.200 đảng viên',
      'QUANTITY:300 hộ',
      'QUANTITY:40 tấn',
    ]);
  });
  it('does not tag ratios without a noun, multipliers, ordinals, counts before named units, or numbers in codes', () => {
    expect(spans('tín nhiệm 50/50, tăng gấp 3 lần')).toEqual([]);
    expect(spans('lần thứ hai, tổ 5, quận 3')).toEqual([]);
    expect(spans('hai xã Hòa Bình, Tân Lập')).toEqual([]);
    expect(spans('Nghị quyết số 26-NQ/TW và Chỉ thị 05-CT/TW')).toEqual([]);
    expect(spans('đón tiếp ông Sáu và thị xã Ba Đồn')).toEqual([]);
  });
  it('reads bare durations as QUANTITY', () => {
    expect(spans('cách đây đã 12 năm')).toEqual(['QUANTITY:12 năm']);
    expect(spans('còn hai năm nữa')).toEqual(['QUANTITY:hai năm']);
    expect(spans('sau gần hai tháng vận hành')).toEqual(['QUANTITY:hai tháng']);
  });
});

describe('DATE', () => {
  it('leaves ngày outside and keeps tháng/năm/quý', () => {
    expect(spans('Ngày 14-7, sáng 10/7/2024, tháng 8/2019, tháng 10-2018, năm 2021, quý IV, quý 3/2017')).toEqual([
      'DATE:14-7',
      'DATE:10/7/2024',
      'DATE:tháng 8/2019',
      'DATE:tháng 10-2018',
      'DATE:năm 2021',
      'DATE:quý IV',
      'DATE:quý 3/2017',
    ]);
  });
  it('fills the report year into dates written without one', () => {
    const out = tag('Ngày 16-7, Huyện ủy tổng kết công tác năm 2021.');
    expect(out[0]!.value).toEqual({ day: 16, month: 7, year: 2021, yearInferred: true });
    expect(tag('Ngày 16/7/2021')[0]!.value).toEqual({ day: 16, month: 7, year: 2021 });
  });
  it('reads day ranges as one span', () => {
    expect(find('trong hai ngày 27 - 28/8/2020', '27 - 28/8/2020')?.value).toEqual({
      from: { day: 27, month: 8, year: 2020 },
      to: { day: 28, month: 8, year: 2020 },
      kind: 'range',
    });
    expect(spans('trong các ngày 14 và 15-6')).toEqual(['DATE:14 và 15-6']);
  });
  it('reads calendar-anchored periods with their anchoring words', () => {
    expect(spans('sơ kết 6 tháng đầu năm, nhiệm vụ 6 tháng cuối năm 2022 và 9 tháng năm 2024')).toEqual([
      'DATE:6 tháng đầu năm',
      'DATE:6 tháng cuối năm 2022',
      'DATE:9 tháng năm 2024',
    ]);
    expect(find('nhiệm vụ 6 tháng cuối năm 2022', '6 tháng cuối năm 2022')?.value).toEqual({ period: 'H2', months: 6, year: 2022 });
    expect(spans('trong 9 tháng qua, ba năm qua, 6 tháng tiếp theo, hai năm cuối nhiệm kỳ')).toEqual([
      'DATE:9 tháng qua',
      'DATE:ba năm qua',
      'DATE:6 tháng tiếp theo',
      'DATE:hai năm cuối nhiệm kỳ',
    ]);
    expect(spans('trong 6 tháng đã giải quyết')).toEqual(['DATE:6 tháng']);
  });
  it('reads terms and stages', () => {
    expect(find('Bí thư nhiệm kỳ 2020 - 2025', 'nhiệm kỳ 2020 - 2025')?.value).toEqual({ from: { year: 2020 }, to: { year: 2025 }, kind: 'term' });
    expect(spans('giai đoạn 2016-2020, tầm nhìn 2025-2030, Tổng kết 15 năm 2002-2017')).toEqual([
      'DATE:giai đoạn 2016-2020',
      'DATE:2025-2030',
      'DATE:15 năm 2002-2017',
    ]);
  });
  it('does not tag relative expressions without a number', () => {
    expect(spans('năm ngoái, năm nay, cùng kỳ năm trước, thời gian tới, tháng Giêng')).toEqual([]);
  });
  it('reads long-form dates and quarters with a year', () => {
    expect(find('ngày 15 tháng 7 năm 2020', '15 tháng 7 năm 2020')?.value).toEqual({ day: 15, month: 7, year: 2020 });
    expect(find('trong quý I/2024', 'quý I/2024')?.value).toEqual({ quarter: 1, year: 2024 });
  });
});

describe('offsets and text forms', () => {
  const text = 'Huyện uỷ kết nạp 40 đảng viên mới, đạt 45,8% KH; thu 2.926 tỷ đồng trong 6 tháng đầu năm 2020.';
  const check = (input: string): void => {
    const out = tag(input);
    expect(out.map((e) => e.type)).toEqual(['QUANTITY', 'PERCENT', 'MONEY', 'DATE']);
    for (const e of out) expect(input.slice(e.start, e.end)).toBe(e.text);
  };
  it('gives exact offsets on NFC, NFD, NBSP and old tone placement', () => {
    check(text);
    check(text.normalize('NFD'));
    check(text.replace(/ /g, '\u00a0'));
    check(text.replace('uỷ', 'ủy'));
    const nfd = tag(text.normalize('NFD'));
    expect(nfd[0]!.value).toEqual({ value: 40, unit: 'đảng viên mới' });
    expect(nfd[1]!.of).toBe('kế hoạch');
  });
  it('marks every entity with its source rule', () => {
    for (const e of tag(text)) expect(e.source).toMatch(/^rule:/);
  });
  it('returns nothing for empty or number-free text and stays linear on long input', () => {
    expect(tag('')).toEqual([]);
    expect(tag('Huyện ủy Quảng Trạch tổ chức hội nghị.')).toEqual([]);
    const long = '12 tấn, 5% KH, 3/4 xã, 2 - 3 tỷ đồng, năm 2020; '.repeat(5000);
    const t0 = performance.now();
    expect(tag(long).length).toBeGreaterThan(20000);
    expect(performance.now() - t0).toBeLessThan(20000);
  });
});

describe('classifiers, multipliers and fractions', () => {
  it('keeps the noun after a classifier', () => {
    expect(spans('trao 350 suất quà, giải quyết việc làm cho 1.420 lượt lao động')).toEqual([
      'QUANTITY:350 suất quà',
      'QUANTITY:1.420 lượt lao động',
    ]);
  });
  it('does not count multipliers or read fractions as dates', () => {
    expect(spans('tăng 1,5 lần so với cùng kỳ')).toEqual([]);
    expect(spans('khoảng 1/3 số hộ')).toEqual([]);
  });
  it('takes a time unit, not a dictionary noun starting with it', () => {
    expect(spans('trong 5 ngày hội nghị')).toEqual(['QUANTITY:5 ngày']);
  });
});

describe('QUANTITY: compound counted nouns', () => {
  it('keeps the noun word after a classifier phrase when it closes the noun phrase', () => {
    expect(spans('Năm nay xã trao 37 căn nhà tình nghĩa cho gia đình chính sách.')).toEqual(['QUANTITY:37 căn nhà tình nghĩa']);
    expect(spans('Cảng đón 640 lượt tàu cá cập bến an toàn.')).toEqual(['QUANTITY:640 lượt tàu cá']);
    expect(spans('Huyện đã xây 12 cây cầu dân sinh.')).toEqual(['QUANTITY:12 cây cầu dân sinh']);
  });
  it('leaves a longer descriptive tail outside', () => {
    expect(spans('nâng cấp hai tuyến đường giao thông nông thôn')).toEqual(['QUANTITY:hai tuyến đường']);
    expect(spans('trao 40 căn nhà cho hộ nghèo')).toEqual(['QUANTITY:40 căn nhà']);
  });
  it('keeps a coordinated noun syllable after a classifier phrase', () => {
    expect(spans('Thị trấn bê tông hóa 9 tuyến ngõ, xóm, lắp 30 bóng đèn.')).toEqual(['QUANTITY:9 tuyến ngõ, xóm', 'QUANTITY:30 bóng đèn']);
  });
  it('keeps a closing level word, but not before an acronym or a name', () => {
    expect(spans('sửa chữa 6 nhà văn hóa xã, 3 trường học')).toEqual(['QUANTITY:6 nhà văn hóa xã', 'QUANTITY:3 trường học']);
    expect(spans('đạt 17/19 tiêu chí xã NTM')).toEqual(['QUANTITY:17/19 tiêu chí']);
  });
  it('keeps verbs, adjectives and acronyms of description outside', () => {
    expect(spans('có 26 chi bộ trực thuộc, 9 đảng viên vi phạm, 15/20 chỉ tiêu chủ yếu, 118 tiêu chí NTM')).toEqual([
      'QUANTITY:26 chi bộ',
      'QUANTITY:9 đảng viên',
      'QUANTITY:15/20 chỉ tiêu',
      'QUANTITY:118 tiêu chí',
    ]);
    expect(spans('đào tạo nghề cho 900 lao động nông thôn')).toEqual(['QUANTITY:900 lao động']);
    expect(spans('tổ chức cho 150 đại biểu đại diện cho các ngành')).toEqual(['QUANTITY:150 đại biểu']);
  });
  it('takes listed compounds (household businesses, OCOP products, vote categories)', () => {
    expect(spans('thị trấn có 1.250 hộ kinh doanh cá thể và 7 sản phẩm OCOP được công nhận')).toEqual([
      'QUANTITY:1.250 hộ kinh doanh cá thể',
      'QUANTITY:7 sản phẩm OCOP',
    ]);
    expect(spans('ông nhận 39 phiếu tín nhiệm cao, 4 phiếu tín nhiệm thấp')).toEqual(['QUANTITY:39 phiếu tín nhiệm cao', 'QUANTITY:4 phiếu tín nhiệm thấp']);
  });
  it('counts after a word ending in an ordinal cue (dân số, chỉnh trang), not after the cue alone', () => {
    expect(spans('diện tích 30 km2, dân số 18.400 người')).toEqual(['QUANTITY:30 km2', 'QUANTITY:18.400 người']);
    expect(spans('chỉnh trang 8 tuyến phố')).toEqual(['QUANTITY:8 tuyến phố']);
    expect(spans('xem trang 14 tài liệu')).toEqual([]);
  });
});

describe('DATE: periods tied to a term', () => {
  it('keeps the anchoring word of a part of a dated term', () => {
    expect(spans('Hội nghị tổng kết giữa nhiệm kỳ 2021 - 2026 của Đảng bộ')).toEqual(['DATE:giữa nhiệm kỳ 2021 - 2026']);
    expect(find('từ đầu nhiệm kỳ 2020 - 2025 đến nay', 'đầu nhiệm kỳ 2020 - 2025')?.value).toEqual({
      from: { year: 2020 },
      to: { year: 2025 },
      kind: 'term',
      period: 'start',
    });
  });
  it('tags a half of the term or of the year, with or without years', () => {
    expect(spans('Trong nửa cuối nhiệm kỳ, Đảng bộ tập trung chuyển đổi số.')).toEqual(['DATE:nửa cuối nhiệm kỳ']);
    expect(find('nửa đầu nhiệm kỳ đã kết nạp', 'nửa đầu nhiệm kỳ')?.value).toEqual({ period: 'H1', of: 'term' });
    expect(spans('nửa đầu năm 2025')).toEqual(['DATE:nửa đầu năm 2025']);
  });
  it('does not tag a meeting type without a term (sơ kết giữa nhiệm kỳ), nor a bare part of the term', () => {
    expect(spans('tổ chức sơ kết giữa nhiệm kỳ thực hiện Nghị quyết')).toEqual([]);
    expect(spans('từ đầu nhiệm kỳ đến nay')).toEqual([]);
  });
});
