// Dev evaluation of the admin-unit layer (tagAdminUnits) on the gold files. Reads /work/shared (not shipped);
// skips cleanly when it is absent.
//   npx tsx scripts/dev/admin-eval.ts [goldDir] [--verbose]
// Prints, computed as shared/tools/score/ner.mjs does:
//   - P/R/F1 per PROVINCE / DISTRICT / COMMUNE on exact (start, end, type);
//   - the same after dropping our spans that lie inside a gold ORGANIZATION/POSITION/EVENT/DOCUMENT/LOCATION span
//     (what the layer merge does when the other layers are right: spec rule 1, outermost wins);
//   - unit links: the share of gold-linked spans for which we return a span with the same offsets, code and era.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tagAdminUnits } from '../../src/entities/admin/index.js';
import { tokenize } from '../../src/text/tokens.js';
import type { Entity } from '../../src/types.js';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const dir = args.find((a) => !a.startsWith('--')) ?? '/work/shared/corpus/dev';
if (!existsSync(dir)) {
  console.log(`admin-eval: ${dir} not found, skipping`);
  process.exit(0);
}

interface GoldEntity { start: number; end: number; type: string; text: string; link?: { code?: string; era?: string; level?: string } }
interface Gold { id: string; text: string; entities: GoldEntity[] }

const TYPES = ['PROVINCE', 'DISTRICT', 'COMMUNE'];
const OUTER = new Set(['ORGANIZATION', 'POSITION', 'EVENT', 'DOCUMENT', 'LOCATION', 'PERSON']);
const files = readdirSync(dir).filter((f) => f.endsWith('.gold.json')).sort();
const counts = { raw: new Map<string, [number, number, number]>(), merged: new Map<string, [number, number, number]>() };
for (const t of [...TYPES, 'ALL']) {
  counts.raw.set(t, [0, 0, 0]);
  counts.merged.set(t, [0, 0, 0]);
}
let linkOk = 0, linkN = 0;
const notes: string[] = [];
const t0 = performance.now();
for (const f of files) {
  const d = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Gold;
  const sys: Entity[] = tagAdminUnits({ text: d.text, tokens: tokenize(d.text) });
  const outer = d.entities.filter((e) => OUTER.has(e.type));
  const merged = sys.filter((e) => !outer.some((o) => o.start <= e.start && e.end <= o.end && (o.end - o.start > e.end - e.start)));
  for (const [name, list] of [['raw', sys], ['merged', merged]] as const) {
    for (const t of [...TYPES, 'ALL']) {
      const g = new Set(d.entities.filter((e) => (t === 'ALL' ? TYPES.includes(e.type) : e.type === t)).map((e) => `${e.start}:${e.end}:${e.type}`));
      const s = new Set(list.filter((e) => (t === 'ALL' ? TYPES.includes(e.type) : e.type === t)).map((e) => `${e.start}:${e.end}:${e.type}`));
      const c = counts[name].get(t)!;
      for (const k of s) if (g.has(k)) c[0]++;
      c[1] += s.size;
      c[2] += g.size;
    }
  }
  for (const g of d.entities) {
    if (TYPES.includes(g.type) && !merged.some((e) => e.start === g.start && e.end === g.end && e.type === g.type)) notes.push(`${d.id}: missed ${g.type} "${g.text}"`);
    if (!g.link?.code) continue;
    linkN++;
    const s = sys.find((e) => e.start === g.start && e.end === g.end);
    const v = s?.value as { code?: string; era?: string } | undefined;
    const era = g.link.era ?? g.link.level;
    if (v && String(v.code) === String(g.link.code) && v.era === era) linkOk++;
    else notes.push(`${d.id}: link ${g.text} gold ${g.link.code}/${era} got ${v ? `${v.code}/${v.era}` : s ? 'no value' : 'no span'}`);
  }
  for (const e of merged) {
    if (!d.entities.some((g) => g.start === e.start && g.end === e.end && g.type === e.type)) notes.push(`${d.id}: spurious ${e.type} "${e.text}" ${e.value ? (e.value as { code: string }).code : ''}`);
  }
}
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const prf = ([tp, ns, ng]: [number, number, number]) => {
  const p = ns ? tp / ns : 0, r = ng ? tp / ng : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
};
console.log(`admin-eval: ${files.length} files, ${((performance.now() - t0) / 1000).toFixed(2)}s`);
for (const name of ['raw', 'merged'] as const) {
  const parts = [...TYPES, 'ALL'].map((t) => {
    const c = counts[name].get(t)!;
    const r = prf(c);
    return `${t} F1=${pct(r.f)} (P=${pct(r.p)} R=${pct(r.r)}, ${c[0]}/${c[1]}/${c[2]})`;
  });
  console.log(`${name === 'raw' ? 'all our spans    ' : 'after outer merge'}: ${parts.join(' | ')}`);
}
console.log(`unit links=${pct(linkN ? linkOk / linkN : 0)} (${linkOk}/${linkN})`);
if (verbose) console.log(notes.join('\n'));
