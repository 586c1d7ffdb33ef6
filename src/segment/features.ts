// Gap features for the segmenter. A "gap" i (1 ≤ i < n) lies between token i-1 and token i; the model decides
// whether the gap is inside a word (join) or a word boundary. Features are hashed into a fixed-size weight table
// from integer syllable hashes, so the hot loop allocates nothing per token. Shared by training and run time.

import { COMMON_VOCABULARY, vocabularyOf } from '../data/vocabulary.js';
import type { Token, TokenKind } from '../types.js';
import { TOKEN_KINDS, type TokenArrays } from '../text/tokens.js';
import { hashString, syllableKey, LEX_DOMAIN, LEX_MAJOR_PLACE, LEX_MIDDLE, LEX_PLACE, LEX_SURNAME, LEX_USER, type Lexicon } from './lexicon.js';

/** Token shapes. */
export const SH_LOWER = 0;
export const SH_TITLE = 1;
export const SH_UPPER = 2;
export const SH_NUMBER = 3;
export const SH_PUNCT = 4;
export const SH_ABBR = 5;
export const SH_OTHER = 6;

const MAX_WORD = 8;
const BOS = 0x2f1b3c5d;
const EOS = 0x7a3e9d11;

/** Kind codes (small ints) of token kinds. */
const KIND_CODE: Record<TokenKind, number> = {
  syllable: 0, abbreviation: 1, roman: 2, number: 3, percent: 4, code: 5, unit: 6, url: 7, email: 8,
  punctuation: 9, symbol: 10, emoji: 11, other: 12,
};
/** Folded forms of address: a capitalised syllable after them starts a name (Ông Đỗ Đức Duy, chị Lan). */
export const ADDRESS_WORDS = [...new Set(vocabularyOf(COMMON_VOCABULARY.address, 'cue', 'kin', 'familiar').map((k) => k.split(' ').pop()!))];
const ADDRESS_HASHES = new Set(ADDRESS_WORDS.map((w) => hashString(w) | 0));

/** Kinds that may be part of a multi-token word by model decision. */
const WORDISH = new Uint8Array([1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0]);

/** Hash, shape and name flags of one token. */
export interface TokenInfo {
  hash: number; // hash of the folded key (class symbol for numbers etc.)
  shape: number;
  single: number; // single-syllable lexicon flags (surname / middle name)
}

const CLASS_HASH: Partial<Record<TokenKind, number>> = {
  number: hashString('<NUM>'), percent: hashString('<PCT>'), code: hashString('<CODE>'), url: hashString('<URL>'),
  email: hashString('<URL>'), emoji: hashString('<EMO>'), other: hashString('<OTHER>'), unit: hashString('<UNIT>'),
  roman: hashString('<ROMAN>'),
};

function shapeOf(s: string, kind: TokenKind): number {
  switch (kind) {
    case 'syllable': {
      const first = s.charAt(0);
      const up = first !== first.toLowerCase();
      if (!up) return SH_LOWER;
      const rest = s.slice(1);
      if (rest.length > 0 && rest === rest.toUpperCase() && rest !== rest.toLowerCase()) return SH_UPPER;
      return SH_TITLE;
    }
    case 'number':
    case 'percent':
      return SH_NUMBER;
    case 'punctuation':
      return SH_PUNCT;
    case 'abbreviation':
    case 'code':
    case 'roman':
      return SH_ABBR;
    default:
      return SH_OTHER;
  }
}

/**
 * Token information memoised by token text, read straight from the text (no string per token): an
 * open-addressing table over the characters of each token. Per segmenter instance; emptied when half full (the
 * information is a function of the token text, so emptying changes nothing but speed).
 */
export class InfoTable {
  private keys: Array<string | undefined>;
  private readonly rawHash: Int32Array;
  readonly hash: Int32Array;
  readonly shape: Uint8Array;
  readonly single: Uint8Array;
  private size = 0;
  private readonly mask: number;
  constructor(bits = 17) {
    const cap = 1 << bits;
    this.mask = cap - 1;
    this.keys = new Array<string | undefined>(cap);
    this.rawHash = new Int32Array(cap);
    this.hash = new Int32Array(cap);
    this.shape = new Uint8Array(cap);
    this.single = new Uint8Array(cap);
  }

