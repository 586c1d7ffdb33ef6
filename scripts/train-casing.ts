// `npm run train:casing`: learns the truecasing model of src/text/casing.ts from ../shared/corpus/news-train
// (read at training time only; the package ships only the learned weights) and writes
// dictionaries/compiled/casing-model.txt.gz. Averaged perceptron over syllables, trained on mixed-case article
// bodies (titles and abstracts excluded; sentences in all capitals or without any capital skipped), input folded to
// lower case, target the written case. Prints held-out accuracy by class (see dictionaries/casing/MODEL.md).
//
//   npm run train:casing                       # default: 8,000 training articles, 1,000 held out, 3 epochs
//   npm run train:casing -- --articles 4000 --epochs 2
import { createReadStream, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createGunzip, gzipSync } from 'node:zlib';
import { CAP, LOWER, MAX_VOCAB, UPPER, caseClass, caseTokens, encodeTokens, predictSequence } from '../src/text/casing.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = resolve(process.env.VIETNLP_SHARED ?? join(ROOT, '..', 'shared'));
const arg = (name: string, def: number) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : def);
const N_TRAIN = arg('--articles', 8000);
const N_TEST = arg('--test', 1000);
const EPOCHS = arg('--epochs', 3);
const MIN_COUNT = arg('--min-count', 2);
const PRUNE = arg('--prune', 20); // features whose largest class difference is below this (×SCALE) are dropped

/** A mixed-case sentence: at least one capital, not all capitals. */
function usable(s: string): boolean {
  const letters = s.replace(/[^\p{L}]/gu, '');
  return letters.length > 0 && letters !== letters.toLowerCase() && letters !== letters.toUpperCase();
}

interface Doc { text: string }
const docs: Doc[] = [];
const input = createReadStream(join(SHARED, 'corpus', 'news-train', 'news-train.jsonl.gz')).pipe(createGunzip());
for await (const line of createInterface({ input })) {
  if (docs.length >= N_TRAIN + N_TEST) break;
  const a = JSON.parse(line) as { sentences: string[] };
  const sents = a.sentences.filter(usable);
  if (sents.length) docs.push({ text: sents.join(' ').normalize('NFC') });
}
input.destroy();
const train = docs.slice(0, N_TRAIN);
const test = docs.slice(N_TRAIN);
console.log(`articles: ${train.length} training, ${test.length} held out`);

// Vocabulary: folded syllables and punctuation seen >= MIN_COUNT times in training, most frequent first.
const counts = new Map<string, number>();
const encoded = (vocab: ReadonlyMap<string, number>, d: Doc) => {
  const toks = caseTokens(d.text);
  const e = encodeTokens(vocab, d.text, toks);
  const gold = e.raw.map((s, i) => (e.kinds[i] === 0 ? caseClass(s) : -1));
  return { ...e, gold };
};
for (const d of train) {
  const e = encoded(new Map(), d);
  for (let i = 0; i < e.keys.length; i++) if (e.kinds[i] === 0 || e.kinds[i] === 2) counts.set(e.keys[i]!, (counts.get(e.keys[i]!) ?? 0) + 1);
}
const words = [...counts].filter(([, c]) => c >= MIN_COUNT).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, MAX_VOCAB).map(([w]) => w).filter((w) => !/[\t\n]/.test(w));
const vocab = new Map(words.map((w, i) => [w, i + 3]));
console.log(`vocabulary: ${vocab.size} (of ${counts.size}, min count ${MIN_COUNT})`);
const trainEnc = train.map((d) => encoded(vocab, d));
const testEnc = test.map((d) => encoded(vocab, d));

