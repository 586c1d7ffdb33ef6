// Word features for the part-of-speech tagger: per-word information (folded form, first/last syllable, shape,
// lexicon and dictionary classes) is computed once per distinct word (bounded cache), then each position gets
// hashed feature rows from a ±2 word window plus the two previous tags (greedy left-to-right decoding).
// Shared by training (scripts/train-pos.ts) and run time; the hashing is the segmenter's (`mix`-style integer
// hashing of syllable hashes), so the hot loop allocates nothing per word.

import { hashString, syllableKey, LEX_CORE, LEX_COMMON, LEX_DOMAIN, LEX_GENERAL, LEX_MIDDLE, LEX_PLACE, LEX_SURNAME, type Lexicon } from '../segment/lexicon.js';

/** Part-of-speech classes of the dictionary feature (the letters of @vntk/dictionary), in bit order. */
export const DICT_CLASSES = ['N', 'V', 'A', 'R', 'E', 'C', 'P', 'M', 'D', 'X', 'I', 'Z', 'O'] as const;

/** Word data learned from unlabeled text (optional): distributional clusters (`parsePosClusters`). */
export interface PosExtra {
  clusters?: ReadonlyMap<number, number>;
}

/** Word shapes. */
export const WS_LOWER = 0;
export const WS_TITLE = 1; // first syllable capitalised only
export const WS_NAME = 2; // every syllable capitalised (2+ syllables)
export const WS_UPPER = 3; // all capitals (UBND, HĐND)
export const WS_NUMBER = 4;
export const WS_PUNCT = 5;
export const WS_CODE = 6; // letters and digits (26-NQ/TW, Covid-19)
export const WS_OTHER = 7;

/** Word hash of the missing neighbour before the first / after the last word of a sentence. */
export const BOS = 0x2f1b3c5d;
export const EOS = 0x7a3e9d11;
/** Tag index used before the first word. */
export const TAG_BOS = 63;

/**
 * The folded key of a word: each white-space separated syllable through `syllableKey`, joined by one space.
 * @example
 * ```ts
 * wordKey('Huyện  Uỷ'); // 'huyện ủy'
 * ```
 */
export function wordKey(w: string): string {
  const parts = w.split(/\s+/u).filter(Boolean);
  return parts.length === 1 ? syllableKey(parts[0]!) : parts.map(syllableKey).join(' ');
}

/**
 * Parses the compiled dictionary classes (`pos-dict.txt.gz`): folded word hash → class bit mask.
 * @example
 * ```ts
 * const dict = parsePosDict('# c\nnhà\t1\n');
 * dict.get(hashString('nhà')); // 1
 * ```
 */
export function parsePosDict(text: string): Map<number, number> {
  const m = new Map<number, number>();
  let p = 0;
  while (p < text.length) {
    let e = text.indexOf('\n', p);
    if (e < 0) e = text.length;
    if (text.charCodeAt(p) !== 35 /* # */ && e > p) {
      const t = text.indexOf('\t', p);
      if (t > p && t < e) m.set(hashString(text.slice(p, t)), parseInt(text.slice(t + 1, e), 36));
    }
    p = e + 1;
  }
  return m;
}

/**
 * Parses the compiled word clusters (`pos-clusters.txt.gz`, scripts/pos/clusters.ts): folded word hash →
 * (fine cluster + 1) | coarse cluster << 12. A line `=F C` starts fine cluster F of coarse cluster C.
 * @example
 * ```ts
 * const cl = parsePosClusters('# c\n=3 1\nnhà\n');
 * cl.get(hashString('nhà')); // 4 | (1 << 12)
 * ```
 */
export function parsePosClusters(text: string): Map<number, number> {
  const m = new Map<number, number>();
  let p = 0, id = 0;
  while (p < text.length) {
    let e = text.indexOf('\n', p);
    if (e < 0) e = text.length;
    const c = text.charCodeAt(p);
    if (c === 61 /* = */) {
      const sp = text.indexOf(' ', p);
      id = (parseInt(text.slice(p + 1, sp), 10) + 1) | (parseInt(text.slice(sp + 1, e), 10) << 12);
    } else if (c !== 35 /* # */ && e > p) m.set(hashString(text.slice(p, e)), id);
    p = e + 1;
  }
  return m;
}

