// Learns which multi-syllable nouns follow numbers ("120 doanh nghiệp mới", "350 hộ nghèo") from
// ../shared/corpus/news-train (read at training time only) and writes dictionaries/compiled/counted-nouns.tsv:
// `phrase<TAB>count after a number<TAB>share of its occurrences that follow a number`, lower case, old tone
// placement (foldKey), most frequent first. Not wired into the measures layer (its owner decides how to use it).
//
//   npx tsx scripts/train-counted.ts [--articles 20000] [--min 10] [--share 0.06]
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
const N = arg('--articles', 20000);
const MIN = arg('--min', 10);
const SHARE = arg('--share', 0.06);

const require = createRequire(import.meta.url);
const dict = new Set(readFileSync(require.resolve('@vntk/dictionary/data/Viet74K.txt'), 'utf8').split('\n').map((w) => foldKey(w.trim())).filter((w) => w.includes(' ')));
// Function words and measure words that end or open no counted noun.
const STOP = new Set(foldKey('vừa trở gần hơn khoảng nhiều ít mỗi và của được là có các những này đó với cho trong ngoài trên dưới từ đến tại theo khi để thì mà như cũng đã sẽ đang ra vào lên về năm tháng ngày giờ phút tuổi lần người đồng triệu tỷ nghìn ngàn trăm km m ha tấn kg %').split(' '));

/** Lower-case syllable runs of a sentence, with `#` for a number and `|` for any other break. */
function syllables(s: string): string[] {
  return (s.match(/\d+(?:[.,]\d+)*|[\p{L}\p{M}]+|[^\s]/gu) ?? []).map((t) => (/^\d/.test(t) ? '#' : /^[\p{L}\p{M}]+$/u.test(t) ? (t === t.toLowerCase() ? foldKey(t) : '|') : '|'));
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

// Pass 1: 2- and 3-syllable lower-case phrases right after a number.
const after = new Map<string, number>();
for await (const s of sentences()) {
  const t = syllables(s);
  for (let i = 0; i + 2 < t.length + 1; i++) {
    if (t[i] !== '#') continue;
    for (let n = 2; n <= 3; n++) {
      const p = t.slice(i + 1, i + 1 + n);
      if (p.length < n || p.some((x) => x === '#' || x === '|')) break;
      const k = p.join(' ');
      after.set(k, (after.get(k) ?? 0) + 1);
    }
  }
}
const cands = new Map([...after].filter(([k, c]) => {
  const w = k.split(' ');
  return c >= MIN && !STOP.has(w[0]!) && !STOP.has(w[w.length - 1]!) && (dict.has(k) || dict.has(w.slice(0, 2).join(' ')));
}));

// Pass 2: every occurrence of the candidates, to keep those that mostly come counted.
const total = new Map<string, number>();
for await (const s of sentences()) {
  const t = syllables(s);
  for (let i = 0; i < t.length; i++) for (let n = 2; n <= 3; n++) {
    const k = t.slice(i, i + n).join(' ');
    if (cands.has(k)) total.set(k, (total.get(k) ?? 0) + 1);
  }
}
const kept = [...cands].map(([k, c]) => [k, c, c / (total.get(k) ?? c)] as const).filter(([k, c, r]) => {
  if (r < SHARE) return false;
  // A 3-syllable phrase only when it is a fixed continuation of its 2-syllable head (>= 30% of the head's counted uses).
  const w = k.split(' ');
  return w.length === 2 || c >= 0.3 * (after.get(w.slice(0, 2).join(' ')) ?? Infinity) || dict.has(k);
}).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
const out = ['# counted nouns learned from news-train by scripts/train-counted.ts (phrase, count after a number, share counted)']
  .concat(kept.map(([k, c, r]) => `${k}\t${c}\t${r.toFixed(3)}`));
writeFileSync(join(ROOT, 'dictionaries', 'compiled', 'counted-nouns.tsv'), out.join('\n') + '\n');
console.log(`${N} articles: ${after.size} phrases after numbers, ${cands.size} candidates, ${kept.length} kept (min ${MIN}, share >= ${SHARE})`);
