// Compiles the rule data in dictionaries/entities/patterns/ (written by the vietnlp authors, MIT):
//   words-named.tsv, words-measures.tsv, words-admin.tsv, words-officials.tsv
//              → src/entities/{named/words,measures/keywords,admin/words,officials/words}.ts (generated constants the rules read)
//                and the word sets of dictionaries/compiled/patterns.json (sets a token pattern may name with `set`)
//   *.json     → the token patterns of dictionaries/compiled/patterns.json, checked with the run-time compiler
//                (an unknown word set, class or operator fails the build, naming the pattern)
// Run: npx tsx scripts/build-data.ts patterns
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compilePatterns, type TokenPattern } from '../../src/entities/match/index.js';
import { foldKey } from '../../src/text/tone.js';
import { patternWordSets } from '../../src/entities/named/lexicon.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SRC = join(ROOT, 'dictionaries', 'entities', 'patterns');

/** Folded entry: each space-separated word folded with foldKey (the keys the rules compare against). */
const fold = (entry: string): string => entry.normalize('NFC').split(/\s+/).map(foldKey).join(' ');

/** `[name]` sections of a words-*.tsv file, one entry per line, folded (duplicates after folding dropped). */
export function readWordSets(file: string): Record<string, string[]> {
  return Object.fromEntries(Object.entries(readSections(file)).map(([k, v]) => [k, v.kind === 'map' ? v.rows.map((r) => r[0]!) : v.rows.map((r) => fold(r[0]!))]));
}

/**
 * A section of a words-*.tsv file: `[name]` a word set (entries folded, duplicates dropped); `[name cased]` a list
 * kept as written (NFC, in order: the rules need its written casing); `[name map]` folded `key<TAB>value` rows.
 */
export interface Section {
  readonly kind: 'set' | 'cased' | 'map';
  readonly rows: string[][];
}