// Averaged perceptron with lazy averaging: w (current), u (sum of step × update); average = w − u / step.
const index = new Map<number, number>();
let W = new Float64Array(3 << 16), U = new Float64Array(3 << 16);
const slot = (k: number): number => {
  let s = index.get(k);
  if (s === undefined) {
    s = index.size;
    index.set(k, s);
    if (3 * (s + 1) > W.length) {
      const w2 = new Float64Array(W.length * 2); w2.set(W); W = w2;
      const u2 = new Float64Array(U.length * 2); u2.set(U); U = u2;
    }
  }
  return s;
};
let step = 1;
const view = (k: number, acc: Float64Array) => { const s = index.get(k); if (s !== undefined) { acc[0] = acc[0]! + W[3 * s]!; acc[1] = acc[1]! + W[3 * s + 1]!; acc[2] = acc[2]! + W[3 * s + 2]!; } };
for (let epoch = 0; epoch < EPOCHS; epoch++) {
  let errors = 0, total = 0;
  for (const e of trainEnc) {
    predictSequence(view, e.kinds, e.keys, e.ids, (feats, n, guess, i) => {
      const g = e.gold[i]!;
      total++;
      if (guess !== g) {
        errors++;
        for (let j = 0; j < n; j++) {
          const s = 3 * slot(feats[j]!);
          W[s + g]! += 1; U[s + g]! += step;
          W[s + guess]! -= 1; U[s + guess]! -= step;
        }
      }
      step++;
    });
  }
  console.log(`epoch ${epoch + 1}: training errors ${(100 * errors / total).toFixed(2)}% of ${total} syllables, ${index.size} features`);
}

// Averaged, scaled to integers, features whose weights all round to 0 dropped.
const SCALE = 10;
const final = new Map<number, [number, number, number]>();
for (const [k, s] of index) {
  const w = [0, 1, 2].map((c) => Math.round(SCALE * (W[3 * s + c]! - U[3 * s + c]! / step))) as [number, number, number];
  const m = Math.min(...w);
  const v = w.map((x) => x - m) as [number, number, number]; // only differences between classes matter
  if (Math.max(...v) >= PRUNE) final.set(k, v);
}

// Held-out accuracy by class, the model against a unigram baseline (most frequent class of the folded syllable).
const uni = new Map<string, [number, number, number]>();
for (const e of trainEnc) for (let i = 0; i < e.keys.length; i++) if (e.gold[i]! >= 0) { const c = uni.get(e.keys[i]!) ?? [0, 0, 0]; c[e.gold[i]!]!++; uni.set(e.keys[i]!, c); }
type Tally = Record<string, [number, number]>;
const tally = (): Tally => ({ 'sentence-initial': [0, 0], 'names (Capitalised inside)': [0, 0], 'ACRONYMS (all caps)': [0, 0], 'other (lower case)': [0, 0], all: [0, 0] });
const model = tally(), base = tally();
for (const e of testEnc) {
  const pred = predictSequence((k, acc) => { const w = final.get(k); if (w) { acc[0] = acc[0]! + w[0]; acc[1] = acc[1]! + w[1]; acc[2] = acc[2]! + w[2]; } }, e.kinds, e.keys, e.ids);
  let initial = true;
  for (let i = 0; i < e.keys.length; i++) {
    if (e.kinds[i] !== 0) { if (e.kinds[i] === 3 || ['.', '!', '?', '…', ':'].includes(e.keys[i]!)) initial = true; continue; }
    const g = e.gold[i]!;
    const cls = initial ? 'sentence-initial' : g === CAP ? 'names (Capitalised inside)' : g === UPPER ? 'ACRONYMS (all caps)' : 'other (lower case)';
    const u = uni.get(e.keys[i]!);
    const b = initial ? CAP : u ? (u[1] > u[0] ? (u[2] > u[1] ? UPPER : CAP) : u[2] > u[0] ? UPPER : LOWER) : LOWER;
    for (const [t, p] of [[model, pred[i]!], [base, b]] as const) {
      t[cls]![1]++; t['all']![1]++;
      if (p === g) { t[cls]![0]++; t['all']![0]++; }
    }
    initial = false;
  }
}
console.log('\nheld-out accuracy by class     model   unigram baseline   syllables');
for (const k of Object.keys(model)) console.log(`  ${k.padEnd(28)} ${(100 * model[k]![0] / model[k]![1]).toFixed(2).padStart(6)}   ${(100 * base[k]![0] / base[k]![1]).toFixed(2).padStart(6)}   ${model[k]![1]}`);

const lines = ['vietnlp-casing 1 (scripts/train-casing.ts; averaged perceptron; weights ×' + SCALE + ')', words.join('\t')];
for (const [k, w] of [...final].sort((a, b) => a[0] - b[0])) lines.push(`${k.toString(36)} ${w.join(' ')}`);
const gz = gzipSync(lines.join('\n') + '\n', { level: 9 });
writeFileSync(join(ROOT, 'dictionaries', 'compiled', 'casing-model.txt.gz'), gz);
console.log(`\nwrote dictionaries/compiled/casing-model.txt.gz: ${final.size} features, ${(gz.length / 1024).toFixed(0)} KB gzipped`);
