// Dev-only evaluation of summarize() on the shared gold sets (skips cleanly when /work/shared is absent).
// ROUGE-1/2 F1 over folded syllables, inputs prepared like the reference scorer (real-* files: abstract removed).
//   npx tsx scripts/dev/sum-eval.ts [dir ...] [--grid] [--show] [--cv=5] [--set=key=value,...] [--fix=key,...]
// --cv=K: K-fold cross-validation of the tuning procedure (coordinate ascent from a neutral start on K−1 folds,
// scored on the remaining fold; folds interleaved within each set) — an honest estimate of the held-out margin;
// --cv=2 --cv-by-source: reports (seed, synth-*) vs real articles as the two dev folds. --fix=central keeps the
// scale weight at 1 (the tuning procedure used for DEFAULT_WEIGHTS). --explain=<id>: features of each sentence.
// Each directory is a set named by its base name (dev, heldout-1, heldout-2, sum-dev); sets named heldout* are
// scored but never used for tuning. --loso: leave-one-set-out — for each set, tune (from the neutral start, or
// --cv-from-default) on all the other sets and score that set; no set is tuned on when it is scored.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { splitSentences } from '../../src/sentences/index.js';
import { segment } from '../../src/segment/index.js';
import { tagEntities } from '../../src/entities/index.js';
import { baseScore, buildDocument, selectCandidates, DEFAULT_WEIGHTS, type SummaryDocument, type Weights } from '../../src/summarize/rank.js';
import { foldKey } from '../../src/text/tone.js';
import { tokenize } from '../../src/text/tokens.js';
import type { Word } from '../../src/types.js';

// Other helpers' work in progress may be broken at any moment: fall back to syllables / no entities then.
function words(text: string): Word[] {
  if (process.env.SUM_SYLLABLES) return tokenize(text).map((t) => ({ text: t.text, start: t.start, end: t.end, kind: t.kind === 'punctuation' ? 'punctuation' : 'word' }));
  try { return segment(text); } catch (e) { if (!warned++) console.log('segment failed, using syllables:', (e as Error).message); return tokenize(text).map((t) => ({ text: t.text, start: t.start, end: t.end, kind: t.kind === 'punctuation' ? 'punctuation' : 'word' })); }
}
function entities(text: string): ReturnType<typeof tagEntities> {
  if (process.env.SUM_NO_ENTITIES) return [];
  try { return tagEntities(text); } catch (e) { if (!warned++) console.log('tagEntities failed:', (e as Error).message); return []; }
}
let warned = 0;

const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith('--') && !a.includes('=')));
const SHARED = process.env.VIETNLP_SHARED ?? '/work/shared';
const dirs = args.filter((a) => !a.startsWith('--'));
if (!dirs.length) dirs.push(join(SHARED, 'corpus/dev'), join(SHARED, 'corpus/sum-dev'));
if (!dirs.every((d) => existsSync(d))) { console.log('sum-eval: gold data not found, skipping'); process.exit(0); }

interface Gold { id: string; text: string; sentences: [number, number][]; summary: { sentences?: number[]; k?: number; reference?: string } }
const files = (p: string): string[] => statSync(p).isDirectory() ? readdirSync(p).flatMap((f) => files(join(p, f))) : /\.(gold|sum)\.json$/.test(p) ? [p] : [];
const toks = (s: string): string[] => foldKey(s).replace(/[^\p{L}\p{N}\s]/gu, ' ').split(/\s+/).filter(Boolean);
function ngrams(t: string[], n: number): Map<string, number> { const m = new Map<string, number>(); for (let i = 0; i + n <= t.length; i++) { const k = t.slice(i, i + n).join(' '); m.set(k, (m.get(k) ?? 0) + 1); } return m; }
function rouge(a: string[], b: string[], n: number): number {
  const A = ngrams(a, n), B = ngrams(b, n); let o = 0;
  for (const [k, c] of A) o += Math.min(c, B.get(k) ?? 0);
  const p = o / Math.max(1, a.length - n + 1), r = o / Math.max(1, b.length - n + 1);
  return p + r ? (2 * p * r) / (p + r) : 0;
}