/** What the features need of one word. */
export interface WordInfo {
  hw: number; // folded form (digits folded to 0)
  hf: number; // first syllable
  hl: number; // last syllable
  nsyl: number; // syllables, at most 4
  shape: number;
  dict: number; // dictionary class mask (0 = not a headword)
  dsyl: number; // dictionary classes of the first and last syllables (multi-syllable words; 15 bits each)
  lex: number; // segmentation lexicon flags of the whole word (multi-syllable words), plus surname/middle flags
  cl: number; // word cluster (fine + 1, coarse << 12; 0 = not in the table)
  csyl: number; // fine clusters of the first and last syllables of a multi-syllable word (12 bits each)
}

export type WordCache = Map<string, WordInfo>;
const CACHE_LIMIT = 100_000;
const LEX_MASK = LEX_GENERAL | LEX_DOMAIN | LEX_PLACE | LEX_CORE | LEX_COMMON;
const QUOTES = /^[“”„«»‟"]+$|^[‘’‚']+$/u;

function shapeOf(w: string): number {
  if (!/[\p{L}\p{N}]/u.test(w)) return /^\p{P}+$/u.test(w) ? WS_PUNCT : WS_OTHER;
  const letters = /\p{L}/u.test(w);
  if (/\p{N}/u.test(w)) return letters ? WS_CODE : WS_NUMBER;
  const first = w.charAt(0);
  if (first === first.toLowerCase()) return WS_LOWER;
  if (w.length > 1 && w === w.toUpperCase() && !/\s/u.test(w)) return WS_UPPER;
  const syl = w.split(/\s+/u);
  if (syl.length > 1 && syl.every((s) => s.charAt(0) !== s.charAt(0).toLowerCase())) return WS_NAME;
  return WS_TITLE;
}

/** Punctuation written in several ways gets one key (curly quotes, ellipsis, brackets). */
function punctKey(w: string): string {
  if (QUOTES.test(w)) return '"';
  if (w === '…') return '...';
  if (w === '[' || w === '{') return '(';
  if (w === ']' || w === '}') return ')';
  return w;
}

/**
 * The string whose hash is a word's `hw`: punctuation unified, syllables folded, digits folded to 0.
 * @example
 * ```ts
 * posKey('Huyện Uỷ'); // 'huyện ủy'
 * posKey('“'); // '"'
 * ```
 */
export function posKey(w: string): string {
  const shape = shapeOf(w);
  const key = shape === WS_PUNCT || shape === WS_OTHER ? punctKey(w) : wordKey(w);
  return shape === WS_NUMBER || shape === WS_CODE ? key.replace(/\p{N}+/gu, '0') : key;
}

/**
 * Information about one word, memoised per tagger by word text (bounded cache).
 * @example
 * ```ts
 * wordInfo('Huyện ủy', lexicon, dict, new Map()).nsyl; // 2
 * ```
 */
export function wordInfo(w: string, lex: Lexicon, dict: Map<number, number>, cache: WordCache, extra: PosExtra = {}): WordInfo {
  let info = cache.get(w);
  if (info !== undefined) return info;
  info = computeWordInfo(w, lex, dict, extra);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(w, info);
  return info;
}

/**
 * {@link wordInfo} without the cache.
 * @example
 * ```ts
 * computeWordInfo('Huyện ủy', lexicon, dict).nsyl; // 2
 * ```
 */
export function computeWordInfo(w: string, lex: Lexicon, dict: Map<number, number>, extra: PosExtra = {}): WordInfo {
  const shape = shapeOf(w);
  const key = shape === WS_PUNCT || shape === WS_OTHER ? punctKey(w) : wordKey(w);
  const syl = key.split(' ');
  const hs = syl.map((s) => hashString(s));
  let lx = 0;
  if (hs.length > 1) {
    let node = 0;
    for (const h of hs) {
      node = lex.child(node, h >>> 0);
      if (node < 0) break;
    }
    if (node >= 0) lx = lex.flags(node) & LEX_MASK;
  }
  lx |= (lex.single(hs[0]! >>> 0) & (LEX_SURNAME | LEX_MIDDLE)) << 8;
  const folded = shape === WS_NUMBER || shape === WS_CODE ? key.replace(/\p{N}+/gu, '0') : key;
  const hw = hashString(folded);
  const { clusters } = extra;
  const cl = clusters?.get(hw) ?? 0;
  const csyl = clusters !== undefined && hs.length > 1 ? (((clusters.get(hs[0]!) ?? 0) & 0xfff) << 12) | ((clusters.get(hs[hs.length - 1]!) ?? 0) & 0xfff) : 0;
  return {
    hw: hw | 0,
    hf: hs[0]! | 0,
    hl: hs[hs.length - 1]! | 0,
    nsyl: Math.min(hs.length, 4),
    shape,
    dict: dict.get(hashString(key)) ?? 0,
    dsyl: hs.length > 1 ? ((dict.get(hs[0]!) ?? 0) << 15) | (dict.get(hs[hs.length - 1]!) ?? 0) : 0,
    lex: lx,
    cl,
    csyl,
  };
}

/** Per-position arrays of one word sequence. */
export interface PosContext {
  n: number;
  hw: Int32Array;
  hf: Int32Array;
  hl: Int32Array;
  nsyl: Uint8Array;
  shape: Uint8Array;
  dict: Int32Array;
  dsyl: Int32Array;
  lex: Int32Array;
  cl: Int32Array;
  csyl: Int32Array;
  /** 1 when the word starts a sentence (first word, or after . ! ? … or a line break). */
  start: Uint8Array;
}

const FINAL = new Set(['.', '!', '?', '...', '…', '?!', '!!']);

/**
 * Whether a word ends a sentence (the next word then starts one).
 * @example
 * ```ts
 * endsSentence('…'); // true
 * ```
 */
export function endsSentence(w: string): boolean {
  return FINAL.has(w);
}

/**
 * Builds the per-position arrays for a word sequence. `breakBefore(i)` tells whether a line break precedes word i.
 * With `reuse`, its arrays are overwritten and it is returned when they are long enough (`n` is set; longer arrays
 * keep stale values past `n`, which nothing reads).
 * @example
 * ```ts
 * const ctx = buildPosContext(['Tôi', 'nhớ'], lexicon, dict, new Map());
 * ctx.start[0]; // 1
 * ```
 */
export function buildPosContext(
  words: readonly string[], lex: Lexicon, dict: Map<number, number>, cache: WordCache, breakBefore?: (i: number) => boolean, extra?: PosExtra, reuse?: PosContext,
): PosContext {
  const n = words.length;
  const ctx: PosContext = reuse !== undefined && reuse.hw.length >= n ? reuse : {
    n, hw: new Int32Array(n), hf: new Int32Array(n), hl: new Int32Array(n), nsyl: new Uint8Array(n), shape: new Uint8Array(n),
    dict: new Int32Array(n), dsyl: new Int32Array(n), lex: new Int32Array(n), cl: new Int32Array(n), csyl: new Int32Array(n), start: new Uint8Array(n),
  };
  ctx.n = n;
  for (let i = 0; i < n; i++) {
    const w = words[i]!;
    const info = wordInfo(w, lex, dict, cache, extra);
    ctx.hw[i] = info.hw;
    ctx.hf[i] = info.hf;
    ctx.hl[i] = info.hl;
    ctx.nsyl[i] = info.nsyl;
    ctx.shape[i] = info.shape;
    ctx.dict[i] = info.dict;
    ctx.dsyl[i] = info.dsyl;
    ctx.lex[i] = info.lex;
    ctx.cl[i] = info.cl;
    ctx.csyl[i] = info.csyl;
    ctx.start[i] = i === 0 || FINAL.has(words[i - 1]!) || (breakBefore !== undefined && breakBefore(i)) ? 1 : 0;
  }
  return ctx;
}

export function mix(t: number, a: number, b: number, c: number): number {
  let h = Math.imul(t + 0x9e3779b9, 0x85ebca6b);
  h ^= a;
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  h ^= b;
  h = Math.imul(h ^ (h >>> 12), 0x297a2d39);
  h ^= c;
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  return (h ^ (h >>> 13)) >>> 0;
}

export const MAX_STATIC = 32;
export const MAX_DYNAMIC = 6;

/**
 * Writes the tag-independent feature rows (masked) of position i into `out` from `k`; returns the new count.
 * @example
 * ```ts
 * const k = staticFeatures(ctx, 0, model.rowMask, out, 0);
 * ```
 */
export function staticFeatures(ctx: PosContext, i: number, mask: number, out: Int32Array, k: number): number {
  out[k++] = mix(1, 0, 0, 0) & mask;
  return wordFeatures(ctx, i, mask, out, k);
}

/**
 * The rows of {@link staticFeatures} without the bias row (`mix(1, 0, 0, 0)`, which the tagger adds once per tag pair,
 * see {@link pairFeatures}). In parts, so that each part's `mix` calls are inlined.
 * @example
 * ```ts
 * const k = wordFeatures(ctx, 0, model.rowMask, out, 0);
 * ```
 */
export function wordFeatures(ctx: PosContext, i: number, mask: number, out: Int32Array, k: number): number {
  const st0 = ctx.start[i]!;
  const l1 = i >= 1 && !st0;
  const r1 = i + 1 < ctx.n && !ctx.start[i + 1];
  k = ownFeatures(ctx, i, mask, out, k);
  k = windowFeatures(ctx, i, l1, r1, mask, out, k);
  return clusterFeatures(ctx, i, l1, r1, mask, out, k);
}

/** Rows of the word itself: form, syllables, shape, dictionary and lexicon classes. */
function ownFeatures(ctx: PosContext, i: number, mask: number, out: Int32Array, k: number): number {
  const w0 = ctx.hw[i]!, s0 = ctx.shape[i]!, d0 = ctx.dict[i]!, ns = ctx.nsyl[i]!;
  out[k++] = mix(2, w0, 0, 0) & mask;
  if (ns > 1) {
    const dsyl = ctx.dsyl[i]!;
    out[k++] = mix(3, ctx.hf[i]!, ns, 0) & mask;
    out[k++] = mix(4, ctx.hl[i]!, ns, 0) & mask;
    out[k++] = mix(24, dsyl, d0 === 0 ? 0 : 1, 0) & mask;
    out[k++] = mix(25, dsyl >>> 15, s0, 0) & mask;
    out[k++] = mix(26, dsyl & 0x7fff, s0, 0) & mask;
  }
  out[k++] = mix(5, ns, s0, ctx.start[i]!) & mask;
  out[k++] = mix(6, d0, 0, 0) & mask;
  out[k++] = mix(7, d0, s0, ns) & mask;
  out[k++] = mix(8, ctx.lex[i]!, s0, ns) & mask;
  return k;
}

/** Rows of the ±2 word window (within the sentence). */
function windowFeatures(ctx: PosContext, i: number, l1: boolean, r1: boolean, mask: number, out: Int32Array, k: number): number {
  const { n, hw } = ctx;
  const l2 = l1 && i >= 2 && !ctx.start[i - 1];
  const r2 = r1 && i + 2 < n && !ctx.start[i + 2];
  const w0 = hw[i]!, wp = l1 ? hw[i - 1]! : BOS, wpp = l2 ? hw[i - 2]! : BOS, wn = r1 ? hw[i + 1]! : EOS, wnn = r2 ? hw[i + 2]! : EOS;
  out[k++] = mix(9, wp, 0, 0) & mask;
  out[k++] = mix(10, wpp, 0, 0) & mask;
  out[k++] = mix(11, wn, 0, 0) & mask;
  out[k++] = mix(12, wnn, 0, 0) & mask;
  out[k++] = mix(13, wp, w0, 0) & mask;
  out[k++] = mix(14, w0, wn, 0) & mask;
  return classWindowFeatures(ctx, i, l1, r1, w0, wp, wn, mask, out, k);
}

/** Rows of the window's shapes, dictionary classes and edge syllables. */
function classWindowFeatures(ctx: PosContext, i: number, l1: boolean, r1: boolean, w0: number, wp: number, wn: number, mask: number, out: Int32Array, k: number): number {
  const { shape, dict } = ctx;
  const s0 = shape[i]!, sp = l1 ? shape[i - 1]! : 8, sn = r1 ? shape[i + 1]! : 8;
  const d0 = dict[i]!, dp = l1 ? dict[i - 1]! : -1, dn = r1 ? dict[i + 1]! : -1;
  out[k++] = mix(15, sp * 16 + s0, sn, 0) & mask;
  out[k++] = mix(16, dp, 0, 0) & mask;
  out[k++] = mix(17, dn, 0, 0) & mask;
  out[k++] = mix(18, d0, dn, 0) & mask;
  out[k++] = mix(19, dp, d0, 0) & mask;
  out[k++] = mix(20, l1 ? ctx.hl[i - 1]! : BOS, 0, 0) & mask;
  out[k++] = mix(21, r1 ? ctx.hf[i + 1]! : EOS, 0, 0) & mask;
  out[k++] = mix(22, w0, sn, 0) & mask;
  out[k++] = mix(23, wp, wn, 0) & mask;
  return k;
}

/** Word-cluster rows of position i: the word's and its neighbours' fine clusters, the syllable clusters of a compound without one. */
function clusterFeatures(ctx: PosContext, i: number, l1: boolean, r1: boolean, mask: number, out: Int32Array, k: number): number {
  const cl = ctx.cl;
  const c0 = cl[i]!, cp = l1 ? cl[i - 1]! : -1, cn = r1 ? cl[i + 1]! : -1;
  out[k++] = mix(27, c0, 0, 0) & mask;
  out[k++] = mix(29, cp, 0, 0) & mask;
  out[k++] = mix(30, cn, 0, 0) & mask;
  if (c0 === 0 && ctx.nsyl[i]! > 1) out[k++] = mix(33, ctx.csyl[i]!, 0, 0) & mask;
  return k;
}

/**
 * Writes the feature rows that depend on the two previous tags (`p1`, `p2`; TAG_BOS before the start).
 * @example
 * ```ts
 * const k2 = tagFeatures(ctx, i, p1, p2, model.rowMask, out, k);
 * ```
 */
export function tagFeatures(ctx: PosContext, i: number, p1: number, p2: number, mask: number, out: Int32Array, k: number): number {
  out[k++] = mix(40, p1, 0, 0) & mask;
  out[k++] = mix(41, p1, p2, 0) & mask;
  return wordTagFeatures(ctx, i, p1, mask, out, k);
}

/**
 * The rows that depend on the previous tags only, plus the bias row: the same for every word, so the tagger sums
 * their weights once per tag pair. {@link staticFeatures} + {@link tagFeatures} = these + {@link wordFeatures} + {@link wordTagFeatures}.
 * @example
 * ```ts
 * const k = pairFeatures(TAG_BOS, TAG_BOS, model.rowMask, out, 0); // 3
 * ```
 */
export function pairFeatures(p1: number, p2: number, mask: number, out: Int32Array, k: number): number {
  out[k++] = mix(1, 0, 0, 0) & mask;
  out[k++] = mix(40, p1, 0, 0) & mask;
  out[k++] = mix(41, p1, p2, 0) & mask;
  return k;
}

/**
 * The rows that combine the previous tag with the word (and the next word).
 * @example
 * ```ts
 * const k2 = wordTagFeatures(ctx, i, p1, model.rowMask, out, k);
 * ```
 */
export function wordTagFeatures(ctx: PosContext, i: number, p1: number, mask: number, out: Int32Array, k: number): number {
  out[k++] = mix(42, p1, ctx.hw[i]!, 0) & mask;
  out[k++] = mix(43, p1, ctx.dict[i]!, ctx.shape[i]!) & mask;
  out[k++] = mix(44, p1, i + 1 < ctx.n && !ctx.start[i + 1] ? ctx.hw[i + 1]! : EOS, 0) & mask;
  out[k++] = mix(45, p1, ctx.cl[i]!, 0) & mask;
  return k;
}

// The same rows split by what they depend on, for the tagger's per-word-type score vectors (src/pos/table.ts):
// typeRows + leftRows(word before) + rightRows(word after) + mix(5) + mix(10) + mix(12) + neighbourRows + tagRows
// + pairFeatures are {@link staticFeatures} + {@link tagFeatures} (test/pos/fixture.test.ts checks it).

/**
 * The rows of the word alone: {@link ownFeatures} but the sentence-start row (5), and the word's own cluster rows.
 * @example
 * ```ts
 * const k = typeRows(info, model.rowMask, out, 0);
 * ```
 */
export function typeRows(w: WordInfo, mask: number, out: Int32Array, k: number): number {
  const w0 = w.hw, s0 = w.shape, d0 = w.dict, ns = w.nsyl, c0 = w.cl;
  out[k++] = mix(2, w0, 0, 0) & mask;
  if (ns > 1) {
    const dsyl = w.dsyl;
    out[k++] = mix(3, w.hf, ns, 0) & mask;
    out[k++] = mix(4, w.hl, ns, 0) & mask;
    out[k++] = mix(24, dsyl, d0 === 0 ? 0 : 1, 0) & mask;
    out[k++] = mix(25, dsyl >>> 15, s0, 0) & mask;
    out[k++] = mix(26, dsyl & 0x7fff, s0, 0) & mask;
  }
  out[k++] = mix(6, d0, 0, 0) & mask;
  out[k++] = mix(7, d0, s0, ns) & mask;
  out[k++] = mix(8, w.lex, s0, ns) & mask;
  out[k++] = mix(27, c0, 0, 0) & mask;
  if (c0 === 0 && ns > 1) out[k++] = mix(33, w.csyl, 0, 0) & mask;
  return k;
}

/**
 * The rows a word gives the word after it (form, dictionary classes, last syllable, cluster); `BOS, -1, BOS, -1` for none.
 * @example
 * ```ts
 * const k = leftRows(info.hw, info.dict, info.hl, info.cl, model.rowMask, out, 0);
 * ```
 */
export function leftRows(hw: number, dict: number, hl: number, cl: number, mask: number, out: Int32Array, k: number): number {
  out[k++] = mix(9, hw, 0, 0) & mask;
  out[k++] = mix(16, dict, 0, 0) & mask;
  out[k++] = mix(20, hl, 0, 0) & mask;
  out[k++] = mix(29, cl, 0, 0) & mask;
  return k;
}

/**
 * The rows a word gives the word before it (form, dictionary classes, first syllable, cluster); `EOS, -1, EOS, -1` for none.
 * @example
 * ```ts
 * const k = rightRows(info.hw, info.dict, info.hf, info.cl, model.rowMask, out, 0);
 * ```
 */
export function rightRows(hw: number, dict: number, hf: number, cl: number, mask: number, out: Int32Array, k: number): number {
  out[k++] = mix(11, hw, 0, 0) & mask;
  out[k++] = mix(17, dict, 0, 0) & mask;
  out[k++] = mix(21, hf, 0, 0) & mask;
  out[k++] = mix(30, cl, 0, 0) & mask;
  return k;
}
