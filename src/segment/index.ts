// Word segmentation: tokens (src/text/tokens.ts) are joined into words by a hashed-feature averaged perceptron
// that decides, for every gap between two tokens, "inside a word" or "word boundary". Features: folded syllable
// n-grams, casing shapes, token kinds, lexicon matches (Viet74K + our domain list + administrative unit names:
// longest match covering/ending/starting here, forward/backward maximum matching), surname/middle-name flags.
// Domain terms (Huyện ủy, Ban Chấp hành), capitalised unit names (Quảng Trạch) and user dictionary words are
// always joined. See dictionaries/segment/MODEL.md.

import { assertText, checkOptions, describe, VietNlpError } from '../errors.js';
import { loadData } from '../data/load.js';
import { scanTokens, tokenize, TOKEN_KINDS, type TokenArrays } from '../text/tokens.js';
import { foldKey } from '../text/tone.js';
import type { Token, Word, WordKind } from '../types.js';
import type { Doc } from '../doc/index.js';
import type { Component } from '../doc/pipeline.js';
import { ADDRESS_WORDS, buildContext, gapScore, InfoTable, MAX_FEATURES, packTokens, SH_TITLE, SH_UPPER, type GapContext, type InfoCache } from './features.js';
import { LEX_USER, LexiconBuilder, parseLexicon, syllableKey, type Lexicon } from './lexicon.js';
import { decodeModel, type SegModel } from './model.js';

export interface SegmentOptions {
  /** Extra words (any case / tone placement) that are always one word. */
  dictionary?: Iterable<string>;
}

/** A segmenter instance: lexicon and model shared, user dictionary compiled once. */
export interface Segmenter {
  /** Segments a text into words. */
  segment(text: string): Word[];
  /** Segments text that the caller already tokenised with `tokenize(text)`. */
  segmentTokens(text: string, tokens: readonly Token[]): Word[];
  /** Segments text from its tokens as parallel arrays (`scanTokens(text)`, or a document of `createDoc`). */
  segmentPacked(text: string, tokens: TokenArrays): Word[];
}

export const LEXICON_FILE = 'lexicon.txt.gz';
export const MODEL_FILE = 'segmenter-model.txt.gz';
/** Inputs longer than this are processed in pieces cut after line breaks. */
const CHUNK = 32_768;

function baseLexicon(): Lexicon {
  return loadData(LEXICON_FILE, parseLexicon);
}
function baseModel(): SegModel {
  return loadData(MODEL_FILE, decodeModel);
}

function userLexicon(dictionary: unknown, fn: string): Lexicon | undefined {
  if (dictionary === undefined) return undefined;
  if (dictionary === null || typeof dictionary === 'string' || typeof (dictionary as Iterable<unknown>)[Symbol.iterator] !== 'function') {
    throw new VietNlpError('E_OPTION_TYPE', `${fn}: option dictionary must be an iterable of strings (e.g. an array), got ${describe(dictionary)}`, { fn, option: 'dictionary' });
  }
  const b = new LexiconBuilder();
  let any = false;
  for (const w of dictionary as Iterable<unknown>) {
    if (typeof w !== 'string') {
      throw new VietNlpError('E_OPTION_TYPE', `${fn}: option dictionary must contain only strings, got ${describe(w)}`, { fn, option: 'dictionary' });
    }
    const toks = tokenize(w.normalize('NFC'));
    if (toks.length < 2) continue; // a single token is always one word already
    b.addFolded(toks.map((t) => syllableKey(t.text)), LEX_USER);
    any = true;
  }
  return any ? b.freeze() : undefined;
}

const TOKEN_KIND: Record<Token['kind'], WordKind> = {
  syllable: 'word', number: 'number', percent: 'number', abbreviation: 'abbreviation', roman: 'number', code: 'abbreviation',
  unit: 'word', url: 'other', email: 'other', punctuation: 'punctuation', symbol: 'symbol', emoji: 'symbol', other: 'other',
};
const ADDRESS = new Set(ADDRESS_WORDS);
/** Word kind of a one-token word, by token kind code. */
const WORD_KIND_OF: readonly WordKind[] = TOKEN_KINDS.map((k) => TOKEN_KIND[k]);
const K_SYLLABLE = 0, K_ABBR = 1, K_ROMAN = 2, K_NUMBER = 3, K_PERCENT = 4, K_CODE = 5;

