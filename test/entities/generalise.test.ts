import { describe, expect, it } from 'vitest';
import { extractOfficials, tagEntities } from '../../src/entities/index.js';
import type { Entity } from '../../src/types.js';

// Report-like text written for these tests (invented people, provinces other than the dev gold): headers, signature
// blocks, organisations written in sentence case, chained titles before a name.
const pairs = (ents: Entity[]): string[] => ents.map((e) => `${e.type}:${e.text}`);
const typed = (ents: Entity[], type: string): string[] => ents.filter((e) => e.type === type).map((e) => e.text);

describe('line breaks and document layout', () => {
  const HEADER = ['ĐẢNG BỘ TỈNH GIA LAI', 'HUYỆN ỦY CHƯ SÊ', 'Số 102-BC/HU', '', 'BÁO CÁO', 'Tình hình 9 tháng đầu năm'].join('\n');
  const SIGN = ['Nơi nhận:', '- Ban Thường vụ Tỉnh ủy,', '- Lưu VP.', '', 'T/M HUYỆN ỦY', 'BÍ THƯ', 'Rơ Mah Tuấn'].join('\n');

  it('no entity of any layer covers a line break', () => {
    const text = `${HEADER}\n${SIGN}\nxã Ia Ko\nIa Blang\n2.000\ntấn\nHuyện ủy\nChư Sê`;
    for (const e of tagEntities(text)) expect(e.text).not.toMatch(/[\n\r]/);
  });

  it('all-capitals organisation headers are organisations; a document title is not', () => {
    const ents = tagEntities(HEADER);
    expect(typed(ents, 'ORGANIZATION')).toEqual(['ĐẢNG BỘ TỈNH GIA LAI', 'HUYỆN ỦY CHƯ SÊ']);
    expect(pairs(ents).some((p) => p.includes('BÁO CÁO'))).toBe(false);
  });

  it('all-capitals department and school headers are organisations', () => {
    const ents = tagEntities('SỞ NỘI VỤ TỈNH KIÊN GIANG\nTRƯỜNG THPT NGUYỄN TRÃI\nTHÔNG BÁO\nKẾ HOẠCH');
    expect(typed(ents, 'ORGANIZATION')).toEqual(['SỞ NỘI VỤ TỈNH KIÊN GIANG', 'TRƯỜNG THPT NGUYỄN TRÃI']);
  });

  it('a signature block gives the body, the title and the signer as separate spans and one official', () => {
    const text = `${SIGN.replace('Rơ Mah Tuấn', 'Nguyễn Đình Khôi')}`;
    const ents = tagEntities(text);
    expect(pairs(ents)).toEqual(expect.arrayContaining(['ORGANIZATION:HUYỆN ỦY', 'POSITION:BÍ THƯ', 'PERSON:Nguyễn Đình Khôi']));
    const off = extractOfficials(text);
    expect(off).toEqual([expect.objectContaining({ person: 'Nguyễn Đình Khôi', positions: ['Bí thư'], organization: 'Huyện ủy' })]);
  });

  it('a signature with "(Đã ký)" between title and name still links them', () => {
    const off = extractOfficials('TM. ĐẢNG ỦY\nPHÓ BÍ THƯ\n(Đã ký)\nLê Thị Kim Oanh');
    expect(off).toEqual([expect.objectContaining({ person: 'Lê Thị Kim Oanh', positions: ['Phó Bí thư'] })]);
  });
});

describe('officials: chained titles before a name', () => {
  it('gives every title of the chain, and no nonsense organisation', () => {
    const off = extractOfficials('Tổng bí thư, Chủ tịch nước Lê Văn Khải chủ trì buổi làm việc.');
    expect(off).toHaveLength(1);
    expect(off[0]!.positions).toEqual(['Tổng Bí thư', 'Chủ tịch nước']);
    expect(off[0]!.organization).toBeUndefined();
  });

  it('capitalises "<unit> trưởng" titles as one word', () => {
    const off = extractOfficials('Ông Hà Quang Vinh, phó viện trưởng Viện Kinh tế nông nghiệp cho biết.');
    expect(off[0]?.positions[0]).toMatch(/^Phó Viện trưởng /);
    const off2 = extractOfficials('Bà Đỗ Thu Trang, hiệu trưởng Trường Tiểu học Kim Đồng phát biểu.');
    expect(off2[0]?.positions[0]).toMatch(/^Hiệu trưởng Trường Tiểu học Kim Đồng$/);
  });
});

describe('organisations written in sentence case', () => {
  it('runs a name on in lower case up to its place', () => {
    const ents = tagEntities('Đoàn tham quan Bảo tàng Mỹ thuật cung đình Huế và làm việc với Viện Nghiên cứu phát triển kinh tế - xã hội Cần Thơ.');
    expect(typed(ents, 'ORGANIZATION')).toEqual(['Bảo tàng Mỹ thuật cung đình Huế', 'Viện Nghiên cứu phát triển kinh tế - xã hội Cần Thơ']);
    expect(typed(ents, 'LOCATION')).toEqual([]);
  });

  it('does not run on through a verb or a function word', () => {
    const ents = tagEntities('Viện Nghiên cứu đã tổ chức hội thảo tại Cần Thơ. Bệnh viện Đa khoa tiếp nhận bệnh nhân ở Huế.');
    expect(typed(ents, 'ORGANIZATION')).toEqual(['Viện Nghiên cứu', 'Bệnh viện Đa khoa']);
  });

  it('tags schools, hospitals, companies, banks, newspapers and broadcasters, one body each', () => {
    const ents = tagEntities(
      'Trường Đại học Cần Thơ, Bệnh viện Đa khoa tỉnh Đắk Lắk, Công ty TNHH MTV Cao su Chư Păh, Tổng công ty Điện lực miền Nam, Ngân hàng Nông nghiệp và Phát triển nông thôn, Báo Nhân Dân và Đài truyền hình Vĩnh Long cùng tham gia.',
    );
    expect(typed(ents, 'ORGANIZATION')).toEqual([
      'Trường Đại học Cần Thơ',
      'Bệnh viện Đa khoa tỉnh Đắk Lắk',
      'Công ty TNHH MTV Cao su Chư Păh',
      'Tổng công ty Điện lực miền Nam',
      'Ngân hàng Nông nghiệp và Phát triển nông thôn',
      'Báo Nhân Dân',
      'Đài truyền hình Vĩnh Long',
    ]);
  });
});

