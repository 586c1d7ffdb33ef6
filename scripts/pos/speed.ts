// Dev timing of part-of-speech tagging (dist/, so `npm run build` first): tagWords words/s, tagSegmented alone,
// posTag (segmentation included), and analyze vs tagEntities per document, on bench/corpus.ts news-like text.
//   npx tsx scripts/pos/speed.ts [--chars 400000] [--reps 5]
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildCorpus } from '../../bench/corpus.js';
import { medianTimes, perSecond } from '../../bench/timing.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const lib = (await import(pathToFileURL(join(ROOT, 'dist', 'index.js')).href)) as typeof import('../../src/index.js');
const arg = (name: string, def: number): number => {
  const i = process.argv.indexOf(name);
  return i < 0 ? def : Number(process.argv[i + 1]);
};
const chars = arg('--chars', 400_000);
const reps = arg('--reps', 5);
const text = buildCorpus(chars * 1.3).slice(0, chars); // bytes > chars in UTF-8 Vietnamese
const docs = text.split('\n\n');
const segs = docs.map((d) => lib.segment(d));
const words = segs.flat().map((w) => w.text);
lib.posTag('Khởi động.');
const row = (label: string, t: { wall: number; cpu: number }, extra = ''): void =>
  console.log(`  ${label.padEnd(28)} ${t.wall.toFixed(1).padStart(8)} ms wall ${t.cpu.toFixed(1).padStart(8)} ms CPU  ${extra}`);
console.log(`${text.length} chars, ${docs.length} documents, ${words.length} words, median of ${reps}`);
const tw = medianTimes(() => lib.tagWords(words), reps);
row('tagWords (all words)', tw, `${perSecond(words.length, tw.wall)} words/s (CPU ${perSecond(words.length, tw.cpu)})`);
const ts = medianTimes(() => docs.map((d, i) => lib.tagSegmented(d, segs[i]!)), reps);
row('tagSegmented (per doc)', ts, `${perSecond(words.length, ts.wall)} words/s`);
const pt = medianTimes(() => lib.posTag(text), reps);
row('posTag (incl. segment)', pt);
const te = medianTimes(() => docs.map((d) => lib.tagEntities(d)), reps);
row('tagEntities (per doc)', te);
const an = medianTimes(() => docs.map((d) => lib.analyze(d)), reps);
row('analyze (per doc)', an);
console.log(`  analyze / tagEntities ×${(an.wall / te.wall).toFixed(2)} (CPU ×${(an.cpu / te.cpu).toFixed(2)}); tagSegmented / tagEntities ×${(ts.wall / te.wall).toFixed(2)} (CPU ×${(ts.cpu / te.cpu).toFixed(2)})`);
