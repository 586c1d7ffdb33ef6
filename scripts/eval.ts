// `npm run eval`: accuracy of the built package on the development data in ../shared (skipped cleanly when
// absent). Prints sentence-boundary F1, UD-VTB word-segmentation F1, entity P/R/F1 per type, officials and
// unit links, and ROUGE for summaries against Lead-k and TF-IDF centroid baselines; marks each target PASS/FAIL;
// then runs the reference scorers (../shared/tools/score) and checks that their figures agree with ours.
//
//   npm run eval                 # everything (builds first)
//   npm run eval -- --only ner   # one section: sent | ws | ner | sum
//   npm run eval -- --no-check   # skip the cross-check against the reference scorers
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Counter, canon, pct, rougeL, rougeN, rougeTokens, type PRF } from './eval/metrics.js';
import { readConllu } from './lib/conllu.js';
import { scoreEntities } from './eval/entities.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = resolve(process.env.VIETNLP_SHARED ?? join(ROOT, '..', 'shared'));
const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const check = !args.includes('--no-check');
const want = (s: string) => !only || only === s;

const hasShared = existsSync(join(SHARED, 'corpus'));
if (!hasShared) console.log(`eval: no development data at ${SHARED} (set VIETNLP_SHARED to its folder): its sections are skipped.`);
if (!existsSync(join(ROOT, 'dist', 'index.js'))) {
  console.log('eval: building first (npm run build)…');
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
}
type Lib = typeof import('../src/index.js');
const lib = (await import(pathToFileURL(join(ROOT, 'dist', 'index.js')).href)) as Lib;

interface GoldEntity { start: number; end: number; type: string; text: string; link?: { code?: string; era?: string; level?: string } }
interface GoldDoc {
  id: string; text: string; sentences?: Array<[number, number]>; entities?: GoldEntity[];
  officials?: Array<{ person: string; positions?: string[] }>; summary?: { sentences?: number[]; reference?: string; k?: number };
}
const readDocs = (dir: string, re: RegExp): GoldDoc[] =>
  existsSync(dir) ? readdirSync(dir).filter((f) => re.test(f)).sort().map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as GoldDoc) : [];
const devDir = join(SHARED, 'corpus', 'dev');
const dev = readDocs(devDir, /\.gold\.json$/);
const sumDev = readDocs(join(SHARED, 'corpus', 'sum-dev'), /\.sum\.json$/);

const results: Array<{ name: string; value: number; target: number; ok: boolean }> = [];
const target = (name: string, value: number, min: number) => results.push({ name, value, target: min, ok: value >= min });
const line = (s = '') => console.log(s);
const fmt = (r: PRF) => `P=${pct(r.p)} R=${pct(r.r)} F1=${pct(r.f)}`;
const ours: Record<string, number> = {};

// ---------- sentences ----------
function sentenceScore(name: string, docs: GoldDoc[]): PRF {
  const endOf = (text: string, e: number) => { while (e > 0 && /\s/.test(text[e - 1]!)) e--; return e; };
  const c = new Counter();
  for (const d of docs.filter((x) => x.sentences?.length)) {
    const g = [...new Set(d.sentences!.map(([, e]) => endOf(d.text, e)))].map(String);
    const s = [...new Set(lib.splitSentences(d.text).map((x) => endOf(d.text, x.end)))].map(String);
    c.add(s, g);
  }
  line(`== Sentences (${name}, ${docs.length} docs): boundary ${fmt(c.prf)}`);
  return c.prf;
}
if (want('sent') && dev.length) {
  const r = sentenceScore('corpus/dev', dev);
  ours['sent.f'] = r.f;
  target('sentence-boundary F1 (dev)', r.f, 0.98);
}

// ---------- word segmentation ----------
if (want('ws')) {
  const path = join(SHARED, 'data', 'ud-vtb', 'vi_vtb-ud-dev.conllu');
  if (existsSync(path)) {
    const data = readConllu(path);
    const c = new Counter();
    let multiGold = 0, multiTp = 0, syl = 0;
    const t0 = performance.now();
    const outs = data.map((d) => lib.segment(d.text));
    const ms = performance.now() - t0;
    data.forEach((d, i) => {
      const s = outs[i]!.map((w) => `${w.start}:${w.end}`);
      const g = d.gold.map(([a, b]) => `${a}:${b}`);
      c.add(s, g);
      const ss = new Set(s);
      syl += d.text.split(' ').length;
      for (const [a, b] of d.gold) if (d.text.slice(a, b).includes(' ')) { multiGold++; if (ss.has(`${a}:${b}`)) multiTp++; }
    });
    line(`== Word segmentation (UD-VTB dev, ${data.length} sentences, ${syl} syllables): ${fmt(c.prf)} multi-syllable-recall=${pct(multiTp / multiGold)} (${((syl / ms) * 1000).toFixed(0)} syl/s incl. GC)`);
    ours['ws.f'] = c.prf.f;
    target('UD-VTB dev word F1 (train-only model)', c.prf.f, 0.97);
  } else line('== Word segmentation: skipped (no UD-VTB dev file)');
}