export function readSections(file: string): Record<string, Section> {
  const out: Record<string, Section> = {};
  let cur: Section | undefined;
  for (const raw of readFileSync(join(SRC, file), 'utf8').split('\n')) {
    const l = raw.replace(/\r$/, '').replace(/\s+#.*$/, '').trim();
    if (!l || l.startsWith('#')) continue;
    const sec = /^\[([a-z0-9-]+)(?: (cased|map))?\]$/.exec(l);
    if (sec) out[sec[1]!] = cur = { kind: (sec[2] as Section['kind'] | undefined) ?? 'set', rows: [] };
    else if (!cur) throw new Error(`${file}: entry ${JSON.stringify(l)} before any [section]`);
    else if (cur.kind === 'cased') {
      if (!cur.rows.some((r) => r[0] === l.normalize('NFC'))) cur.rows.push([l.normalize('NFC')]);
    } else if (cur.kind === 'map') {
      const cells = l.split('\t').map((c) => c.trim());
      if (cells.length !== 2 || !cells[0] || !cells[1]) throw new Error(`${file}: map row ${JSON.stringify(l)} is not key<TAB>value`);
      const k = fold(cells[0]);
      if (cur.rows.some((r) => r[0] === k)) throw new Error(`${file}: map key ${JSON.stringify(k)} twice`);
      cur.rows.push([k, fold(cells[1])]);
    } else if (!cur.rows.some((r) => r[0] === fold(l))) cur.rows.push([fold(l)]);
  }
  return out;
}

/** [admin-words] and [organs] of admin-mentions.tsv as generated TypeScript (see the file header). */
function adminMentions(): string {
  const rows: Record<string, string[][]> = {};
  let cur: string[][] | undefined;
  for (const raw of readFileSync(join(SRC, 'admin-mentions.tsv'), 'utf8').split('\n')) {
    const l = raw.replace(/\r$/, '');
    if (!l.trim() || l.startsWith('#')) continue;
    const sec = /^\[([a-z-]+)\]$/.exec(l.trim());
    if (sec) rows[sec[1]!] = cur = [];
    else if (cur) cur.push(l.split('\t').map((c) => c.trim()));
  }
  const levels = (c: string | undefined): string => JSON.stringify((c ?? '').split(',').filter(Boolean));
  const words = (rows['admin-words'] ?? []).map(([w, type, lv, expand]) => {
    const k = fold(w!);
    return `  [${JSON.stringify(k)}, { len: ${k.split(' ').length}, type: ${JSON.stringify(type)}, levels: ${levels(lv)}${expand ? `, expand: ${JSON.stringify(expand)}` : ''} }],`;
  });
  const organs = (rows.organs ?? []).map(([o, lv]) => `  [${JSON.stringify(fold(o!))}, ${levels(lv)}],`);
  return [
    '',
    '/** A word before a unit name (dictionaries/entities/patterns/admin-mentions.tsv [admin-words]). */',
    'export interface AdminWord {',
    '  readonly len: number;',
    '  readonly type: string; // the unit type it names',
    "  readonly levels: ReadonlyArray<'province' | 'district' | 'commune'>;",
    '  readonly expand?: string; // expansion of an abbreviation',
    '}',
    'export const ADMIN_WORDS: ReadonlyArray<[string, AdminWord]> = [',
    ...words,
    '];',
    '/** A party committee named after its unit: the name is a context hint ([organs]). */',
    "export const ADMIN_ORGANS: ReadonlyMap<string, ReadonlyArray<'province' | 'district' | 'commune'>> = new Map([",
    ...organs,
    ']);',
    '',
  ].join('\n');
}

const constName = (set: string): string => set.toUpperCase().replace(/-/g, '_');

export function wordsModule(file: string, sections: Record<string, Section>, named: boolean): string {
  const lines = [
    `// generated by scripts/data/patterns.ts from dictionaries/entities/patterns/${file}${named ? ' and dictionaries/common/' : ''};`,
    '// do not edit (npm run build:data). Word sets the rules consult (folded keys).',
    ...(named ? ["import { COMMON_VOCABULARY, vocabularyOf } from '../../data/vocabulary.js';"] : []),
    '',
  ];
  for (const [name, sec] of Object.entries(sections)) {
    const c = constName(name);
    if (sec.kind === 'set') lines.push(`export const ${c}: ReadonlySet<string> = new Set(${JSON.stringify(sec.rows.map((r) => r[0]))});`);
    else if (sec.kind === 'cased') lines.push(`export const ${c}: ReadonlyArray<string> = ${JSON.stringify(sec.rows.map((r) => r[0]))};`);
    else lines.push(`export const ${c}: ReadonlyMap<string, string> = new Map(${JSON.stringify(sec.rows)});`);
  }
  if (named) lines.push(
    '/** Determiners that make the noun after them generic (dictionaries/common/determiners.tsv). */',
    'export const GENERIC_BEFORE: ReadonlySet<string> = new Set(Object.keys(COMMON_VOCABULARY.determiners));',
    '/** Plural determiners (các, những; dictionaries/common/determiners.tsv). */',
    "export const PLURAL_DETERMINERS: ReadonlySet<string> = new Set(vocabularyOf(COMMON_VOCABULARY.determiners, 'plural'));",
    '/** Middle names (dictionaries/common/middle-names.tsv). */',
    'export const NAME_MIDDLES: ReadonlySet<string> = new Set(COMMON_VOCABULARY.middleNames);',
    '/** Labels of a credit line before the writer\'s name (dictionaries/common/credit-labels.tsv). */',
    "export const CREDIT_WORDS: ReadonlySet<string> = new Set(vocabularyOf(COMMON_VOCABULARY.creditLabels, 'writer'));",
  );
  return lines.join('\n') + '\n';
}

export function build(): void {
  const sets: Record<string, string[]> = {};
  for (const [file, module] of [['words-named.tsv', 'named/words.ts'], ['words-measures.tsv', 'measures/keywords.ts'], ['words-admin.tsv', 'admin/words.ts'], ['words-officials.tsv', 'officials/words.ts']] as const) {
    const sections = readSections(file);
    // the learned sets (scripts/named/*.ts) join the named rules' own sets
    if (file === 'words-named.tsv') Object.assign(sections, readSections('words-named-learned.tsv'));
    let ts = wordsModule(file, sections, file === 'words-named.tsv');
    if (file === 'words-admin.tsv') ts = ts.replace('words-admin.tsv;', 'words-admin.tsv and admin-mentions.tsv;') + adminMentions();
    writeFileSync(join(ROOT, 'src', 'entities', module), ts);
    // every section is a set a pattern may name: a cased list by its folded entries, a map by its keys
    for (const [name, sec] of Object.entries(sections)) sets[name] = [...new Set(sec.rows.map((r) => (sec.kind === 'cased' ? fold(r[0]!) : r[0]!)))];
  }
  const patterns: TokenPattern[] = [];
  for (const f of readdirSync(SRC).filter((x) => x.endsWith('.json')).sort()) {
    for (const p of JSON.parse(readFileSync(join(SRC, f), 'utf8')) as Array<TokenPattern & { comment?: string }>) {
      const { comment: _comment, ...rest } = p;
      patterns.push(rest);
    }
  }
  // check against every set a pattern may name at run time (ours, the shared vocabulary, the entity dictionaries)
  const all = patternWordSets(Object.fromEntries(Object.entries(sets).map(([k, v]) => [k, new Set(v)])));
  compilePatterns(patterns, all);
  const data = { _: 'generated by scripts/data/patterns.ts from dictionaries/entities/patterns/*; do not edit', sets, patterns };
  writeFileSync(join(ROOT, 'dictionaries', 'compiled', 'patterns.json'), JSON.stringify(data) + '\n');
  console.log(`patterns: ${patterns.length} patterns, ${Object.keys(sets).length} word sets`);
}

if (import.meta.url === `file://${process.argv[1]}`) build();
