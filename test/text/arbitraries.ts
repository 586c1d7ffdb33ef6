import fc from 'fast-check';

// Building blocks for property tests: Vietnamese letters (NFC and NFD), old/new tone placement, digits, number
// punctuation, white space of every kind (NBSP, tabs, newlines), emoji (surrogate pairs) and zero-width characters.
const PIECES = [
  'Huyện', 'ủy', 'uỷ', 'hòa', 'hoà', 'thủy', 'thuỷ', 'khóa', 'khoá', 'Đà', 'Nẵng', 'Ð', 'đ', 'TP.', 'TS.', 'v.v.', 'UBND', 'HĐND',
  'Huyện'.normalize('NFD'), 'Quảng'.normalize('NFD'), 'ủy'.normalize('NFD'), 'e\u0302\u0301', 'a\u0301', 'O\u031b\u0300',
  'a', 'b', 'X', 'V', 'I', '0', '1', '2', '9', '2.926', '45,8%', '26-NQ/TW', '15/12/2025',
  '.', ',', '%', '/', '-', '...', '…', '!', '?', ':', ';', '(', ')', '"', '“', '”', "'",
  ' ', ' ', ' ', '\u00a0', '\t', '\n', '\n\n', '\r\n', '😀', '👍🏽', '\ud83d', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad',
  '\u0301', '\u0323', 'www.a.vn', 'x@y.vn', 'A.', 'a)', '+', '–',
];

/** Random strings over the mixed alphabet (pieces concatenated, so NFD marks may land anywhere). */
export const vnText = (maxLength = 60) => fc.array(fc.constantFrom(...PIECES), { maxLength }).map((a) => a.join(''));

/** Random strings mixing the alphabet with arbitrary UTF-16 code units (lone surrogates included). */
export const anyText = fc.oneof(vnText(), fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 40 }));

/** Runs of white space only, empty included. */
export const blankText = fc.array(fc.constantFrom('', ' ', '\u00a0', '\t', '\n', '\r\n', '\u3000'), { maxLength: 10 }).map((a) => a.join(''));
