import { describe, expect, it } from 'vitest';
import { tagEntities } from '../../../src/entities/index.js';

// Issue 11 item 6, by error class. Every sentence here is invented for the test.
const orgs = (text: string): string[] => tagEntities(text).filter((e) => e.type === 'ORGANIZATION').map((e) => e.text);

describe('full names of hospitals, centres and institutes with their qualifiers', () => {
  it('a lower-case stretch closed by "Trung ương" stays in the name', () => {
    expect(orgs('Ca bệnh được đưa lên Bệnh viện Bệnh nhiệt đới Trung ương hôm qua.')).toEqual(['Bệnh viện Bệnh nhiệt đới Trung ương']);
    expect(orgs('Viện Dinh dưỡng lâm sàng Trung ương công bố khuyến nghị.')).toEqual(['Viện Dinh dưỡng lâm sàng Trung ương']);
  });
  it('a two-syllable dictionary word continues the name even when it is a common verb or function word', () => {
    expect(orgs('Tổng cục Hậu cần nhận bàn giao kho mới.')).toEqual(['Tổng cục Hậu cần']);
  });
  it('a place after the qualifier', () => {
    expect(orgs('Trung tâm Kiểm soát bệnh tật tỉnh Hà Giang cảnh báo sốt xuất huyết.')).toEqual(['Trung tâm Kiểm soát bệnh tật tỉnh Hà Giang']);
  });
});

describe('lower-case nouns inside a name, numbered units, a unit named after a city', () => {
  it('two-syllable nouns the corpus shows inside organisation names', () => {
    expect(orgs('Phòng Cảnh sát giao thông lập chốt kiểm tra.')).toEqual(['Phòng Cảnh sát giao thông']);
    expect(orgs('Viện Nghiên cứu thị trường vừa ra báo cáo.')).toEqual(['Viện Nghiên cứu thị trường']);
  });
  it('not across a verb', () => {
    expect(orgs('Bộ Giao thông vận tải đề xuất Chính phủ điều chỉnh.')).toEqual(['Bộ Giao thông vận tải', 'Chính phủ']);
  });
  it('a unit number after the word that numbers it', () => {
    expect(orgs('Bộ Tư lệnh Quân khu 9 tặng quà.')).toEqual(['Bộ Tư lệnh Quân khu 9']);
    expect(orgs('Chi cục Hải quan khu vực 3 thu ngân sách.')).toEqual(['Chi cục Hải quan khu vực 3']);
  });
  it('a city named after a person inside the name', () => {
    expect(orgs('Sinh viên Đại học Quốc gia Hồ Chí Minh giành giải.')).toEqual(['Đại học Quốc gia Hồ Chí Minh']);
  });
});

describe('no run-on into the next word', () => {
  it('a verb after the name that makes no word with its last syllable', () => {
    expect(orgs('Bệnh viện Bạch Mai chi gần 5 tỷ đồng sửa khoa cấp cứu.')).toEqual(['Bệnh viện Bạch Mai']);
    expect(orgs('Công ty Hoà Phát cho biết lợi nhuận tăng.')).toEqual(['Công ty Hoà Phát']);
  });
  it('a branch keeps its place ("chi nhánh" is one word)', () => {
    expect(orgs('Ngân hàng Công thương chi nhánh Hoàn Kiếm giải ngân sớm.')[0]).toMatch(/^Ngân hàng Công thương/);
  });
});

describe('companies', () => {
  it('"Công ty cổ phần …" and other legal forms as the head', () => {
    expect(orgs('Công ty cổ phần Nhựa Tiền Phong trả cổ tức bằng tiền.')).toEqual(['Công ty cổ phần Nhựa Tiền Phong']);
    expect(orgs('Công ty trách nhiệm hữu hạn Gạch men Thanh Hải bị đình chỉ.')).toEqual(['Công ty trách nhiệm hữu hạn Gạch men Thanh Hải']);
  });
  it('a utility written as abbreviation + place', () => {
    expect(orgs('PC Quảng Ninh thông báo lịch cắt điện tuần tới.')).toEqual(['PC Quảng Ninh']);
  });
});

describe('military and police bodies', () => {
  it('Bộ Tư lệnh + the branch', () => {
    expect(orgs('Bộ Tư lệnh Cảnh sát biển điều hai tàu đi tìm ngư dân.')).toEqual(['Bộ Tư lệnh Cảnh sát biển']);
    expect(orgs('Bộ Tư lệnh Hải quân tổ chức lễ xuất quân.')).toEqual(['Bộ Tư lệnh Hải quân']);
  });
  it('Tổng cục + its field', () => {
    expect(orgs('Tổng cục Kỹ thuật nghiệm thu công trình.')).toEqual(['Tổng cục Kỹ thuật']);
  });
});

describe('party committees of companies and units', () => {
  it('Đảng ủy + a capitalised unit without a place', () => {
    expect(orgs('Đảng ủy Công ty họp phiên thường kỳ tháng Tư.')).toEqual(['Đảng ủy Công ty']);
    expect(orgs('Đảng ủy Bệnh viện trao huy hiệu cho đảng viên.')).toEqual(['Đảng ủy Bệnh viện']);
  });
  it('with the unit named, the whole name', () => {
    expect(orgs('Đảng ủy Công ty Xi măng Bút Sơn ra nghị quyết mới.')).toEqual(['Đảng ủy Công ty Xi măng Bút Sơn']);
  });
  it('lower-case "đảng ủy" before a lower-case word is no organisation', () => {
    expect(orgs('Các đảng ủy công ty đều đã họp.')).toEqual([]);
  });
});

describe('organisation heads in capital headings (the casing model gives them back in lower case)', () => {
  it('a heading in capitals keeps its organisation', () => {
    const text = 'TIÊM CHỦNG MỞ RỘNG TẠI TRUNG TÂM Y TẾ HUYỆN CẨM XUYÊN\nSáng 12-5, đoàn bắt đầu tiêm cho trẻ.';
    expect(tagEntities(text).filter((e) => e.type === 'ORGANIZATION').map((e) => e.text)).toEqual(['TRUNG TÂM Y TẾ HUYỆN CẨM XUYÊN']);
  });
  it('a lower-case two-syllable head before a capitalised name, not after a determiner', () => {
    expect(orgs('Hồ sơ gửi về trung tâm Văn hóa huyện.')).toEqual(['trung tâm Văn hóa huyện']);
    expect(orgs('Các trung tâm Y tế đều trực.')).toEqual([]);
  });
});
