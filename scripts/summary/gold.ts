// The gold summary sets (gold extracts and/or abstracts), prepared exactly as scripts/eval.ts and
// ../shared/tools/score/sum.mjs prepare them, with the summariser's layers computed once.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { splitSentences } from '../../src/sentences/index.js';
import { segment } from '../../src/segment/index.js';
import { buildDocument, type SummaryDocument } from '../../src/summarize/rank.js';
import { featurize, type FeatureRows } from '../../src/summarize/features.js';
import { documentType } from '../../src/summarize/score.js';
import { rougeN, rougeTokens } from '../eval/metrics.js';
import { ROOT, SHARED } from './paths.js';

export interface GoldDoc {
  set: string; id: string; input: string; k: number;
  goldExtract: string; reference: string; region: string[];
  doc: SummaryDocument; rows: FeatureRows; docType: number;
  /** Body ranks of the gold extract's sentences (those found among the candidates). */
  goldRanks: number[];
}

interface Raw { id: string; text: string; sentences?: Array<[number, number]>; summary?: { sentences?: number[]; reference?: string; k?: number } }

/** The report-side sets with gold extracts: corpus/dev and our own eval/gold/heldout-1..4 (no longer held out; never
 * heldout-5 or later, the blind sets). */
export const REPORT_SETS = (): Array<[string, string]> => [
  ['dev', join(SHARED, 'corpus', 'dev')],
  ...['heldout-1', 'heldout-2', 'heldout-3', 'heldout-4'].map((s): [string, string] => [s, join(ROOT, 'eval', 'gold', s)]),
];
export const SUM_DEV = (): string => join(SHARED, 'corpus', 'sum-dev');

/** A news-train article as the summariser sees it (title, blank line, a sentence a line), scored against its abstract. */
export function prepareArticle(a: { id: string; title: string; abstract: string; sentences: string[] }): GoldDoc {
  const input = `${a.title}\n\n${a.sentences.join('\n')}`;
  const doc = buildDocument(input, { sentences: splitSentences(input), words: segment(input) });
  return { set: 'news', id: a.id, input, k: 3, goldExtract: '', reference: a.abstract, region: a.sentences, doc, rows: featurize(input, doc), docType: documentType(doc), goldRanks: [] };
}

export function loadSet(set: string, dir: string): GoldDoc[] {
  if (!existsSync(dir)) return [];
  const out: GoldDoc[] = [];
  for (const f of readdirSync(dir).filter((x) => /\.(gold|sum)\.json$/.test(x)).sort()) {
    const d = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Raw;
    if (!d.summary?.sentences?.length && !d.summary?.k) continue;
    const sents = (d.sentences ?? []).map(([a, b]) => ({ a, text: d.text.slice(a, b) }));
    let input = d.text, shift = 0, region = sents.slice(1);
    if (d.id.startsWith('real-')) {
      const parts = d.text.split('\n\n');
      const bodyStart = parts[0]!.length + 2 + (parts[1]?.length ?? 0) + 2;
      input = `${parts[0]}\n\n${d.text.slice(bodyStart)}`;
      shift = bodyStart - (parts[0]!.length + 2);
      region = sents.filter((s) => s.a >= bodyStart);
    }
    const k = d.summary.sentences?.length || d.summary.k!;
    const sentences = splitSentences(input);
    const doc = buildDocument(input, { sentences, words: segment(input) });
    const rankOf = new Map(doc.candidates.map((c) => [c.index, c.rank]));
    const goldRanks = (d.summary.sentences ?? []).map((i) => {
      const a = d.sentences![i]![0] - shift;
      return rankOf.get(sentences.findIndex((s) => s.start <= a && a < s.end)) ?? -1;
    }).filter((r) => r >= 0);
    out.push({
      set: set === 'dev' || set.startsWith('heldout') ? set : basename(dir), id: d.id, input, k,
      goldExtract: (d.summary.sentences ?? []).map((i) => sents[i]?.text ?? '').join(' '), reference: d.summary.reference ?? '',
      region: region.map((s) => s.text), doc, rows: featurize(input, doc), docType: documentType(doc), goldRanks,
    });
  }
  return out;
}

/** TF-IDF centroid baseline, as the reference scorer computes it. */
export function centroid(region: readonly string[], k: number): string {
  const sets = region.map((s) => new Set(rougeTokens(s)));
  const df = new Map<string, number>();
  for (const s of sets) for (const w of s) df.set(w, (df.get(w) ?? 0) + 1);
  const tf = new Map<string, number>();
  for (const s of region) for (const w of rougeTokens(s)) tf.set(w, (tf.get(w) ?? 0) + 1);
  const scores = region.map((s) => {
    const t = rougeTokens(s);
    let v = 0;
    for (const w of new Set(t)) v += (tf.get(w) ?? 0) * Math.log(1 + sets.length / (df.get(w) ?? 1));
    return v / Math.sqrt(1 + t.length);
  });
  return scores.map((v, i) => [v, i] as const).sort((x, y) => y[0] - x[0]).slice(0, k).map(([, i]) => i).sort((x, y) => x - y).map((i) => region[i]).join(' ');
}

export const r1 = (out: string, ref: string): number => rougeN(rougeTokens(out), rougeTokens(ref), 1);