// ---------- entities (scripts/eval/entities.ts) ----------
const entityScores = (name: string, docs: GoldDoc[]) => scoreEntities(lib, name, docs, line);
if (want('ner') && dev.length) {
  const { core, meas, coarse, off, link } = entityScores('corpus/dev', dev);
  Object.assign(ours, { 'ner.core': core.f, 'ner.meas': meas.f, 'ner.coarse': coarse.f, 'ner.off': off.f, 'ner.link': link });
  target('entities core F1', core.f, 0.9);
  target('entities measures F1', meas.f, 0.95);
  target('officials pair F1', off.f, 0.9);
  target('unit links', link, 0.9);
}

// ---------- summaries ----------
interface Prepared { input: string; region: string[]; k: number; goldExtract: string; reference: string }
function prepare(d: GoldDoc): Prepared {
  const sents = (d.sentences ?? []).map(([a, b]) => ({ a, text: d.text.slice(a, b) }));
  let input = d.text;
  let region = sents;
  if (d.id.startsWith('real-')) {
    // Real articles: title + body; the abstract (sapo) the summary is scored against is removed.
    const parts = d.text.split('\n\n');
    const bodyStart = parts[0]!.length + 2 + (parts[1]?.length ?? 0) + 2;
    input = `${parts[0]}\n\n${d.text.slice(bodyStart)}`;
    region = sents.filter((s) => s.a >= bodyStart);
  } else region = sents.slice(1);
  const k = d.summary?.sentences?.length || d.summary?.k || 3;
  return { input, region: region.map((s) => s.text), k, goldExtract: (d.summary?.sentences ?? []).map((i) => sents[i]?.text ?? '').join(' '), reference: d.summary?.reference ?? '' };
}
function centroid(p: Prepared): string {
  const sets = p.region.map((s) => new Set(rougeTokens(s)));
  const df = new Map<string, number>();
  for (const s of sets) for (const w of s) df.set(w, (df.get(w) ?? 0) + 1);
  const tf = new Map<string, number>();
  for (const s of p.region) for (const w of rougeTokens(s)) tf.set(w, (tf.get(w) ?? 0) + 1);
  const n = sets.length;
  const scores = p.region.map((s) => {
    const t = rougeTokens(s);
    let v = 0;
    for (const w of new Set(t)) v += (tf.get(w) ?? 0) * Math.log(1 + n / (df.get(w) ?? 1));
    return v / Math.sqrt(1 + t.length);
  });
  return scores.map((v, i) => [v, i] as const).sort((x, y) => y[0] - x[0]).slice(0, p.k).map(([, i]) => i).sort((x, y) => x - y).map((i) => p.region[i]).join(' ');
}
function rougeTable(name: string, docs: GoldDoc[]): Record<string, { abs: number[]; ext: number[] }> {
  const prepared = docs.filter((d) => d.summary?.sentences?.length || d.summary?.k).map(prepare);
  const systems: Record<string, (p: Prepared) => string> = {
    vietnlp: (p) => lib.summarize(p.input, { sentences: p.k }).sentences.map((s) => s.text).join(' '),
    'lead-k': (p) => p.region.slice(0, p.k).join(' '),
    centroid,
  };
  const table: Record<string, { abs: number[]; ext: number[] }> = {};
  line(`== Summaries (${name}, ${prepared.length} docs; ROUGE F1 on syllables, case and tone folded)`);
  for (const [sysName, run] of Object.entries(systems)) {
    const outs = prepared.map((p) => rougeTokens(run(p)));
    const avg = (sel: (p: Prepared) => string, f: (o: string[], g: string[]) => number) => {
      const idx = prepared.map((p, i) => [p, i] as const).filter(([p]) => sel(p));
      return idx.length ? idx.reduce((a, [p, i]) => a + f(outs[i]!, rougeTokens(sel(p))), 0) / idx.length : NaN;
    };
    const fs = [(o: string[], g: string[]) => rougeN(o, g, 1), (o: string[], g: string[]) => rougeN(o, g, 2), rougeL];
    const abs = fs.map((f) => avg((p) => p.reference, f));
    const ext = fs.map((f) => avg((p) => p.goldExtract, f));
    table[sysName] = { abs, ext };
    const show = (xs: number[]) => (Number.isNaN(xs[0]!) ? 'n/a' : `R1=${pct(xs[0]!)} R2=${pct(xs[1]!)} RL=${pct(xs[2]!)}`);
    line(`  ${sysName.padEnd(9)} vs abstract ${show(abs)} | vs gold extract ${show(ext)}`);
  }
  return table;
}
if (want('sum')) {
  if (dev.length) {
    const t = rougeTable('corpus/dev', dev);
    const best1 = Math.max(t['lead-k']!.ext[0]!, t.centroid!.ext[0]!);
    ours['sum.dev.r1'] = t.vietnlp!.ext[0]!;
    target('ROUGE-1 vs gold extract − best baseline (points)', 100 * (t.vietnlp!.ext[0]! - best1), 5);
    target('ROUGE-2 vs gold extract − best baseline (points)', 100 * (t.vietnlp!.ext[1]! - Math.max(t['lead-k']!.ext[1]!, t.centroid!.ext[1]!)), 0.0001);
  }
  if (sumDev.length) {
    const t = rougeTable('corpus/sum-dev', sumDev);
    ours['sum.sumdev.r1'] = t.vietnlp!.abs[0]!;
    target('sum-dev ROUGE-1 vs abstract − Lead-3 (points)', 100 * (t.vietnlp!.abs[0]! - t['lead-k']!.abs[0]!), 0);
    target('sum-dev ROUGE-2 vs abstract − Lead-3 (points)', 100 * (t.vietnlp!.abs[1]! - t['lead-k']!.abs[1]!), 0);
  }
}

