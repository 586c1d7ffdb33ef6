// Part-of-speech tagging: the words of `segment` get a Universal POS tag (`upos`) and the UD Vietnamese-VTB
// treebank's own tag (`xpos`: N, Nc, V, Adj, Adv, Pre, Pro, Num, NNP, SC, CC, Det, AUX, Ny, Nu, Nb, Prt, X and the
// punctuation tags). A hashed-feature averaged perceptron, greedy left-to-right with the two previous tags; the
// model (dictionaries/compiled/pos-model.txt.gz, CC BY-SA 4.0, see dictionaries/pos/MODEL.md) and the dictionary
// classes (pos-dict.txt.gz) and word clusters (pos-clusters.txt.gz) are read on the first tagging call only, so `segment` alone never loads them.

import { assertText, checkOptions, describe, VietNlpError } from '../errors.js';
import { loadData } from '../data/load.js';
import { createSegmenter, LEXICON_FILE, type Segmenter } from '../segment/index.js';
import { hasNewline } from '../segment/features.js';
import { parseLexicon, type Lexicon } from '../segment/lexicon.js';
import type { Word } from '../types.js';
import { parsePosClusters, parsePosDict, type PosExtra } from './features.js';
import { decodePosModel, type PosLabel, type PosModel } from './model.js';
import { createTypeTable, lookupTypes, tagTypes, type TypeTable } from './table.js';

export const POS_MODEL_FILE = 'pos-model.txt.gz';
export const POS_DICT_FILE = 'pos-dict.txt.gz';
export const POS_CLUSTER_FILE = 'pos-clusters.txt.gz';

/** Universal POS tags (UD v2). */
export type UposTag =
  | 'ADJ' | 'ADP' | 'ADV' | 'AUX' | 'CCONJ' | 'DET' | 'INTJ' | 'NOUN' | 'NUM' | 'PART' | 'PRON' | 'PROPN' | 'PUNCT' | 'SCONJ' | 'SYM' | 'VERB' | 'X';

/** The two tags of one word. */
export interface PosTag {
  readonly upos: UposTag;
  /** The UD Vietnamese-VTB (train) XPOS tag: N, Nc, Nu, Nb, Ny, NNP, V, Adj, Adv, Pre, Pro, Num, Det, SC, CC, AUX, Prt, X, `,`, `.`, `` ` ` ``… */
  readonly xpos: string;
}

/** A word given as a string, with its tags (`posTag(words)`). */
export interface TaggedToken extends PosTag {
  readonly text: string;
}

/** A word of `segment` with its tags (`posTag(text)`). */
export interface TaggedWord extends Word {
  readonly upos: UposTag;
  readonly xpos: string;
}

export interface PosTagOptions {
  /** Extra words that are always one word (as `segment`'s option). */
  dictionary?: Iterable<string>;
}

/** A tagger instance: its own segmenter (user dictionary) and scratch buffers; the model is shared read-only. */
export interface PosTagger {
  /** Segments and tags a text, or tags already segmented words (same length and order). */
  posTag(text: string): TaggedWord[];
  posTag(words: readonly string[]): TaggedToken[];
  /** Tags already segmented words (same length and order): the pipeline component. */
  tagWords(words: readonly string[]): PosTag[];
  /** Tags the words `segment(text)` returned for `text` (line breaks between words restart the context). */
  tagSegmented(text: string, words: readonly Word[]): TaggedWord[];
}

interface Resources { model: PosModel; lex: Lexicon; dict: Map<number, number>; extra: PosExtra }
function resources(): Resources {
  return {
    model: loadData(POS_MODEL_FILE, decodePosModel),
    lex: loadData(LEXICON_FILE, parseLexicon),
    dict: loadData(POS_DICT_FILE, parsePosDict),
    extra: { clusters: loadData(POS_CLUSTER_FILE, parsePosClusters) },
  };
}

const WORD_KEYS = ['text', 'start', 'end', 'kind'];

/**
 * `{ ...w, upos, xpos }`. A word as `segment` makes it (own keys text, start, end, kind in this order) is copied
 * field by field, several times faster than the spread; any other object is spread.
 */
function withTags(w: Word, upos: UposTag, xpos: string): TaggedWord {
  let k = 0;
  for (const key in w) {
    if (key !== WORD_KEYS[k]) return { ...w, upos, xpos };
    k++;
  }
  if (k !== 4 || Object.getOwnPropertySymbols(w).length !== 0) return { ...w, upos, xpos };
  return { text: w.text, start: w.start, end: w.end, kind: w.kind, upos, xpos };
}

function checkWords(words: unknown, fn: string): asserts words is readonly string[] {
  if (!Array.isArray(words)) throw new VietNlpError('E_INPUT_TYPE', `${fn}(words): expected an array of strings, got ${describe(words)}`, { fn, value: words });
  for (let i = 0; i < words.length; i++) {
    if (typeof words[i] !== 'string') {
      throw new VietNlpError('E_INPUT_TYPE', `${fn}(words): every word must be a string, got ${describe(words[i])} at index ${i}`, { fn, index: i });
    }
  }
}

/**
 * Creates a part-of-speech tagger. The model is loaded on its first call (once per process, shared read-only);
 * the instance keeps its own word cache and buffers, so instances share no mutable state.
 *
 * @example
 * ```ts
 * const tagger = createPosTagger();
 * tagger.tagWords(['Tôi', 'nhớ', 'lời', 'anh']).map((t) => t.upos); // ['PRON', 'VERB', 'NOUN', 'NOUN']
 * ```
 */
