import { describe, expect, it } from 'vitest';
import { documentEra, findAdminUnits, isAdminName, lookupUnits, tagAdminUnits, type AdminLink } from '../../../src/entities/admin/index.js';
import { tokenize } from '../../../src/text/tokens.js';
import { foldKey } from '../../../src/text/tone.js';

const tag = (text: string) => tagAdminUnits({ text, tokens: tokenize(text) });
const brief = (text: string) =>
  tag(text).map((e) => {
    const v = e.value as AdminLink | undefined;
    return `${e.type}:${e.text}${v ? `=${v.code}/${v.era}` : ''}`;
  });

describe('gazetteer', () => {
  it('finds units of both eras by folded name', () => {
    const pre = lookupUnits('Liên Trường', { level: 'commune', era: 'pre-2025' });
    expect(pre.map((u) => u.code)).toContain('19051');
    const u = pre.find((x) => x.code === '19051')!;
    expect(u.parents.district?.name).toBe('Quảng Trạch');
    expect(u.parents.province?.name).toBe('Quảng Bình');
    // old → new mapping: Liên Trường became part of xã Tân Gianh, tỉnh Quảng Trị (same code, other era)
    expect(u.successor).toMatchObject({ code: '19051', name: 'Tân Gianh', era: 'post-2025', province: { name: 'Quảng Trị' } });
    const post = lookupUnits('TÂN GIANH', { era: 'post-2025' });
    expect(post).toHaveLength(1);
    expect(post[0]!.predecessors?.map((p) => p.name)).toEqual(expect.arrayContaining(['Liên Trường', 'Phù Cảnh', 'Quảng Thanh']));
    expect(post[0]!.predecessors?.every((p) => p.change === 'merged')).toBe(true);
  });

  it('folds tone placement, case and NFD; names use ủy/hòa', () => {
    const a = lookupUnits('Hoà Vang', { level: 'district' });
    const b = lookupUnits('HÒA VANG'.normalize('NFD'), { level: 'district' });
    expect(a.length).toBe(1);
    expect(b).toEqual(a);
    expect(a[0]!.name).toBe('Hòa Vang');
    expect(isAdminName(foldKey('Quảng Trạch'))).toBe(true);
    expect(isAdminName(foldKey('Quảng Trạch'), 'province')).toBe(false);
    expect(isAdminName('không phải địa danh')).toBe(false);
  });

  it('codes are zero-padded per level', () => {
    expect(lookupUnits('Hà Giang', { level: 'province', era: 'pre-2025' })[0]!.code).toBe('02');
    expect(lookupUnits('Mường Khương', { level: 'district' })[0]!.code).toBe('083');
    expect(lookupUnits('Bản Lầu', { level: 'commune', era: 'pre-2025' })[0]!.code).toMatch(/^\d{5}$/);
  });
});

