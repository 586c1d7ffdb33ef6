// Dev-only evaluation of summarize() on the shared gold sets (skips cleanly when /work/shared is absent).
// ROUGE-1/2 F1 over folded syllables, inputs prepared like the reference scorer (real-* files: abstract removed).
//   npx tsx scripts/dev/sum-eval.ts [dir ...] [--grid] [--show]
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { splitSentences } from '../../src/sentences/index.js';
import { segment } from '../../src/segment/index.js';
import { tagEntities } from '../../src/entities/index.js';
import { buildDocument, selectCandidates, DEFAULT_WEIGHTS, type SummaryDocument, type Weights } from '../../src/summarize/rank.js';
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

interface Prep { id: string; set: string; input: string; k: number; gx: string; ref: string; doc: SummaryDocument; goldIdx: number[] }
const preps: Prep[] = [];
for (const dir of dirs) for (const f of files(dir)) {
  const d = JSON.parse(readFileSync(f, 'utf8')) as Gold;
  if (!d.summary?.sentences?.length && !d.summary?.k) continue;
  const sents = d.sentences.map(([a, b]) => d.text.slice(a, b));
  let input = d.text;
  let shift = 0;
  if (d.id.startsWith('real-')) {
    const parts = d.text.split('\n\n');
    const bodyStart = parts[0]!.length + 2 + parts[1]!.length + 2;
    input = parts[0] + '\n\n' + d.text.slice(bodyStart);
    shift = bodyStart - (parts[0]!.length + 2);
  }
  const k = d.summary.sentences?.length || d.summary.k!;
  const gx = (d.summary.sentences ?? []).map((i) => sents[i] ?? '').join(' ');
  const sentences = splitSentences(input);
  const doc = buildDocument(input, { sentences, words: words(input), entities: entities(input) });
  const goldIdx = (d.summary.sentences ?? []).map((i) => { const a = d.sentences[i]![0] - shift; return sentences.findIndex((s) => s.start <= a && a < s.end); });
  preps.push({ id: d.id, set: d.id.startsWith('vietnews-train') ? 'sum-dev' : 'dev', input, k, gx, ref: d.summary.reference ?? '', doc, goldIdx });
}

function evaluate(w: Weights, show = false): Record<string, { r1x: number; r2x: number; r1a: number; r2a: number; n: number }> {
  const acc: Record<string, { r1x: number; r2x: number; r1a: number; r2a: number; n: number }> = {};
  for (const p of preps) {
    const picked = selectCandidates(p.doc, p.k, w).map((x) => x.cand.index).sort((a, b) => a - b);
    const out = toks(picked.map((i) => p.doc.sentences[i]!.text).join(' '));
    const a = (acc[p.set] ??= { r1x: 0, r2x: 0, r1a: 0, r2a: 0, n: 0 });
    a.n++;
    if (p.gx) { a.r1x += rouge(out, toks(p.gx), 1); a.r2x += rouge(out, toks(p.gx), 2); }
    a.r1a += rouge(out, toks(p.ref), 1); a.r2a += rouge(out, toks(p.ref), 2);
    if (show && p.set === 'dev') console.log(p.id.padEnd(40), 'picked', picked.join(','), ' gold', p.goldIdx.join(','), ` R1x=${(100 * rouge(out, toks(p.gx), 1)).toFixed(1)}`);
  }
  for (const a of Object.values(acc)) { a.r1x /= a.n; a.r2x /= a.n; a.r1a /= a.n; a.r2a /= a.n; }
  return acc;
}
const fmt = (r: ReturnType<typeof evaluate>): string => Object.entries(r).map(([s, a]) => `${s}: abs R1=${(100 * a.r1a).toFixed(2)} R2=${(100 * a.r2a).toFixed(2)}` + (s === 'dev' ? ` gx R1=${(100 * a.r1x).toFixed(2)} R2=${(100 * a.r2x).toFixed(2)}` : '')).join(' | ');

const setArg = args.find((a) => a.startsWith('--set='));
const start: Weights = { ...DEFAULT_WEIGHTS };
if (setArg) for (const kv of setArg.slice(6).split(',')) { const [k, v] = kv.split('='); (start as unknown as Record<string, number>)[k!] = Number(v); }
const fixed = new Set((args.find((a) => a.startsWith('--fix='))?.slice(6) ?? '').split(',').filter(Boolean));
console.log('start', fmt(evaluate(start, flags.has('--show'))));
if (flags.has('--grid')) {
  // Coordinate ascent over the weights, objective = dev ROUGE-1 vs gold extract + sum-dev ROUGE-1 vs abstract.
  const obj = (r: ReturnType<typeof evaluate>): number => (r.dev?.r1x ?? 0) + (r.dev?.r2x ?? 0) * 0.5 + 2 * (r['sum-dev']?.r1a ?? 0) + (r['sum-dev']?.r2a ?? 0);
  let w = { ...start };
  let best = obj(evaluate(w));
  for (let round = 0; round < 3; round++) {
    for (const key of (Object.keys(w) as (keyof Weights)[]).filter((k) => !fixed.has(k))) {
      for (const mult of [0, 0.5, 0.75, 1.33, 2]) {
        const cand = { ...w, [key]: key === 'tau' ? Math.max(0.5, w[key] * mult) : w[key] * mult };
        const o = obj(evaluate(cand));
        if (o > best + 1e-6) { best = o; w = cand; }
      }
    }
    console.log('round', round, JSON.stringify(w), fmt(evaluate(w)));
  }
}
