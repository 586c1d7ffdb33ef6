// Trains the word segmenter (hashed-feature averaged perceptron over token gaps) on UD Vietnamese-VTB TRAIN only,
// reports dev F1 (exact word spans, punctuation included, as /work/shared/tools/score/ws.mjs), and writes
// dictionaries/compiled/segmenter-model.txt.gz plus dictionaries/segment/MODEL.md.
// Run: npm run train   (= tsx scripts/train-segmenter.ts [--epochs N] [--bits B] [--data DIR] [--no-write])
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, gunzipSync } from 'node:zlib';
import { tokenize } from '../src/text/tokens.js';
import { buildContext, gapFeatures, MAX_FEATURES, type InfoCache } from '../src/segment/features.js';
import { parseLexicon, type Lexicon } from '../src/segment/lexicon.js';
import { decode } from '../src/segment/index.js';
import { encodeModel, type SegModel } from '../src/segment/model.js';
import { readConllu } from './lib/conllu.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (k: string, d: string): string => {
  const i = process.argv.indexOf(k);
  return i > 0 ? process.argv[i + 1]! : d;
};
const DATA = resolve(arg('--data', process.env.UD_VTB_DIR ?? '/work/shared/data/ud-vtb'));
const EPOCHS = Number(arg('--epochs', '12'));
const BITS = Number(arg('--bits', '17'));
const WRITE = !process.argv.includes('--no-write');

interface Sent { text: string; gold: Array<[number, number]> }


const trainPath = join(DATA, 'vi_vtb-ud-train.conllu');
const devPath = join(DATA, 'vi_vtb-ud-dev.conllu');
if (!existsSync(trainPath)) {
  console.log(`train-segmenter: UD-VTB not found at ${DATA} (set UD_VTB_DIR or --data); skipping.`);
  process.exit(0);
}

const lexText = gunzipSync(readFileSync(join(ROOT, 'dictionaries/compiled/lexicon.txt.gz'))).toString('utf8');
const lex: Lexicon = parseLexicon(lexText);
const train = readConllu(trainPath);
const dev = existsSync(devPath) ? readConllu(devPath) : [];
const MASK = (1 << BITS) - 1;

// ---- examples: features of every model-decided gap
const featBuf: number[] = [];
const featOff: number[] = [0];
const labels: number[] = [];
const cache: InfoCache = new Map();
const feats = new Int32Array(MAX_FEATURES);
for (const s of train) {
  const tokens = tokenize(s.text);
  const ctx = buildContext(s.text, tokens, lex, undefined, cache);
  const inWord = new Set<number>(); // token starts that are not word starts
  const starts = new Set(s.gold.map(([a]) => a));
  for (const t of tokens) if (!starts.has(t.start)) inWord.add(t.start);
  for (let i = 1; i < tokens.length; i++) {
    if (ctx.mode[i] !== 1) continue;
    const k = gapFeatures(ctx, i, MASK, feats);
    for (let f = 0; f < k; f++) featBuf.push(feats[f]!);
    featOff.push(featBuf.length);
    labels.push(inWord.has(tokens[i]!.start) ? 1 : -1);
  }
}
console.log(`train: ${train.length} sentences, ${labels.length} model-decided gaps (${labels.filter((y) => y > 0).length} joins)`);

// ---- averaged perceptron (several shuffles, weights averaged: a cheap ensemble)
const SEEDS = Number(arg('--seeds', '1'));
const MARGIN = Number(arg('--margin', '0'));
const avg = new Float64Array(1 << BITS);
for (let run = 0; run < SEEDS; run++) {
  const w = new Float64Array(1 << BITS);
  const u = new Float64Array(1 << BITS);
  let c = 1;
  const order = labels.map((_, i) => i);
  let seed = 12345 + run * 7919;
  const rand = (): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
  let errors = 0;
  for (let ep = 0; ep < EPOCHS; ep++) {
    for (let i = order.length - 1; i > 0; i--) { const j = Math.floor(rand() * (i + 1)); [order[i], order[j]] = [order[j]!, order[i]!]; }
    errors = 0;
    for (const ex of order) {
      const a = featOff[ex]!, b = featOff[ex + 1]!;
      let s = 0;
      for (let f = a; f < b; f++) s += w[featBuf[f]!]!;
      const y = labels[ex]!;
      if (y * s <= MARGIN) {
        errors++;
        for (let f = a; f < b; f++) { w[featBuf[f]!]! += y; u[featBuf[f]!]! += c * y; }
      }
      c++;
    }
  }
  console.log(`run ${run + 1}: ${errors} errors in the last epoch`);
  for (let i = 0; i < avg.length; i++) avg[i]! += (w[i]! - u[i]! / c) / SEEDS;
}
let maxAbs = 0;
for (let i = 0; i < avg.length; i++) maxAbs = Math.max(maxAbs, Math.abs(avg[i]!));
// Scale so that the largest weights still fit int16 but small ones keep precision: clip at a high quantile.
const absSorted = Array.from(avg).filter((x) => x !== 0).map(Math.abs).sort((a, b) => a - b);
const CLIP_Q = Number(arg('--clip', '1'));
const clip = absSorted[Math.floor((absSorted.length - 1) * CLIP_Q)] ?? maxAbs;
const scale = 32000 / Math.max(clip, 1e-9);
console.log(`non-zero averaged weights: ${absSorted.length}, max |w| ${maxAbs.toFixed(1)}, clip ${clip.toFixed(1)}`);
const q = new Int16Array(1 << BITS);
for (let i = 0; i < q.length; i++) q[i] = Math.max(-32767, Math.min(32767, Math.round(avg[i]! * scale)));

