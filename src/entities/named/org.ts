import { attachPlace, attachTerm, headName, looksLikePerson, placeRun } from './pieces.js';
import { nameRun } from './person.js';
import { type NamedState, allCaps, capSyl, genericBefore, isCentre, key, match, prevKey, setMatch } from './state.js';
import {
  BARE_COMMITTEE_LOWER_NOT, CENTRE_PARTY, BARE_COUNCIL_NOT, BARE_SUB_HEADS, BARE_SUB_NOT, COMMITTEE_UNITS, COUNCIL_CITY_ABBREVIATIONS, COUNCIL_GENERIC_AFTER, PARTY_BARE_LOWER_AFTER,
  PARTY_NOT_BEFORE, PERSON_NAMED_ORG_HEADS, PLURAL_BODY_LEADS, PLURAL_DETERMINERS, VILLAGE_HEADS,
} from './words.js';

export type OrgKind = 'committee' | 'council' | 'sub' | 'party' | 'national' | 'named' | 'center' | 'abbr' | 'custom';

export interface OrgParse {
  readonly e: number; // exclusive token index
  readonly kind: OrgKind;
  readonly bare: boolean;
}

/**
 * What a kind's parser returns: the end of the organ's name (exclusive token index) and whether it stays bare (no
 * body or place attached); undefined when the organ word names no organ here.
 */
type Tail = [number, boolean];

/** A party committee: a council/national/named body after it, or a place (Huyện ủy Quảng Trạch). */
function orgCommittee(st: NamedState, j0: number, depth: number): Tail | undefined {
  let j = j0;
  let bare = true;
  if (PLURAL_DETERMINERS.has(key(st, j) ?? '') && match(st, st.lex.adminWords, j + 1)) return undefined;
  const sub = parseOrg(st, j, depth + 1);
  if (sub && (sub.kind === 'council' || sub.kind === 'national' || sub.kind === 'named') && !sub.bare) {
    j = sub.e;
    bare = false;
    return [j, bare];
  }
  if (sub && sub.kind === 'council' && st.cap[j]) {
    j = sub.e;
    if (isCentre(st, j)) j += 2;
    bare = false;
    return [j, bare];
  }
  // a committee named after its unit, without a place: Đảng ủy Công ty, Đảng ủy Bệnh viện
  const unit = st.cap[j] ? setMatch(st, COMMITTEE_UNITS, j) : 0;
  if (unit > 0 && !(sub && !sub.bare)) return [attachPlace(st, j + unit), false];
  const k = attachPlace(st, j);
  if (k > j) bare = false;
  j = k;
  return [j, bare];
}

/** A state/front council: an admin word and its place, TP.HCM or Trung ương (UBND huyện X). */
function orgCouncil(st: NamedState, j0: number): Tail | undefined {
  let j = j0;
  let bare = true;
  if (setMatch(st, COUNCIL_GENERIC_AFTER, j) > 0) return undefined;
  // UBND các xã, thị trấn: the councils of several units (generic, rule 2)
  if (PLURAL_DETERMINERS.has(key(st, j) ?? '') && match(st, st.lex.adminWords, j + 1)) return undefined;
  // the country of a national front body: Ủy ban MTTQ Việt Nam xã …
  const country = match(st, st.lex.locations, j);
  if (country?.value === 'country') j += country.len;
  const a = match(st, st.lex.adminWords, j);
  if (a) {
    j = placeRun(st, j + a.len, true);
    bare = false;
  } else if (st.toks[j]?.kind === 'abbreviation' && COUNCIL_CITY_ABBREVIATIONS.has(st.keys[j]!)) {
    j++;
    bare = false;
  } else if (isCentre(st, j)) {
    j += 2;
    bare = false;
  }
  return [j, bare];
}

/** An organ of a body: the parent body, Trung ương, or its own name (Ban Thường vụ Tỉnh ủy, Ban Quản lý KKT tỉnh). */
function orgSub(st: NamedState, j0: number, depth: number): Tail | undefined {
  let j = j0;
  let bare = true;
  const p = parseOrg(st, j, depth + 1);
  if (p && p.kind !== 'named') {
    j = p.e;
    bare = false;
  } else if (isCentre(st, j)) {
    j += 2;
    if (CENTRE_PARTY.has(key(st, j) ?? '')) j++;
    bare = false;
  } else {
    // Ban Quản lý KKT tỉnh; Ban Chỉ đạo các Chương trình MTQG huyện (what the body steers, in the plural)
    const plural = PLURAL_BODY_LEADS.has(key(st, j) ?? '') && (capSyl(st, j + 1) || st.toks[j + 1]?.kind === 'abbreviation') && !match(st, st.lex.organs, j + 1) && !match(st, st.lex.titles, j + 1) && !looksLikePerson(st, j + 1);
    const k = plural && headName(st, j + 1) > j + 1 ? headName(st, j + 1) : headName(st, j);
    const a0 = match(st, st.lex.adminWords, j);
    if (k > j) {
      j = k;
      bare = false;
      const a = match(st, st.lex.adminWords, j);
      if (a && !st.cap[j]) j = placeRun(st, j + a.len, true);
    } else if (a0 && !st.cap[j]) {
      // Văn phòng huyện, Trung tâm Phục vụ hành chính công xã
      j = placeRun(st, j + a0.len, true);
      bare = false;
    }
  }
  return [j, bare];
}

