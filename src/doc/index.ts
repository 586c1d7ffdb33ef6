// The document model: the text and its tokens as parallel typed arrays, built once per text. Every layer
// (layout, sentences, words, measures, admin units, named entities, officials, summary) is a component
// `(doc) => void` that reads the arrays and the spans of earlier layers and adds its own to `doc.layers`.
// Spans are token ranges `[from, to)` with character offsets `[start, end)` into the text as given.

import { createTokenPool, tokenize, tokenizeInto, type TokenPool } from '../text/tokens.js';
import { createFoldCache } from '../text/tone.js';
import type { Entity, Official, Span, Token, TokenKind, Word } from '../types.js';
import type { Summary } from '../summarize/index.js';
import { createVocab, type Vocab } from './vocab.js';
import type { LayerName } from './pipeline.js';

export { createVocab, type Vocab } from './vocab.js';
export { labelLines, layoutComponent, CREDIT_LABELS, BYLINE_LABELS } from './layout.js';
export { runPipeline, LAYERS, type Component, type Components, type LayerName } from './pipeline.js';

/** Token kinds by numeric code (`doc.kind[i]`); the codes of the tokenizer's packed form and the segmenter. */
export { TOKEN_KINDS } from '../text/tokens.js';
/** Numeric codes of {@link TOKEN_KINDS}. */
export const KIND = {
  syllable: 0, abbreviation: 1, roman: 2, number: 3, percent: 4, code: 5, unit: 6, url: 7, email: 8, punctuation: 9, symbol: 10, emoji: 11, other: 12,
} as const satisfies Record<TokenKind, number>;

/** A span of a layer: tokens `[from, to)` and characters `[start, end)` (`text === doc.text.slice(start, end)`). */
export interface DocSpan extends Span {
  readonly from: number;
  readonly to: number;
}

/** Layout label of a line (see the layout component). */
export type LineLabel = 'headline' | 'subtitle' | 'byline' | 'caption' | 'credit' | 'list' | 'body';

/** What the components have added so far. Each is set once, by its own component, in pipeline order. */
export interface DocLayers {
  /** Layout: one label per line id (`doc.line[i]` is the line of token i). */
  lineLabels?: readonly LineLabel[];
  /** Sentences (trimmed character offsets; token ranges). */
  sentences?: readonly DocSpan[];
  /** Words of the segmenter; `wordFrom[k]` is the first token of word k, `wordFrom[words.length] === doc.n`. */
  words?: readonly Word[];
  wordFrom?: Int32Array;
  /** DATE / MONEY / PERCENT / QUANTITY of the measures component (before the merge). */
  measures?: readonly Entity[];
  /** PROVINCE / DISTRICT / COMMUNE of the admin component (before the merge). */
  admin?: readonly Entity[];
  /** The flat, merged entity layer (sorted, non-overlapping), written by the named component. */
  entities?: readonly Entity[];
  officials?: readonly Official[];
  summary?: Summary;
}

/**
 * One text and its tokens, as parallel arrays indexed by token (0 … n-1). Also a `DocContext` of the entity
 * layers (`text`, `tokens`, `keys`, `cap`, `brk`).
 */
export interface Doc {
  readonly text: string;
  /** Number of tokens. */
  readonly n: number;
  /** The tokens as objects (`tokenize(text)`), for code that reads them so. */
  readonly tokens: readonly Token[];
  /** Character offsets `[start, end)` of each token. */
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** Kind code of each token (index into {@link TOKEN_KINDS}; see {@link KIND}). */
  readonly kind: Uint8Array;
  /** Id in `vocab` of each token's folded key (`foldKey`: NFC, lower case, old tone placement). */
  readonly key: Int32Array;
  /** The folded key of each token as a string (`vocab.str(key[i])`). */
  readonly keys: readonly string[];
  /** 1 when the token starts with an upper-case letter. */
  readonly cap: Uint8Array;
  /** 1 when the token has an upper-case letter and no lower-case one (`UBND`, `HUYỆN`, `A`). */
  readonly upper: Uint8Array;
  /** 1 when a line break (LF, CR, U+2028/2029) lies between token i-1 and token i; 1 for token 0. */
  readonly brk: Uint8Array;
  /** Line id of each token (0-based, consecutive over lines that have tokens). */
  readonly line: Int32Array;
  /** Paragraph id of each token (a blank line starts a new paragraph). */
  readonly para: Int32Array;
  /** First token of each line id; `lineFirst[lineCount] === n`. */
  readonly lineFirst: Int32Array;
  readonly lineCount: number;
  /** The vocabulary of `key` (a child of the one passed to `createDoc`, or a fresh one). */
  readonly vocab: Vocab;
  /** Spans added by the pipeline components. */
  readonly layers: DocLayers;
  /** The reused objects of `options.scratch`, when given. */
  readonly scratch?: DocScratch;
  /** The layers whose component already ran on this document (see `runPipeline`). */
  readonly ran: Set<LayerName>;
}

