// Compiles the measure lexicon into dictionaries/compiled/measures.json.gz:
//  - units.tsv, counted-nouns.txt, not-counted.txt from dictionaries/measures/ (written by us);
//  - a noun list for the general "number + noun" rule, derived from @vntk/dictionary (MIT): every lower-case word
//    of 2–4 syllables in Viet74K whose dictionary entry has a noun sense (or, when the word has no entry, whose first
//    syllable has a noun sense), every single syllable with a noun sense, and the two-syllable non-nouns that start
//    with such a syllable (`ưu tiên`, `diễn ra`), which stop the single-syllable fallback;
//  - `verbsBefore`: two-syllable verbs ending in an ordinal cue syllable (`chỉnh trang`, `nâng cấp`);
//  - `secondary`: words of 1–2 syllables with a noun sense that is not their main (first) sense (`hoạt động`).
// Keys are folded with foldKey (NFC, lower case, old tone placement), as the tagger folds tokens.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { NOT_COUNT_BEFORE } from '../../src/entities/measures/words.js';
import { foldKey } from '../../src/text/tone.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const src = join(root, 'dictionaries', 'measures');
const out = join(root, 'dictionaries', 'compiled');

function lines(file: string): string[] {
  return readFileSync(join(src, file), 'utf8')
    .split('\n')
    .map((l) => l.replace(/\r$/, ''))
    .filter((l) => l.trim() && !l.startsWith('#'));
}

interface DictSense {
  pos: string;
  sub_pos?: string;
}

export function build(): void {
  const units = lines('units.tsv').map((l) => {
    const [form, canonical, kind, factor] = l.split('\t');
    if (!form || !canonical || !kind) throw new Error(`measures: bad units.tsv line ${JSON.stringify(l)}`);
    return [foldKey(form), canonical, kind, Number(factor ?? '1')] as const;
  });
  const counted = [...new Set(lines('counted-nouns.txt').map((l) => foldKey(l)))].sort();
  const notCounted = [...new Set(lines('not-counted.txt').map((l) => foldKey(l)))].sort();
  const ncText = readFileSync(join(src, 'not-counted.txt'), 'utf8');
  const fnStart = ncText.indexOf('# --- function words');
  const functionWords = new Set(fnStart < 0 ? [] : ncText.slice(fnStart).split('\n').filter((l) => l.trim() && !l.startsWith('#')).map((l) => foldKey(l)));

  const require = createRequire(import.meta.url);
  const pkgDir = dirname(require.resolve('@vntk/dictionary/package.json'));
  const defs = JSON.parse(readFileSync(join(pkgDir, 'data', 'dictionary.json'), 'utf8')) as Record<string, DictSense[]>;
  const hasNoun = (w: string): boolean | undefined => {
    const senses = defs[w];
    if (!senses) return undefined;
    return senses.some((s) => s.pos === 'N');
  };
  const words = readFileSync(join(pkgDir, 'data', 'Viet74K.txt'), 'utf8').split('\n').map((w) => w.trim().normalize('NFC'));
  const nouns = new Set<string>();
  const single = new Set<string>();
  const others: string[] = []; // two-syllable non-nouns starting with a noun syllable (ưu tiên, diễn ra)
  for (const w of words) {
    if (!w || w !== w.toLowerCase() || /[^\p{L}\p{M} ]/u.test(w)) continue;
    const syl = w.split(' ');
    if (syl.length === 1) {
      if (hasNoun(w)) single.add(foldKey(w));
      continue;
    }
    if (syl.length > 4 || functionWords.has(foldKey(syl[0]!))) continue;
    const own = hasNoun(w);
    if (own === true || (own === undefined && hasNoun(syl[0]!))) nouns.add(foldKey(w));
    else if (syl.length === 2 && hasNoun(syl[0]!)) others.push(foldKey(w));
  }
  for (const w of Object.keys(defs)) {
    if (w === w.toLowerCase() && !w.includes(' ') && hasNoun(w) && /^[\p{L}\p{M}]+$/u.test(w)) single.add(foldKey(w));
  }
  // Words of 1–2 syllables with a noun sense whose FIRST (main) sense is not a noun (`hoạt động`, `trung`): they are
  // not taken as the noun modifier of a compound counted noun (`lượt tàu cá`, `căn nhà tình thương`).
  const secondary = new Set<string>();
  for (const [w, senses] of Object.entries(defs)) {
    if (w !== w.toLowerCase() || w.split(' ').length > 2 || !/^[\p{L}\p{M} ]+$/u.test(w)) continue;
    if (senses.length > 0 && senses.some((s) => s.pos === 'N') && senses[0]!.pos !== 'N') secondary.add(foldKey(w));
  }
  // Two-syllable verbs ending in a syllable that otherwise makes the next number an ordinal (`chỉnh trang` 14
  // tuyến, `nâng cấp` 5 tuyến, `cung cấp` 200 suất vs `trang 14`, `cấp 3`): the number after them is a count.
  const RANKING = new Set(['xếp hạng', 'phân hạng', 'thăng hạng', 'đánh số', 'phân cấp', 'vượt cấp', 'tạo mẫu']);
  const verbsBefore = new Set<string>();
  for (const [w, senses] of Object.entries(defs)) {
    const syl = w.split(' ');
    if (syl.length !== 2 || w !== w.toLowerCase() || RANKING.has(w) || !NOT_COUNT_BEFORE.has(foldKey(syl[1]!))) continue;
    if (senses[0]?.pos === 'V' && !senses.some((s) => s.pos === 'N')) verbsBefore.add(foldKey(w));
  }
  const data = {
    note: 'generated by scripts/data/measures.ts from dictionaries/measures/ and @vntk/dictionary (MIT); do not edit',
    units,
    counted,
    notCounted,
    nouns: [...nouns].sort(),
    single: [...single].sort(),
    others: [...new Set(others)].filter((w) => !nouns.has(w)).sort(),
    secondary: [...secondary].sort(),
    verbsBefore: [...verbsBefore].sort(),
  };
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'measures.json.gz'), gzipSync(JSON.stringify(data), { level: 9 }));
  console.log(`measures: ${units.length} units, ${counted.length} counted, ${nouns.size} nouns, ${single.size} single-syllable nouns, ${others.length} non-noun words`);
}

if (import.meta.url === `file://${process.argv[1]}`) build();
