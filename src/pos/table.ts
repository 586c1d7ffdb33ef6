// The tagger's word-type table and its decoding loop. Every distinct word (by text) gets a type id once per tagger
// (bounded); with it are stored what the context features read of the word (form hash, dictionary classes, shape,
// cluster), the tag-dictionary label, and three summed score vectors (one value per label): the rows of the word
// itself, the rows it gives the word after it, and the rows it gives the word before it. A position then adds
// those three vectors and the tag-pair vector, and scans only the rows that combine two words or the previous tag.
// All sums are integer sums of the same rows as tagContext (src/pos/model.ts), so the scores, and the tags, are
// the same (test/pos/table.test.ts, scripts/pos/check-identical.ts).

import type { Lexicon } from '../segment/lexicon.js';
import { BOS, EOS, computeWordInfo, endsSentence, leftRows, mix, rightRows, typeRows, TAG_BOS, type PosExtra } from './features.js';
import { packRows, type PackedRows, type PosModel } from './model.js';

/** Types kept before the table is emptied (at the start of a call only, so a call's ids stay valid: at most this plus one call's words). */
const TYPE_LIMIT = 1 << 15;
/** Type ids of the missing neighbour before the first / after the last word of a sentence. */
const LEFT_EDGE = 0;
const RIGHT_EDGE = 1;
const FIRST_TYPE = 2;
/** Per-type row ids: sentence-start row (5) for start 0 and 1, the row as the word two before (10) and two after (12). */
const ROWS_PER_TYPE = 4;

/** A tagger's word types (mutable; one per tagger instance). */
export interface TypeTable {
  readonly model: PosModel;
  readonly packed: PackedRows;
  readonly lex: Lexicon;
  readonly dict: Map<number, number>;
  readonly extra: PosExtra;
  readonly ids: Map<string, number>;
  /** Types kept before the table is emptied. */
  readonly limit: number;
  size: number;
  hw: Int32Array;
  dict0: Int32Array;
  cl: Int32Array;
  shape: Uint8Array;
  /** 1 when the word ends a sentence. */
  fin: Uint8Array;
  /** Label of the model's tag dictionary, or -1. */
  known: Int16Array;
  /** {@link ROWS_PER_TYPE} row ids per type. */
  rows: Int32Array;
  /** 3 × L summed scores per type: own rows (with the sentence-start row for start 0), rows as the word before (leftRows), rows as the word after (rightRows). */
  vec: Int32Array;
  /** Row buffer. */
  readonly feats: Int32Array;
}

/**
 * Creates an empty type table for a model and the word data its features read (`limit`: types kept before the
 * table is emptied at the start of a call; default 32768).
 * @example
 * ```ts
 * const table = createTypeTable(model, lexicon, dict, { clusters });
 * ```
 */
export function createTypeTable(model: PosModel, lex: Lexicon, dict: Map<number, number>, extra: PosExtra = {}, limit = TYPE_LIMIT): TypeTable {
  const cap = 1024;
  const L = model.labels.length;
  const t: TypeTable = {
    model, packed: model.rows ?? packRows(model), lex, dict, extra, ids: new Map(), limit, size: FIRST_TYPE,
    hw: new Int32Array(cap), dict0: new Int32Array(cap), cl: new Int32Array(cap), shape: new Uint8Array(cap), fin: new Uint8Array(cap),
    known: new Int16Array(cap), rows: new Int32Array(cap * ROWS_PER_TYPE), vec: new Int32Array(cap * 3 * L), feats: new Int32Array(32),
  };
  const mask = model.rowMask;
  for (const [id, h] of [[LEFT_EDGE, BOS], [RIGHT_EDGE, EOS]] as const) {
    t.hw[id] = h | 0;
    t.dict0[id] = -1;
    t.cl[id] = -1;
    t.shape[id] = 8;
    t.known[id] = -1;
  }
  addRows(t, LEFT_EDGE * 3 * L + L, leftRows(BOS, -1, BOS, -1, mask, t.feats, 0));
  addRows(t, RIGHT_EDGE * 3 * L + 2 * L, rightRows(EOS, -1, EOS, -1, mask, t.feats, 0));
  t.rows[LEFT_EDGE * ROWS_PER_TYPE + 2] = mix(10, BOS, 0, 0) & mask;
  t.rows[RIGHT_EDGE * ROWS_PER_TYPE + 3] = mix(12, EOS, 0, 0) & mask;
  return t;
}

