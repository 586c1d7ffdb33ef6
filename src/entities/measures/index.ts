import type { Entity, EntityType, Token } from '../../types.js';
import { createFoldCache } from '../../text/tone.js';
import type { DocContext } from '../context.js';
import { measureLexicon, type MeasureLexicon } from './lexicon.js';
import { BOTH_SIDES, LENGTH_UNITS, NOT_COUNT_BEFORE, PER_NOUNS, POWERS, PRONOUNS } from './words.js';
import { parseRoman, parseVietNumber, SPELLED_DIGITS } from './numbers.js';
import {
  CLASSIFIERS, CURRENCY_AFTER_SCALE, DAY_WORDS, DURATION_BEFORE, FRACTION_BEFORE, KEYWORD_FIRST, LEVEL_WORDS, MONEY_CONTEXT, MULTIPLIER_BEFORE, NOT_NINE, NUMBER_WORDS, PLACE_NOUNS, RANGE_WORDS, SENTENCE_OPENERS, STREET_BEFORE, TAIL_STOP, YEAR_BLOCK_BEFORE,
} from './keywords.js';

export { parseRoman, parseVietNumber } from './numbers.js';

// DATE, MONEY, PERCENT and QUANTITY spans (spec: shared entities.md, Measures + Conventions 5–7).
// One left-to-right pass over the tokens; at each token a fixed set of patterns is tried, each looking at most a
// bounded number of tokens ahead, so the pass is linear. Values (see README in dictionaries/measures/):
//   MONEY    { amount, currency }                     2.926 tỷ đồng → { amount: 2926000000000, currency: 'VND' } (2926 tỷ)
//   PERCENT  { value } | { from, to }                 45,8% → { value: 45.8 }; 10 - 11% → { from: 10, to: 11 }
//   QUANTITY { value, unit, total? }                  91/91 cán bộ → { value: 91, total: 91, unit: 'cán bộ' }
//   DATE     { year?, month?, day?, yearInferred? }   09-7 → { day: 9, month: 7, year: 2020, yearInferred: true }
//            { from, to, kind? }                       nhiệm kỳ 2020 - 2025 → { from: { year: 2020 }, to: { year: 2025 }, kind: 'term' }
//            { period, months?/years?, year? }         6 tháng đầu năm 2020 → { period: 'H1', months: 6, year: 2020 }
//            { quarter, year? }                        quý IV → { quarter: 4 }

/** A DATE value: a calendar point, a range, a named period or a quarter. */
export type DateValue =
  | { year?: number; month?: number; day?: number; yearInferred?: boolean }
  | { from: DateValue; to: DateValue; kind?: 'term' | 'stage' | 'vision' | 'range'; years?: number }
  | { period: string; months?: number; years?: number; year?: number; yearInferred?: boolean }
  | { quarter: number; year?: number; yearInferred?: boolean };

interface Match {
  type: EntityType;
  a: number; // first token
  b: number; // one past the last token
  value: unknown;
  source: string;
  of?: string;
}

const OF_TRIGGERS = ['kế hoạch', 'dự toán', 'chỉ tiêu', 'mục tiêu', 'nghị quyết', 'kh'];
const OF_ABBR: Readonly<Record<string, string>> = {
  kh: 'kế hoạch',
  hđnd: 'Hội đồng nhân dân',
  ubnd: 'Ủy ban nhân dân',
  nq: 'nghị quyết',
};

const RE_PLAIN = /^\d+$/;
const RE_NUMBER = /^\d{1,3}(?:\.\d{3})+(?:,\d+)?$|^\d+(?:,\d+)?$/;
const RE_DMY = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})$/;
const RE_TWO = /^(\d{1,4})([/-])(\d{1,4})$/;
const RE_YEAR_RANGE = /^(\d{4})[-–](\d{4})$/;
const RE_PERCENT = /^(\d+(?:[.,]\d+)*)(?:[-–](\d+(?:[.,]\d+)*))?%$/;

