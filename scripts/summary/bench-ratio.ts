// summarize / segment on the same generated 4 MB report (the figure of `npm run bench`), repeated: the machine is
// shared, so each round measures both in turn. `npx tsx scripts/summary/bench-ratio.ts [rounds] [MB]` (after a build).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildCorpus } from '../../bench/corpus.js';
import { ROOT } from './paths.js';

const lib = (await import(pathToFileURL(join(ROOT, 'dist', 'index.js')).href)) as typeof import('../../src/index.js');
const rounds = Number(process.argv[2] ?? 3), size = Number(process.argv[3] ?? 4);
const report = buildCorpus(size * 1_000_000, 11);
const ms = (fn: () => unknown): number => { const t = performance.now(); fn(); return performance.now() - t; };
lib.summarize(report.slice(0, 200_000));
for (let r = 0; r < rounds; r++) {
  const seg = ms(() => lib.segment(report)), sum = ms(() => lib.summarize(report));
  console.log(`${size} MB round ${r + 1}: segment ${(seg / 1000).toFixed(2)} s, summarize ${(sum / 1000).toFixed(2)} s, ratio ×${(sum / seg).toFixed(2)}`);
}
