import type { Sentence } from '../types.js';
import { foldKey } from '../text/tone.js';
import { CAPTION_LEAD, PHOTO } from './cues.js';

/** What a sentence is in the layout of an article or report. Only `body` sentences are summary material. */
export type SentenceRole = 'headline' | 'caption' | 'byline' | 'subheading' | 'body';

export interface SentenceLayout {
  readonly role: SentenceRole;
  /** Alone on its line (a newline or the text edge on both sides). */
  readonly ownLine: boolean;
  /** Ends with . ! ? … (possibly before closing quotes/brackets) or : ; */
  readonly finalPunct: boolean;
  /** Letter/number words in the sentence, counted up to 41 (the roles only compare it with 40 or less). */
  readonly words: number;
}

/** An unpunctuated run of at most this many words that the next sentence follows on the same line is a heading
 * the page's line breaks were lost around (scraped text: `… dân sinh  Phát biểu kết luận …`). */
const INLINE_HEADING = 12;
const FINAL_RE = /[.!?…:;](?:\s*["”’'»)\]])*\s*$|[.!?…]\s*\(?[^()]{0,40}\)\s*$/u;
const SPACE = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]/u;

/** Final punctuation is looked for in this many closing characters (a bracket of up to 40 and spaces). */
const TAIL = 64;
/** Roles only ask whether a sentence has at most 40 words: counting stops past {@link WORD_CAP}. */
const WORD_CAP = 41;
/** Character classes of a word (`[\p{L}\p{N}][\p{L}\p{M}\p{N}'’.,/%-]*`) for U+0000–U+1FFF (Latin, Vietnamese, combining marks): 1 starts a word
 * (letter, number), 2 continues one (also marks and ' ’ . , / % -), 0 neither. Other characters are tested by regex. */
const CLASS_TABLE_SIZE = 0x2000;
const START_RE = /[\p{L}\p{N}]/u;
const CONT_RE = /[\p{L}\p{M}\p{N}'’.,/%-]/u;
const CHAR_CLASS = ((): Uint8Array => {
  const t = new Uint8Array(CLASS_TABLE_SIZE);
  for (let c = 0; c < CLASS_TABLE_SIZE; c++) {
    const ch = String.fromCharCode(c);
    t[c] = START_RE.test(ch) ? 1 : CONT_RE.test(ch) ? 2 : 0;
  }
  return t;
})();
function charClass(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < CLASS_TABLE_SIZE) return CHAR_CLASS[c]!;
  const ch = String.fromCodePoint(s.codePointAt(i)!);
  return START_RE.test(ch) ? 1 : CONT_RE.test(ch) ? 2 : 0;
}
/** The number of words in `s` (runs opening with a letter or number, see {@link CHAR_CLASS}), counted up to {@link WORD_CAP} (a loop over the characters). */
export function countWords(s: string): number {
  let c = 0;
  for (let i = 0; i < s.length && c < WORD_CAP; ) {
    if (charClass(s, i) !== 1) { i += s.codePointAt(i)! > 0xffff ? 2 : 1; continue; }
    c++;
    i += s.codePointAt(i)! > 0xffff ? 2 : 1;
    while (i < s.length && charClass(s, i) !== 0) i += s.codePointAt(i)! > 0xffff ? 2 : 1;
  }
  return c;
}

function lineEdgeBefore(text: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && text[j] !== '\n' && SPACE.test(text[j]!)) j--;
  return j < 0 || text[j] === '\n';
}
function lineEdgeAfter(text: string, i: number): { edge: boolean; blank: boolean } {
  let j = i;
  while (j < text.length && text[j] !== '\n' && SPACE.test(text[j]!)) j++;
  if (j >= text.length) return { edge: true, blank: true };
  if (text[j] !== '\n') return { edge: false, blank: false };
  j++;
  while (j < text.length && text[j] !== '\n' && SPACE.test(text[j]!)) j++;
  return { edge: true, blank: j >= text.length || text[j] === '\n' };
}

