import { parseOrg } from './org.js';
import { attachTerm, headName, placeRun } from './pieces.js';
import { type NamedState, capSyl, isCentre, isSyl, key, lim, match, setMatch } from './state.js';
import { BARE_ORGAN_AFTER_TITLE, CENTRE_PARTY, STANDING, STANDING_ABBREVIATIONS, STANDING_COMMITTEE, VILLAGE_HEADS } from './words.js';

/**
 * After a title: a lower-case one-word organ head (`phòng`, `sở`, `ban`, `cục` …) followed by its capitalised name
 * (+ an admin word and place), or a village head (`bản`, `thôn`, `ấp` …) followed by its capitalised name.
 * Returns the end (j when there is none).
 */
export function lowerHeadBody(st: NamedState, j: number): number {
  const L = lim(st, j);
  const om = match(st, st.lex.organs, j);
  if (om && om.len === 1 && om.value === 'named' && j + 1 < L && (capSyl(st, j + 1) || match(st, st.lex.departments, j + 1))) {
    // Phó Trưởng ban Thường trực (Ban Tổ chức Trung ương): the standing deputy, then the body when one follows
    const sd = setMatch(st, STANDING, j + 1);
    if (sd > 0) {
      const body = parseOrg(st, j + 1 + sd);
      return body && !body.bare ? body.e : j + 1 + sd;
    }
    const k = headName(st, j + 1);
    if (k <= j + 1) return j;
    const a = match(st, st.lex.adminWords, k);
    return a && !st.cap[k] ? placeRun(st, k + a.len, true) : k;
  }
  const lm = match(st, st.lex.locations, j);
  if (lm && VILLAGE_HEADS.has(st.keys.slice(j, j + lm.len).join(' ')) && j + lm.len < L && capSyl(st, j + lm.len)) {
    const k = placeRun(st, j + lm.len, true);
    return k > j + lm.len ? k : j;
  }
  return j;
}

export function parsePosition(st: NamedState, i: number): { e: number; bare: boolean } | undefined {
  const m = match(st, st.lex.titles, i);
  if (!m) return undefined;
  let j = i + m.len;
  const sd = setMatch(st, STANDING, j);
  if (sd > 0) j += sd;
  else if (STANDING_ABBREVIATIONS.has(key(st, j) ?? '') && st.toks[j]!.kind === 'abbreviation') j += 1;
  let hasBody = false;
  const org = parseOrg(st, j);
  if (org && !(org.kind === 'center' && org.bare)) {
    j = org.e;
    hasBody = true;
  } else if (isCentre(st, j)) {
    j += 2;
    if (CENTRE_PARTY.has(key(st, j) ?? '')) j++;
    hasBody = true;
  } else if (setMatch(st, STANDING_COMMITTEE, j) > 0) {
    j += setMatch(st, STANDING_COMMITTEE, j);
    hasBody = true;
  } else if (isSyl(st, j) && !st.cap[j] && (m.value === 'body' || m.len === 1) && lowerHeadBody(st, j) > j) {
    // Trưởng phòng Tài chính - Kế hoạch thị xã X, Trưởng bản Pú Piến: a lower-case organ or village head that
    // belongs to the title, with its name (and place) after it
    j = lowerHeadBody(st, j);
    hasBody = true;
  } else {
    // A title that ends in its organ takes the organ's name: Phó Chánh Văn phòng Điều phối NTM tỉnh.
    for (let k = i + 1; k < j; k++) {
      const om = match(st, st.lex.organs, k);
      if (!om || k + om.len !== j || !st.cap[k]) continue;
      const inner = parseOrg(st, k);
      if (inner && !inner.bare && inner.e > j) {
        j = inner.e;
        hasBody = true;
      }
      break;
    }
  }
  if (!hasBody && m.value === 'body') {
    // "tổng giám đốc đài": a lower-case bare organ noun right after a title
    if (BARE_ORGAN_AFTER_TITLE.has(key(st, j) ?? '')) return { e: j + 1, bare: false };
    return undefined;
  }
  j = attachTerm(st, j);
  return { e: j, bare: !hasBody };
}
