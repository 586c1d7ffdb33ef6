// Entity scoring of `npm run eval` (exact spans, micro P/R/F1 per type, core/measures/coarse, official pairs,
// unit links), shared by scripts/eval.ts and scripts/eval/recase.ts. `line` prints the table (no-op: silent).
import { Counter, canon, pct, type PRF } from './metrics.js';

type Lib = typeof import('../../src/index.js');
/** The two functions scored; a wrapper (e.g. another casing path) may stand in for the package. */
export type EntityLib = Pick<Lib, 'tagEntities' | 'extractOfficials'>;
export interface EntityGoldDoc {
  id: string; text: string;
  entities?: Array<{ start: number; end: number; type: string; text: string; link?: { code?: string; era?: string; level?: string } }>;
  officials?: Array<{ person: string; positions?: string[] }>;
}

export const CORE = ['PERSON', 'POSITION', 'ORGANIZATION', 'PROVINCE', 'DISTRICT', 'COMMUNE', 'LOCATION', 'EVENT', 'DOCUMENT'];
export const MEASURE = ['DATE', 'MONEY', 'PERCENT', 'QUANTITY'];
const COARSE: Record<string, string> = { PERSON: 'PER', ORGANIZATION: 'ORG', PROVINCE: 'LOC', DISTRICT: 'LOC', COMMUNE: 'LOC', LOCATION: 'LOC' };
export function scoreEntities(lib: EntityLib, name: string, dev: readonly EntityGoldDoc[], line: (s?: string) => void = () => {}) {
  const fmt = (r: PRF) => `P=${pct(r.p)} R=${pct(r.r)} F1=${pct(r.f)}`;
  const t0 = performance.now();
  const sys = dev.map((d) => ({ ents: lib.tagEntities(d.text), officials: lib.extractOfficials(d.text) }));
  const ms = performance.now() - t0;
  const key = (e: { start: number; end: number; type: string }) => `${e.start}:${e.end}:${e.type}`;
  const score = (filter: (t: string) => boolean, keyOf: (e: { start: number; end: number; type: string }) => string | undefined = key) => {
    const c = new Counter();
    dev.forEach((d, i) => {
      const g = (d.entities ?? []).filter((e) => filter(e.type)).map(keyOf).filter((k): k is string => !!k);
      const s = sys[i]!.ents.filter((e) => filter(e.type)).map(keyOf).filter((k): k is string => !!k);
      c.add(s, g);
    });
    return c.prf;
  };
  line(`== Entities (${name}, ${dev.length} docs, ${dev.reduce((a, d) => a + (d.entities?.length ?? 0), 0)} gold spans; ${(ms / 1000).toFixed(2)}s)`);
  line(`  ${'type'.padEnd(13)} ${'P'.padStart(6)} ${'R'.padStart(6)} ${'F1'.padStart(6)}  gold  sys`);
  for (const t of [...CORE, ...MEASURE]) {
    const r = score((x) => x === t);
    line(`  ${t.padEnd(13)} ${pct(r.p).padStart(6)} ${pct(r.r).padStart(6)} ${pct(r.f).padStart(6)} ${String(r.nGold).padStart(5)} ${String(r.nSys).padStart(4)}`);
  }
  const core = score((t) => CORE.includes(t));
  const meas = score((t) => MEASURE.includes(t));
  const coarse = score((t) => t in COARSE, (e) => (COARSE[e.type] ? `${e.start}:${e.end}:${COARSE[e.type]}` : undefined));
  const oc = new Counter();
  dev.forEach((d, i) => {
    const pairs = (os: ReadonlyArray<{ person: string; positions?: readonly string[] }>) => [...new Set(os.flatMap((o) => (o.positions ?? []).map((p) => `${canon(o.person)}|${canon(p)}`)))];
    oc.add(pairs(sys[i]!.officials), pairs(d.officials ?? []));
  });
  let lok = 0, ln = 0;
  dev.forEach((d, i) => {
    for (const g of d.entities ?? []) {
      if (!g.link?.code) continue;
      ln++;
      const s = sys[i]!.ents.find((e) => e.start === g.start && e.end === g.end);
      const v = s?.value as { code?: unknown; era?: unknown } | undefined;
      if (v && String(v.code) === String(g.link.code) && v.era === (g.link.era ?? g.link.level)) lok++;
    }
  });
  line(`  core (non-measure) micro ${fmt(core)}`);
  line(`  measures micro           ${fmt(meas)}`);
  line(`  coarse PER/ORG/LOC       ${fmt(coarse)}`);
  line(`  officials (pairs)        ${fmt(oc.prf)} (${oc.tp}/${oc.nGold})`);
  line(`  unit links               ${pct(ln ? lok / ln : 0)}% (${lok}/${ln}) same code and era`);
  return { core, meas, coarse, off: oc.prf, link: ln ? lok / ln : 0 };
}