/** Byline/credit shapes: `Hoàng Lan - VPHU`, `HOÀI NAM`, `TTXVN/Tin Tức`, `Thanh Định (Báo Hà Tĩnh)`. */
function looksLikeCredit(s: string, words: number): boolean {
  if (words > 16) return false;
  if (/^(?:theo|nguồn|bài|ảnh|bài và ảnh|tin)\s*:?\s*\S/iu.test(s) && words <= 5) return true; // Theo TTXVN, Bài: Hoàng Bích
  if (/^[\p{Lu}\p{N}\s.'’/&-]+$/u.test(s) && words <= 6) return true; // HOÀI NAM, TTXVN
  if (/\/\s*\p{Lu}/u.test(s) && words <= 8) return true; // TTXVN/Tin Tức
  // Name (2–4 capitalised syllables), then a dash, comma or bracket and the newsroom.
  return /^(?:\p{Lu}[\p{L}\p{M}'’]*\s+){1,3}\p{Lu}[\p{L}\p{M}'’]*(?:\s*(?:[-–—,(]|$))/u.test(s);
}

/**
 * A long line without final punctuation in the heading block at the top (before any body sentence) is a heading
 * when it continues the heading line right above it (`BÁO CÁO` / `Kết quả lãnh đạo … năm 2024`, or a subtitle in
 * lower case: `của Ban Chấp hành … trình Đại hội …`) or a blank line closes it; otherwise it is a body sentence
 * missing its stop.
 */
function longHeading(text: string, sentences: readonly Sentence[], done: readonly SentenceLayout[], i: number, blankAfter: boolean): boolean {
  if (/^[\p{Ll}(]/u.test(sentences[i]!.text) || blankAfter) return true;
  const prev = done[i - 1];
  if (!prev || (prev.role !== 'headline' && prev.role !== 'subheading')) return false;
  const gap = text.slice(sentences[i - 1]!.end, sentences[i]!.start);
  return gap.indexOf('\n') === gap.lastIndexOf('\n');
}

/**
 * Classifies sentences by their layout: a short unpunctuated first line is the headline, a short unpunctuated last
 * line (or a credit-shaped one) is the byline, short unpunctuated lines elsewhere are captions or subheadings (long
 * ones too in the heading block at the top: a long title, its subtitle), and
 * anything with a photo credit (`Ảnh: …`) is a caption. Linear in the text length. `folded` (optional) holds
 * `foldKey` of each sentence (or of its start) when the caller already has it.
 * @example
 * ```ts
 * const text = 'Huyện ủy A sơ kết 6 tháng\nNgày 9-7, Huyện ủy A tổ chức hội nghị.\nThu Hà - VPHU';
 * classifySentences(text, splitSentences(text)).map((l) => l.role); // ['headline', 'body', 'byline']
 * ```
 */
export function classifySentences(text: string, sentences: readonly Sentence[], folded?: readonly string[]): SentenceLayout[] {
  const n = sentences.length;
  const out: SentenceLayout[] = [];
  let seenBody = false; // past the heading block at the top (headline, subtitles, document number)
  for (let i = 0; i < n; i++) {
    const s = sentences[i]!;
    const startLine = lineEdgeBefore(text, s.start);
    const after = lineEdgeAfter(text, s.end);
    const ownLine = startLine && after.edge;
    const finalPunct = FINAL_RE.test(s.text.length > TAIL ? s.text.slice(-TAIL) : s.text);
    const words = countWords(s.text);
    const f = folded?.[i] ?? foldKey(s.text.length > 400 ? s.text.slice(0, 400) : s.text);
    let role: SentenceRole = 'body';
    if (words <= 40 && PHOTO.test(f)) role = 'caption';
    else if (words === 0) role = 'caption';
    else if (i === 0 && n > 1 && ownLine && (!finalPunct || (after.blank && words <= 30 && !/[.]\s*$/.test(s.text)))) role = 'headline';
    else if (ownLine && !finalPunct && (words <= 22 || (!seenBody && longHeading(text, sentences, out, i, after.blank)))) {
      if (i >= n - 2 && looksLikeCredit(s.text, words)) role = 'byline';
      else if (CAPTION_LEAD.test(f)) role = 'caption';
      else role = 'subheading';
    } else if (i === n - 1 && n > 1 && !finalPunct && looksLikeCredit(s.text, words)) role = 'byline';
    else if (words <= 14 && CAPTION_LEAD.test(f)) role = 'caption';
    else if (!finalPunct && !after.edge && words <= INLINE_HEADING && /^\p{Lu}/u.test(s.text) && i < n - 1) role = 'subheading';
    if (role === 'body') seenBody = true;
    out.push({ role, ownLine, finalPunct, words });
  }
  // A sentence right before a standalone photo credit is its caption (`Toàn cảnh Hội nghị.` + `(Ảnh: …)`).
  for (let i = 1; i < n; i++) {
    const cur = out[i]!;
    const prev = out[i - 1]!;
    if (cur.role === 'caption' && cur.words <= 8 && prev.role === 'body' && prev.words <= 25 && !text.slice(sentences[i - 1]!.end, sentences[i]!.start).includes('\n') && PHOTO.test(folded?.[i] ?? foldKey(sentences[i]!.text))) {
      out[i - 1] = { ...prev, role: 'caption' };
    }
  }
  return out;
}