  /** The slot of the token `text[start, end)` of kind code `kind` (a text-dependent kind), filled on first sight. */
  slot(text: string, start: number, end: number, kind: number, lex: Lexicon): number {
    let h = 0x811c9dc5;
    for (let p = start; p < end; p++) h = Math.imul(h ^ text.charCodeAt(p), 0x01000193);
    const mask = this.mask;
    const len = end - start;
    let s = h & mask;
    for (; ; s = (s + 1) & mask) {
      const k = this.keys[s];
      if (k === undefined) break;
      if (this.rawHash[s] === h && k.length === len && sameChars(k, text, start)) return s;
    }
    if (this.size * 2 >= mask) {
      this.keys = new Array<string | undefined>(mask + 1);
      this.size = 0;
      s = h & mask;
    }
    const str = text.slice(start, end);
    const hash = hashString(syllableKey(str));
    this.keys[s] = str;
    this.rawHash[s] = h;
    this.hash[s] = hash;
    this.shape[s] = shapeOf(str, TOKEN_KINDS[kind]!);
    this.single[s] = lex.single(hash);
    this.size++;
    return s;
  }
}

function sameChars(k: string, text: string, start: number): boolean {
  for (let i = 0; i < k.length; i++) if (k.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}

/** The per-instance token cache: an {@link InfoTable} (a `Map`, the earlier form, gets a fresh table per call). */
export type InfoCache = InfoTable | Map<string, TokenInfo>;

/** Per kind code: the class hash and shape of kinds whose information does not depend on the text. */
const CLASS_HASH_BY_CODE = new Int32Array(TOKEN_KINDS.map((k) => (CLASS_HASH[k] ?? 0) | 0));
const CLASS_SHAPE_BY_CODE = new Uint8Array(TOKEN_KINDS.map((k) => shapeOf('', k)));
const IS_CLASS = new Uint8Array(TOKEN_KINDS.map((k) => (CLASS_HASH[k] === undefined ? 0 : 1)));

/**
 * Hash, shape and name flags of one token (not memoised; the segmenter reads them through an {@link InfoTable}).
 * @example
 * ```ts
 * const info = tokenInfo(tokenize('Huyện')[0]!, lexicon);
 * info.shape === SH_TITLE; // true
 * ```
 */
export function tokenInfo(t: Token, lex: Lexicon): TokenInfo {
  const cls = CLASS_HASH[t.kind];
  const hash = cls ?? hashString(syllableKey(t.text));
  return { hash, shape: shapeOf(t.text, t.kind), single: cls === undefined ? lex.single(hash) : 0 };
}

/**
 * The packed form of tokens given as objects (packed tokens are returned as they are).
 * @example
 * ```ts
 * packTokens(tokenize('Huyện ủy')).n; // 2
 * ```
 */
export function packTokens(tokens: readonly Token[] | TokenArrays): TokenArrays {
  if (!Array.isArray(tokens)) return tokens as TokenArrays;
  const list = tokens as readonly Token[];
  const n = list.length;
  const start = new Int32Array(n), end = new Int32Array(n), kind = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const t = list[i]!;
    start[i] = t.start;
    end[i] = t.end;
    kind[i] = KIND_CODE[t.kind];
  }
  return { n, start, end, kind };
}

/** Everything the gap features need, for one token sequence. */
export interface GapContext {
  n: number;
  hash: Int32Array;
  shape: Uint8Array;
  kind: Uint8Array;
  single: Uint8Array;
  space: Uint8Array; // gap before token i: 0 = no white space, 1 = white space, 2 = a line break
  /** Per gap i: longest lexicon word covering the gap (0 = none), and the OR of flags of covering words. */
  cover: Uint8Array;
  coverFlags: Uint16Array;
  placeEnd: Uint8Array; // 1 when a capitalised unit name ends at token i
  endLen: Uint8Array; // longest lexicon word ending at token i (1 when none)
  startLen: Uint8Array; // longest lexicon word starting at token i (1 when none)
  bigram: Uint16Array; // flags of the two-token lexicon word (token i-1, token i), per gap
  fmm: Uint8Array; // gap joined by forward maximum matching
  bmm: Uint8Array; // gap joined by backward maximum matching
  /** 0 = gap cannot join, 1 = model decides, 2 = forced join, 3 = forced boundary. */
  mode: Uint8Array;
}