describe('tagAdminUnits: spans', () => {
  it('tags admin word + name and every member of a list written with one admin word', () => {
    const text = 'Năm 2021, Huyện ủy Bố Trạch (tỉnh Quảng Bình) chỉ đạo các xã Đại Trạch, Nam Trạch và thị trấn Hoàn Lão làm đường giao thông.';
    const out = brief(text);
    expect(out).toContain('PROVINCE:tỉnh Quảng Bình=44/pre-2025');
    expect(out.filter((s) => s.startsWith('COMMUNE:')).map((s) => s.split('=')[0])).toEqual(['COMMUNE:xã Đại Trạch', 'COMMUNE:Nam Trạch', 'COMMUNE:thị trấn Hoàn Lão']);
    // the place of `Huyện ủy Bố Trạch` belongs to the organisation: no span of ours
    expect(out.some((s) => s.includes('Bố Trạch'))).toBe(false);
    // `các` stays outside
    expect(out.some((s) => s.includes('các'))).toBe(false);
  });

  it('expands abbreviated admin words in `normalized`', () => {
    const text = 'Đoàn công tác làm việc tại H.Củ Chi, Q.Bình Thạnh và TP.HCM; sau đó về TP. Hồ Chí Minh, TPHCM.';
    const ents = tag(text);
    const byText = new Map(ents.map((e) => [e.text, e]));
    expect(byText.get('H.Củ Chi')).toMatchObject({ type: 'DISTRICT', normalized: 'huyện Củ Chi' });
    expect(byText.get('Q.Bình Thạnh')).toMatchObject({ type: 'DISTRICT', normalized: 'quận Bình Thạnh' });
    for (const t of ['TP.HCM', 'TP. Hồ Chí Minh', 'TPHCM']) expect(byText.get(t)).toMatchObject({ type: 'PROVINCE', normalized: 'Thành phố Hồ Chí Minh' });
    expect((byText.get('TPHCM')!.value as AdminLink).code).toBe('79');
  });

  it('numbered districts and wards, đặc khu, capitalised Xã at sentence start', () => {
    expect(brief('Các dự án ở quận 10, Tân Bình đã khởi công.').map((s) => s.split('=')[0])).toEqual(['DISTRICT:quận 10', 'DISTRICT:Tân Bình']);
    const post = brief('Ngày 20/10/2025, đặc khu Côn Đảo đón khách. Xã Côn Đảo cũ nay là đặc khu.');
    expect(post[0]).toMatch(/^COMMUNE:đặc khu Côn Đảo=\d{5}\/post-2025$/);
  });

  it('does not tag generic admin words, persons or lower-case common words', () => {
    expect(tag('Các xã, phường đã hoàn thành; huyện chỉ đạo xã chuẩn nông thôn mới.')).toEqual([]);
    expect(tag('Chủ tịch UBND huyện Nguyễn Văn Bình phát biểu.')).toEqual([]);
    expect(tag('Nhân dân mong muốn hòa bình và thái bình.')).toEqual([]);
    expect(tag('Ông Hà Nam phát biểu.')).toEqual([]);
    // Huế became a province only in 2025
    expect(tag('Năm 2017, đoàn thăm Bảo tàng cung đình Huế.')).toEqual([]);
    expect(brief('Ngày 3/8/2025, đoàn về Huế.')).toEqual(['PROVINCE:Huế=46/post-2025']);
  });

  it('gives the same entities with old and new tone placement', () => {
    const a = brief('Năm 2022, huyện Hòa Vang chỉ đạo xã Hòa Phong, Hòa Khương.');
    const b = brief('Năm 2022, huyện Hoà Vang chỉ đạo xã Hoà Phong, Hoà Khương.');
    expect(a.map((s) => s.split('=')[1])).toEqual(b.map((s) => s.split('=')[1]));
    expect(a).toHaveLength(3);
    expect(a.every((s) => s.includes('pre-2025'))).toBe(true);
  });

  it('keeps offsets into NFD input', () => {
    const text = 'Năm 2022, huyện Hòa Vang chỉ đạo xã Hòa Phong, Hòa Khương.'.normalize('NFD');
    const ents = tag(text);
    expect(ents).toHaveLength(3);
    for (const e of ents) expect(text.slice(e.start, e.end)).toBe(e.text);
    expect(ents.map((e) => e.text.normalize('NFC'))).toEqual(['huyện Hòa Vang', 'xã Hòa Phong', 'Hòa Khương']);
  });
});

describe('tagAdminUnits: linking', () => {
  it('links a pre-2025 commune of the report’s district', () => {
    const text = 'Ngày 10-7-2020, Huyện ủy Quảng Trạch (tỉnh Quảng Bình) họp. Huyện chỉ đạo xã Liên Trường phấn đấu đạt chuẩn.';
    const e = tag(text).find((x) => x.text === 'xã Liên Trường')!;
    expect(e.source).toBe('gazetteer:commune');
    const v = e.value as AdminLink;
    expect(v).toMatchObject({ code: '19051', name: 'Liên Trường', type: 'xã', level: 'commune', era: 'pre-2025' });
    expect(v.parents.district).toEqual({ code: '454', name: 'Quảng Trạch', type: 'huyện' });
    expect(v.successor?.name).toBe('Tân Gianh');
  });

  it('after July 2025 links new units, and old ones when marked (cũ) or merged', () => {
    const text =
      'Ngày 12/9/2025, Đảng ủy xã Tân Gianh (tỉnh Quảng Trị) tổ chức hội nghị. Xã Tân Gianh được thành lập trên cơ sở sáp nhập ' +
      'xã Liên Trường, Phù Cảnh và Quảng Thanh thuộc huyện Quảng Trạch, tỉnh Quảng Bình (cũ).';
    const out = brief(text);
    expect(out).toContain('PROVINCE:tỉnh Quảng Trị=44/post-2025');
    expect(out).toContain('COMMUNE:Xã Tân Gianh=19051/post-2025');
    expect(out).toContain('COMMUNE:xã Liên Trường=19051/pre-2025');
    expect(out).toContain('COMMUNE:Phù Cảnh=19063/pre-2025');
    expect(out).toContain('DISTRICT:huyện Quảng Trạch=454/pre-2025');
    expect(out).toContain('PROVINCE:tỉnh Quảng Bình=44/pre-2025');
  });

  it('the same name is a new commune and an old district in one 2025 text', () => {
    const text = 'Ngày 06/8/2025, Đảng bộ xã Tam Nông (tỉnh Phú Thọ) họp. Xã được lập từ các xã thuộc huyện Tam Nông (cũ). Năm 2030, Tam Nông trở thành xã kiểu mẫu.';
    const out = brief(text);
    expect(out).toContain('COMMUNE:xã Tam Nông=08434/post-2025');
    expect(out).toContain('DISTRICT:huyện Tam Nông=236/pre-2025');
    expect(out).toContain('COMMUNE:Tam Nông=08434/post-2025');
  });

  it('resolves a name shared by many communes through the district context, and leaves it open otherwise', () => {
    const many = lookupUnits('Tân Thành', { level: 'commune', era: 'pre-2025' });
    expect(many.length).toBeGreaterThan(5);
    const text = 'Năm 2018, thị xã Ngã Bảy (Hậu Giang) đầu tư cho xã Tân Thành làm đường.';
    const v = tag(text).find((e) => e.text === 'xã Tân Thành')!.value as AdminLink;
    expect(v.parents.district?.name).toBe('Ngã Bảy');
    expect(many.map((u) => u.code)).toContain(v.code);
    // no context: several candidates, no link
    const bare = tag('Năm 2018, xã Tân Thành làm đường.');
    expect(bare).toHaveLength(1);
    expect(bare[0]!.value).toBeUndefined();
  });

  it('bare district name of the report is tagged; organ + place is not', () => {
    const text = 'Mường Khương: tổng kết năm 2022\n\nNgày 20-12, Huyện ủy Mường Khương (Lào Cai) họp. Năm 2023, Mường Khương phấn đấu tăng trưởng.';
    const out = brief(text);
    expect(out.filter((s) => s.startsWith('DISTRICT:Mường Khương='))).toHaveLength(2);
    expect(out[0]).toBe('DISTRICT:Mường Khương=083/pre-2025');
  });
});

