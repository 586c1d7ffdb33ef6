// The main job of vietnlp: read a party/government report and print its words, entities, officials and summary.
//
//   npm run example                         # the sample report in examples/data/sample-report.txt
//   npx tsx examples/seed-report.ts my-report.txt
//   npx tsx examples/seed-report.ts ../shared/corpus/dev/seed-quang-trach-2020.gold.json   # the seed report, where ../shared exists
//
// Examples import the sources (`../src/index.js`) so they run from a clone without a build; in your own project
// write `import { analyze } from 'vietnlp'` instead.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as vietnlp from '../src/index.js';

const file = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), 'data', 'sample-report.txt');
// A plain-text report, or a gold file of the development data (`*.gold.json`, whose `text` is the report).
const raw = readFileSync(file, 'utf8');
const text = file.endsWith('.json') ? (JSON.parse(raw) as { text: string }).text : raw;
const a = vietnlp.analyze(text);

const heading = (title: string): void => console.log(`\n=== ${title} ===`);

console.log(`${file}: ${text.length} characters, ${a.sentences.length} sentences, ${a.words.length} words, language ${a.language.language}`);

heading('Segmentation (first 5 sentences, syllables of a word joined by _)');
for (const s of a.sentences.slice(0, 5)) {
  const words = a.words.filter((w) => w.start >= s.start && w.end <= s.end);
  console.log(words.map((w) => w.text.replace(/\s+/g, '_')).join(' '));
}

heading('Entities by type');
const byType = new Map<string, string[]>();
for (const e of a.entities) {
  const list = byType.get(e.type) ?? [];
  const shown = e.text.replace(/\s+/g, ' ');
  list.push(e.normalized && e.normalized !== e.text ? `${shown} (${e.normalized})` : shown);
  byType.set(e.type, list);
}
for (const [type, list] of byType) console.log(`${type.padEnd(12)} ${[...new Set(list)].join(' · ')}`);

heading('Officials');
for (const o of a.officials) console.log(`${o.person} — ${o.positions.join(', ')}${o.organization ? ` (${o.organization})` : ''}`);

heading('Summary');
for (const s of a.summary.sentences) console.log(`• ${s.text}`);

// extractReport (structured report facts: meeting, chairs, results, tasks, …): each part with its first items.
heading('Report');
const textOf = (v: unknown): string =>
  v && typeof v === 'object' && typeof (v as { text?: unknown }).text === 'string' ? (v as { text: string }).text.replace(/\s+/g, ' ') : JSON.stringify(v);
for (const [key, value] of Object.entries(vietnlp.extractReport(text))) {
  if (Array.isArray(value)) {
    console.log(`${key}: ${value.length} item${value.length === 1 ? '' : 's'}`);
    for (const item of value.slice(0, 3)) console.log(`  - ${textOf(item)}`);
  } else if (value !== undefined) console.log(`${key}: ${textOf(value)}`);
}
