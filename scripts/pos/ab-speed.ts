// Dev A/B timing of the part-of-speech tagger in one process: the sources of a base commit (extracted with
// `git archive <commit> src | tar -x -C .tmp/base`) against the working tree, interleaved so that both see the same
// machine load; CPU time, best and median of --reps, on bench/corpus.ts text (--chars, default 400k).
//   npx tsx scripts/pos/ab-speed.ts [--base .tmp/base/src] [--reps 15] [--chars 400000]
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildCorpus } from '../../bench/corpus.js';
import * as NEW from '../../src/index.js';

const arg = (name: string, def: string): string => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1]! : def);
const BASE = (await import(pathToFileURL(resolve(arg('--base', '.tmp/base/src'), 'index.ts')).href)) as typeof NEW;
const reps = Number(arg('--reps', '15'));
const chars = Number(arg('--chars', '400000'));
const text = buildCorpus(chars * 1.3).slice(0, chars);
const docs = text.split('\n\n');
const segs = docs.map((d) => NEW.segment(d));
const words = segs.flat().map((w) => w.text);
const cpu = (f: () => unknown): number => {
  const c = process.cpuUsage();
  f();
  const d = process.cpuUsage(c);
  return (d.user + d.system) / 1000;
};
const tasks: Array<[string, (lib: typeof NEW) => unknown]> = [
  ['tagWords (all words, one call)', (lib) => lib.tagWords(words)],
  ['tagSegmented (per document)', (lib) => docs.map((d, i) => lib.tagSegmented(d, segs[i]!))],
];
const stat = (xs: number[]): string => `best ${Math.min(...xs).toFixed(1)} median ${[...xs].sort((a, b) => a - b)[xs.length >> 1]!.toFixed(1)} ms`;
console.log(`${text.length} chars, ${docs.length} documents, ${words.length} words; CPU time, ${reps} interleaved runs`);
for (const [label, f] of tasks) {
  f(BASE);
  f(NEW);
  const a: number[] = [], b: number[] = [];
  for (let r = 0; r < reps; r++) {
    a.push(cpu(() => f(BASE)));
    b.push(cpu(() => f(NEW)));
  }
  const same = JSON.stringify(f(BASE)) === JSON.stringify(f(NEW));
  console.log(`  ${label}: base ${stat(a)} | new ${stat(b)} | ×${(Math.min(...a) / Math.min(...b)).toFixed(2)} (best), words/s new ${Math.round(words.length / Math.min(...b) * 1000).toLocaleString('en-US')} | same output ${same}`);
}
const te: number[] = [], an: number[] = [];
for (let r = 0; r < Math.max(3, reps >> 2); r++) {
  te.push(cpu(() => docs.map((d) => NEW.tagEntities(d))));
  an.push(cpu(() => docs.map((d) => NEW.analyze(d))));
}
console.log(`  tagEntities (per document) ${stat(te)} | analyze (per document, new) ${stat(an)} | analyze / tagEntities ×${(Math.min(...an) / Math.min(...te)).toFixed(2)}`);