/**
 * Builds the gap context: token info, lexicon matches, join constraints. Linear in the number of tokens.
 * @example
 * ```ts
 * const text = 'Huyện ủy Quảng Trạch';
 * const ctx = buildContext(text, tokenize(text), lexicon, undefined, new Map());
 * ctx.mode[1]; // 2: a domain word, always joined
 * ```
 */
export function buildContext(text: string, tokens: readonly Token[] | TokenArrays, lex: Lexicon, user: Lexicon | undefined, cache: InfoCache): GapContext {
  const { n, start: ts, end: te, kind: tk } = packTokens(tokens);
  const table = cache instanceof InfoTable ? cache : new InfoTable(12);
  const hash = new Int32Array(n);
  const shape = new Uint8Array(n);
  const kind = new Uint8Array(n);
  const single = new Uint8Array(n);
  const space = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const k = tk[i]!;
    kind[i] = k;
    if (IS_CLASS[k]) {
      hash[i] = CLASS_HASH_BY_CODE[k]!;
      shape[i] = CLASS_SHAPE_BY_CODE[k]!;
    } else {
      const s = table.slot(text, ts[i]!, te[i]!, k, lex);
      hash[i] = table.hash[s]!;
      shape[i] = table.shape[s]!;
      single[i] = table.single[s]!;
    }
    if (i > 0) space[i] = ts[i]! > te[i - 1]! ? (hasNewline(text, te[i - 1]!, ts[i]!) ? 2 : 1) : 0;
  }
  const lineMode = lineCaseModes(ts, te, shape, kind, space);

  const cover = new Uint8Array(n);
  const bigram = new Uint16Array(n);
  const coverFlags = new Uint16Array(n);
  const endLen = new Uint8Array(n).fill(1);
  const placeEndAt = new Uint8Array(n);
  const startLen = new Uint8Array(n).fill(1);
  const mode = new Uint8Array(n);
  for (let i = 1; i < n; i++) {
    const a = kind[i - 1]!, b = kind[i]!;
    if (WORDISH[a] && WORDISH[b]) {
      // lower-case syllable + capitalised syllable (anh Vũ, tỉnh Quảng Bình) is a boundary, and so is a form of
      // address before a capitalised syllable (Ông Đỗ Đức Duy); a line break is always a boundary.
      if (!space[i]) mode[i] = 2;
      else if (shape[i] === SH_TITLE || shape[i] === SH_UPPER) mode[i] = shape[i - 1] === SH_LOWER ? 0 : 1;
      else mode[i] = 1;
      if (space[i] === 2) mode[i] = 0;
    }
    else mode[i] = 0;
  }
  // Lexicon matches: every word starting at each token (trie walk, at most MAX_WORD tokens).
  const forcedEnd = new Int32Array(n).fill(-1);
  const userEnd = user ? new Int32Array(n).fill(-1) : undefined;
  const placeEnd = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    let node = 0;
    for (let j = i; j < n && j < i + MAX_WORD; j++) {
      if (j > i && ((mode[j] === 0 && !(kind[j] === 9 || kind[j - 1] === 9)) || space[j] === 2)) break;
      node = lex.child(node, hash[j]! >>> 0);
      if (node < 0) break;
      const f = lex.flags(node);
      if (f === 0) continue;
      const len = j - i + 1;
      if (len === 2) bigram[j] = f;
      if (len > startLen[i]!) startLen[i] = len;
      if (len > endLen[j]!) endLen[j] = len;
      for (let g = i + 1; g <= j; g++) {
        if (len > cover[g]!) cover[g] = len;
        coverFlags[g]! |= f;
      }
      if (f & LEX_DOMAIN) {
        if (j > forcedEnd[i]!) forcedEnd[i] = j;
      } else if (f & LEX_PLACE && (titleRun(shape, i, j) || (lineMode[i] === LINE_CAPS && lineMode[j] === LINE_CAPS) || (f & LEX_MAJOR_PLACE && lineMode[i] === LINE_LOWER && lineMode[j] === LINE_LOWER))) {
        if (j > placeEnd[i]!) placeEnd[i] = j;
        placeEndAt[j] = 1;
      }
    }
    if (user) {
      node = 0;
      for (let j = i; j < n && j < i + 2 * MAX_WORD; j++) {
        node = user.child(node, hash[j]! >>> 0);
        if (node < 0) break;
        if (user.flags(node) & LEX_USER) userEnd![i] = j;
      }
    }
  }
  // Forced words: leftmost-longest, user words first, then domain words.
  if (userEnd) {
    for (let i = 0; i < n; ) {
      const j = userEnd[i]!;
      if (j > i) {
        applyForced(mode, i, j, n);
        i = j + 1;
      } else i++;
    }
  }
  for (let i = 0; i < n; ) {
    const j = forcedEnd[i]!;
    if (j > i && !touchesForced(mode, i, j, n)) {
      applyForced(mode, i, j, n);
      i = j + 1;
    } else i++;
  }
  // A form of address before a capitalised syllable is a boundary (Ông Đỗ Đức Duy, Chị Lan at a sentence start).
  for (let i = 1; i < n; i++) {
    if (mode[i] === 1 && shape[i] === SH_TITLE && cover[i] === 0 && ADDRESS_HASHES.has(hash[i - 1]!)) mode[i] = 0;
  }
  // Capitalised unit names (Quảng Trạch, Bà Rịa - Vũng Tàu) are joined inside; their edges stay model decisions
  // (a commune name can be the given name of a person: Trần Minh Đức).
  for (let i = 0; i < n; ) {
    const j = placeEnd[i]!;
    if (j > i && !touchesForced(mode, i, j, n)) {
      for (let g = i + 1; g <= j; g++) mode[g] = 2;
      // A capitalised syllable right after a unit name starts a new word (huyện Lệ Thủy Trần Minh Đức, a
      // caption "… Yên Bái Theo quyết định …") unless a lexicon word spans the gap (Thái Bình Dương).
      if (j + 1 < n && mode[j + 1] === 1 && shape[j + 1] === SH_TITLE && cover[j + 1] === 0) mode[j + 1] = 0;
      i = j + 1;
    } else i++;
  }
  // Forward / backward maximum matching over the lexicon.
  const fmm = new Uint8Array(n);
  const bmm = new Uint8Array(n);
  for (let i = 0; i < n; ) {
    const len = startLen[i]!;
    for (let g = i + 1; g < i + len; g++) fmm[g] = 1;
    i += len;
  }
  for (let j = n - 1; j >= 0; ) {
    const len = endLen[j]!;
    for (let g = j - len + 2; g <= j; g++) bmm[g] = 1;
    j -= len;
  }
  return { n, hash, shape, kind, single, space, cover, coverFlags, placeEnd: placeEndAt, endLen, startLen, bigram, fmm, bmm, mode };
}

