import { parseOrg } from './org.js';
import { attachTerm, attachTermYears, ordinalAt } from './pieces.js';
import { type NamedState, isCentre, key, match } from './state.js';

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
      if (st.keys.slice(j, j + mm.len).join(' ') === 'toàn quốc') has = true;
      j += mm.len;
      continue;
    }
    if (key(st, j) === 'đảng' && (key(st, j + 1) === 'toàn' || (afterResolution && key(st, j + 1) !== 'bộ' && key(st, j + 1) !== 'ủy'))) {
      j++;
      continue;
    }
    break;
  }
  if (isCentre(st, j) && st.toks[j + 2]?.kind === 'number') {
    j += 3;
    has = true;
  }
  if (afterResolution && (st.toks[j]?.kind === 'roman') && meeting === 'đại hội') {
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
    if (st.toks[j]?.kind === 'number' && /^\d{1,2}$/.test(st.toks[j]!.text) && st.toks[j - 1]?.kind === 'syllable' && st.keys[j - 1] === 'ương') j++;
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
  if (meeting === 'tuần lễ cấp cao' || meeting === 'hội nghị thượng đỉnh') {
    if (st.toks[j]?.kind === 'abbreviation') {
      j++;
      if (st.toks[j]?.kind === 'number') j++;
      has = true;
    }
  }
  if (!has) return -1;
  j = attachTermYears(st, j, 'nhiệm kỳ');
  if (key(st, j) === 'của' && key(st, j + 1) === 'đảng') j += 2;
  return j;
}