interface Prep { id: string; set: string; input: string; k: number; gx: string; ref: string; doc: SummaryDocument; goldIdx: number[]; base: { lead: Scores; centroid: Scores } }
interface Scores { r1x: number; r2x: number; r1a: number; r2a: number }

// Baselines exactly as the reference scorer computes them (over the gold sentences of the body).
function centroidPick(region: string[], k: number): string {
  const docsT = region.map((s) => new Set(toks(s)));
  const df = new Map<string, number>(); for (const s of docsT) for (const w of s) df.set(w, (df.get(w) ?? 0) + 1);
  const N = docsT.length; const tf = new Map<string, number>();
  for (const s of region) for (const w of toks(s)) tf.set(w, (tf.get(w) ?? 0) + 1);
  const score = region.map((s) => { const t = toks(s); let v = 0; for (const w of new Set(t)) v += (tf.get(w) ?? 0) * Math.log(1 + N / (df.get(w) ?? 1)); return v / Math.sqrt(1 + t.length); });
  return score.map((v, i) => [v, i] as const).sort((x, y) => y[0] - x[0]).slice(0, k).map(([, i]) => i).sort((x, y) => x - y).map((i) => region[i]!).join(' ');
}
function scores(out: string, gx: string, ref: string): Scores {
  const o = toks(out), g = toks(gx), r = toks(ref);
  return { r1x: gx ? rouge(o, g, 1) : 0, r2x: gx ? rouge(o, g, 2) : 0, r1a: rouge(o, r, 1), r2a: rouge(o, r, 2) };
}

const preps: Prep[] = [];
for (const dir of dirs) for (const f of files(dir)) {
  const dirSet = basename(dir.replace(/\/+$/, ''));
  const d = JSON.parse(readFileSync(f, 'utf8')) as Gold;
  if (!d.summary?.sentences?.length && !d.summary?.k) continue;
  const sents = d.sentences.map(([a, b]) => d.text.slice(a, b));
  let input = d.text;
  let shift = 0;
  let region = sents.slice(1);
  if (d.id.startsWith('real-')) {
    const parts = d.text.split('\n\n');
    const bodyStart = parts[0]!.length + 2 + parts[1]!.length + 2;
    input = parts[0] + '\n\n' + d.text.slice(bodyStart);
    shift = bodyStart - (parts[0]!.length + 2);
    region = sents.filter((_, i) => d.sentences[i]![0] >= bodyStart);
  }
  const k = d.summary.sentences?.length || d.summary.k!;
  const gx = (d.summary.sentences ?? []).map((i) => sents[i] ?? '').join(' ');
  const ref = d.summary.reference ?? '';
  const sentences = splitSentences(input);
  const doc = buildDocument(input, { sentences, words: words(input), entities: entities(input) });
  const goldIdx = (d.summary.sentences ?? []).map((i) => { const a = d.sentences[i]![0] - shift; return sentences.findIndex((s) => s.start <= a && a < s.end); });
  const set = d.id.startsWith('vietnews-train') ? 'sum-dev' : dirSet;
  preps.push({ id: d.id, set, input, k, gx, ref, doc, goldIdx, base: { lead: scores(region.slice(0, k).join(' '), gx, ref), centroid: scores(centroidPick(region, k), gx, ref) } });
}