describe('documentEra and robustness', () => {
  it('dates the report', () => {
    expect(documentEra('Ngày 18/9/2025, hội nghị …').era).toBe('post-2025');
    expect(documentEra('Ngày 09-7, nhiệm vụ 6 tháng cuối năm 2020, nhiệm kỳ 2020 - 2025').era).toBe('pre-2025');
    expect(documentEra('Đến ngày 31/12/2025 hoàn thành; ngày 15/3/2023 họp.').era).toBe('pre-2025');
  });

  it('any string gives valid spans, in linear time', () => {
    for (const s of ['', 'xã', 'tỉnh ', 'TP.', '(cũ)', 'xã Hòa, và', '\u0301xã']) {
      for (const e of tag(s)) expect(s.slice(e.start, e.end)).toBe(e.text);
    }
    const big = 'các xã Quảng Kim, Quảng Thanh, tỉnh Quảng Bình và Hà Nội; '.repeat(4000);
    const t0 = performance.now();
    const ents = tag(big);
    expect(ents.length).toBeGreaterThan(4000);
    expect(performance.now() - t0).toBeLessThan(20_000);
  });
});

describe('apostrophes in unit names', () => {
  it('a commune written with an apostrophe the dataset lacks (and the other way round) is still linked', async () => {
    const { tagEntities } = await import('../../../src/entities/index.js');
    const a = tagEntities("Người dân xã Ea K'Pam tích cực trồng cà phê.").find((e) => e.type === 'COMMUNE');
    const b = tagEntities('Người dân xã Ea KPam tích cực trồng cà phê.').find((e) => e.type === 'COMMUNE');
    expect(a?.text).toBe("xã Ea K'Pam");
    expect(a?.value).toBeDefined();
    expect(JSON.stringify(a?.value)).toBe(JSON.stringify(b?.value));
    const c = tagEntities('Thị trấn Ea Drăng và xã Cư MLan phối hợp.').find((e) => e.text.includes('Cư'));
    expect(c?.value).toBeDefined();
  });
});

describe('a city after the common noun đô thị', () => {
  it('is the city (district level), but a `Khu đô thị` name stays a place', async () => {
    const { tagEntities } = await import('../../../src/entities/index.js');
    const a = tagEntities('Tỉnh tập trung phát triển đô thị Buôn Ma Thuột theo hướng xanh.');
    expect(a.map((e) => `${e.type}:${e.text}`)).toEqual(['DISTRICT:Buôn Ma Thuột']);
    const b = tagEntities('Dự án Khu đô thị Buôn Ma Thuột Mới đang triển khai.');
    expect(b.some((e) => e.type === 'DISTRICT')).toBe(false);
  });
});
