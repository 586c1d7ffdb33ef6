// Learns which multi-syllable nouns follow numbers ("120 doanh nghiệp", "350 hộ nghèo") from
// ../shared/corpus/news-train (read at training time only) and writes dictionaries/compiled/counted-nouns.tsv:
// `phrase<TAB>count after a number<TAB>share of its occurrences that follow a number<TAB>G²`, lower case, old tone
// placement (foldKey), most frequent first. The measures layer (src/entities/measures/lexicon.ts) reads it at run time.
//
// A phrase is kept only on statistics, no hand list of phrases:
//   1. frequency: it follows a number at least --min times;
//   2. association: its share of occurrences right after a number is at least --lift times the base rate (the share
//      of ALL lower-case two-syllable positions that follow a number), and the log-likelihood ratio G² of that share
//      against the base rate is at least --g2 (10.83: p < 0.001 for one degree of freedom);
//   3. part of speech: the phrase (for three syllables: the phrase or its two-syllable head) is a dictionary word whose
//      main (first) sense is a noun (@vntk/dictionary, MIT): `đưa tin`, `cất cánh`, `liên tiếp` go;
//   4. word boundaries: it ends at a word boundary in most of its occurrences (its last syllable and the next one form a
//      dictionary word in at most --cut of them: `điện thoại di|động`, `hài cốt liệt|sĩ` go), and for three syllables
//      the third is not the start of such a split either;
//   5. not a measure unit: its first word is not a unit, scale or currency of dictionaries/measures/units.tsv
//      (`thập kỷ qua` is a duration, handled by the time rules), and not a calendar word: at most half of its counted
//      uses have a date word or a date separator before the number (`ngày 15 âm lịch`, `15/7 âm lịch`);
//   6. a three-syllable phrase is a dictionary word, or: its third syllable is a noun or adjective by main sense and
//      has no preposition, conjunction or pronoun sense (not `về`, `của`, `này`, `đánh`), its second and third syllables are not one dictionary word (`người thương vong`
//      is `người` + `thương vong`), and it is a fixed continuation of its head (>= 30% of the head's counted uses).
//
//   npx tsx scripts/train-counted.ts [--articles 40000] [--min 10] [--lift 3] [--g2 10.83] [--cut 0.5]
import { createReadStream, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';
import { foldKey } from '../src/text/tone.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = resolve(process.env.VIETNLP_SHARED ?? join(ROOT, '..', 'shared'));
const arg = (name: string, def: number) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : def);
const N = arg('--articles', 40000);
const MIN = arg('--min', 10);
const LIFT = arg('--lift', 3);
const G2 = arg('--g2', 10.83);
const CUT = arg('--cut', 0.5);