/** A party organisation: a council or named body, an admin word, a village or a place (Đảng bộ xã X, Chi bộ thôn Y). */
function orgParty(st: NamedState, j0: number, depth: number): Tail | undefined {
  let j = j0;
  let bare = true;
  if (PARTY_NOT_BEFORE.has(key(st, j) ?? '')) return undefined; // các cơ quan, trực thuộc, Đảng bộ, cấp ủy: no party name
  const body = st.cap[j] ? parseOrg(st, j, depth + 1) : undefined;
  if (body && (body.kind === 'council' || body.kind === 'named') && !body.bare) {
    j = body.e;
    bare = false;
    return [j, bare];
  }
  if (body && body.kind === 'council' && isCentre(st, j + 2)) {
    j = j + 4;
    bare = false;
    return [j, bare];
  }
  const a = match(st, st.lex.adminWords, j);
  const village = a ? undefined : match(st, st.lex.locations, j);
  if (a) {
    j = placeRun(st, j + a.len, true);
    bare = false;
  } else if (village && VILLAGE_HEADS.has(st.keys.slice(j, j + village.len).join(' ')) && !st.cap[j] && capSyl(st, j + village.len)) {
    // Chi bộ thôn Lũng Pù, Chi bộ ấp Phú Hòa: a village-level party cell
    j = placeRun(st, j + village.len, true);
    bare = false;
  } else {
    const k = placeRun(st, j, false);
    if (k > j) bare = false;
    j = k;
  }
  return [j, bare];
}

/** A head followed by its name (Sở Nội vụ, Báo Nhân Dân), then its parent body or place. */
function orgNamed(st: NamedState, i: number, mlen: number, j0: number, depth: number): Tail | undefined {
  let j = j0;
  let bare = true;
  // a lower-case head names a body only when it has two syllables at least and a capitalised name follows
  // (`trung tâm Văn hóa huyện`: a heading in capitals comes back from the casing model with its head in lower case)
  if (!st.cap[i] && !(mlen >= 2 && capSyl(st, j) && !genericBefore(st, i))) return undefined;
  // a known country or region that starts with an organ word is the place (Đài Loan)
  const lm = match(st, st.lex.locations, i);
  if (lm && (lm.value === 'country' || lm.value === 'region') && lm.len > mlen) return undefined;
  // An all-capitals line gives no capitalisation cue: `BÁO CÁO`, `TRUNG TÂM HỘI NGHỊ` are not a head + name
  // after a one-word head unless a known department or an admin word follows (`SỞ NỘI VỤ`, `ĐÀI PHÁT THANH …`).
  if (mlen === 1 && allCaps(st, i) && allCaps(st, j) && !match(st, st.lex.departments, j) && !match(st, st.lex.adminWords, j)) return undefined;
  const dept = match(st, st.lex.departments, j) !== undefined;
  // a school or hospital named after a person: the name is the organisation's (Trường THPT Phan Bội Châu)
  const k = PERSON_NAMED_ORG_HEADS.has(st.keys.slice(i, j).join(' ')) && looksLikePerson(st, j) ? nameRun(st, j) : headName(st, j);
  // a head of two words or more, or an abbreviation of one (LĐLĐ, HLHPN), may stand with only an admin word after it
  const wide = mlen >= 2 || st.toks[i]!.kind === 'abbreviation';
  if (k === j && (!wide || !match(st, st.lex.adminWords, j) || st.cap[j])) return undefined;
  j = k;
  bare = false;
  const parent = parseOrg(st, j, depth + 1);
  if (parent && (parent.kind === 'committee' || parent.kind === 'council' || parent.kind === 'national' || parent.kind === 'party')) {
    j = parent.e;
    return [j, bare];
  }
  if (isCentre(st, j)) {
    j += 2;
    return [j, bare];
  }
  const a = match(st, st.lex.adminWords, j);
  if (a && (!st.cap[j] || st.toks[j]!.kind === 'abbreviation')) j = placeRun(st, j + a.len, true);
  else if (dept) j = placeRun(st, j, false);
  return [j, bare];
}

export function parseOrg(st: NamedState, i: number, depth = 0): OrgParse | undefined {
  if (i >= st.n || depth > 3) return undefined;
  const m = match(st, st.lex.organs, i);
  if (!m) return undefined;
  const kind = m.value as OrgKind;
  const j0 = i + m.len;
  let tail: Tail | undefined;
  switch (kind) {
    case 'national':
    case 'abbr':
    case 'custom':
      tail = [j0, false];
      break;
    case 'center':
      tail = CENTRE_PARTY.has(key(st, j0) ?? '') ? [j0 + 1, false] : [j0, true];
      break;
    case 'committee':
      tail = orgCommittee(st, j0, depth);
      break;
    case 'council':
      tail = orgCouncil(st, j0);
      break;
    case 'sub':
      tail = orgSub(st, j0, depth);
      break;
    case 'party':
      tail = orgParty(st, j0, depth);
      break;
    case 'named':
      tail = orgNamed(st, i, m.len, j0, depth);
      break;
    default:
      tail = [j0, true];
  }
  if (!tail) return undefined;
  return { e: attachTerm(st, tail[0]), kind, bare: tail[1] };
}

/** Whether a bare organ at i names one body here (rule 2 + conventions 2). */
export function bareOrgOk(st: NamedState, i: number, p: OrgParse): boolean {
  if (genericBefore(st, i)) return false;
  const k = st.keys[i]!;
  switch (p.kind) {
    case 'committee':
      return st.cap[i] === 1 || !BARE_COMMITTEE_LOWER_NOT.has(k);
    case 'council':
      return st.cap[i] === 1 && !BARE_COUNCIL_NOT.has(k);
    case 'sub':
      return st.cap[i] === 1 && BARE_SUB_HEADS.has(k) && p.e - i >= 2 && !BARE_SUB_NOT.has(st.keys.slice(i, p.e).join(' '));
    case 'party':
      if (st.cap[i]) return true;
      return PARTY_BARE_LOWER_AFTER.has(prevKey(st, i) ?? '');
    case 'center':
      return false;
    default:
      return true;
  }
}
