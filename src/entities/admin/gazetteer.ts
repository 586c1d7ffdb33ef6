import { loadData } from '../../data/load.js';
import { foldKey } from '../../text/tone.js';

import type { AdminChange, AdminEra, AdminLevel, AdminLink, AdminRef } from '../../types.js';

export type { AdminChange, AdminEra, AdminLevel, AdminLink, AdminRef } from '../../types.js';

/** Internal unit record (ids index `Gazetteer.units`). */
export interface Unit {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly type: string;
  readonly level: AdminLevel;
  readonly era: AdminEra;
  readonly key: string;
  district?: number;
  districtName?: string;
  province?: number;
  succ: Array<{ id: number; kind: AdminChange }>;
  pred: Array<{ id: number; kind: AdminChange }>;
}

export interface Gazetteer {
  readonly units: readonly Unit[];
  /** folded name → unit ids (both eras, all levels). */
  readonly byName: ReadonlyMap<string, readonly number[]>;
  /** the longest name, in pieces (syllables / numbers). */
  readonly maxPieces: number;
  /** every proper word prefix of a name (`bà`, `bà rịa`, `bà rịa vũng` …): a scan stops when its key is not one. */
  readonly prefixes: ReadonlySet<string>;
  readonly byCode: ReadonlyMap<string, number>; // `${era}|${level}|${code}` → id (first)
}

interface Compiled {
  pre: { provinces: string[][]; districts: string[][]; communes: string[][] };
  post: { provinces: string[][]; communes: string[][] };
  provinceMap: string[][];
  communeMap: string[][];
}

const KINDS: Record<string, AdminChange> = { r: 'renamed', m: 'merged', d: 'divided', u: 'unchanged' };

/**
 * Folded lookup key of a unit name: foldKey, apostrophes dropped (the dataset writes `Đưng KNớ`, reports
 * `Đưng K'Nớ`), dashes removed.
 */
