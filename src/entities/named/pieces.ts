import { isAdminName } from '../admin/index.js';
import { measureLexicon } from '../measures/lexicon.js';
import { type NamedState, capSyl, isCentre, isDash, isPunct, isSyl, key, lim, match, sameLine, setMatch, startsPhrase } from './state.js';
import { isDictionaryWord } from './dictionary.js';
import { LAW_STOP, LIST_JOINERS, PLACE_CITY_ABBREVIATIONS, PURPOSE_HEADS, PURPOSE_VERBS, TERM_WORDS, NAME_MIDDLES, NAME_VERBS, NOT_NAME, NOT_PLACE, ORDINAL_WORDS, ORG_NAME_FOLLOWERS, ORG_NAME_INNER_WORDS, ORG_NAME_INSIDE, ORG_NUMBERED_WORDS, NAME_JOINERS, ORDINAL_LEADS, REGION_PREFIX } from './words.js';

/** A person-like run at i: surname + a middle name + one more capitalised syllable. */
export function looksLikePerson(st: NamedState, i: number): boolean {
  return (
    capSyl(st, i) &&
    st.lex.surnames.has(st.keys[i]!) &&
    capSyl(st, i + 1) &&
    capSyl(st, i + 2) &&
    sameLine(st, i, i + 2) &&
    (NAME_MIDDLES.has(st.keys[i + 1]!) || !isAdminName(`${st.keys[i]} ${st.keys[i + 1]}`))
  );
}

/** Capitalised place-name run at i (after an organ or admin word). Returns the end index (i when none). */
export function placeRun(st: NamedState, i: number, afterAdmin: boolean): number {
  let j = i;
  const L = lim(st, i);
  while (j < L && j - i < 5) {
    const t = st.toks[j]!;
    if (t.kind === 'syllable' && st.cap[j]) {
      // `đồng` (đồng chí), `ông`, `bà` … end a place run unless they start a known unit name (Huyện ủy Đồng Phú)
      // … or continue one (`Lâm Đồng`, `Thủ Đức`-like names whose later syllable is a stop word)
      if (NOT_PLACE.has(st.keys[j]!) && !(j > i && isAdminName(st.keys.slice(i, j + 1).join(' '))) && !(j === i && capSyl(st, j + 1) && j + 1 < L && (isAdminName(`${st.keys[j]} ${st.keys[j + 1]}`) || (capSyl(st, j + 2) && j + 2 < L && isAdminName(`${st.keys[j]} ${st.keys[j + 1]} ${st.keys[j + 2]}`))))) break;
      if (j > i && startsPhrase(st, j)) break;
      j++;
      continue;
    }
    if (t.kind === 'abbreviation' && PLACE_CITY_ABBREVIATIONS.has(st.keys[j]!)) {
      j++;
      break;
    }
    if (afterAdmin && j === i && t.kind === 'number' && /^\d{1,2}$/.test(t.text)) {
      j++;
      break;
    }
    break;
  }
  if (j === i || st.toks[i]!.kind !== 'syllable') return j;
  if (isAdminName(st.keys.slice(i, j).join(' '))) return j;
  // "Đảng bộ Quân đội": one capitalised syllable glued to a lower-case word is a common word, not a place
  if (!afterAdmin && j === i + 1 && isSyl(st, j) && !st.cap[j] && j < L) return i;
  // A unit name followed by a person's name: "Thành phố Hồ Chí Minh Nguyễn Thiện Nhân".
  for (let k = j - 1; k > i; k--) if (looksLikePerson(st, k) && isAdminName(st.keys.slice(i, k).join(' '))) return k;
  if (looksLikePerson(st, i)) return i;
  // Prefer the longest prefix that names an administrative unit ("Yên Bái" in "Yên Bái Theo …").
  for (let k = j - 1; k > i; k--) if (isAdminName(st.keys.slice(i, k).join(' '))) return k;
  return j;
}

/** Admin word (+ place) or a bare place run after an organ. */
export function attachPlace(st: NamedState, j: number): number {
  if (j >= st.n) return j;
  const a = match(st, st.lex.adminWords, j);
  if (a) {
    const k = j + a.len;
    return placeRun(st, k, true);
  }
  return placeRun(st, j, false);
}

