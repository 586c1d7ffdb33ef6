import { describe, expect, it } from 'vitest';
import { extractOfficials, tagEntities } from '../../src/entities/index.js';
import type { Entity } from '../../src/types.js';

// Error classes found on a second held-out set, tested on sentences written for these tests (invented people,
// other provinces and bodies than the held-out texts).
const pairs = (ents: Entity[]): string[] => ents.map((e) => `${e.type}:${e.text}`);
const typed = (ents: Entity[], type: string): string[] => ents.filter((e) => e.type === type).map((e) => e.text);

describe('names that run on past a comma, a dash, a digit or a place name', () => {
  it('a body named after its task keeps `phòng, chống …` and the place', () => {
    expect(typed(tagEntities('Đại diện Ban Chỉ huy Phòng, chống thiên tai và Tìm kiếm cứu nạn tỉnh và các sở dự họp.'), 'ORGANIZATION')).toEqual([
      'Ban Chỉ huy Phòng, chống thiên tai và Tìm kiếm cứu nạn tỉnh',
    ]);
    expect(typed(tagEntities('Ban Chỉ đạo phòng chống dịch huyện Kỳ Anh đã họp.'), 'ORGANIZATION')).toEqual(['Ban Chỉ đạo phòng chống dịch huyện Kỳ Anh']);
    expect(typed(tagEntities('Ban Chỉ đạo phòng, chống dịch tổ chức họp.'), 'ORGANIZATION')).toEqual(['Ban Chỉ đạo phòng, chống dịch']);
    // no body before it: not a name
    expect(typed(tagEntities('Chủ động phương án phòng, chống bão, bảo vệ đê.'), 'ORGANIZATION')).toEqual([]);
  });

  it('two departments joined by a dash are one name, also after a lower-case `phòng` in a title', () => {
    expect(typed(tagEntities('Phòng Tài chính - Kế hoạch huyện tham mưu phân bổ vốn.'), 'ORGANIZATION')).toEqual(['Phòng Tài chính - Kế hoạch huyện']);
    const text = 'Ông Lê Văn Hòa, Huyện ủy viên, Trưởng phòng Nội vụ huyện Yên Thành được điều động.';
    expect(typed(tagEntities(text), 'POSITION')).toEqual(['Huyện ủy viên', 'Trưởng phòng Nội vụ huyện Yên Thành']);
    expect(extractOfficials(text)[0]?.positions).toEqual(['Huyện ủy viên', 'Trưởng phòng Nội vụ huyện Yên Thành']);
    expect(typed(tagEntities('bà Đinh Thị Mai, Phó Trưởng phòng Tài chính - Kế hoạch thị xã Hoàng Mai'), 'POSITION')).toEqual([
      'Phó Trưởng phòng Tài chính - Kế hoạch thị xã Hoàng Mai',
    ]);
  });

  it('a lower-case `ban` after a title takes `Thường trực` and the body, or its own name', () => {
    const text = 'Phó Trưởng ban Thường trực Ban Tổ chức Tỉnh ủy Trần Văn Khải cho biết.';
    expect(pairs(tagEntities(text))).toEqual(['POSITION:Phó Trưởng ban Thường trực Ban Tổ chức Tỉnh ủy', 'PERSON:Trần Văn Khải']);
    expect(typed(tagEntities('nguyên Trưởng ban Tư tưởng - Văn hóa Trung ương'), 'POSITION')).toEqual(['Trưởng ban Tư tưởng - Văn hóa Trung ương']);
  });

  it('a village head with the village name is a position', () => {
    const text = 'Ông Vàng A Páo, Trưởng bản Nậm Củm, cho biết bản đã có điện.';
    expect(typed(tagEntities(text), 'POSITION')).toEqual(['Trưởng bản Nậm Củm']);
    expect(typed(tagEntities(text), 'LOCATION')).toEqual([]);
    expect(extractOfficials(text)[0]?.positions).toEqual(['Trưởng bản Nậm Củm']);
    // generic `trưởng bản` without a name: nothing
    expect(typed(tagEntities('phát huy vai trò của già làng, trưởng bản, người có uy tín'), 'POSITION')).toEqual([]);
  });

  it('a party committee takes a unit name that starts with a word like `Đồng`', () => {
    expect(typed(tagEntities('Ban Thường vụ Huyện uỷ Đồng Hỷ (tỉnh Thái Nguyên) tổ chức hội nghị.'), 'ORGANIZATION')).toEqual(['Ban Thường vụ Huyện uỷ Đồng Hỷ']);
    expect(typed(tagEntities('Huyện ủy Đồng Hỷ sơ kết 5 năm.'), 'ORGANIZATION')).toEqual(['Huyện ủy Đồng Hỷ']);
    // `đồng chí` after the organ is still a person cue
    expect(pairs(tagEntities('Thay mặt Huyện ủy đồng chí Nguyễn Văn Tâm phát biểu.'))).toEqual(['ORGANIZATION:Huyện ủy', 'PERSON:Nguyễn Văn Tâm']);
  });

  it('a law name keeps the second syllable of its first word and the year', () => {
    expect(typed(tagEntities('Tuyên truyền Luật Thực hiện dân chủ ở cơ sở năm 2022 đến người dân.'), 'DOCUMENT')).toEqual([
      'Luật Thực hiện dân chủ ở cơ sở năm 2022',
    ]);
    expect(typed(tagEntities('Triển khai Luật Ban hành văn bản mới.'), 'DOCUMENT')).toEqual(['Luật Ban hành văn bản']);
    expect(typed(tagEntities('theo Luật Đất đai hiện hành'), 'DOCUMENT')).toEqual(['Luật Đất đai']);
    expect(typed(tagEntities('Luật Đất đai năm 2024 có hiệu lực'), 'DATE')).toEqual([]);
  });

  it('a national programme written MTQG keeps its period', () => {
    const ents = tagEntities('Vốn Chương trình MTQG xây dựng nông thôn mới giai đoạn 2021 - 2025 được giải ngân.');
    expect(typed(ents, 'DOCUMENT')).toEqual(['Chương trình MTQG xây dựng nông thôn mới giai đoạn 2021 - 2025']);
    expect(typed(ents, 'DATE')).toEqual([]);
  });

  it('the central committee of the Front is one body inside a position', () => {
    const text = 'Dự có đồng chí Trần Văn Lâm, Phó Chủ tịch Ủy ban Trung ương MTTQ Việt Nam.';
    expect(typed(tagEntities(text), 'POSITION')).toEqual(['Phó Chủ tịch Ủy ban Trung ương MTTQ Việt Nam']);
    expect(typed(tagEntities(text), 'ORGANIZATION')).toEqual([]);
  });

  it('a resolution code with a digit after the letters stays whole', () => {
    expect(typed(tagEntities('Thực hiện Nghị quyết số 105/2024/QH15 của Quốc hội.'), 'DOCUMENT')).toEqual(['Nghị quyết số 105/2024/QH15']);
  });
});

