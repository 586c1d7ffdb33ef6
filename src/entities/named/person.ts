import { isAdminName } from '../admin/index.js';
import { type NamedState, add, capSyl, isListJoin, isPunct, isSyl, key, lim, match } from './state.js';
import { LIST_JOINERS, NOT_NAME, NOT_PLACE } from './words.js';

/** Capitalised name run at i (max 5 syllables), stopping at titles, organs and admin words. */
export function nameRun(st: NamedState, i: number): number {
  let j = i;
  const L = lim(st, i);
  while (j < L && j - i < 5 && capSyl(st, j)) {
    if (NOT_NAME.has(st.keys[j]!) && j === i) break;
    const om = match(st, st.lex.organs, j);
    if (match(st, st.lex.titles, j) || (om && om.len > 1)) break;
    const am = match(st, st.lex.adminWords, j);
    if (am) {
      // a capitalised one-syllable admin word after surname + middle name ends the name as its given name
      // (`Trần Đức Quận`, `Lê Văn Huyện`) unless a unit name follows it (`Nguyễn Văn Cừ Quận Long Biên`)
      if (am.len === 1 && j - i === 2 && st.lex.surnames.has(st.keys[i]!) && isSyl(st, j) && !(capSyl(st, j + 1) && j + 1 < L)) j++;
      break;
    }
    // "Bí thư Đoàn Bộ GD-ĐT": a one-word organ head (Bộ, Sở, Ban …) before a name or an acronym ends the name
    if (om && j > i && (om.value === 'named' || om.value === 'sub') && j + 1 < L && ((capSyl(st, j + 1) && !st.cap[j - 1]) || st.toks[j + 1]!.kind === 'abbreviation' || st.toks[j + 1]!.kind === 'code')) break;
    const lm = match(st, st.lex.locations, j);
    if (lm && ((j > i && lm.value === 'head' && lm.len > 1) || ((lm.value === 'country' || lm.value === 'region') && lm.len > 1))) break;
    j++;
  }
  return j;
}

export function addPerson(st: NamedState, s: number, e: number, source: string, prio: number): void {
  add(st, s, e, 'PERSON', source, prio);
  if (e - s >= 2) {
    st.knownNames.add(st.keys.slice(s, e).join(' '));
    st.knownGiven.add(st.keys[e - 1]!);
  }
}

/** After a person: ", Nguyễn Văn A" / "và Trần Thị B" list members. Returns the end of the list. */
export function personList(st: NamedState, e: number, source: string, plural = false): number {
  let p = e;
  while (isListJoin(st, p) && capSyl(st, p + 1)) {
    const s0 = p + 1;
    const q = nameRun(st, s0);
    if (q - s0 < 2) break;
    if (!st.lex.surnames.has(st.keys[s0]!)) {
      // after a plural cue (`các đồng chí …`), a minority name without a Kinh surname (`Cil Múp`, `Ka Sim`) is a
      // list member when it is short, ends the item and is no place, organ, title or common capitalised word
      const ends = q >= st.n || isPunct(st, q, ',') || isPunct(st, q, '.') || isPunct(st, q, ';') || LIST_JOINERS.has(key(st, q) ?? '');
      const stem = st.keys.slice(s0, q).join(' ');
      if (!plural || q - s0 > 3 || !ends || NOT_NAME.has(st.keys[s0]!) || NOT_PLACE.has(st.keys[s0]!) || isAdminName(stem) || isAdminName(`${st.keys[s0]} ${st.keys[s0 + 1]}`) || match(st, st.lex.locations, s0) || match(st, st.lex.organs, s0) || match(st, st.lex.titles, s0)) break;
    }
    addPerson(st, s0, q, source, 3);
    p = q;
  }
  return p;
}

/**
 * Initials written as a name at i (`N.T.H.`, `T.V.K`, `H.`): capital letters each followed by a dot, written
 * without spaces (two letters at least, the last dot optional). Returns the end of the initials, or i.
 */
export function initialsAt(st: NamedState, i: number): number {
  let k = i;
  let text = '';
  while (k < lim(st, i) && (k === i || st.toks[k]!.start === st.toks[k - 1]!.end)) {
    const t = st.toks[k]!;
    if (!/^(?:\p{Lu}(?:\.\p{Lu})*|\.)$/u.test(t.text)) break;
    text += t.text;
    k++;
  }
  // the dot after the last letter belongs to the initials only when more than one letter precedes it
  while (k > i && !/^(?:\p{Lu}\.)+\p{Lu}?$/u.test(text)) {
    k--;
    text = text.slice(0, text.length - st.toks[k]!.text.length);
  }
  return (text.match(/\p{Lu}/gu)?.length ?? 0) >= 2 ? k : i;
}
