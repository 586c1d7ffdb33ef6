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
// Characters that may follow a plain word for the fast path to apply: white space and punctuation that can never
// extend a token (not . ' - / & digits).
const SIMPLE_FOLLOW = new Set([32, 10, 9, 13, 0xa0, 44, 59, 33, 63, 41, 93, 34, 0x201d, 0x201c, 40]);

/** Character classes of the code units below 0x2000 (the fast path; others take the regular expression). */
const C_LETTER = 1; // \p{L}
const C_LOWER = 2; // \p{Ll} with a distinct upper-case form
const C_UPPER = 4; // \p{Lu}
const C_MARK = 8; // \p{M}
const C_START_LOWER = 16; // \p{Ll} in a-z or U+00E0–U+1EF9 (but ÷): starts a plain lower-case word
const CHAR_CLASS: Uint8Array = (() => {
  const t = new Uint8Array(0x2000);
  for (let c = 0; c < 0x2000; c++) {
    const ch = String.fromCharCode(c);
    const ll = /\p{Ll}/u.test(ch);
    if (/\p{L}/u.test(ch)) t[c] = C_LETTER | (ll && ch.toUpperCase() !== ch ? C_LOWER : 0) | (/\p{Lu}/u.test(ch) ? C_UPPER : 0);
    else if (/\p{M}/u.test(ch)) t[c] = C_MARK;
    if (ll && ((c >= 97 && c <= 122) || (c >= 0xe0 && c <= 0x1ef9 && c !== 0xf7))) t[c]! |= C_START_LOWER;
  }
  return t;
})();
/** Punctuation that is always a one-character token wherever the scan meets it (no pattern starts with it but \p{P}). */
const LONE_PUNCT = new Set([44, 59, 58, 33, 63, 40, 41, 91, 93, 34, 0x201c, 0x201d]);
/** What may follow `.` or a dash for it to be a lone punctuation token (not `..`, `--`, an e-mail, a number). */
const PUNCT_FOLLOW = new Set([32, 10, 9, 13, 0xa0, 34, 0x201d, 41]);

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

/** Token kinds by numeric code (the packed form's `kind`); shared with the document model and the segmenter. */
export const TOKEN_KINDS: readonly TokenKind[] = [
  'syllable', 'abbreviation', 'roman', 'number', 'percent', 'code', 'unit', 'url', 'email', 'punctuation', 'symbol', 'emoji', 'other',
];
const CODE_OF: Readonly<Record<TokenKind, number>> = Object.fromEntries(TOKEN_KINDS.map((k, i) => [k, i])) as Record<TokenKind, number>;
const K_SYLLABLE = 0;
const K_NUMBER = 3;
const K_PUNCT = 9;

/** Tokens as parallel arrays: `[start[i], end[i])` and kind code `kind[i]` (index into {@link TOKEN_KINDS}). */
export interface TokenArrays {
  readonly n: number;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly kind: Uint8Array;
}

/** A growable {@link TokenArrays}. */
class TokenBuffer implements TokenArrays {
  n = 0;
  start: Int32Array;
  end: Int32Array;
  kind: Uint8Array;
  constructor(capacity: number) {
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
    this.kind = new Uint8Array(capacity);
  }
  push(start: number, end: number, kind: number): void {
    if (this.n === this.start.length) {
      const cap = this.n * 2 + 16;
      const s = new Int32Array(cap), e = new Int32Array(cap), k = new Uint8Array(cap);
      s.set(this.start);
      e.set(this.end);
      k.set(this.kind);
      this.start = s;
      this.end = e;
      this.kind = k;
    }
    this.start[this.n] = start;
    this.end[this.n] = end;
    this.kind[this.n++] = kind;
  }
}

function push(out: TokenBuffer, text: string, start: number, kind: TokenKind): void {
  out.push(start, start + text.length, CODE_OF[kind]);
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
  const t = scanTokens(text);
  const out = new Array<Token>(t.n);
  for (let i = 0; i < t.n; i++) {
    const start = t.start[i]!, end = t.end[i]!;
    out[i] = { text: text.slice(start, end), start, end, kind: TOKEN_KINDS[t.kind[i]!]! };
  }
  return out;
}

/** A mutable token object of a {@link TokenPool}. */
type PooledToken = { text: string; start: number; end: number; kind: TokenKind };

/** Distinct token texts a pool keeps (enough for the syllables and common numbers of any report). */
const POOL_TEXTS = 1 << 16;

