import { caseStretches, caseTokens, truecase, type CaseToken } from '../text/casing.js';
import { foldKey } from '../text/tone.js';
import type { Entity, Official } from '../types.js';
import { isDictionaryVerb, isDictionaryWord } from './named/dictionary.js';
import { getDefaultLexicon } from './named/lexicon.js';
import { GENERIC_BEFORE, LAW_STOP, NAME_JOINERS, NAME_VERBS, ORG_NAME_FOLLOWERS } from './named/words.js';

// The casing hook of the entity layer: text with case-degenerate stretches (all lower case, or lines in capitals)
// is tagged on its truecased shadow (same length, so every offset holds), and each span's `text` is then taken from
// the original string. `normalized` comes out in proper case: the tagger's own normalisation of the shadow, or the
// shadow span when the original differs from it only by case. Mixed-case text goes straight to the tagger.
//
// The truecaser alone writes the name of an organisation the way running news writes its common words, in lower
// case (`Đảng ủy công an trung ương`, `Công ty cổ phần sữa Việt Nam`). Inside a degenerate stretch the shadow is
// then given the case organisations are written in (`orgNameCase`): after an organisation head the model
// capitalised, each word of the name part gets a capital first letter (`Đảng ủy Công an Trung ương`), up to a word
// that ends a name — a function word, a verb, a word the news corpus shows right after organisation names
// (ORG_NAME_FOLLOWERS, learned), a title, an organ or an admin word.

/** Heads whose own name follows them (organs.tsv: `named` Sở, Ban, Công ty …; `committee` Đảng ủy …). */
const NAME_HEADS: ReadonlySet<string> = new Set(['named', 'committee']);
const MAX_NAME_WORDS = 6;

function capFirst(s: string): string {
  const up = s.charAt(0).toUpperCase();
  return up.length === 1 ? up + s.slice(1) : s;
}

interface Stretch {
  readonly toks: readonly CaseToken[];
  readonly keys: readonly string[];
  readonly caps: readonly boolean[];
}

/** Token q (a syllable) and the next make one dictionary word: 2, else 1. */
function wordLen(st: Stretch, q: number): number {
  return q + 1 < st.toks.length && st.toks[q + 1]!.kind === 0 && isDictionaryWord(st.keys[q]!, st.keys[q + 1]!) ? 2 : 1;
}

/**
 * The lower-case words of an organisation name after its head, from token j, each word where it starts in the
 * dictionary: a department (`giáo dục và đào tạo`, joiners in lower case) is one name word; so does a function word,
 * a verb, a word that follows organisation names in news (ORG_NAME_FOLLOWERS, learned), a title, an admin word, an
 * organ (`organOk`: one may open the name, `Đảng ủy Công an …`), and a lower-case word after a capitalised one (a
 * proper name closes an organisation name). Returns the first syllable of each word to capitalise.
 */
function nameWords(st: Stretch, j: number, organOk: boolean): { out: number[]; proper: boolean } {
  const lex = getDefaultLexicon();
  const { toks, keys, caps } = st;
  const out: number[] = [];
  let q = j, words = 0, sawCap = false;
  while (q < toks.length && words < MAX_NAME_WORDS && toks[q]!.kind === 0) {
    const w = keys[q]!;
    if (w === 'trung' && keys[q + 1] === 'ương') {
      if (!caps[q]) out.push(q); // `Trung ương` closes the name
      break;
    }
    if (caps[q]) sawCap = true;
    else if (sawCap) break;
    const d = lex.departments.match(keys, q, toks.length);
    if (d) {
      for (let k = q; k < q + d.len; k += wordLen(st, k)) if (!caps[k] && !NAME_JOINERS.has(keys[k]!)) out.push(k);
      q += d.len;
      words++;
      sawCap = true;
      continue;
    }
    const two = wordLen(st, q);
    const word = two === 2 ? `${w} ${keys[q + 1]}` : w;
    if (LAW_STOP.has(w) || NAME_VERBS.has(w) || NAME_JOINERS.has(w) || ORG_NAME_FOLLOWERS.has(word) || ORG_NAME_FOLLOWERS.has(w)) break;
    if (two === 2 ? isDictionaryVerb(w, keys[q + 1]!) : isDictionaryVerb(w)) break;
    if (lex.titles.match(keys, q, toks.length) || lex.adminWords.match(keys, q, toks.length)) break;
    if (!(organOk && q === j) && lex.organs.match(keys, q, toks.length)) break;
    if (!caps[q]) out.push(q);
    q += two;
    words++;
  }
  return { out, proper: sawCap };
}

