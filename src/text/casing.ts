import { assertText } from '../errors.js';
import { loadData } from '../data/load.js';
import { foldKey } from './tone.js';

// Truecasing: gives the syllables of case-degenerate stretches (a whole text, a line or a sentence in lower case
// or in capitals) their most likely case — lower, Capitalised or ALL CAPS — with an averaged perceptron over
// syllables (folded syllable, neighbours ±2, bigrams, sentence-initial flag, previous decision), learned from
// mixed-case news by scripts/train-casing.ts (dictionaries/casing/MODEL.md). Only letter case changes, and only
// where the other case has the same UTF-16 length, so the result has the length of the input and every offset
// stays valid. Mixed-case text comes back unchanged.

/** Case classes of a syllable. */
export const LOWER = 0;
export const CAP = 1;
export const UPPER = 2;

/** Token of the casing model: a syllable (letters and marks), a number, or one other non-space character. */
export interface CaseToken {
  readonly start: number;
  readonly end: number;
  /** 0 syllable, 1 number, 2 punctuation, 3 line break. */
  readonly kind: 0 | 1 | 2 | 3;
}

const TOKEN_RE = /([\p{L}\p{M}]+)|(\d+(?:[.,]\d+)*)|(\n)|([^\s])/gu;
const SENT_END = new Set(['.', '!', '?', '…', ':']);

/** Tokens of `text[from, to)`. */
export function caseTokens(text: string, from = 0, to = text.length): CaseToken[] {
  const out: CaseToken[] = [];
  const re = new RegExp(TOKEN_RE.source, 'gu');
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && m.index < to) {
    const end = Math.min(to, m.index + m[0].length);
    out.push({ start: m.index, end, kind: m[1] ? 0 : m[2] ? 1 : m[3] ? 3 : 2 });
  }
  return out;
}

/** Gold class of a written syllable: CAP when only the first letter is upper case, UPPER when all of 2+ are. */
export function caseClass(s: string): number {
  const up = s.toLowerCase() !== s;
  if (!up) return LOWER;
  const letters = s.replace(/\p{M}/gu, '');
  if (letters.length > 1 && letters.toUpperCase() === letters) return UPPER;
  return CAP;
}

// ---------- features ----------
const B = 2 ** 17;
/** Id of special tokens: 0 unknown syllable, 1 sentence boundary, 2 number. Vocabulary ids start at 3. */
export const ID_UNKNOWN = 0;
export const ID_BOUNDARY = 1;
export const ID_NUMBER = 2;
export const MAX_VOCAB = B - 4;

/** Shape of a syllable key: 1 + (has a vowel) + 2 × min(length, 4). */
export function shapeOf(key: string): number {
  return 1 + (/[aăâeêioôơuưyáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]/.test(key) ? 1 : 0) + 2 * Math.min(key.length, 4);
}

/**
 * Feature keys of position `i` of a sentence: `ids` are token ids (with ID_BOUNDARY padding of 2 on each side, so
 * position i of the sentence is ids[i + 2]), `shape` the shape of the syllable, `prev` the class of the previous
 * token (0–2 a syllable's class, 3 after punctuation or a number, 4 at the sentence start).
 */
export function featureKeys(ids: ArrayLike<number>, i: number, shape: number, prev: number, initial: boolean, out: number[]): number {
  const k = i + 2;
  const w0 = ids[k]!, p1 = ids[k - 1]!, p2 = ids[k - 2]!, n1 = ids[k + 1]!, n2 = ids[k + 2]!;
  let n = 0;
  out[n++] = 0;
  out[n++] = (1 * B + w0) * B;
  out[n++] = (2 * B + p1) * B + w0;
  out[n++] = (3 * B + w0) * B + n1;
  out[n++] = (4 * B + p1) * B;
  out[n++] = (5 * B + n1) * B;
  out[n++] = (6 * B + p2) * B;
  out[n++] = (7 * B + n2) * B;
  out[n++] = (8 * B + prev) * B + w0;
  out[n++] = (9 * B + prev) * B;
  out[n++] = (10 * B + shape) * B + (w0 === ID_UNKNOWN ? 1 : 0);
  if (initial) {
    out[n++] = (11 * B + w0) * B;
    out[n++] = (12 * B + shape) * B;
  }
  out[n++] = (13 * B + p1) * B + n1;
  return n;
}

// ---------- model ----------
/**
 * A loaded casing model: vocabulary (folded syllable or punctuation → id) and feature weights (3 per feature) in
 * an open-addressing hash table (feature keys exceed 31 bits, so a Map would hash them as heap numbers).
 */
export interface CasingModel {
  readonly vocab: ReadonlyMap<string, number>;
  /** Adds the weights of feature `key` to `acc[0..2]`. */
  readonly add: WeightAdder;
}