/**
 * What {@link tokenizeInto} reuses from one text to the next: the token objects, the scan buffers and the token
 * strings met so far. A caller that tokenises the pieces of one long text in turn, dropping each piece's tokens
 * before the next, then allocates them about once (issue 11, item 7: few long-lived objects per piece). Local to
 * one call of the caller; never shared between calls. Create with {@link createTokenPool}.
 */
export interface TokenPool {
  readonly objects: PooledToken[];
  /** The array returned by the last call (reused: a long text's arrays of tokens are large objects). */
  readonly list: Token[];
  readonly texts: Map<string, string>;
  buffer?: TokenBuffer;
}

/** An empty {@link TokenPool}. */
export function createTokenPool(): TokenPool {
  return { objects: [], list: [], texts: new Map() };
}

/**
 * `tokenize(text)` with the token objects, scan buffers and token strings taken from `pool` (and added to it): the
 * same tokens, but the objects and the array of an earlier call are overwritten, so its result must no longer be in
 * use.
 * @example
 * ```ts
 * tokenizeInto('Huyện ủy họp.', createTokenPool()).map((t) => t.text); // ['Huyện', 'ủy', 'họp', '.']
 * ```
 */
export function tokenizeInto(text: string, pool: TokenPool): Token[] {
  assertText(text, 'tokenize');
  if (pool.buffer) pool.buffer.n = 0;
  const t = scanInto(text, (pool.buffer ??= new TokenBuffer(Math.max(16, text.length >> 2))));
  const { objects, texts, list: out } = pool;
  out.length = t.n;
  for (let i = 0; i < t.n; i++) {
    const start = t.start[i]!, end = t.end[i]!;
    let s = text.slice(start, end);
    const known = texts.get(s);
    if (known !== undefined) s = known;
    else if (texts.size < POOL_TEXTS) texts.set(s, s);
    const kind = TOKEN_KINDS[t.kind[i]!]!;
    let o = objects[i];
    if (o) {
      o.text = s;
      o.start = start;
      o.end = end;
      o.kind = kind;
    } else objects.push((o = { text: s, start, end, kind }));
    out[i] = o;
  }
  return out;
}

/**
 * The tokens of `text` as parallel arrays (no object or string per token): the same tokens as {@link tokenize}.
 * @example
 * ```ts
 * const t = scanTokens('Huyện ủy họp.');
 * [t.n, t.start[1], t.end[1], TOKEN_KINDS[t.kind[3]!]]; // [4, 6, 8, 'punctuation']
 * ```
 */
export function scanTokens(text: string): TokenArrays {
  return scanInto(text, new TokenBuffer(Math.max(16, text.length >> 2)));
}

/** {@link scanTokens} into an empty buffer (a new one, or one reused by {@link tokenizeInto}). */
function scanInto(text: string, out: TokenBuffer): TokenBuffer {
  const re = new RegExp(MASTER.source, MASTER.flags);
  const n = text.length;
  let pos = 0;
  while (pos < n) {
    const c = text.charCodeAt(pos);
    // Fast paths (most of any text): white space, plain words followed by a space or light punctuation, and
    // punctuation that is always a token of its own; each gives what the patterns below would give.
    if (c === 32 || c === 10 || c === 9 || c === 13) {
      pos++;
      continue;
    }
    const f = c < 0x2000 ? CHAR_CLASS[c]! : 0;
    if (f & (C_START_LOWER | C_UPPER)) {
      const end = plainWordEnd(text, pos, f);
      if (end > 0) {
        out.push(pos, end, K_SYLLABLE);
        pos = end;
        continue;
      }
    } else if (LONE_PUNCT.has(c) || ((c === 46 || c === 45 || c === 0x2013 || c === 0x2014) && (pos + 1 === n || PUNCT_FOLLOW.has(text.charCodeAt(pos + 1))))) {
      out.push(pos, pos + 1, K_PUNCT);
      pos++;
      continue;
    }
    pos = scanOne(text, re, pos, out);
  }
  return out;
}

/**
 * End of the plain word at `pos` when it is a `syllable` token as the patterns would give it: a lower-case-initial
 * run of letters and marks, or a capitalised one (upper case, then lower case letters and marks only), followed
 * by white space, light punctuation or the end; 0 otherwise.
 */