/** A title ends right before token i or takes it in (`trưởng ban` tuyên giáo): a head the model left in lower case. */
function afterTitle(st: Stretch, i: number): boolean {
  const lex = getDefaultLexicon();
  for (let k = Math.max(0, i - 3); k <= i; k++) {
    const t = lex.titles.match(st.keys, k, st.toks.length);
    if (t && (k + t.len === i || k + t.len === i + 1)) return true;
  }
  return false;
}

/** A lower-case `named` head at i (entry of `len` tokens) whose name words end in a proper name: head and words. */
function lowerHead(st: Stretch, i: number, len: number): number[] {
  const e = i + len;
  if (e >= st.toks.length || st.toks[e]!.kind !== 0 || st.caps[e] || isDictionaryWord(st.keys[e - 1]!, st.keys[e]!)) return [];
  if (i > 0 && st.toks[i - 1]!.kind === 0 && GENERIC_BEFORE.has(st.keys[i - 1]!)) return [];
  const r = nameWords(st, e, false);
  return r.proper && r.out.length ? [i, ...r.out] : [];
}

/**
 * The syllables to capitalise in the organisation name whose head is the organ entry at token i: inside a longer
 * entry that opens with a one-word-or-more `named` head (`ban` tuyên giáo và dân vận, `bộ` chỉ huy quân sự), the
 * words after that head (not when head and next syllable are one word: `bộ đội`); then, after a head that takes a
 * name, the name that follows the entry.
 */
function orgNameSyllables(st: Stretch, i: number): number[] {
  const lex = getDefaultLexicon();
  const { toks, keys } = st;
  const m = lex.organs.match(keys, i, toks.length);
  // a head glued to the syllable before it is part of a common word (`cơ sở`, `cán bộ`), not of a title (`trưởng ban`)
  if (!m || (i > 0 && toks[i - 1]!.kind === 0 && isDictionaryWord(keys[i - 1]!, keys[i]!) && !afterTitle(st, i))) return [];
  if (!st.caps[i]) {
    // a head left in lower case: the words of a multi-word entry after a title (`trưởng ban` tuyên giáo); a
    // `named` head whose name runs into a proper name (`đài truyền hình Hà Nội`), head included, unless generic
    if (m.value === 'named') return lowerHead(st, i, m.len);
    if (NAME_HEADS.has(m.value) || !afterTitle(st, i)) return [];
  }
  const out: number[] = [];
  if (!NAME_HEADS.has(m.value)) {
    let h = 0;
    for (let L = 1; L < m.len && !h; L++) {
      const r = lex.organs.match(keys, i, i + L);
      if (r && r.len === L && r.value === 'named') h = L;
    }
    if (!h || isDictionaryWord(keys[i + h - 1]!, keys[i + h]!)) return [];
    for (let q = i + h; q < i + m.len; q += wordLen(st, q)) if (!st.caps[q] && !NAME_JOINERS.has(keys[q]!)) out.push(q);
  }
  const e = i + m.len;
  // a head glued to the next syllable is a common word (`báo cáo`, `ban hành`); a committee named by its level
  // takes a place, not a name, unless a body follows (`Đảng ủy Công an …`)
  if (e < toks.length && toks[e]!.kind === 0 && isDictionaryWord(keys[e - 1]!, keys[e]!)) return out;
  if (m.value === 'named' || (m.value === 'committee' && lex.organs.match(keys, e, toks.length))) out.push(...nameWords(st, e, m.value === 'committee').out);
  return out;
}

/** `TT`, thường trực (standing) written short after a title (read so by the named layer's parsePosition). */
const STANDING = 'tt';

/**
 * An organ acronym the truecaser wrote as a word (`Phó Bí thư hu`, `Ủy viên BTV tu`): a syllable that is one of
 * the dictionaries' acronyms (HU, TU, ĐU, UBND …) right after a title (TT between them allowed, itself written in
 * capitals) or an organ of a body (`ban thường vụ`), and no dictionary word with the syllable after it (`tu dưỡng`).
 */