function docScores(p: Prep, w: Weights): Scores {
  const picked = selectCandidates(p.doc, p.k, w).map((x) => x.cand.index).sort((a, b) => a - b);
  return scores(picked.map((i) => p.doc.sentences[i]!.text).join(' '), p.gx, p.ref);
}
type Table = Record<string, Scores & { n: number; lead: Scores; centroid: Scores }>;
function aggregate(rows: Array<{ p: Prep; s: Scores }>): Table {
  const acc: Table = {};
  const add = (a: Scores, b: Scores): void => { a.r1x += b.r1x; a.r2x += b.r2x; a.r1a += b.r1a; a.r2a += b.r2a; };
  const zero = (): Scores => ({ r1x: 0, r2x: 0, r1a: 0, r2a: 0 });
  for (const { p, s } of rows) {
    const a = (acc[p.set] ??= { ...zero(), n: 0, lead: zero(), centroid: zero() });
    a.n++; add(a, s); add(a.lead, p.base.lead); add(a.centroid, p.base.centroid);
  }
  for (const a of Object.values(acc)) for (const x of [a, a.lead, a.centroid]) { x.r1x /= a.n; x.r2x /= a.n; x.r1a /= a.n; x.r2a /= a.n; }
  return acc;
}
function evaluate(w: Weights, subset: readonly Prep[] = preps, show = false): Table {
  const rows = subset.map((p) => ({ p, s: docScores(p, w) }));
  if (show) for (const { p, s } of rows) if (p.set !== 'sum-dev') {
    const picked = selectCandidates(p.doc, p.k, w).map((x) => x.cand.index).sort((a, b) => a - b);
    console.log(p.id.padEnd(40), `n=${p.doc.candidates.length} ahead@${p.doc.aheadFrom}`.padEnd(14), 'picked', picked.join(','), ' gold', p.goldIdx.join(','), ` R1x=${(100 * s.r1x).toFixed(1)}`);
  }
  return aggregate(rows);
}
const f2 = (x: number): string => (100 * x).toFixed(2);
const fmt = (r: Table): string => Object.entries(r).map(([s, a]) => s === 'sum-dev'
  ? `${s} (${a.n}): abs R1=${f2(a.r1a)} R2=${f2(a.r2a)} [lead ${f2(a.lead.r1a)}/${f2(a.lead.r2a)}, margin R1 ${(100 * (a.r1a - a.lead.r1a)).toFixed(2)} R2 ${(100 * (a.r2a - a.lead.r2a)).toFixed(2)}]`
  : `${s} (${a.n}): gx R1=${f2(a.r1x)} R2=${f2(a.r2x)} [best base R1 ${f2(Math.max(a.lead.r1x, a.centroid.r1x))} R2 ${f2(Math.max(a.lead.r2x, a.centroid.r2x))}, margin R1 ${(100 * (a.r1x - Math.max(a.lead.r1x, a.centroid.r1x))).toFixed(2)} R2 ${(100 * (a.r2x - Math.max(a.lead.r2x, a.centroid.r2x))).toFixed(2)}] abs R1=${f2(a.r1a)}`).join('\n  ');

// Objective of the tuning procedure: dev ROUGE vs gold extract + news ROUGE vs abstract (held-out files never count).
// Every report set counts alike (its mean R1 + ½ R2 vs the gold extract), the news set twice (R1 + ½ R2 vs the abstract).
const obj = (r: Table): number => Object.entries(r).reduce((o, [set, a]) => o + (set === 'sum-dev' ? 2 * a.r1a + a.r2a : a.r1x + 0.5 * a.r2x), 0);
function tune(start: Weights, train: readonly Prep[], log = false): Weights {
  let w = { ...start };
  let best = obj(evaluate(w, train));
  for (let round = 0; round < 3; round++) {
    for (const key of (Object.keys(w) as (keyof Weights)[]).filter((k) => !fixed.has(k))) {
      for (const mult of [0.5, 0.75, 1.33, 2]) {
        const v = w[key] === 0 && mult > 1 ? 0.25 * mult : w[key] * mult;
        const cand = { ...w, [key]: key === 'tau' ? Math.max(0.5, v) : v };
        const o = obj(evaluate(cand, train));
        if (o > best + 1e-6) { best = o; w = cand; }
      }
    }
    if (log) console.log('round', round, JSON.stringify(w), '\n  ' + fmt(evaluate(w, train)));
  }
  return w;
}

