// The main scan of the named rules over one line: at each token, the stages below are tried in order and the
// scan jumps past what the first accepting stage consumed. A stage returns the next token index, or -1 when it
// does not apply at i.
import { type AdminLevel, isAdminName } from '../admin/index.js';
import { addressDistrict } from './address.js';
import { photoCredit } from './bylines.js';
import { parseDocument } from './document.js';
import { parseEvent } from './event.js';
import { parseLocation } from './location.js';
import { bareOrgOk, parseOrg } from './org.js';
import { addPerson, initialsAt, nameRun, personList } from './person.js';
import { parsePosition } from './position.js';
import { type NamedState, add, capSyl, genericBefore, isDash, isSyl, match, prevKey } from './state.js';
import { BARE_TITLE_BEFORE, CUE_ALSO_NAMES, NOT_NAME } from './words.js';

type Stage = (st: NamedState, i: number) => number;

/** A news dateline opening a paragraph: `TTXVN - Sáng 5/3, …`, `BNA - Ngày …`: the agency's abbreviation. */
function datelineStage(st: NamedState, i: number): number {
  const t = st.toks[i]!;
  if (i === 0 && t.kind === 'abbreviation' && /^\p{Lu}{2,8}$/u.test(t.text) && isDash(st, 1) && capSyl(st, 2) && !parseOrg(st, 0)) {
    add(st, 0, 1, 'ORGANIZATION', 'rule:dateline', 2);
    return 2;
  }
  return -1;
}

function photoCreditStage(st: NamedState, i: number): number {
  const pc = photoCredit(st, i);
  return pc > 0 ? pc : -1;
}

/**
 * Person cue: đồng chí / ông / bà (+ a title, then the name). Returns `[next, done]`: done when the scan moves on
 * to `next`; otherwise the phrase stages run at `next` (the token after the cue, when a title follows it).
 */
function personCueStage(st: NamedState, i: number): [number, boolean] {
  const cue = match(st, st.lex.cues, i);
  if (!cue) return [i, false];
  const j = i + cue.len;
  // initials written as a name (`bà N.T.H.`) before a name run would take their first letter
  const ini = cue.value === 'degree' ? j : initialsAt(st, j);
  if (ini > j) {
    addPerson(st, j, ini, 'rule:person-initials', 3);
    return [ini, true];
  }
  const r = nameRun(st, j);
  if (cue.value === 'plural') {
    if (r > j) {
      addPerson(st, j, r, 'rule:person-cue', 3);
      return [personList(st, r, 'rule:person-list', true), true];
    }
  } else {
    // after a degree a one-word "name" is usually a field (`thạc sĩ Quản trị`, `cử nhân Luật`) unless seen before
    const oneWordOk = r - j !== 1 || (!NOT_NAME.has(st.keys[j]!) && (cue.value !== 'degree' || st.knownGiven.has(st.keys[j]!)));
    if (r > j && oneWordOk) {
      addPerson(st, j, r, 'rule:person-cue', 3);
      return [personList(st, r, 'rule:person-list'), true];
    }
  }
  if (!st.cap[i] || cue.len > 1 || !CUE_ALSO_NAMES.has(st.keys[i]!)) return [j, match(st, st.lex.titles, j) === undefined];
  return [i, false];
}

/** The unit level an admin word names (`city` may be a province or a district: any level). */
const LEVEL_OF: Readonly<Record<string, AdminLevel | undefined>> = { province: 'province', district: 'district', commune: 'commune' };

/**
 * The colloquial post `Chủ tịch tỉnh Nguyễn Văn Hùng`, `Bí thư xã Lê Văn Tám`: a bare title, a lower-case level word
 * and a personal name (a surname of the shared vocabulary, 2–4 capitalised syllables) that is no unit of that level
 * (`Chủ tịch tỉnh Bắc Ninh`, `Chủ tịch tỉnh Hà Nam …` name the province). Returns [end of the level word, end of the
 * name], or undefined.
 */
function colloquialPost(st: NamedState, j: number): [number, number] | undefined {
  const a = match(st, st.lex.adminWords, j);
  if (!a || !isSyl(st, j) || st.cap[j]) return undefined;
  const k = j + a.len;
  const r = nameRun(st, k);
  if (r - k < 2 || r - k > 4 || !st.lex.surnames.has(st.keys[k]!)) return undefined;
  const level = LEVEL_OF[a.value];
  for (let e = k + 2; e <= r; e++) if (isAdminName(st.keys.slice(k, e).join(' '), level)) return undefined;
  if (r - k === 2 && isAdminName(st.keys.slice(k, r).join(' '))) return undefined;
  return [k, r];
}

