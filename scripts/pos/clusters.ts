// Learns distributional word clusters for the part-of-speech tagger from unlabeled news text and writes
// dictionaries/compiled/pos-clusters.txt.gz (folded word → cluster id; only the table ships, never the text).
//  1. segment ../shared/corpus/news-train (one sentence per item) with our segmenter; words are folded with posKey;
//  2. for the V most frequent words, count the K most frequent words immediately to the left and to the right;
//  3. positive PMI weights, L2-normalised rows, a seeded Gaussian random projection to D dimensions;
//  4. spherical k-means into C fine clusters (k-means++ seeding, fixed seed), then the C centroids into C2 coarse
//     clusters; the KEEP most frequent words are written grouped by fine cluster (format: parsePosClusters).
// The segmented corpus is cached as word ids in the OS temp directory (development only, never shipped).
// Run: npx tsx scripts/pos/clusters.ts [--articles N] [--vocab V] [--ctx K] [--dim D] [--clusters C] [--coarse C2] [--keep N]
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { createSegmenter } from '../../src/segment/index.js';
import { posKey } from '../../src/pos/features.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const arg = (k: string, d: string): string => {
  const i = process.argv.indexOf(k);
  return i > 0 ? process.argv[i + 1]! : d;
};
const NEWS = resolve(arg('--news', process.env.NEWS_TRAIN ?? join(ROOT, '..', 'shared', 'corpus', 'news-train', 'news-train.jsonl.gz')));
const ARTICLES = Number(arg('--articles', '40000'));
const V = Number(arg('--vocab', '50000'));
const K = Number(arg('--ctx', '1000'));
const D = Number(arg('--dim', '128'));
const C = Number(arg('--clusters', '256'));
const C2 = Number(arg('--coarse', '48'));
const KEEP = Number(arg('--keep', '40000'));
const ITERS = Number(arg('--iters', '15'));
const OUT = arg('--out', join(ROOT, 'dictionaries/compiled/pos-clusters.txt.gz'));

if (!existsSync(NEWS)) {
  console.log(`pos clusters: ${NEWS} not found; skipping.`);
  process.exit(0);
}