// ---- dev evaluation (same metric as ws.mjs)
function evaluate(model: SegModel, data: Sent[]): { p: number; r: number; f: number; multi: number } {
  let tp = 0, ns = 0, ng = 0, mt = 0, mg = 0;
  const cch: InfoCache = new Map();
  const fb = new Int32Array(MAX_FEATURES);
  for (const s of data) {
    const words = decode(s.text, tokenize(s.text), model, lex, undefined, cch, fb);
    const sys = new Set(words.map((x) => `${x.start}:${x.end}`));
    ns += sys.size; ng += s.gold.length;
    for (const [a, b] of s.gold) {
      const hit = sys.has(`${a}:${b}`);
      if (hit) tp++;
      if (s.text.slice(a, b).includes(' ')) { mg++; if (hit) mt++; }
    }
  }
  const p = tp / ns, r = tp / ng;
  return { p, r, f: (2 * p * r) / (p + r), multi: mt / mg };
}
const pct = (x: number): string => (100 * x).toFixed(2);
const model: SegModel = { bits: BITS, mask: MASK, weights: q };
const trainRes = evaluate(model, train);
console.log(`train (quantised): P=${pct(trainRes.p)} R=${pct(trainRes.r)} F1=${pct(trainRes.f)}`);
let devRes: ReturnType<typeof evaluate> | undefined;
if (dev.length) {
  devRes = evaluate(model, dev);
  console.log(`dev   (quantised): P=${pct(devRes.p)} R=${pct(devRes.r)} F1=${pct(devRes.f)} multi-syllable-recall=${pct(devRes.multi)}`);
}

if (WRITE) {
  const text = encodeModel(q, BITS, scale, { epochs: EPOCHS, trainedOn: 'UD Vietnamese-VTB train', devF1: devRes ? Number(pct(devRes.f)) : null });
  const gz = gzipSync(text, { level: 9 });
  mkdirSync(join(ROOT, 'dictionaries/compiled'), { recursive: true });
  writeFileSync(join(ROOT, 'dictionaries/compiled/segmenter-model.txt.gz'), gz);
  const nz = q.reduce((a, x) => a + (x !== 0 ? 1 : 0), 0);
  console.log(`wrote dictionaries/compiled/segmenter-model.txt.gz (${(gz.length / 1024).toFixed(0)} KB, ${nz} non-zero weights)`);
  writeFileSync(join(ROOT, 'dictionaries/segment/MODEL.md'), modelCard(gz.length, nz, devRes));
}

function modelCard(bytes: number, nz: number, d: typeof devRes): string {
  return `# Segmenter model

\`dictionaries/compiled/segmenter-model.txt.gz\` — generated by \`scripts/train-segmenter.ts\`; do not edit.

- **Data**: UD Vietnamese-VTB (Universal Dependencies), **train split only** (${train.length} sentences).
  Licence of the data and therefore of the model weights: **CC BY-SA 4.0**. The dev split is used only to report
  the figure below.
- **Retrain**: \`npm run train\` (= \`tsx scripts/train-segmenter.ts\`; reads \`/work/shared/data/ud-vtb\` or
  \`UD_VTB_DIR\`/\`--data DIR\`; skips with a message when the data is absent). Run \`npx tsx scripts/build-data.ts lexicon\` first
  if the lexicon changed: lexicon features are part of the model.
- **Model**: averaged perceptron (${EPOCHS} epochs${SEEDS > 1 ? `, ${SEEDS} shuffles averaged` : ''}) deciding each gap between two tokens
  (join / boundary), decoded independently per gap. Rules around it: letter/number tokens written without a
  space are always joined; punctuation and symbols never join with the model (only inside lexicon/user words such
  as \`Bà Rịa - Vũng Tàu\`); domain terms (dictionaries/segment/domain.txt) and user dictionary words are always
  exactly one word; capitalised unit names are joined inside (also in all-capital lines; provinces/districts in
  all-lower-case lines); a lower-case syllable never joins a following capitalised one; a family name right
  after a unit name starts a new word.
- **Features** (hashed into 2^${BITS} int16 weights): folded syllable unigrams/bigrams/trigrams in a window of
  ±2–3 tokens (\`foldKey\`: case, NFC/NFD and old/new tone placement do not matter), casing shapes
  (lower/Title/UPPER/number/punctuation/abbreviation; lines written all in capitals or all in lower case count
  as lower case), token kinds, white space, lexicon matches (longest word covering the gap, longest ending before
  / starting after, forward and backward maximum matching, whether the two syllables form a word of Viet74K, of the
  common list Viet22K or of the curated dictionary's headwords, place/domain flags), surname and middle-name flags.
- **Size**: ${(bytes / 1024).toFixed(0)} KB gzipped, ${nz} non-zero weights (int16, scale ${scale.toFixed(1)}).
- **Dev** (UD-VTB dev, exact word spans incl. punctuation): ${d ? `P=${pct(d.p)} R=${pct(d.r)} F1=${pct(d.f)}, multi-syllable-word recall ${pct(d.multi)}` : 'not measured'}.
`;
}
