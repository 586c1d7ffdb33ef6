import { assertText, checkOptions, describe, VietNlpError } from '../errors.js';
import type { Doc } from '../doc/index.js';
import type { Component } from '../doc/pipeline.js';
import { plainSentence, sentenceSpans } from '../sentences/index.js';
import { segmentTokens } from '../segment/index.js';
import { tokenize } from '../text/tokens.js';
import type { SummaryParts } from './rank.js';
import { scoreSentences } from './score.js';
import { pickSentences, type SummaryModel } from './model.js';

export { classifySentences, type SentenceLayout, type SentenceRole } from './roles.js';
export { extractReport } from './report.js';
export { scoreSentences, type ScoreInput, type SentenceScores } from './score.js';
export type { Report, ReportField, ReportMeeting, ReportPerson, ReportResult, ReportTask, ReportPlace, ReportValue } from './report.js';

/** Options of {@link summarize}. Give at most one of `sentences` and `ratio`. */
export interface SummarizeOptions {
  /** How many sentences to pick: an integer from 1 to 10,000 (fewer when the text has fewer body sentences). */
  sentences?: number;
  /** Or a share of the body sentences: a number greater than 0 and at most 1 (rounded, at least 1 sentence). */
  ratio?: number;
}
export interface SummarySentence { index: number; text: string; start: number; end: number; score: number }
export interface Summary { sentences: SummarySentence[]; text: string }

/** Upper bound of the `sentences` option. */
export const MAX_SUMMARY_SENTENCES = 10_000;

/**
 * Default summary length for `n` body sentences: 5 for a typical report (13–60 sentences, 300–3,000 words),
 * growing slowly to 8 for long texts, never more than the text has.
 */
export function defaultLength(n: number): number {
  return Math.min(n, Math.max(5, Math.min(8, Math.round(n / 12))));
}

function resolveLength(opts: Partial<SummarizeOptions>, nBody: number): number {
  const hasS = opts.sentences !== undefined;
  const hasR = opts.ratio !== undefined;
  if (hasS && hasR) {
    throw new VietNlpError(
      'E_OPTION_VALUE',
      `summarize: give either option sentences (${describe(opts.sentences)}) or option ratio (${describe(opts.ratio)}), not both`,
      { fn: 'summarize', option: 'sentences', value: opts.sentences, ratio: opts.ratio },
    );
  }
  if (hasS) {
    const v = opts.sentences;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > MAX_SUMMARY_SENTENCES) {
      throw new VietNlpError(
        'E_OPTION_VALUE',
        `summarize: option sentences must be an integer from 1 to ${MAX_SUMMARY_SENTENCES}, got ${describe(v)}`,
        { fn: 'summarize', option: 'sentences', value: v, min: 1, max: MAX_SUMMARY_SENTENCES },
      );
    }
    return Math.min(v, nBody);
  }
  if (hasR) {
    const v = opts.ratio;
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0 || v > 1) {
      throw new VietNlpError(
        'E_OPTION_VALUE',
        `summarize: option ratio must be a number greater than 0 and at most 1, got ${describe(v)}`,
        { fn: 'summarize', option: 'ratio', value: v, min: 0, max: 1 },
      );
    }
    return Math.min(nBody, Math.max(1, Math.round(v * nBody)));
  }
  return defaultLength(nBody);
}

/**
 * Summarises already analysed text (used by `analyze` to avoid splitting and segmenting twice). Options are
 * validated as in {@link summarize}. `model` is for training and evaluation scripts only.
 * @internal
 */
export function summarizeParts(text: string, parts: SummaryParts, options?: SummarizeOptions, model?: SummaryModel): Summary {
  const opts = checkOptions<SummarizeOptions>(options, 'summarize', ['sentences', 'ratio']);
  const { doc, rows, scores, docType, model: m } = scoreSentences({ text, sentences: parts.sentences, words: parts.words, ...(parts.tokens && { tokens: parts.tokens }), ...(model && { model }) });
  const k = resolveLength(opts, doc.candidates.length);
  const picked = pickSentences(m, doc, rows, docType, k, scores);
  const sentences = picked
    .map(({ cand, score }) => {
      const s = doc.sentences[cand.index]!;
      return { index: cand.index, text: s.text, start: s.start, end: s.end, score: Math.round(score * 1e4) / 1e4 };
    })
    .sort((a, b) => a.index - b.index);
  return { sentences, text: sentences.map((s) => s.text).join(' ') };
}

