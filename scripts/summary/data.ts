// Training data of the sentence scorer: reads ../shared/corpus/news-train (never shipped), builds each article's
// input exactly as the summariser sees news (title, blank line, one body sentence a line, as in sum-dev), runs the
// package's own pipeline (splitSentences, segment, buildDocument, featurize) and labels every body sentence by
// ROUGE against the abstract. Features are cached under .tmp/ (gitignored) so that training runs from the cache.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createGunzip, gunzipSync, gzipSync } from 'node:zlib';
import { createInterface } from 'node:readline';
import { dirname } from 'node:path';
import { splitSentences } from '../../src/sentences/index.js';
import { segment } from '../../src/segment/index.js';
import { buildDocument } from '../../src/summarize/rank.js';
import { featurize } from '../../src/summarize/features.js';
import { rougeN, rougeTokens } from '../eval/metrics.js';

export interface Article { id: string; title: string; abstract: string; sentences: string[] }
/** One cached article: features and labels of its body sentences. */
export interface CachedDoc {
  id: string;
  /** Dense features, one row per body sentence (rounded to 1e-4). */
  dense: number[][];
  hashed: number[][];
  /** ROUGE-1 + ROUGE-2 F1 of each sentence alone against the abstract. */
  soft: number[];
  /** Greedy oracle (up to 3 sentences maximising ROUGE-1 + ROUGE-2 of the set), body ranks. */
  oracle: number[];
  /** Sentence tokens and abstract tokens as ids of a per-document vocabulary (to score selections quickly). */
  toks: number[][];
  abs: number[];
}

/** The summariser's input for an article: title, blank line, body sentences one a line (the sum-dev layout). */
export const articleInput = (a: Article): string => `${a.title}\n\n${a.sentences.join('\n')}`;

/** The fixed validation split: the 4,000 ids with the smallest SHA-1 (never trained or tuned on). */
export const VALIDATION_SIZE = 4000;
export const idHash = (id: string): string => createHash('sha1').update(id).digest('hex');

export async function* readArticles(path: string): AsyncGenerator<Article> {
  for await (const line of createInterface({ input: createReadStream(path).pipe(createGunzip()) })) if (line.trim()) yield JSON.parse(line) as Article;
}

export async function validationIds(path: string): Promise<Set<string>> {
  const ids: string[] = [];
  for await (const a of readArticles(path)) ids.push(a.id);
  return new Set(ids.map((id) => [idHash(id), id] as const).sort((x, y) => (x[0] < y[0] ? -1 : 1)).slice(0, VALIDATION_SIZE).map(([, id]) => id));
}

/** ROUGE-1 + ROUGE-2 F1 of a set of token lists (joined) against the reference. */
export function rouge12(sel: readonly (readonly string[])[], ref: readonly string[]): number {
  const out = sel.flat();
  return rougeN(out, ref, 1) + rougeN(out, ref, 2);
}

export function greedyOracle(toks: readonly string[][], ref: readonly string[], k: number): number[] {
  const picked: number[] = [];
  let best = 0;
  for (let step = 0; step < k; step++) {
    let bi = -1, bs = best;
    for (let i = 0; i < toks.length; i++) {
      if (picked.includes(i)) continue;
      const s = rouge12([...picked, i].sort((a, b) => a - b).map((j) => toks[j]!), ref);
      if (s > bs + 1e-9) { bs = s; bi = i; }
    }
    if (bi < 0) break;
    picked.push(bi);
    best = bs;
  }
  return picked.sort((a, b) => a - b);
}

/** Features and labels of one article (the pipeline as summarize runs it). */
export function extractDoc(a: Article): CachedDoc {
  const input = articleInput(a);
  const sentences = splitSentences(input);
  const doc = buildDocument(input, { sentences, words: segment(input) });
  const rows = featurize(input, doc);
  const ref = rougeTokens(a.abstract);
  const toks = doc.candidates.map((c) => rougeTokens(sentences[c.index]!.text));
  const vocab = new Map<string, number>();
  const id = (t: string): number => { let v = vocab.get(t); if (v === undefined) vocab.set(t, (v = vocab.size)); return v; };
  return {
    id: a.id,
    dense: rows.dense.map((r) => Array.from(r, (x) => Math.round(x * 1e4) / 1e4)),
    hashed: rows.hashed.map((h) => Array.from(h)),
    soft: toks.map((t) => Math.round(rouge12([t], ref) * 1e4) / 1e4),
    oracle: greedyOracle(toks, ref, 3),
    toks: toks.map((t) => t.map(id)),
    abs: ref.map(id),
  };
}

/** Extracts (or reads from `cache`) the features of every article; `part` = [i, n] extracts every n-th from i. */
export async function extractAll(path: string, cache: string, part: [number, number] = [0, 1], log = console.log): Promise<CachedDoc[]> {
  if (existsSync(cache)) return JSON.parse(gunzipSync(readFileSync(cache)).toString('utf8')) as CachedDoc[];
  const out: CachedDoc[] = [];
  let i = 0;
  const t0 = performance.now();
  const limit = Number(process.env.SUMMARY_LIMIT ?? Infinity);
  for await (const a of readArticles(path)) {
    if (i++ % part[1] !== part[0]) continue;
    if (out.length >= limit) break;
    out.push(extractDoc(a));
    if (out.length % 2000 === 0) log(`  ${out.length} articles extracted (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  }
  mkdirSync(dirname(cache), { recursive: true });
  writeFileSync(cache, gzipSync(JSON.stringify(out)));
  return out;
}
