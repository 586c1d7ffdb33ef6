// `npm run eval`: accuracy of the built package on the development data in ../shared (skipped cleanly when
// absent). Prints sentence-boundary F1, UD-VTB word-segmentation F1, entity P/R/F1 per type, officials and
// unit links, and ROUGE for summaries against Lead-k and TF-IDF centroid baselines; marks each target PASS/FAIL;
// then runs the reference scorers (../shared/tools/score) and checks that their figures agree with ours.
//
//   npm run eval                 # everything (builds first)
//   npm run eval -- --only ner   # one section: sent | ws | pos | ner | sum
//   npm run eval -- --no-check   # skip the cross-check against the reference scorers
//   npm run eval -- --by-source  # also precision and recall of each entity source (pattern / rule id)
import { scoreEntities } from './eval/entities.js';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Counter, canon, pct, rougeL, rougeN, rougeTokens, type PRF } from './eval/metrics.js';
import { readConllu } from './lib/conllu.js';

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

// ---------- part-of-speech tags (UD-VTB dev) ----------
// Gold words: accuracy of posTag(words). Raw text: posTag(text), CoNLL-2018 style aligned F1 (a word counts when its
// span and its tag both match). XPOS is compared through canonXpos (scripts/pos/conllu.ts): the dev file spells
// the train tag set differently (capitals, PUNCT for all marks, N for Nc, C for SC); exact-spelling accuracy is
// printed too.
async function posSection(): Promise<void> {
  const path = join(SHARED, 'data', 'ud-vtb', 'vi_vtb-ud-dev.conllu');
  if (!existsSync(path)) return line('== Part-of-speech tags: skipped (no UD-VTB dev file)');
  const { readTagged, canonXpos } = await import('./pos/conllu.js');
  const data = readTagged(path);
  let n = 0, upos = 0, xpos = 0, exact = 0, nGold = 0, nSys = 0, seg = 0, rawU = 0, rawX = 0;
  lib.posTag(['x']); // loads the model outside the timing
  const t0 = performance.now();
  const tagged = data.map((d) => lib.posTag(d.words));
  const ms = performance.now() - t0;
  data.forEach((d, i) => {
    tagged[i]!.forEach((t, j) => {
      n++;
      if (t.upos === d.upos[j]) upos++;
      if (t.xpos === d.xpos[j]) exact++;
      if (canonXpos(t.xpos) === canonXpos(d.xpos[j]!)) xpos++;
    });
    const words = lib.posTag(d.text);
    const gold = new Map(d.spans.map(([a, b], j) => [`${a}:${b}`, j]));
    nGold += d.spans.length;
    nSys += words.length;
    for (const w of words) {
      const j = gold.get(`${w.start}:${w.end}`);
      if (j === undefined) continue;
      seg++;
      if (w.upos === d.upos[j]) rawU++;
      if (canonXpos(w.xpos) === canonXpos(d.xpos[j]!)) rawX++;
    }
  });
  const f = (tp: number) => (2 * tp) / (nGold + nSys);
  line(`== Part-of-speech tags (UD-VTB dev, ${data.length} sentences, ${n} words; train-only model)`);
  line(`  gold words: UPOS ${pct(upos / n)} XPOS ${pct(xpos / n)} (exact spelling ${pct(exact / n)}) (${((n / ms) * 1000).toFixed(0)} words/s incl. GC)`);
  line(`  raw text (aligned F1): words ${pct(f(seg))} UPOS ${pct(f(rawU))} XPOS ${pct(f(rawX))}`);
  target('UD-VTB dev UPOS accuracy, gold words', upos / n, 0.94);
  target('UD-VTB dev UPOS F1 from raw text', f(rawU), 0.915);
  target('UD-VTB dev XPOS F1 from raw text', f(rawX), 0.895);
}
if (want('pos')) await posSection();

// ---------- entities ----------
// Scoring shared with scripts/eval/recase.ts (scripts/eval/entities.ts).
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
    target('sum-dev ROUGE-1 vs abstract − Lead-3 (points)', 100 * (t.vietnlp!.abs[0]! - t['lead-k']!.abs[0]!), 2);
    target('sum-dev ROUGE-2 vs abstract − Lead-3 (points)', 100 * (t.vietnlp!.abs[1]! - t['lead-k']!.abs[1]!), 0);
  }
  await summaryModelFigures();
}