function acronymAt(st: Stretch, q: number): boolean {
  const lex = getDefaultLexicon();
  const { toks, keys } = st;
  if (toks[q]!.kind !== 0) return false;
  const standing = keys[q] === STANDING;
  if (!standing && !lex.acronyms.has(keys[q]!)) return false;
  if (q + 1 < toks.length && toks[q + 1]!.kind === 0 && isDictionaryWord(keys[q]!, keys[q + 1]!)) return false;
  // `Phó Bí thư TT HU`: the standing deputy's TT between the title and the acronym
  const end = !standing && q > 0 && keys[q - 1] === STANDING ? q - 1 : q;
  for (let k = Math.max(0, end - 4); k < end; k++) {
    if (toks[k]!.kind !== 0) continue;
    const t = lex.titles.match(keys, k, end);
    const o = lex.organs.match(keys, k, end);
    if ((t && k + t.len === end) || (!standing && o && o.value === 'sub' && k + o.len === end)) return true;
  }
  return false;
}

/**
 * `shadow` with organisation names inside the degenerate stretches of `text` in the case organisations are
 * written in (name words capitalised, organ acronyms in capitals).
 */
export function orgNameCase(text: string, shadow: string): string {
  const stretches = caseStretches(text);
  if (!stretches.length) return shadow;
  const pieces: string[] = [];
  let at = 0;
  for (const s of stretches) {
    const toks = caseTokens(shadow, s.start, s.end);
    const raw = toks.map((t) => shadow.slice(t.start, t.end));
    const st: Stretch = { toks, keys: raw.map((r, i) => (toks[i]!.kind === 0 ? foldKey(r) : r)), caps: raw.map((r) => r !== r.toLowerCase()) };
    const edits = new Map<number, string>();
    for (let i = 0; i < toks.length; i++) {
      if (toks[i]!.kind !== 0) continue;
      if (acronymAt(st, i)) {
        const up = raw[i]!.toUpperCase();
        if (up.length === raw[i]!.length) edits.set(i, up);
        continue;
      }
      const syl = orgNameSyllables(st, i);
      for (const q of syl) edits.set(q, capFirst(raw[q]!));
      if (syl.length) i = syl[syl.length - 1]!;
    }
    for (const q of [...edits.keys()].sort((x, y) => x - y)) {
      pieces.push(shadow.slice(at, toks[q]!.start), edits.get(q)!);
      at = toks[q]!.end;
    }
  }
  pieces.push(shadow.slice(at));
  return pieces.join('');
}

/**
 * The entities of a truecased shadow with each span's `text` taken from the original string (same offsets);
 * `normalized` keeps the proper-case form.
 * @example
 * ```ts
 * restoreCase('ubnd tỉnh', [{ type: 'ORGANIZATION', text: 'UBND tỉnh', start: 0, end: 9, source: 'x' }])[0]!.text; // 'ubnd tỉnh'
 * ```
 */
export function restoreCase(text: string, ents: readonly Entity[]): Entity[] {
  return ents.map((e) => {
    const original = text.slice(e.start, e.end);
    if (original === e.text) return e;
    return { ...e, text: original, normalized: e.normalized ?? e.text };
  });
}

/** The truecased shadow of `text`, organisation names in title case (same length as `text`). */
export function casedShadow(text: string): string {
  const shadow = truecase(text);
  return shadow === text ? text : orgNameCase(text, shadow);
}

/** `tag(text)`, run on the truecased shadow when `text` has case-degenerate stretches. */
export function tagCased(text: string, tag: (t: string) => Entity[]): Entity[] {
  const shadow = casedShadow(text);
  return shadow === text ? tag(text) : restoreCase(text, tag(shadow));
}

/** The officials of `text` read off the truecased shadow (names and posts in proper case; offsets unchanged). */
export function officialsCased(text: string, tag: (t: string) => Entity[], officials: (t: string, ents: readonly Entity[]) => Official[]): Official[] {
  const shadow = casedShadow(text);
  return officials(shadow, tag(shadow));
}