/**
 * Objects that the pieces of one long text reuse, one piece after the other (src/entities, `entitiesInPieces`;
 * issue 11, item 7): the token objects, strings and scan buffers, the folded keys, the buffers of the typed arrays
 * and the admin layer's pieces. Local to one call; each piece's objects are overwritten by the next piece's, so
 * nothing of a piece may be kept that points to them. Create with {@link createDocScratch}.
 */
export interface DocScratch {
  readonly tokens: TokenPool;
  readonly fold: (s: string) => string;
  readonly buffers: ArrayBuffer[];
  /** The array of folded keys (`doc.keys`), the admin layer's piece objects and its array of pieces. */
  readonly keys: string[];
  readonly adminPieces: object[];
  readonly adminList: object[];
}

/** An empty {@link DocScratch}. */
export function createDocScratch(): DocScratch {
  return { tokens: createTokenPool(), fold: createFoldCache(), buffers: [], keys: [], adminPieces: [], adminList: [] };
}

/** A zeroed typed array of n elements: new, or on the scratch buffer of `slot` (grown when too small). */
function typed<T extends Int32Array | Uint8Array>(make: new (b: ArrayBuffer, at: number, n: number) => T, size: number, n: number, scratch: DocScratch | undefined, slot: number): T {
  if (!scratch) return new make(new ArrayBuffer(n * size), 0, n);
  let b = scratch.buffers[slot];
  if (!b || b.byteLength < n * size) scratch.buffers[slot] = b = new ArrayBuffer(Math.ceil(n * 1.25) * size);
  const a = new make(b, 0, n);
  a.fill(0);
  return a;
}

/** Options of {@link createDoc}. */
export interface DocOptions {
  /** Objects to reuse from an earlier document of the same caller (the tokens come from its pool). */
  readonly scratch?: DocScratch;
  /** Tokens of `text` when the caller already has them (`tokenize(text)`). */
  readonly tokens?: readonly Token[];
  /** A vocabulary whose ids the document should share (e.g. compiled patterns); the document extends a child. */
  readonly vocab?: Vocab;
}

const KIND_CODE: Readonly<Record<string, number>> = KIND;

function isUpperStart(s: string): boolean {
  const c = s.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c < 0xc0) return false;
  if (c >= 0xd800 && c <= 0xdbff) return /^\p{Lu}/u.test(s);
  const ch = s.charAt(0);
  return ch !== ch.toLowerCase() && /^\p{Lu}/u.test(ch);
}

function isAllUpper(s: string): boolean {
  return s !== s.toLowerCase() && s === s.toUpperCase();
}

/** Counts line breaks in text[a, b) (CR LF counts once). */
function breaksIn(text: string, a: number, b: number): number {
  let k = 0;
  for (let p = a; p < b; p++) {
    const c = text.charCodeAt(p);
    if (c === 10) k++;
    else if (c === 13) {
      if (text.charCodeAt(p + 1) !== 10) k++;
    } else if (c === 0x2028 || c === 0x2029) k++;
  }
  return k;
}

/**
 * Builds the document model of `text` in one linear pass over its tokens (each distinct token text is folded
 * once). Layers are added by the pipeline (`runPipeline`); `createDoc` itself only tokenises.
 *
 * @example
 * ```ts
 * const doc = createDoc('Huyện uỷ Quảng Trạch\nhọp ngày 09-7.');
 * doc.keys;                       // ['huyện', 'ủy', 'quảng', 'trạch', 'họp', 'ngày', '09-7', '.']
 * doc.line[4];                    // 1
 * doc.text.slice(doc.start[2], doc.end[3]); // 'Quảng Trạch'
 * ```
 */
