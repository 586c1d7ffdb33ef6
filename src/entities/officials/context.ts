import { foldKey } from '../../text/tone.js';
import type { Entity } from '../../types.js';
import {
  CAREER_CUE_MARKS, CAREER_CUE_VERBS, CAREER_CUES, CAREER_END_CUES, DEPUTY_MARKS, FORMER_MARK_VERBS, FORMER_MARKS, PLURAL_TITLE_MARKS, PLURAL_TITLE_NOUNS,
  POST_ORGANIZATION_LEADS,
} from './words.js';
import { alt } from './regex.js';

// Context readings the officials layer (../officials.ts) makes around a POSITION span: abbreviations the text
// defines, former posts, plural titles shared by a list of names, and post words the named layer tagged as
// organisations inside a chain of posts. Pure functions of the text and the entity list.

/** An abbreviation the text defines: `Tổng cục Công nghiệp quốc phòng (CNQP)` → CNQP = `Công nghiệp quốc phòng`. */
export interface Defined {
  readonly abbr: string;
  readonly full: string;
  /** Offsets of the full form in the text (the `(` follows it). */
  readonly start: number;
  readonly end: number;
}

/** The abbreviations a text defines, by abbreviation and in text order. */
export interface Definitions {
  readonly byAbbr: ReadonlyMap<string, Defined>;
  readonly sorted: readonly Defined[];
}

const DEFINITION = /\(\s*([\p{Lu}Đ][\p{Lu}Đ&]{1,9})\s*\)/gu;
const WORD_BEFORE = /[\p{L}\p{M}]+$/u;

/**
 * Abbreviations defined in the text by their full form written right before them in brackets: the last N words
 * before `(` whose initials spell the N letters of the abbreviation (`Công nghiệp quốc phòng (CNQP)`,
 * `Ban Quản lý dự án (BQLDA)`). Later definitions of the same abbreviation do not replace the first.
 */
export function definedAbbreviations(text: string): Definitions {
  const out = new Map<string, Defined>();
  for (const m of text.matchAll(DEFINITION)) {
    const abbr = m[1]!;
    if (out.has(abbr)) continue;
    const letters = [...abbr.replace(/&/g, '')].map((c) => foldKey(c));
    let end = m.index!;
    while (end > 0 && /\s/.test(text[end - 1]!)) end--;
    // The initials may leave out a trailing lower-case level word: `Bộ Chỉ huy Quân sự tỉnh (BCHQS)`.
    let pos = -1;
    for (let skip = 0; skip <= 1 && pos < 0; skip++) pos = initialsStart(text, end, letters, skip);
    if (pos < 0) continue;
    const full = text.slice(pos, end).normalize('NFC').replace(/\s+/g, ' ');
    if (!/^[\p{Lu}Đ]/u.test(full)) continue; // a name: its first word is capitalised
    out.set(abbr, { abbr, full, start: pos, end });
  }
  return { byAbbr: out, sorted: [...out.values()].sort((a, b) => a.start - b.start) };
}

/** Where the words spelling `letters` start, ending at `end` after `skip` trailing lower-case words; -1 if none. */
function initialsStart(text: string, end: number, letters: readonly string[], skip: number): number {
  let pos = end;
  for (let i = letters.length - 1 + skip; i >= 0; i--) {
    while (pos > 0 && /\s/.test(text[pos - 1]!)) pos--;
    const w = WORD_BEFORE.exec(text.slice(Math.max(0, pos - 20), pos));
    if (!w) return -1;
    if (i >= letters.length) {
      if (!/^\p{Ll}/u.test(w[0])) return -1; // a skipped word is lower case
    } else if (foldKey(w[0].charAt(0)) !== letters[i]) return -1;
    pos -= w[0].length;
  }
  return pos === end ? -1 : pos;
}

/** The defined full form that holds offset `at` (full forms do not overlap; binary search by start). */
function fullFormAt(defs: Definitions, at: number): Defined | undefined {
  const list = defs.sorted;
  let lo = 0, hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.start < at) lo = mid + 1;
    else hi = mid;
  }
  const d = list[lo - 1];
  return d && d.end > at - 1 ? d : undefined;
}

/**
 * The written text of a POSITION with the abbreviations the text defines expanded (`Chính ủy Tổng cục CNQP` →
 * `Chính ủy Tổng cục Công nghiệp quốc phòng`), and a span cut inside a defined full form completed to its end.
 */
export function expandDefined(text: string, e: Entity, defs: Definitions): string | undefined {
  if (defs.sorted.length === 0) return undefined;
  let written = text.slice(e.start, e.end);
  let changed = false;
  const d = fullFormAt(defs, e.end);
  if (d && e.start < d.end && e.end > d.start && e.end < d.end && /^[\s\p{L}\p{M}]*$/u.test(text.slice(e.end, d.end))) {
    written = text.slice(e.start, d.end); // the span stops inside the full form: complete it
    changed = true;
  }
  const expanded = written.replace(/[\p{Lu}Đ][\p{Lu}Đ&]{1,9}/gu, (w, at: number) => {
    const d = defs.byAbbr.get(w);
    const before = written[at - 1];
    const after = written[at + w.length];
    if (!d || (before && /[\p{L}\p{M}]/u.test(before)) || (after && /[\p{L}\p{M}]/u.test(after))) return w;
    changed = true;
    return d.full;
  });
  return changed ? expanded : undefined;
}