function plainWordEnd(text: string, pos: number, first: number): number {
  const n = text.length;
  let p = pos + 1;
  let lower = 0;
  let other = 0;
  for (; p < n; p++) {
    const d = text.charCodeAt(p);
    if (d >= 0x2000) break;
    const g = CHAR_CLASS[d]!;
    if (!(g & (C_LETTER | C_MARK))) break;
    if (g & C_LOWER) lower = 1;
    else if (g & C_LETTER) other = 1;
  }
  if (p < n) {
    const after = text.charCodeAt(p);
    if (!SIMPLE_FOLLOW.has(after) && !(after === 58 && text.charCodeAt(p + 1) !== 47)) return 0;
  }
  if (first & C_START_LOWER) return p;
  return lower && !other ? p : 0;
}

/** One token (or white space) by the patterns at `pos`; returns the position after it. */
function scanOne(text: string, re: RegExp, pos: number, out: TokenBuffer): number {
  re.lastIndex = pos;
  const m = re.exec(text);
  if (!m) {
    // Unreachable in practice ('other' matches any non-space); keep the guarantee anyway.
    const cp = text.codePointAt(pos)!;
    const len = cp > 0xffff ? 2 : 1;
    out.push(pos, pos + len, CODE_OF.other);
    return pos + len;
  }
  const s = m[0];
  const start = pos;
  pos = start + s.length;
  let gi = 1;
  while (gi < m.length && m[gi] === undefined) gi++;
  if (gi >= m.length) return pos; // white space
  const kind = PATTERNS[gi - 1]![0];
  switch (kind) {
    case 'url': {
      const trimmed = s.replace(/[.,;:!?]+$/, '');
      push(out, trimmed, start, 'url');
      return start + trimmed.length;
    }
    case 'email': {
      const trimmed = s.replace(/\.+$/, '');
      push(out, trimmed, start, 'email');
      return start + trimmed.length;
    }
    case 'numberish':
      push(out, s, start, s.endsWith('%') ? 'percent' : 'number');
      return pos;
    case 'dotted':
      return dotted(text, s, start, out);
    case 'word':
      if (s.endsWith('.')) {
        const low = s.toLowerCase();
        const bare = s.slice(0, -1);
        // Known dotted abbreviations (TP., TS., H.) keep their dot, as do single capital initials (V.) that are
        // followed by a capitalised word on the same line.
        if (DOTTED_ABBR.has(low) || (/^\p{Lu}$/u.test(bare) && /^ \p{Lu}/u.test(text.slice(pos, pos + 2)) && !endsSentenceAfter(text, out))) {
          push(out, s, start, 'abbreviation');
          return pos;
        }
        pushWord(out, bare, start);
        return start + bare.length;
      }
      pushWord(out, s, start);
      return pos;
    default:
      push(out, s, start, kind as TokenKind);
      return pos;
  }
}

/** TP.HCM, PGS.TS, v.v. are abbreviations; otherwise (a missing space after a full stop: "năm.Ngày") the word before the first dot. */
function dotted(text: string, s: string, start: number, out: TokenBuffer): number {
  const nfc = s.normalize('NFC'); // NFD input (H.Bình with combining marks) classifies like NFC
  const low = nfc.toLowerCase();
  const isAbbr = DOTTED_ABBR.has(low) || /^\p{Lu}{1,4}\.\p{Lu}[\p{L}]{0,4}\.?$/u.test(nfc) || /^\p{Lu}\p{Ll}?\.\p{Lu}{1,3}$/u.test(nfc) || /^(\p{Ll}\.){2,}$/u.test(nfc);
  if (isAbbr) {
    let t = s;
    // Keep a trailing dot only when it is part of the abbreviation (v.v., TP.).
    if (t.endsWith('.') && !DOTTED_ABBR.has(low) && !/^(\p{Ll}\.){2,}$/u.test(nfc)) t = t.slice(0, -1);
    push(out, t, start, 'abbreviation');
    return start + t.length;
  }
  const dot = s.indexOf('.');
  pushWord(out, s.slice(0, dot), start);
  return start + dot; // the dot is scanned next as punctuation
}

// "Nguyễn V. Anh" / "A. Nguyễn" is an initial; after a lower-case word or a number ("đạt hạng A. Sau đó") the dot is
// more likely a full stop.
function endsSentenceAfter(text: string, out: TokenBuffer): boolean {
  if (out.n === 0) return false;
  const k = out.kind[out.n - 1]!;
  if (k === K_NUMBER) return true;
  return k === K_SYLLABLE && /^\p{Ll}/u.test(String.fromCodePoint(text.codePointAt(out.start[out.n - 1]!)!));
}

function pushWord(out: TokenBuffer, s: string, start: number): void {
  push(out, s, start, classifyWord(s));
}
