import { nameRun } from './person.js';
import { glued, looksLikePerson, sentenceCaseTail } from './pieces.js';
import { type NamedState, capSyl, genericBefore, isDash, isListJoin, isPunct, isSyl, key, lim, match, prevKey, startsPhrase } from './state.js';
import { isDictionaryWord } from './dictionary.js';
import { COUNTRY_AMBIGUOUS_INITIAL, COUNTRY_NEXT, DATE_WORDS, LC_HEAD_COMPOUNDS, NOT_NAME, NOT_PLACE, VILLAGE_HEADS } from './words.js';

export function parseLocation(st: NamedState, i: number): Array<[number, number]> | undefined {
  const m = match(st, st.lex.locations, i);
  if (!m) return undefined;
  const kind = m.value;
  const j = i + m.len;
  if (kind === 'fixed' || kind === 'region' || kind === 'country') {
    if (!st.cap[i] && kind !== 'fixed') return undefined;
    if (kind === 'fixed' && !st.cap[i] && prevKey(st, i) !== undefined && !st.cap[i]) {
      /* lower-case fixed names are fine */
    }
    if (m.len === 1 && (capSyl(st, i - 1) && !st.brk[i]) ) return undefined;
    if (capSyl(st, j) && j < lim(st, i)) return undefined;
    // one-syllable countries (Lào, Nga, Pháp) glued to a lower-case word into one dictionary word are parts of
    // words: "Pháp luật", "Anh hùng", "Mỹ thuật" (but "sang Mỹ tăng mạnh" is the country)
    if (m.len === 1 && isSyl(st, j) && !st.cap[j] && j < lim(st, i) && !COUNTRY_NEXT.has(st.keys[j]!) && isDictionaryWord(st.keys[i]!, st.keys[j]!)) return undefined;
    if (m.len === 1 && kind === 'country') {
      // a given name met before in the document (ông Nguyễn Minh Đức … Đức) is the person; sentence-initial
      // one-syllable countries that are also pronouns or common given names ("Anh", "Đức") are too ambiguous
      if (st.knownGiven.has(st.keys[i]!)) return undefined;
      if ((prevKey(st, i) === undefined || prevKey(st, i) === '.') && COUNTRY_AMBIGUOUS_INITIAL.has(st.keys[i]!)) return undefined;
    }
    return [[i, j]];
  }
  if (kind === 'head' || kind === 'head-lc') {
    if (kind === 'head-lc' && st.cap[i]) return undefined;
    if (genericBefore(st, i) && !capSyl(st, j)) return undefined;
    let k = j;
    const L = lim(st, i);
    // "yêu cầu", "nhu cầu", "toàn cầu": the head is the second half of a common word
    if (kind === 'head-lc' && LC_HEAD_COMPOUNDS.has(`${prevKey(st, i) ?? ''} ${st.keys[i]}`)) return undefined;
    const run = (p: number): number => {
      let q = p;
      // a memorial named after a person keeps the title and the name (Khu lưu niệm Chủ tịch Tôn Đức Thắng)
      if (p === j && kind === 'head') {
        const tm = match(st, st.lex.titles, p);
        const r = tm && tm.value === 'alone' && capSyl(st, p) ? nameRun(st, p + tm.len) : -1;
        if (tm && r - (p + tm.len) >= 2 && st.lex.surnames.has(st.keys[p + tm.len]!)) return r;
      }
      // a title or an organ ends the place name: "cầu Bộ Chính trị" is not a bridge
      // … and a date word before a number (`Năm 2020` after the name is a DATE, never part of a place)
      while (q < L && capSyl(st, q) && q - p < 5 && !(startsPhrase(st, q) || (match(st, st.lex.organs, q)?.len ?? 0) > 1) && !(DATE_WORDS.has(st.keys[q]!) && st.toks[q + 1]?.kind === 'number')) q++;
      return q;
    };
    k = run(j);
    if (k === j) return undefined;
    // a capitalised head starts a sentence-case name: `Khu đô thị Khoa học Quy Nhơn` (one span, no district inside)
    if (st.cap[i] && kind === 'head') k = sentenceCaseTail(st, j, k, L);
    // "yêu cầu Tiểu ban": a one-syllable name glued to a lower-case word is not a name
    if (kind === 'head-lc' && k === j + 1 && isSyl(st, k) && !st.cap[k] && k < L) return undefined;
    // a head before a country is no place name (… biển Việt Nam: the sea of the country)
    const country = match(st, st.lex.locations, j);
    if (country?.value === 'country' && j + country.len === k) return undefined;
    // "Khánh Hòa - Buôn Ma Thuột", "Trần Thị Lý - đường 2/9"
    if (isDash(st, k) && capSyl(st, k + 1)) {
      const k2 = run(k + 1);
      if (k2 > k + 1) k = k2;
    }
    const spans: Array<[number, number]> = [[i, k]];
    // villages listed after one head: `các bản Lốm, Có Dạo, Sái Ngoài` (later names are their own spans)
    if (VILLAGE_HEADS.has(st.keys.slice(i, j).join(' '))) {
      let p = k;
      while (isListJoin(st, p) && capSyl(st, p + 1) && p + 1 < L) {
        const s0 = p + 1;
        if (NOT_PLACE.has(st.keys[s0]!) || NOT_NAME.has(st.keys[s0]!) || looksLikePerson(st, s0) || match(st, st.lex.locations, s0) || match(st, st.lex.adminWords, s0)) break;
        const e0 = run(s0);
        if (e0 === s0 || (isSyl(st, e0) && e0 < L && st.cap[e0])) break;
        spans.push([s0, e0]);
        p = e0;
      }
    }
    return spans;
  }
  if (kind === 'numbered') {
    // `QL.1A`, `ĐH.173`: a dot glued between an abbreviated head and its number
    const dot = isPunct(st, j, '.') && st.toks[j - 1]!.kind === 'abbreviation' && st.toks[j - 1]!.end === st.toks[j]!.start && st.toks[j + 1]?.start === st.toks[j]!.end ? 1 : 0;
    const t = st.toks[j + dot];
    if (!t || t.kind !== 'number' || !/^\d{1,3}[A-Z]?$/.test(t.text)) return undefined;
    // a letter glued to the number belongs to the code (`quốc lộ 12B`, `QL.1A`)
    const letter = isSyl(st, j + dot + 1) && /^\p{Lu}$/u.test(st.toks[j + dot + 1]!.text) && st.toks[j + dot + 1]!.start === t.end ? 1 : 0;
    const spans: Array<[number, number]> = [[i, j + dot + 1 + letter]];
    let p = j + dot + 1 + letter;
    while (isListJoin(st, p) && st.toks[p + 1]?.kind === 'number' && /^\d{1,3}$/.test(st.toks[p + 1]!.text)) {
      spans.push([p + 1, p + 2]);
      p += 2;
    }
    return spans;
  }
  return undefined;
}
