import { describe, expect, it } from 'vitest';
import { extractOfficials, tagEntities } from '../../src/index.js';

// Issue 10 (rules-data), two error classes of official posts; every sentence is written for this test.
const positions = (text: string): string[] => tagEntities(text).filter((e) => e.type === 'POSITION').map((e) => e.text);
const orgs = (text: string): string[] => tagEntities(text).filter((e) => e.type === 'ORGANIZATION').map((e) => e.text);
const postOf = (text: string, person: string): string[] | undefined => extractOfficials(text).find((o) => o.person === person)?.positions;

describe('a post whose body is the party committee of a military or police organ', () => {
  it('keeps the organ and its place after "Đảng ủy" (Quân sự, Biên phòng, BĐBP)', () => {
    expect(positions('Ông Võ Đình Khang, Bí thư Đảng ủy Quân sự tỉnh Nghệ An, dự lễ giao quân.')).toEqual(['Bí thư Đảng ủy Quân sự tỉnh Nghệ An']);
    expect(positions('Ông Võ Đình Khang, Bí thư Đảng ủy Quân sự tỉnh, dự lễ giao quân.')).toEqual(['Bí thư Đảng ủy Quân sự tỉnh']);
    expect(positions('Ông Hà Văn Lực, Phó Bí thư Đảng ủy Quân sự thành phố Vinh, phát biểu.')).toEqual(['Phó Bí thư Đảng ủy Quân sự thành phố Vinh']);
    expect(positions('Ông Đào Minh Sang, Bí thư Đảng ủy BĐBP tỉnh, trao quà cho ngư dân.')).toEqual(['Bí thư Đảng ủy BĐBP tỉnh']);
    expect(positions('Ông Đào Minh Sang, Phó Bí thư Đảng ủy Biên phòng tỉnh Quảng Trị, trao quà.')).toEqual(['Phó Bí thư Đảng ủy Biên phòng tỉnh Quảng Trị']);
  });
  it('keeps doing so for the police and the border guard written in full', () => {
    expect(positions('Đại tá Mai Văn Thường, Bí thư Đảng ủy Công an tỉnh, chủ trì hội nghị.')).toEqual(['Bí thư Đảng ủy Công an tỉnh']);
    expect(positions('Ông Đào Minh Sang, Bí thư Đảng ủy Bộ đội Biên phòng tỉnh Cà Mau, trao quà.')).toEqual(['Bí thư Đảng ủy Bộ đội Biên phòng tỉnh Cà Mau']);
  });
  it('pairs the person with the whole post and the committee as its organisation', () => {
    const text = 'Ông Võ Đình Khang, Bí thư Đảng ủy Quân sự tỉnh Nghệ An, dự lễ giao quân.';
    expect(postOf(text, 'Võ Đình Khang')).toEqual(['Bí thư Đảng ủy Quân sự tỉnh Nghệ An']);
    expect(extractOfficials(text)[0]?.organization).toBe('Đảng ủy Quân sự tỉnh Nghệ An');
  });
  it('tags the committee alone as an organisation, and the abbreviated border guard of a province', () => {
    expect(orgs('Đảng ủy Quân sự tỉnh đã tổng kết công tác năm.')).toEqual(['Đảng ủy Quân sự tỉnh']);
    expect(orgs('Cán bộ BĐBP tỉnh Kiên Giang tuần tra trên biển.')).toEqual(['BĐBP tỉnh Kiên Giang']);
  });
  it('leaves a lower-case "quân sự" after a bare "Đảng ủy" outside the body', () => {
    expect(positions('Ông Võ Đình Khang, Bí thư Đảng ủy, bàn công tác quân sự địa phương.')).toEqual(['Bí thư Đảng ủy']);
  });
});

describe('posts of mass organisations keep their body', () => {
  it('keeps an abbreviated body with its admin word (Hội LHPN, HLHPN, LĐLĐ, Hội CCB, Ủy ban MTTQVN)', () => {
    expect(positions('Bà Lò Thị Dung, Chủ tịch Hội LHPN huyện, trao 20 suất quà.')).toEqual(['Chủ tịch Hội LHPN huyện']);
    expect(positions('Bà Lò Thị Dung, Chủ tịch HLHPN tỉnh, trao quà.')).toEqual(['Chủ tịch HLHPN tỉnh']);
    expect(positions('Ông Châu Văn Phước, Chủ tịch LĐLĐ tỉnh, thăm công nhân.')).toEqual(['Chủ tịch LĐLĐ tỉnh']);
    expect(positions('Ông Bế Văn Cường, Chủ tịch Hội CCB huyện Trùng Khánh, phát biểu.')).toEqual(['Chủ tịch Hội CCB huyện Trùng Khánh']);
    expect(positions('Ông Y Sơn, Chủ tịch Ủy ban MTTQVN xã, phát biểu.')).toEqual(['Chủ tịch Ủy ban MTTQVN xã']);
  });
  it('expands the abbreviated body in the official pair', () => {
    expect(postOf('Ông Châu Văn Phước, Chủ tịch LĐLĐ tỉnh, thăm công nhân.', 'Châu Văn Phước')).toEqual(['Chủ tịch Liên đoàn Lao động tỉnh']);
    expect(postOf('Chủ tịch LĐLĐ tỉnh Châu Văn Phước thăm công nhân.', 'Châu Văn Phước')).toEqual(['Chủ tịch Liên đoàn Lao động tỉnh']);
  });
  it('keeps a youth union named after its level, with or without a place', () => {
    expect(positions('Anh Hoàng Minh Đức, Bí thư Huyện đoàn, phát động phong trào.')).toEqual(['Bí thư Huyện đoàn']);
    expect(positions('Bí thư Tỉnh đoàn Hoàng Minh Đức phát động phong trào.')).toEqual(['Bí thư Tỉnh đoàn']);
    expect(positions('Anh Hoàng Minh Đức, Phó Bí thư Thành đoàn Đà Nẵng, phát động phong trào.')).toEqual(['Phó Bí thư Thành đoàn Đà Nẵng']);
    expect(postOf('Bí thư Tỉnh đoàn Hoàng Minh Đức phát động phong trào.', 'Hoàng Minh Đức')).toEqual(['Bí thư Tỉnh đoàn']);
  });
  it('keeps the national confederation whole instead of its abbreviated tail', () => {
    expect(orgs('Hội nghị do Tổng LĐLĐ Việt Nam tổ chức.')).toEqual(['Tổng LĐLĐ Việt Nam']);
    expect(positions('Ông Châu Văn Phước, Phó Chủ tịch Tổng LĐLĐ VN, phát biểu.')).toEqual(['Phó Chủ tịch Tổng LĐLĐ VN']);
  });
  it('keeps the full forms that already worked', () => {
    expect(positions('Bà Lò Thị Dung, Chủ tịch Hội Liên hiệp Phụ nữ huyện Mai Sơn, trao quà.')).toEqual(['Chủ tịch Hội Liên hiệp Phụ nữ huyện Mai Sơn']);
    expect(positions('Ông Châu Văn Phước, Chủ tịch Liên đoàn Lao động tỉnh, thăm công nhân.')).toEqual(['Chủ tịch Liên đoàn Lao động tỉnh']);
    expect(positions('Ông Y Sơn, Chủ tịch Ủy ban MTTQ Việt Nam xã, phát biểu.')).toEqual(['Chủ tịch Ủy ban MTTQ Việt Nam xã']);
  });
});
