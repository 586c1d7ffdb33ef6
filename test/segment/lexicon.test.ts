import { describe, expect, it } from 'vitest';
import { encodeLexicon, hashString, LEX_DOMAIN, LEX_PLACE, LEX_SURNAME, LexiconBuilder, parseLexicon, syllableKey } from '../../src/segment/lexicon.js';
import { decodeModel, encodeModel } from '../../src/segment/model.js';

const walk = (lex: ReturnType<typeof parseLexicon>, syl: string[]): number => {
  let node = 0;
  for (const s of syl) {
    node = lex.child(node, hashString(syllableKey(s)));
    if (node < 0) return 0;
  }
  return lex.flags(node);
};

describe('lexicon trie', () => {
  it('round-trips through the compiled form', () => {
    const entries: Array<[string[], number]> = [
      [['huyện', 'ủy'], LEX_DOMAIN],
      [['hà', 'nội'], LEX_PLACE],
      [['bà', 'rịa', '-', 'vũng', 'tàu'], LEX_PLACE],
      [['bà', 'rịa'], LEX_PLACE | 1],
      [['nguyễn'], LEX_SURNAME],
    ];
    const lex = parseLexicon(encodeLexicon(entries, 'test'));
    expect(walk(lex, ['Huyện', 'uỷ'])).toBe(LEX_DOMAIN);
    expect(walk(lex, ['HÀ', 'NỘI'])).toBe(LEX_PLACE);
    expect(walk(lex, ['Bà', 'Rịa'])).toBe(LEX_PLACE | 1);
    expect(walk(lex, ['Bà', 'Rịa', '-', 'Vũng', 'Tàu'])).toBe(LEX_PLACE);
    expect(walk(lex, ['Bà', 'Rịa', '-'])).toBe(0);
    expect(walk(lex, ['hà', 'tĩnh'])).toBe(0);
    expect(lex.single(hashString('nguyễn'))).toBe(LEX_SURNAME);
    expect(lex.single(hashString('trần'))).toBe(0);
  });

  it('the builder grows past its initial size', () => {
    const b = new LexiconBuilder(4);
    for (let i = 0; i < 5000; i++) b.addFolded([`a${i}`, `b${i % 7}`, 'c'], 1);
    const lex = b.freeze();
    expect(lex.size).toBe(5000);
    let node = lex.child(0, hashString('a4321'));
    node = lex.child(node, hashString(`b${4321 % 7}`));
    expect(lex.flags(lex.child(node, hashString('c')))).toBe(1);
  });

  it('i/y variants share a key, other syllables keep theirs', () => {
    expect(syllableKey('sỹ')).toBe(syllableKey('sĩ'));
    expect(syllableKey('Tỷ')).toBe('tỉ');
    expect(syllableKey('quý')).toBe('quý');
    expect(syllableKey('thủy')).toBe('thủy');
    expect(syllableKey('Thuỷ')).toBe('thủy');
  });
});

describe('model storage', () => {
  it('round-trips sparse int16 weights', () => {
    const w = new Int16Array(1 << 10);
    w[0] = -5;
    w[3] = 32000;
    w[1023] = -32000;
    w[500] = 1;
    const m = decodeModel(encodeModel(w, 10, 1, { note: 'test' }));
    expect(m.bits).toBe(10);
    expect(m.mask).toBe(1023);
    expect(Array.from(m.weights)).toEqual(Array.from(w));
  });
});
