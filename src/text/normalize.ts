import { assertText, checkChoice, checkOptions } from '../errors.js';
import { convertTone } from './tone.js';

export type ToneStyle = 'old' | 'new' | 'keep';
export interface NormalizeOptions {
  /** Tone-mark placement: 'old' (hòa, ủy, thủy), 'new' (hoà, uỷ, thuỷ) or 'keep' (default). */
  tone?: ToneStyle;
}
export interface Normalized {
  readonly text: string;
  /**
   * Maps an offset in the normalised text back to the original text: monotonic, `toOriginal(0) === 0` and
   * `toOriginal(text.length) === original.length` (the latter wins when the result is empty). For every normalised character `i`, the original slice
   * `[toOriginal(i), toOriginal(i + 1))` is what produced it (a decomposed letter with its marks, a letter followed by
   * removed zero-width characters).
   */
  toOriginal(offset: number): number;
}

const TONES: readonly ToneStyle[] = ['old', 'new', 'keep'];

// Characters removed: zero-width space/non-joiner/joiner, word joiner, BOM / zero-width no-break space, soft hyphen.
const REMOVED = /[\u200b-\u200d\u2060\ufeff\u00ad]/;
// Characters replaced one-for-one: Ð (U+00D0, Icelandic eth) → Đ (U+0110); no-break spaces → space.
const SPECIAL_CLASS = '[\u200b-\u200d\u2060\ufeff\u00ad\u00d0\u00a0\u2007\u202f]';
const SPECIAL = new RegExp(SPECIAL_CLASS);
const MARK = /[\p{M}\u1160-\u11ff]/u; // combining marks, Hangul medial/final jamo (they compose with the previous letter)
const CHUNK = 8192;

function cpLen(s: string, i: number): number {
  return s.codePointAt(i)! > 0xffff ? 2 : 1;
}

function isMark(s: string, i: number): boolean {
  const c = s.codePointAt(i)!;
  if (c < 0x300) return false;
  if (c <= 0x36f) return true;
  if (c < 0x483) return false;
  return MARK.test(String.fromCodePoint(c));
}

/**
 * A piecewise-linear offset map: `map(o) = o + delta`, where delta changes only at recorded points.
 * Memory grows with the number of changes, not with the text.
 */
class OffsetMap {
  private readonly at: number[] = [];
  private readonly delta: number[] = [];
  private last = 0;
  /** From offset `pos` (in the target text) on, `source = pos + d`. */
  set(pos: number, d: number): void {
    if (d === this.last) return;
    const n = this.at.length;
    if (n > 0 && this.at[n - 1] === pos) {
      this.delta[n - 1] = d;
    } else {
      this.at.push(pos);
      this.delta.push(d);
    }
    this.last = d;
  }
  get(pos: number): number {
    const at = this.at;
    let lo = 0;
    let hi = at.length - 1;
    let d = 0;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (at[mid]! <= pos) {
        d = this.delta[mid]!;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return pos + d;
  }
  get empty(): boolean {
    return this.at.length === 0;
  }
}

/** Stage 1: remove zero-width characters, Ð → Đ, no-break spaces → space. Removed characters belong to the character before. */
function cleanSpecials(text: string, map: OffsetMap): string {
  if (!SPECIAL.test(text)) return text;
  const parts: string[] = [];
  let from = 0;
  let outLen = 0;
  const re = new RegExp(`${SPECIAL_CLASS}+`, 'g');
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const run = m[0];
    parts.push(text.slice(from, m.index));
    outLen += m.index - from;
    let kept = '';
    for (let k = 0; k < run.length; k++) {
      const ch = run[k]!;
      if (REMOVED.test(ch)) continue;
      kept += ch === '\u00d0' ? '\u0110' : ' ';
      // A kept replacement keeps its own position.
      map.set(outLen + kept.length - 1, m.index + k - (outLen + kept.length - 1));
    }
    parts.push(kept);
    outLen += kept.length;
    from = m.index + run.length;
    // The next kept character is at `from` in the source.
    map.set(outLen, from - outLen);
  }
  parts.push(text.slice(from));
  return parts.join('');
}