/** Adds the 3 class weights of a feature key (if known) to `acc`. */
export type WeightAdder = (key: number, acc: Float64Array) => void;

/** Parses the text form written by scripts/train-casing.ts. */
export function parseCasingModel(content: string): CasingModel {
  const lines = content.split('\n');
  if (!lines[0]!.startsWith('vietnlp-casing 1')) throw new Error('casing model: bad header');
  const vocab = new Map<string, number>();
  lines[1]!.split('\t').forEach((w, i) => { if (w) vocab.set(w, i + 3); });
  let size = 1024;
  while (size < 2 * lines.length) size *= 2;
  const mask = size - 1;
  const his = new Int32Array(size).fill(-1), los = new Int32Array(size), ws = new Float64Array(3 * size);
  const slot = (hi: number, lo: number): number => {
    let h = (Math.imul(hi, 0x9e3779b1) ^ Math.imul(lo, 0x85ebca6b)) & mask;
    while (his[h] !== -1 && (his[h] !== hi || los[h] !== lo)) h = (h + 1) & mask;
    return h;
  };
  for (let i = 2; i < lines.length; i++) {
    const l = lines[i]!;
    if (!l) continue;
    const [k, a, b, c] = l.split(' ');
    const key = parseInt(k!, 36);
    const hi = Math.floor(key / B), lo = key - hi * B;
    const h = slot(hi, lo);
    his[h] = hi; los[h] = lo;
    ws[3 * h] = Number(a); ws[3 * h + 1] = Number(b); ws[3 * h + 2] = Number(c);
  }
  const add: WeightAdder = (key, acc) => {
    const hi = Math.floor(key / B), lo = key - hi * B;
    const h = slot(hi, lo);
    if (his[h] === -1) return;
    acc[0] = acc[0]! + ws[3 * h]!; acc[1] = acc[1]! + ws[3 * h + 1]!; acc[2] = acc[2]! + ws[3 * h + 2]!;
  };
  return { vocab, add };
}

const defaultModel = (): CasingModel => loadData('casing-model.txt.gz', parseCasingModel);

/**
 * Classes of the syllables of a token sequence (greedy, left to right); non-syllables get -1. `learn` (training
 * only) sees each syllable's features and the guess before the next one is made.
 */
export function predictSequence(add: WeightAdder, kinds: readonly number[], keys: readonly string[], ids: Int32Array, learn?: (feats: readonly number[], n: number, guess: number, i: number) => void): Int8Array {
  const n = kinds.length;
  const out = new Int8Array(n).fill(-1);
  const feats: number[] = [];
  const acc = new Float64Array(3);
  let prev = 4;
  let initial = true;
  for (let i = 0; i < n; i++) {
    if (kinds[i] !== 0) {
      prev = 3;
      if (kinds[i] === 3 || (kinds[i] === 2 && SENT_END.has(keys[i]!))) initial = true;
      continue;
    }
    const f = featureKeys(ids, i, shapeOf(keys[i]!), prev, initial, feats);
    acc[0] = acc[1] = acc[2] = 0;
    for (let j = 0; j < f; j++) add(feats[j]!, acc);
    const s0 = acc[0]!, s1 = acc[1]!, s2 = acc[2]!;
    const c = s1 > s0 ? (s2 > s1 ? UPPER : CAP) : s2 > s0 ? UPPER : LOWER;
    learn?.(feats, f, c, i);
    out[i] = c;
    prev = c;
    initial = false;
  }
  return out;
}

/** Folded keys and ids of tokens (the ids padded with 2 boundaries on each side). */
export function encodeTokens(vocab: ReadonlyMap<string, number>, text: string, toks: readonly CaseToken[]): { kinds: number[]; raw: string[]; keys: string[]; ids: Int32Array } {
  const kinds = toks.map((t) => t.kind);
  const raw = toks.map((t) => text.slice(t.start, t.end));
  const fold = new Map<string, string>();
  const keys = raw.map((s, i) => {
    if (kinds[i] !== 0) return s;
    let k = fold.get(s);
    if (k === undefined) fold.set(s, (k = foldKey(s)));
    return k;
  });
  const ids = new Int32Array(toks.length + 4).fill(ID_BOUNDARY);
  for (let i = 0; i < toks.length; i++) {
    const kind = kinds[i]!;
    ids[i + 2] = kind === 1 ? ID_NUMBER : kind === 3 ? ID_BOUNDARY : (vocab.get(keys[i]!) ?? ID_UNKNOWN);
  }
  return { kinds, raw, keys, ids };
}

// ---------- stretches ----------
/** A case-degenerate stretch `[start, end)`: all lower case or all capitals. */
export interface CaseStretch {
  readonly start: number;
  readonly end: number;
  readonly casing: 'lower' | 'upper';
}

