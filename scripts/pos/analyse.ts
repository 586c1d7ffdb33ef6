// Error analysis of the compiled POS model on UD-VTB dev (gold words): known vs unknown words (w.r.t. train),
// UPOS confusion, most frequent wrong words, and the train-vs-dev drift of frequent words.
// Run: npx tsx scripts/pos/analyse.ts [--data DIR]
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { parseLexicon } from '../../src/segment/lexicon.js';
import { buildPosContext, parsePosClusters, parsePosDict, posKey } from '../../src/pos/features.js';
import { createScratch, decodePosModel, tagContext } from '../../src/pos/model.js';
import { readTagged } from './conllu.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const i = process.argv.indexOf('--data');
const DATA = resolve(i > 0 ? process.argv[i + 1]! : process.env.UD_VTB_DIR ?? '/work/shared/data/ud-vtb');
const gz = (f: string): string => gunzipSync(readFileSync(join(ROOT, 'dictionaries/compiled', f))).toString('utf8');
const lex = parseLexicon(gz('lexicon.txt.gz'));
const dict = parsePosDict(gz('pos-dict.txt.gz'));
const model = decodePosModel(gz('pos-model.txt.gz'));
const extra = { clusters: parsePosClusters(gz('pos-clusters.txt.gz')) };
const train = readTagged(join(DATA, 'vi_vtb-ud-train.conllu'));
const dev = readTagged(join(DATA, 'vi_vtb-ud-dev.conllu'));

const trainTags = new Map<string, Map<string, number>>();
for (const s of train) s.words.forEach((w, j) => {
  const k = posKey(w);
  const m = trainTags.get(k) ?? new Map<string, number>();
  m.set(s.upos[j]!, (m.get(s.upos[j]!) ?? 0) + 1);
  trainTags.set(k, m);
});
const top = (m: Map<string, number>): string => [...m].sort((a, b) => b[1] - a[1])[0]![0];

const scratch = createScratch(model);
let n = 0, ok = 0, nk = 0, okk = 0, nu = 0, oku = 0, okUni = 0;
const conf = new Map<string, number>();
const wrongWords = new Map<string, number>();
const devTags = new Map<string, Map<string, number>>();
const unkConf = new Map<string, number>();
const cache = new Map();
for (const s of dev) {
  const ctx = buildPosContext(s.words, lex, dict, cache, undefined, extra);
  const out = new Uint8Array(ctx.n);
  tagContext(ctx, model, scratch, out);
  s.words.forEach((w, j) => {
    const g = s.upos[j]!, p = model.labels[out[j]!]!.upos;
    const k = posKey(w);
    const known = trainTags.has(k);
    n++; nk += known ? 1 : 0; nu += known ? 0 : 1;
    if (g === p) { ok++; if (known) okk++; else oku++; }
    if (known && top(trainTags.get(k)!) === g) okUni++;
    if (g !== p && !known) unkConf.set(`${g}->${p}`, (unkConf.get(`${g}->${p}`) ?? 0) + 1);
    if (g !== p && !known && process.argv.includes('--unknown')) console.log(`  unknown ${w} ${g}->${p} | ${s.words.slice(Math.max(0, j - 3), j + 4).join(' ')}`);
    if (g !== p) {
      conf.set(`${g}->${p}`, (conf.get(`${g}->${p}`) ?? 0) + 1);
      wrongWords.set(`${k} ${g}->${p}`, (wrongWords.get(`${k} ${g}->${p}`) ?? 0) + 1);
    }
    const m = devTags.get(k) ?? new Map<string, number>();
    m.set(g, (m.get(g) ?? 0) + 1);
    devTags.set(k, m);
  });
}
const pc = (a: number, b: number): string => (100 * a / b).toFixed(2);
console.log(`dev UPOS ${pc(ok, n)} (${n} words); known ${pc(okk, nk)} (${nk}), unknown ${pc(oku, nu)} (${nu}); train-unigram on known ${pc(okUni, nk)}`);
console.log(`errors: ${n - ok}; on known words ${nk - okk}, unknown ${nu - oku}`);
console.log('\nconfusions (gold->pred):');
for (const [k, c] of [...conf].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${k.padEnd(16)} ${c}`);
console.log('\nconfusions on unknown words:');
for (const [k, c] of [...unkConf].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`  ${k.padEnd(16)} ${c}`);
console.log('\nmost frequent errors:');
for (const [k, c] of [...wrongWords].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`  ${k.padEnd(30)} ${c}`);
// drift: errors on words whose top train tag differs from their top dev tag
let drift = 0;
for (const [k, c] of wrongWords) {
  const w = k.slice(0, k.lastIndexOf(' '));
  const t = trainTags.get(w), d = devTags.get(w);
  if (t && d && top(t) !== top(d)) drift += c;
}
console.log(`\nerrors on words whose most frequent train UPOS differs from their most frequent dev UPOS: ${drift}`);
