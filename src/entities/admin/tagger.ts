import type { Entity, EntityType, Token } from '../../types.js';
import { COMMON_VOCABULARY, vocabularyOf } from '../../data/vocabulary.js';
import { convertTone } from '../../text/tone.js';
import { tokenize } from '../../text/tokens.js';
import { documentEra } from './era.js';
import { gazetteer, unitLink, type AdminEra, type AdminLevel, type AdminLink, type Gazetteer, type Unit } from './gazetteer.js';
import { toPieces, type Piece } from './pieces.js';
import type { FullDocContext } from '../context.js';
import { ADMIN_ORGANS, ADMIN_WORDS, CONNECTORS, HCM_ALIASES, LIST_INTRO, NOT_A_NAME, type AdminWord } from './words.js';

// Finds PROVINCE / DISTRICT / COMMUNE mentions and links them to official units.
// Pass 1 collects mentions (admin word + name, list members, organ + name hints, bare province names);
// pass 2 resolves them level by level (provinces, then districts, then communes) with the context gathered so
// far (the report's own province and district, the address chain around each mention, the report's era);
// pass 3 adds bare district/commune names that the context makes unambiguous.

const WORDS = ADMIN_WORDS;
const WORD_MAP = new Map(WORDS);

// Organ + bare name: `Huyện ủy Quảng Trạch` (the place belongs to the organisation: a hint, not a span).
const ORGANS = ADMIN_ORGANS;
const ORGAN_FIRST = new Set([...ORGANS.keys()].map((k) => k.split(' ')[0]!));
// Forms of address (the shared vocabulary): no bare unit name right after them (`anh Hà Nam`).
const PERSON_WORDS: ReadonlySet<string> = new Set(vocabularyOf(COMMON_VOCABULARY.address, 'cue', 'kin'));
// Before an admin word, these make it plural (`hai xã biên giới Ia O, Ia Chia`).
const PLURAL_BEFORE = new Set([...vocabularyOf(COMMON_VOCABULARY.determiners, 'plural'), 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín', 'mười', '2', '3', '4', '5', '6', '7', '8', '9', '02', '03', '04', '05', '06', '07', '08', '09', '10']);
// Before a bare commune/district name of the report's district: a place is meant (`ở Phan Rí Cửa`, `đi Ia Dêr`).
const PLACE_BEFORE = /^(ở|tại|đi|đến|tới|sang)$/;
const MERGE_VERBS = ['sáp nhập', 'hợp nhất', 'nhập', 'trên cơ sở', 'thành lập từ'];
// The frequent family names (the shared vocabulary): an unknown capitalised name after an admin word that starts
// with one is a person, not a unit.
const SURNAMES: ReadonlySet<string> = new Set(vocabularyOf(COMMON_VOCABULARY.surnames, 'frequent'));

interface Mention {
  start: number; // piece index of the first piece of the span
  end: number; // piece index after the span
  nameStart: number;
  key: string;
  levels: readonly AdminLevel[];
  type?: string; // from the admin word
  expand?: string;
  emit: boolean;
  old: boolean;
  merger: boolean;
  cands: number[];
  unit?: number; // resolved
  list?: boolean;
}

/** Longest gazetteer name at piece `j` (every word capitalised or a number) passing `ok`. */
function matchName(g: Gazetteer, p: readonly Piece[], j: number, ok: (u: Unit) => boolean, allowNum: boolean): { end: number; key: string; ids: number[] } | undefined {
  let key = '';
  let best: { end: number; key: string; ids: number[] } | undefined;
  let n = 0;
  for (let k = j; k < p.length && n < g.maxPieces; k++) {
    const q = p[k]!;
    if (n > 0 && q.sentenceStart) break; // never across a line break or a sentence end
    if (q.kind === 'punct' && /^[-–]$/.test(q.text) && n > 0) continue; // Bà Rịa - Vũng Tàu
    if (q.kind === 'word') {
      if (!q.cap) break;
    } else if (q.kind === 'num') {
      if (!/^\d{1,2}$/.test(q.text) || (n === 0 && !allowNum)) break;
    } else break;
    // apostrophes are not part of the gazetteer key (nameKey): `K'Nớ` looks up `KNớ`
    const qk = /['’‘`ʼ]/.test(q.key) ? q.key.replace(/['’‘`ʼ]/g, '') : q.key;
    key = n ? `${key} ${qk}` : qk;
    n++;
    const ids = g.byName.get(key);
    if (ids) {
      const hit = ids.filter((i) => ok(g.units[i]!));
      if (hit.length) best = { end: k + 1, key, ids: hit };
    }
    if (!g.prefixes.has(key)) break;
  }
  return best;
}

const WORD_FIRST = new Set(WORDS.map(([w]) => w.split(' ')[0]!));
const TWO_WORD_FIRST = new Set(WORDS.filter(([w]) => w.includes(' ')).map(([w]) => w.split(' ')[0]!));

function adminWordAt(p: readonly Piece[], i: number): AdminWord | undefined {
  const a = p[i];
  if (!a || a.kind !== 'word' || !WORD_FIRST.has(a.key)) return undefined;
  const two = TWO_WORD_FIRST.has(a.key) && p[i + 1] && p[i + 1]!.kind === 'word' && p[i + 1]!.start - a.end <= 1 ? WORD_MAP.get(`${a.key} ${p[i + 1]!.key}`) : undefined;
  if (two) return two;
  const one = WORD_MAP.get(a.key);
  if (!one) return undefined;
  // `TP`/`TX` written without a dot must be upper case; dotted ones are fine as written.
  if ((a.key === 'tp' || a.key === 'tx') && a.text !== a.text.toUpperCase() && a.text !== 'Tp') return undefined;
  return one;
}

function levelOk(levels: readonly AdminLevel[], type: string | undefined) {
  return (u: Unit) => levels.includes(u.level) && (!type || u.type === type || (type === 'thành phố' && u.level === 'province' && u.type === 'thành phố'));
}

/** Features a resolved unit contributes to the context. */
function unitFeatures(g: Gazetteer, u: Unit): string[] {
  const out: string[] = [];
  const prov = (id: number | undefined, era: AdminEra) => {
    if (id === undefined) return;
    const pu = g.units[id]!;
    out.push(`${era === 'pre-2025' ? 'p0' : 'p1'}:${pu.code}`);
    if (era === 'pre-2025') for (const s of pu.succ) out.push(`p1:${g.units[s.id]!.code}`);
    else for (const s of pu.pred) out.push(`p0:${g.units[s.id]!.code}`);
  };
  if (u.level === 'province') prov(u.id, u.era);
  else if (u.level === 'district') {
    out.push(`d:${u.code}`);
    prov(u.province, u.era);
  } else {
    out.push(`${u.era === 'pre-2025' ? 'c0' : 'c1'}:${u.code}`);
    if (u.district !== undefined) out.push(`d:${g.units[u.district]!.code}`);
    prov(u.province, u.era);
    for (const s of u.era === 'pre-2025' ? u.succ : u.pred) {
      const su = g.units[s.id]!;
      out.push(`${su.era === 'pre-2025' ? 'c0' : 'c1'}:${su.code}`);
    }
  }
  return out;
}

/** What a candidate would like to find in the context, with weights. */
function candidateNeeds(g: Gazetteer, u: Unit): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  const provCode = (id: number | undefined) => (id === undefined ? undefined : g.units[id]!.code);
  if (u.level === 'province') return out;
  if (u.era === 'pre-2025') {
    if (u.district !== undefined) out.push([`d:${g.units[u.district]!.code}`, 4]);
    const p = provCode(u.province);
    if (p) out.push([`p0:${p}`, 2]);
    if (u.province !== undefined) for (const s of g.units[u.province]!.succ) out.push([`p1:${g.units[s.id]!.code}`, 1]);
    for (const s of u.succ) out.push([`c1:${g.units[s.id]!.code}`, 3]);
  } else {
    const p = provCode(u.province);
    if (p) out.push([`p1:${p}`, 2]);
    const seen = new Set<string>();
    for (const s of u.pred) {
      const pu = g.units[s.id]!;
      out.push([`c0:${pu.code}`, 3]);
      if (pu.district !== undefined) seen.add(`d:${g.units[pu.district]!.code}`);
      if (pu.province !== undefined) seen.add(`p0:${g.units[pu.province]!.code}`);
    }
    for (const f of seen) out.push([f, 1]);
  }
  return out;
}

function capitalised(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The explicit state of one run: what each stage reads and adds. */
interface AdminState {
  readonly text: string;
  readonly g: Gazetteer;
  readonly p: readonly Piece[];
  readonly docEra: AdminEra;
  /** Stage 1: mentions in the order found (sorted by start before chaining). */
  readonly mentions: Mention[];
  /** Pieces already inside a mention. */
  readonly consumed: Uint8Array;
  /** Stage 2: the address chain of each mention. */
  readonly chainOf: Map<Mention, Mention[]>;
  /** Stage 3: context features of the units resolved so far (the report's province, districts …). */
  readonly docHints: Map<string, number>;
  /** Stage 4: bare district/commune names the context made unambiguous. */
  readonly extra: Mention[];
}

/** The one mention constructor: an emitted, current (not old, not merged) mention unless `more` says otherwise. */
function mention(start: number, end: number, key: string, levels: readonly AdminLevel[], cands: number[], more: Partial<Mention> = {}): Mention {
  return { start, end, nameStart: start, key, levels, emit: true, old: false, merger: false, cands, ...more };
}

function take(st: AdminState, m: Mention, from = m.start): void {
  st.mentions.push(m);
  for (let k = from; k < m.end; k++) st.consumed[k] = 1;
}

const prevKeyOf = (p: readonly Piece[], i: number, n = 1): string => (i - n >= 0 ? p[i - n]!.key : '');
const isSentenceBoundaryBefore = (p: readonly Piece[], i: number): boolean => i === 0 || p[i]!.sentenceStart;
/** A capitalised word piece at k that continues the current sentence (a name would run on into it). */
const capWordAt = (p: readonly Piece[], k: number): boolean => p[k]?.kind === 'word' && p[k]!.cap;

// ---------- stage 1: collect mentions ----------
// Each shape returns the index of the last piece it handled (the scan goes on after it), or undefined when it does
// not apply at i.

/** Admin word + capitalised name missing from the gazetteer (not a person: no frequent surname): an unlinked span. */
function unknownName(p: readonly Piece[], j: number): number | undefined {
  let k = j;
  while (k < p.length && k - j < 3 && p[k]!.kind === 'word' && p[k]!.cap && !NOT_A_NAME.has(p[k]!.key) && !/^\p{Lu}{2,}$/u.test(p[k]!.text) && p[k]!.start - p[k - 1]!.end <= 1) k++;
  if (k === j || SURNAMES.has(p[j]!.key)) return undefined;
  if (k < p.length && p[k]!.kind === 'word' && p[k]!.cap && !p[k]!.sentenceStart) return undefined;
  return k;
}

/** Later names of a list written with one admin word; returns the piece index after the list. */
function listFrom(st: AdminState, k: number, listLevels: readonly AdminLevel[], numbers: boolean): number {
  const { g, p } = st;
  for (;;) {
    let s = k;
    if (p[s]?.text === ',') s++;
    if (p[s]?.key === 'và') s++;
    if (s === k || s >= p.length || adminWordAt(p, s)) return k;
    let mm = matchName(g, p, s, levelOk(listLevels, undefined), numbers);
    if (!mm && numbers && p[s]!.kind === 'num' && /^\d{1,2}$/.test(p[s]!.text)) mm = { end: s + 1, key: p[s]!.key, ids: [] };
    if (!mm) return k;
    // A province name after a district/commune is the province of the address, not a list member.
    if (!listLevels.includes('province') && (g.byName.get(mm.key) ?? []).some((x) => g.units[x]!.level === 'province')) return k;
    if (mm.end < p.length && p[mm.end]!.kind === 'word' && p[mm.end]!.cap) return k;
    take(st, mention(s, mm.end, mm.key, listLevels, mm.ids, { list: true }));
    k = mm.end;
  }
}

/** TPHCM, TP.HCM */
function hcmAlias(st: AdminState, i: number): number | undefined {
  const { g, p } = st;
  if (!HCM_ALIASES.has(p[i]!.key)) return undefined;
  const ids = (g.byName.get('hồ chí minh') ?? []).filter((x) => g.units[x]!.level === 'province');
  take(st, mention(i, i + 1, 'hồ chí minh', ['province'], ids, { type: 'thành phố', expand: 'Thành phố Hồ Chí Minh' }));
  return i;
}

/** Organ + name (`Huyện ủy Quảng Trạch`): a hint for the context, not a span. */
function organHint(st: AdminState, i: number): number | undefined {
  const { g, p } = st;
  const q = p[i]!;
  const organ = ORGAN_FIRST.has(q.key) ? ORGANS.get(`${q.key} ${p[i + 1]?.key ?? ''}`) : undefined;
  if (!organ) return undefined;
  const m = matchName(g, p, i + 2, levelOk(organ, undefined), false);
  if (!m) return i;
  take(st, mention(i + 2, m.end, m.key, organ, m.ids, { emit: false }), i);
  return m.end - 1;
}

/** `đô thị Đà Lạt`: a city (thành phố) named after the common noun `đô thị` (not `khu đô thị X`, a named place). */
function cityNoun(st: AdminState, i: number): number | undefined {
  const { g, p } = st;
  const q = p[i]!;
  if (!(q.key === 'đô' && !q.cap && p[i + 1]?.key === 'thị' && prevKeyOf(p, i) !== 'khu' && p[i + 2]?.kind === 'word' && !p[i + 2]!.sentenceStart)) return undefined;
  const m = matchName(g, p, i + 2, (u) => u.type === 'thành phố' && (u.level === 'district' || u.level === 'province'), false);
  if (!m || (capWordAt(p, m.end) && !p[m.end]!.sentenceStart)) return undefined;
  const levels = [...new Set(m.ids.map((x) => g.units[x]!.level))];
  take(st, mention(i + 2, m.end, m.key, levels, m.ids));
  return m.end - 1;
}

/** `hai xã biên giới Ia O, Ia Chia`: a plural admin word, a lower-case modifier, then a LIST of names. */
function pluralList(st: AdminState, i: number, j: number, aw: AdminWord): number | undefined {
  const { g, p, mentions } = st;
  let k = j;
  while (k < p.length && k < j + 3 && p[k]!.kind === 'word' && !p[k]!.cap && !p[k]!.sentenceStart && !adminWordAt(p, k) && !LIST_INTRO.has(p[k]!.key)) k++;
  const first = k > j && k < p.length && !p[k]!.sentenceStart ? matchName(g, p, k, levelOk(aw.levels, aw.type), false) : undefined;
  if (!first || capWordAt(p, first.end)) return undefined;
  const before = mentions.length;
  mentions.push(mention(k, first.end, first.key, aw.levels, first.ids, { list: true }));
  const after = listFrom(st, first.end, aw.levels, false);
  if (mentions.length > before + 1) {
    for (let x = k; x < after; x++) st.consumed[x] = 1;
    return after - 1;
  }
  mentions.length = before; // one name alone is not a list: leave it to the other rules
  return undefined;
}

/** `các xã ven sông Tiền như Hòa Định, Bình Ninh`: the names come after như / là / gồm. */
function introducedList(st: AdminState, i: number, j: number, aw: AdminWord): number {
  const { g, p } = st;
  for (let k = j; k < p.length && k < j + 10; k++) {
    const t = p[k]!;
    if (/^[.;!?…]$/.test(t.text) || adminWordAt(p, k) || t.sentenceStart) break;
    if (t.key === 'như' || t.key === 'là' || t.key === 'gồm' || t.text === ':') {
      const first = matchName(g, p, k + 1, levelOk(aw.levels, undefined), false);
      if (first && !capWordAt(p, first.end)) {
        take(st, mention(k + 1, first.end, first.key, aw.levels, first.ids, { list: true }));
        return listFrom(st, first.end, aw.levels, false) - 1;
      }
      break;
    }
  }
  return i;
}

/** Admin word + name (`xã Quảng Kim`, `TP. HCM`, `quận 2`), its list members, or a plural/introduced list. */
function adminWordMention(st: AdminState, i: number): number | undefined {
  const { g, p, text } = st;
  const aw = adminWordAt(p, i);
  if (!aw) return undefined;
  const j = i + aw.len;
  if (j >= p.length || text.slice(p[j - 1]!.end, p[j]!.start).includes('\n')) return i;
  let m = matchName(g, p, j, levelOk(aw.levels, aw.type), true);
  if (!m) m = matchName(g, p, j, levelOk(aw.levels, undefined), true); // e.g. a xã that became a phường
  const hcm = !m && p[j]!.key === 'hcm' && aw.type === 'thành phố';
  // `TP HCM`, `TP. HCM`
  if (hcm) m = { end: j + 1, key: 'hồ chí minh', ids: (g.byName.get('hồ chí minh') ?? []).filter((x) => g.units[x]!.level === 'province') };
  let end = m?.end;
  const numbered = (aw.type === 'quận' || aw.type === 'phường') && p[j]!.kind === 'num' && /^\d{1,2}$/.test(p[j]!.text);
  if (!m && numbered) end = j + 1; // `quận 2` of a city reorganised before the data was taken
  else if (!m && !aw.levels.includes('province')) end = unknownName(p, j);
  if (end === undefined && PLURAL_BEFORE.has(prevKeyOf(p, i)) && !aw.levels.includes('province')) {
    const r = pluralList(st, i, j, aw);
    if (r !== undefined) return r;
  }
  if (end === undefined) return introducedList(st, i, j, aw);
  const levels = m ? [...new Set(m.ids.map((x) => g.units[x]!.level))] : aw.levels.length > 1 ? ['district' as const] : aw.levels;
  let expand: string | undefined;
  if (aw.expand || hcm) {
    const province = levels.includes('province') && aw.type === 'thành phố';
    const word = province ? 'Thành phố' : aw.expand ?? aw.type;
    const name = hcm ? 'Hồ Chí Minh' : convertTone(text.slice(p[j]!.start, p[end - 1]!.end).normalize('NFC'), 'old');
    expand = `${word} ${name}`;
  }
  take(st, mention(i, end, m?.key ?? '', levels, m?.ids ?? [], { nameStart: j, type: aw.type, ...(expand ? { expand } : {}) }));
  // list members: `xã Quảng Kim, Quảng Thanh và Quảng Phú`, `các quận 2, 9 và Thủ Đức`
  return listFrom(st, end, levels.filter((l) => aw.levels.includes(l)), numbered || /^\d/.test(m?.key ?? '')) - 1;
}

/** A bare province name (`Quảng Bình`), not inside a longer capitalised run, not after a form of address. */
function bareProvince(st: AdminState, i: number): number {
  const { g, p, docEra } = st;
  if (!p[i]!.cap || st.consumed[i]) return i;
  const m = matchName(g, p, i, (u) => u.level === 'province', false);
  if (!m || m.key === 'hồ chí minh') return i;
  // a name that is a province only after 2025 (Huế) is not one in an older report
  if (docEra === 'pre-2025' && !m.ids.some((x) => g.units[x]!.era === 'pre-2025')) return i;
  const before = p[i - 1];
  if (before && before.kind === 'word' && before.cap && !isSentenceBoundaryBefore(p, i - 1) && !isSentenceBoundaryBefore(p, i)) return i;
  if (PERSON_WORDS.has(prevKeyOf(p, i)) || PERSON_WORDS.has(`${prevKeyOf(p, i, 2)} ${prevKeyOf(p, i)}`)) return i;
  const after = p[m.end];
  if (after && after.kind === 'word' && after.cap && !after.sentenceStart) return i;
  take(st, mention(i, m.end, m.key, ['province'], m.ids));
  return m.end - 1;
}

const SHAPES: ReadonlyArray<(st: AdminState, i: number) => number | undefined> = [hcmAlias, organHint, cityNoun, adminWordMention, bareProvince];

function collectMentions(st: AdminState): void {
  for (let i = 0; i < st.p.length; i++) {
    if (st.p[i]!.kind !== 'word') continue;
    for (const shape of SHAPES) {
      const r = shape(st, i);
      if (r !== undefined) {
        i = r;
        break;
      }
    }
  }
}

// ---------- stage 2: chains, (cũ), mergers ----------

/** Mentions joined by connectors (`,`, `và`, `thuộc`, admin words) form an address chain (bounded: linear work). */
function chainMentions(st: AdminState): void {
  const { p, mentions } = st;
  mentions.sort((a, b) => a.start - b.start);
  const chains: Mention[][] = [];
  let cur: Mention[] = [];
  for (const m of mentions) {
    const last = cur[cur.length - 1];
    let linked = false;
    if (last) {
      linked = true;
      for (let k = last.end; k < m.start; k++) {
        const q = p[k]!;
        if (!CONNECTORS.has(q.key) && !WORD_MAP.has(q.key) && q.kind !== 'num' && q.key !== 'xã' && q.key !== 'phường') {
          linked = false;
          break;
        }
      }
      if (m.start - last.end > 6 || cur.length >= 24) linked = false; // bounded chains keep the work linear
      if (linked && cur.some((x) => x.key === m.key && x.levels.join() === m.levels.join() && x.key)) linked = false;
    }
    if (!linked && cur.length) {
      chains.push(cur);
      cur = [];
    }
    cur.push(m);
  }
  if (cur.length) chains.push(cur);
  for (const chain of chains) {
    // (cũ) after a mention marks it and everything before it in the chain as old units
    let lastOld = -1;
    chain.forEach((m, idx) => {
      if (p[m.end]?.text === '(' && p[m.end + 1]?.key === 'cũ' && p[m.end + 2]?.text === ')') lastOld = idx;
    });
    for (let idx = 0; idx <= lastOld; idx++) chain[idx]!.old = true;
    // preceded by a merger verb: old units
    const first = chain[0]!;
    let win = '';
    for (let k = Math.max(0, first.start - 4); k < first.start; k++) win += ` ${p[k]!.key}`;
    if (MERGE_VERBS.some((v) => win.includes(v))) for (const m of chain) m.merger = true;
    for (const m of chain) st.chainOf.set(m, chain);
  }
}

// ---------- stage 3: resolve units ----------

/** Resolves the mentions level by level (provinces, districts, communes) with the context gathered so far. */
function resolveUnits(st: AdminState): void {
  const { g, mentions, docEra, docHints } = st;
  // per-call memos: a report names the same units again and again
  const featMemo = new Map<number, string[]>();
  const needMemo = new Map<number, Array<[string, number]>>();
  const featuresOf = (u: Unit): string[] => {
    let f = featMemo.get(u.id);
    if (!f) featMemo.set(u.id, (f = unitFeatures(g, u)));
    return f;
  };
  const needsOf = (u: Unit): Array<[string, number]> => {
    let f = needMemo.get(u.id);
    if (!f) needMemo.set(u.id, (f = candidateNeeds(g, u)));
    return f;
  };
  const addHints = (u: Unit) => {
    for (const f of featuresOf(u)) docHints.set(f, (docHints.get(f) ?? 0) + 1);
  };
  const resolve = (m: Mention) => {
    let cands = m.cands.filter((x) => m.levels.includes(g.units[x]!.level));
    if (!cands.length) return;
    const onlyPre = m.type === 'huyện' || m.type === 'quận' || m.type === 'thị xã' || m.type === 'thị trấn' || m.levels.every((l) => l === 'district');
    const want: AdminEra = m.type === 'đặc khu' ? 'post-2025' : m.old || m.merger || onlyPre ? 'pre-2025' : docEra;
    const inEra = cands.filter((x) => g.units[x]!.era === want);
    if (inEra.length) cands = inEra;
    // district-level `thành phố` vs province: a province of that name wins unless the district fits the context
    const local = new Set<string>();
    for (const o of st.chainOf.get(m) ?? []) if (o !== m && o.unit !== undefined) for (const f of featuresOf(g.units[o.unit]!)) local.add(f);
    const scored = new Map<string, { id: number; score: number }>();
    for (const id of cands) {
      const u = g.units[id]!;
      let score = 0;
      for (const [f, w] of needsOf(u)) score += w * ((local.has(f) ? 10 : 0) + (docHints.has(f) ? 1 : 0));
      if (u.level === 'province') score += 0.5; // a province over a same-named city when nothing else decides
      const k = `${u.era}|${u.level}|${u.code}`;
      const prev = scored.get(k);
      if (!prev || score > prev.score) scored.set(k, { id, score });
    }
    const ranked = [...scored.values()].sort((a, b) => b.score - a.score);
    if (ranked.length === 1 || ranked[0]!.score > ranked[1]!.score) m.unit = ranked[0]!.id;
  };
  for (const level of ['province', 'district', 'commune'] as const) {
    const batch = mentions.filter((m) => m.levels[0] === level || (level === 'commune' && !m.levels.length));
    // unambiguous first, then the rest with the hints gathered so far
    for (const m of batch) if (m.cands.length === 1) resolve(m);
    for (const m of batch) if (m.unit !== undefined) addHints(g.units[m.unit]!);
    for (const m of batch) if (m.unit === undefined) resolve(m);
    for (const m of batch) if (m.unit !== undefined && m.cands.length !== 1) addHints(g.units[m.unit]!);
  }
}

// ---------- stage 4: bare district/commune names made unambiguous by the context ----------

/** The unit each district/commune name most likely means in this document (name key → unit). */
function homeUnits(st: AdminState): Map<string, number> {
  const { g, mentions, docEra } = st;
  const home = new Map<string, number>();
  const score = new Map<number, number>();
  for (const m of mentions) {
    if (m.unit === undefined) continue;
    const u = g.units[m.unit]!;
    if (u.level === 'province') continue;
    score.set(m.unit, (score.get(m.unit) ?? 0) + (m.emit ? 1 : 3) + (u.era === docEra ? 2 : 0));
  }
  for (const [id, s] of score) {
    const k = g.units[id]!.key;
    const prev = home.get(k);
    if (prev === undefined || s > (score.get(prev) ?? 0)) home.set(k, id);
  }
  return home;
}

/** The unit a bare name not known from `home` names: its district in brackets, or a place word before it. */
function bareUnit(st: AdminState, byStart: Map<number, Mention>, m: { end: number; ids: number[] }, before: Piece | undefined): number | undefined {
  const { g, p, docHints } = st;
  const after = p[m.end];
  // `Vĩnh Lộc B (H.Bình Chánh)`: a commune followed by its district in brackets
  const next = after?.text === '(' ? byStart.get(m.end + 1) : undefined;
  const nu = next?.unit !== undefined ? g.units[next.unit]! : undefined;
  let hits: number[] = [];
  if (nu && nu.level === 'district') hits = m.ids.filter((x) => g.units[x]!.district === nu.id);
  else if (before && PLACE_BEFORE.test(before.key)) {
    // `ở Phan Rí Cửa`, `từ xã A đi Ia Dêr`: a unit of a district the report names, unique there
    hits = m.ids.filter((x) => {
      const u = g.units[x]!;
      return u.era === 'pre-2025' && u.district !== undefined && docHints.has(`d:${g.units[u.district]!.code}`) && g.units[u.district]!.id !== x;
    });
  }
  return hits.length === 1 ? hits[0]! : undefined;
}

function bareNames(st: AdminState): void {
  const { g, p, consumed } = st;
  const home = homeUnits(st);
  const byStart = new Map(st.mentions.map((x) => [x.start, x]));
  for (let i = 0; i < p.length; i++) {
    const q = p[i]!;
    if (consumed[i] || q.kind !== 'word' || !q.cap) continue;
    const before = p[i - 1];
    if (before && before.kind === 'word' && before.cap && !isSentenceBoundaryBefore(p, i)) continue;
    if (before && (WORD_MAP.has(before.key) || PERSON_WORDS.has(before.key))) continue;
    const m = matchName(g, p, i, (u) => u.level !== 'province', false);
    if (!m) continue;
    const after = p[m.end];
    if (after && after.kind === 'word' && after.cap && !after.sentenceStart) continue;
    if (after && after.kind === 'word' && /^(ủy|uỷ)$/.test(after.key)) continue;
    const unit = home.get(m.key) ?? bareUnit(st, byStart, m, before);
    if (unit === undefined) continue;
    st.extra.push(mention(i, m.end, m.key, [g.units[unit]!.level], [unit], { unit }));
    for (let k = i; k < m.end; k++) consumed[k] = 1;
    i = m.end - 1;
  }
}

// ---------- stage 5: entities ----------

const SOURCE_OF: Readonly<Record<AdminLevel, string>> = { province: 'gazetteer:province', district: 'gazetteer:district', commune: 'gazetteer:commune' };

function toEntities(st: AdminState): Entity[] {
  const { g, p, text } = st;
  const out: Entity[] = [];
  // One value object per unit and call: a report names the same units again and again (less memory).
  const links = new Map<number, AdminLink>();
  const linkOf = (id: number): AdminLink => {
    let l = links.get(id);
    if (!l) links.set(id, (l = unitLink(g, id)));
    return l;
  };
  for (const m of [...st.mentions, ...st.extra].sort((a, b) => a.start - b.start)) {
    if (!m.emit) continue;
    const start = p[m.start]!.start;
    const end = p[m.end - 1]!.end;
    const u = m.unit !== undefined ? g.units[m.unit]! : undefined;
    const level: AdminLevel = u?.level ?? (m.levels.length === 1 ? m.levels[0]! : m.levels.includes('province') ? 'province' : 'district');
    const type: EntityType = level === 'province' ? 'PROVINCE' : level === 'district' ? 'DISTRICT' : 'COMMUNE';
    let normalized = m.expand;
    if (normalized && level === 'province' && m.type === 'thành phố') normalized = capitalised(normalized);
    const value: AdminLink | undefined = u ? linkOf(u.id) : undefined;
    out.push({
      text: text.slice(start, end),
      start,
      end,
      type,
      ...(normalized ? { normalized } : {}),
      ...(value ? { value } : {}),
      source: SOURCE_OF[level],
    });
  }
  return out;
}

/**
 * Tags PROVINCE / DISTRICT / COMMUNE spans in `text` (tokens from `tokenize(text)` may be passed to avoid
 * re-tokenising). Each span's `value` is the linked official unit when the context makes it unambiguous.
 * Stages over one explicit state: collect mentions → chain → resolve units → bare names → entities.
 *
 * @example
 * ```ts
 * findAdminUnits('Năm 2020, xã Liên Trường, huyện Quảng Trạch đạt chuẩn.').map((e) => `${e.type}:${e.text}`);
 * // ['COMMUNE:xã Liên Trường', 'DISTRICT:huyện Quảng Trạch']
 * ```
 */
export function findAdminUnits(text: string, tokens?: readonly Token[], facts?: FullDocContext): Entity[] {
  const p = toPieces(text, tokens ?? facts?.tokens ?? tokenize(text), facts);
  const st: AdminState = {
    text, g: gazetteer(), p, docEra: documentEra(text).era, mentions: [], consumed: new Uint8Array(p.length),
    chainOf: new Map(), docHints: new Map(), extra: [],
  };
  collectMentions(st);
  chainMentions(st);
  resolveUnits(st);
  bareNames(st);
  return toEntities(st);
}