/** `khóa X`, `, khóa X`, `(khóa X)` attached after a name. */
export function attachTerm(st: NamedState, j: number): number {
  let k = j;
  let paren = false;
  if (isPunct(st, k, ',')) k++;
  else if (isPunct(st, k, '(')) {
    k++;
    paren = true;
  }
  if (TERM_WORDS.has(key(st, k) ?? '') && k < lim(st, j) && (st.toks[k + 1]?.kind === 'roman' || st.toks[k + 1]?.kind === 'number')) {
    k += 2;
    if (paren) {
      if (isPunct(st, k, ')')) return k + 1;
      return j;
    }
    return k;
  }
  return j;
}

/** Years after `nhiệm kỳ`/`giai đoạn`: 2020 - 2025 or 2016-2021. */
export function yearsAt(st: NamedState, k: number): number {
  const t = st.toks[k];
  if (!t || t.kind !== 'number') return -1;
  if (/^\d{4}[-–/]\d{4}$/.test(t.text)) return k + 1;
  if (/^\d{4}$/.test(t.text)) {
    if (isDash(st, k + 1) && /^\d{4}$/.test(st.toks[k + 2]?.text ?? '')) return k + 3;
    return k + 1;
  }
  return -1;
}
/** `[,|(] <words> <years>` after a name, where the words are an entry of the folded set `words` (`nhiệm kỳ`). */
export function attachTermYears(st: NamedState, j: number, words: ReadonlySet<string>): number {
  let k = j;
  if (isPunct(st, k, ',')) k++;
  else if (isPunct(st, k, '(')) k++;
  const w = setMatch(st, words, k);
  if (w > 0) {
    const e = yearsAt(st, k + w);
    if (e > 0) return isPunct(st, j, '(') ? (isPunct(st, e, ')') ? e + 1 : j) : e;
  }
  return j;
}

/** Ordinal `lần thứ X` / `thứ X` at k. */
export function ordinalAt(st: NamedState, k: number): number {
  let p = k;
  const lead = setMatch(st, ORDINAL_LEADS, p);
  if (lead === 0) return -1;
  p += lead;
  const t = st.toks[p];
  if (!t) return -1;
  if (t.kind === 'roman' || (t.kind === 'number' && /^\d{1,3}$/.test(t.text))) return p + 1;
  if (ORDINAL_WORDS.has(st.keys[p]!)) return p + 1;
  return -1;
}

/** Tokens k-1 (capitalised) and k form one dictionary word of two syllables (`Điều phối`, `Tổ chức`). */
export function glued(st: NamedState, k: number): boolean {
  const w = `${st.keys[k - 1]} ${st.keys[k]}`;
  const ml = measureLexicon();
  return ml.others.has(w) || ml.nouns.has(w);
}

/**
 * A body named after its task, `phòng, chống` / `phòng chống` + what it fights (Ban Chỉ huy Phòng, chống thiên
 * tai và Tìm kiếm cứu nạn, Ban Chỉ đạo phòng chống dịch): words of either case, `và` between two of them, at most
 * 12 words, ending at a function word, a verb, a title, an organ or an admin word (the caller attaches the place).
 * Returns j when j does not start such a name.
 */
export function purposeName(st: NamedState, j: number): number {
  if (!PURPOSE_HEADS.has(key(st, j) ?? '')) return j;
  let q = isPunct(st, j + 1, ',') ? j + 2 : j + 1;
  if (!PURPOSE_VERBS.has(key(st, q) ?? '')) return j;
  q++;
  const L = Math.min(lim(st, j), q + 12);
  let end = j;
  while (q < L && isSyl(st, q)) {
    const w = st.keys[q]!;
    if (LIST_JOINERS.has(w) && end === q && isSyl(st, q + 1) && !LAW_STOP.has(st.keys[q + 1]!)) {
      q++;
      continue;
    }
    const object = end === j; // the first word after `chống` is its object, whatever it is (tham nhũng)
    if ((LAW_STOP.has(w) && !object) || (NAME_VERBS.has(w) && !object) || match(st, st.lex.adminWords, q) || match(st, st.lex.titles, q) || (st.cap[q] && match(st, st.lex.organs, q))) break;
    q++;
    end = q;
  }
  return end;
}

/** The lower-case word at k: two syllables when they make one dictionary word (`chi nhánh`), else one. */
function wordKeyAt(st: NamedState, k: number): string {
  const w = st.keys[k]!;
  return isSyl(st, k + 1) && !st.cap[k + 1] && isDictionaryWord(w, st.keys[k + 1]!) ? `${w} ${st.keys[k + 1]}` : w;
}

