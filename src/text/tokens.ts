import { assertText } from '../errors.js';
import type { Token, TokenKind } from '../types.js';

// The syllable layer: one linear left-to-right scan with a single sticky regular expression. Every non-space
// character of the input lands in exactly one token; offsets are UTF-16 indices into the input as given.
// Letters include combining marks (NFD input) and zero-width characters inside a word.

const L = String.raw`\p{L}`;
const LM = String.raw`[\p{L}\p{M}\u00ad\u200b-\u200d\u2060]`;
const WORD = String.raw`${L}${LM}*(?:['’]${L}${LM}*)*`; // H'Linh, Đắk Lắk
const NUM = String.raw`\d+(?:[.,]\d+)*`;

// Units written with a slash as one token, in NFC and NFD spelling (`tấn/ha` typed with combining marks).
const UNIT_HEADS = ['tạ', 'tấn', 'kg', 'km', 'm3', 'm'];
const both = (w: string) => [...new Set([w.normalize('NFC'), w.normalize('NFD')])];
const UNIT_PATTERN =
  String.raw`(?:${UNIT_HEADS.flatMap(both).join('|')})\/(?:ha|h|s)(?![\p{L}\p{M}\d])|(?:${both('người').join('|')})\/km2`;

// Order matters: the first alternative that matches at a position wins.
const PATTERNS: Array<[TokenKind | 'word' | 'numberish' | 'dotted', string]> = [
  ['url', String.raw`(?:https?:\/\/|www\.)[^\s<>"“”'’‘()\[\]]+`],
  // Bounded parts keep every attempt short (an unbounded local part rescans `a-a-a-…` at each position: quadratic).
  ['email', String.raw`[\p{L}\d._%+-]{1,64}@[\p{L}\d-]{1,63}(?:\.[\p{L}\d-]{1,63}){1,8}`],
  // Codes starting with digits: 26-NQ/TW, 05-CTr/ĐU, 202/2025/QH15, 35-CT/TW.
  ['code', String.raw`\d+(?:[-/]\d+)*[-/]\p{Lu}[\p{L}\p{M}\d]*(?:[-/]${L}?[\p{L}\p{M}\d]*)*`],
  // Numbers: 2.926  45,8  1.329,9  09-7  15/12/2025  2020-2025, optionally with % (percent).
  ['numberish', String.raw`${NUM}(?:[-/]${NUM})*%?`],
  // Units written with a slash as one token: 58,3 tạ/ha, 60 km/h (not money tails such as đồng/người).
  ['unit', UNIT_PATTERN],
  // Dotted abbreviations: TP.HCM, PGS.TS, Th.S, v.v. — letters '.' letters with no space.
  // Bounded: `A.A.A.…` must not be matched whole and then re-split one letter at a time (quadratic).
  ['dotted', String.raw`(?:\p{L}\p{M}{0,3}){1,4}\.(?:(?:\p{L}\p{M}{0,3}){1,4}\.?){1,3}`],
  // Letter words, optionally glued to digits or to an upper-case/digit part by - / &: QH15, Covid-19, TN&MT, NQ/TW.
  ['word', String.raw`${WORD}(?:\d[\p{L}\d]*|[-/&](?:\d[\p{L}\d]*|\p{Lu}{2,}[\p{L}\d]*)(?![\p{Ll}]))*\.?`],
  ['punctuation', String.raw`\.{2,}|…|[-–—]{2,}|[\p{P}]`],
  ['emoji', String.raw`\p{Extended_Pictographic}(?:\p{EMod}|\uFE0F|\u20E3)*(?:\u200D\p{Extended_Pictographic}(?:\p{EMod}|\uFE0F)*)*|\p{RI}\p{RI}`],
  ['symbol', String.raw`[\p{S}]\p{M}*`],
  ['other', String.raw`[^\s]\p{M}*`],
];
// A lower-case-initial word of letters (with combining marks) and the characters that may follow it for the fast
// path to apply: white space and punctuation that can never extend a token (not . ' - / & digits).
const SIMPLE_WORD = /\p{Ll}[\p{L}\p{M}]*/uy;
const SIMPLE_FOLLOW = new Set([32, 10, 9, 13, 0xa0, 44, 59, 33, 63, 41, 93, 34, 0x201d, 0x201c, 40]);
const GROUPS = PATTERNS.map(([, src]) => `(${src})`).join('|');
const MASTER = new RegExp(`\\s+|${GROUPS}`, 'guy');

