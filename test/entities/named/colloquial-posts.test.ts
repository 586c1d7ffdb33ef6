import { describe, expect, it } from 'vitest';
import { extractOfficials, tagEntities } from '../../../src/index.js';

// The colloquial post `Chủ tịch tỉnh X` / `Bí thư xã X`: title + level word + a personal name gives POSITION +
// PERSON (and an official), while title + level word + a unit name stays a title beside a place. Invented sentences.
const spans = (text: string) => tagEntities(text).map((e) => [e.type, text.slice(e.start, e.end)]);

describe('colloquial post: title + level word + name', () => {
  it.each([
    ['Chiều qua, Chủ tịch tỉnh Nguyễn Văn Hùng đã đến thăm bà con vùng lũ.', 'Chủ tịch tỉnh', 'Nguyễn Văn Hùng'],
    ['Phát biểu tại buổi lễ, Chủ tịch huyện Lê Văn Tám cảm ơn các nhà tài trợ.', 'Chủ tịch huyện', 'Lê Văn Tám'],
    ['Bí thư xã Trần Thị Mai cho biết mùa màng năm nay khá tốt.', 'Bí thư xã', 'Trần Thị Mai'],
    ['Cuộc họp do Phó Chủ tịch thành phố Đỗ Quang Minh chủ trì.', 'Phó Chủ tịch thành phố', 'Đỗ Quang Minh'],
    ['Theo Chủ tịch phường Hoàng Anh, công trình sẽ xong trong tháng tới.', 'Chủ tịch phường', 'Hoàng Anh'],
  ])('%s', (text, post, person) => {
    expect(spans(text)).toEqual(expect.arrayContaining([['POSITION', post], ['PERSON', person]]));
    const off = extractOfficials(text);
    expect(off.map((o) => [o.person, o.positions])).toEqual([[person, [post]]]);
  });

  it('keeps a list of names after the colloquial post', () => {
    const text = 'Các Phó Chủ tịch huyện Phạm Văn Long và Vũ Thị Hạnh cùng dự.';
    expect(spans(text)).toEqual(expect.arrayContaining([['PERSON', 'Phạm Văn Long'], ['PERSON', 'Vũ Thị Hạnh']]));
  });

  it('works on the same sentence in lower case and in capitals', () => {
    for (const text of ['chủ tịch huyện lê văn tám cảm ơn các nhà tài trợ.', 'CHỦ TỊCH HUYỆN LÊ VĂN TÁM CẢM ƠN CÁC NHÀ TÀI TRỢ.']) {
      const off = extractOfficials(text);
      expect(off.map((o) => [o.person, o.positions])).toEqual([['Lê Văn Tám', ['Chủ tịch huyện']]]);
    }
  });
});

describe('title + level word + a unit name is not a person', () => {
  it.each([
    ['Chủ tịch tỉnh Bắc Ninh tiếp đoàn công tác.', 'PROVINCE', 'tỉnh Bắc Ninh'],
    ['Chủ tịch tỉnh Hà Nam Trần Văn Phúc tiếp đoàn công tác.', 'PROVINCE', 'tỉnh Hà Nam'],
    ['Chủ tịch xã Lê Lợi tiếp đoàn công tác.', 'COMMUNE', 'xã Lê Lợi'],
  ])('%s', (text, type, place) => {
    const s = spans(text);
    expect(s).toContainEqual([type, place]);
    expect(s.filter(([t, x]) => t === 'PERSON' && place.endsWith(x!))).toEqual([]);
  });

  it('needs a surname: a capitalised word after the level word is not a name', () => {
    expect(spans('Chủ tịch huyện Mới Tinh cho biết.').filter(([t]) => t === 'PERSON')).toEqual([]);
  });
});
