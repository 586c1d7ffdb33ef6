import { foldKey } from '../../text/tone.js';

// Vietnamese number parsing: digits with a thousand dot and a decimal comma, spelled-out numbers, scale words,
// Roman numerals. Pure functions, linear in the input.

/** Spelled-out digits (folded keys). `năm` is five as well as "year"; callers decide when it is a number. */
export const SPELLED_DIGITS: ReadonlyMap<string, number> = new Map([
  ['không', 0],
  ['một', 1],
  ['mốt', 1],
  ['hai', 2],
  ['ba', 3],
  ['bốn', 4],
  ['tư', 4],
  ['năm', 5],
  ['lăm', 5],
  ['nhăm', 5],
  ['sáu', 6],
  ['bảy', 7],
  ['bẩy', 7],
  ['tám', 8],
  ['chín', 9],
]);

/** Scale words (folded keys) and their factors. */
export const SCALE_WORDS: ReadonlyMap<string, number> = new Map([
  ['trăm', 100],
  ['nghìn', 1000],
  ['ngàn', 1000],
  ['vạn', 10000],
  ['triệu', 1e6],
  ['tỷ', 1e9],
  ['tỉ', 1e9],
]);

const DIGITS_VN = /^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/; // 1.329,9  2.926  1.000.000
const DECIMAL_COMMA = /^\d+,\d+$/; // 45,8
const PLAIN = /^\d+$/;
const DECIMAL_DOT = /^\d+\.\d{1,2}$|^\d+\.\d{4,}$/; // 2.5 (a dot not followed by exactly three digits)

/** Parses one digit group as written in Vietnamese text (`1.329,9`, `2.926`, `45,8`, `09`); undefined otherwise. */
function parseDigits(s: string): number | undefined {
  if (PLAIN.test(s)) return Number(s);
  if (DIGITS_VN.test(s)) return Number(s.replace(/\./g, '').replace(',', '.'));
  if (DECIMAL_COMMA.test(s)) return Number(s.replace(',', '.'));
  if (DECIMAL_DOT.test(s)) return Number(s);
  return undefined;
}

/**
 * Parses a Vietnamese number: digits with thousand dots and a decimal comma (`1.329,9` → 1329.9, `2.926` → 2926,
 * `45,8` → 45.8), spelled-out numbers (`hai mươi lăm` → 25, `ba trăm` → 300, `mười hai` → 12), and either followed
 * by scale words (`73,7 triệu` → 73700000, `2 nghìn tỷ` → 2e12). Returns `undefined` when the string is not a number.
 *
 * @example
 * ```ts
 * parseVietNumber('1.329,9'); // 1329.9
 * parseVietNumber('hai mươi lăm'); // 25
 * parseVietNumber('2,926 tỷ'); // 2926000000
 * parseVietNumber('Quảng Trạch'); // undefined
 * ```
 */
export function parseVietNumber(s: string): number | undefined {
  if (typeof s !== 'string') return undefined;
  if (/^[\d.,]+$/.test(s)) return parseDigits(s); // fast path: digits only
  const words = foldKey(s).split(' ').filter(Boolean);
  if (words.length === 0 || words.length > 40) return undefined;
  let total = 0; // completed groups (thousands, millions …)
  let group = 0; // value below the current scale
  let cur: number | undefined; // pending digit or digit group
  let any = false;
  let lastScale = Infinity;
  let lastUnit = 1; // what "rưỡi" halves
  const flush = (): number => {
    const v = group + (cur ?? 0);
    group = 0;
    cur = undefined;
    return v;
  };
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const d = /\d/.test(w) ? parseDigits(w) : undefined;
    if (d !== undefined) {
      if (cur !== undefined || group !== 0) return undefined;
      cur = d;
      any = true;
      continue;
    }
    const digit = SPELLED_DIGITS.get(w);
    if (digit !== undefined) {
      if (cur !== undefined) return undefined; // "hai ba" is not a number
      cur = digit;
      any = true;
      continue;
    }
    if (w === 'mười') {
      if (cur !== undefined) return undefined;
      group += 10;
      any = true;
      continue;
    }
    if (w === 'mươi') {
      if (cur === undefined) return undefined;
      group += cur * 10;
      cur = undefined;
      continue;
    }
    if (w === 'linh' || w === 'lẻ') {
      if (!any) return undefined;
      continue;
    }
    if (w === 'rưỡi') {
      if (!any) return undefined;
      // "hai triệu rưỡi" = 2.5 million; "ba trăm rưỡi" = 350.
      group += lastUnit / 2;
      continue;
    }
    if (w === 'trăm') {
      const c = cur ?? (any ? undefined : 1);
      if (c === undefined) return undefined;
      group += c * 100;
      cur = undefined;
      any = true;
      lastUnit = 100;
      continue;
    }
    const scale = SCALE_WORDS.get(w);
    if (scale !== undefined) {
      const v = flush();
      if (v === 0 && total > 0 && scale > lastScale) {
        total *= scale; // "nghìn tỷ"
      } else if (v === 0 && !any) {
        total += scale; // "triệu" alone
        any = true;
      } else if (total > 0 && scale > lastScale) {
        total = (total + v) * scale;
      } else {
        total += v * scale;
      }
      lastScale = scale;
      lastUnit = scale;
      continue;
    }
    return undefined;
  }
  if (!any) return undefined;
  const result = total + flush();
  return Number.isFinite(result) ? Number(result.toPrecision(15)) : undefined;
}

const ROMAN_RE = /^(?=[IVXLCDM])M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;
const ROMAN_VALUES: Readonly<Record<string, number>> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };

/**
 * Parses a Roman numeral (`IV` → 4, `XXVIII` → 28, case-insensitive); `undefined` for anything else.
 *
 * @example
 * ```ts
 * parseRoman('XXIV'); // 24
 * parseRoman('quý'); // undefined
 * ```
 */
export function parseRoman(s: string): number | undefined {
  if (typeof s !== 'string') return undefined;
  const u = s.trim().toUpperCase();
  if (!ROMAN_RE.test(u)) return undefined;
  let v = 0;
  for (let i = 0; i < u.length; i++) {
    const a = ROMAN_VALUES[u[i]!]!;
    const b = i + 1 < u.length ? ROMAN_VALUES[u[i + 1]!]! : 0;
    v += a < b ? -a : a;
  }
  return v;
}