// ---------- our own gold sets (written for vietnlp; no targets) ----------
const OWN = join(ROOT, 'eval', 'gold');
if (existsSync(OWN)) {
  for (const set of readdirSync(OWN, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()) {
    const docs = readDocs(join(OWN, set), /\.gold\.json$/);
    if (!docs.length) continue;
    line(`\n==== Own gold set eval/gold/${set} (see eval/gold/README.md)`);
    if (want('sent')) sentenceScore(`eval/gold/${set}`, docs);
    if (want('ner')) entityScores(`eval/gold/${set}`, docs);
    if (want('sum')) rougeTable(`eval/gold/${set}`, docs);
  }
}

// ---------- targets ----------
line('\n== Targets');
if (!results.length) line('  (none: the development data is absent)');
for (const r of results) {
  const v = r.name.includes('points') ? `${r.value.toFixed(2)} (>= ${r.target})` : `${pct(r.value)}% (>= ${pct(r.target)}%)`;
  line(`  ${r.ok ? 'PASS' : 'FAIL'}  ${r.name}: ${v}`);
}

// ---------- cross-check against the reference scorers ----------
const SCORE = join(SHARED, 'tools', 'score');
if (check && existsSync(SCORE)) {
  line('\n== Cross-check with the reference scorers (../shared/tools/score)');
  const run = (script: string, ...a: string[]) => execFileSync('node', [join(SCORE, script), ...a], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  const num = (out: string, re: RegExp) => { const m = out.match(re); return m ? Number(m[1]) / 100 : NaN; };
  const agree: Array<[string, number | undefined, number]> = [];
  if (ours['sent.f'] !== undefined) agree.push(['sentence F1', ours['sent.f'], num(run('sent.mjs', devDir), /F1=([\d.]+)/)]);
  if (ours['ws.f'] !== undefined) agree.push(['segmentation F1', ours['ws.f'], num(run('ws.mjs'), /F1=([\d.]+)/)]);
  if (ours['ner.core'] !== undefined) {
    const out = run('ner.mjs', devDir);
    agree.push(['core F1', ours['ner.core'], num(out, /core F1=([\d.]+)/)], ['measures F1', ours['ner.meas'], num(out, /measures F1=([\d.]+)/)],
      ['coarse F1', ours['ner.coarse'], num(out, /coarse PER\/ORG\/LOC F1=([\d.]+)/)], ['officials F1', ours['ner.off'], num(out, /officials F1=([\d.]+)/)],
      ['unit links', ours['ner.link'], num(out, /unit links=([\d.]+)/)]);
  }
  if (ours['sum.dev.r1'] !== undefined) agree.push(['dev ROUGE-1 vs extract', ours['sum.dev.r1'], num(run('sum.mjs', devDir, '--systems', 'vietnlp'), /gold extract R1=([\d.]+)/)]);
  if (ours['sum.sumdev.r1'] !== undefined) agree.push(['sum-dev ROUGE-1 vs abstract', ours['sum.sumdev.r1'], num(run('sum.mjs', join(SHARED, 'corpus', 'sum-dev'), '--systems', 'vietnlp'), /abstract R1=([\d.]+)/)]);
  let bad = 0;
  for (const [name, a, b] of agree) {
    const same = a !== undefined && Math.abs(a - b) < 0.00006;
    if (!same) bad++;
    line(`  ${same ? 'agrees ' : 'DIFFERS'} ${name}: ours ${pct(a ?? NaN)} / reference ${pct(b)}`);
  }
  if (bad) process.exitCode = 1;
}