/**
 * Decides each gap and assembles words, appending to `out` with offsets shifted by `base` (exported for the
 * training script's evaluation).
 * @example
 * ```ts
 * const words = decode(text, tokenize(text), model, lexicon, undefined, new Map(), new Int32Array(MAX_FEATURES));
 * ```
 */
export function decode(
  text: string,
  tokens: readonly Token[] | TokenArrays,
  model: SegModel,
  lex: Lexicon,
  user: Lexicon | undefined,
  cache: InfoCache,
  feats: Int32Array,
  out: Word[] = [],
  base = 0,
): Word[] {
  const toks = packTokens(tokens);
  const n = toks.n;
  if (n === 0) return out;
  const ctx = buildContext(text, toks, lex, user, cache);
  const { mode } = ctx;
  const w = model.weights;
  const mask = model.mask;
  let start = 0;
  for (let i = 1; i <= n; i++) {
    let join = false;
    if (i < n) {
      const m = mode[i]!;
      if (m === 2) join = true;
      else if (m === 1) {
        join = gapScore(ctx, i, mask, w) > 0;
      }
    }
    if (!join) {
      out.push(makeWord(text, toks, ctx, start, i, base));
      start = i;
    }
  }
  return out;
}

function makeWord(text: string, toks: TokenArrays, ctx: GapContext, a: number, b: number, base: number): Word {
  const s = toks.start[a]!;
  const e = toks.end[b - 1]!;
  const kinds = toks.kind;
  const first = kinds[a]!;
  let kind: WordKind;
  if (b - a === 1) {
    kind = WORD_KIND_OF[first]!;
    // A single capitalised syllable after a form of address (chị Lan, ông Thắng) is a name.
    if (first === K_SYLLABLE && ctx.shape[a] === SH_TITLE && a > 0 && ADDRESS.has(foldKey(text.slice(toks.start[a - 1]!, toks.end[a - 1]!)))) kind = 'name';
  } else {
    let syl = 0;
    let title = 0;
    let numeric = 0;
    for (let k = a; k < b; k++) {
      const t = kinds[k]!;
      if (t === K_SYLLABLE) {
        syl++;
        if (ctx.shape[k] === SH_TITLE || ctx.shape[k] === SH_UPPER) title++;
      } else if (t === K_NUMBER || t === K_PERCENT || t === K_ROMAN) numeric++;
    }
    if (syl >= 2 && title === syl && !(ctx.coverFlags[a + 1]! & 2)) kind = 'name';
    else if (first === K_NUMBER || first === K_PERCENT || (syl === 0 && numeric > 0)) kind = 'number';
    else if (syl === 0 && (first === K_ABBR || first === K_CODE)) kind = 'abbreviation';
    else kind = 'word';
  }
  return { text: text.slice(s, e), start: s + base, end: e + base, kind };
}

/**
 * Creates a segmenter. The built-in lexicon and model are loaded once (lazily, shared read-only); the user
 * dictionary is compiled once for this instance and its words are always joined. Instances share no mutable
 * state.
 *
 * @example
 * ```ts
 * const seg = createSegmenter({ dictionary: ['Khu kinh tế Hòn La'] });
 * seg.segment('Khu kinh tế Hòn La phát triển').map((w) => w.text);
 * // ['Khu kinh tế Hòn La', 'phát triển']
 * ```
 */
export function createSegmenter(options?: SegmentOptions): Segmenter {
  const opts = checkOptions<SegmentOptions>(options, 'createSegmenter', ['dictionary']);
  const user = userLexicon(opts.dictionary, 'createSegmenter');
  const cache = new InfoTable();
  const feats = new Int32Array(MAX_FEATURES);
  const run = (text: string, tokens: readonly Token[] | TokenArrays): Word[] => decode(text, tokens, baseModel(), baseLexicon(), user, cache, feats);
  return {
    segment(text: string): Word[] {
      assertText(text, 'segment');
      if (text.length <= CHUNK) return run(text, scanTokens(text));
      // Long input: tokenise and segment piece by piece, cut after line breaks (words never span a line break and
      // the model looks only within a line, so the result is the same; short-lived tokens keep memory low).
      const model = baseModel();
      const lex = baseLexicon();
      const out: Word[] = [];
      let pos = 0;
      while (pos < text.length) {
        let end = pos + CHUNK >= text.length ? -1 : text.indexOf('\n', pos + CHUNK);
        end = end < 0 ? text.length : end + 1;
        const piece = text.slice(pos, end);
        decode(piece, scanTokens(piece), model, lex, user, cache, feats, out, pos);
        pos = end;
      }
      return out;
    },
    segmentTokens(text: string, tokens: readonly Token[]): Word[] {
      assertText(text, 'segmentTokens');
      if (!Array.isArray(tokens)) {
        throw new VietNlpError('E_INPUT_TYPE', `segmentTokens(text, tokens): tokens must be the array returned by tokenize(text), got ${describe(tokens)}`);
      }
      return run(text, tokens);
    },
    segmentPacked(text: string, tokens: TokenArrays): Word[] {
      assertText(text, 'segmentPacked');
      return run(text, tokens);
    },
  };
}