function titleRun(shape: Uint8Array, i: number, j: number): boolean {
  for (let k = i; k <= j; k++) if (shape[k] !== SH_TITLE && shape[k] !== SH_PUNCT) return false;
  return true;
}

function touchesForced(mode: Uint8Array, i: number, j: number, n: number): boolean {
  if (i > 0 && mode[i] === 2) return true;
  if (j + 1 < n && mode[j + 1] === 2) return true;
  for (let g = i + 1; g <= j; g++) if (mode[g] === 3) return true;
  return false;
}

function applyForced(mode: Uint8Array, i: number, j: number, n: number): void {
  if (i > 0 && mode[i] !== 2) mode[i] = 3;
  for (let g = i + 1; g <= j; g++) mode[g] = 2;
  if (j + 1 < n) mode[j + 1] = 3;
}

/** Line case modes. */
const LINE_NORMAL = 0;
const LINE_CAPS = 1;
const LINE_LOWER = 2;

/**
 * Marks each token with its line's case mode. In a line with no lower-case letters (a heading in capitals),
 * syllable case says nothing: shapes become lower case. A line with no capitals is all lower case. Linear.
 */
function lineCaseModes(ts: Int32Array, te: Int32Array, shape: Uint8Array, kind: Uint8Array, space: Uint8Array): Uint8Array {
  const n = shape.length;
  const modes = new Uint8Array(n);
  let lineStart = 0;
  while (lineStart < n) {
    let lineEnd = lineStart + 1;
    while (lineEnd < n && space[lineEnd] !== 2) lineEnd++;
    let upper = 0;
    let lower = 0;
    let title = 0;
    for (let k = lineStart; k < lineEnd; k++) {
      if (kind[k] !== 0) continue;
      const s = shape[k]!;
      if (s === SH_LOWER) lower++;
      else if (s === SH_UPPER) upper++;
      else if (s === SH_TITLE) {
        if (te[k]! - ts[k]! === 1) upper++;
        else title++;
      }
    }
    let mode = LINE_NORMAL;
    if (lower === 0 && title === 0 && upper >= 2) mode = LINE_CAPS;
    else if (upper === 0 && title === 0 && lower >= 2) mode = LINE_LOWER;
    if (mode !== LINE_NORMAL) {
      for (let k = lineStart; k < lineEnd; k++) {
        modes[k] = mode;
        if (kind[k] === 0) shape[k] = SH_LOWER;
      }
    }
    lineStart = lineEnd;
  }
  return modes;
}

