// Dev-only: speed of summarize() on the generated benchmark corpus (bench/corpus.ts), split into documents at
// blank lines, with a breakdown of the layers it runs. Syllables = tokens other than punctuation (as bench/run.ts).
//   npx tsx scripts/dev/sum-speed.ts [--bytes=1100000] [--breakdown]
import { buildCorpus } from '../../bench/corpus.js';
import { countSyllables, medianMs, perSecond } from '../../bench/timing.js';
import { tokenize } from '../../src/text/tokens.js';
import { splitSentences } from '../../src/sentences/index.js';
import { segment } from '../../src/segment/index.js';
import { tagEntities } from '../../src/entities/index.js';
import { summarize, summarizeParts } from '../../src/summarize/index.js';

const bytes = Number(process.argv.find((a) => a.startsWith('--bytes='))?.slice(8) ?? 1_100_000);
const text = buildCorpus(bytes);
const docs = text.split('\n\n');
const syl = countSyllables(tokenize(text));
function time(label: string, fn: () => unknown, reps = 3): number {
  const ms = medianMs(fn, reps);
  console.log(`${label.padEnd(34)} ${perSecond(syl, ms).padStart(11)} syllables/s (${ms.toFixed(0)} ms)`);
  return ms;
}
console.log(`${docs.length} documents, ${syl.toLocaleString('en-US')} syllables`);
time('summarize (per document)', () => docs.map((d) => summarize(d)));
if (process.argv.includes('--breakdown')) {
  time('  splitSentences', () => docs.map((d) => splitSentences(d)));
  time('  segment', () => docs.map((d) => segment(d)));
  time('  tagEntities', () => docs.map((d) => tagEntities(d)));
  const parts = docs.map((d) => ({ sentences: splitSentences(d), words: segment(d), entities: tagEntities(d) }));
  time('  summarizeParts (given parts)', () => docs.map((d, i) => summarizeParts(d, parts[i]!)));
  time('summarize (one long document)', () => summarize(text), 1);
}
