import { describe, expect, it } from 'vitest';
import { tagEntities } from '../../src/entities/index.js';
import type { AdminLink } from '../../src/entities/admin/index.js';

// Sentences written for these tests (places of Quảng Bình, Kon Tum, Đà Nẵng; not from any gold file).
const brief = (text: string): string[] =>
  tagEntities(text).map((e) => {
    const v = e.value as AdminLink | undefined;
    return `${e.type}:${e.text}${v && typeof v === 'object' && 'code' in v ? `=${v.code}` : ''}`;
  });

describe('places with a place head the lexicon does not name', () => {
  it('takes reservoirs and streets, a street named after a person is not a PERSON', () => {
    expect(brief('Du khách tham quan hồ thủy điện Yaly và hồ chứa nước Đồng Mô.')).toEqual([
      'LOCATION:hồ thủy điện Yaly',
      'LOCATION:hồ chứa nước Đồng Mô',
    ]);
    expect(brief('Quận lát lại vỉa hè trên đường Trần Hưng Đạo.')).toEqual(['LOCATION:đường Trần Hưng Đạo']);
    expect(brief('Đảng bộ quán triệt đường lối của Đảng.').filter((s) => s.startsWith('LOCATION'))).toEqual([]);
  });
  it('leaves the class noun out after vùng / ven / miền (vùng biển Trường Sa)', () => {
    expect(brief('Ngư dân bám biển tại vùng biển Trường Sa.')).toEqual(['LOCATION:Trường Sa']);
  });
  it('keeps a sentence-case place name whole, with no admin unit inside', () => {
    expect(brief('Dự án đặt tại Khu du lịch Sinh thái Hòa Vang, thành phố Đà Nẵng.').slice(0, 1)).toEqual([
      'LOCATION:Khu du lịch Sinh thái Hòa Vang',
    ]);
  });
});

describe('commune names without an adjacent admin word', () => {
  const text =
    'Năm 2020, Huyện ủy Quảng Trạch chỉ đạo hai xã ven biển Quảng Phú, Cảnh Dương chủ động phòng chống bão. Tuyến đường từ xã Quảng Kim đi Quảng Hợp được nâng cấp.';
  it('tags a list after a plural admin word with a modifier, and no count before the named units', () => {
    const out = brief(text);
    expect(out).toContain('COMMUNE:Quảng Phú=19021');
    expect(out).toContain('COMMUNE:Cảnh Dương=19036');
    expect(out.filter((s) => s.startsWith('QUANTITY'))).toEqual([]);
  });
  it('tags a bare commune of the report district after a motion verb', () => {
    expect(brief(text)).toContain('COMMUNE:Quảng Hợp=19012');
  });
  it('needs a list: one name after a modifier is not taken, and the count stays', () => {
    const out = brief('Năm 2020, huyện Quảng Trạch có hai xã miền núi Quảng Hợp được hỗ trợ.');
    expect(out).toContain('QUANTITY:hai xã');
    expect(out.filter((s) => s.startsWith('COMMUNE'))).toEqual([]);
  });
  it('keeps the count when the names follow a copula (hai xã là …)', () => {
    expect(brief('Huyện Quảng Trạch có hai xã là Quảng Phú và Cảnh Dương đạt chuẩn.')).toContain('QUANTITY:hai xã');
  });
});
