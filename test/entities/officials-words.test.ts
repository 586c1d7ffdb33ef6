// The officials' word lists as data (dictionaries/entities/patterns/words-officials.tsv → src/entities/officials/words.ts):
// the generated module matches its source, the cased list and the maps keep what the rules need, and the rules that
// read the sets still pair people and posts. All sentences are our own.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSections, wordsModule } from '../../scripts/data/patterns.js';
import { extractOfficials } from '../../src/index.js';
import { alt } from '../../src/entities/officials/regex.js';
import { COMMITTEE_LEVELS, LEVEL_TYPES, OFFICE_WORDS, TITLE_HEADS } from '../../src/entities/officials/words.js';

describe('words-officials.tsv', () => {
  it('the generated module is the compiled source (run npm run build:data after editing the .tsv)', () => {
    const built = wordsModule('words-officials.tsv', readSections('words-officials.tsv'), false);
    expect(readFileSync(new URL('../../src/entities/officials/words.ts', import.meta.url), 'utf8')).toBe(built);
  });

  it('a [name cased] list keeps its written casing and order; a [name map] keeps key → value in order', () => {
    expect(OFFICE_WORDS.slice(0, 3)).toEqual(['Tổng Bí thư', 'Phó Bí thư', 'Bí thư']);
    expect(OFFICE_WORDS).toContain('Ủy ban nhân dân');
    expect(COMMITTEE_LEVELS.get('thành ủy')).toBe('thành phố');
    expect([...COMMITTEE_LEVELS.keys()].slice(0, 2)).toEqual(['tỉnh ủy', 'huyện ủy']);
    expect(LEVEL_TYPES.get('thị xã')).toBe('district');
    expect(TITLE_HEADS.has('bí thư')).toBe(true);
  });

  it('alt() joins entries in written order and escapes regex characters', () => {
    expect(alt(['đ/c', 'tp.', 'a b'])).toBe('(?:đ\\/c|tp\\.|a b)');
    expect(new RegExp(`^${alt(['tp.'])}$`, 'u').test('tpx')).toBe(false);
  });
});

describe('officials rules that read the word sets', () => {
  const posts = (t: string) => extractOfficials(t).map((o) => [o.person, o.positions, o.former ?? []]);

  it('verbs of election and holding give the post to the subject', () => {
    expect(posts('Tại kỳ họp, ông Nguyễn Văn An được bầu Chủ tịch UBND tỉnh Nghệ An.')).toEqual([
      ['Nguyễn Văn An', ['Chủ tịch Ủy ban nhân dân tỉnh Nghệ An'], []],
    ]);
    expect(posts('Ông Trần Văn Bình tái đắc cử chức Bí thư Huyện ủy Quỳnh Lưu.')).toEqual([['Trần Văn Bình', ['Bí thư Huyện ủy Quỳnh Lưu'], []]]);
  });

  it('a proposal is no post held', () => {
    expect(posts('Hội nghị giới thiệu ông Lê Văn Cường làm Chủ tịch UBND huyện Yên Thành.')).toEqual([]);
  });

  it('former marks and career lines make past posts', () => {
    expect(posts('Ông Phạm Văn Dũng, nguyên Phó Chủ tịch UBND tỉnh Hà Tĩnh, đã nghỉ hưu.')).toEqual([
      ['Phạm Văn Dũng', ['Phó Chủ tịch Ủy ban nhân dân tỉnh Hà Tĩnh'], ['Phó Chủ tịch Ủy ban nhân dân tỉnh Hà Tĩnh']],
    ]);
    const career = posts('Ông Hoàng Văn Em. Quá trình công tác: Phó Chủ tịch UBND huyện Can Lộc, Chủ tịch UBND huyện Can Lộc.');
    expect(career).toHaveLength(1);
    expect(career[0]![2]).toEqual(['Phó Chủ tịch Ủy ban nhân dân huyện Can Lộc', 'Chủ tịch Ủy ban nhân dân huyện Can Lộc']);
  });

  it('a plural title is shared by the names listed after it', () => {
    expect(posts('Các Phó Chủ tịch UBND tỉnh Nguyễn Văn Phúc, Trần Thị Giang dự họp.').map((p) => p[0])).toEqual(['Nguyễn Văn Phúc', 'Trần Thị Giang']);
  });

  it('apposition chains: present links, kiêm, a committee member', () => {
    expect(posts('Ông Vũ Văn Hải hiện là Bí thư Huyện ủy Nghi Lộc kiêm Chủ tịch HĐND huyện Nghi Lộc.')).toEqual([
      ['Vũ Văn Hải', ['Bí thư Huyện ủy Nghi Lộc', 'Chủ tịch Hội đồng nhân dân huyện Nghi Lộc'], []],
    ]);
    const o = extractOfficials('Ông Đỗ Văn Khánh - Tỉnh ủy viên, Bí thư Huyện ủy Đức Thọ.');
    expect(o.map((x) => x.positions)).toEqual([['Tỉnh ủy viên', 'Bí thư Huyện ủy Đức Thọ']]);
  });

  it('a signature block gives the signer the body signed for', () => {
    const o = extractOfficials('T/M HUYỆN ỦY\nBÍ THƯ\n(Đã ký)\nTrần Quốc Hưng');
    expect(o.map((x) => [x.person, x.organization])).toEqual([['Trần Quốc Hưng', 'Huyện ủy']]);
  });
});
