import { assertText, checkChoice } from '../errors.js';

// Legacy Vietnamese font encodings, as found in old government documents whose bytes were read as
// Latin-1 / Windows-1252 ("mojibake"):
// - TCVN3 (ABC, TCVN 5712:1993 VN3): one byte per letter; lower-case toned vowels and the seven upper-case base
//   letters Ă Â Ê Ô Ơ Ư Đ. Upper-case toned vowels were set with a separate ".VnTimeH" font that shows the lower-case
//   codes as capitals, so they come back lower case (that information is not in the text).
// - VNI (VNI-Windows): a base letter followed by a mark byte (`aù` = á, `eä` = ệ, `oâ` = ô), with single bytes for
//   ơ ư đ and the i/ỵ vowels (`ô` = ơ, `ö` = ư, `ñ` = đ, `í` = í, `æ` = ỉ, `ó` = ĩ, `ò` = ị, `î` = ỵ).
// The tables below were written from the published charts of both encodings.

export type LegacyEncoding = 'tcvn3' | 'vni';
export interface LegacyDetection {
  /** The encoding the text looks like: a legacy one, already Unicode Vietnamese, or unknown (no Vietnamese evidence). */
  readonly encoding: LegacyEncoding | 'unicode' | 'unknown';
  /** 0..1: how clear the evidence is. */
  readonly confidence: number;
}

// --- TCVN3 ---------------------------------------------------------------------------------------------------------
// Pairs of [Unicode letters, their TCVN3 bytes as Latin-1 characters], letter i ↔ byte i.
const TCVN3_PAIRS: Array<[string, string]> = [
  ['àảãáạ', '\u00b5\u00b6\u00b7\u00b8\u00b9'],
  ['ăằẳẵắặ', '\u00a8\u00bb\u00bc\u00bd\u00be\u00c6'],
  ['âầẩẫấậ', '\u00a9\u00c7\u00c8\u00c9\u00ca\u00cb'],
  ['đ', '\u00ae'],
  ['èẻẽéẹ', '\u00cc\u00ce\u00cf\u00d0\u00d1'],
  ['êềểễếệ', '\u00aa\u00d2\u00d3\u00d4\u00d5\u00d6'],
  ['ìỉĩíị', '\u00d7\u00d8\u00dc\u00dd\u00de'],
  ['òỏõóọ', '\u00df\u00e1\u00e2\u00e3\u00e4'],
  ['ôồổỗốộ', '\u00ab\u00e5\u00e6\u00e7\u00e8\u00e9'],
  ['ơờởỡớợ', '\u00ac\u00ea\u00eb\u00ec\u00ed\u00ee'],
  ['ùủũúụ', '\u00ef\u00f1\u00f2\u00f3\u00f4'],
  ['ưừửữứự', '\u00ad\u00f5\u00f6\u00f7\u00f8\u00f9'],
  ['ỳỷỹýỵ', '\u00fa\u00fb\u00fc\u00fd\u00fe'],
  ['ĂÂĐÊÔƠƯ', '\u00a1\u00a2\u00a7\u00a3\u00a4\u00a5\u00a6'],
];
const TCVN3_DECODE = new Map<string, string>();
const TCVN3_ENCODE = new Map<string, string>();
for (const [uni, leg] of TCVN3_PAIRS) {
  for (let i = 0; i < uni.length; i++) {
    TCVN3_DECODE.set(leg[i]!, uni[i]!);
    TCVN3_ENCODE.set(uni[i]!, leg[i]!);
  }
}
const TCVN3_CHARS = /[\u00a1-\u00fe]/;