export function createPosTagger(options?: PosTagOptions): PosTagger {
  const opts = checkOptions<PosTagOptions>(options, 'createPosTagger', ['dictionary']);
  let seg: Segmenter | undefined;
  const segmenter = (): Segmenter => (seg ??= createSegmenter(opts.dictionary === undefined ? undefined : { dictionary: opts.dictionary }));
  if (opts.dictionary !== undefined) segmenter(); // validates the dictionary now
  let table: TypeTable | undefined;
  let scores: Int32Array | undefined;
  // Buffers reused across calls (grown when a longer word sequence comes).
  let tid = new Int32Array(64);
  let starts = new Uint8Array(64);
  let out = new Uint8Array(64);
  /** Label indexes of the words in `out` (valid up to words.length until the next call). */
  const label = (words: readonly string[], breakBefore?: (i: number) => boolean): { labels: readonly PosLabel[]; out: Uint8Array } => {
    const n = words.length;
    if (table === undefined) {
      const { model, lex, dict, extra } = resources();
      table = createTypeTable(model, lex, dict, extra);
      scores = new Int32Array(model.labels.length);
    }
    if (out.length < n) {
      const cap = Math.max(n, out.length * 2);
      tid = new Int32Array(cap);
      starts = new Uint8Array(cap);
      out = new Uint8Array(cap);
    }
    lookupTypes(table, words, tid, starts, breakBefore);
    tagTypes(table, tid, starts, n, scores!, out);
    return { labels: table.model.labels, out };
  };
  const run = (words: readonly string[]): PosTag[] => {
    const { labels, out } = label(words);
    const tags = new Array<PosTag>(words.length);
    for (let i = 0; i < words.length; i++) tags[i] = labels[out[i]!] as PosTag;
    return tags;
  };
  const tagSegmented = (text: string, words: readonly Word[]): TaggedWord[] => {
    const n = words.length;
    const texts = new Array<string>(n);
    for (let i = 0; i < n; i++) texts[i] = words[i]!.text;
    const { labels, out } = label(texts, (i) => hasNewline(text, words[i - 1]!.end, words[i]!.start));
    const tagged = new Array<TaggedWord>(n);
    for (let i = 0; i < n; i++) {
      const l = labels[out[i]!]!;
      tagged[i] = withTags(words[i]!, l.upos as UposTag, l.xpos);
    }
    return tagged;
  };
  function posTag(text: string): TaggedWord[];
  function posTag(words: readonly string[]): TaggedToken[];
  function posTag(input: string | readonly string[]): TaggedWord[] | TaggedToken[] {
    if (typeof input === 'string') return tagSegmented(input, segmenter().segment(input));
    checkWords(input, 'posTag');
    const tags = run(input);
    return input.map((text, i) => ({ text, upos: tags[i]!.upos, xpos: tags[i]!.xpos }));
  }
  return {
    posTag,
    tagWords(words: readonly string[]): PosTag[] {
      checkWords(words, 'tagWords');
      return run(words);
    },
    tagSegmented(text: string, words: readonly Word[]): TaggedWord[] {
      assertText(text, 'tagSegmented');
      if (!Array.isArray(words)) throw new VietNlpError('E_INPUT_TYPE', `tagSegmented(text, words): words must be the array returned by segment(text), got ${describe(words)}`);
      return tagSegmented(text, words);
    },
  };
}

let defaultTagger: PosTagger | undefined;
function getDefault(): PosTagger {
  return (defaultTagger ??= createPosTagger());
}

/**
 * Part-of-speech tags. Given a text: the words of `segment(text)`, each with `upos` (Universal POS) and `xpos`
 * (the UD Vietnamese-VTB tag). Given an array of words (already segmented; the syllables of a word separated by
 * spaces, as `segment` gives them): one `{ text, upos, xpos }` per word, same length and order.
 *
 * @example
 * ```ts
 * posTag('Huyện ủy Quảng Trạch triển khai nghị quyết.').map((w) => `${w.text}/${w.xpos}`);
 * // ['Huyện ủy/N', 'Quảng Trạch/NNP', 'triển khai/V', 'nghị quyết/N', './.']
 * posTag(['Tôi', 'nhớ']).map((t) => t.upos); // ['PRON', 'VERB']
 * ```
 */
export function posTag(text: string, options?: PosTagOptions): TaggedWord[];
export function posTag(words: readonly string[], options?: PosTagOptions): TaggedToken[];
export function posTag(input: string | readonly string[], options?: PosTagOptions): TaggedWord[] | TaggedToken[] {
  if (typeof input !== 'string' && !Array.isArray(input)) {
    throw new VietNlpError('E_INPUT_TYPE', `posTag(input): expected a string or an array of word strings, got ${describe(input)}`, { fn: 'posTag', value: input });
  }
  const opts = checkOptions<PosTagOptions>(options, 'posTag', ['dictionary']);
  const tagger = opts.dictionary === undefined ? getDefault() : createPosTagger({ dictionary: opts.dictionary });
  return typeof input === 'string' ? tagger.posTag(input) : tagger.posTag(input as readonly string[]);
}

/**
 * Tags already segmented words with the default tagger (same length and order): the component the document
 * pipeline calls after words. Loads the model on first use.
 *
 * @example
 * ```ts
 * tagWords(['Ban Chấp hành', 'họp']); // [{ upos: 'NOUN', xpos: 'N' }, { upos: 'VERB', xpos: 'V' }]
 * ```
 */
export function tagWords(words: readonly string[]): PosTag[] {
  return getDefault().tagWords(words);
}

/**
 * The words of `segment(text)` with their tags (what `analyze` uses; no second segmentation).
 *
 * @example
 * ```ts
 * const words = segment(text);
 * tagSegmented(text, words)[0]!.upos; // e.g. 'NOUN'
 * ```
 */
export function tagSegmented(text: string, words: readonly Word[]): TaggedWord[] {
  return getDefault().tagSegmented(text, words);
}

