// Compiles dictionaries/abbreviations/{abbreviations.tsv,casing.txt} into dictionaries/compiled/abbreviations.json
// (used by src/entities/normalize.ts). Run: npx tsx scripts/build-data.ts abbreviations
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CONTEXTS = new Set(['', 'before-place', 'glued', 'in-compound']);

function lines(path: string): string[] {
  return readFileSync(path, 'utf8')
    .normalize('NFC')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '' && !l.startsWith('#'));
}

export function build(): void {
  const src = join(root, 'dictionaries', 'abbreviations');
  const entries: Array<[string, string, string]> = [];
  const seen = new Set<string>();
  for (const line of lines(join(src, 'abbreviations.tsv'))) {
    const [abbr, expansion, context = ''] = line.split('\t').map((s) => s.trim());
    if (!abbr || !expansion) throw new Error(`abbreviations.tsv: bad line ${JSON.stringify(line)}`);
    if (!CONTEXTS.has(context)) throw new Error(`abbreviations.tsv: unknown context ${JSON.stringify(context)} in ${JSON.stringify(line)}`);
    const key = `${abbr}\t${context}`;
    if (seen.has(key)) throw new Error(`abbreviations.tsv: duplicate ${JSON.stringify(abbr)} (${context || 'always'})`);
    seen.add(key);
    entries.push([abbr, expansion, context]);
  }
  const casing = lines(join(src, 'casing.txt')).map((s) => s.trim());
  const out = join(root, 'dictionaries', 'compiled');
  mkdirSync(out, { recursive: true });
  const json = { generated: 'generated from dictionaries/abbreviations by scripts/data/abbreviations.ts, do not edit', entries, casing };
  writeFileSync(join(out, 'abbreviations.json'), `${JSON.stringify(json)}\n`);
}