/**
 * Is there a line break in text[a, b)? (Gap scans add up to at most the text length.)
 * @example
 * ```ts
 * hasNewline('a\nb', 0, 3); // true
 * ```
 */
export function hasNewline(text: string, a: number, b: number): boolean {
  for (let p = a; p < b; p++) {
    const c = text.charCodeAt(p);
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) return true;
  }
  return false;
}

// ---- feature hashing
function mix(t: number, a: number, b: number, c: number): number {
  let h = Math.imul(t + 0x9e3779b9, 0x85ebca6b);
  h ^= a;
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  h ^= b;
  h = Math.imul(h ^ (h >>> 12), 0x297a2d39);
  h ^= c;
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  return (h ^ (h >>> 13)) >>> 0;
}

/**
 * Writes the feature indices (masked) of gap i into `out`; returns the count (at most MAX_FEATURES).
 * @example
 * ```ts
 * const out = new Int32Array(MAX_FEATURES);
 * const k = gapFeatures(ctx, 1, model.mask, out); // score = sum of model.weights[out[0..k)]
 * ```
 */
export function gapFeatures(ctx: GapContext, i: number, mask: number, out: Int32Array): number {
  const { n, hash, shape, single, space } = ctx;
  const h0 = hash[i]!, h1 = hash[i - 1]!;
  // The window stops at line breaks, so each line is segmented on its own (input can be split at line breaks).
  const l2 = i >= 2 && space[i - 1] !== 2, l3 = l2 && i >= 3 && space[i - 2] !== 2;
  const r1 = i + 1 < n && space[i + 1] !== 2, r2 = r1 && i + 2 < n && space[i + 2] !== 2;
  const h2 = l2 ? hash[i - 2]! : BOS, h3 = l3 ? hash[i - 3]! : BOS;
  const hn = r1 ? hash[i + 1]! : EOS, hnn = r2 ? hash[i + 2]! : EOS;
  const s0 = shape[i]!, s1 = shape[i - 1]!;
  const s2 = l2 ? shape[i - 2]! : 7, sn = r1 ? shape[i + 1]! : 7;
  const sp = space[i]!;
  const cov = ctx.cover[i]!, cf = ctx.coverFlags[i]!;
  const el = Math.min(ctx.endLen[i - 1]!, 5), sl = Math.min(ctx.startLen[i]!, 5);
  const fb = ctx.fmm[i]! * 2 + ctx.bmm[i]!;
  const shp = s1 * 8 + s0;
  const sur1 = single[i - 1]! & LEX_SURNAME ? 1 : 0, mid1 = single[i - 1]! & LEX_MIDDLE ? 1 : 0;
  const sur0 = single[i]! & LEX_SURNAME ? 1 : 0, mid0 = single[i]! & LEX_MIDDLE ? 1 : 0;
  const sur2 = l2 && single[i - 2]! & LEX_SURNAME ? 1 : 0;
  let k = 0;
  out[k++] = mix(1, 0, 0, 0) & mask;
  out[k++] = mix(2, h1, 0, 0) & mask;
  out[k++] = mix(3, h0, 0, 0) & mask;
  out[k++] = mix(4, h2, 0, 0) & mask;
  out[k++] = mix(5, hn, 0, 0) & mask;
  out[k++] = mix(6, h1, h0, 0) & mask;
  out[k++] = mix(7, h2, h1, 0) & mask;
  out[k++] = mix(8, h0, hn, 0) & mask;
  out[k++] = mix(9, h2, h1, h0) & mask;
  out[k++] = mix(10, h1, h0, hn) & mask;
  out[k++] = mix(11, h3, h2, h1) & mask;
  out[k++] = mix(12, h0, hn, hnn) & mask;
  out[k++] = mix(13, h2, h0, 0) & mask;
  out[k++] = mix(14, h1, hn, 0) & mask;
  out[k++] = mix(15, shp, sp, 0) & mask;
  out[k++] = mix(16, s2 * 64 + shp * 8 + sn, 0, 0) & mask;
  out[k++] = mix(17, h1, s0, 0) & mask;
  out[k++] = mix(18, h0, s1, 0) & mask;
  out[k++] = mix(19, cov, shp, 0) & mask;
  out[k++] = mix(20, el, sl, cov) & mask;
  out[k++] = mix(21, fb, cov > 0 ? 1 : 0, shp) & mask;
  out[k++] = mix(22, cf & (LEX_PLACE | LEX_DOMAIN), shp, cov) & mask;
  out[k++] = mix(23, sur1 * 8 + mid1 * 4 + sur0 * 2 + mid0, shp, 0) & mask;
  out[k++] = mix(24, sur2 * 2 + mid1, s2 * 8 + s1, s0) & mask;
  out[k++] = mix(25, ctx.kind[i - 1]! * 16 + ctx.kind[i]!, sp, 0) & mask;
  out[k++] = mix(26, fb, el * 8 + sl, 0) & mask;
  out[k++] = mix(27, h1, cov, 0) & mask;
  out[k++] = mix(28, h0, cov, 0) & mask;
  out[k++] = mix(29, h1, h0, cov) & mask;
  const bf = ctx.bigram[i]!;
  out[k++] = mix(30, bf & 0xc1, shp, 0) & mask;
  out[k++] = mix(31, cf & 0xc1, cov, fb) & mask;
  out[k++] = mix(32, bf & 0xc1, h1, 0) & mask;
  out[k++] = mix(33, bf & 0xc1, h0, 0) & mask;
  out[k++] = mix(34, ctx.placeEnd[i - 1]! * 4 + sur0 * 2 + (r1 ? ctx.placeEnd[i + 1]! : 0), shp, 0) & mask;
  return k;
}