describe('places that contain a title, a person cue or an organ word', () => {
  it('a memorial named after a titled person is one LOCATION, with no position, person or official inside', () => {
    const text = 'Xã khai thác Khu lưu niệm Chủ tịch Hồ Chí Minh gắn với du lịch.';
    expect(pairs(tagEntities(text))).toEqual(['LOCATION:Khu lưu niệm Chủ tịch Hồ Chí Minh']);
    expect(typed(tagEntities(text), 'POSITION')).toEqual([]);
    expect(extractOfficials('Đoàn dâng hương tại Khu di tích Chủ tịch Tôn Đức Thắng.')).toEqual([]);
  });

  it('a river island named `Ông X` is a place, not a person', () => {
    expect(pairs(tagEntities('Du lịch sinh thái cù lao Ông Chưởng thu hút khách.'))).toEqual(['LOCATION:cù lao Ông Chưởng']);
  });

  it('a country whose name starts with an organ word is a LOCATION', () => {
    expect(pairs(tagEntities('Lao động đi làm việc tại Hàn Quốc và Đài Loan tăng.'))).toEqual(['LOCATION:Hàn Quốc', 'LOCATION:Đài Loan']);
    expect(typed(tagEntities('Đài Phát thanh và Truyền hình tỉnh đưa tin.'), 'ORGANIZATION')).toEqual(['Đài Phát thanh và Truyền hình tỉnh']);
  });
});

