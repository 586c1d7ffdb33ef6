// Stage 2 of the scorer: the report residual (dense weights × document type, gold extracts of the report sets,
// the news model's score as offset) and the selection parameters; leave-one-set-out validation.
import { DENSE_FEATURES, DENSE_SIZE, HASH_BUCKETS } from '../../src/summarize/features.js';
import { pickSentences, scoreRows, type SelectionParams, type SummaryModel } from '../../src/summarize/model.js';
import { centroid, r1, type GoldDoc } from './gold.js';
import { trainPairwise, type TrainDoc } from './sgd.js';

export type NewsWeights = SummaryModel['news'];
const zero = (): number[] => new Array<number>(DENSE_SIZE).fill(0);
export const makeModel = (news: NewsWeights, select: SelectionParams, report: number[] = zero(), floor = 0, newsScale = 0): SummaryModel => ({
  version: 1, features: [...DENSE_FEATURES], hashBuckets: HASH_BUCKETS, news, report: { dense: report, floor, newsScale }, select,
});

/** The summary of a prepared gold document under model `m`, as summarize computes it. */
export function summaryOf(d: GoldDoc, m: SummaryModel, k = d.k): string {
  const picked = pickSentences(m, d.doc, d.rows, d.docType, k);
  return picked.map((p) => p.cand.index).sort((a, b) => a - b).map((i) => d.doc.sentences[i]!.text).join(' ');
}
export const meanR1 = (docs: readonly GoldDoc[], m: SummaryModel): number => docs.reduce((a, d) => a + r1(summaryOf(d, m), d.goldExtract), 0) / Math.max(1, docs.length);

export const REDUNDANCY_GRID = [0, 0.5, 1, 2, 4, 8];
/** Share of the report stage applied to news stories (type 0), chosen on the report sets up to a cap (`maxFloor`) that
 * the news tuning articles set: the gold extracts of news about meetings favour content over the abstract's lead, so a
 * full floor lifts the report sets and costs news ROUGE against abstracts. */
export const FLOOR_GRID = [0, 0.25, 0.5, 1];
export const SLOTS_GRID = [0, 1, 2, 4, 8];
/** Late picks (`select.lateFrom`) and whether the residual is trained on every document (gate 1) or by type:
 * [0, false] is the plain model. Overridable for experiments: SUMMARY_LATE="0:0,3:0,3:1". */
export const LATE_GRID: Array<[number, boolean]> = (process.env.SUMMARY_LATE ?? '0:0,3:0').split(',').map((x) => { const [a, b] = x.split(':'); return [Number(a), b === '1']; });

/** Trains the report residual and picks the selection parameters on `docs` (never on a set scored afterwards). */
/** L2 strengths of the report stage; chosen by an inner leave-one-set-out on the training sets. */
export const L2_GRID = [0.01, 0.1, 0.5];

/**
 * Trains the report stage on `docs`: residual dense weights and a rescaling of the news score (pairwise logistic
 * SGD on the gold extracts), then the selection parameters (in-sample on `docs`). `l2` undefined: chosen by an inner
 * leave-one-set-out over the sets of `docs`. Never sees a set scored afterwards.
 */