/** POSITION (+ a name right after it). */
function positionStage(st: NamedState, i: number): number {
  const pos = parsePosition(st, i);
  if (!pos || genericBefore(st, i)) return -1;
  const post = pos.bare ? colloquialPost(st, pos.e) : undefined;
  if (post) {
    add(st, i, post[0], 'POSITION', 'rule:position-colloquial', 2);
    addPerson(st, post[0], post[1], 'rule:person-after-title', 3);
    return personList(st, post[1], 'rule:person-list');
  }
  const r = nameRun(st, pos.e);
  const nameFollows = r > pos.e && !(r - pos.e === 1 && NOT_NAME.has(st.keys[pos.e]!));
  if (!(!pos.bare || st.cap[i] || nameFollows || BARE_TITLE_BEFORE.has(prevKey(st, i) ?? ''))) return -1;
  add(st, i, pos.e, 'POSITION', pos.bare ? 'rule:position-title' : 'rule:position', 2);
  const full = r - pos.e >= 2 && st.lex.surnames.has(st.keys[pos.e]!) && !isAdminName(st.keys.slice(pos.e, r).join(' '));
  const short = r - pos.e <= 2 && st.knownGiven.has(st.keys[r - 1]!) && st.toks[r]?.kind !== 'abbreviation';
  if (nameFollows && (full || short)) {
    addPerson(st, pos.e, r, 'rule:person-after-title', 3);
    return personList(st, r, 'rule:person-list');
  }
  return pos.e;
}

function eventStage(st: NamedState, i: number): number {
  const ev = parseEvent(st, i);
  if (ev <= 0) return -1;
  add(st, i, ev, 'EVENT', 'rule:event', 2);
  return ev;
}

function documentStage(st: NamedState, i: number): number {
  const doc = parseDocument(st, i);
  if (!doc) return -1;
  for (const [s, e] of doc) add(st, s, e, 'DOCUMENT', 'rule:document', 2);
  return doc[doc.length - 1]![1];
}

function organisationStage(st: NamedState, i: number): number {
  const org = parseOrg(st, i);
  if (!org || !(!org.bare || bareOrgOk(st, i, org))) return -1;
  if (org.kind === 'center' || (org.bare && genericBefore(st, i))) return -1;
  add(st, i, org.e, 'ORGANIZATION', org.bare ? 'rule:organ-bare' : `rule:organ-${org.kind}`, 2);
  return org.e;
}

/** The built-in token patterns (dictionaries/entities/patterns/*.json): the pattern id is the entity's source. */
function patternStage(st: NamedState, i: number): number {
  const m = st.lex.patterns.matchAt(st.line, i, st.n);
  if (!m) return -1;
  add(st, m.start, m.end, m.pattern.label, m.pattern.id, m.pattern.priority ?? 2);
  return m.end;
}

function locationStage(st: NamedState, i: number): number {
  const loc = parseLocation(st, i);
  if (!loc) return -1;
  for (const [s, e] of loc) add(st, s, e, 'LOCATION', 'rule:location', 1);
  return loc[loc.length - 1]![1];
}

/** A district named without its type word in an address (address.ts). */
function addressStage(st: NamedState, i: number): number {
  return addressDistrict(st, i);
}

/** PERSON without a cue: surname + at least two more capitalised syllables, or a name seen before. */
function personNameStage(st: NamedState, i: number): number {
  if (!capSyl(st, i)) return -1;
  const r = nameRun(st, i);
  const runKey = st.keys.slice(i, r).join(' ');
  if (r - i >= 3 && r - i <= 4 && st.lex.surnames.has(st.keys[i]!) && (prevKey(st, i) === undefined || !match(st, st.lex.adminWords, i - 1)) && !isAdminName(`${st.keys[i]} ${st.keys[i + 1]}`) && !isAdminName(runKey)) {
    addPerson(st, i, r, 'rule:person-name', 1);
    return personList(st, r, 'rule:person-list');
  }
  if (r - i >= 2 && st.knownNames.has(runKey)) {
    add(st, i, r, 'PERSON', 'rule:person-known', 2);
    return r;
  }
  // a capitalised word before a phrase head (sentence-initial `Vốn Chương trình …`) does not swallow the head
  let skip = i + 1;
  const lex = st.lex;
  while (skip < r && !(match(st, lex.documents, skip) || match(st, lex.titles, skip) || match(st, lex.meetings, skip) || match(st, lex.organs, skip) || match(st, lex.locations, skip))) skip++;
  return skip;
}

/** Stages tried first at every token, before the person cues. */
const OPENING_STAGES: readonly Stage[] = [datelineStage, photoCreditStage];
/** The phrase stages, in the order they are tried at a token. */
const PHRASE_STAGES: readonly Stage[] = [positionStage, eventStage, documentStage, organisationStage, patternStage, locationStage, addressStage, personNameStage];

function scanAt(st: NamedState, i0: number): number {
  if (st.consumed[st.base + i0]) return i0 + 1;
  const kind = st.toks[i0]!.kind;
  if (kind === 'punctuation' || kind === 'number' || kind === 'percent' || kind === 'symbol') return i0 + 1;
  for (const stage of OPENING_STAGES) {
    const r = stage(st, i0);
    if (r >= 0) return r;
  }
  const [i, done] = personCueStage(st, i0);
  if (done) return i;
  for (const stage of PHRASE_STAGES) {
    const r = stage(st, i);
    if (r >= 0) return r;
  }
  return i + 1;
}

/** Scans the current line of the state. */
export function scanLine(st: NamedState): void {
  let i = 0;
  while (i < st.n) i = scanAt(st, i);
}
