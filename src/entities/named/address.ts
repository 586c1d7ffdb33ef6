// A district named without its type word inside an address: `phố Núi Trúc, Ba Đình, Hà Nội`, `12 Lê Lợi, Hải
// Châu, Đà Nẵng`. Code, not a pattern: it resolves the name in the gazetteer against the province written after it.
import { isAdminName, lookupUnits } from '../admin/index.js';
import { foldKey } from '../../text/tone.js';
import type { Entity } from '../../types.js';
import { type NamedState, capSyl, isPunct, lim, match } from './state.js';

/** End of the province named at k (`Hà Nội`, `TP. Hồ Chí Minh`, `tỉnh Quảng Nam`), with its name; undefined when none. */
function provinceAt(st: NamedState, k: number): { e: number; name: string } | undefined {
  const L = lim(st, k);
  const a = match(st, st.lex.adminWords, k);
  const s = a ? k + a.len : k;
  for (let e = Math.min(L, s + 4); e > s; e--) {
    let ok = true;
    for (let q = s; q < e && ok; q++) ok = capSyl(st, q);
    if (!ok) continue;
    const name = st.keys.slice(s, e).join(' ');
    if (isAdminName(name, 'province')) return { e, name };
  }
  return undefined;
}

/**
 * A district at token i without its type word: a comma before it, a comma and a province after it, and a name the
 * gazetteer knows as a district of that province. Adds the DISTRICT (with its unit link) and returns its end, or -1.
 */
export function addressDistrict(st: NamedState, i: number): number {
  if (i < 1 || !isPunct(st, i - 1, ',') || !capSyl(st, i)) return -1;
  const L = lim(st, i);
  for (let e = Math.min(L, i + 4); e > i; e--) {
    if (!isPunct(st, e, ',')) continue;
    let ok = true;
    for (let q = i; q < e && ok; q++) ok = capSyl(st, q);
    const name = st.keys.slice(i, e).join(' ');
    if (!ok || !isAdminName(name, 'district')) continue;
    const prov = provinceAt(st, e + 1);
    if (!prov) return -1;
    const units = lookupUnits(name, { level: 'district' }).filter((u) => foldKey(u.parents.province?.name ?? '') === prov.name);
    if (units.length === 0) return -1;
    const start = st.toks[i]!.start;
    const end = st.toks[e - 1]!.end;
    const text = st.v.text.slice(start, end);
    const entity = { type: 'DISTRICT', text, start, end, ...(units.length === 1 ? { value: units[0] } : {}), source: 'rule:address-district' } as Entity;
    st.out.push({ start, end, type: 'DISTRICT', source: 'rule:address-district', prio: 1, entity });
    return e;
  }
  return -1;
}