/**
 * Does the lower-case syllable k continue the capitalised one before it inside a name? Yes when the two make one
 * dictionary word (`Văn hóa`, `Hậu cần`); no when it is a function word or a verb, or when the news corpus shows it
 * after organisation names (ORG_NAME_FOLLOWERS, learned: `chi`, `cho biết`) or never inside one (ORG_NAME_INSIDE).
 */
export function lowerContinues(st: NamedState, k: number): boolean {
  const w = st.keys[k]!;
  if (isDictionaryWord(st.keys[k - 1]!, w) || (k >= 2 && st.cap[k - 2] && isDictionaryWord(st.keys[k - 2]!, st.keys[k - 1]!, w))) return true;
  if (LAW_STOP.has(w) || NAME_VERBS.has(w)) return false;
  const wk = wordKeyAt(st, k);
  return !ORG_NAME_FOLLOWERS.has(wk) && (ORG_NAME_INSIDE.has(wk) || ORG_NAME_INSIDE.has(w));
}

/**
 * Lower-case dictionary words that go on inside a name after its capitalised-then-lower-case word (`Cảnh sát giao
 * thông`, `Xổ số kiến thiết`, `Khoa học xã hội`): two-syllable dictionary words the news corpus shows inside
 * organisation names (ORG_NAME_INNER_WORDS, learned) and not right after them (ORG_NAME_FOLLOWERS). Returns the end.
 */
function lowerWords(st: NamedState, k0: number, L: number): number {
  let k = k0;
  while (k + 1 < L && isSyl(st, k) && !st.cap[k] && isSyl(st, k + 1) && !st.cap[k + 1]) {
    const w = wordKeyAt(st, k);
    if (!w.includes(' ') || !ORG_NAME_INNER_WORDS.has(w) || ORG_NAME_FOLLOWERS.has(w) || match(st, st.lex.titles, k)) break;
    k += 2;
  }
  return k;
}

/** A unit's number at k after a word that numbers units (ORG_NUMBERED_WORDS: khu vực, quân khu, sư đoàn). */
function numberedUnitAt(st: NamedState, k: number): boolean {
  const t = st.toks[k]!;
  if (!(t.kind === 'roman' || (t.kind === 'number' && /^\d{1,3}$/.test(t.text)))) return false;
  const w1 = st.keys[k - 1]!;
  return ORG_NUMBERED_WORDS.has(w1) || (k >= 2 && ORG_NUMBERED_WORDS.has(`${st.keys[k - 2]} ${w1}`));
}

/** Name after a `named` head: a department phrase, abbreviations, or a capitalised run joined by - / và / ,. */
export function headName(st: NamedState, j: number): number {
  const pc = purposeName(st, j);
  if (pc > j) return pc;
  const d = match(st, st.lex.departments, j);
  // a department joined to another by a dash or `và` runs on (Tài chính - Kế hoạch): the general loop below
  if (d && !((isDash(st, j + d.len) || NAME_JOINERS.has(key(st, j + d.len) ?? '')) && capSyl(st, j + d.len + 1) && j + d.len + 1 < lim(st, j) && !match(st, st.lex.organs, j + d.len + 1) && !match(st, st.lex.titles, j + d.len + 1))) return j + d.len;
  if (looksLikePerson(st, j)) return j; // "Chánh văn phòng Trần Đức Long": a name, not the office's name
  let k = j;
  const L = lim(st, j);
  while (k < L) {
    const t = st.toks[k]!;
    if (k > j && PURPOSE_HEADS.has(st.keys[k]!)) {
      const pc = purposeName(st, k);
      if (pc > k) return pc;
    }
    if ((t.kind === 'syllable' && st.cap[k]) || t.kind === 'abbreviation') {
      // a person's name ends the body's name, unless it names a unit (… quốc gia Hồ Chí Minh)
      if (k > j && t.kind === 'syllable' && ((looksLikePerson(st, k) && !isAdminName(st.keys.slice(k, k + 3).join(' '), 'province')) || match(st, st.lex.titles, k))) break;
      if (k > j && st.cap[k - 1] && st.toks[k - 1]!.kind === 'syllable') {
        // "Hà Nội" ends the name: no lower-case continuation after a unit name
        if (isAdminName(`${st.keys[k - 1]} ${st.keys[k]}`)) {
          k += 1;
          break;
        }
      }
      k++;
      // lower-case continuation of a capitalised word inside a name: Văn hóa, Nội vụ
      // (a verb syllable only when it makes one word with the capitalised one: Điều phối, Điều hành)
      if (k < L && st.toks[k]!.kind === 'syllable' && !st.cap[k] && k - j < 8 && !match(st, st.lex.adminWords, k) && lowerContinues(st, k) && match(st, st.lex.departments, k) === undefined && st.cap[k - 1] && (!isAdminName(st.keys[k - 1]!) || glued(st, k))) {
        k++;
        k = lowerWords(st, k, Math.min(L, j + 12));
      }
      continue;
    }
    // a numbered unit: Quân khu 7, Chi cục Thuế khu vực 5
    if (k > j && numberedUnitAt(st, k)) {
      k++;
      break;
    }
    const nw = k > j && isSyl(st, k) && !st.cap[k] ? setMatch(st, ORG_NUMBERED_WORDS, k) : 0;
    if (nw > 0 && k + nw < L && numberedUnitAt(st, k + nw)) {
      k += nw + 1;
      break;
    }
    // "Nông nghiệp và Phát triển nông thôn", "Kế hoạch - Đầu tư"; not "Báo Nhân Dân và Đài …" (a second body)
    if ((isDash(st, k) || NAME_JOINERS.has(key(st, k) ?? '')) && k > j && ((st.toks[k + 1]?.kind === 'syllable' && st.cap[k + 1]) || st.toks[k + 1]?.kind === 'abbreviation') && !match(st, st.lex.organs, k + 1) && !match(st, st.lex.titles, k + 1)) {
      k++;
      continue;
    }
    break;
  }
  return sentenceCaseTail(st, j, k, L);
}

