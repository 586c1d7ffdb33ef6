// `npm run eval:recase`: entity accuracy on text in the wrong case. Scores the dev gold (../shared/corpus/dev) and
// our held-out gold sets (eval/gold/heldout-*) as written, re-cased to lower case and to capitals. Re-casing maps
// each UTF-16 unit to its lower/upper form only where that keeps the length, so every gold offset stays valid; a
// file where some letter could not be mapped (its upper/lower form has another length) is flagged and skipped.
//
//   npm run eval:recase                  # builds, then scores dist/
//   VIETNLP_SRC=1 npx tsx scripts/eval/recase.ts   # scores src/ directly (no build; for development)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { pct } from './metrics.js';
import { scoreEntities, type EntityGoldDoc, type EntityLib } from './entities.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SHARED = resolve(process.env.VIETNLP_SHARED ?? join(ROOT, '..', 'shared'));
const entry = process.env.VIETNLP_SRC ? join(ROOT, 'src', 'index.ts') : join(ROOT, 'dist', 'index.js');
if (!existsSync(entry)) {
  console.log(`eval:recase: ${entry} is missing (run npm run build first).`);
  process.exit(1);
}
const lib = (await import(pathToFileURL(entry).href)) as EntityLib;

type Casing = 'as written' | 'lower' | 'capitals';
const CASINGS: readonly Casing[] = ['as written', 'lower', 'capitals'];

/** Re-cases `text` unit by unit, keeping the length; `bad` counts the letters left alone for that reason. */
function recase(text: string, casing: Casing): { text: string; bad: number } {
  if (casing === 'as written') return { text, bad: 0 };
  let out = '';
  let bad = 0;
  for (const ch of text) {
    const m = casing === 'lower' ? ch.toLowerCase() : ch.toUpperCase();
    if (m.length === ch.length) out += m;
    else {
      out += ch;
      bad++;
    }
  }
  return { text: out, bad };
}

const readDocs = (dir: string): EntityGoldDoc[] =>
  existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.gold.json')).sort().map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as EntityGoldDoc) : [];

const sets: Array<[string, EntityGoldDoc[]]> = [];
const dev = readDocs(join(SHARED, 'corpus', 'dev'));
if (dev.length) sets.push(['corpus/dev', dev]);
else console.log(`eval:recase: no dev gold at ${SHARED}/corpus/dev (set VIETNLP_SHARED): only our own sets are scored.`);
const own = join(ROOT, 'eval', 'gold');
if (existsSync(own)) {
  for (const d of readdirSync(own, { withFileTypes: true }).filter((e) => e.isDirectory() && e.name.startsWith('heldout-')).map((e) => e.name).sort()) {
    const docs = readDocs(join(own, d));
    if (docs.length) sets.push([`eval/gold/${d}`, docs]);
  }
}

const figures = new Map<string, { core: number; meas: number; off: number }>();
console.log(`== Entities on re-cased text (${process.env.VIETNLP_SRC ? 'src/' : 'dist/'}); F1 per casing`);
console.log(`  ${'set'.padEnd(20)} ${'casing'.padEnd(11)} ${'core'.padStart(6)} ${'meas.'.padStart(6)} ${'offic.'.padStart(6)}  docs`);
for (const [name, docs] of sets) {
  for (const casing of CASINGS) {
    const kept: EntityGoldDoc[] = [];
    for (const d of docs) {
      const r = recase(d.text, casing);
      if (r.bad) console.log(`  skipped ${d.id} (${casing}): ${r.bad} letter(s) whose ${casing === 'lower' ? 'lower' : 'upper'}-case form changes the length`);
      else kept.push({ ...d, text: r.text });
    }
    const s = scoreEntities(lib, name, kept);
    figures.set(`${name}|${casing}`, { core: s.core.f, meas: s.meas.f, off: s.off.f });
    console.log(`  ${name.padEnd(20)} ${casing.padEnd(11)} ${pct(s.core.f).padStart(6)} ${pct(s.meas.f).padStart(6)} ${pct(s.off.f).padStart(6)}  ${kept.length}/${docs.length}`);
  }
}

const dv = (c: Casing) => figures.get(`corpus/dev|${c}`);
if (dv('as written')) {
  const targets: Array<[string, number, number]> = [
    ['dev as written: core F1', dv('as written')!.core, 0.98],
    ['dev as written: measures F1', dv('as written')!.meas, 0.98],
    ['dev as written: officials F1', dv('as written')!.off, 0.98],
    ['dev lower-cased: core F1', dv('lower')!.core, 0.85],
    ['dev in capitals: core F1', dv('capitals')!.core, 0.88],
    ['dev lower-cased: officials F1', dv('lower')!.off, 0.8],
    ['dev in capitals: officials F1', dv('capitals')!.off, 0.8],
  ];
  console.log('\n== Targets (issue 11)');
  for (const [label, v, min] of targets) console.log(`  ${v >= min ? 'PASS' : 'FAIL'}  ${label}: ${pct(v)}% (>= ${pct(min)}%)`);
}
