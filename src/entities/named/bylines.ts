import { isAdminName } from '../admin/index.js';
import { parseOrg } from './org.js';
import { addPerson, nameRun } from './person.js';
import { looksLikePerson } from './pieces.js';
import { type NamedState, add, capSyl, isDash, isPunct, key, mark, match } from './state.js';
import { CREDIT_WORDS, LIST_JOINERS, NOT_NAME, PHOTO_CREDIT_LABELS, SOURCE_CREDIT_LEADS } from './words.js';


/**
 * Bylines, read from the layout component's line labels (src/doc/layout.ts labels each line once): every line
 * labelled `byline` is parsed as `name [- newsroom]` after an optional credit label (`Tin, ảnh: …`); a line near the
 * headline must be a name starting with a surname when nothing follows it. A byline run into the end of the last
 * body line (`… được giao. Duy Hoàng`), which no line label marks, is read by `runInByline`.
 */
export function bylines(st: NamedState): void {
  if (st.n === 0) return;
  const { lineFirst, lineLabels } = st.v;
  const last = lineLabels.length - 1;
  let lastDone = false;
  for (let l = 0; l <= last; l++) {
    if (lineLabels[l] === 'byline') lastDone = lineByline(st, lineFirst[l]!, lineFirst[l + 1]!, l < last - 1) && l === last;
  }
  // the last line when it holds no writer's name: a source credit (`Theo Dân Việt`) or a byline run into the text
  if (last >= 0 && !lastDone) runInByline(st, lineFirst[last]!);
}

/**
 * The writer (and newsroom) of a byline line [s0, e). `top`: a line under the headline (a surname is required).
 * Returns whether a writer was found.
 */
function lineByline(st: NamedState, s0: number, e: number, top: boolean): boolean {
  let s = s0;
  let endTrim = e;
  while (endTrim > s && st.toks[endTrim - 1]!.kind === 'punctuation') endTrim--;
  // a credit label before the name: `Tin, ảnh: X`, `Bài và ảnh: X`
  let lab = s;
  while (lab < endTrim && CREDIT_WORDS.has(st.keys[lab]!) && (isPunct(st, lab + 1, ',') || LIST_JOINERS.has(key(st, lab + 1) ?? '') || isPunct(st, lab + 1, ':'))) {
    lab += 2;
    if (isPunct(st, lab - 1, ':')) {
      s = lab;
      break;
    }
  }
  const r = nameRun(st, s);
  if (top && r === endTrim && (r - s < 2 || !st.lex.surnames.has(st.keys[s]!) || isAdminName(st.keys.slice(s, r).join(' ')))) return false;
  // `X (Văn phòng Đảng ủy phường)`: the writer's body in brackets
  const paren = isPunct(st, r, '(') && isPunct(st, endTrim, ')') && endTrim === e - 1;
  // a line that is only a known place (`Lào`, `Trung Quốc`, `Hà Nội`) is no writer's name
  const place = (match(st, st.lex.locations, s)?.len ?? 0) === r - s || isAdminName(st.keys.slice(s, r).join(' '), 'province');
  const nameOk = r > s && r - s <= 4 && !place && (r === endTrim || isDash(st, r) || isPunct(st, r, '/') || paren);
  if (!nameOk || (match(st, st.lex.organs, s) && !looksLikePerson(st, s))) return false;
  addPerson(st, s, r, 'rule:byline', 4);
  mark(st, s, r);
  if (r >= endTrim) return true;
  const os = r + 1;
  const org = parseOrg(st, os);
  const oe = org && org.e === endTrim ? org.e : endTrim;
  // `Thành Duy - Thu Huyền`: a second writer, not an organisation
  const second = !org && isDash(st, r) && nameRun(st, os) === endTrim && endTrim - os >= 2 && endTrim - os <= 4 && !NOT_NAME.has(st.keys[os]!) && !isAdminName(st.keys.slice(os, endTrim).join(' '), 'province') && (match(st, st.lex.locations, os)?.len ?? 0) < endTrim - os;
  if (second) {
    addPerson(st, os, endTrim, 'rule:byline', 4);
    mark(st, os, endTrim);
  } else if (oe > os && (st.cap[os] || st.toks[os]!.kind === 'abbreviation')) {
    add(st, os, oe, 'ORGANIZATION', 'rule:byline', 4);
    mark(st, os, oe);
  }
  return true;
}