// --- VNI -----------------------------------------------------------------------------------------------------------
// Mark bytes (lower-case forms; the upper-case forms are the Latin-1 capitals of the same letters).
// tone: acute ù, grave ø, hook û, tilde õ, dot ï; circumflex â (+ tone á à å ã ä); breve ê (+ tone é è ú ü ë).
const TONES = ['\u0301', '\u0300', '\u0309', '\u0303', '\u0323']; // acute, grave, hook, tilde, dot below
const VNI_TONE = ['ù', 'ø', 'û', 'õ', 'ï'];
const VNI_CIRC = ['â', 'á', 'à', 'å', 'ã', 'ä']; // plain, then with each tone
const VNI_BREVE = ['ê', 'é', 'è', 'ú', 'ü', 'ë'];
// Single-byte letters.
const VNI_SINGLE: Array<[string, string]> = [
  ['ô', 'ơ'], ['ö', 'ư'], ['ñ', 'đ'], ['í', 'í'], ['ì', 'ì'], ['æ', 'ỉ'], ['ó', 'ĩ'], ['ò', 'ị'], ['î', 'ỵ'],
];
const VNI_DECODE = new Map<string, string>(); // one or two legacy characters → one Unicode letter
const VNI_ENCODE = new Map<string, string>();
const nfc = (s: string) => s.normalize('NFC');
function addVni(leg: string, uni: string): void {
  for (const [l, u] of [[leg, uni], [leg.toUpperCase(), uni.toUpperCase()]] as const) {
    if (!VNI_DECODE.has(l)) VNI_DECODE.set(l, u);
    VNI_ENCODE.set(u, l);
  }
}
for (const [l, u] of VNI_SINGLE) addVni(l, u);
for (const base of ['a', 'e', 'o', 'u', 'y', 'ô', 'ö']) {
  const uniBase = base === 'ô' ? 'ơ' : base === 'ö' ? 'ư' : base;
  for (let t = 0; t < 5; t++) {
    if (uniBase === 'y' && t === 4) continue; // ỵ is the single byte î
    addVni(base + VNI_TONE[t]!, nfc(uniBase + TONES[t]!));
  }
}
for (const base of ['a', 'e', 'o']) {
  addVni(base + VNI_CIRC[0]!, nfc(`${base}\u0302`));
  for (let t = 0; t < 5; t++) addVni(base + VNI_CIRC[t + 1]!, nfc(`${base}\u0302${TONES[t]!}`));
}
addVni(`a${VNI_BREVE[0]!}`, 'ă');
for (let t = 0; t < 5; t++) addVni(`a${VNI_BREVE[t + 1]!}`, nfc(`a\u0306${TONES[t]!}`));
const VNI_BASES = new Set(['a', 'e', 'o', 'u', 'y', 'ô', 'ö', 'A', 'E', 'O', 'U', 'Y', 'Ô', 'Ö']);

function decodeVni(text: string): string {
  let out = '';
  let i = 0;
  const n = text.length;
  let from = 0;
  while (i < n) {
    const c = text[i]!;
    const code = c.charCodeAt(0);
    if (code < 0x41 || (code > 0x7a && code < 0xc0) || code > 0xff) {
      i++;
      continue;
    }
    if (VNI_BASES.has(c) && i + 1 < n) {
      const d = text[i + 1]!;
      // A mark byte in either case combines with the base; the base decides the case.
      const pair = VNI_DECODE.get(c + d) ?? VNI_DECODE.get(c + (c === c.toUpperCase() ? d.toUpperCase() : d.toLowerCase()));
      if (pair !== undefined) {
        out += text.slice(from, i) + pair;
        i += 2;
        from = i;
        continue;
      }
    }
    if (code >= 0xc0) {
      const single = VNI_DECODE.get(c);
      if (single !== undefined) {
        out += text.slice(from, i) + single;
        from = i + 1;
      }
    }
    i++;
  }
  return out + text.slice(from);
}

