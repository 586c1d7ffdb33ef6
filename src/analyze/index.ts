import { assertText, checkOptions } from '../errors.js';
import { splitSentences } from '../sentences/index.js';
import { segment } from '../segment/index.js';
import { tagSegmented } from '../pos/index.js';
import { tagEntities } from '../entities/index.js';
import { officialsFromEntities } from '../entities/officials.js';
import { summarize, summarizeParts, type Summary, type SummarizeOptions } from '../summarize/index.js';
import { detectLanguage, type LanguageCheck } from '../text/language.js';
import type { Entity, Official, Sentence, Word } from '../types.js';

export interface AnalyzeOptions {
  /** Options passed to `summarize` (default: its own length rule). */
  summary?: SummarizeOptions;
}

/** Everything vietnlp knows about one text, all spans into the text as given. */
export interface Analysis {
  readonly text: string;
  readonly language: LanguageCheck;
  readonly sentences: Sentence[];
  readonly words: Word[];
  readonly entities: Entity[];
  readonly officials: Official[];
  readonly summary: Summary;
}

/**
 * Runs the whole pipeline (language check, sentences, words with part-of-speech tags, entities, officials, summary) on one text.
 * Non-Vietnamese text is processed too and flagged in `language`.
 *
 * @example
 * ```ts
 * const a = analyze('Ngày 09-7, Huyện ủy Quảng Trạch tổ chức hội nghị lần thứ 25.');
 * a.entities.map((e) => `${e.type}:${e.text}`); // ['DATE:09-7', 'ORGANIZATION:Huyện ủy Quảng Trạch', …]
 * ```
 */
export function analyze(text: string, options?: AnalyzeOptions): Analysis {
  assertText(text, 'analyze');
  const opts = checkOptions<AnalyzeOptions>(options, 'analyze', ['summary']);
  // Each layer runs once; the officials and the summary reuse the sentences, words and entities.
  const sentences = splitSentences(text);
  const words = tagSegmented(text, segment(text)); // with upos/xpos
  const entities = tagEntities(text);
  return {
    text,
    language: detectLanguage(text),
    sentences,
    words,
    entities,
    officials: officialsFromEntities(text, entities),
    summary: sentences.length ? summarizeParts(text, { sentences, words, entities }, opts.summary) : summarize(text, opts.summary),
  };
}
