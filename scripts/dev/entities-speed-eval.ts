// Speed of the entity tagger, whole and per layer, on generated news-like text (bench/corpus.ts).
//   npx tsx scripts/dev/entities-speed-eval.ts [bytes]      # default 1.1 MB, one tagEntities call on the whole text
//   npx tsx scripts/dev/entities-speed-eval.ts 10500000     # linearity check (compare the per-syllable cost)
// Also times the layers separately (tokenize, view, named rules, measures, admin) to show where the time goes.
import { buildCorpus } from '../../bench/corpus.js';
import { countSyllables, medianMs, perSecond } from '../../bench/timing.js';
import { tokenize } from '../../src/text/tokens.js';
import { tagEntities } from '../../src/entities/index.js';
import { buildView } from '../../src/entities/named/view.js';
import { namedCandidates } from '../../src/entities/named/rules.js';
import { getDefaultLexicon } from '../../src/entities/named/lexicon.js';
import { tagMeasures } from '../../src/entities/measures/index.js';
import { tagAdminUnits } from '../../src/entities/admin/index.js';
import { createDocContext } from '../../src/entities/context.js';

const bytes = Number(process.argv[2] ?? 1_100_000);
const text = buildCorpus(bytes);
const tokens = tokenize(text);
const syl = countSyllables(tokens);
function time(label: string, fn: () => unknown, reps = 3): number {
  const ms = medianMs(fn, reps);
  console.log(`${label.padEnd(16)} ${perSecond(syl, ms).padStart(11)} syl/s  ${ms.toFixed(0).padStart(6)} ms`);
  return ms;
}
console.log(`${(text.length / 1e6).toFixed(2)} M chars, ${syl.toLocaleString('en-US')} syllables`);
time('tagEntities', () => tagEntities(text));
time('tokenize', () => tokenize(text));
const ctx = createDocContext(text, tokens);
time('context', () => createDocContext(text, tokens));
const lex = getDefaultLexicon();
time('view', () => buildView(ctx));
const view = buildView(ctx);
time('named', () => namedCandidates(view, lex));
time('measures', () => tagMeasures(ctx));
time('admin', () => tagAdminUnits(ctx));
