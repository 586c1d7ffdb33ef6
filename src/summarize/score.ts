import type { Entity, Sentence, Word } from '../types.js';
import { featurize, type FeatureRows } from './features.js';
import { defaultModel, scoreRows, type SummaryModel } from './model.js';
import { buildDocument, type SummaryDocument, type WordTokens } from './rank.js';

/** What {@link scoreSentences} needs: the text and its already computed layers. */
export interface ScoreInput {
  readonly text: string;
  /** `splitSentences(text)`. */
  readonly sentences: readonly Sentence[];
  /** `segment(text)`. */
  readonly words: readonly Word[];
  /** `tagEntities(text)` when the caller has it. Not needed: the scorer's entity-like counts (names, titles of
   * officials, dates, units) come from the words so that `summarize` never runs the tagger. */
  readonly entities?: readonly Entity[];
  /** The document's tokens behind the words (see `SummaryParts.tokens`); optional, the same scores without. */
  readonly tokens?: WordTokens;
  /** Another model (training and evaluation scripts); default: the shipped one. */
  readonly model?: SummaryModel;
}

export interface SentenceScores {
  readonly doc: SummaryDocument;
  readonly rows: FeatureRows;
  /** Document type used by the model: 0 news … 1 report. */
  readonly docType: number;
  /** Score of each body sentence (`doc.candidates[r]`), higher = more summary-worthy. */
  readonly scores: Float64Array;
  readonly model: SummaryModel;
}

/** Document type: the share of body sentences with figures (reportness). */
export const documentType = (doc: SummaryDocument): number => doc.reportness;

/**
 * Scores every body sentence with the learned model, from layers the caller has already computed (nothing is
 * split, segmented or tagged again). Linear in the text length.
 * @example
 * ```ts
 * const sentences = splitSentences(text);
 * const { doc, scores } = scoreSentences({ text, sentences, words: segment(text) });
 * doc.candidates.map((c, r) => [c.index, scores[r]]); // sentence index → score
 * ```
 */
export function scoreSentences(input: ScoreInput): SentenceScores {
  const model = input.model ?? defaultModel();
  const doc = buildDocument(input.text, { sentences: input.sentences, words: input.words, ...(input.tokens && { tokens: input.tokens }) });
  const rows = featurize(input.text, doc);
  const docType = documentType(doc);
  return { doc, rows, docType, scores: scoreRows(model, rows, docType), model };
}