export const MAX_FEATURES = 40;

/**
 * The model score of gap i: the sum of `weights` over the features of {@link gapFeatures} (the same indices, summed
 * without writing them out; the decoder's hot path). Must stay in step with `gapFeatures` (a test checks it).
 * @example
 * ```ts
 * const join = gapScore(ctx, i, model.mask, model.weights) > 0;
 * ```
 */
export function gapScore(ctx: GapContext, i: number, mask: number, w: Int16Array): number {
  const { n, hash, shape, space } = ctx;
  const h0 = hash[i]!, h1 = hash[i - 1]!;
  const l2 = i >= 2 && space[i - 1] !== 2, l3 = l2 && i >= 3 && space[i - 2] !== 2;
  const r1 = i + 1 < n && space[i + 1] !== 2, r2 = r1 && i + 2 < n && space[i + 2] !== 2;
  const h2 = l2 ? hash[i - 2]! : BOS, h3 = l3 ? hash[i - 3]! : BOS;
  const hn = r1 ? hash[i + 1]! : EOS, hnn = r2 ? hash[i + 2]! : EOS;
  const s0 = shape[i]!, s1 = shape[i - 1]!;
  const cov = ctx.cover[i]!;
  // In three parts, so that each part's `mix` calls are inlined (one function would exceed the inlining budget).
  return (
    w[mix(1, 0, 0, 0) & mask]! + w[mix(2, h1, 0, 0) & mask]! + w[mix(3, h0, 0, 0) & mask]! + w[mix(4, h2, 0, 0) & mask]! +
    w[mix(5, hn, 0, 0) & mask]! + w[mix(6, h1, h0, 0) & mask]! + w[mix(7, h2, h1, 0) & mask]! + w[mix(8, h0, hn, 0) & mask]! +
    w[mix(9, h2, h1, h0) & mask]! + w[mix(10, h1, h0, hn) & mask]! + w[mix(11, h3, h2, h1) & mask]! + w[mix(12, h0, hn, hnn) & mask]! +
    w[mix(13, h2, h0, 0) & mask]! + w[mix(14, h1, hn, 0) & mask]! + w[mix(17, h1, s0, 0) & mask]! + w[mix(18, h0, s1, 0) & mask]! +
    gapScoreShapes(ctx, i, mask, w, l2, r1) + gapScoreLexicon(ctx, i, mask, w, h0, h1, cov, s1 * 8 + s0)
  );
}