describe('measure edges', () => {
  it('an anchoring word before a month or a quarter stays inside the DATE', () => {
    expect(pairs(tagEntities('Đến cuối tháng 6/2023, toàn huyện có 95% hộ dùng nước sạch.'))).toEqual(['DATE:cuối tháng 6/2023', 'PERCENT:95%']);
    expect(typed(tagEntities('Từ đầu quý II năm 2024, giá lúa tăng.'), 'DATE')).toEqual(['đầu quý II năm 2024']);
    expect(typed(tagEntities('Kế hoạch 6 tháng cuối năm 2024.'), 'DATE')).toEqual(['6 tháng cuối năm 2024']);
  });

  it('`tỷ đồng` before a function word is MONEY', () => {
    expect(pairs(tagEntities('Tỉnh hỗ trợ 8 tỷ đồng từ nguồn dự phòng.'))).toEqual(['MONEY:8 tỷ đồng']);
    expect(pairs(tagEntities('Có 2 triệu đồng bào tham gia.'))).toEqual(['QUANTITY:2 triệu đồng bào']);
  });

  it('coordinated counted nouns stay in one QUANTITY', () => {
    expect(pairs(tagEntities('Đã chuyển 1.240 ý kiến, kiến nghị của cử tri.'))).toEqual(['QUANTITY:1.240 ý kiến, kiến nghị']);
    expect(pairs(tagEntities('Có 120 ý kiến, trong đó 40 ý kiến đồng ý.'))).toEqual(['QUANTITY:120 ý kiến', 'QUANTITY:40 ý kiến']);
  });
});

describe('bylines without a dash', () => {
  it('a credit label before the name on the last line', () => {
    expect(pairs(tagEntities('Hội nghị kết thúc.\n\nTin, ảnh: Thu Hà\n'))).toEqual(['PERSON:Thu Hà']);
    expect(pairs(tagEntities('Hội nghị kết thúc.\n\nBài và ảnh: Lê Minh'))).toEqual(['PERSON:Lê Minh']);
  });

  it('the writer with the body in brackets on the last line', () => {
    expect(pairs(tagEntities('Hội nghị kết thúc.\n\nHoàng Lan (Văn phòng Huyện ủy)\n'))).toEqual(['PERSON:Hoàng Lan', 'ORGANIZATION:Văn phòng Huyện ủy']);
  });

  it('a caption line after the label is not a name', () => {
    expect(typed(tagEntities('Hội nghị kết thúc.\n\nẢnh: Các đại biểu biểu quyết\n'), 'PERSON')).toEqual([]);
  });
});

describe('former posts', () => {
  it('posts listed after `từng giữ các chức vụ` all go to the subject', () => {
    const off = extractOfficials('Trước đó, đồng chí Lê Văn Toàn từng giữ các chức vụ Phó Giám đốc Sở Tài chính, Chủ tịch UBND huyện Kim Thành. Đồng chí Vũ Thị Hạnh phát biểu.');
    expect(off.map((o) => [o.person, o.positions])).toEqual([['Lê Văn Toàn', ['Phó Giám đốc Sở Tài chính', 'Chủ tịch Ủy ban nhân dân huyện Kim Thành']]]);
  });

  it('a proposed post is still not held', () => {
    expect(extractOfficials('Hội nghị giới thiệu ông Lê Văn Toàn giữ các chức vụ Bí thư Huyện ủy, Chủ tịch UBND huyện.')).toEqual([]);
  });
});

describe('village lists', () => {
  it('names listed after one village head are their own LOCATION spans', () => {
    expect(pairs(tagEntities('Các bản Nà Hẩu, Pá Khoang và Huổi Lóng có đường nhựa.'))).toEqual([
      'LOCATION:bản Nà Hẩu',
      'LOCATION:Pá Khoang',
      'LOCATION:Huổi Lóng',
    ]);
  });

  it('a person or a title after the village is not a list member', () => {
    expect(pairs(tagEntities('Về thôn Đông, Nguyễn Văn An cho biết.'))).toEqual(['LOCATION:thôn Đông', 'PERSON:Nguyễn Văn An']);
    expect(pairs(tagEntities('Tại thôn Tân Lập, Chủ tịch UBND xã kiểm tra.'))).toEqual(['LOCATION:thôn Tân Lập', 'POSITION:Chủ tịch UBND xã']);
  });
});

describe('never a place', () => {
  it('`Năm 2020` after a place name is a DATE, not part of the LOCATION', () => {
    expect(pairs(tagEntities('Thôn Đông Năm 2021 về đích nông thôn mới.'))).toEqual(['LOCATION:Thôn Đông', 'DATE:Năm 2021']);
    expect(typed(tagEntities('Khu di tích Năm 2020 đón khách.'), 'LOCATION')).toEqual([]);
    expect(typed(tagEntities('khu công nghiệp Năm Căn'), 'LOCATION')).toEqual(['khu công nghiệp Năm Căn']);
  });
});
