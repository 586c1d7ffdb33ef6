// Dev evaluation of the officials layer and entity normalisation on the gold files (reads /work/shared, which is
// not shipped; skips cleanly when it is absent).
//   npx tsx scripts/dev/officials-eval.ts [goldDir] [--verbose]
// 1. `normalized`: every gold entity with a `normalized` attribute → normalizeEntityText(text) exact match; also
//    counts spans where we give a normalised form and gold has none.
// 2. officials: the GOLD entities of each file → officialsFromEntities → (person, position) pair P/R/F1 computed as
//    officialsScore in shared/tools/score/ner.mjs does (canon: NFC, lower case, old tone placement, single spaces).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeEntityText } from '../../src/entities/normalize.js';
import { officialsFromEntities } from '../../src/entities/officials.js';
import type { Entity, Official } from '../../src/types.js';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const dir = args.find((a) => !a.startsWith('--')) ?? '/work/shared/corpus/dev';
if (!existsSync(dir)) {
  console.log(`officials-eval: ${dir} not found, skipping`);
  process.exit(0);
}

interface Gold {
  id: string;
  text: string;
  entities: Array<Omit<Entity, 'source'> & { normalized?: string }>;
  officials?: Array<{ person: string; positions: string[] }>;
}

const TONE_PAIRS: Array<[string, string]> = [
  ['oà', 'òa'], ['oá', 'óa'], ['oả', 'ỏa'], ['oã', 'õa'], ['oạ', 'ọa'],
  ['oè', 'òe'], ['oé', 'óe'], ['oẻ', 'ỏe'], ['oẽ', 'õe'], ['oẹ', 'ọe'],
  ['uỳ', 'ùy'], ['uý', 'úy'], ['uỷ', 'ủy'], ['uỹ', 'ũy'], ['uỵ', 'ụy'],
];
function canon(s: string): string {
  let t = s.normalize('NFC').toLowerCase();
  for (const [a, b] of TONE_PAIRS) t = t.split(a).join(b);
  return t.replace(/\s+/g, ' ').trim();
}

const files = readdirSync(dir).filter((f) => f.endsWith('.gold.json')).sort();
let nNorm = 0, okNorm = 0, extraNorm = 0, nNoNorm = 0;
let tp = 0, nSys = 0, nGold = 0;
for (const f of files) {
  const d = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Gold;
  for (const e of d.entities) {
    const got = normalizeEntityText(e.text);
    if (e.normalized !== undefined) {
      nNorm++;
      if (got === e.normalized) okNorm++;
      else console.log(`normalized ${d.id}: ${JSON.stringify(e.text)} → ${JSON.stringify(got)} (gold ${JSON.stringify(e.normalized)})`);
    } else {
      nNoNorm++;
      if (got !== undefined) {
        extraNorm++;
        if (verbose) console.log(`normalized extra ${d.id}: ${JSON.stringify(e.text)} → ${JSON.stringify(got)}`);
      }
    }
  }
  const ents = d.entities.map((e) => ({ ...e, source: 'gold' })) as Entity[];
  const sys: Official[] = officialsFromEntities(d.text, ents);
  const pairs = (os: ReadonlyArray<{ person: string; positions: readonly string[] }>) =>
    new Set(os.flatMap((o) => o.positions.map((p) => `${canon(o.person)}|${canon(p)}`)));
  const g = pairs(d.officials ?? []), s = pairs(sys);
  nGold += g.size; nSys += s.size;
  for (const k of s) if (g.has(k)) tp++;
  const fp = [...s].filter((k) => !g.has(k)), fn = [...g].filter((k) => !s.has(k));
  if (fp.length || fn.length) {
    console.log(`officials ${d.id}:`);
    for (const k of fn) console.log(`  missed   ${k}`);
    for (const k of fp) console.log(`  spurious ${k}`);
  }
  if (verbose) for (const o of sys) console.log(`  ${JSON.stringify(o)}`);
}
const p = nSys ? tp / nSys : 0, r = nGold ? tp / nGold : 0, f1 = p + r ? (2 * p * r) / (p + r) : 0;
const pct = (x: number) => (100 * x).toFixed(2);
console.log(`normalized exact match: ${okNorm}/${nNorm} = ${pct(nNorm ? okNorm / nNorm : 0)}% | normalized given where gold has none: ${extraNorm}/${nNoNorm}`);
console.log(`officials on gold entities (${files.length} files): F1=${pct(f1)} P=${pct(p)} R=${pct(r)} (tp=${tp} sys=${nSys} gold=${nGold})`);