/** A byline run into the end of the last line [s, n): `. Duy Hoàng`, `. HOÀI NAM`, `. TTXVN/Tin Tức`, `Theo TTXVN`. */
function runInByline(st: NamedState, s: number): void {
  let endTrim = st.n;
  while (endTrim > s && st.toks[endTrim - 1]!.kind === 'punctuation') endTrim--;
  let p = endTrim - 1;
  const q = endTrim;
  while (p >= 0 && capSyl(st, p) && q - p <= 3) p--;
  const nameStart = p + 1;
  if (nameStart < endTrim && endTrim - nameStart <= 3 && endTrim - nameStart >= 1 && p >= 0 && isPunct(st, p, '/') && st.toks[p - 1]?.kind === 'abbreviation') {
    add(st, p - 1, p, 'ORGANIZATION', 'rule:byline', 4);
    add(st, nameStart, endTrim, 'ORGANIZATION', 'rule:byline', 4);
    mark(st, p - 1, endTrim);
    return;
  }
  // "Theo Infonet", "Theo TTXVN": a source credit, the organisation only
  if (nameStart < q && SOURCE_CREDIT_LEADS.has(st.keys[nameStart]!) && (p < 0 || isPunct(st, p, '.') || st.brk[nameStart])) {
    const os = nameStart + 1;
    if (os < q || st.toks[os]?.kind === 'abbreviation') {
      const oe = os < q ? q : os + 1;
      add(st, os, oe, 'ORGANIZATION', 'rule:byline', 4);
      mark(st, nameStart, oe);
    }
    return;
  }
  const place = (match(st, st.lex.locations, nameStart)?.len ?? 0) === q - nameStart;
  if (nameStart < q && q - nameStart >= 2 && q - nameStart <= 3 && !place && p >= 0 && (isPunct(st, p, '.') || st.brk[nameStart])) {
    addPerson(st, nameStart, q, 'rule:byline', 4);
    mark(st, nameStart, q);
  }
}

export function photoCredit(st: NamedState, i: number): number {
  // Ảnh: NAME/ORG   or   Ảnh: Trí Dũng/TTXVN (tokenised "Dũng/TTXVN" as one code token)
  if (!PHOTO_CREDIT_LABELS.has(key(st, i) ?? '') || !isPunct(st, i + 1, ':')) return -1;
  const s = i + 2;
  if (parseOrg(st, s)) return -1;
  let j = s;
  while (j < st.n && j - s < 4 && capSyl(st, j)) j++;
  const t = st.toks[j];
  if (t && t.kind === 'code' && /^\p{Lu}[\p{L}\p{M}]*\/\p{Lu}{2,}$/u.test(t.text)) {
    const slash = t.text.indexOf('/');
    st.out.push({ start: st.toks[s]!.start, end: t.start + slash, type: 'PERSON', source: 'rule:photo-credit', prio: 4 });
    st.out.push({ start: t.start + slash + 1, end: t.end, type: 'ORGANIZATION', source: 'rule:photo-credit', prio: 4 });
    return j + 1;
  }
  // `Ảnh: Minh Hải` at the end of a caption line, `(Ảnh: Ka Thúy)`: the photographer
  const closes = j >= st.n || isPunct(st, j, ')') || (isPunct(st, j, '.') && j + 1 >= st.n);
  // (many given names are also commune names: only a province name is taken as a place here)
  if (j - s >= 2 && closes && !isAdminName(st.keys.slice(s, j).join(' '), 'province') && (match(st, st.lex.locations, s)?.len ?? 0) < j - s) {
    addPerson(st, s, j, 'rule:photo-credit', 4);
    return j;
  }
  if (j > s && isPunct(st, j, '/') && (st.toks[j + 1]?.kind === 'abbreviation' || capSyl(st, j + 1))) {
    addPerson(st, s, j, 'rule:photo-credit', 4);
    let k = j + 1;
    if (st.toks[k]!.kind === 'abbreviation') k++;
    else while (capSyl(st, k) && k - j < 4) k++;
    add(st, j + 1, k, 'ORGANIZATION', 'rule:photo-credit', 4);
    return k;
  }
  return -1;
}
