import { assertText, checkOptions } from '../errors.js';
import { createDoc } from '../doc/index.js';
import { runPipeline, type Components } from '../doc/pipeline.js';
import { layoutComponent } from '../doc/layout.js';
import { plainSentence, sentencesComponent } from '../sentences/index.js';
import { wordsComponent } from '../segment/index.js';
import { entitiesAndOfficials, entityComponents, pieceBounds } from '../entities/index.js';
import { casedShadow } from '../entities/casing.js';
import { summaryComponent, type Summary, type SummarizeOptions } from '../summarize/index.js';
import { tagSegmented } from '../pos/index.js';
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
 * Runs the whole pipeline (language check, sentences, words, entities, officials, summary) on one text.
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
  const summary = summaryComponent(opts.summary);
  const doc = createDoc(text);
  // Text with lower-case or capital stretches, or longer than one piece: the entity layers run as tagEntities and
  // extractOfficials run them (truecased shadow, src/entities/casing.ts; piece by piece, pieceBounds), so the
  // entities are the same; the summary reads them; sentences, words and the summary run on the text as given.
  // Short mixed-case text (the shadow is the text itself, one piece) is one run of everything.
  const shadow = casedShadow(text);
  if (shadow === text && pieceBounds(text).length === 1) runPipeline(doc, { ...BASE, summary }, ['officials', 'summary']);
  else {
    const layer = entitiesAndOfficials(text, shadow);
    doc.layers.entities = layer.entities;
    doc.layers.officials = layer.officials;
    runPipeline(doc, { ...BASE, summary }, ['sentences', 'words', 'summary']);
  }
  const { layers } = doc;
  return {
    text,
    language: detectLanguage(text),
    sentences: layers.sentences!.map(plainSentence),
    words: tagSegmented(text, layers.words as Word[]), // with upos/xpos
    entities: layers.entities as Entity[],
    officials: layers.officials as Official[],
    summary: layers.summary!,
  };
}

/** The components of every layer but the summary (whose options vary per call), with the default instances. */
const BASE: Components = { layout: layoutComponent, sentences: sentencesComponent, words: wordsComponent(), ...entityComponents() };