const require = createRequire(import.meta.url);
const dictDir = dirname(require.resolve('@vntk/dictionary/package.json'));
const words74k = readFileSync(join(dictDir, 'data', 'Viet74K.txt'), 'utf8').split('\n').map((w) => foldKey(w.trim())).filter(Boolean);
const dict = new Set(words74k.filter((w) => w.includes(' ')));
const senses = JSON.parse(readFileSync(join(dictDir, 'data', 'dictionary.json'), 'utf8')) as Record<string, Array<{ pos: string }>>;
const mainPos = new Map<string, string>();
const functionWord = new Set<string>(); // a preposition, conjunction or pronoun sense (`của`, `và`, `này`)
for (const [w, s] of Object.entries(senses)) {
  if (s[0]) mainPos.set(foldKey(w), s[0].pos);
  if (s.some((x) => x.pos === 'E' || x.pos === 'C' || x.pos === 'P')) functionWord.add(foldKey(w));
}
const unitWords = new Set(
  readFileSync(join(ROOT, 'dictionaries', 'measures', 'units.tsv'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => foldKey(l.split('\t')[0]!)),
);

/** Lower-case syllable runs of a sentence, with `#` for a number, `/` for a date separator and `|` for any other break. */
function syllables(s: string): string[] {
  return (s.match(/\d+(?:[.,]\d+)*|[\p{L}\p{M}]+|[^\s]/gu) ?? []).map((t) =>
    /^\d/.test(t) ? '#' : /^[\p{L}\p{M}]+$/u.test(t) ? (t === t.toLowerCase() ? foldKey(t) : '|') : t === '/' || t === '-' ? '/' : '|',
  );
}

async function* sentences(): AsyncGenerator<string> {
  const input = createReadStream(join(SHARED, 'corpus', 'news-train', 'news-train.jsonl.gz')).pipe(createGunzip());
  let n = 0;
  for await (const line of createInterface({ input })) {
    if (n++ >= N) break;
    yield* (JSON.parse(line) as { sentences: string[] }).sentences;
  }
  input.destroy();
}

const isWord = (x: string | undefined): x is string => x !== undefined && x !== '#' && x !== '|' && x !== '/';

// Pass 1: 2- and 3-syllable lower-case phrases right after a number.
const after = new Map<string, number>();
const dated = new Map<string, number>(); // … where the number is a day, month or year (`ngày 15 âm lịch`)
const DATE_WORDS = new Set(['ngày', 'tháng', 'năm', 'mùng', 'mồng']);
for await (const s of sentences()) {
  const t = syllables(s);
  for (let i = 0; i < t.length; i++) {
    if (t[i] !== '#') continue;
    for (let n = 2; n <= 3; n++) {
      const p = t.slice(i + 1, i + 1 + n);
      if (p.length < n || !p.every(isWord)) break;
      const k = p.join(' ');
      after.set(k, (after.get(k) ?? 0) + 1);
      if (DATE_WORDS.has(t[i - 1] ?? '') || t[i - 1] === '/') dated.set(k, (dated.get(k) ?? 0) + 1);
    }
  }
}
const cands = new Set([...after].filter(([, c]) => c >= MIN).map(([k]) => k));

// Pass 2: every occurrence of the candidates (with the syllable after it), and the base rate.
const total = new Map<string, number>();
const splitEnd = new Map<string, number>(); // occurrences whose last syllable + the next one form a dictionary word
let positions = 0;
let afterNumber = 0;
for await (const s of sentences()) {
  const t = syllables(s);
  for (let i = 0; i < t.length; i++) {
    if (!isWord(t[i]) || !isWord(t[i + 1])) continue;
    positions++;
    if (t[i - 1] === '#') afterNumber++;
    for (let n = 2; n <= 3; n++) {
      const p = t.slice(i, i + n);
      if (p.length < n || !p.every(isWord)) break;
      const k = p.join(' ');
      if (!cands.has(k)) continue;
      total.set(k, (total.get(k) ?? 0) + 1);
      const next = t[i + n];
      if (isWord(next) && dict.has(`${p[n - 1]} ${next}`)) splitEnd.set(k, (splitEnd.get(k) ?? 0) + 1);
    }
  }
}
const base = afterNumber / Math.max(1, positions);

/** Log-likelihood ratio of c successes in n trials against the rate p. */
function g2(c: number, n: number, p: number): number {
  const term = (o: number, e: number): number => (o > 0 ? o * Math.log(o / e) : 0);
  return 2 * (term(c, n * p) + term(n - c, n * (1 - p)));
}

const nounWord = (k: string): boolean => dict.has(k) && mainPos.get(k) === 'N';
const kept = [...cands]
  .map((k) => {
    const c = after.get(k)!;
    const n = Math.max(c, total.get(k) ?? c);
    return { k, c, n, share: c / n, g: g2(c, n, base) };
  })
  .filter(({ k, c, n, share, g }) => {
    const w = k.split(' ');
    const head = w.slice(0, 2).join(' ');
    if (share < LIFT * base || g < G2) return false; // 2. association
    if (!(nounWord(k) || (w.length === 3 && nounWord(head)))) return false; // 3. a noun
    if ((splitEnd.get(k) ?? 0) > CUT * n) return false; // 4. ends inside a word
    if (unitWords.has(w[0]!) || unitWords.has(head)) return false; // 5. a unit …
    if ((dated.get(k) ?? 0) > 0.5 * c) return false; // … or a calendar word after a date (`15 âm lịch`)
    if (w.length === 2 || dict.has(k)) return true;
    // 6. three syllables, not a dictionary word: the third is a noun or adjective modifier (not `về`, `của`, `này`),
    // not the start of a word with the second (`người thương vong`, `thuộc địa phận`), and a fixed continuation.
    const third = mainPos.get(w[2]!);
    if ((third !== 'N' && third !== 'A') || functionWord.has(w[2]!)) return false;
    if (dict.has(`${w[1]} ${w[2]}`)) return false;
    return c >= 0.3 * (after.get(head) ?? Infinity);
  })
  .sort((a, b) => b.c - a.c || (a.k < b.k ? -1 : 1));
const out = [
  `# counted nouns learned from news-train by scripts/train-counted.ts (phrase, count after a number, share counted, G²); ${N} articles, min ${MIN}, lift ${LIFT} x base ${base.toFixed(4)}, G² >= ${G2}, cut ${CUT}`,
].concat(kept.map(({ k, c, share, g }) => `${k}\t${c}\t${share.toFixed(3)}\t${g.toFixed(1)}`));
writeFileSync(join(ROOT, 'dictionaries', 'compiled', 'counted-nouns.tsv'), out.join('\n') + '\n');
console.log(`${N} articles: ${after.size} phrases after numbers, ${cands.size} candidates, base rate ${base.toFixed(4)}, ${kept.length} kept`);