/** Right before a post: it is held no longer (`nguyên Bí thư`, `cựu Chủ tịch`). */
const FORMER_MARK = new RegExp(`(?:^|[\\s,(:;\\-–])${alt(FORMER_MARKS)}(?:\\s+${alt(FORMER_MARK_VERBS)})?\\s*$`, 'u');
/**
 * `nguyên`/`cựu` ends the text [from, to): lower case, all capitals, or capitalised at the start of a sentence — a
 * capitalised `Nguyên` inside a sentence is a name (`Thái Nguyên`, `Lê Khánh Nguyên`).
 */
function formerMark(text: string, from: number, to: number): boolean {
  const raw = text.slice(from, to);
  if (!FORMER_MARK.test(foldKey(raw))) return false;
  const words = [...raw.matchAll(/[\p{L}\p{M}]+/gu)];
  for (let k = words.length - 1; k >= 0; k--) {
    const w = words[k]!;
    const f = foldKey(w[0]);
    if (!FORMER_MARKS.has(f)) continue;
    const nfc = w[0].normalize('NFC');
    return nfc === nfc.toLowerCase() || nfc === nfc.toUpperCase() || isSentenceStart(text, from + w.index!);
  }
  return false;
}

function isSentenceStart(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 8), at).trimEnd();
  if (before === '' && at > 8) return false; // only spaces before, far from the start: not a sentence opener
  return before === '' || /[.!?:;\n\r"“(]$/u.test(before);
}

/** A career cue earlier in the clause: the posts after it are past ones. */
const CAREER_CUE = new RegExp(`(?:^|[\\s,(:;])(?:(?:${alt(CAREER_CUE_MARKS)} )?${alt(CAREER_CUE_VERBS)}|${alt(CAREER_CUES)})(?=\\s|$|[,:;])`, 'u');
/** A clause boundary that ends a career cue's reach (a new sentence or a current post: `hiện là`, `nay là`). */
const CAREER_END = new RegExp(`[.!?\\n\\r]|(?:^|\\s)${alt(CAREER_END_CUES)}(?=\\s|$)`, 'u');
const CAREER_REACH = 400;

/**
 * Whether the post `ents[j]` is a past one: marked `nguyên`/`cựu` right before it, or after a career cue in the
 * same sentence (`từng giữ chức`, `trước đó là`, `Quá trình công tác:`), unless a current-post cue (`hiện là`)
 * comes between.
 */
export function isFormerPost(text: string, ents: readonly Entity[], j: number): boolean {
  const p = ents[j]!;
  const prevEnd = j > 0 ? Math.min(ents[j - 1]!.end, p.start) : 0;
  if (formerMark(text, Math.max(prevEnd, p.start - 40), p.start)) return true;
  // The clause before the post, entity spans replaced by a placeholder (their dots are not sentence ends: `TP. HCM`).
  const from = Math.max(0, p.start - CAREER_REACH);
  let lead = '';
  let at = from;
  let q = j - 1;
  while (q >= 0 && ents[q]!.end > from) q--;
  for (let k = q + 1; k < j; k++) {
    const e = ents[k]!;
    if (e.start < at) continue;
    lead += `${text.slice(at, e.start)} ${e.type === 'POSITION' ? 'chức' : 'x'} `;
    at = e.end;
  }
  lead = foldKey(lead + text.slice(at, p.start));
  let last = -1;
  for (const m of lead.matchAll(new RegExp(CAREER_CUE.source, 'gu'))) last = m.index ?? last;
  return last >= 0 && !CAREER_END.test(lead.slice(last));
}

/** Words before a title that make it plural: `các Phó Chủ tịch UBND tỉnh A, B`. */
const PLURAL_BEFORE = new RegExp(`(?:^|\\s)(?:${alt(PLURAL_TITLE_MARKS)}|\\d{1,2})(?:\\s+${alt(PLURAL_TITLE_NOUNS)})?(?:\\s+${alt(DEPUTY_MARKS)})?\\s*$`, 'u');

/** The title is plural (`các Phó Chủ tịch …`), so the names listed after it share it. */
export function pluralTitle(text: string, e: Entity): boolean {
  return PLURAL_BEFORE.test(foldKey(text.slice(Math.max(0, e.start - 30), e.start)));
}

/** The folded text starts with one of the words, then a space. */
const startsWithWord = (k: string, words: ReadonlySet<string>): boolean => [...words].some((w) => k.startsWith(`${w} `));

/**
 * `Phó` written right before a POSITION span that starts without it (`các Phó Chủ tịch UBND tỉnh` where the span is
 * `Chủ tịch UBND tỉnh`): the start of the full title, else the span's own start.
 */
export function titleStart(text: string, e: Entity): number {
  const m = /(?:^|[\s(])([\p{L}\p{M}]+)\s+$/u.exec(text.slice(Math.max(0, e.start - 12), e.start));
  if (!m || !DEPUTY_MARKS.has(foldKey(m[1]!)) || startsWithWord(foldKey(e.text), DEPUTY_MARKS)) return e.start;
  return e.start - (m[0].length - m[0].indexOf(m[1]!));
}

/** An ORGANIZATION span that names a post (`Thường trực Ban Bí thư`, `Ủy viên Ban Thường vụ`) in a chain of posts. */
export function postOrganization(e: Entity | undefined): boolean {
  if (!e || e.type !== 'ORGANIZATION') return false;
  const k = foldKey(e.text);
  for (const lead of POST_ORGANIZATION_LEADS) if (k.startsWith(lead) && /\s/u.test(k.charAt(lead.length))) return true;
  return false;
}