/**
 * Extractive summary: picks whole sentences and returns them in document order, each with its `index` into
 * `splitSentences(text)`, its offsets into `text` and its `score`.
 *
 * How: headlines, subtitles, photo captions, subheadings and bylines are set aside by their layout (unpunctuated
 * lines at the start, short ones elsewhere, `Ảnh: …` credits, short unpunctuated headings run into a line). Body
 * sentences are scored by a linear model learned from 36,000 news articles and the report gold sets (see
 * dictionaries/summarize/MODEL.md): position, length, headline similarity, LexRank and centroid centrality over
 * TF-IDF vectors of segmented words, novelty, the slots of a report summary (meeting, chair, results, tasks ahead,
 * elected), entity-like counts and opening words, with a report stage weighted by the document type. Selection is
 * greedy with redundancy control (MMR) and, on reports, a bonus for slots not yet covered; from the fourth pick on,
 * every text is scored and selected as a report. {@link scoreSentences} gives the scores on precomputed layers.
 *
 * Length: `sentences` (integer 1–10,000) or `ratio` (0 < ratio ≤ 1 of the body sentences), not both; by default 5
 * sentences (up to 8 for long texts). Empty text gives an empty summary.
 *
 * @example
 * ```ts
 * import { summarize } from 'vietnlp';
 * const s = summarize(reportText, { sentences: 3 });
 * s.sentences.map((x) => x.index); // e.g. [1, 6, 17], in document order
 * s.text;                          // the picked sentences joined by spaces
 * ```
 */
export function summarize(text: string, options?: SummarizeOptions): Summary {
  assertText(text, 'summarize');
  checkOptions<SummarizeOptions>(options, 'summarize', ['sentences', 'ratio']);
  // The sentences and words from one tokenisation, without building a Doc (its token arrays and folded keys cost
  // about as much as segmenting, and the summary needs only these two layers): the same layers as the pipeline's
  // sentences and words components, and the same summary as the summary component gives inside `analyze`.
  const tokens = tokenize(text);
  const spans = sentenceSpans(text, tokens);
  if (!spans.length) {
    resolveLength(checkOptions<SummarizeOptions>(options, 'summarize', ['sentences', 'ratio']), 0);
    return { sentences: [], text: '' };
  }
  return summarizeParts(text, { sentences: spans.map(plainSentence), words: segmentTokens(text, tokens) }, options);
}

/**
 * The summary component: `doc.layers.summary` from the sentences and words (and the entities when an earlier
 * component added them). Options are validated as in {@link summarize}, also when there is nothing to pick.
 *
 * @example
 * ```ts
 * runPipeline(createDoc(text), { sentences: sentencesComponent, words: wordsComponent(), summary: summaryComponent({ sentences: 3 }) }, ['summary']);
 * ```
 */
export function summaryComponent(options?: SummarizeOptions): Component {
  return {
    name: 'summary',
    needs: ['sentences', 'words'],
    run(doc: Doc): void {
      const spans = doc.layers.sentences ?? [];
      if (!spans.length) {
        resolveLength(checkOptions<SummarizeOptions>(options, 'summarize', ['sentences', 'ratio']), 0);
        doc.layers.summary = { sentences: [], text: '' };
        return;
      }
      const sentences = spans.map(plainSentence);
      const words = doc.layers.words ?? [];
      const wordFrom = doc.layers.wordFrom;
      // The features come from the sentences and words only (the same whichever pipeline ran before: see MODEL.md).
      doc.layers.summary = summarizeParts(doc.text, { sentences, words, ...(wordFrom && { tokens: { keys: doc.keys, key: doc.key, wordFrom } }) }, options);
    },
  };
}
