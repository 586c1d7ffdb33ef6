import { parseOrg } from './org.js';
import { attachTerm, attachTermYears, ordinalAt } from './pieces.js';
import { type NamedState, isCentre, key, match, setMatch } from './state.js';
import { CENTRE_END, MEETING_PARTY, MEETING_PARTY_NEXT, MEETING_PARTY_NOT_NEXT, NATIONWIDE, OF_THE_PARTY, ROMAN_NUMBERED_MEETINGS, SUMMIT_MEETINGS, TERM_YEAR_WORDS } from './words.js';

/** Meeting name at i. With `afterResolution`, also accepts `Trung ương 4`, `Đại hội XIII` (inside DOCUMENT). */
export function parseEvent(st: NamedState, i: number, afterResolution = false): number {
  let j: number;
  let has = false;
  const m = match(st, st.lex.meetings, i);
  if (m) j = i + m.len;
  else if (afterResolution && isCentre(st, i) && st.toks[i + 2]?.kind === 'number') {
    j = i + 3;
    has = true;
    return attachTerm(st, j);
  } else return -1;
  const meeting = st.keys.slice(i, j).join(' ');
  for (let round = 0; round < 3; round++) {
    const mm = match(st, st.lex.meetingModifiers, j);
    if (mm) {
      if (NATIONWIDE.has(st.keys.slice(j, j + mm.len).join(' '))) has = true;
      j += mm.len;
      continue;
    }
    const next = key(st, j + 1) ?? '';
    if (MEETING_PARTY.has(key(st, j) ?? '') && (MEETING_PARTY_NEXT.has(next) || (afterResolution && !MEETING_PARTY_NOT_NEXT.has(next)))) {
      j++;
      continue;
    }
    break;
  }
  if (isCentre(st, j) && st.toks[j + 2]?.kind === 'number') {
    j += 3;
    has = true;
  }
  if (afterResolution && (st.toks[j]?.kind === 'roman') && ROMAN_NUMBERED_MEETINGS.has(meeting)) {
    j++;
    has = true;
  }
  let o = ordinalAt(st, j);
  if (o > 0) {
    j = o;
    has = true;
  }
  const org = parseOrg(st, j);
  if (org && !(org.kind === 'center' && org.bare) && org.kind !== 'named' && !(org.bare && org.kind === 'party' && !st.cap[j])) {
    j = org.e;
    has = true;
    // Hội nghị Ban Chấp hành Trung ương 9
    if (st.toks[j]?.kind === 'number' && /^\d{1,2}$/.test(st.toks[j]!.text) && st.toks[j - 1]?.kind === 'syllable' && CENTRE_END.has(st.keys[j - 1]!)) j++;
  }
  const mm = match(st, st.lex.meetingModifiers, j);
  if (mm) j += mm.len;
  o = ordinalAt(st, j);
  if (o > 0) {
    j = o;
    has = true;
  }
  const t = attachTerm(st, j);
  if (t > j) has = true;
  j = t;
  if (SUMMIT_MEETINGS.has(meeting)) {
    if (st.toks[j]?.kind === 'abbreviation') {
      j++;
      if (st.toks[j]?.kind === 'number') j++;
      has = true;
    }
  }
  if (!has) return -1;
  j = attachTermYears(st, j, TERM_YEAR_WORDS);
  j += setMatch(st, OF_THE_PARTY, j);
  return j;
}