export function nameKey(s: string): string {
  return foldKey(s.replace(/['’‘`ʼ]/g, '').replace(/\s*[-–—]\s*/g, ' '));
}

function compile(content: string): Gazetteer {
  const data = JSON.parse(content) as Compiled;
  const units: Unit[] = [];
  const byCode = new Map<string, number>();
  const add = (code: string, name: string, type: string, level: AdminLevel, era: AdminEra): Unit => {
    const u: Unit = { id: units.length, code, name, type, level, era, key: nameKey(name), succ: [], pred: [] };
    units.push(u);
    const ck = `${era}|${level}|${code}`;
    if (!byCode.has(ck)) byCode.set(ck, u.id);
    return u;
  };
  const id = (era: AdminEra, level: AdminLevel, code: string | undefined) => (code ? byCode.get(`${era}|${level}|${code}`) : undefined);
  for (const [code, name, type] of data.pre.provinces) add(code!, name!, type!, 'province', 'pre-2025');
  for (const [code, name, type, prov] of data.pre.districts) add(code!, name!, type!, 'district', 'pre-2025').province = id('pre-2025', 'province', prov);
  for (const [code, name, type, dist, prov, distName] of data.pre.communes) {
    const u = add(code!, name!, type!, 'commune', 'pre-2025');
    u.district = id('pre-2025', 'district', dist);
    u.province = id('pre-2025', 'province', prov);
    if (distName) u.districtName = distName;
  }
  for (const [code, name, type] of data.post.provinces) add(code!, name!, type!, 'province', 'post-2025');
  for (const [code, name, type, prov] of data.post.communes) add(code!, name!, type!, 'commune', 'post-2025').province = id('post-2025', 'province', prov);
  for (const [o, n, k] of data.provinceMap) {
    const a = id('pre-2025', 'province', o), b = id('post-2025', 'province', n);
    if (a === undefined || b === undefined) continue;
    units[a]!.succ.push({ id: b, kind: KINDS[k!] ?? 'merged' });
    units[b]!.pred.push({ id: a, kind: KINDS[k!] ?? 'merged' });
  }
  for (const [o, n, k, oldName] of data.communeMap) {
    const b = id('post-2025', 'commune', n);
    if (b === undefined) continue;
    // The old code may belong to several pre-2025 records (renamed between data releases): link the one named in the mapping.
    const key = nameKey(oldName ?? '');
    let a = id('pre-2025', 'commune', o);
    for (let i = a ?? units.length; i < units.length && units[i]!.code === o && units[i]!.level === 'commune'; i++) if (units[i]!.key === key) a = i;
    if (a === undefined) continue;
    units[a]!.succ.push({ id: b, kind: KINDS[k!] ?? 'merged' });
    units[b]!.pred.push({ id: a, kind: KINDS[k!] ?? 'merged' });
  }
  const byName = new Map<string, number[]>();
  let maxPieces = 1;
  const index = (k: string, u: Unit) => {
    const list = byName.get(k);
    if (list) list.push(u.id);
    else byName.set(k, [u.id]);
    maxPieces = Math.max(maxPieces, k.split(' ').length);
  };
  for (const u of units) index(u.key, u);
  const prefixes = new Set<string>();
  for (const k of byName.keys()) {
    for (let at = k.indexOf(' '); at > 0; at = k.indexOf(' ', at + 1)) prefixes.add(k.slice(0, at));
  }
  return { units, byName, maxPieces, byCode, prefixes };
}

/** The gazetteer (lazy, memoised, immutable). */
export function gazetteer(): Gazetteer {
  return loadData('admin-units.json.gz', compile);
}

function ref(u: Unit): AdminRef {
  return { code: u.code, name: u.name, type: u.type };
}

/** The public link object of a unit. */
export function unitLink(g: Gazetteer, id: number): AdminLink {
  const u = g.units[id]!;
  const parents: { district?: AdminRef; province?: AdminRef } = {};
  if (u.district !== undefined) parents.district = ref(g.units[u.district]!);
  if (u.province !== undefined) parents.province = ref(g.units[u.province]!);
  const link: { -readonly [K in keyof AdminLink]: AdminLink[K] } = { code: u.code, name: u.name, type: u.type, level: u.level, era: u.era, parents };
  const s = u.succ[0];
  if (s) {
    const su = g.units[s.id]!;
    link.successor = { ...ref(su), level: su.level, era: 'post-2025', ...(su.province !== undefined ? { province: ref(g.units[su.province]!) } : {}), change: s.kind };
  }
  if (u.pred.length) {
    link.predecessors = u.pred.map((p) => {
      const pu = g.units[p.id]!;
      const district = pu.district !== undefined ? g.units[pu.district]!.name : pu.districtName;
      return {
        ...ref(pu),
        level: pu.level,
        era: 'pre-2025' as const,
        ...(district ? { district } : {}),
        ...(pu.province !== undefined ? { province: g.units[pu.province]!.name } : {}),
        change: p.kind,
      };
    });
  }
  return link;
}

/** Options of `lookupUnits`. */
export interface LookupOptions {
  readonly era?: AdminEra;
  readonly level?: AdminLevel;
}

/**
 * All official units (both eras unless `era` is given) whose name matches `name` (compared with `foldKey`, so
 * tone placement, case and NFD do not matter). The admin word is not part of the name (`Quảng Trạch`, not
 * `huyện Quảng Trạch`).
 *
 * @example
 * ```ts
 * lookupUnits('Liên Trường', { level: 'commune' }).map((u) => `${u.code} ${u.era}`);
 * // ['19051 pre-2025', …]
 * ```
 */
export function lookupUnits(name: string, options: LookupOptions = {}): AdminLink[] {
  if (typeof name !== 'string') return [];
  const g = gazetteer();
  const ids = g.byName.get(nameKey(name)) ?? [];
  return ids
    .filter((i) => (!options.era || g.units[i]!.era === options.era) && (!options.level || g.units[i]!.level === options.level))
    .map((i) => unitLink(g, i));
}

/**
 * Is `foldedName` (already folded with `foldKey`) the name of an official unit (any era; optionally of one level)?
 * For other layers, e.g. to recognise the place at the end of `Huyện ủy Quảng Trạch`.
 *
 * @example
 * ```ts
 * isAdminName(foldKey('Quảng Trạch')); // true
 * isAdminName('quảng trạch', 'province'); // false
 * ```
 */
export function isAdminName(foldedName: string, level?: AdminLevel): boolean {
  const g = gazetteer();
  const ids = g.byName.get(nameKey(foldedName));
  if (!ids) return false;
  return !level || ids.some((i) => g.units[i]!.level === level);
}

/**
 * The longest unit name in syllables/numbers, for callers scanning token windows with `isAdminName`.
 *
 * @example
 * ```ts
 * maxAdminNamePieces(); // e.g. 5
 * ```
 */
export function maxAdminNamePieces(): number {
  return gazetteer().maxPieces;
}