function decodeTcvn3(text: string): string {
  if (!TCVN3_CHARS.test(text)) return text;
  // Word by word: an all-capitals word (`§¶NG`, `VIÖT`, `§¹O`) was set in the capitals font, so its toned vowels are
  // capitals. A word with a single capital (`Vô`) counts as all-capitals only right after an all-capitals word.
  let prevCaps = false;
  return text.replace(/[A-Za-z\u00a1-\u00fe]+/g, (w) => {
    let upper = 0;
    let lower = 0;
    let out = '';
    for (const c of w) {
      const d = TCVN3_DECODE.get(c);
      const ch = d ?? c;
      out += ch;
      if (ch !== ch.toLowerCase()) upper++;
      else if (d === undefined && ch !== ch.toUpperCase()) lower++;
    }
    const caps = lower === 0 && (upper >= 2 || (upper === 1 && prevCaps));
    prevCaps = caps;
    return caps ? out.toUpperCase() : out;
  });
}

// --- Detection -----------------------------------------------------------------------------------------------------
// Vowel nuclei (with any glide) of Vietnamese syllables, written without marks; `qu`/`gi` take the u/i as initial.
const NUCLEI = 'a|e|i|o|u|y|ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|oo|ua|ue|ui|uo|uu|uy|ye|oai|oay|oeo|uay|uoi|uou|uya|uye|uyu|ieu|yeu';
const SHAPE = new RegExp(`^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?(?:${NUCLEI})(?:ng|nh|ch|[cmnpt])?$`);
const TONE_SET = new Set(TONES);

/** Is `w` a well-formed Vietnamese syllable (Vietnamese letters only, marks on the right vowels, at most one tone)? */
function isVietSyllable(w: string): boolean {
  const d = w.toLowerCase().normalize('NFD');
  let tones = 0;
  let bare = '';
  for (const ch of d) {
    const last = bare[bare.length - 1];
    if (TONE_SET.has(ch)) {
      if (last === undefined || !'aeiouy'.includes(last)) return false; // marks sit on vowels (ñ is not a letter)
      tones++;
      continue;
    }
    if (ch === '\u0302') {
      if (last !== 'a' && last !== 'e' && last !== 'o') return false;
      continue;
    }
    if (ch === '\u0306') {
      if (last !== 'a') return false;
      continue;
    }
    if (ch === '\u031b') {
      if (last !== 'o' && last !== 'u') return false;
      continue;
    }
    if (ch === 'đ') {
      bare += 'd';
      continue;
    }
    if (ch < 'a' || ch > 'z' || ch === 'f' || ch === 'j' || ch === 'w' || ch === 'z') return false;
    bare += ch;
  }
  return tones <= 1 && SHAPE.test(bare);
}

// Letters only Unicode Vietnamese uses (ă đ ĩ ũ ơ ư and the Latin Extended Additional block) and combining tone marks.
const UNICODE_VIET = /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]|[a-zA-Z][\u0300\u0301\u0303\u0309\u0323]/;
const DETECT_WORD_LIMIT = 5000;

/**
 * Guesses whether text is TCVN3 (ABC) or VNI Vietnamese read as Latin-1/Windows-1252, already Unicode Vietnamese, or
 * neither. Looks at words with Latin-1 letters: a word counts for an encoding when it is not a Vietnamese syllable as
 * written but becomes one once decoded. Linear time (at most the first 5,000 candidate words are examined).
 *
 * @example
 * ```ts
 * detectLegacyEncoding('HuyÖn ñy Qu¶ng Tr¹ch');   // { encoding: 'tcvn3', confidence: 1 }
 * detectLegacyEncoding('Huyeän uûy Quaûng Traïch'); // { encoding: 'vni', confidence: 1 }
 * detectLegacyEncoding('Huyện ủy Quảng Trạch');    // { encoding: 'unicode', confidence: 1 }
 * ```
 */
