import { describe, expect, it } from 'vitest';
import { extractOfficials, tagEntities } from '../../src/index.js';
import { casedShadow, orgNameCase } from '../../src/entities/casing.js';

// Text in capitals or in lower case: the truecaser writes the words of an organisation name the way running news
// writes common words, in lower case; the casing hook gives the shadow the case organisations are written in.
// Every sentence here is invented for the test.
const orgs = (text: string) => tagEntities(text).filter((e) => e.type === 'ORGANIZATION').map((e) => [e.text, e.normalized]);

describe('organisation names in a case-degenerate text', () => {
  it('title-cases the name after a head: capitals and lower case alike', () => {
    for (const text of ['ĐẢNG ỦY CÔNG AN TRUNG ƯƠNG TỔ CHỨC HỘI NGHỊ SƠ KẾT', 'đảng ủy công an trung ương tổ chức hội nghị sơ kết']) {
      expect(casedShadow(text).startsWith('Đảng ủy Công an Trung ương tổ chức')).toBe(true);
      expect(orgs(text)).toEqual([[text.slice(0, 26), 'Đảng ủy Công an Trung ương']]);
    }
  });

  it('finds a company whose name is a common word (Sữa, Chè)', () => {
    const text = 'CÔNG TY CỔ PHẦN SỮA VIỆT NAM CÔNG BỐ LỢI NHUẬN QUÝ BA';
    expect(orgs(text)).toEqual([['CÔNG TY CỔ PHẦN SỮA VIỆT NAM', 'Công ty cổ phần Sữa Việt Nam']]);
  });

  it('writes each word of a multi-word organ entry with a capital, the joiner in lower case', () => {
    const text = 'TRƯỞNG BAN TUYÊN GIÁO VÀ DÂN VẬN TỈNH ỦY LÊ THỊ HOA CHỦ TRÌ HỘI NGHỊ';
    expect(extractOfficials(text).map((o) => [o.person, o.positions])).toEqual([['Lê Thị Hoa', ['Trưởng Ban Tuyên giáo và Dân vận Tỉnh ủy']]]);
    expect(casedShadow('sở nông nghiệp và môi trường tỉnh quảng ngãi vừa ban hành kế hoạch')).toMatch(/^Sở Nông nghiệp và Môi trường tỉnh Quảng Ngãi vừa ban hành/u);
  });

  it('stops where the name ends: a verb, a word that follows names, a proper name, a common word made with the head', () => {
    expect(casedShadow('ĐẢNG ỦY CÔNG AN TRUNG ƯƠNG TỔ CHỨC HỘI NGHỊ')).toMatch(/Trung ương tổ chức hội nghị$/u);
    expect(casedShadow('SỞ TÀI CHÍNH GIỮ NGUYÊN DỰ TOÁN')).not.toMatch(/Giữ/u);
    expect(casedShadow('BÁO CÁO TẠI HỘI NGHỊ CHO BIẾT KẾT QUẢ KHẢ QUAN')).toMatch(/^Báo cáo tại/u);
    expect(casedShadow('SỞ Y TẾ VÀ SỰ CHỈ ĐẠO CỦA TỈNH')).not.toMatch(/Sự/u);
    expect(orgs('BÁO CÁO TẠI HỘI NGHỊ CHO BIẾT KẾT QUẢ KHẢ QUAN')).toEqual([]);
  });

  it('a head the truecaser left in lower case names a body when its name runs into a proper name', () => {
    const text = 'PHÓNG VIÊN CỦA ĐÀI TRUYỀN HÌNH ĐÀ NẴNG ĐÃ CÓ MẶT';
    expect(orgs(text)).toEqual([['ĐÀI TRUYỀN HÌNH ĐÀ NẴNG', 'Đài Truyền hình Đà Nẵng']]);
    // generic after a determiner, and a head glued to the word before it, stay as they are
    expect(casedShadow('các đài truyền hình đà nẵng đã có mặt')).toMatch(/^Các đài truyền hình/u);
    expect(casedShadow('TRÊN CƠ SỞ CẠNH TRANH LÀNH MẠNH')).toMatch(/cơ sở cạnh tranh/u);
    expect(casedShadow('BÁO VỚI CÁN BỘ Y TẾ ĐỂ ĐƯỢC KHÁM')).toMatch(/cán bộ y tế/u);
  });

  it('writes organ acronyms after a title or an organ in capitals, so chained posts are read', () => {
    const text = 'đồng chí phan văn hải - phó bí thư hu, chủ tịch ubnd huyện phát biểu khai mạc.';
    expect(casedShadow(text)).toMatch(/Phó bí thư HU, Chủ tịch UBND huyện/u);
    expect(extractOfficials(text).map((o) => [o.person, o.positions])).toEqual([['Phan Văn Hải', ['Phó Bí thư Huyện ủy', 'Chủ tịch Ủy ban nhân dân huyện']]]);
    expect(casedShadow('ỦY VIÊN BTV TU, TRƯỞNG BAN DÂN VẬN TỈNH ỦY')).toMatch(/^Ủy viên BTV TU,/u);
    const standing = 'bà trịnh thị lan, phó bí thư tt đu xã, phát biểu.';
    expect(casedShadow(standing)).toMatch(/Phó bí thư TT ĐU xã/u);
    expect(extractOfficials(standing).map((o) => o.positions)).toEqual([['Phó Bí thư Thường trực Đảng ủy xã']]);
    // not a word that happens to spell one (`tu dưỡng`), nor one with no title or organ before it
    expect(casedShadow('bí thư tu dưỡng đạo đức mỗi ngày')).toMatch(/tu dưỡng/u);
    expect(casedShadow('anh ấy đi tu ở chùa')).toMatch(/đi tu/u);
  });

  it('keeps length, and leaves mixed-case text and mixed-case lines alone', () => {
    const text = 'ĐẢNG ỦY CÔNG AN TRUNG ƯƠNG TỔ CHỨC HỘI NGHỊ';
    expect(casedShadow(text)).toHaveLength(text.length);
    const mixed = 'Đảng ủy công an xã đã họp.';
    expect(casedShadow(mixed)).toBe(mixed);
    expect(orgNameCase(mixed, mixed)).toBe(mixed);
  });
});
