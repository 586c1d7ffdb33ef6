// Who is who, and which communes a report talks about.
//
//   npx tsx examples/officials-and-communes.ts [report.txt]
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractOfficials, tagEntities } from '../src/index.js';

const file = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), 'data', 'sample-report.txt');
const text = readFileSync(file, 'utf8');

console.log('Officials:');
for (const o of extractOfficials(text)) {
  console.log(`  ${o.person.padEnd(20)} ${o.positions.join('; ')}${o.organization ? ` — ${o.organization}` : ''}`);
}

// Admin units are entities; `value` (when present) links the mention to the gazetteer unit.
// The linked unit: its parents and, for units merged in the 2025 reform, the unit that succeeds it.
function describeUnit(value: unknown): string {
  if (!value || typeof value !== 'object') return '';
  const v = value as { name?: string; parents?: Record<string, { type?: string; name?: string }>; successor?: { type?: string; name?: string } };
  const parents = Object.values(v.parents ?? {}).map((p) => `${p.type ?? ''} ${p.name ?? ''}`.trim());
  const now = v.successor?.name ? `; since 2025: ${v.successor.type ?? ''} ${v.successor.name}`.replace('  ', ' ') : '';
  return parents.length || now ? ` (${parents.join(', ')}${now})` : '';
}

console.log('\nAdministrative units:');
const seen = new Set<string>();
for (const e of tagEntities(text)) {
  if (e.type !== 'COMMUNE' && e.type !== 'DISTRICT' && e.type !== 'PROVINCE') continue;
  const key = `${e.type} ${e.normalized ?? e.text}`;
  if (seen.has(key)) continue;
  seen.add(key);
  const link = describeUnit(e.value);
  console.log(`  ${e.type.padEnd(9)} ${e.text}${link}`);
}
