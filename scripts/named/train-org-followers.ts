// Learns which lower-case words FOLLOW an organisation's name (and so end it) from ../shared/corpus/news-train
// (read at training time only) and writes dictionaries/entities/patterns/words-named-learned.tsv, section
// [org-name-followers], compiled by `npm run build:data` into src/entities/named/words.ts (ORG_NAME_FOLLOWERS).
//
// For every organisation head of kind `named` in dictionaries/compiled/entities.json (Bệnh viện, Công ty, Tổng cục…)
// written with a capital, the capitalised run after it is the name. The lower-case word w right after the run is
// either a continuation of the name (`Nội vụ`, `Văn hóa`, `Hậu cần`: "c w" is a dictionary word, c being the run's
// last syllable; or a short lower-case stretch closed by another capitalised word: `Bệnh nhiệt đới Trung ương`) or the first word after the name (`… Chợ Rẫy chi`, `… Bạch Mai cho biết`). We count, for each w, how often
// it follows a run as a non-word and as a word, and keep the words that are followers in at least SHARE of their
// occurrences and at least MIN times. The names themselves are never written out: only the follower words and counts.
//
//   npx tsx scripts/named/train-org-followers.ts [--articles 40000] [--min 4] [--share 0.9]
import { createReadStream, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';
import { isDictionaryNoun, isDictionaryWord } from '../../src/entities/named/dictionary.js';
import { foldKey } from '../../src/text/tone.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SHARED = resolve(process.env.VIETNLP_SHARED ?? join(ROOT, '..', 'shared'));
const arg = (name: string, def: number) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : def);
const N = arg('--articles', 40000);
const MIN = arg('--min', 4);
const SHARE = arg('--share', 0.9);

const organs = (JSON.parse(readFileSync(join(ROOT, 'dictionaries', 'compiled', 'entities.json'), 'utf8')) as { organs: Record<string, string> }).organs;
const heads = new Map<string, string[][]>();
for (const [k, v] of Object.entries(organs)) {
  if (v !== 'named') continue;
  const ws = k.split(' ');
  const l = heads.get(ws[0]!) ?? [];
  l.push(ws);
  heads.set(ws[0]!, l);
}
for (const l of heads.values()) l.sort((a, b) => b.length - a.length);

const WORD = /[\p{L}\p{M}]+|\d+(?:[.,]\d+)*|[^\s]/gu;
const isCap = (t: string) => /^\p{Lu}/u.test(t);
const isLowerWord = (t: string) => /^[\p{Ll}][\p{L}\p{M}]*$/u.test(t);

const follower = new Map<string, number>();
const glue = new Map<string, number>();
const inner = new Map<string, number>();
const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

/** The word at j: the two syllables j, j+1 when they make one dictionary word (`chi nhánh`), else syllable j. */
function wordKey(keys: readonly string[], j: number): string {
  const w2 = keys[j + 1];
  return w2 !== undefined && isDictionaryWord(keys[j]!, w2) ? `${keys[j]} ${w2}` : keys[j]!;
}