describe('words that only look like names, organs or places (seen on news text)', () => {
  it('an acronym organ (TU, HU, BCH) matches only when written in capitals', () => {
    const ents = tagEntities('Cán bộ phải thường xuyên tu dưỡng, rèn luyện; TU và HU đã chỉ đạo.');
    expect(typed(ents, 'ORGANIZATION')).toEqual(['TU', 'HU']);
  });

  it('a field after an academic degree is not a person', () => {
    const ents = tagEntities('Trình độ: thạc sĩ Xây dựng Đảng, Thạc sĩ Quản trị kinh doanh, cử nhân Luật. Tiến sĩ Mai Văn Tùng phát biểu.');
    expect(typed(ents, 'PERSON')).toEqual(['Mai Văn Tùng']);
  });

  it('a source credit at the end is an organisation, not a person', () => {
    const ents = tagEntities('Hội nghị kết thúc trong ngày.\nTheo Dân Việt');
    expect(typed(ents, 'PERSON')).toEqual([]);
    expect(typed(ents, 'ORGANIZATION')).toEqual(['Dân Việt']);
  });

  it('"yêu cầu", "văn bản" are not a bridge or a hamlet; real ones are places', () => {
    const ents = tagEntities('Trung ương yêu cầu Bộ Chính trị chỉ đạo. Sở ban hành văn bản Hướng dẫn. Dân bản Nậm Cang qua cầu Bến Thủy.');
    expect(typed(ents, 'LOCATION')).toEqual(['bản Nậm Cang', 'cầu Bến Thủy']);
    expect(typed(ents, 'ORGANIZATION')).toContain('Bộ Chính trị');
  });

  it('an office followed by a person keeps them apart; a report title is not an organisation', () => {
    const ents = tagEntities('Chánh văn phòng Phạm Đức Thịnh trình bày Báo cáo tổng kết công tác Đoàn năm 2023.');
    expect(typed(ents, 'PERSON')).toEqual(['Phạm Đức Thịnh']);
    expect(typed(ents, 'ORGANIZATION')).toEqual([]);
  });

  it('a lower-case tail without a capitalised start does not make an organisation', () => {
    const ents = tagEntities('Báo cáo tổng kết công tác Hội năm 2023 được thông qua.');
    expect(typed(ents, 'ORGANIZATION')).toEqual([]);
  });

  it('a law name stops before adverbs and the rest of the clause', () => {
    const ents = tagEntities('Việc thi hành Luật An ninh mạng nói riêng và Luật Chính quyền địa phương lại chưa đồng bộ.');
    expect(typed(ents, 'DOCUMENT')).toEqual(['Luật An ninh mạng', 'Luật Chính quyền địa phương']);
  });
});

describe('other regions and post-2025 units (own sentences)', () => {
  const TEXT = [
    'Ngày 15/8/2025, Đảng ủy xã Ea Kar họp. Đồng chí Y Biêr Niê, Bí thư Đảng ủy xã chủ trì; dự có bà H’Hen Niê, Phó Chủ tịch UBND xã.',
    'Ở tỉnh Hà Giang, ông Sùng Mí Vàng và bà Vàng Thị Mai, Bí thư Chi bộ thôn Lũng Pù được khen thưởng.',
    'Ông Thạch Sang, Chủ tịch UBND huyện Trần Đề và ông Danh Út, Phó Bí thư Huyện ủy Gò Quao dự.',
    'Phường Ba Đình, xã Tân Gianh, đặc khu Côn Đảo, tỉnh Bà Rịa - Vũng Tàu, tỉnh Thừa Thiên Huế, TP. Hồ Chí Minh và phường 7 được nêu.',
  ].join('\n');
  const ents = tagEntities(TEXT);

  it('finds ethnic-minority and Khmer names after cues, and no place as a person', () => {
    expect(typed(ents, 'PERSON')).toEqual(['Y Biêr Niê', 'H’Hen Niê', 'Sùng Mí Vàng', 'Vàng Thị Mai', 'Thạch Sang', 'Danh Út']);
  });

  it('keeps a village party cell inside the position', () => {
    expect(typed(ents, 'POSITION')).toContain('Bí thư Chi bộ thôn Lũng Pù');
  });

  it('tags post-2025 communes, special zones, hyphenated and numbered units', () => {
    for (const s of ['xã Tân Gianh', 'đặc khu Côn Đảo', 'phường 7']) expect(typed(ents, 'COMMUNE')).toContain(s);
    for (const s of ['tỉnh Bà Rịa - Vũng Tàu', 'tỉnh Thừa Thiên Huế', 'TP. Hồ Chí Minh']) expect(typed(ents, 'PROVINCE')).toContain(s);
  });
});