/**
 * Sentence-case names run on in lower case up to a capitalised place or an admin word with its place:
 * `Viện Nghiên cứu phát triển kinh tế - xã hội Đà Nẵng`, `Bảo tàng Mỹ thuật cung đình Huế`,
 * `Tổng công ty Điện lực miền Bắc`. Only after a one-word capitalised start, never across function words or
 * common verbs, at most 10 lower-case words; otherwise the name ends where it ended (`k`).
 */
export function sentenceCaseTail(st: NamedState, j: number, k: number, L: number): number {
  if (k >= L || st.cap[k] || st.toks[k]!.kind !== 'syllable') return k;
  let caps = 0;
  for (let q = j; q < k; q++) if (st.cap[q]) caps++;
  if (caps !== 1) return k;
  let q = k;
  let lower = 0;
  while (q < L && lower <= 10) {
    const t = st.toks[q]!;
    if (t.kind === 'syllable' && !st.cap[q]) {
      if (LAW_STOP.has(st.keys[q]!) || NAME_VERBS.has(st.keys[q]!) || ORG_NAME_FOLLOWERS.has(wordKeyAt(st, q)) || match(st, st.lex.titles, q)) return k;
      const a = match(st, st.lex.adminWords, q);
      if (a && capSyl(st, q + a.len) && q + a.len < L) return q; // the caller attaches "tỉnh Gia Lai"
      q++;
      lower++;
      continue;
    }
    if (isDash(st, q) && q > k && st.toks[q + 1]?.kind === 'syllable' && !st.cap[q + 1]) {
      q++;
      continue;
    }
    if (t.kind === 'syllable' && st.cap[q]) {
      // "miền Nam", a country ("Việt Nam"), "Trung ương" close a name; other name-blocking words ("Đảng", "Hội", "Ban" …) do not
      if (isCentre(st, q)) return q + 2;
      if (looksLikePerson(st, q) || match(st, st.lex.titles, q) || match(st, st.lex.organs, q) || NOT_PLACE.has(st.keys[q]!)) return k;
      if (NOT_NAME.has(st.keys[q]!) && !REGION_PREFIX.has(st.keys[q - 1]!) && match(st, st.lex.locations, q)?.value !== 'country') return k;
      let e = q;
      while (e < L && capSyl(st, e) && e - q < 4) e++;
      // the capitalised run must close the name: nothing glued to it in lower case ("Huế đã …" is fine: a stop word)
      if (e < L && isSyl(st, e) && !st.cap[e] && !LAW_STOP.has(st.keys[e]!) && !NAME_VERBS.has(st.keys[e]!)) return k;
      return e;
    }
    return k;
  }
  return k;
}