function isYear(n: number): boolean {
  return n >= 1900 && n <= 2100;
}
function validDay(d: number, m: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/** A per-call view of the tokens with folded keys (memoised per distinct token text). */
class View {
  readonly keys: Array<string | undefined> | readonly string[];
  private readonly fold = createFoldCache();
  constructor(
    readonly text: string,
    readonly tokens: readonly Token[],
    shared?: readonly string[],
    private readonly brk?: Uint8Array,
  ) {
    this.keys = shared && shared.length === tokens.length ? shared : new Array<string | undefined>(tokens.length);
  }
  key(i: number): string {
    if (i < 0 || i >= this.tokens.length) return '';
    let k = this.keys[i];
    if (k === undefined) {
      k = this.fold(this.tokens[i]!.text);
      (this.keys as Array<string | undefined>)[i] = k;
    }
    return k;
  }
  tok(i: number): Token | undefined {
    return this.tokens[i];
  }
  kind(i: number): string {
    return this.tokens[i]?.kind ?? '';
  }
  /** Tokens i-1 and i are on one line (only spaces between them). */
  joined(i: number): boolean {
    const a = this.tokens[i - 1];
    const b = this.tokens[i];
    if (!a || !b) return false;
    if (this.brk) return this.brk[i] === 0;
    for (let p = a.end; p < b.start; p++) {
      const c = this.text.charCodeAt(p);
      if (c === 10 || c === 13) return false;
    }
    return true;
  }
  isLower(i: number): boolean {
    const t = this.tokens[i];
    if (!t || t.kind !== 'syllable') return false;
    const c = t.text[0]!;
    return c !== c.toUpperCase() || c === c.toLowerCase();
  }
  isCap(i: number): boolean {
    const t = this.tokens[i];
    if (!t || (t.kind !== 'syllable' && t.kind !== 'abbreviation')) return false;
    const c = t.text[0]!;
    return c === c.toUpperCase() && c !== c.toLowerCase();
  }
  /** Longest phrase of `set` starting at token i (at most `max` words, commas count); returns its token count. */
  longest(i: number, set: { has(k: string): boolean }, max: number, lowerOnly: boolean): number {
    let phrase = '';
    let best = 0;
    for (let j = i; j < i + max && j < this.tokens.length; j++) {
      if (j > i && !this.joined(j)) break;
      const k = this.key(j);
      const kind = this.kind(j);
      if (k === ',') {
        if (j === i) break;
        phrase += ',';
        continue;
      }
      if (kind !== 'syllable' && kind !== 'abbreviation' && kind !== 'unit' && kind !== 'code') break;
      if (lowerOnly && !this.isLower(j)) break;
      phrase += phrase ? ' ' + k : k;
      if (set.has(phrase)) best = j - i + 1;
    }
    return best;
  }
}

function phraseOf(v: View, a: number, b: number): string {
  const first = v.tok(a);
  const last = v.tok(b - 1);
  if (!first || !last) return '';
  return v.text.slice(first.start, last.end).normalize('NFC').replace(/\s+/g, ' ');
}

interface NumberAt {
  value: number;
  end: number; // token after the number
  spelled: boolean;
}

/** A number starting at token i: one digit token, or a run of spelled-out number words. */
function numberAt(v: View, i: number): NumberAt | undefined {
  const t = v.tok(i);
  if (!t) return undefined;
  if (t.kind === 'number') {
    if (!RE_NUMBER.test(t.text)) return undefined;
    const n = parseVietNumber(t.text);
    return n === undefined ? undefined : { value: n, end: i + 1, spelled: false };
  }
  if (t.kind !== 'syllable') return undefined;
  const k = v.key(i);
  const d = SPELLED_DIGITS.get(k);
  if (d === undefined && k !== 'mười') return undefined;
  if (d === 0) return undefined;
  // "năm" (five / year) and "một" (one / a) only as the start of a longer number ("năm mươi", "một trăm").
  const next = v.key(i + 1);
  const continues = next === 'mươi' || next === 'trăm' || next === 'nghìn' || next === 'ngàn' || next === 'vạn';
  if ((k === 'năm' || k === 'một' || k === 'mốt' || k === 'tư' || k === 'lăm') && !continues) return undefined;
  if (v.isCap(i) && v.isCap(i + 1)) return undefined; // Ba Đồn, Hai Bà Trưng
  if (v.isCap(i) && v.joined(i) && !SENTENCE_OPENERS.has(v.key(i - 1))) return undefined; // ông Sáu (a name)
  if (k === 'bẩy' || (k === 'chín' && NOT_NINE.has(next))) return undefined; // đòn bẩy, chín muồi
  if (k === 'chín' && ripeAfter(v, i)) return undefined; // mít chín thơm: `ripe` after the noun it describes
  // A word that starts with the number word (ba lô, chín muồi) is not a number, unless it is "ba tháng", "sáu mươi".
  const lex = measureLexicon();
  const pair = `${k} ${next}`;
  if (v.joined(i + 1) && (lex.others.has(pair) || (lex.nouns.has(pair) && !lex.units.has(next) && !SPELLED_DIGITS.has(next) && !NUMBER_WORDS.has(next)))) return undefined;
  let best: NumberAt | undefined;
  let phrase = '';
  for (let j = i; j < i + 6 && j < v.tokens.length; j++) {
    if (j > i && !v.joined(j)) break;
    if (v.kind(j) !== 'syllable') break;
    const kj = v.key(j);
    if (!(SPELLED_DIGITS.has(kj) || kj === 'mười' || kj === 'mươi' || kj === 'trăm' || kj === 'nghìn' || kj === 'ngàn' || kj === 'linh' || kj === 'lẻ')) break;
    phrase += (phrase ? ' ' : '') + kj;
    const n = parseVietNumber(phrase);
    if (n === undefined) break;
    // A trailing "năm" after a complete number is the noun "year" (hai năm), not five.
    if (j > i && kj === 'năm' && !/mươi|trăm|nghìn|ngàn/.test(phrase.slice(0, phrase.lastIndexOf(' ')))) break;
    best = { value: n, end: j + 1, spelled: true };
  }
  return best;
}

/**
 * `chín` right after a lower-case noun is the adjective "ripe" (`mít chín`, `lúa chín`): a number comes before its
 * noun, never after it. Words that take a number after them (`khoảng`, `hơn`, `gấp` …) are not that noun.
 */
function ripeAfter(v: View, i: number): boolean {
  if (!v.joined(i) || v.kind(i - 1) !== 'syllable') return false;
  if (!v.isLower(i - 1) && i - 1 > 0 && !SENTENCE_OPENERS.has(v.key(i - 2))) return false; // a name, not a noun
  const prev = v.key(i - 1);
  const lex = measureLexicon();
  if (!lex.single.has(prev) || lex.secondary.has(prev) || lex.units.has(prev)) return false;
  if (DAY_WORDS.has(prev) || prev === 'mùng' || prev === 'mồng' || prev === 'tháng' || prev === 'năm') return false; // mùng chín
  return !(DURATION_BEFORE.has(prev) || FRACTION_BEFORE.has(prev) || MULTIPLIER_BEFORE.has(prev) || NOT_COUNT_BEFORE.has(prev) || TAIL_STOP.has(prev));
}

/** A 4-digit year at token i (`2020`). */
function yearAt(v: View, i: number): number | undefined {
  const t = v.tok(i);
  if (!t || t.kind !== 'number' || !/^\d{4}$/.test(t.text)) return undefined;
  const y = Number(t.text);
  return isYear(y) ? y : undefined;
}

/** A year range at token i: `2020-2025` as one token or `2020 - 2025` as three; returns [from, to, end]. */
function yearRangeAt(v: View, i: number): [number, number, number] | undefined {
  const t = v.tok(i);
  if (!t || t.kind !== 'number') return undefined;
  const m = RE_YEAR_RANGE.exec(t.text);
  let from: number, to: number, end: number;
  if (m) {
    from = Number(m[1]);
    to = Number(m[2]);
    end = i + 1;
  } else {
    const y = yearAt(v, i);
    if (y === undefined) return undefined;
    const dash = v.key(i + 1);
    if (dash !== '-' && dash !== '–' && dash !== '—') return undefined;
    const y2 = yearAt(v, i + 2);
    if (y2 === undefined || !v.joined(i + 1) || !v.joined(i + 2)) return undefined;
    from = y;
    to = y2;
    end = i + 3;
  }
  if (!isYear(from) || !isYear(to) || to <= from || to - from > 100) return undefined;
  return [from, to, end];
}

/** Percent at token i: `45,8%`, `10-11%`, `10 - 11%`, `45,8 %`, `45,8 phần trăm`. */
function percentAt(v: View, i: number): Match | undefined {
  const t = v.tok(i);
  if (!t) return undefined;
  if (t.kind === 'percent') {
    const m = RE_PERCENT.exec(t.text);
    if (!m) return undefined;
    const a = parseVietNumber(m[1]!);
    if (a === undefined) return undefined;
    if (m[2] !== undefined) {
      const b = parseVietNumber(m[2]);
      if (b === undefined) return undefined;
      return { type: 'PERCENT', a: i, b: i + 1, value: { from: a, to: b }, source: 'rule:percent' };
    }
    return { type: 'PERCENT', a: i, b: i + 1, value: { value: a }, source: 'rule:percent' };
  }
  if (t.kind !== 'number' || !RE_NUMBER.test(t.text)) return undefined;
  const a = parseVietNumber(t.text);
  if (a === undefined) return undefined;
  const k1 = v.key(i + 1);
  if ((k1 === '-' || k1 === '–') && v.joined(i + 1) && v.joined(i + 2) && v.kind(i + 2) === 'percent') {
    const m = RE_PERCENT.exec(v.tok(i + 2)!.text);
    const b = m && m[2] === undefined ? parseVietNumber(m[1]!) : undefined;
    if (b !== undefined && b >= a) return { type: 'PERCENT', a: i, b: i + 3, value: { from: a, to: b }, source: 'rule:percent' };
  }
  if (k1 === '%' && v.joined(i + 1)) return { type: 'PERCENT', a: i, b: i + 2, value: { value: a }, source: 'rule:percent' };
  if (k1 === 'phần' && v.key(i + 2) === 'trăm' && v.joined(i + 1)) return { type: 'PERCENT', a: i, b: i + 3, value: { value: a }, source: 'rule:percent' };
  return undefined;
}

/** The "of plan" tail after a percent (`KH`, `kế hoạch năm`, `dự toán tỉnh giao`), normalised. */
function ofTail(v: View, j: number): string | undefined {
  if (!v.joined(j)) return undefined;
  const parts: string[] = [];
  let trigger = false;
  let endsGiven = false;
  for (let p = j; p < j + 9 && p < v.tokens.length; p++) {
    if (p > j && !v.joined(p)) break;
    const kind = v.kind(p);
    if (kind !== 'syllable' && kind !== 'abbreviation') break;
    const k = v.key(p);
    if (TAIL_STOP.has(k)) break;
    if ((k === 'năm' || k === 'tháng' || k === 'quý') && v.kind(p + 1) !== 'syllable' && v.kind(p + 1) !== 'punctuation' && v.joined(p + 1)) break;
    parts.push(OF_ABBR[k] ?? v.tok(p)!.text.normalize('NFC'));
    if (p === j && k === 'kh') trigger = true;
    if (p === j + 1 && OF_TRIGGERS.includes(`${v.key(j)} ${k}`)) trigger = true;
    endsGiven = k === 'giao' || (k === 'ra' && v.key(p - 1) === 'đề');
  }
  if (parts.length === 0) return undefined;
  const first = v.key(j);
  if (!trigger && !((first === 'hđnd' || first === 'ubnd' || first === 'tỉnh' || first === 'huyện') && endsGiven)) return undefined;
  return parts.join(' ');
}

/** The longest unit / counted noun after a number at token j: [tokens, kind, canonical]. */
function nounAt(v: View, j: number, lex: MeasureLexicon): { len: number; unit?: { canonical: string; kind: string }; list: boolean } | undefined {
  if (!v.joined(j)) return undefined;
  const t = v.tok(j);
  if (!t) return undefined;
  if (t.kind === 'unit') return { len: 1, unit: { canonical: t.text.normalize('NFC'), kind: 'unit' }, list: false };
  // 35°C, 35° (glued degree sign)
  if (t.text === '°' && glued(v, j)) {
    const scale = degreeScale(v, j + 1);
    return { len: scale ? 2 : 1, unit: { canonical: scale ? `°${scale}` : 'độ', kind: 'unit' }, list: false };
  }
  let unitLen = v.longest(j, lex.units, lex.unitMaxWords, false);
  const countedLen = v.longest(j, lex.counted, lex.countedMaxWords, false);
  const k = v.key(j);
  let nounLen = v.longest(j, lex.nouns, 4, true);
  if (nounLen === 0 && v.isLower(j) && k.length >= 2 && lex.single.has(k) && !lex.notCounted.has(k) && !lex.others.has(`${k} ${v.joined(j + 1) ? v.key(j + 1) : ''}`)) {
    nounLen = 1;
  }
  // Scale words are not nouns; units only when written as a unit (unit tokens: lower case or known abbreviations).
  let unit: { canonical: string; kind: string } | undefined;
  if (unitLen) {
    const key = keyOf(v, j, unitLen);
    const u = lex.units.get(key);
    if (!u || u.kind === 'scale') unitLen = 0;
    else unit = u;
  }
  // A time unit is not the start of a dictionary noun (5 ngày hội nghị → 5 ngày), only of a listed compound.
  if (unit && unit.kind === 'time' && nounLen > countedLen) nounLen = 0;
  const best = Math.max(unitLen, countedLen, nounLen);
  if (best === 0) return undefined;
  if (unitLen === best && unit && !(best === 1 && CLASSIFIERS.has(k))) return { ...unitSuffix(v, j, unitLen, unit), list: true };
  if (best === 1 && CLASSIFIERS.has(k)) {
    // Classifier + noun: lượt khách, căn nhà, suất quà (the noun by the same rules, one level deep).
    const p = j + 1;
    if (v.joined(p) && v.isLower(p)) {
      const kp = v.key(p);
      let len = Math.max(v.longest(p, lex.counted, lex.countedMaxWords, true), v.longest(p, lex.nouns, 4, true));
      if (len === 0 && kp.length >= 2 && lex.single.has(kp) && !lex.notCounted.has(kp) && !lex.units.has(kp) && !lex.others.has(`${kp} ${v.joined(p + 1) ? v.key(p + 1) : ''}`)) len = 1;
      if (len > 0) return { len: compound(v, j, 1 + len, true, lex), list: false };
    }
    if (unit) return { len: 1, unit, list: true };
  }
  return { len: compound(v, j, best, CLASSIFIERS.has(k) && best >= 2, lex), list: countedLen === best };
}


/**
 * A noun word of 1–2 lower-case syllables at token p whose main dictionary sense is a noun (`cá`, `tình thương`,
 * `nông thôn`); its token count, else 0. Verbs and adjectives (`hoạt động`, `trực thuộc`, `chủ yếu`) give 0.
 */
function modifierNounAt(v: View, p: number, lex: MeasureLexicon): number {
  if (!v.joined(p) || !v.isLower(p)) return 0;
  const k = v.key(p);
  if (lex.notCounted.has(k) || lex.units.has(k)) return 0;
  if (v.joined(p + 1) && v.isLower(p + 1)) {
    const k2 = `${k} ${v.key(p + 1)}`;
    if (lex.nouns.has(k2)) return lex.secondary.has(k2) ? 0 : 2;
    if (lex.others.has(k2) || lex.secondary.has(k2)) return 0;
  }
  return k.length >= 2 && lex.single.has(k) && !lex.secondary.has(k) ? 1 : 0;
}

/** The counted noun ends before token q: nothing there continues the noun phrase (no noun word, no acronym). */
function nounPhraseEnds(v: View, q: number, lex: MeasureLexicon): boolean {
  if (q >= v.tokens.length || !v.joined(q)) return true;
  const kind = v.kind(q);
  if (kind === 'abbreviation' || kind === 'code') return false;
  if (kind !== 'syllable' || v.isCap(q)) return true;
  return modifierNounAt(v, q, lex) === 0;
}

/**
 * Extends a counted noun of `len` tokens at j over the modifier that makes it a compound, when that modifier
 * closes the noun phrase (a general rule; listed compounds come from counted-nouns.txt):
 *  - after a classifier phrase, one noun word (`215 căn nhà tình thương`, `1.176 lượt tàu cá`) or one coordinated
 *    noun syllable (`14 tuyến kiệt, hẻm`); longer descriptive tails stay outside (`ba tuyến đường` giao thông nông thôn);
 *  - a lower-case level word (`4 nhà văn hóa thôn`), not when an acronym or a name follows (`19 tiêu chí` xã NTM).
 * Verbs and adjectives never extend (`38 chi bộ` trực thuộc, `111 đảng viên` vi phạm, `21/24 chỉ tiêu` chủ yếu).
 */
function compound(v: View, j: number, len: number, classifierLed: boolean, lex: MeasureLexicon): number {
  let b = j + len;
  if (classifierLed) {
    const m = modifierNounAt(v, b, lex);
    if (m > 0 && nounPhraseEnds(v, b + m, lex)) b += m;
    else if (m === 0 && len === 2 && v.key(b) === ',' && v.joined(b) && modifierNounAt(v, b + 1, lex) === 1 && v.kind(b + 2) === 'punctuation' && v.joined(b + 2)) {
      b += 2;
    }
  }
  if (len >= 2 || classifierLed) {
    const head = keyOf(v, j, len);
    if (!PLACE_NOUNS.has(head) && LEVEL_WORDS.has(v.key(b)) && v.isLower(b) && v.joined(b) && nounPhraseEnds(v, b + 1, lex) && !(v.joined(b + 1) && v.isCap(b + 1))) b++;
  }
  return b - j;
}

function keyOf(v: View, a: number, len: number): string {
  let s = '';
  for (let j = a; j < a + len; j++) {
    const k = v.key(j);
    s += k === ',' ? ',' : s ? ' ' + k : k;
  }
  return s;
}

/** The scale words after a number (`triệu`, `tỷ`, `nghìn tỷ`): [factor, end, lastWord]. */
function scalesAt(v: View, j: number): [number, number, string] {
  let f = 1;
  let p = j;
  let last = '';
  while (p < j + 3 && v.joined(p)) {
    const k = v.key(p);
    const s = k === 'trăm' ? 100 : k === 'nghìn' || k === 'ngàn' ? 1e3 : k === 'vạn' ? 1e4 : k === 'triệu' ? 1e6 : k === 'tỷ' || k === 'tỉ' ? 1e9 : 0;
    if (!s) break;
    f *= s;
    last = k;
    p++;
  }
  return [f, p, last];
}


function round(n: number): number {
  return Number(n.toPrecision(15));
}

/** Patterns that start at a number token (digits or spelled). */
function fromNumber(v: View, i: number, lex: MeasureLexicon): Match | undefined {
  const t = v.tok(i)!;
  const prev = v.joined(i) ? v.key(i - 1) : '';
  if (t.kind === 'percent' || t.kind === 'number') {
    const p = percentAt(v, i);
    if (p) return withOf(v, p);
  }
  if (t.kind === 'number') {
    // Dates written with digits.
    const dmy = RE_DMY.exec(t.text);
    if (dmy) {
      const d = Number(dmy[1]), m = Number(dmy[3]);
      let y = Number(dmy[4]);
      if (dmy[4]!.length === 2) y += 2000;
      if (validDay(d, m) && isYear(y)) return { type: 'DATE', a: i, b: i + 1, value: { day: d, month: m, year: y }, source: 'rule:date' };
      return undefined;
    }
    const yr = yearRangeAt(v, i);
    if (yr) return { type: 'DATE', a: i, b: yr[2], value: { from: { year: yr[0] }, to: { year: yr[1] }, kind: 'range' }, source: 'rule:date' };
    // Day ranges: 22 - 23/7/2020, 10 và 11-6.
    if (RE_PLAIN.test(t.text)) {
      const d0 = Number(t.text);
      const k1 = v.key(i + 1);
      // … also with the day word repeated: (từ ngày) 14 đến ngày 16-10-2025 → one DATE, the first day takes the
      // second one's month and year.
      if (d0 >= 1 && d0 <= 31 && (k1 === '-' || k1 === '–' || k1 === 'và' || k1 === 'đến' || k1 === 'tới') && v.joined(i + 1) && v.joined(i + 2)) {
        const p = (k1 === 'đến' || k1 === 'tới' || k1 === 'và') && v.key(i + 2) === 'ngày' && v.joined(i + 3) ? i + 3 : i + 2;
        const second = v.tok(p);
        const dv = second && second.kind === 'number' ? dateToken(second.text) : undefined;
        if (dv && 'day' in dv && dv.day !== undefined && dv.day > d0) {
          return { type: 'DATE', a: i, b: p + 1, value: { from: { ...dv, day: d0 }, to: dv, kind: 'range' }, source: 'rule:date' };
        }
      }
      // ngày 15 tháng 7 năm 2020 (long form): 15 tháng 7 [năm 2020]
      if (d0 >= 1 && d0 <= 31 && v.key(i + 1) === 'tháng' && v.kind(i + 2) === 'number' && RE_PLAIN.test(v.tok(i + 2)!.text)) {
        const m = Number(v.tok(i + 2)!.text);
        if (m >= 1 && m <= 12 && v.joined(i + 1) && v.joined(i + 2)) {
          const y = v.key(i + 3) === 'năm' && v.joined(i + 3) && v.joined(i + 4) ? yearAt(v, i + 4) : undefined;
          const b = y !== undefined ? i + 5 : i + 3;
          return { type: 'DATE', a: i, b, value: y !== undefined ? { day: d0, month: m, year: y } : { day: d0, month: m }, source: 'rule:date' };
        }
      }
    }
    const two = RE_TWO.exec(t.text);
    if (two) {
      const a = Number(two[1]), b = Number(two[3]);
      const slash = two[2] === '/';
      if (slash && !DAY_WORDS.has(prev) && a <= b && b > 0) {
        const noun = nounAt(v, i + 1, lex);
        if (noun && !placeNamed(v, i + 1, noun.len)) {
          return { type: 'QUANTITY', a: i, b: i + 1 + noun.len, value: { value: a, total: b, unit: unitName(v, i + 1, noun) }, source: 'rule:quantity' };
        }
      }
      if (two[3]!.length === 4 && isYear(b) && a >= 1 && a <= 12) return { type: 'DATE', a: i, b: i + 1, value: { month: a, year: b }, source: 'rule:date' };
      // Street and place names after a date (đường 2/9, phố 30/4, cầu 3/2) are not dates.
      if (STREET_BEFORE.has(prev)) return undefined;
      // A fraction, not a date: khoảng 1/3 số hộ, chiếm 2/3.
      if (slash && (FRACTION_BEFORE.has(prev) || v.key(i + 1) === 'số')) return undefined;
      if (two[1]!.length <= 2 && two[3]!.length <= 2 && validDay(a, b)) return { type: 'DATE', a: i, b: i + 1, value: { day: a, month: b }, source: 'rule:date' };
      return undefined;
    }
  }
  const num = numberAt(v, i);
  if (!num) return undefined;
  // `số`, `trang`, `cấp`… make the number an ordinal (`số 5`, `trang 14`, `cấp 3`), not as the end of a word that
  // takes a count (`tổng số`, `dân số` 52.600 người, `chỉnh trang` 14 tuyến, `nâng cấp` 5 tuyến).
  const countWord = v.joined(i - 1) && (((prev === 'số') && (v.key(i - 2) === 'tổng' || v.key(i - 2) === 'dân')) || lex.verbsBefore.has(`${v.key(i - 2)} ${prev}`));
  if (prev === 'thứ' || (NOT_COUNT_BEFORE.has(prev) && !num.spelled && !countWord)) {
    return undefined;
  }
  // Glued to a word (QH13, Covid19) or after a name that takes a number (Trung ương 7, Vụ 4): not a measure.
  const before = v.tok(i - 1);
  if (before && before.end === t.start && (before.kind === 'syllable' || before.kind === 'abbreviation' || before.kind === 'code')) return undefined;
  // A code after an abbreviation and a dot (ĐH.173, QL.1A, ĐT.741): a road or document code, not a count.
  const before2 = v.tok(i - 2);
  if (before && before2 && before.end === t.start && before.text === '.' && before2.end === before.start && before2.kind === 'abbreviation') return undefined;
  if (!num.spelled && ((prev === 'ương' && v.key(i - 2) === 'trung') || (prev === 'vụ' && v.isCap(i - 1)))) return undefined;
  let j = num.end;
  const [factor, afterScale, lastScale] = scalesAt(v, j);
  const hasScale = afterScale > j;
  const amount = factor === 1 ? num.value : round(num.value * factor);
  j = afterScale;
  const kj = v.joined(j) ? v.key(j) : '';
  // Periods and durations: N tháng …, N năm …
  if (!hasScale && (kj === 'tháng' || kj === 'năm')) {
    const per = period(v, i, num, j, kj, prev);
    if (per) return per;
  }
  const noun = nounAt(v, j, lex);
  // `tỷ đồng` + a function word is money even where the dictionary has a rare `đồng X` noun (12 tỷ đồng từ …)
  const dongNoun = kj === 'đồng' && noun !== undefined && noun.len > 1 && !(noun.len === 2 && lex.notCounted.has(v.key(j + 1)));
  if (noun?.unit?.kind === 'currency' || (hasScale && CURRENCY_AFTER_SCALE.has(kj) && !dongNoun)) {
    const u = lex.units.get(kj);
    const len = noun?.unit?.kind === 'currency' ? noun.len : 1;
    return { type: 'MONEY', a: i, b: j + len, value: { amount, currency: u?.canonical ?? 'VND' }, source: 'rule:money' };
  }
  if (noun) {
    if (placeNamed(v, j, noun.len)) return undefined;
    // A spelled number word before a pronoun or a side word is not a count: `ba tôi` (my father), `hai bên` (both sides).
    if (num.spelled && !noun.unit && (PRONOUNS.has(kj) || (num.value === 2 && BOTH_SIDES.has(kj)))) return undefined;
    if (noun.len === 1 && kj === 'lần' && (MULTIPLIER_BEFORE.has(prev) || !Number.isInteger(num.value))) return undefined;
    // Time of day, not a duration: lúc 7 giờ 30 phút, từ 6h.
    if (noun.unit && (kj === 'giờ' || kj === 'phút' || kj === 'h') && (prev === 'giờ' || prev === 'lúc' || prev === 'vào' || prev === 'từ')) return undefined;
    const value = { value: amount, unit: unitName(v, j, noun) };
    return { type: 'QUANTITY', a: i, b: j + noun.len, value, source: noun.unit ? 'rule:quantity-unit' : noun.list ? 'rule:quantity-noun' : 'rule:quantity-dict' };
  }
  if (hasScale && !num.spelled) {
    if (lastScale === 'tỷ' || lastScale === 'tỉ' || moneyContext(v, i)) {
      return { type: 'MONEY', a: i, b: afterScale, value: { amount, currency: 'VND' }, source: 'rule:money-bare' };
    }
    return undefined;
  }
  // A bare year: "tới 2020", "kế hoạch 2020".
  // …but not the year in an event name after an acronym (APEC 2027, SEA Games 2025), except KH (kế hoạch) 2020.
  const acronymBefore = before !== undefined && before.kind === 'abbreviation' && prev !== 'kh' && v.joined(i);
  if (!hasScale && !num.spelled && /^\d{4}$/.test(t.text) && isYear(num.value) && !YEAR_BLOCK_BEFORE.has(prev) && !acronymBefore) {
    return { type: 'DATE', a: i, b: i + 1, value: { year: num.value }, source: 'rule:date-year' };
  }
  return undefined;
}

function moneyContext(v: View, i: number): boolean {
  for (let p = i - 1; p >= 0 && p >= i - 6; p--) if (MONEY_CONTEXT.has(v.key(p))) return true;
  return false;
}

function placeNamed(v: View, j: number, len: number): boolean {
  const k = keyOf(v, j, len);
  return PLACE_NOUNS.has(k) && v.joined(j + len) && v.isCap(j + len);
}

function unitName(v: View, j: number, noun: { len: number; unit?: { canonical: string } }): string {
  return noun.unit ? noun.unit.canonical : phraseOf(v, j, j + noun.len);
}

/** A date written as one digit token: 15/12/2025, 09-7, 8/2015. */
function dateToken(s: string): { day?: number; month: number; year?: number } | undefined {
  const dmy = RE_DMY.exec(s);
  if (dmy) {
    const d = Number(dmy[1]), m = Number(dmy[3]), y = Number(dmy[4]);
    return validDay(d, m) ? { day: d, month: m, year: dmy[4]!.length === 2 ? y + 2000 : y } : undefined;
  }
  const two = RE_TWO.exec(s);
  if (two && two[1]!.length <= 2 && two[3]!.length <= 2) {
    const d = Number(two[1]), m = Number(two[3]);
    return validDay(d, m) ? { day: d, month: m } : undefined;
  }
  return undefined;
}

/** N tháng / N năm: a calendar-anchored period (DATE) or a bare duration (QUANTITY). */
function period(v: View, i: number, num: NumberAt, j: number, unit: string, prev: string): Match | undefined {
  const n = num.value;
  const k1 = v.joined(j + 1) ? v.key(j + 1) : '';
  const k2 = v.joined(j + 2) ? v.key(j + 2) : '';
  const dateM = (b: number, value: unknown): Match => ({ type: 'DATE', a: i, b, value, source: 'rule:date-period' });
  if (unit === 'tháng') {
    if (!Number.isInteger(n) || n < 1 || n > 31) return undefined;
    // Lunar dates: mùng 5 tháng Giêng, 23 tháng Chạp.
    if (k1 === 'giêng' || k1 === 'chạp' || prev === 'mùng' || prev === 'mồng') {
      const month = k1 === 'giêng' ? 1 : k1 === 'chạp' ? 12 : undefined;
      return dateM(k1 === 'giêng' || k1 === 'chạp' ? j + 2 : j + 1, { day: n, ...(month ? { month } : {}), lunar: true });
    }
    if (n > 12) return { type: 'QUANTITY', a: i, b: j + 1, value: { value: n, unit: 'tháng' }, source: 'rule:quantity-duration' };
    if (k1 === 'đầu' || k1 === 'cuối') {
      const first = k1 === 'đầu';
      const code = n === 6 ? (first ? 'H1' : 'H2') : first ? 'first' : 'last';
      if (k2 === 'năm') {
        const y = v.joined(j + 3) ? yearAt(v, j + 3) : undefined;
        return dateM(y !== undefined ? j + 4 : j + 3, y !== undefined ? { period: code, months: n, year: y } : { period: code, months: n });
      }
      return dateM(j + 2, { period: code, months: n });
    }
    if (k1 === 'năm') {
      const y = v.joined(j + 2) ? yearAt(v, j + 2) : undefined;
      if (y !== undefined) return dateM(j + 3, { period: n === 6 ? 'H1' : 'first', months: n, year: y });
    }
    if (k1 === 'qua' || k1 === 'tới' || k1 === 'vừa') {
      if (k1 === 'vừa' && k2 === 'qua') return dateM(j + 3, { period: 'past', months: n });
      if (k1 !== 'vừa') return dateM(j + 2, { period: k1 === 'qua' ? 'past' : 'next', months: n });
    }
    if (k1 === 'tiếp' && k2 === 'theo') return dateM(j + 3, { period: 'next', months: n });
    if (k1 === 'còn' && k2 === 'lại') return dateM(j + 3, { period: 'rest', months: n });
    const onceEvery = (k1 === 'một' || k1 === '1') && k2 === 'lần';
    if (!num.spelled && (n === 3 || n === 6 || n === 9) && !DURATION_BEFORE.has(prev) && !onceEvery) {
      return dateM(j + 1, { period: n === 6 ? 'H1' : 'first', months: n });
    }
    return { type: 'QUANTITY', a: i, b: j + 1, value: { value: n, unit: 'tháng' }, source: 'rule:quantity-duration' };
  }
  // năm
  if (k1 === 'qua' || k1 === 'tới' || k1 === 'trước') return dateM(j + 2, { period: k1 === 'tới' ? 'next' : 'past', years: n });
  if (k1 === 'vừa' && k2 === 'qua') return dateM(j + 3, { period: 'past', years: n });
  if (k1 === 'gần' && k2 === 'đây') return dateM(j + 3, { period: 'past', years: n });
  if ((k1 === 'cuối' || k1 === 'đầu') && k2 === 'nhiệm' && v.key(j + 3) === 'kỳ') return dateM(j + 4, { period: k1 === 'cuối' ? 'last' : 'first', years: n, of: 'term' });
  const yr = v.joined(j + 1) ? yearRangeAt(v, j + 1) : undefined;
  if (yr) return dateM(yr[2], { from: { year: yr[0] }, to: { year: yr[1] }, years: n, kind: 'range' });
  if (n >= 1900 && !num.spelled) return undefined; // "2020 năm"? not a duration
  return { type: 'QUANTITY', a: i, b: j + 1, value: { value: n, unit: 'năm' }, source: 'rule:quantity-duration' };
}

/** Token p is written right after token p-1, with no space (`km²`, `35°`, `đồng/ha`). */
function glued(v: View, p: number): boolean {
  const a = v.tok(p - 1);
  const b = v.tok(p);
  return !!a && !!b && a.end === b.start;
}

/** `C` / `F` after a degree (`35 độ C`, `35°C`): the scale letter, else undefined. */
function degreeScale(v: View, p: number): string | undefined {
  const t = v.tok(p);
  if (!t || !v.joined(p) || (t.kind !== 'syllable' && t.kind !== 'abbreviation')) return undefined;
  return t.text === 'C' || t.text === 'F' || ((t.text === 'c' || t.text === 'f') && v.isLower(p - 1)) ? t.text.toUpperCase() : undefined;
}

/**
 * Extends a unit over what belongs to it: a superscript power glued to a length unit (`41,23 km²` → `km2`,
 * `30 m³` → `m3`) and the scale letter after `độ` (`35 độ C` → `°C`).
 */
function unitSuffix(v: View, j: number, len: number, unit: { canonical: string; kind: string }): { len: number; unit: { canonical: string; kind: string } } {
  const p = j + len;
  const next = v.tok(p);
  if (next && glued(v, p) && LENGTH_UNITS.has(unit.canonical) && POWERS[next.text] !== undefined) {
    return { len: len + 1, unit: { canonical: `${unit.canonical}${POWERS[next.text]}`, kind: unit.kind } };
  }
  if (unit.canonical === 'độ') {
    const scale = degreeScale(v, p);
    if (scale) return { len: len + 1, unit: { canonical: `°${scale}`, kind: unit.kind } };
  }
  return { len, unit };
}

/**
 * The per-unit tail right after a MONEY, QUANTITY or PERCENT span (`đồng/ha/năm` → `ha/năm`, `người/năm` → `năm`,
 * `%/năm` → `năm`): each part a `/` (on the same line) and a unit, a time unit or a per-head noun. The tail stays outside the
 * span (spec convention 5) and goes to `value.per`.
 */
function perTail(v: View, b: number, lex: MeasureLexicon): string | undefined {
  const parts: string[] = [];
  let p = b;
  while (parts.length < 3 && v.key(p) === '/' && v.joined(p) && v.joined(p + 1)) {
    const two = v.joined(p + 2) ? `${v.key(p + 1)} ${v.key(p + 2)}` : '';
    const len = two && isPerWord(two, lex) ? 2 : isPerWord(v.key(p + 1), lex) && v.kind(p + 1) !== 'number' ? 1 : 0;
    if (!len) break;
    parts.push(len === 2 ? two : v.key(p + 1));
    p += 1 + len;
  }
  return parts.length > 0 ? parts.join('/') : undefined;
}

function isPerWord(k: string, lex: MeasureLexicon): boolean {
  const u = lex.units.get(k);
  return (u !== undefined && (u.kind === 'unit' || u.kind === 'time')) || PER_NOUNS.has(k);
}

function withPer(v: View, m: Match, lex: MeasureLexicon): Match {
  if (m.type !== 'MONEY' && m.type !== 'QUANTITY' && m.type !== 'PERCENT') return m;
  const per = perTail(v, m.b, lex);
  return per ? { ...m, value: { ...(m.value as object), per } } : m;
}

function withOf(v: View, m: Match): Match {
  const of = ofTail(v, m.b);
  return of ? { ...m, of } : m;
}


/** `3 - 5 năm`, `10 đến 15 tấn`, `2 - 3 tỷ đồng`: a range of quantities or amounts (the first number has no unit). */
function rangeAt(v: View, i: number, lex: MeasureLexicon): Match | undefined {
  const t = v.tok(i)!;
  if (t.kind !== 'number' || !RE_NUMBER.test(t.text) || !RANGE_WORDS.has(v.key(i + 1)) || !v.joined(i + 1) || !v.joined(i + 2)) return undefined;
  if (v.kind(i + 2) !== 'number' || !RE_NUMBER.test(v.tok(i + 2)!.text)) return undefined;
  if (yearRangeAt(v, i)) return undefined;
  const before = v.tok(i - 1);
  if (before && before.end === t.start && before.kind !== 'punctuation') return undefined;
  const second = fromNumber(v, i + 2, lex);
  const isPeriod = second?.type === 'DATE' && typeof second.value === 'object' && second.value !== null && 'period' in second.value;
  if (!second || (second.type !== 'QUANTITY' && second.type !== 'MONEY' && !isPeriod) || second.a !== i + 2) return undefined;
  if (isPeriod) {
    const val = second.value as { months?: number; years?: number };
    const from = parseVietNumber(t.text);
    const to = val.months ?? val.years;
    if (from === undefined || to === undefined || from >= to) return undefined;
    return { ...second, a: i, value: { ...val, from, to } };
  }
  const from = parseVietNumber(t.text);
  const val = second.value as { value?: number; amount?: number };
  const to = second.type === 'MONEY' ? val.amount : val.value;
  if (from === undefined || to === undefined) return undefined;
  // The first number takes the second one's scale: 2 - 3 tỷ đồng → 2e9 … 3e9.
  const secondNum = parseVietNumber(v.tok(i + 2)!.text) ?? 1;
  const scale = secondNum ? to / secondNum : 1;
  const lo = scale === 1 ? from : round(from * scale);
  if (lo > to) return undefined;
  const rest: Record<string, unknown> = { ...(second.value as Record<string, unknown>) };
  delete rest[second.type === 'MONEY' ? 'amount' : 'value'];
  return { ...second, a: i, value: { ...rest, from: lo, to } };
}

/** `nhiệm kỳ 2020 - 2025` at token i (joined to the word before): [from, to, end]. */
function termAt(v: View, i: number): [number, number, number] | undefined {
  if (v.key(i) !== 'nhiệm' || v.key(i + 1) !== 'kỳ' || !v.joined(i) || !v.joined(i + 1) || !v.joined(i + 2)) return undefined;
  return yearRangeAt(v, i + 2);
}

/** Patterns that start at a keyword: nhiệm kỳ, giai đoạn, năm, tháng, quý, cuối/đầu năm. */
function fromKeyword(v: View, i: number): Match | undefined {
  const k = v.key(i);
  const date = (b: number, value: unknown, source = 'rule:date'): Match => ({ type: 'DATE', a: i, b, value, source });
  switch (k) {
    case 'nhiệm':
    case 'giai':
    case 'thời': {
      const k2 = v.key(i + 1);
      if (!((k === 'nhiệm' && k2 === 'kỳ') || (k === 'giai' && k2 === 'đoạn') || (k === 'thời' && k2 === 'kỳ')) || !v.joined(i + 1)) return undefined;
      let p = i + 2;
      if (v.key(p) === 'từ' || v.key(p) === 'năm') p++;
      const yr = v.joined(p) ? yearRangeAt(v, p) : undefined;
      if (!yr) return undefined;
      return date(yr[2], { from: { year: yr[0] }, to: { year: yr[1] }, kind: k === 'nhiệm' ? 'term' : 'stage' });
    }
    case 'năm': {
      const y = v.joined(i + 1) ? yearAt(v, i + 1) : undefined;
      if (y === undefined) return undefined;
      const yr = yearRangeAt(v, i + 1);
      if (yr) return date(yr[2], { from: { year: yr[0] }, to: { year: yr[1] }, kind: 'range' });
      return date(i + 2, { year: y });
    }
    case 'cuối':
    case 'đầu':
    case 'giữa': {
      // A part of a dated term, the anchoring word inside (convention 7): giữa nhiệm kỳ 2020 - 2025.
      const term = termAt(v, i + 1);
      if (term) return date(term[2], { from: { year: term[0] }, to: { year: term[1] }, kind: 'term', period: k === 'cuối' ? 'end' : k === 'đầu' ? 'start' : 'middle' });
      // cuối tháng 12/2021, đầu quý III: the month or quarter with its anchoring word
      if ((v.key(i + 1) === 'tháng' || v.key(i + 1) === 'quý') && v.joined(i + 1)) {
        const inner = fromKeyword(v, i + 1);
        if (inner && inner.type === 'DATE') return date(inner.b, { ...(inner.value as object), period: k === 'cuối' ? 'end' : k === 'đầu' ? 'start' : 'middle' });
      }
      if (v.key(i + 1) !== 'năm' || !v.joined(i + 1) || !v.joined(i + 2)) return undefined;
      const y = yearAt(v, i + 2);
      if (y === undefined) return undefined;
      return date(i + 3, { period: k === 'cuối' ? 'end' : k === 'đầu' ? 'start' : 'middle', year: y });
    }
    case 'nửa': {
      // A half fixed by the term or the year: nửa đầu nhiệm kỳ, nửa cuối nhiệm kỳ 2020 - 2025, nửa đầu năm 2024.
      const k1 = v.key(i + 1);
      const half = k1 === 'đầu' ? 'H1' : k1 === 'cuối' || k1 === 'sau' ? 'H2' : undefined;
      if (!half || !v.joined(i + 1) || !v.joined(i + 2)) return undefined;
      if (v.key(i + 2) === 'nhiệm' && v.key(i + 3) === 'kỳ' && v.joined(i + 3)) {
        const term = termAt(v, i + 2);
        if (term) return date(term[2], { from: { year: term[0] }, to: { year: term[1] }, kind: 'term', period: half });
        return date(i + 4, { period: half, of: 'term' });
      }
      if (v.key(i + 2) === 'năm') {
        const y = v.joined(i + 3) ? yearAt(v, i + 3) : undefined;
        return y !== undefined ? date(i + 4, { period: half, months: 6, year: y }) : date(i + 3, { period: half, months: 6 });
      }
      return undefined;
    }
    case 'tháng': {
      const t = v.tok(i + 1);
      if (!t || t.kind !== 'number' || !v.joined(i + 1)) return undefined;
      const m = /^(\d{1,2})(?:[/-](\d{4}))?$/.exec(t.text);
      if (!m) return undefined;
      const month = Number(m[1]);
      if (month < 1 || month > 12) return undefined;
      if (m[2] !== undefined) {
        const y = Number(m[2]);
        return isYear(y) ? date(i + 2, { month, year: y }) : undefined;
      }
      if (v.key(i + 2) === 'năm' && v.joined(i + 2) && v.joined(i + 3)) {
        const y = yearAt(v, i + 3);
        if (y !== undefined) return date(i + 4, { month, year: y });
      }
      return date(i + 2, { month });
    }
    case 'quý': {
      const t = v.tok(i + 1);
      if (!t || !v.joined(i + 1)) return undefined;
      let q: number | undefined;
      let y: number | undefined;
      let b = i + 2;
      const romanYear = t.kind === 'code' ? /^(I{1,3}|IV)[/-](\d{4})$/.exec(t.text) : null;
      if (romanYear) {
        q = parseRoman(romanYear[1]!);
        y = Number(romanYear[2]);
      } else if (t.kind === 'roman' || (t.kind === 'syllable' && /^[IV]+$/.test(t.text))) q = parseRoman(t.text);
      else if (t.kind === 'number') {
        const m = /^([1-4])(?:[/-](\d{4}))?$/.exec(t.text);
        if (m) {
          q = Number(m[1]);
          if (m[2]) y = Number(m[2]);
        }
      } else if (t.kind === 'syllable') {
        const w = v.key(i + 1);
        q = w === 'một' ? 1 : w === 'hai' ? 2 : w === 'ba' ? 3 : w === 'bốn' || w === 'tư' ? 4 : undefined;
      }
      if (q === undefined || q < 1 || q > 4) return undefined;
      if (y === undefined) {
        // quý I/2024, quý IV năm 2024
        const k2 = v.key(b);
        if ((k2 === '/' || k2 === '-') && v.joined(b) && v.joined(b + 1) && yearAt(v, b + 1) !== undefined) {
          y = yearAt(v, b + 1);
          b += 2;
        } else if (k2 === 'năm' && v.joined(b) && v.joined(b + 1) && yearAt(v, b + 1) !== undefined) {
          y = yearAt(v, b + 1);
          b += 2;
        }
      }
      return date(b, y !== undefined ? { quarter: q, year: y } : { quarter: q });
    }
    default:
      return undefined;
  }
}


/** Fills in the report's year on dates written without one (`09-7`), marked `yearInferred`. */
function inferYears(out: Match[]): void {
  let docYear: number | undefined;
  const counts = new Map<number, number>();
  for (const m of out) {
    if (m.type !== 'DATE') continue;
    const whole = m.value as { day?: number; year?: number; to?: { day?: number; year?: number } };
    const val = whole.to && typeof whole.to === 'object' && whole.to.day !== undefined ? whole.to : whole; // a day range: its end
    if (val.day !== undefined && val.year !== undefined && docYear === undefined) docYear = val.year;
    if (val.year !== undefined) counts.set(val.year, (counts.get(val.year) ?? 0) + 1);
  }
  if (docYear === undefined) {
    let best = 0;
    for (const [y, c] of counts) if (c > best) (best = c), (docYear = y);
  }
  if (docYear === undefined) return;
  for (const m of out) {
    if (m.type !== 'DATE') continue;
    const val = m.value as Record<string, unknown>;
    if ((val.day !== undefined || val.month !== undefined || val.quarter !== undefined) && val.year === undefined) {
      m.value = { ...val, year: docYear, yearInferred: true };
    } else if (val.from && val.to && (val.to as Record<string, unknown>).year === undefined && (val.to as Record<string, unknown>).month !== undefined) {
      m.value = { ...val, from: { ...(val.from as object), year: docYear }, to: { ...(val.to as object), year: docYear }, yearInferred: true };
    }
  }
}

/**
 * Tags DATE, MONEY, PERCENT and QUANTITY spans with parsed values (`value`), the percent's "of plan" tail (`of`)
 * and the rule that produced each (`source`). Spans follow the entity spec: approximators (`hơn`, `gần`…), `ngày`,
 * `KH`/`dự toán…` and per-unit tails (`/người/năm`) stay outside. Offsets index the text as given (NFD, NBSP, old or
 * new tone placement all work). Linear in the number of tokens.
 *
 * @example
 * ```ts
 * import { tokenize } from '../../text/tokens.js';
 * const text = 'Ngày 09-7-2020, giá trị sản xuất đạt 2.926 tỷ đồng, đạt 45,8% KH; kết nạp 40 đảng viên mới.';
 * tagMeasures({ text, tokens: tokenize(text) }).map((e) => `${e.type}:${e.text}`);
 * // ['DATE:09-7-2020', 'MONEY:2.926 tỷ đồng', 'PERCENT:45,8%', 'QUANTITY:40 đảng viên mới']
 * ```
 */
export function tagMeasures(ctx: DocContext): Entity[] {
  const { text, tokens } = ctx;
  if (tokens.length === 0) return [];
  const lex = measureLexicon();
  const v = new View(text, tokens, ctx.keys, ctx.brk);
  const out: Match[] = [];
  const n = tokens.length;
  let i = 0;
  while (i < n) {
    const t = tokens[i]!;
    let m: Match | undefined;
    if (t.kind === 'number' || t.kind === 'percent') {
      m = rangeAt(v, i, lex) ?? fromNumber(v, i, lex);
    } else if (t.kind === 'syllable') {
      const k = v.key(i);
      if (KEYWORD_FIRST.has(k)) m = fromKeyword(v, i);
      if (!m && (SPELLED_DIGITS.has(k) || k === 'mười')) m = fromNumber(v, i, lex);
    }
    if (m && m.b > m.a) {
      m = withPer(v, m, lex);
      out.push(m);
      i = m.b;
    } else i++;
  }
  inferYears(out);
  return out.map((m) => {
    const start = tokens[m.a]!.start;
    const end = tokens[m.b - 1]!.end;
    const e = { type: m.type, text: text.slice(start, end), start, end, value: m.value, source: m.source, ...(m.of ? { of: m.of } : {}) } as Entity;
    return e;
  });
}
