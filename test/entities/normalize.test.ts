import { describe, expect, it } from 'vitest';
import { normalizeEntityText, toOldTone } from '../../src/entities/normalize.js';
import { VietNlpError } from '../../src/errors.js';

describe('normalizeEntityText: abbreviations', () => {
  const cases: Array<[string, string]> = [
    ['Phó Bí thư HU', 'Phó Bí thư Huyện ủy'],
    ['Ủy viên BTV TU', 'Ủy viên Ban Thường vụ Tỉnh ủy'],
    ['Bí thư ĐU phường', 'Bí thư Đảng ủy phường'],
    ['Phó Bí thư TT ĐU xã', 'Phó Bí thư Thường trực Đảng ủy xã'],
    ['Phó Bí thư TT Huyện ủy', 'Phó Bí thư Thường trực Huyện ủy'],
    ['Chủ tịch UBND thị xã', 'Chủ tịch Ủy ban nhân dân thị xã'],
    ['Phó Chủ tịch HĐND tỉnh Sơn La', 'Phó Chủ tịch Hội đồng nhân dân tỉnh Sơn La'],
    ['MTTQ Việt Nam', 'Mặt trận Tổ quốc Việt Nam'],
    ['Chủ tịch UBMTTQ Việt Nam phường', 'Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam phường'],
    ['BCH Đảng bộ thị trấn', 'Ban Chấp hành Đảng bộ thị trấn'],
    ['VPHU', 'Văn phòng Huyện ủy'],
    ['VPTU', 'Văn phòng Tỉnh ủy'],
    ['xã đạt chuẩn NTM', 'xã đạt chuẩn nông thôn mới'],
    ['KH', 'kế hoạch'],
    ['TP. Cần Thơ', 'Thành phố Cần Thơ'],
    ['UBND TP Cần Thơ', 'Ủy ban nhân dân Thành phố Cần Thơ'],
    ['TPHCM', 'Thành phố Hồ Chí Minh'],
    ['TP.HCM', 'Thành phố Hồ Chí Minh'],
    ['Thành ủy TP. HCM', 'Thành ủy Thành phố Hồ Chí Minh'],
    ['H.Mộc Châu', 'huyện Mộc Châu'],
    ['H. Mộc Châu', 'huyện Mộc Châu'],
    ['Ban Quản lý KKT Vân Phong', 'Ban Quản lý Khu kinh tế Vân Phong'],
    ['KCN Tân Trường', 'Khu công nghiệp Tân Trường'],
    ['Giám đốc Sở TN&MT', 'Giám đốc Sở Tài nguyên và Môi trường'],
    ['Sở GTVT', 'Sở Giao thông vận tải'],
    ['TTXVN', 'Thông tấn xã Việt Nam'],
    ['Đội PCCC & CNCH Mộc Châu', 'Đội Phòng cháy chữa cháy và Cứu nạn cứu hộ Mộc Châu'],
    ['phát triển KT-XH', 'phát triển kinh tế - xã hội'],
  ];
  for (const [input, expected] of cases) it(`${input} → ${expected}`, () => expect(normalizeEntityText(input)).toBe(expected));

  it('reads TT before a place name as thị trấn, before an organ as Thường trực', () => {
    expect(normalizeEntityText('UBND TT Mộc Châu')).toBe('Ủy ban nhân dân thị trấn Mộc Châu');
    expect(normalizeEntityText('TT HĐND tỉnh')).toBe('Thường trực Hội đồng nhân dân tỉnh');
    expect(normalizeEntityText('TT Tỉnh uỷ')).toBe('Thường trực Tỉnh ủy');
  });

  it('does not expand letters inside document numbers', () => {
    expect(normalizeEntityText('Chương trình số 12-CTr/HU')).toBeUndefined();
    expect(normalizeEntityText('Nghị quyết số 09-NQ/TU')).toBeUndefined();
    expect(normalizeEntityText('Kế hoạch 31-KH/ĐU của BTV Huyện ủy')).toBe('Kế hoạch 31-KH/ĐU của Ban Thường vụ Huyện ủy');
  });

  it('returns undefined without an abbreviation, also when only tone placement differs', () => {
    expect(normalizeEntityText('Huyện uỷ Mai Sơn')).toBeUndefined();
    expect(normalizeEntityText('Phó Bí thư Thường trực Tỉnh ủy')).toBeUndefined();
    expect(normalizeEntityText('')).toBeUndefined();
    expect(normalizeEntityText('GPXD')).toBeUndefined(); // unknown acronym
  });
});

describe('normalizeEntityText: tone, case, Unicode', () => {
  it('unifies tone placement to ủy/hòa/khóa in a normalised span, capitalised words included', () => {
    expect(normalizeEntityText('Uỷ ban MTTQ Việt Nam phường Hoà Bình')).toBe('Ủy ban Mặt trận Tổ quốc Việt Nam phường Hòa Bình');
    expect(normalizeEntityText('Hội nghị BCH Đảng bộ huyện lần thứ 9, khoá XX')).toBe('Hội nghị Ban Chấp hành Đảng bộ huyện lần thứ 9, khóa XX');
  });

  it('gives the same NFC result for NFD input', () => {
    const nfc = 'Phó Bí thư TT Huyện uỷ Thuận Châu';
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    expect(normalizeEntityText(nfd)).toBe('Phó Bí thư Thường trực Huyện ủy Thuận Châu');
    expect(normalizeEntityText(nfd)).toBe(normalizeEntityText(nfc));
  });

  it('collapses odd spacing and NBSP', () => {
    expect(normalizeEntityText('Chủ tịch\u00a0UBND   tỉnh')).toBe('Chủ tịch Ủy ban nhân dân tỉnh');
  });

  it('unifies the capitalisation of organ names in a normalised span', () => {
    expect(normalizeEntityText('hội nghị ban chấp hành Đảng bộ TP Cần Thơ (khoá XV)')).toBe('hội nghị Ban Chấp hành Đảng bộ Thành phố Cần Thơ (khóa XV)');
  });

  it('toOldTone handles a capitalised Uỷ that convertTone leaves alone', () => {
    expect(toOldTone('Uỷ ban Huyện uỷ khoá hoà')).toBe('Ủy ban Huyện ủy khóa hòa');
  });

  it('throws VietNlpError for a non-string', () => {
    expect(() => normalizeEntityText(42 as unknown as string)).toThrow(VietNlpError);
  });
});

describe('normalizeEntityText: any input', () => {
  it('returns a string or undefined for any string, NFD giving the NFC result', async () => {
    const fc = await import('fast-check');
    const pieces = ['UBND', 'HU', 'TT', 'TP.', 'HCM', 'Huyện uỷ', 'xã', ' ', '  ', '\u00a0', '-', '27-CTr/TU', 'KT-XH', 'H.Bình', '&', 'Hoà', '(', 'khoá'];
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 6 })), { maxLength: 12 }), (parts) => {
        const s = parts.join('');
        const r = normalizeEntityText(s);
        expect(r === undefined || typeof r === 'string').toBe(true);
        if (r !== undefined) expect(r).toBe(r.normalize('NFC'));
        if (s === s.normalize('NFC')) expect(normalizeEntityText(s.normalize('NFD'))).toBe(r);
      }),
      { numRuns: 400 },
    );
  });
});