/** Adds the weights of rows `feats[0..k)` to the L scores at `vec[base]`. */
function addRows(t: TypeTable, base: number, k: number): void {
  const { start, entries } = t.packed;
  const { vec, feats } = t;
  for (let f = 0; f < k; f++) {
    const row = feats[f]!;
    for (let e = start[row]!, end = start[row + 1]!; e < end; e++) {
      const x = entries[e]!;
      vec[base + (x & 0xff)]! += x >> 8;
    }
  }
}

function grow(t: TypeTable): void {
  const cap = t.hw.length * 2;
  const more = <A extends Int32Array | Uint8Array | Int16Array>(a: A, per = 1): A => {
    const b = new (a.constructor as new (n: number) => A)(cap * per);
    b.set(a);
    return b;
  };
  const L = t.model.labels.length;
  t.hw = more(t.hw);
  t.dict0 = more(t.dict0);
  t.cl = more(t.cl);
  t.shape = more(t.shape);
  t.fin = more(t.fin);
  t.known = more(t.known);
  t.rows = more(t.rows, ROWS_PER_TYPE);
  t.vec = more(t.vec, 3 * L);
}

/** Registers word `w` as a new type and returns its id. */
function addType(t: TypeTable, w: string): number {
  if (t.size === t.hw.length) grow(t);
  const id = t.size++;
  const info = computeWordInfo(w, t.lex, t.dict, t.extra);
  const mask = t.model.rowMask;
  const L = t.model.labels.length;
  t.hw[id] = info.hw;
  t.dict0[id] = info.dict;
  t.cl[id] = info.cl;
  t.shape[id] = info.shape;
  t.fin[id] = endsSentence(w) ? 1 : 0;
  t.known[id] = t.model.tagDict.get(info.hw) ?? -1;
  const r = id * ROWS_PER_TYPE;
  t.rows[r] = mix(5, info.nsyl, info.shape, 0) & mask;
  t.rows[r + 1] = mix(5, info.nsyl, info.shape, 1) & mask;
  t.rows[r + 2] = mix(10, info.hw, 0, 0) & mask;
  t.rows[r + 3] = mix(12, info.hw, 0, 0) & mask;
  const base = id * 3 * L;
  t.vec.fill(0, base, base + 3 * L);
  const k = typeRows(info, mask, t.feats, 0);
  t.feats[k] = t.rows[r]!; // the sentence-start row for start 0 (tagTypes swaps it at a sentence start)
  addRows(t, base, k + 1);
  addRows(t, base + L, leftRows(info.hw, info.dict, info.hl, info.cl, mask, t.feats, 0));
  addRows(t, base + 2 * L, rightRows(info.hw, info.dict, info.hf, info.cl, mask, t.feats, 0));
  t.ids.set(w, id);
  return id;
}

/**
 * Writes the type id of every word into `tid` and the sentence-start flags into `start` (first word, after a
 * sentence-final word, or where `breakBefore(i)`: a line break before word i), as buildPosContext does.
 * @example
 * ```ts
 * lookupTypes(table, ['Tôi', 'nhớ'], tid, start);
 * ```
 */
export function lookupTypes(t: TypeTable, words: readonly string[], tid: Int32Array, start: Uint8Array, breakBefore?: (i: number) => boolean): void {
  const n = words.length;
  if (t.size > t.limit) {
    t.ids.clear();
    t.size = FIRST_TYPE;
  }
  const { ids } = t;
  let prev = 0;
  for (let i = 0; i < n; i++) {
    const w = words[i]!;
    let id = ids.get(w);
    if (id === undefined) id = addType(t, w);
    tid[i] = id;
    start[i] = i === 0 || t.fin[prev] === 1 || (breakBefore !== undefined && breakBefore(i)) ? 1 : 0;
    prev = id;
  }
}