export function createDoc(text: string, options: DocOptions = {}): Doc {
  const tokens = options.tokens ?? (options.scratch ? tokenizeInto(text, options.scratch.tokens) : tokenize(text));
  const n = tokens.length;
  const vocab = options.vocab ? options.vocab.child() : createVocab();
  const sc = options.scratch;
  const start = typed(Int32Array, 4, n, sc, 0);
  const end = typed(Int32Array, 4, n, sc, 1);
  const kind = typed(Uint8Array, 1, n, sc, 2);
  const key = typed(Int32Array, 4, n, sc, 3);
  const keys = sc ? sc.keys : new Array<string>(n);
  keys.length = n;
  const cap = typed(Uint8Array, 1, n, sc, 4);
  const upper = typed(Uint8Array, 1, n, sc, 5);
  const brk = typed(Uint8Array, 1, n, sc, 6);
  const line = typed(Int32Array, 4, n, sc, 7);
  const para = typed(Int32Array, 4, n, sc, 8);
  const firsts: number[] = [];
  const fold = sc ? sc.fold : createFoldCache();
  let lineId = -1;
  let paraId = 0;
  let prevEnd = 0;
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    const s = t.text;
    start[i] = t.start;
    end[i] = t.end;
    kind[i] = KIND_CODE[t.kind] ?? KIND.other;
    const k = fold(s);
    keys[i] = k;
    key[i] = vocab.intern(k);
    cap[i] = isUpperStart(s) ? 1 : 0;
    upper[i] = isAllUpper(s) ? 1 : 0;
    const breaks = i === 0 ? 0 : breaksIn(text, prevEnd, t.start);
    if (i === 0 || breaks > 0) {
      brk[i] = 1;
      lineId++;
      firsts.push(i);
      if (breaks >= 2) paraId++;
    }
    line[i] = lineId;
    para[i] = paraId;
    prevEnd = t.end;
  }
  const lineCount = firsts.length;
  const lineFirst = new Int32Array(lineCount + 1);
  for (let l = 0; l < lineCount; l++) lineFirst[l] = firsts[l]!;
  lineFirst[lineCount] = n;
  return { text, n, tokens, start, end, kind, key, keys, cap, upper, brk, line, para, lineFirst, lineCount, vocab, layers: {}, ran: new Set(), scratch: options.scratch };
}

/**
 * The first token after the line of token `i` (an exclusive limit for matches that must stay on one line).
 *
 * @example
 * ```ts
 * const doc = createDoc('a b\nc');
 * lineEndOf(doc, 0); // 2
 * ```
 */
export function lineEndOf(doc: Doc, i: number): number {
  return doc.lineFirst[doc.line[i]! + 1]!;
}

/** Index of the first token whose end is after `offset` (n when none); binary search. */
function firstEndingAfter(doc: Doc, offset: number): number {
  let lo = 0;
  let hi = doc.n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (doc.end[mid]! <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The token range `[from, to)` of the tokens that overlap the characters `[start, end)`; `from === to` when none.
 *
 * @example
 * ```ts
 * const doc = createDoc('xã Tân Gianh');
 * tokenRange(doc, 3, 12); // [1, 3]
 * ```
 */
export function tokenRange(doc: Doc, start: number, end: number): [number, number] {
  const from = firstEndingAfter(doc, start);
  let to = from;
  while (to < doc.n && doc.start[to]! < end) to++;
  return [from, to];
}

/**
 * The span of tokens `[from, to)` (character offsets from the first token's start to the last token's end).
 *
 * @example
 * ```ts
 * const doc = createDoc('xã Tân Gianh');
 * spanOf(doc, 1, 3).text; // 'Tân Gianh'
 * ```
 */
export function spanOf(doc: Doc, from: number, to: number): DocSpan {
  if (to <= from) {
    const at = from < doc.n ? doc.start[from]! : doc.text.length;
    return { text: '', start: at, end: at, from, to: from };
  }
  const start = doc.start[from]!;
  const end = doc.end[to - 1]!;
  return { text: doc.text.slice(start, end), start, end, from, to };
}