// ---- 1. segmented corpus as word ids (0 = sentence boundary), cached
interface Corpus { words: string[]; ids: Uint32Array }
function loadCorpus(): Corpus {
  const cachePath = join(tmpdir(), `vietnlp-pos-corpus-${ARTICLES}.bin`);
  if (existsSync(cachePath) && existsSync(`${cachePath}.words`)) {
    const b = readFileSync(cachePath);
    return { words: readFileSync(`${cachePath}.words`, 'utf8').split('\n'), ids: new Uint32Array(b.buffer, b.byteOffset, b.length >> 2) };
  }
  const seg = createSegmenter();
  const index = new Map<string, number>([['', 0]]);
  const words = [''];
  let ids = new Uint32Array(1 << 24);
  let n = 0;
  const push = (id: number): void => {
    if (n === ids.length) { const b = new Uint32Array(ids.length * 2); b.set(ids); ids = b; }
    ids[n++] = id;
  };
  const lines = gunzipSync(readFileSync(NEWS)).toString('utf8').split('\n');
  const t0 = performance.now();
  for (let a = 0; a < Math.min(ARTICLES, lines.length); a++) {
    if (!lines[a]) continue;
    const art = JSON.parse(lines[a]!) as { title: string; sentences: string[] };
    for (const s of [art.title, ...art.sentences]) {
      for (const w of seg.segment(s)) {
        const k = posKey(w.text);
        let id = index.get(k);
        if (id === undefined) { id = words.length; index.set(k, id); words.push(k); }
        push(id);
      }
      push(0);
    }
    if (a % 5000 === 4999) console.log(`  ${a + 1} articles, ${n} tokens, ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
  const out = ids.slice(0, n);
  writeFileSync(cachePath, out);
  writeFileSync(`${cachePath}.words`, words.join('\n'));
  return { words, ids: out };
}

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
}
function gauss(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand());
}

// ---- 2-3. context counts → PPMI → projection; returns unit vectors (V × D) and the vocabulary ranks
function embed(corpus: Corpus, freq: Float64Array, rank: Int32Array, top: number[]): Float32Array {
  const { ids } = corpus;
  const ctxIndex = new Int32Array(corpus.words.length).fill(-1);
  ctxIndex[0] = 0; // boundary is context 0
  for (let r = 0; r < Math.min(K - 1, top.length); r++) ctxIndex[top[r]!] = r + 1;
  const cols = 2 * K;
  const counts = new Float32Array(V * cols);
  for (let i = 0; i < ids.length; i++) {
    const w = ids[i]!;
    if (w === 0) continue;
    const r = rank[w]!;
    if (r < 0) continue;
    const l = i > 0 ? ctxIndex[ids[i - 1]!]! : 0, rr = i + 1 < ids.length ? ctxIndex[ids[i + 1]!]! : 0;
    if (l >= 0) counts[r * cols + l]! += 1;
    if (rr >= 0) counts[r * cols + K + rr]! += 1;
  }
  const colSum = new Float64Array(cols);
  let total = 0;
  for (let r = 0; r < V; r++) for (let c = 0; c < cols; c++) { colSum[c]! += counts[r * cols + c]!; total += counts[r * cols + c]!; }
  const proj = new Float32Array(cols * D);
  const rand = rng(12345);
  for (let i = 0; i < proj.length; i++) proj[i] = gauss(rand);
  const vec = new Float32Array(V * D);
  const row = new Float64Array(D);
  for (let r = 0; r < V; r++) {
    let rowSum = 0;
    for (let c = 0; c < cols; c++) rowSum += counts[r * cols + c]!;
    row.fill(0);
    for (let c = 0; c < cols; c++) {
      const x = counts[r * cols + c]!;
      if (x === 0) continue;
      const pmi = Math.log((x * total) / (rowSum * Math.pow(colSum[c]!, 0.75) * Math.pow(total, 0.25)));
      if (pmi <= 0) continue;
      for (let d = 0; d < D; d++) row[d]! += pmi * proj[c * D + d]!;
    }
    let norm = 0;
    for (let d = 0; d < D; d++) norm += row[d]! * row[d]!;
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < D; d++) vec[r * D + d] = row[d]! / norm;
  }
  void freq;
  return vec;
}

// ---- 4. spherical k-means (k-means++ seeding weighted by sqrt frequency)
function kmeans(vec: Float32Array, n: number, k: number, weight: Float64Array, iters: number, seed: number): { assign: Int32Array; cent: Float32Array } {
  const rand = rng(seed);
  const cent = new Float32Array(k * D);
  const best = new Float64Array(n).fill(Infinity);
  let pick = 0;
  for (let c = 0; c < k; c++) {
    cent.set(vec.subarray(pick * D, pick * D + D), c * D);
    let tot = 0;
    for (let i = 0; i < n; i++) {
      let dot = 0;
      for (let d = 0; d < D; d++) dot += vec[i * D + d]! * cent[c * D + d]!;
      const dist = 1 - dot;
      if (dist < best[i]!) best[i] = dist;
      tot += best[i]! * weight[i]!;
    }
    let x = rand() * tot;
    pick = n - 1;
    for (let i = 0; i < n; i++) { x -= best[i]! * weight[i]!; if (x <= 0) { pick = i; break; } }
  }
  const assign = new Int32Array(n);
  for (let it = 0; it < iters; it++) {
    let moved = 0;
    for (let i = 0; i < n; i++) {
      let b = 0, bd = -Infinity;
      for (let c = 0; c < k; c++) {
        let dot = 0;
        for (let d = 0; d < D; d++) dot += vec[i * D + d]! * cent[c * D + d]!;
        if (dot > bd) { bd = dot; b = c; }
      }
      if (assign[i] !== b) moved++;
      assign[i] = b;
    }
    cent.fill(0);
    for (let i = 0; i < n; i++) for (let d = 0; d < D; d++) cent[assign[i]! * D + d]! += vec[i * D + d]! * weight[i]!;
    for (let c = 0; c < k; c++) {
      let norm = 0;
      for (let d = 0; d < D; d++) norm += cent[c * D + d]! * cent[c * D + d]!;
      norm = Math.sqrt(norm) || 1;
      for (let d = 0; d < D; d++) cent[c * D + d]! /= norm;
    }
    console.log(`  k-means ${k}: iteration ${it + 1}, ${moved} moved`);
    if (moved < n / 1000) break;
  }
  return { assign, cent };
}

const t0 = performance.now();
const corpus = loadCorpus();
console.log(`corpus: ${corpus.ids.length} tokens, ${corpus.words.length} distinct words (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
const freq = new Float64Array(corpus.words.length);
for (const id of corpus.ids) freq[id]! += 1;
const byFreq = [...freq.keys()].filter((i) => i !== 0).sort((a, b) => freq[b]! - freq[a]!);
const vocab = byFreq.slice(0, V);
const rank = new Int32Array(corpus.words.length).fill(-1);
vocab.forEach((w, r) => (rank[w] = r));
const vec = embed(corpus, freq, rank, byFreq);
console.log(`embedded ${vocab.length} words (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
const weight = Float64Array.from(vocab, (w) => Math.sqrt(freq[w]!));
const fine = kmeans(vec, vocab.length, C, weight, ITERS, 777);
const cw = new Float64Array(C);
for (let i = 0; i < vocab.length; i++) cw[fine.assign[i]!]! += weight[i]!;
const coarse = kmeans(fine.cent, C, C2, cw, 30, 778);
const keep = vocab.slice(0, KEEP);
// Lines grouped by fine cluster (compresses better): "#c <fine> <coarse>" then the cluster's words.
const lines: string[] = [`# generated by scripts/pos/clusters.ts from segmented news text (${corpus.ids.length} tokens): distributional word clusters (fine ${C}, coarse ${C2}); ` +
  'a line "=F C" starts fine cluster F (coarse cluster C), then one folded word a line; do not edit'];
for (let c = 0; c < C; c++) {
  const members = keep.filter((w) => fine.assign[rank[w]!] === c).map((w) => corpus.words[w]!).sort();
  if (!members.length) continue;
  lines.push(`=${c} ${coarse.assign[c]}`, ...members);
}
const gzBuf = gzipSync(`${lines.join('\n')}\n`, { level: 9 });
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, gzBuf);
console.log(`wrote ${OUT}: ${keep.length} words, ${(gzBuf.length / 1024).toFixed(0)} KB (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
if (process.argv.includes('--show')) {
  for (let c = 0; c < Math.min(C, 40); c++) console.log(c, keep.filter((w) => fine.assign[rank[w]!] === c).slice(0, 12).map((w) => corpus.words[w]).join(' | '));
}