let defaultSegmenter: Segmenter | undefined;
function getDefault(): Segmenter {
  return (defaultSegmenter ??= createSegmenter());
}

/**
 * Splits text into words with exact `[start, end)` offsets. Every non-space character is inside exactly one
 * word; multi-syllable words (`Huyện ủy`, `Quảng Trạch`, `triển khai`) and person names (`Phan Văn Thanh`, kind
 * `'name'`) are one word; numbers, dates, percentages, codes and abbreviations stay single tokens.
 * Kinds: `'name'` marks proper names (capitalised multi-syllable words such as people and places, and a single
 * capitalised syllable after a form of address: `ông Thắng`, `chị Lan`).
 *
 * @example
 * ```ts
 * segment('Huyện ủy Quảng Trạch triển khai Nghị quyết 26-NQ/TW').map((w) => w.text);
 * // ['Huyện ủy', 'Quảng Trạch', 'triển khai', 'Nghị quyết', '26-NQ/TW']
 * ```
 */
export function segment(text: string, options?: SegmentOptions): Word[] {
  assertText(text, 'segment');
  const opts = checkOptions<SegmentOptions>(options, 'segment', ['dictionary']);
  if (opts.dictionary === undefined) return getDefault().segment(text);
  return createSegmenter({ dictionary: opts.dictionary }).segment(text);
}

/**
 * The words component: `doc.layers.words` (the segmenter's words over the document's tokens) and `wordFrom`, the
 * first token of each word. `segmenter` defaults to the shared default instance.
 *
 * @example
 * ```ts
 * const doc = runPipeline(createDoc(text), { words: wordsComponent() }, ['words']);
 * doc.layers.words; // same as segment(text)
 * ```
 */
export function wordsComponent(segmenter?: Segmenter): Component {
  return {
    name: 'words',
    needs: [],
    run(doc: Doc): void {
      const words = (segmenter ?? getDefault()).segmentPacked(doc.text, doc);
      const from = new Int32Array(words.length + 1);
      let t = 0;
      for (let k = 0; k < words.length; k++) {
        const s = words[k]!.start;
        while (t < doc.n && doc.start[t]! < s) t++;
        from[k] = t;
      }
      from[words.length] = doc.n;
      doc.layers.words = words;
      doc.layers.wordFrom = from;
    },
  };
}

/**
 * Segments text that was already tokenised with `tokenize(text)` (saves a second tokenisation).
 *
 * @example
 * ```ts
 * const tokens = tokenize('Ban Chấp hành Đảng bộ');
 * segmentTokens('Ban Chấp hành Đảng bộ', tokens).map((w) => w.text); // ['Ban Chấp hành', 'Đảng bộ']
 * ```
 */
export function segmentTokens(text: string, tokens: readonly Token[]): Word[] {
  return getDefault().segmentTokens(text, tokens);
}

/**
 * The common underscore format: syllables of a word joined by `_`, words separated by one space.
 * `words` defaults to `segment(text)`.
 *
 * @example
 * ```ts
 * toUnderscore('Huyện ủy Quảng Trạch triển khai'); // 'Huyện_ủy Quảng_Trạch triển_khai'
 * ```
 */
export function toUnderscore(text: string, words?: readonly Word[]): string {
  assertText(text, 'toUnderscore');
  const ws = words ?? segment(text);
  let out = '';
  for (let i = 0; i < ws.length; i++) {
    if (i > 0) out += ' ';
    out += ws[i]!.text.replace(/\s+/g, '_');
  }
  return out;
}