/** Stage 2: NFC per letter cluster (a base character and its combining marks), recording offset changes. */
function composeNfc(text: string, map: OffsetMap): string {
  const n = text.length;
  const parts: string[] = [];
  let outLen = 0;
  let chunkStart = 0;
  while (chunkStart < n) {
    // A chunk ends before a white-space character (white space never composes with what precedes it).
    let chunkEnd = Math.min(n, chunkStart + CHUNK);
    while (chunkEnd < n && !/\s/.test(text[chunkEnd]!)) chunkEnd++;
    const chunk = text.slice(chunkStart, chunkEnd);
    const nfc = chunk.normalize('NFC');
    if (nfc === chunk) {
      parts.push(chunk);
      outLen += chunk.length;
    } else {
      // Clusters (a base and its marks) correspond one-to-one between the chunk and its NFC form: composition never
      // crosses a cluster boundary, and what remains of a cluster after composition is a base and marks again.
      let i = chunkStart;
      let p = 0;
      const m = nfc.length;
      while (i < chunkEnd) {
        let j = i + cpLen(text, i);
        while (j < chunkEnd && isMark(text, j)) j += cpLen(text, j);
        let q = p + cpLen(nfc, p);
        while (q < m && isMark(nfc, q)) q += cpLen(nfc, q);
        const len = j - i;
        const outN = q - p;
        const o = outLen + p;
        map.set(o, i - o);
        if (outN !== len) {
          // The first output character maps to the cluster start; the others align with the cluster's last characters.
          for (let k = 1; k < outN; k++) map.set(o + k, Math.max(i, j - (outN - k)) - (o + k));
          map.set(o + outN, j - (o + outN));
        }
        i = j;
        p = q;
      }
      parts.push(nfc);
      outLen += m;
    }
    chunkStart = chunkEnd;
  }
  return parts.join('');
}

/**
 * Normalises Vietnamese text: NFC (decomposed / Windows-1258-style combining marks composed), `Ð` (U+00D0) → `Đ`,
 * no-break spaces → space, zero-width characters and soft hyphens removed, and optionally one tone-mark placement
 * (`tone: 'old'` → hòa, ủy, thủy; `'new'` → hoà, uỷ, thuỷ; `'keep'`, the default, leaves placement as written).
 * `toOriginal` maps offsets in the result back to the input. Linear time.
 *
 * @example
 * ```ts
 * const n = normalize('Huyện uỷ\u00a0Quảng Trạch', { tone: 'old' });
 * n.text;            // 'Huyện ủy Quảng Trạch'
 * n.toOriginal(9);   // 9
 * const d = normalize('Hue\u0302\u0323n'); // NFD
 * d.text;            // 'Huện'
 * d.toOriginal(4);   // 6
 * ```
 */
export function normalize(text: string, options?: NormalizeOptions): Normalized {
  assertText(text, 'normalize');
  const opts = checkOptions<NormalizeOptions>(options, 'normalize', ['tone']);
  const tone = opts.tone === undefined ? 'keep' : checkChoice(opts.tone, 'normalize', 'tone', TONES);
  const origLen = text.length;
  const m1 = new OffsetMap();
  const mid = cleanSpecials(text, m1);
  const m2 = new OffsetMap();
  let out = mid.normalize('NFC') === mid ? mid : composeNfc(mid, m2);
  if (tone !== 'keep') out = convertTone(out, tone);
  const outLen = out.length;
  const midLen = mid.length;
  const identity = m1.empty && m2.empty;
  const toOriginal = (offset: number): number => {
    if (typeof offset !== 'number' || Number.isNaN(offset)) return 0;
    if (offset >= outLen) return origLen; // also when everything was removed
    if (offset <= 0) return 0;
    const o = Math.floor(offset);
    if (identity) return o;
    const m = m2.get(o);
    if (m <= 0) return 0;
    if (m >= midLen) return origLen;
    return m1.get(m);
  };
  return { text: out, toOriginal };
}