/** The learned scorer's honest figures: report sets leave-one-set-out (stage 2 retrained without the scored set), and
 * the validation split of news-train as last measured by `npm run eval:summary` (too slow for this run). */
async function summaryModelFigures(): Promise<void> {
  const { loadSet, REPORT_SETS } = await import('./summary/gold.js');
  const { leaveOneSetOut } = await import('./summary/report-stage.js');
  const { defaultModel } = await import('../src/summarize/model.js');
  const sets = REPORT_SETS().map(([name, dir]) => loadSet(name, dir)).filter((x) => x.length);
  if (sets.length > 1) {
    line('== Summaries, report sets leave-one-set-out (the scorer\'s report stage retrained without the scored set; R1 vs gold extract)');
    const m = defaultModel();
    const rows = leaveOneSetOut(m.news, sets, m.select.redundancy, m.report.maxFloor ?? 0, (x) => line(x));
    const dev = rows.dev;
    if (dev) target('dev reports leave-one-set-out ROUGE-1 − best baseline (points)', 100 * (dev.ours - Math.max(dev.lead, dev.centroid)), 5);
  }
  const last = join(ROOT, '.tmp', 'summary', 'eval-summary.json');
  if (existsSync(last)) {
    const r = JSON.parse(readFileSync(last, 'utf8')) as { date: string; model: string; lines: string[]; margin: number };
    const current = (await import('node:crypto')).createHash('sha1').update(readFileSync(join(ROOT, 'dictionaries', 'compiled', 'summary-model.json'))).digest('hex').slice(0, 12);
    line(`== Summaries, validation split of news-train (from npm run eval:summary, ${r.date}${r.model === current ? '' : ', STALE: the model changed since'})`);
    for (const l of r.lines) line(`  ${l}`);
    if (r.model === current) target('validation split (4,000 news) ROUGE-1 vs abstract − Lead-3 (points)', r.margin, 2);
  } else line('== Summaries, validation split of news-train: run npm run eval:summary');
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

// ---------- per source (pattern / rule id): `--by-source` ----------
// Precision of a source: its spans that match a gold span exactly (offsets and type) over all its spans. Recall: those
// matches over the gold spans of the types the source produces (so a source's share of its types' recall).
if (args.includes('--by-source') && want('ner')) {
  const sets: Array<[string, GoldDoc[]]> = [['corpus/dev', dev]];
  if (existsSync(OWN)) for (const s of readdirSync(OWN, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()) sets.push([`eval/gold/${s}`, readDocs(join(OWN, s), /\.gold\.json$/)]);
  const stats = new Map<string, { sys: number; tp: number; types: Set<string> }>();
  const goldByType = new Map<string, number>();
  for (const [, docs] of sets) for (const d of docs) {
    const gold = new Set((d.entities ?? []).map((e) => `${e.start}:${e.end}:${e.type}`));
    for (const e of d.entities ?? []) goldByType.set(e.type, (goldByType.get(e.type) ?? 0) + 1);
    for (const e of lib.tagEntities(d.text)) {
      const s = stats.get(e.source) ?? { sys: 0, tp: 0, types: new Set<string>() };
      s.sys++;
      s.types.add(e.type);
      if (gold.has(`${e.start}:${e.end}:${e.type}`)) s.tp++;
      stats.set(e.source, s);
    }
  }
  line(`\n== Entities by source (${sets.map(([n]) => n).join(', ')})`);
  line(`  ${'source'.padEnd(28)} ${'P'.padStart(6)} ${'R'.padStart(6)}   tp  sys  types`);
  for (const [src, s] of [...stats].sort((a, b) => a[0].localeCompare(b[0]))) {
    const g = [...s.types].reduce((a, t) => a + (goldByType.get(t) ?? 0), 0);
    line(`  ${src.padEnd(28)} ${pct(s.tp / s.sys).padStart(6)} ${pct(g ? s.tp / g : 0).padStart(6)} ${String(s.tp).padStart(4)} ${String(s.sys).padStart(4)}  ${[...s.types].sort().join(',')}`);
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