interface Counts { lower: number; upper: number; capSyl: number; syl: number; wordLike: number }
function countCase(text: string, from: number, to: number): Counts {
  const c: Counts = { lower: 0, upper: 0, capSyl: 0, syl: 0, wordLike: 0 };
  const re = /[\p{L}\p{M}]+/gu;
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) && m.index < to) {
    const s = m[0];
    c.syl++;
    const lo = s.toLowerCase();
    const up = s.toUpperCase();
    if (s !== lo) { c.capSyl++; if (s === up) c.upper++; else if (s[0] !== lo[0]) c.lower++; else c.lower++; } else c.lower++;
    if (s === up && s !== lo && s.length >= 2 && shapeOf(lo) % 2 === 0) c.wordLike++;
  }
  return c;
}

/**
 * The case-degenerate stretches of `text`: the whole text when (almost) no syllable is capitalised or (almost)
 * every one is in capitals; otherwise each line in capitals with at least 3 syllables, 2 of them word-like (a
 * vowel, 2+ letters; acronym-only lines such as `UBND - HĐND` stay as written).
 */
export function caseStretches(text: string): CaseStretch[] {
  assertText(text, 'caseStretches');
  const all = countCase(text, 0, text.length);
  if (all.syl === 0) return [];
  if (all.capSyl === 0 || (all.syl >= 20 && all.capSyl / all.syl < 0.02)) return [{ start: 0, end: text.length, casing: 'lower' }];
  if (all.upper === all.syl || (all.syl >= 20 && all.upper / all.syl > 0.95)) return [{ start: 0, end: text.length, casing: 'upper' }];
  const out: CaseStretch[] = [];
  let ls = 0;
  while (ls <= text.length) {
    let le = text.indexOf('\n', ls);
    if (le < 0) le = text.length;
    const c = countCase(text, ls, le);
    if (c.syl >= 3 && c.upper === c.syl && c.wordLike >= 2) out.push({ start: ls, end: le, casing: 'upper' });
    ls = le + 1;
  }
  return out;
}

/** Roman numerals (section numbers `II`, `IV`) stay in capitals. */
const ROMAN = /^(?=[MDCLXVI])M{0,3}(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})$/;

/** Casts `s` (one syllable) to a class, letter by letter, keeping each letter whose other case has another length. */
function applyClass(s: string, cls: number): string {
  let out = '';
  let first = true;
  for (const ch of s) {
    const isLetter = ch.toLowerCase() !== ch.toUpperCase();
    const want = cls === UPPER || (cls === CAP && first && isLetter) ? ch.toUpperCase() : ch.toLowerCase();
    out += want.length === ch.length ? want : ch;
    if (isLetter) first = false;
  }
  return out;
}

/** Truecases `text[start, end)` with `model`; only all-lower (`lower`) or all-upper (`upper`) syllables change. */
export function truecaseRange(model: CasingModel, text: string, start: number, end: number, casing: 'lower' | 'upper', pieces: string[]): void {
  const toks = caseTokens(text, start, end);
  const { kinds, raw, keys, ids } = encodeTokens(model.vocab, text, toks);
  const cls = predictSequence(model.add, kinds, keys, ids);
  let at = start;
  for (let i = 0; i < toks.length; i++) {
    if (cls[i]! < 0) continue;
    const s = raw[i]!;
    const degenerate = casing === 'lower' ? s === s.toLowerCase() : s === s.toUpperCase() && !ROMAN.test(s);
    if (!degenerate) continue;
    const t = toks[i]!;
    pieces.push(text.slice(at, t.start), applyClass(s, cls[i]!));
    at = t.end;
  }
  pieces.push(text.slice(at, end));
}

/**
 * Truecases the case-degenerate stretches of `text` (see {@link caseStretches}): every syllable there gets its most
 * likely case (proper names, organisation words such as `Ủy ban nhân dân`, sentence starts, acronyms such as
 * `UBND`). The result has exactly the length of `text`; only letter case changes; mixed-case text is returned as is.
 *
 * @example
 * ```ts
 * truecase('chủ tịch ubnd tỉnh quảng ninh phát biểu'); // 'Chủ tịch UBND tỉnh Quảng Ninh phát biểu'
 * ```
 */
export function truecase(text: string): string {
  assertText(text, 'truecase');
  const stretches = caseStretches(text);
  if (!stretches.length) return text;
  const model = defaultModel();
  const pieces: string[] = [];
  let at = 0;
  for (const s of stretches) {
    pieces.push(text.slice(at, s.start));
    truecaseRange(model, text, s.start, s.end, s.casing, pieces);
    at = s.end;
  }
  pieces.push(text.slice(at));
  return pieces.join('');
}
