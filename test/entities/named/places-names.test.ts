import { describe, expect, it } from 'vitest';
import { tagEntities } from '../../../src/entities/index.js';
import type { Entity } from '../../../src/types.js';

// Issue 11 item 5, by error class. Every sentence here is invented for the test.
const spans = (text: string, type?: string): string[] =>
  tagEntities(text)
    .filter((e) => !type || e.type === type)
    .map((e) => (type ? e.text : `${e.type}:${e.text}`));
const find = (text: string, span: string): Entity | undefined => tagEntities(text).find((e) => e.text === span);

describe('Việt Nam on its own is a LOCATION; inside an organisation it stays part of it', () => {
  it('alone, mid-sentence and at the end', () => {
    expect(spans('Nhiều du khách châu Âu chọn Việt Nam cho kỳ nghỉ hè.')).toContain('LOCATION:Việt Nam');
    expect(spans('Đội tuyển đã trở về Việt Nam.')).toContain('LOCATION:Việt Nam');
  });
  it('inside an organisation name, no separate LOCATION', () => {
    const s = spans('Hội Nông dân Việt Nam phát động phong trào thi đua mới.');
    expect(s).toContain('ORGANIZATION:Hội Nông dân Việt Nam');
    expect(s).not.toContain('LOCATION:Việt Nam');
  });
});

describe('foreign countries and cities are places, never persons', () => {
  it('one-syllable countries before words they do not form a dictionary word with', () => {
    expect(spans('Lô hàng thanh long xuất sang Mỹ tăng gấp đôi.', 'LOCATION')).toEqual(['Mỹ']);
    expect(spans('Cô ấy sống ở Pháp nhiều năm rồi.', 'LOCATION')).toEqual(['Pháp']);
    expect(spans('Nhóm sinh viên sang Ý học thiết kế.', 'LOCATION')).toEqual(['Ý']);
    expect(spans('Tôm đông lạnh bán sang Nhật, Hàn và Úc.', 'LOCATION')).toEqual(['Nhật', 'Hàn', 'Úc']);
    expect(spans('Cuốn Nhật ký trong tù được tái bản.', 'LOCATION')).toEqual([]);
  });
  it('a one-syllable country opening a sentence (not a pronoun)', () => {
    expect(spans('Lào là thị trường lớn của hợp tác xã.', 'LOCATION')).toEqual(['Lào']);
  });
  it('glued into a dictionary word it is a word, not a place', () => {
    expect(spans('Báo Pháp luật đăng tin về vụ việc.', 'LOCATION')).toEqual([]);
    expect(spans('Chị theo học ngành mỹ thuật ứng dụng.', 'LOCATION')).toEqual([]);
  });
  it('a text that is only a country name is the country, not a byline', () => {
    for (const t of ['Lào', 'Nga.', 'Trung Quốc']) {
      const s = spans(t);
      expect(s.some((x) => x.startsWith('PERSON:'))).toBe(false);
      expect(s).toContain(`LOCATION:${t.replace('.', '')}`);
    }
  });
  it('foreign cities', () => {
    expect(spans('Chuyến bay thẳng từ Thượng Hải đến Đà Nẵng đã khai trương.')).toContain('LOCATION:Thượng Hải');
  });
  it('a given name met earlier in the text is the person, not the country', () => {
    const s = tagEntities('Ông Trần Minh Đức lên phát biểu. Sau đó, Đức ký biên bản.');
    expect(s.filter((e) => e.type === 'LOCATION')).toEqual([]);
  });
});

describe('districts without their type word in an address', () => {
  it('between a street and its province, linked to the unit', () => {
    const d = find('Văn phòng mới ở phố Núi Trúc, Ba Đình, Hà Nội.', 'Ba Đình');
    expect(d?.type).toBe('DISTRICT');
    expect(d?.type === 'DISTRICT' && d.value?.parents?.province?.name).toBe('Hà Nội');
    expect(find('Quán cà phê số 8 đường Lê Lợi, Hải Châu, Đà Nẵng mở cửa từ sáng.', 'Hải Châu')?.type).toBe('DISTRICT');
  });
  it('not when the province after it does not hold that district', () => {
    expect(find('Cửa hàng ở phố Núi Trúc, Ba Đình, Đà Nẵng.', 'Ba Đình')?.type).not.toBe('DISTRICT');
  });
  it('a street written with "phố" is a LOCATION', () => {
    expect(spans('Lễ hội diễn ra trên phố Hàng Ngang vào cuối tuần.', 'LOCATION')).toEqual(['phố Hàng Ngang']);
    expect(spans('Dân thành phố đổ ra đường phố xem pháo hoa.', 'LOCATION')).toEqual([]);
  });
});

describe('streets, schools and places named after people are not persons', () => {
  it('a street after a house number', () => {
    const s = spans('Tiệm sách nhỏ ở 27 Phạm Ngọc Thạch, quận 3 vẫn đông khách.');
    expect(s).toContain('LOCATION:Phạm Ngọc Thạch');
    expect(s.some((x) => x.startsWith('PERSON:'))).toBe(false);
  });
  it('a street with its head word', () => {
    const s = spans('Xe buýt đi qua đường Trần Hưng Đạo mỗi mười phút.');
    expect(s).toContain('LOCATION:đường Trần Hưng Đạo');
    expect(s.some((x) => x.startsWith('PERSON:'))).toBe(false);
  });
  it('a school named after a person is an ORGANIZATION', () => {
    const s = spans('Học sinh Trường THCS Nguyễn Du đạt giải nhất cuộc thi.');
    expect(s).toContain('ORGANIZATION:Trường THCS Nguyễn Du');
    expect(s.some((x) => x.startsWith('PERSON:'))).toBe(false);
    expect(spans('Cô giáo dạy ở Trường Tiểu học Lê Văn Tám đã nghỉ hưu.')).toContain('ORGANIZATION:Trường Tiểu học Lê Văn Tám');
  });
});

describe('names after a form of address', () => {
  it('initials written as a name', () => {
    expect(spans('Người tố giác là ông P.V.T., ngụ tại địa phương.', 'PERSON')).toEqual(['P.V.T.']);
    expect(spans('Chị L.T.M cho biết sẽ khiếu nại.', 'PERSON')).toEqual(['L.T.M']);
  });
  it('one-syllable given names that are also common words', () => {
    expect(spans('Hôm qua anh Nam đã trả lại chiếc ví.', 'PERSON')).toEqual(['Nam']);
    expect(spans('Bà Hội mở quán bún đầu ngõ.', 'PERSON')).toEqual(['Hội']);
  });
  it('a one-syllable given name after a form of address', () => {
    expect(spans('Theo chị Hoa, giá rau tăng mạnh.', 'PERSON')).toEqual(['Hoa']);
  });
  it('not when a capitalised place follows the word', () => {
    expect(spans('Ông về Nam Định thăm họ hàng.', 'PERSON')).toEqual([]);
  });
});