// Abbreviations written with a final dot that never end a sentence by themselves.
const DOTTED_ABBR = new Set([
  'tp.', 'tx.', 'tt.', 'q.', 'h.', 'p.', 'x.', 'ts.', 'ths.', 'pgs.', 'gs.', 'bs.', 'ks.', 'cn.', 'ls.', 'nxb.', 'tr.',
  'st.', 'mr.', 'mrs.', 'dr.', 'no.', 'vs.', 'v.v.', 'tp.hcm', 'đ/c', 'ng.',
]);

const ROMAN = /^(?=[IVXLCDM])M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;
const SYLLABLE_SHAPE = /^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ng|nh|ch|[cmnptiyou])?$/;

/** Does an upper-case letter string look like a Vietnamese syllable (HOÀI, NAM) rather than an acronym (UBND)? */
function looksLikeSyllable(word: string): boolean {
  const bare = word.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
  return SYLLABLE_SHAPE.test(bare);
}

/** Upper-case acronyms that also look like syllables; they stay abbreviations. */
const ACRONYM_SYLLABLES = new Set(['HU', 'TU', 'ĐU', 'BAN', 'KH', 'TT', 'UB', 'CA', 'QU', 'HỘI']);

function classifyWord(s: string): TokenKind {
  if (s.endsWith('.')) {
    // A word with a final dot is a token only for known abbreviations (handled by the caller); here it is not.
    return 'abbreviation';
  }
  if (/[\d]/.test(s) || /[-/&]/.test(s)) {
    if (/&/.test(s) && !/\d/.test(s)) return 'abbreviation';
    return 'code';
  }
  if (s.length >= 2 && s === s.toUpperCase() && s !== s.toLowerCase()) {
    if (ROMAN.test(s)) return 'roman';
    const letters = s.replace(/['’\u00ad\u200b-\u200d\u2060]/g, '');
    if (ACRONYM_SYLLABLES.has(letters) && letters.length <= 2) return 'abbreviation';
    return looksLikeSyllable(letters) ? 'syllable' : 'abbreviation';
  }
  // Mixed-case acronyms: HĐNDtỉnh is not one; CTr, TTg, ThS, TPHCM.
  if (/^\p{Lu}\p{L}*\p{Lu}/u.test(s) && !looksLikeSyllable(s)) return 'abbreviation';
  if (s.length === 1 && ROMAN.test(s) && /[IVX]/.test(s)) return 'roman';
  return 'syllable';
}

function push(out: Token[], text: string, start: number, kind: TokenKind): void {
  out.push({ text, start, end: start + text.length, kind });
}

/**
 * Splits text into syllables, numbers, abbreviations, codes, punctuation and symbols, with exact offsets.
 * Every non-space character of the input is inside exactly one token; linear time.
 *
 * @example
 * ```ts
 * tokenize('Tổng giá trị đạt 2.926 tỷ đồng, 45,8% KH').map((t) => t.text);
 * // ['Tổng', 'giá', 'trị', 'đạt', '2.926', 'tỷ', 'đồng', ',', '45,8%', 'KH']
 * ```
 */
export function tokenize(text: string): Token[] {
  assertText(text, 'tokenize');
  const out: Token[] = [];
  const re = new RegExp(MASTER.source, MASTER.flags);
  const n = text.length;
  let pos = 0;
  const simple = new RegExp(SIMPLE_WORD.source, SIMPLE_WORD.flags);
  while (pos < n) {
    const c = text.charCodeAt(pos);
    // Fast paths (most of any text): white space, and plain words followed by a space or light punctuation.
    if (c === 32 || c === 10 || c === 9 || c === 13) {
      pos++;
      continue;
    }
    if ((c >= 97 && c <= 122) || (c >= 0xe0 && c <= 0x1ef9 && c !== 0xf7)) {
      simple.lastIndex = pos;
      const sm = simple.exec(text);
      if (sm) {
        const w = sm[0];
        const after = text.charCodeAt(pos + w.length);
        if (Number.isNaN(after) || SIMPLE_FOLLOW.has(after) || (after === 58 && text.charCodeAt(pos + w.length + 1) !== 47)) {
          out.push({ text: w, start: pos, end: pos + w.length, kind: 'syllable' });
          pos += w.length;
          continue;
        }
      }
    }
    re.lastIndex = pos;
    const m = re.exec(text);
    if (!m) {
      // Unreachable in practice ('other' matches any non-space); keep the guarantee anyway.
      const cp = text.codePointAt(pos)!;
      const len = cp > 0xffff ? 2 : 1;
      push(out, text.slice(pos, pos + len), pos, 'other');
      pos += len;
      continue;
    }
    const s = m[0];
    const start = pos;
    pos = start + s.length;
    let gi = 1;
    while (gi < m.length && m[gi] === undefined) gi++;
    if (gi >= m.length) continue; // white space
    const kind = PATTERNS[gi - 1]![0];
    switch (kind) {
      case 'url': {
        const trimmed = s.replace(/[.,;:!?]+$/, '');
        push(out, trimmed, start, 'url');
        pos = start + trimmed.length;
        break;
      }
      case 'email': {
        const trimmed = s.replace(/\.+$/, '');
        push(out, trimmed, start, 'email');
        pos = start + trimmed.length;
        break;
      }
      case 'numberish':
        push(out, s, start, s.endsWith('%') ? 'percent' : 'number');
        break;
      case 'dotted': {
        // TP.HCM, PGS.TS, v.v. are abbreviations. Otherwise (a missing space after a full stop: "năm.Ngày")
        // split at the first dot and let the scanner continue from there.
        const nfc = s.normalize('NFC'); // NFD input (H.Bình with combining marks) classifies like NFC
        const low = nfc.toLowerCase();
        const isAbbr = DOTTED_ABBR.has(low) || /^\p{Lu}{1,4}\.\p{Lu}[\p{L}]{0,4}\.?$/u.test(nfc) || /^\p{Lu}\p{Ll}?\.\p{Lu}{1,3}$/u.test(nfc) || /^(\p{Ll}\.){2,}$/u.test(nfc);
        if (isAbbr) {
          let t = s;
          // Keep a trailing dot only when it is part of the abbreviation (v.v., TP.).
          if (t.endsWith('.') && !DOTTED_ABBR.has(low) && !/^(\p{Ll}\.){2,}$/u.test(nfc)) t = t.slice(0, -1);
          push(out, t, start, 'abbreviation');
          pos = start + t.length;
        } else {
          const dot = s.indexOf('.');
          const w = s.slice(0, dot);
          pushWord(out, w, start);
          pos = start + dot; // the dot is scanned next as punctuation
        }
        break;
      }
      case 'word':
        if (s.endsWith('.')) {
          const low = s.toLowerCase();
          const bare = s.slice(0, -1);
          // Known dotted abbreviations (TP., TS., H.) keep their dot, as do single capital initials (V.) that are
          // followed by a capitalised word on the same line.
          if (DOTTED_ABBR.has(low) || (/^\p{Lu}$/u.test(bare) && /^ \p{Lu}/u.test(text.slice(pos, pos + 2)) && !endsSentenceAfter(out))) {
            push(out, s, start, 'abbreviation');
          } else {
            pushWord(out, bare, start);
            pos = start + bare.length;
          }
        } else pushWord(out, s, start);
        break;
      default:
        push(out, s, start, kind as TokenKind);
    }
  }
  return out;
}

// "Nguyễn V. Anh" / "A. Nguyễn" is an initial; after a lower-case word or a number ("đạt hạng A. Sau đó") the dot is
// more likely a full stop.
function endsSentenceAfter(out: Token[]): boolean {
  const prev = out[out.length - 1];
  if (!prev) return false;
  return prev.kind === 'number' || (prev.kind === 'syllable' && /^\p{Ll}/u.test(prev.text));
}

function pushWord(out: Token[], s: string, start: number): void {
  push(out, s, start, classifyWord(s));
}
