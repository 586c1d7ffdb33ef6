import { describe, expect, it } from 'vitest';
import { extractOfficials } from '../../src/index.js';
import { officialsFromEntities } from '../../src/entities/officials.js';
import { definedAbbreviations } from '../../src/entities/officials/context.js';
import type { Entity, EntityType } from '../../src/types.js';

// Issue 11, item 3: error classes of the officials layer, each with sentences written for this test.
const TYPES: Record<string, EntityType> = { PER: 'PERSON', POS: 'POSITION', ORG: 'ORGANIZATION', PRO: 'PROVINCE', DIS: 'DISTRICT', DAT: 'DATE' };

/** "[PER Lò Văn Pháo] - [POS Bí thư HU]" → text + entities with offsets. */
function doc(markup: string): { text: string; entities: Entity[] } {
  let text = '';
  const entities: Entity[] = [];
  let last = 0;
  for (const m of markup.matchAll(/\[(PER|POS|ORG|PRO|DIS|DAT) ([^\]]+)\]/g)) {
    text += markup.slice(last, m.index);
    entities.push({ type: TYPES[m[1]!]!, text: m[2]!, start: text.length, end: text.length + m[2]!.length, source: 'test' } as Entity);
    text += m[2]!;
    last = m.index! + m[0].length;
  }
  return { text: text + markup.slice(last), entities };
}
const officials = (markup: string) => {
  const { text, entities } = doc(markup);
  return officialsFromEntities(text, entities);
};
const pairs = (markup: string): Record<string, string[]> => Object.fromEntries(officials(markup).map((o) => [o.person, o.positions]));
const formers = (markup: string): Record<string, string[] | undefined> => Object.fromEntries(officials(markup).map((o) => [o.person, o.former]));

describe('one title shared by a list of names', () => {
  it('a plural title goes to every name listed after it', () => {
    expect(pairs('Tiếp đoàn có các [POS Phó Giám đốc Sở Y tế] [PER Đinh Thị Hoa], [PER Mai Văn Kiên] và [PER Tạ Quang Vũ].')).toEqual({
      'Đinh Thị Hoa': ['Phó Giám đốc Sở Y tế'],
      'Mai Văn Kiên': ['Phó Giám đốc Sở Y tế'],
      'Tạ Quang Vũ': ['Phó Giám đốc Sở Y tế'],
    });
  });
  it('a Phó left outside the span is part of the title', () => {
    expect(pairs('cùng các Phó [POS Chủ tịch UBND huyện] [PER Lưu Văn Tính], [PER Hà Thị Nga] đi kiểm tra.')).toEqual({
      'Lưu Văn Tính': ['Phó Chủ tịch Ủy ban nhân dân huyện'],
      'Hà Thị Nga': ['Phó Chủ tịch Ủy ban nhân dân huyện'],
    });
  });
  it('a title and a colon', () => {
    expect(pairs('[POS Phó Trưởng Ban Tuyên giáo Tỉnh ủy]: [PER Vũ Đức Lâm], [PER Kha Thị Mến].')).toEqual({
      'Vũ Đức Lâm': ['Phó Trưởng Ban Tuyên giáo Tỉnh ủy'],
      'Kha Thị Mến': ['Phó Trưởng Ban Tuyên giáo Tỉnh ủy'],
    });
  });
  it('a singular title goes to the first name only; a listed name with its own title keeps only that', () => {
    expect(pairs('[POS Bí thư Huyện ủy] [PER Âu Văn Khải], [PER Lục Thị Xoan] cùng dự.')).toEqual({ 'Âu Văn Khải': ['Bí thư Huyện ủy'] });
    expect(pairs('các [POS Phó Chủ tịch HĐND tỉnh] [PER Ông Văn Dư], [PER Khúc Thị Lan] - [POS Trưởng Ban Pháp chế HĐND tỉnh] dự.')).toEqual({
      'Ông Văn Dư': ['Phó Chủ tịch Hội đồng nhân dân tỉnh'],
      'Khúc Thị Lan': ['Trưởng Ban Pháp chế Hội đồng nhân dân tỉnh'],
    });
  });
});