/**
 * Greedy left-to-right decoding of `n` positions (from {@link lookupTypes}): writes each label index into `out`.
 * Same scores as tagContext (src/pos/model.ts) on the same words.
 * @example
 * ```ts
 * tagTypes(table, tid, start, n, scores, out);
 * ```
 */
export function tagTypes(t: TypeTable, tid: Int32Array, start: Uint8Array, n: number, scores: Int32Array, out: Uint8Array): void {
  const { hw, dict0: dict, cl, shape, known, rows, vec, feats } = t;
  const { start: rs, entries, pairs } = t.packed;
  const mask = t.model.rowMask;
  const L = t.model.labels.length;
  const V = 3 * L;
  let p1 = TAG_BOS, p2 = TAG_BOS;
  for (let i = 0; i < n; i++) {
    const st0 = start[i]!;
    if (st0) p1 = p2 = TAG_BOS;
    const id = tid[i]!;
    const kn = known[id]!;
    if (kn >= 0) {
      out[i] = kn;
      p2 = p1;
      p1 = kn;
      continue;
    }
    const l1 = i >= 1 && !st0;
    const r1 = i + 1 < n && !start[i + 1];
    const tp = l1 ? tid[i - 1]! : LEFT_EDGE;
    const tpp = l1 && i >= 2 && !start[i - 1] ? tid[i - 2]! : LEFT_EDGE;
    const tn = r1 ? tid[i + 1]! : RIGHT_EDGE;
    const tnn = r1 && i + 2 < n && !start[i + 2] ? tid[i + 2]! : RIGHT_EDGE;
    const w0 = hw[id]!, wp = hw[tp]!, wn = hw[tn]!, d0 = dict[id]!, dp = dict[tp]!, dn = dict[tn]!, s0 = shape[id]!, sn = shape[tn]!;
    feats[0] = rows[tpp * ROWS_PER_TYPE + 2]!;
    feats[1] = rows[tnn * ROWS_PER_TYPE + 3]!;
    feats[2] = mix(13, wp, w0, 0) & mask;
    feats[3] = mix(14, w0, wn, 0) & mask;
    feats[4] = mix(15, shape[tp]! * 16 + s0, sn, 0) & mask;
    feats[5] = mix(18, d0, dn, 0) & mask;
    feats[6] = mix(19, dp, d0, 0) & mask;
    feats[7] = mix(22, w0, sn, 0) & mask;
    feats[8] = mix(23, wp, wn, 0) & mask;
    feats[9] = mix(42, p1, w0, 0) & mask;
    feats[10] = mix(43, p1, d0, s0) & mask;
    feats[11] = mix(44, p1, wn, 0) & mask;
    feats[12] = mix(45, p1, cl[id]!, 0) & mask;
    const pair = ((p1 === TAG_BOS ? L : p1) * (L + 1) + (p2 === TAG_BOS ? L : p2)) * L;
    const o = id * V, p = tp * V + L, q = tn * V + 2 * L;
    for (let c = 0; c < L; c++) scores[c] = pairs[pair + c]! + vec[o + c]! + vec[p + c]! + vec[q + c]!;
    let k = 13;
    if (st0) { // the own vector holds the start-0 row: take it out, put the start-1 row in
      feats[k++] = rows[id * ROWS_PER_TYPE + 1]!;
      const row = rows[id * ROWS_PER_TYPE]!;
      for (let e = rs[row]!, end = rs[row + 1]!; e < end; e++) {
        const x = entries[e]!;
        scores[x & 0xff]! -= x >> 8;
      }
    }
    for (let f = 0; f < k; f++) {
      const row = feats[f]!;
      for (let e = rs[row]!, end = rs[row + 1]!; e < end; e++) {
        const x = entries[e]!;
        scores[x & 0xff]! += x >> 8;
      }
    }
    let best = 0;
    for (let c = 1; c < L; c++) if (scores[c]! > scores[best]!) best = c;
    out[i] = best;
    p2 = p1;
    p1 = best;
  }
}