const setArg = args.find((a) => a.startsWith('--set='));
const start: Weights = { ...DEFAULT_WEIGHTS };
if (setArg) for (const kv of setArg.slice(6).split(',')) { const [k, v] = kv.split('='); (start as unknown as Record<string, number>)[k!] = Number(v); }
const fixed = new Set((args.find((a) => a.startsWith('--fix='))?.slice(6) ?? '').split(',').filter(Boolean));
const tuning = preps.filter((p) => !p.set.startsWith('heldout'));
console.log('start\n  ' + fmt(evaluate(start, preps, flags.has('--show'))));
if (flags.has('--grid')) tune(start, tuning, true);
const cvArg = args.find((a) => a.startsWith('--cv='));
if (cvArg) {
  const K = Number(cvArg.slice(5));
  // Neutral start: every weight 1 (tau 2), so no fold sees weights tuned on its own test documents.
  const neutral = Object.fromEntries(Object.keys(start).map((k) => [k, k === 'tau' ? 2 : 1])) as unknown as Weights;
  const from = flags.has('--cv-from-default') ? start : neutral;
  const fold = new Map<Prep, number>();
  for (const set of ['dev', 'sum-dev']) tuning.filter((p) => p.set === set).sort((a, b) => (a.id < b.id ? -1 : 1)).forEach((p, i) => fold.set(p, i % K));
  // --cv-by-source (K = 2): the written reports (seed, synth-*) in one fold and the real articles in the other, so
  // the reports are scored with weights tuned without any report of that writer.
  if (flags.has('--cv-by-source')) for (const p of tuning) if (p.set === 'dev') fold.set(p, /^(seed|synth)-/.test(p.id) ? 0 : 1);
  const rows: Array<{ p: Prep; s: Scores }> = [];
  for (let f = 0; f < K; f++) {
    const train = tuning.filter((p) => fold.get(p) !== f);
    const test = tuning.filter((p) => fold.get(p) === f);
    const w = tune(from, train);
    console.log(`fold ${f}: ${JSON.stringify(w)}`);
    for (const p of test) rows.push({ p, s: docScores(p, w) });
  }
  console.log(`CV (${K} folds, start ${flags.has('--cv-from-default') ? 'DEFAULT_WEIGHTS' : 'neutral'})\n  ` + fmt(aggregate(rows)));
}
if (flags.has('--loso')) {
  const neutral = Object.fromEntries(Object.keys(start).map((k) => [k, k === 'tau' ? 2 : 1])) as unknown as Weights;
  const from = flags.has('--cv-from-default') ? start : neutral;
  const rows: Array<{ p: Prep; s: Scores }> = [];
  for (const set of [...new Set(preps.map((p) => p.set))]) {
    const w = tune(from, preps.filter((p) => p.set !== set));
    console.log(`without ${set}: ${JSON.stringify(w)}`);
    for (const p of preps.filter((q) => q.set === set)) rows.push({ p, s: docScores(p, w) });
  }
  console.log(`leave-one-set-out (start ${flags.has('--cv-from-default') ? 'DEFAULT_WEIGHTS' : 'neutral'})\n  ` + fmt(aggregate(rows)));
}
if (flags.has("--reportness")) for (const set of ['dev', 'sum-dev']) {
  const xs = preps.filter((p) => p.set === set).map((p) => p.doc.reportness).sort((a, b) => a - b);
  console.log(set, 'reportness quantiles', [0, 0.1, 0.25, 0.5, 0.75, 0.9, 1].map((q) => xs[Math.min(xs.length - 1, Math.floor(q * xs.length))]!.toFixed(2)).join(' '));
  if (set === 'dev') console.log(preps.filter((p) => p.set === set).map((p) => `${p.id.slice(0, 22)}=${p.doc.reportness.toFixed(2)}`).join(' '));
}
const explain = args.find((a) => a.startsWith('--explain='))?.slice(10);
if (explain) for (const p of preps.filter((q) => q.id.includes(explain))) {
  console.log(`== ${p.id} reportness=${p.doc.reportness.toFixed(2)} aheadFrom=${p.doc.aheadFrom} gold ${p.goldIdx.join(',')}`);
  for (const c of p.doc.candidates) {
    const f = c.features, s = f.slots;
    console.log(`${p.goldIdx.includes(c.index) ? '*' : ' '}${String(c.index).padStart(3)} base=${baseScore(c, start, p.doc.reportness).toFixed(2)} c=${f.central.toFixed(2)} t=${f.title.toFixed(2)} dep=${f.dependent} M${s.meeting} C${s.chair} R${s.results.toFixed(2)} A${s.ahead.toFixed(2)} E${s.elected} | ${p.doc.sentences[c.index]!.text.slice(0, 110)}`);
  }
}
