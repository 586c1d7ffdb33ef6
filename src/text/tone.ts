import { assertText, checkChoice } from '../errors.js';

// Tone-mark placement: the "old" style puts the mark on the first vowel of oa/oe/uy at the end of a syllable
// (hòa, thủy, khỏe), the "new" style on the second (hoà, thuỷ, khoẻ). Only open syllables ending in these pairs
// differ; "qu" + y keeps the mark on y in both styles (quý), and a final consonant fixes the mark (hoàng).
// Every rewrite keeps the NFC length, so offsets survive.

const OLD_TO_NEW: Record<string, string> = {};
const NEW_TO_OLD: Record<string, string> = {};
const PAIRS: Array<[string, string, string]> = [
  // [first vowel with each tone (old), plain second vowel, second vowel with each tone (new)]
  ['òóỏõọ', 'a', 'àáảãạ'],
  ['òóỏõọ', 'e', 'èéẻẽẹ'],
  ['ùúủũụ', 'y', 'ỳýỷỹỵ'],
];
for (const [firsts, second, seconds] of PAIRS) {
  const plainFirst = firsts === 'ùúủũụ' ? 'u' : 'o';
  for (let i = 0; i < 5; i++) {
    const oldForm = firsts[i]! + second;
    const newForm = plainFirst + seconds[i]!;
    OLD_TO_NEW[oldForm] = newForm;
    NEW_TO_OLD[newForm] = oldForm;
    // Upper-case variants (HÒA/HOÀ, THỦY/THUỶ) and capitalised first vowel (Òa → Oà is not a real word start
    // but stays consistent).
    OLD_TO_NEW[oldForm.toUpperCase()] = newForm.toUpperCase();
    NEW_TO_OLD[newForm.toUpperCase()] = oldForm.toUpperCase();
    // Capitalised word start: Ủy ↔ Uỷ, Hòa keeps its H so only the pair matters, but Òa/Oà at a word start does.
    const cap = (x: string) => x[0]!.toUpperCase() + x.slice(1);
    OLD_TO_NEW[cap(oldForm)] = cap(newForm);
    NEW_TO_OLD[cap(newForm)] = cap(oldForm);
  }
}

const OLD_RE = /(?<![qQ])([òóỏõọÒÓỎÕỌ][aAeE]|[ùúủũụÙÚỦŨỤ][yY])(?![\p{L}\p{M}])/gu;
const NEW_RE = /(?<![qQ])([oO][àáảãạèéẻẽẹÀÁẢÃẠÈÉẺẼẸ]|[uU][ỳýỷỹỵỲÝỶỸỴ])(?![\p{L}\p{M}])/gu;

const STYLES: readonly ('old' | 'new')[] = ['old', 'new'];

/**
 * Rewrites NFC text to the given tone placement (`'old'`: hòa, ủy, thủy; `'new'`: hoà, uỷ, thuỷ). Same length as the
 * input, so offsets survive.
 *
 * @example
 * ```ts
 * convertTone('Huyện uỷ, hoà bình', 'old'); // 'Huyện ủy, hòa bình'
 * ```
 */
export function convertTone(nfcText: string, style: 'old' | 'new'): string {
  assertText(nfcText, 'convertTone');
  checkChoice(style, 'convertTone', 'style', STYLES);
  if (style === 'new') return nfcText.replace(OLD_RE, (pair: string) => OLD_TO_NEW[pair] ?? pair);
  return nfcText.replace(NEW_RE, (pair: string) => NEW_TO_OLD[pair] ?? pair);
}

const FOLD_CACHE_LIMIT = 50_000;

/**
 * Canonical dictionary key of a token or phrase: NFC, lower case, old tone placement, Ð→đ, zero-width
 * characters removed, runs of white space as one space. `Huyện uỷ`, `HUYỆN ỦY` and NFD input give the same key.
 *
 * @example
 * ```ts
 * foldKey('HUYỆN  UỶ') === foldKey('huyện ủy'); // true
 * ```
 */
export function foldKey(s: string): string {
  assertText(s, 'foldKey');
  let t = s;
  // Fast path: ASCII-only strings need only lower-casing and space folding.
  if (!/[^\x00-\x7f]/.test(t)) return /\s\s|[\t\n\r]|^\s|\s$/.test(t) ? t.toLowerCase().replace(/\s+/g, ' ').trim() : t.toLowerCase();
  t = t.normalize('NFC').replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '').replace(/\u00d0/g, 'Đ').toLowerCase();
  t = convertTone(t, 'old');
  return /\s/.test(t) ? t.replace(/\s+/g, ' ').trim() : t;
}

/**
 * A small memoising wrapper around {@link foldKey} for hot loops over repeated syllables (per caller, bounded).
 *
 * @example
 * ```ts
 * const fold = createFoldCache();
 * fold('Uỷ'); // 'ủy'
 * ```
 */
export function createFoldCache(): (s: string) => string {
  const m = new Map<string, string>();
  return (s: string) => {
    let v = m.get(s);
    if (v === undefined) {
      v = foldKey(s);
      if (m.size > FOLD_CACHE_LIMIT) m.clear();
      m.set(s, v);
    }
    return v;
  };
}

/**
 * Removes Vietnamese diacritics (for loose matching).
 *
 * @example
 * ```ts
 * stripDiacritics('Quảng Trạch, Đắk Lắk'); // 'Quang Trach, Dak Lak'
 * ```
 */
export function stripDiacritics(s: string): string {
  assertText(s, 'stripDiacritics');
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');
}
