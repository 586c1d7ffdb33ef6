// Measures eval: runs tagMeasures over the dev gold files and prints P/R/F1 per measure type and overall
// (exact start:end:type, as shared/tools/score/ner.mjs computes it). Dev only; skips cleanly without the corpus.
//   npx tsx scripts/dev/measures-eval.ts [dir] [--verbose]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tagMeasures } from '../../src/entities/measures/index.js';
import { tokenize } from '../../src/text/tokens.js';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const dir = args.find((a) => !a.startsWith('--')) ?? join(process.cwd(), '..', 'shared', 'corpus', 'dev');
const fallback = '/work/shared/corpus/dev';
const root = existsSync(dir) ? dir : existsSync(fallback) ? fallback : undefined;
if (!root) {
  console.log(`measures-eval: no gold corpus at ${dir}; skipped`);
  process.exit(0);
}
const TYPES = ['DATE', 'MONEY', 'PERCENT', 'QUANTITY'] as const;
interface Gold { id: string; text: string; entities: Array<{ start: number; end: number; type: string }> }
const files = readdirSync(root).filter((f) => f.endsWith('.gold.json')).sort();
// Two tables: "raw" scores tagMeasures alone; "merged" first drops system measures lying inside a gold named
// (non-measure) span, as the lead's outermost-wins merge does with the named layer's spans.
const tables = { raw: new Map<string, { tp: number; ns: number; ng: number }>(), merged: new Map<string, { tp: number; ns: number; ng: number }>() };
for (const m of Object.values(tables)) for (const t of [...TYPES, 'ALL']) m.set(t, { tp: 0, ns: 0, ng: 0 });
const lines: string[] = [];
let syllables = 0;
let ms = 0;
for (const f of files) {
  const d = JSON.parse(readFileSync(join(root, f), 'utf8')) as Gold;
  const tokens = tokenize(d.text);
  syllables += tokens.length;
  const t0 = performance.now();
  const raw = tagMeasures({ text: d.text, tokens });
  ms += performance.now() - t0;
  const named = d.entities.filter((e) => !(TYPES as readonly string[]).includes(e.type));
  const merged = raw.filter((e) => !named.some((g) => g.start <= e.start && e.end <= g.end));
  for (const [name, stats] of Object.entries(tables)) {
  const sys = name === 'raw' ? raw : merged;
  for (const t of [...TYPES, 'ALL'] as const) {
    const keep = (e: { type: string }) => (t === 'ALL' ? (TYPES as readonly string[]).includes(e.type) : e.type === t);
    const g = new Set(d.entities.filter(keep).map((e) => `${e.start}:${e.end}:${e.type}`));
    const s = new Set(sys.filter(keep).map((e) => `${e.start}:${e.end}:${e.type}`));
    const st = stats.get(t)!;
    st.ng += g.size;
    st.ns += s.size;
    for (const k of s) if (g.has(k)) st.tp++;
    if (verbose && t === 'ALL' && name === 'merged') {
      const ctx = (a: number, b: number) => `${d.text.slice(Math.max(0, a - 20), a)}[[${d.text.slice(a, b)}]]${d.text.slice(b, b + 20)}`.replace(/\n/g, '⏎');
      for (const k of g) if (!s.has(k)) { const [a, b, ty] = k.split(':'); lines.push(`${d.id}: MISSED ${ty} ${ctx(+a!, +b!)}`); }
      for (const k of s) if (!g.has(k)) { const [a, b, ty] = k.split(':'); lines.push(`${d.id}: SPURIOUS ${ty} ${ctx(+a!, +b!)}`); }
    }
  }
  }
}
const pct = (x: number) => (100 * x).toFixed(1);
console.log(`measures-eval: ${files.length} files in ${root}`);
for (const [name, stats] of Object.entries(tables)) {
  console.log(name === 'raw' ? 'raw (tagMeasures alone):' : 'merged (measures inside gold named spans dropped, as the entity merge does):');
  for (const [t, s] of stats) {
    const p = s.ns ? s.tp / s.ns : 0, r = s.ng ? s.tp / s.ng : 0, f1 = p + r ? (2 * p * r) / (p + r) : 0;
    console.log(`  ${t.padEnd(9)} P=${pct(p)} R=${pct(r)} F1=${pct(f1)}  (tp=${s.tp} sys=${s.ns} gold=${s.ng})`);
  }
}
console.log(`speed: ${Math.round(syllables / (ms / 1000))} tokens/s (tagMeasures only, first pass includes data load)`);
if (verbose) console.log(lines.join('\n'));