function gapScoreShapes(ctx: GapContext, i: number, mask: number, w: Int16Array, l2: boolean, r1: boolean): number {
  const { shape, single } = ctx;
  const s0 = shape[i]!, s1 = shape[i - 1]!;
  const s2 = l2 ? shape[i - 2]! : 7, sn = r1 ? shape[i + 1]! : 7;
  const sp = ctx.space[i]!;
  const shp = s1 * 8 + s0;
  const sur1 = single[i - 1]! & LEX_SURNAME ? 1 : 0, mid1 = single[i - 1]! & LEX_MIDDLE ? 1 : 0;
  const sur0 = single[i]! & LEX_SURNAME ? 1 : 0, mid0 = single[i]! & LEX_MIDDLE ? 1 : 0;
  const sur2 = l2 && single[i - 2]! & LEX_SURNAME ? 1 : 0;
  return (
    w[mix(15, shp, sp, 0) & mask]! + w[mix(16, s2 * 64 + shp * 8 + sn, 0, 0) & mask]! +
    w[mix(23, sur1 * 8 + mid1 * 4 + sur0 * 2 + mid0, shp, 0) & mask]! + w[mix(24, sur2 * 2 + mid1, s2 * 8 + s1, s0) & mask]! +
    w[mix(25, ctx.kind[i - 1]! * 16 + ctx.kind[i]!, sp, 0) & mask]! +
    w[mix(34, ctx.placeEnd[i - 1]! * 4 + sur0 * 2 + (r1 ? ctx.placeEnd[i + 1]! : 0), shp, 0) & mask]!
  );
}

function gapScoreLexicon(ctx: GapContext, i: number, mask: number, w: Int16Array, h0: number, h1: number, cov: number, shp: number): number {
  const cf = ctx.coverFlags[i]!;
  const el = Math.min(ctx.endLen[i - 1]!, 5), sl = Math.min(ctx.startLen[i]!, 5);
  const fb = ctx.fmm[i]! * 2 + ctx.bmm[i]!;
  const bf = ctx.bigram[i]!;
  return (
    w[mix(19, cov, shp, 0) & mask]! + w[mix(20, el, sl, cov) & mask]! + w[mix(21, fb, cov > 0 ? 1 : 0, shp) & mask]! +
    w[mix(22, cf & (LEX_PLACE | LEX_DOMAIN), shp, cov) & mask]! +
    w[mix(26, fb, el * 8 + sl, 0) & mask]! + w[mix(27, h1, cov, 0) & mask]! + w[mix(28, h0, cov, 0) & mask]! +
    w[mix(29, h1, h0, cov) & mask]! + w[mix(30, bf & 0xc1, shp, 0) & mask]! + w[mix(31, cf & 0xc1, cov, fb) & mask]! +
    w[mix(32, bf & 0xc1, h1, 0) & mask]! + w[mix(33, bf & 0xc1, h0, 0) & mask]!
  );
}