export function trainReport(news: NewsWeights, docs: readonly GoldDoc[], newsRedundancy = 0, maxFloor = 0, l2?: number): SummaryModel {
  if (l2 === undefined) l2 = innerL2(news, docs, newsRedundancy, maxFloor);
  const first = makeModel(news, { redundancy: newsRedundancy, reportRedundancy: 0, slots: 0 });
  let best = first, bestR = -1;
  const variants = FLOOR_GRID.filter((f) => f <= maxFloor).flatMap((floor) => LATE_GRID.map(([lateFrom, all]) => ({ floor, lateFrom, all })));
  for (const { floor, lateFrom, all } of variants) {
    const gate = (d: GoldDoc): number => (all ? 1 : floor + (1 - floor) * d.docType);
    const tdocs: TrainDoc[] = docs.filter((d) => d.goldRanks.length).map((d) => {
      const offset = scoreRows(first, d.rows, d.docType);
      return {
        dense: d.rows.dense.map((x, r) => { const v = new Float64Array(DENSE_SIZE + 1); for (let j = 0; j < DENSE_SIZE; j++) v[j] = x[j]! * gate(d); v[DENSE_SIZE] = offset[r]! * gate(d); return v; }),
        gain: d.rows.dense.map((_, r) => (d.goldRanks.includes(r) ? 1 : 0)),
        positive: d.goldRanks,
        offset,
      };
    });
    const rep = trainPairwise(tdocs, { dim: DENSE_SIZE + 1, buckets: 1, epochs: 30, lr: 0.05, negatives: 8, softPairs: 0, minGap: 0, seed: 11, l2 });
    const weights = rep.dense.slice(0, DENSE_SIZE), newsScale = rep.dense[DENSE_SIZE]!;
    for (const reportRedundancy of REDUNDANCY_GRID) for (const slots of SLOTS_GRID) {
      const m = makeModel(news, { redundancy: newsRedundancy, reportRedundancy, slots, ...(lateFrom && { lateFrom }) }, weights, floor, newsScale);
      const r = meanR1(docs, m);
      if (r > bestR + 1e-9) { bestR = r; best = m; }
    }
  }
  return best;
}

function innerL2(news: NewsWeights, docs: readonly GoldDoc[], newsRedundancy: number, maxFloor: number): number {
  const sets = [...new Set(docs.map((d) => d.set))];
  if (sets.length < 2) return L2_GRID[0]!;
  let best = L2_GRID[0]!, bestR = -1;
  for (const l2 of L2_GRID) {
    let r = 0;
    for (const s of sets) r += meanR1(docs.filter((d) => d.set === s), trainReport(news, docs.filter((d) => d.set !== s), newsRedundancy, maxFloor, l2));
    if (r > bestR + 1e-9) { bestR = r; best = l2; }
  }
  return best;
}

export interface LosoRow { n: number; ours: number; newsOnly: number; lead: number; centroid: number; select: SelectionParams; floor: number }

/** Leave-one-set-out: for each set, stage 2 trained on the other sets, scored on it (R1 vs the gold extract). */
export function leaveOneSetOut(news: NewsWeights, sets: readonly GoldDoc[][], newsRedundancy = 0, maxFloor = 0, log: (s: string) => void = () => {}, onFold?: (held: readonly GoldDoc[], m: SummaryModel) => void): Record<string, LosoRow> {
  const out: Record<string, LosoRow> = {};
  for (let s = 0; s < sets.length; s++) {
    const held = sets[s]!;
    if (!held.length) continue;
    const m = trainReport(news, sets.filter((_, i) => i !== s).flat(), newsRedundancy, maxFloor);
    const name = held[0]!.set;
    const row: LosoRow = {
      n: held.length, ours: meanR1(held, m), newsOnly: meanR1(held, makeModel(news, { redundancy: newsRedundancy, reportRedundancy: newsRedundancy, slots: 0 })),
      lead: held.reduce((a, d) => a + r1(d.region.slice(0, d.k).join(' '), d.goldExtract), 0) / held.length,
      centroid: held.reduce((a, d) => a + r1(centroid(d.region, d.k), d.goldExtract), 0) / held.length,
      select: m.select, floor: m.report.floor,
    };
    out[name] = row;
    onFold?.(held, m);
    const f = (x: number): string => (100 * x).toFixed(2);
    log(`  LOSO ${name.padEnd(10)} R1 vs gold extract ${f(row.ours)} (news model alone ${f(row.newsOnly)}; Lead ${f(row.lead)}, centroid ${f(row.centroid)}; margin ${f(row.ours - Math.max(row.lead, row.centroid))}; select ${JSON.stringify(m.select)}, newsScale ${m.report.newsScale.toFixed(2)}, floor ${m.report.floor})`);
  }
  return out;
}
