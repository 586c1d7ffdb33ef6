import { parseEvent } from './event.js';
import { parseOrg } from './org.js';
import { yearsAt } from './pieces.js';
import { type NamedState, isDash, isListJoin, isPunct, key, lim, match, setMatch } from './state.js';
import { DOCUMENT_NUMBER_WORDS, LAW_STOP, LAW_YEAR_WORDS, NATIONAL_TARGET, NOT_A_LAW_AFTER, PHASE_WORDS, PROGRAMME_YEAR_WORDS } from './words.js';

export function docNumberAt(st: NamedState, k: number): number {
  const t = st.toks[k];
  if (!t) return -1;
  if (t.kind === 'code') return k + 1;
  if (t.kind === 'number' && /^\d{1,4}(?:\/\d{4})?$/.test(t.text)) return k + 1;
  return -1;
}

export function parseDocument(st: NamedState, i: number): Array<[number, number]> | undefined {
  const m = match(st, st.lex.documents, i);
  if (!m) return undefined;
  const kind = m.value;
  let j = i + m.len;
  if (kind === 'fixed') return st.cap[i] ? [[i, j]] : undefined;
  // numbered: [số] code/number
  let k = j;
  const so = DOCUMENT_NUMBER_WORDS.has(key(st, k) ?? '');
  if (so) k++;
  const e = docNumberAt(st, k);
  if (e > 0) {
    const t = st.toks[k]!;
    const isYear = t.kind === 'number' && /^(19|20)\d\d$/.test(t.text);
    if ((so || st.cap[i]) && !(isYear && !so)) {
      const spans: Array<[number, number]> = [[i, e]];
      // list members: Quyết định 935, 936
      let p = e;
      while (isListJoin(st, p) && docNumberAt(st, p + 1) > 0 && st.toks[p + 1]!.kind === t.kind) {
        const q = docNumberAt(st, p + 1);
        if (st.toks[p + 1]!.kind === 'number' && /^(19|20)\d\d$/.test(st.toks[p + 1]!.text)) break;
        spans.push([p + 1, q]);
        p = q;
      }
      return spans;
    }
  }
  if (!st.cap[i]) return undefined;
  if (kind === 'resolution') {
    const ev = parseEvent(st, j, true);
    if (ev > 0) return [[i, ev]];
    return undefined;
  }
  if (kind === 'law') {
    if (NOT_A_LAW_AFTER.has(key(st, j) ?? '')) return undefined; // luật gia, luật sư, luật học
    let p = j;
    const L = lim(st, i);
    const org = parseOrg(st, j);
    if (org && !org.bare) p = org.e;
    // the capitalised first word of the name keeps its second syllable (Luật Thực hiện dân chủ ở cơ sở)
    else while (p < L && st.toks[p]!.kind === 'syllable' && (!LAW_STOP.has(st.keys[p]!) || (p === j && st.cap[j]) || (p === j + 1 && st.cap[j] && !st.cap[p] && !LAW_YEAR_WORDS.has(st.keys[p]!))) && p - j < 8) p++;
    if (p === j) return undefined;
    if (LAW_YEAR_WORDS.has(key(st, p) ?? '') && st.toks[p + 1]?.kind === 'number' && /^\d{4}$/.test(st.toks[p + 1]!.text)) p += 2;
    return [[i, p]];
  }
  if (kind === 'programme') {
    const py = setMatch(st, PROGRAMME_YEAR_WORDS, j);
    if (py > 0 && /^\d{4}$/.test(st.toks[j + py]?.text ?? '')) return [[i, j + py + 1]];
    // Chương trình mục tiêu quốc gia / Chương trình MTQG … giai đoạn 2021 - 2025
    const nt = setMatch(st, NATIONAL_TARGET, j);
    if (nt > 1 || (nt === 1 && st.toks[j]!.kind === 'abbreviation')) {
      const L = Math.min(lim(st, i), j + 30);
      for (let p = j + nt; p < L; p++) {
        if (st.toks[p]!.kind === 'punctuation' && !isDash(st, p)) break;
        const ph = setMatch(st, PHASE_WORDS, p);
        if (ph > 0) {
          const y = yearsAt(st, p + ph);
          if (y > 0) return [[i, y]];
        }
      }
      return undefined;
    }
    return undefined;
  }
  return undefined;
}
