import { describe, expect, it } from 'vitest';
import { COMMON_VOCABULARY, vocabularyOf, vocabularyWithout } from '../../src/data/vocabulary.js';
import { tagEntities } from '../../src/entities/index.js';
import { getDefaultLexicon } from '../../src/entities/named/lexicon.js';
import { ADDRESS_WORDS } from '../../src/segment/features.js';

// The shared vocabulary (dictionaries/common/) is the one list every layer reads.
describe('shared vocabulary', () => {
  it('gives the segmenter the last syllable of every form of address', () => {
    for (const k of vocabularyOf(COMMON_VOCABULARY.address, 'cue', 'kin', 'familiar')) expect(ADDRESS_WORDS).toContain(k.split(' ').pop());
    expect(ADDRESS_WORDS).not.toContain('đại'); // ranks are not forms of address for the segmenter
  });
  it('gives the named rules every surname but the ambiguous ones', () => {
    const lex = getDefaultLexicon();
    expect(lex.surnames.has('nguyễn')).toBe(true);
    expect(lex.surnames.has('văn')).toBe(false);
    expect(vocabularyWithout(COMMON_VOCABULARY.surnames, 'ambiguous').every((k) => lex.surnames.has(k))).toBe(true);
  });
  it('makes every rank a person cue (one list with the officials layer)', () => {
    const text = 'Trung úy Hoàng Văn Lịch và luật sư Trần Thị Mơ có mặt.';
    expect(tagEntities(text).filter((e) => e.type === 'PERSON').map((e) => e.text)).toEqual(['Hoàng Văn Lịch', 'Trần Thị Mơ']);
  });
  it('keeps a bare province name after a familiar word that is also an adjective', () => {
    expect(tagEntities('Cậu bé Sơn La đạp xe xuống Hà Nội.').map((e) => e.text)).toContain('Sơn La');
  });
});
