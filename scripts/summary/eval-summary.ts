// `npm run eval:summary`: the summariser's figures that take longer than `npm run eval` allows.
//   - the validation split of news-train (4,000 articles fixed by id hash, never trained or tuned on): ROUGE-1/2
//     against the abstract, k = 3, vs Lead-3, with the built package (dist/);
//   - sum-dev (126 articles): the same against Lead-3;
//   - report sets, leave-one-set-out (stage 2 retrained without the scored set; see scripts/train-summary.ts).
//   npm run eval:summary [-- --limit=500]
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { rougeN, rougeTokens } from '../eval/metrics.js';
import { articleInput, readArticles, validationIds } from './data.js';
import { loadSet, REPORT_SETS, SUM_DEV } from './gold.js';
import { NEWS_TRAIN, ROOT } from './paths.js';
import { leaveOneSetOut } from './report-stage.js';
import { defaultModel } from '../../src/summarize/model.js';

type Lib = typeof import('../../src/index.js');
const lib = (await import(pathToFileURL(join(ROOT, 'dist', 'index.js')).href)) as Lib;
const limit = Number(process.argv.find((a) => a.startsWith('--limit='))?.slice(8) ?? Infinity);
const f = (x: number): string => (100 * x).toFixed(2);
const targets: Array<[string, number, number]> = [];
const validationLines: string[] = [];
let validationMargin = NaN;

function newsFigures(name: string, docs: Array<{ input: string; lead: string; ref: string }>): void {
  const acc = { o1: 0, o2: 0, l1: 0, l2: 0 };
  for (const d of docs) {
    const ours = rougeTokens(lib.summarize(d.input, { sentences: 3 }).text), lead = rougeTokens(d.lead), ref = rougeTokens(d.ref);
    acc.o1 += rougeN(ours, ref, 1); acc.o2 += rougeN(ours, ref, 2); acc.l1 += rougeN(lead, ref, 1); acc.l2 += rougeN(lead, ref, 2);
  }
  const n = Math.max(1, docs.length);
  const text = `${name} (${docs.length} articles, k = 3, vs abstract): vietnlp R1=${f(acc.o1 / n)} R2=${f(acc.o2 / n)} | Lead-3 R1=${f(acc.l1 / n)} R2=${f(acc.l2 / n)} | margin R1 ${f((acc.o1 - acc.l1) / n)} R2 ${f((acc.o2 - acc.l2) / n)}`;
  console.log(`== ${text}`);
  if (name.startsWith('validation')) { validationLines.push(text); validationMargin = 100 * (acc.o1 - acc.l1) / n; }
  targets.push([`${name} ROUGE-1 − Lead-3 (points)`, 100 * (acc.o1 - acc.l1) / n, 2]);
}

if (existsSync(NEWS_TRAIN)) {
  const val = await validationIds(NEWS_TRAIN);
  const docs: Array<{ input: string; lead: string; ref: string }> = [];
  for await (const a of readArticles(NEWS_TRAIN)) {
    if (!val.has(a.id)) continue;
    docs.push({ input: articleInput(a), lead: a.sentences.slice(0, 3).join(' '), ref: a.abstract });
    if (docs.length >= limit) break;
  }
  newsFigures('validation split of news-train', docs);
}
const sumDev = loadSet('sum-dev', SUM_DEV());
if (sumDev.length) newsFigures('sum-dev', sumDev.map((d) => ({ input: d.input, lead: d.region.slice(0, 3).join(' '), ref: d.reference })));

const sets = REPORT_SETS().map(([name, dir]) => loadSet(name, dir)).filter((s) => s.length);
if (sets.length) {
  console.log('== Report sets, leave-one-set-out (R1 vs gold extract)');
  const shipped = defaultModel();
  const rows = leaveOneSetOut(shipped.news, sets, shipped.select.redundancy, shipped.report.maxFloor ?? 0, console.log);
  const dev = rows.dev;
  if (dev) targets.push(['dev reports LOSO ROUGE-1 − best baseline (points)', 100 * (dev.ours - Math.max(dev.lead, dev.centroid)), 5]);
}
console.log('== Targets');
for (const [name, v, t] of targets) console.log(`  ${v >= t ? 'PASS' : 'FAIL'}  ${name}: ${v.toFixed(2)} (>= ${t})`);
// The validation-split lines, for npm run eval to show (with the model they were measured with).
if (Number.isFinite(limit)) process.exit(0);
mkdirSync(join(ROOT, '.tmp', 'summary'), { recursive: true });
const model = createHash('sha1').update(readFileSync(join(ROOT, 'dictionaries', 'compiled', 'summary-model.json'))).digest('hex').slice(0, 12);
writeFileSync(join(ROOT, '.tmp', 'summary', 'eval-summary.json'), JSON.stringify({ date: new Date().toISOString().slice(0, 16), model, lines: validationLines, margin: validationMargin }));