export function detectLegacyEncoding(text: string): LegacyDetection {
  assertText(text, 'detectLegacyEncoding');
  let t = 0;
  let v = 0;
  let n = 0;
  let uni = 0;
  let words = 0;
  const re = /[A-Za-z\u00a1-\u00ff\u0100-\u024f\u0300-\u036f\u1ea0-\u1ef9]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null && words < DETECT_WORD_LIMIT) {
    const w = m[0];
    if (UNICODE_VIET.test(w)) {
      uni++;
      words++;
      continue;
    }
    if (!/[\u00a1-\u00ff]/.test(w)) continue;
    words++;
    if (isVietSyllable(w)) continue; // `và`, `có`: fine as written
    n++;
    const dt = decodeTcvn3(w);
    const dv = decodeVni(w);
    if (dt !== w && isVietSyllable(dt)) t++;
    if (dv !== w && isVietSyllable(dv)) v++;
  }
  const best = Math.max(t, v);
  const other = Math.min(t, v);
  // No legacy evidence, too little of it (a few accented words of a Western language), or more Unicode Vietnamese.
  const weak = best / Math.max(1, n) < 0.3 || (best < 2 && n > 2);
  if (best === 0 || weak || uni > best) {
    return uni === 0 ? { encoding: 'unknown', confidence: 0 } : { encoding: 'unicode', confidence: round(uni / (uni + best)) };
  }
  // Evidence: share of candidate words explained, discounted by the rival encoding and by Unicode words.
  const share = best / Math.max(1, n);
  const conf = share * (1 - other / (best + other)) * (best / (best + uni)) * Math.min(1, best / 2);
  return { encoding: t >= v ? 'tcvn3' : 'vni', confidence: round(Math.max(0.01, conf)) };
}

function round(x: number): number {
  return Math.round(Math.min(1, Math.max(0, x)) * 100) / 100;
}

const FROM: readonly string[] = ['auto', 'tcvn3', 'vni'];

/**
 * Converts TCVN3 (ABC) or VNI text read as Latin-1/Windows-1252 back to Unicode (NFC). Without `from` (or with
 * `'auto'`), the encoding is detected; text that is already Unicode, or not recognisably legacy, is only put into NFC.
 * Run it before {@link normalize} (TCVN3 writes ư as U+00AD, which normalize would remove as a soft hyphen).
 *
 * @example
 * ```ts
 * convertLegacy('HuyÖn ñy Qu¶ng Tr¹ch');          // 'Huyện ủy Quảng Trạch'
 * convertLegacy('Huyeän uûy Quaûng Traïch', 'vni'); // 'Huyện ủy Quảng Trạch'
 * ```
 */
export function convertLegacy(text: string, from?: LegacyEncoding | 'auto'): string {
  assertText(text, 'convertLegacy');
  const enc = from === undefined ? 'auto' : checkChoice(from, 'convertLegacy', 'from', FROM);
  const use = enc === 'auto' ? detectLegacyEncoding(text).encoding : enc;
  if (use === 'tcvn3') return decodeTcvn3(text).normalize('NFC');
  if (use === 'vni') return decodeVni(text).normalize('NFC');
  return text.normalize('NFC');
}

const TO: readonly LegacyEncoding[] = ['tcvn3', 'vni'];

/**
 * Encodes Unicode Vietnamese into a legacy encoding, as Latin-1 characters (the inverse of {@link convertLegacy}; for
 * tests and for producing input for old systems). TCVN3 has no upper-case toned vowels: they are written lower case.
 *
 * @example
 * ```ts
 * toLegacy('Huyện ủy', 'vni');   // 'Huyeän uûy'
 * toLegacy('Huyện ủy', 'tcvn3'); // 'HuyÖn ñy'
 * ```
 */
export function toLegacy(text: string, to: LegacyEncoding): string {
  assertText(text, 'toLegacy');
  const enc = checkChoice(to, 'toLegacy', 'to', TO);
  const s = text.normalize('NFC');
  let out = '';
  for (const ch of s) {
    if (enc === 'tcvn3') out += TCVN3_ENCODE.get(ch) ?? TCVN3_ENCODE.get(ch.toLowerCase()) ?? ch;
    else out += VNI_ENCODE.get(ch) ?? ch;
  }
  return out;
}