function scanSentence(s: string): void {
  const toks = s.normalize('NFC').match(WORD) ?? [];
  const keys = toks.map((t) => foldKey(t));
  for (let i = 0; i < toks.length; i++) {
    if (!isCap(toks[i]!)) continue;
    const cands = heads.get(keys[i]!);
    if (!cands) continue;
    const h = cands.find((ws) => ws.every((w, k) => keys[i + k] === w));
    if (!h) continue;
    let j = i + h.length;
    const start = j;
    while (j < toks.length && isCap(toks[j]!) && /^[\p{L}]/u.test(toks[j]!) && j - start < 6) j++;
    if (j === start || j >= toks.length || !isLowerWord(toks[j]!)) continue;
    const c = keys[j - 1]!;
    const w = wordKey(keys, j);
    // a short lower-case stretch closed by another capitalised word is inside the name (Bệnh viện Bệnh nhiệt đới
    // Trung ương, Sở Tài nguyên và Môi trường)
    let q = j;
    while (q < toks.length && q - j < 3 && isLowerWord(toks[q]!)) q++;
    const inside = q < toks.length && isCap(toks[q]!) && /^[\p{L}]/u.test(toks[q]!);
    if (inside || isDictionaryWord(c, keys[j]!)) bump(glue, w);
    // two-syllable dictionary nouns (not verbs: a predicate also stands between a name and a capitalised word) inside a lower-case stretch of up to 6 words closed by a capitalised word
    // (Phòng Cảnh sát giao thông Công an …, Viện Khoa học xã hội Việt Nam)
    let r = j;
    while (r < toks.length && r - j < 6 && isLowerWord(toks[r]!)) r++;
    if (r < toks.length && r > j && isCap(toks[r]!) && /^[\p{L}]/u.test(toks[r]!)) {
      for (let p = j; p + 1 < r; p++) if (isDictionaryNoun(keys[p]!, keys[p + 1]!)) bump(inner, `${keys[p]} ${keys[p + 1]}`);
    }
    else bump(follower, w);
    i = j - 1;
  }
}

async function main(): Promise<void> {
  const input = createReadStream(join(SHARED, 'corpus', 'news-train', 'news-train.jsonl.gz')).pipe(createGunzip());
  let n = 0;
  for await (const line of createInterface({ input })) {
    if (n++ >= N) break;
    const a = JSON.parse(line) as { sentences: string[] };
    for (const s of a.sentences) scanSentence(s);
  }
  input.destroy();
  const byCount = (a: [string, number], b: [string, number]) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1);
  const keep = [...follower.entries()].filter(([w, f]) => f >= MIN && f / (f + (glue.get(w) ?? 0)) >= SHARE).sort(byCount);
  const innerWords = [...inner.entries()].filter(([w, g]) => g >= MIN && g / (g + (follower.get(w) ?? 0)) >= SHARE).sort(byCount);
  const inside = [...glue.entries()].filter(([w, g]) => g >= MIN && g / (g + (follower.get(w) ?? 0)) >= SHARE).sort(byCount);
  const out = [
    '# Learned by scripts/named/train-org-followers.ts from the news-train corpus (counts only; no text copied); do not edit.',
    `# Lower-case words that follow an organisation's capitalised name (${n} articles, min ${MIN}, share ${SHARE}): they end`,
    '# the name unless they make one dictionary word with its last syllable. Entry, then "# times seen after a name".',
    '# Regenerate: npx tsx scripts/named/train-org-followers.ts && npm run build:data',
    '',
    '[org-name-followers]',
    ...keep.map(([w, f]) => `${w}\t# ${f}`),
    '',
    '# Lower-case words (or two-syllable dictionary words) seen inside organisation names, same counts and thresholds:',
    '# they continue a name even when they make no dictionary word with the syllable before them (`Bệnh nhiệt đới`).',
    '[org-name-inside]',
    ...inside.map(([w, g]) => `${w}\t# ${g}`),
    '',
    '# Two-syllable dictionary nouns seen inside the lower-case stretch of organisation names (closed by a capitalised',
    '# word: Cảnh sát giao thông Công an …), same thresholds: a name goes on across them (`Cục Cảnh sát giao thông`).',
    '[org-name-inner-words]',
    ...innerWords.map(([w, g]) => `${w}\t# ${g}`),
    '',
  ];
  writeFileSync(join(ROOT, 'dictionaries', 'entities', 'patterns', 'words-named-learned.tsv'), out.join('\n'));
  for (const w of (process.env.SHOW ?? "").split(",").filter(Boolean)) console.log(w, follower.get(w) ?? 0, glue.get(w) ?? 0);
  console.log(`org-name-followers: ${keep.length} words, org-name-inside: ${inside.length}, org-name-inner-words: ${innerWords.length} (of ${follower.size} seen; ${n} articles)`);
}

void main();