describe('former posts: kept in positions, listed in former', () => {
  it('nguyên and cựu right before the post', () => {
    const o = officials('Ông [PER Lạc Văn Tường], nguyên [POS Phó Bí thư Tỉnh ủy], [POS Chủ tịch Hội Khuyến học tỉnh] phát biểu.');
    expect(o[0]?.positions).toEqual(['Phó Bí thư Tỉnh ủy', 'Chủ tịch Hội Khuyến học tỉnh']);
    expect(o[0]?.former).toEqual(['Phó Bí thư Tỉnh ủy']);
    expect(formers('cựu [POS Giám đốc Công an tỉnh] [PER Hầu Văn Pha] đến thăm.')).toEqual({ 'Hầu Văn Pha': ['Giám đốc Công an tỉnh'] });
  });
  it('career cues make the posts after them past, up to a current-post cue', () => {
    expect(formers('Ông [PER Trịnh Văn Ước] từng giữ chức [POS Bí thư Huyện ủy], trước đó là [POS Chủ tịch UBND huyện].')).toEqual({
      'Trịnh Văn Ước': ['Bí thư Huyện ủy', 'Chủ tịch Ủy ban nhân dân huyện'],
    });
    const o = officials('Bà [PER Nông Thị Sâm], người từng là [POS Phó Chủ tịch UBND tỉnh], hiện là [POS Chủ tịch Hội Liên hiệp Phụ nữ tỉnh].');
    expect(o[0]?.positions).toHaveLength(2);
    expect(o[0]?.former).toEqual(['Phó Chủ tịch Ủy ban nhân dân tỉnh']);
  });
  it('a current post has no former field', () => {
    expect(officials('Đồng chí [PER Giáp Văn Tư] - [POS Bí thư Đảng ủy xã] chủ trì.')[0]).not.toHaveProperty('former');
  });
  it('a career line gives its posts to the person named before it, as past posts', () => {
    const o = officials('Đồng chí [PER Lò Văn Sinh] sinh năm 1975.\nQuá trình công tác: [POS Phó Chủ tịch UBND huyện] ([DAT 2012 - 2016]), [POS Chủ tịch UBND huyện] ([DAT 2016 - 2021]).');
    expect(o[0]?.person).toBe('Lò Văn Sinh');
    expect(o[0]?.former).toEqual(['Phó Chủ tịch Ủy ban nhân dân huyện', 'Chủ tịch Ủy ban nhân dân huyện']);
  });
});

describe('chains of posts across bodies', () => {
  it('a post word the named layer tagged as an organisation continues the chain', () => {
    expect(pairs('Đồng chí [PER Kiều Văn Đạt], [POS Ủy viên Ban Thường vụ Tỉnh ủy], [ORG Thường trực Tỉnh ủy], [POS Trưởng Ban Dân vận Tỉnh ủy] dự.')).toEqual({
      'Kiều Văn Đạt': ['Ủy viên Ban Thường vụ Tỉnh ủy', 'Thường trực Tỉnh ủy', 'Trưởng Ban Dân vận Tỉnh ủy'],
    });
  });
  it('the same organisation as a subject stays an organisation', () => {
    expect(pairs('[ORG Thường trực Tỉnh ủy] làm việc với [POS Bí thư Huyện ủy] [PER Đàm Văn Lộc].')).toEqual({ 'Đàm Văn Lộc': ['Bí thư Huyện ủy'] });
  });
});

describe('abbreviations the text defines', () => {
  it('finds the full form by the initials before the brackets', () => {
    const defs = definedAbbreviations('Ban Quản lý rừng phòng hộ (BQLRPH) và Trung tâm Dịch vụ nông nghiệp (DVNN); (ABC) thì không.');
    expect(defs.byAbbr.get('BQLRPH')?.full).toBe('Ban Quản lý rừng phòng hộ');
    expect(defs.byAbbr.get('DVNN')?.full).toBe('Dịch vụ nông nghiệp');
    expect(defs.byAbbr.has('ABC')).toBe(false);
  });
  it('a later post with the abbreviation is normalised with the full name; a cut span is completed', () => {
    const o = pairs('Đại tá [PER Bế Văn Quý], [POS Chính ủy Bộ Chỉ huy Quân sự] tỉnh (BCHQS) dự. Sau đó [POS Phó Chính ủy BCHQS] [PER Ninh Văn Tuệ] báo cáo.');
    expect(o['Ninh Văn Tuệ']).toEqual(['Phó Chính ủy Bộ Chỉ huy Quân sự tỉnh']);
    expect(o['Bế Văn Quý']).toEqual(['Chính ủy Bộ Chỉ huy Quân sự tỉnh']);
  });
});

