// The learned sentence scorer: a linear model over the features of ./features.ts, trained by
// `npm run train:summary` (scripts/train-summary.ts) and shipped as dictionaries/compiled/summary-model.json.
// See dictionaries/summarize/MODEL.md for the data, the protocol and the figures.
import { loadJson } from '../data/load.js';
import { VietNlpError } from '../errors.js';
import { DENSE_FEATURES, DENSE_SIZE, HASH_BUCKETS, type FeatureRows } from './features.js';
import { selectByScores, type Candidate, type SummaryDocument } from './rank.js';

/** Selection parameters, in score units: MMR redundancy on news and on reports, and the bonus for a report slot not
 * yet covered. Mixed by the document type t: redundancy (1 − t)·redundancy + t·reportRedundancy, slot bonus t·slots. */
export interface SelectionParams {
  readonly redundancy: number;
  readonly reportRedundancy: number;
  readonly slots: number;
  /** From this pick on (0 or absent: never), every document is scored and selected as a report (type 1): the
   * opening picks follow the document's own type, later ones add what a report summary covers. */
  readonly lateFrom?: number;
}

/** The selection parameters for a document of type `docType` (0 news … 1 report). */
export function selectionFor(m: SummaryModel, docType: number): { redundancy: number; slots: number } {
  const s = m.select;
  return { redundancy: (1 - docType) * s.redundancy + docType * s.reportRedundancy, slots: docType * s.slots };
}

/** Weights of the scorer: `score = (1 + gate·newsScale)·(news·x + Σ lexical[h]) + gate·report·x`, with
 * `gate = floor + (1 − floor)·type` and `type` the document type (0 news … 1 report). */
export interface SummaryModel {
  readonly version: 1;
  readonly features: readonly string[];
  readonly hashBuckets: number;
  readonly news: { readonly dense: readonly number[]; readonly lexical: readonly number[] };
  /** Residual weights on the dense features, learned from gold extracts, applied with the gate
   * floor + (1 − floor)·type: fully on reports, by `floor` on news stories. `maxFloor`: the training cap on the floor
   * (set by news articles; kept so that evaluation scripts retrain the report stage the same way). */
  readonly report: { readonly dense: readonly number[]; readonly floor: number; readonly newsScale: number; readonly maxFloor?: number };
  readonly select: SelectionParams;
}

export const MODEL_FILE = 'summary-model.json';

/** Checks that a model matches the features this code computes (a stale model file is a packaging error). */
export function checkModel(m: SummaryModel): SummaryModel {
  const ok = m && m.version === 1 && m.hashBuckets === HASH_BUCKETS && m.features.length === DENSE_SIZE && m.features.every((f, i) => f === DENSE_FEATURES[i])
    && m.news.dense.length === DENSE_SIZE && m.news.lexical.length === HASH_BUCKETS && m.report.dense.length === DENSE_SIZE && m.report.floor >= 0 && m.report.floor <= 1 && Number.isFinite(m.report.newsScale);
  if (!ok) throw new VietNlpError('E_DATA_MISSING', `vietnlp: ${MODEL_FILE} does not match the summariser's features; run "npm run train:summary"`);
  return m;
}

/** The shipped model (read once). */
export function defaultModel(): SummaryModel {
  return checkModel(loadJson<SummaryModel>(MODEL_FILE));
}

/** Weight of the report residual for a document of type `docType`. */
export const reportGate = (m: SummaryModel, docType: number): number => m.report.floor + (1 - m.report.floor) * docType;

/** Linear score of every row; `docType` in [0, 1]. */
export function scoreRows(m: SummaryModel, rows: FeatureRows, docType: number): Float64Array {
  const out = new Float64Array(rows.dense.length);
  const wn = m.news.dense, wr = m.report.dense, wl = m.news.lexical;
  const gate = reportGate(m, docType);
  const scale = 1 + gate * m.report.newsScale;
  for (let r = 0; r < out.length; r++) {
    const x = rows.dense[r]!;
    let sn = 0, sr = 0;
    for (let j = 0; j < x.length; j++) if (x[j]) { sn += x[j]! * wn[j]!; sr += x[j]! * wr[j]!; }
    for (const h of rows.hashed[r]!) sn += wl[h]!;
    out[r] = scale * sn + gate * sr;
  }
  return out;
}

/**
 * The model's picks: `k` body sentences of `doc` (in pick order, with their scores), by {@link selectByScores} over
 * {@link scoreRows}; with `select.lateFrom`, picks from that step on are made as on a report. `scores`: the rows'
 * scores when the caller has them.
 */
export function pickSentences(m: SummaryModel, doc: SummaryDocument, rows: FeatureRows, docType: number, k: number, scores = scoreRows(m, rows, docType)): Array<{ cand: Candidate; score: number }> {
  const from = m.select.lateFrom ?? 0;
  const late = from > 0 && k > from && docType < 1 ? { from, base: scoreRows(m, rows, 1), ...selectionFor(m, 1) } : undefined;
  return selectByScores(doc, k, scores, selectionFor(m, docType), late);
}