describe('colloquial Chủ tịch tỉnh', () => {
  it('the bare title with the level word and the place is one post', () => {
    expect(pairs('Ông [PER Cù Văn Khang], [POS Chủ tịch] [PRO tỉnh Hòa Bình], cho biết.')).toEqual({ 'Cù Văn Khang': ['Chủ tịch tỉnh Hòa Bình'] });
    expect(pairs('[POS Chủ tịch] huyện, ông [PER Mạc Văn Hậu] phát biểu.')).toEqual({ 'Mạc Văn Hậu': ['Chủ tịch huyện'] });
  });
  it('beside the full form it is dropped', () => {
    expect(pairs('Ông [PER Cù Văn Khang], [POS Chủ tịch UBND tỉnh Hòa Bình], cho biết. Sau đó [POS Chủ tịch] tỉnh, ông [PER Cù Văn Khang] kết luận.')).toEqual({
      'Cù Văn Khang': ['Chủ tịch Ủy ban nhân dân tỉnh Hòa Bình'],
    });
  });
});

describe('end to end through extractOfficials', () => {
  it('a plural title and a former post on invented text', () => {
    const out = extractOfficials('Làm việc với đoàn có các Phó Chủ tịch UBND tỉnh Hoàng Văn Khiêm, Lý Thị Dung. Ông Đỗ Văn Lựu, nguyên Bí thư Tỉnh ủy, cũng tới dự.');
    const by = Object.fromEntries(out.map((o) => [o.person, o]));
    expect(by['Hoàng Văn Khiêm']?.positions).toEqual(['Phó Chủ tịch Ủy ban nhân dân tỉnh']);
    expect(by['Lý Thị Dung']?.positions).toEqual(['Phó Chủ tịch Ủy ban nhân dân tỉnh']);
    expect(by['Đỗ Văn Lựu']?.former).toEqual(['Bí thư Tỉnh ủy']);
  });
});

describe('the new readings hold on NFD text and the new tone placement', () => {
  it('gives the same officials as the NFC text', () => {
    const nfc = 'Tiếp đoàn có các Phó [POS Chủ tịch UBND huyện] [PER Lưu Văn Tính], [PER Hà Thị Nga]. Ông [PER Lạc Văn Tường], nguyên [POS Bí thư Huyện uỷ], dự. [POS Chủ tịch] huyện, ông [PER Mạc Văn Hậu] phát biểu.';
    const strip = (o: ReturnType<typeof officials>) => o.map(({ person, positions, former }) => ({ person: person.normalize('NFC'), positions, former }));
    const a = strip(officials(nfc));
    expect(a).toHaveLength(4);
    expect(strip(officials(nfc.normalize('NFD')))).toEqual(a);
  });
});

describe('what is not a former post', () => {
  it('a capitalised Nguyên inside a sentence is a name; từng meaning each or step by step is no career cue', () => {
    expect(formers('Đoàn công tác tỉnh Thái Nguyên [POS Chủ tịch UBND tỉnh] [PER Trương Văn Mạnh] dẫn đầu.')).toEqual({ 'Trương Văn Mạnh': undefined });
    expect(formers('Nguyên [POS Bí thư Huyện ủy] [PER Võ Văn Thắm] dự.')).toEqual({ 'Võ Văn Thắm': ['Bí thư Huyện ủy'] });
    expect(formers('Hội nghị từng bước kiện toàn bộ máy và bầu đồng chí [PER Lý Văn Điệp] giữ chức [POS Chủ tịch UBND xã].')).toEqual({ 'Lý Văn Điệp': undefined });
  });
});
