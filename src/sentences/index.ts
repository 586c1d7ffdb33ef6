import { assertText } from '../errors.js';
import { tokenize } from '../text/tokens.js';
import type { Sentence, Token } from '../types.js';
import type { Doc, DocSpan } from '../doc/index.js';
import type { Component } from '../doc/pipeline.js';
import { CREDIT_LABELS } from '../doc/layout.js';

// Sentence splitting on top of the token layer. One left-to-right pass over the tokens:
// - a line break always ends a sentence (headlines, captions and bylines without final punctuation end at their line);
// - inside a line, a sentence ends after . ! ? … (plus closing quotes/brackets glued to it) when the next token starts a
//   sentence: an upper-case letter, a digit, an opening quote/bracket before one, or a list dash;
// - abbreviations (TP., TS., PGS., initials, v.v. mid-sentence), decimals and thousands (2.926, 45,8%) are single tokens
//   from the tokenizer, so their dots are never candidates;
// - line-initial numbering (`1.`, `II.`, `a)`) is not a sentence;
// - a photo credit after a caption (`… hội nghị. Ảnh: Trí Dũng/TTXVN`, `… hội nghị. (Ảnh: Thanh Vũ/TTXVN)`) stays with
//   the caption, and the text after the credit starts a new sentence;
// - a short heading run into the next paragraph with a wide gap (`Thu hút các nguồn lực đầu tư  Về kế hoạch …`) ends
//   at the gap.
// Spans are trimmed of white space (NBSP included) and zero-width characters.

const LINE_BREAK = /[\n\r\u2028\u2029\v\f\u0085]/;
const TERMINAL = /^(?:[.!?…]|\.{2,}|[!?]+)$/;
const CLOSING = /^[”’»)\]}›"'』」]$/;
const OPENING = /^[“‘«(\[{‹"'『「]$/;
const DASHES = /^[-–—+•·*]$/;
const UPPER_START = /^\p{Lu}/u;
const CAPITALISED = /^\p{Lu}[\p{Ll}\p{M}]/u;
const DIGIT_START = /^\d/;
const CREDIT_WORDS = CREDIT_LABELS; // one list, shared with the layout component
const AGENCY_TAIL = /\/\p{Lu}{2,}[\p{Lu}\d]*$/u;
const WIDE_GAP = /[^\S\n\r]{2,}|\t/;
const HEADING_MAX_TOKENS = 20;
const TRIM_CHARS = /[\s\u200b-\u200d\u2060\ufeff\u00ad]/;

function gapHasBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (LINE_BREAK.test(text[i]!)) return true;
  return false;
}

function isTerminal(t: Token): boolean {
  if (t.kind === 'punctuation') return TERMINAL.test(t.text);
  // `v.v.` / `v.v…` at the end of a sentence: a candidate (the next token decides).
  return t.kind === 'abbreviation' && /^v\.v\.$/i.test(t.text);
}

// Heading words before a number: `Điều 1.`, `Mục II.`, `Chương III.`, `Phần 2.`
const HEADING_WORDS = new Set(['điều', 'khoản', 'mục', 'chương', 'phần', 'bước', 'phụ lục']);

/** Does the sentence so far consist only of a list number (`1`, `1.2`, `II`, `a`, `b`, `Điều 1`, `Mục II`)? */
function isListNumber(tokens: readonly Token[], from: number, to: number): boolean {
  if (to > from && HEADING_WORDS.has(tokens[from]!.text.toLowerCase())) from++;
  if (to - from > 2) return false;
  for (let i = from; i <= to; i++) {
    const t = tokens[i]!;
    if (t.kind === 'number' || t.kind === 'roman') continue;
    if (/^\p{L}$/u.test(t.text)) continue;
    return false;
  }
  return true;
}

/** Does a photo credit (`Ảnh: …`, `(Ảnh: …)`) start at token k? Returns the index of the token after the credit words. */
function creditWordEnd(tokens: readonly Token[], k: number): number {
  const a = tokens[k];
  if (!a) return -1;
  const low = a.text.toLowerCase();
  if (CREDIT_WORDS.has(low)) {
    const b = tokens[k + 1];
    if (b && b.text === ':') return k + 2;
    // Ảnh minh họa: …
    const two = `${low} ${tokens[k + 1]?.text.toLowerCase() ?? ''} ${tokens[k + 2]?.text.toLowerCase() ?? ''}`;
    if (CREDIT_WORDS.has(two) && tokens[k + 3]?.text === ':') return k + 4;
  }
  return -1;
}

/**
 * Splits text into sentences with exact offsets. Headlines, captions and bylines on their own line are sentences;
 * abbreviations (`TP.`, `TS.`, initials), numbers (`2.926`, `45,8%`), `v.v.` and ellipses before a lower-case word do
 * not end a sentence. Spans are trimmed of white space and never overlap; linear time.
 *
 * @example
 * ```ts
 * splitSentences('Hội nghị tại TP. Hồ Chí Minh đạt 45,8% KH. Năm 2025 tăng 2.926 tỷ đồng.').map((s) => s.text);
 * // ['Hội nghị tại TP. Hồ Chí Minh đạt 45,8% KH.', 'Năm 2025 tăng 2.926 tỷ đồng.']
 * ```
 */
export function splitSentences(text: string): Sentence[] {
  assertText(text, 'splitSentences');
  return sentenceSpans(text, tokenize(text)).map(plainSentence);
}

/** The public shape of a sentence span (no token range). */
export function plainSentence(s: DocSpan): Sentence {
  return { text: s.text, start: s.start, end: s.end };
}

/** The sentences component: `doc.layers.sentences` as token ranges with trimmed character offsets. */
export const sentencesComponent: Component = {
  name: 'sentences',
  needs: [],
  run(doc: Doc): void {
    doc.layers.sentences = sentenceSpans(doc.text, doc.tokens);
  },
};

/**
 * Sentences of already tokenised text as token ranges `[from, to)` with trimmed character offsets.
 *
 * @example
 * ```ts
 * const text = 'Họp ngày 09-7. Huyện ủy chỉ đạo.';
 * sentenceSpans(text, tokenize(text)).map((s) => [s.from, s.to]); // [[0, 4], [4, 8]]
 * ```
 */
export function sentenceSpans(text: string, tokens: readonly Token[]): DocSpan[] {
  const out: DocSpan[] = [];
  const n = tokens.length;
  let first = 0; // index of the first token of the current sentence
  let quoteOpen = false; // straight-quote parity within the current line
  let creditEnd = -1; // inside a credit: the token index where its words begin

  const emit = (lastIdx: number): void => {
    if (lastIdx < first) return;
    pushTrimmed(text, tokens, first, lastIdx + 1, out);
    first = lastIdx + 1;
  };

  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    if (t.text === '"') quoteOpen = !quoteOpen;
    if (!next) {
      emit(i);
      break;
    }
    if (gapHasBreak(text, t.end, next.start)) {
      emit(i);
      quoteOpen = false;
      creditEnd = -1;
      continue;
    }
    // Credit run-in: `Ảnh: Trí Dũng/TTXVN Dự Hội nghị …` ends after the agency acronym.
    if (creditEnd >= 0 && i >= creditEnd) {
      if (i - creditEnd > 10) creditEnd = -1;
      else if (
        next.start > t.end &&
        CAPITALISED.test(next.text) &&
        ((t.kind === 'abbreviation' && tokens[i - 1]?.text === '/' && tokens[i - 1]!.end === t.start) || AGENCY_TAIL.test(t.text))
      ) {
        emit(i);
        creditEnd = -1;
        continue;
      }
    }
    // Wide gap after a short heading: `Tập trung giải quyết các vấn đề dân sinh  Phát biểu …`.
    if (
      next.start - t.end >= 2 &&
      WIDE_GAP.test(text.slice(t.end, next.start)) &&
      t.kind !== 'punctuation' &&
      UPPER_START.test(next.text) &&
      i - first < HEADING_MAX_TOKENS &&
      i - first >= 2 &&
      UPPER_START.test(tokens[first]!.text) &&
      // A sentence start (`Về kế hoạch`, `Phát biểu`), not a name after a stray double space (`Huyện ủy  Quảng Trạch`).
      /^\p{Ll}/u.test(tokens[i + 2]?.text ?? '')
    ) {
      emit(i);
      continue;
    }
    if (!isTerminal(t)) continue;
    // Line-initial numbering: `1.`, `II.`, `a.` before the item text.
    if (t.text === '.' && i > first && isListNumber(tokens, first, i - 1) && tokens[i - 1]!.end === t.start && startsLine(text, tokens, first)) continue;
    // Absorb glued closing marks and further terminal marks: `."`, `?!`, `.)`, `…”`; a straight quote closes an open one.
    let j = i;
    while (j + 1 < n) {
      const c = tokens[j + 1]!;
      const glued = c.start === tokens[j]!.end;
      if (gapHasBreak(text, tokens[j]!.end, c.start)) break;
      if (c.text === '"' ? quoteOpen && (glued || closesAtLineEndOrUpper(text, tokens, j + 1)) : glued && (CLOSING.test(c.text) || TERMINAL.test(c.text))) {
        if (c.text === '"') quoteOpen = false;
        j++;
      } else break;
    }
    const k = j + 1;
    const after = tokens[k];
    if (!after) continue; // the last token closes the sentence at the loop's end
    if (gapHasBreak(text, tokens[j]!.end, after.start)) {
      emit(j);
      quoteOpen = false;
      creditEnd = -1;
      i = j;
      continue;
    }
    const spaced = after.start > tokens[j]!.end;
    // Caption credit: `… hội nghị. Ảnh: …` stays with the caption.
    const ce = creditWordEnd(tokens, k);
    if (ce >= 0) {
      creditEnd = ce;
      i = j;
      continue;
    }
    // Parenthesised credit: `… hội nghị. (Ảnh: Thanh Vũ/TTXVN) Sau …` — the sentence ends after `)`.
    if (after.text === '(' && creditWordEnd(tokens, k + 1) >= 0) {
      let m = k + 1;
      while (m < n && m < k + 25 && tokens[m]!.text !== ')' && !gapHasBreak(text, tokens[m - 1]!.end, tokens[m]!.start)) m++;
      if (m < n && tokens[m]!.text === ')') {
        const nn = tokens[m + 1];
        if (!nn || gapHasBreak(text, tokens[m]!.end, nn.start) || startsSentence(tokens, m + 1)) {
          emit(m);
          i = m;
          continue;
        }
      }
    }
    let split: boolean;
    if (spaced) split = startsSentence(tokens, k);
    else {
      // No space after the mark (`năm 2020.Ngày`): split only before a capitalised word after a real word or number.
      const prev = tokens[i - 1];
      split =
        t.text !== '…' &&
        !/^\.{2,}$/.test(t.text) &&
        CAPITALISED.test(after.text) &&
        after.kind === 'syllable' &&
        prev !== undefined &&
        (prev.kind === 'number' || (prev.kind === 'syllable' && prev.text.length >= 2));
    }
    if (split) {
      emit(j);
      quoteOpen = false;
    }
    i = j;
  }
  return out;
}

/** Is token `idx` the first of its line (no token before it, or a line break in the gap before it)? */
function startsLine(text: string, tokens: readonly Token[], idx: number): boolean {
  const prev = tokens[idx - 1];
  return !prev || gapHasBreak(text, prev.end, tokens[idx]!.start);
}

/** Does a straight quote at `q` (after a gap) close the quote (end of line or a new sentence follows)? */
function closesAtLineEndOrUpper(text: string, tokens: readonly Token[], q: number): boolean {
  const nn = tokens[q + 1];
  if (!nn || gapHasBreak(text, tokens[q]!.end, nn.start)) return true;
  return startsSentence(tokens, q + 1) || DASHES.test(nn.text);
}

/** Does the token at k start a new sentence (after terminal punctuation and white space)? */
function startsSentence(tokens: readonly Token[], k: number): boolean {
  const a = tokens[k];
  if (!a) return true;
  if (UPPER_START.test(a.text) || DIGIT_START.test(a.text)) return true;
  if (OPENING.test(a.text)) {
    const b = tokens[k + 1];
    return !b || UPPER_START.test(b.text) || DIGIT_START.test(b.text) || OPENING.test(b.text);
  }
  if (DASHES.test(a.text)) {
    const b = tokens[k + 1];
    return b !== undefined && b.start > a.end && (UPPER_START.test(b.text) || DIGIT_START.test(b.text));
  }
  return false;
}

function pushTrimmed(text: string, tokens: readonly Token[], from: number, to: number, out: DocSpan[]): void {
  let a = tokens[from]!.start;
  let b = tokens[to - 1]!.end;
  while (a < b && TRIM_CHARS.test(text[a]!)) a++;
  while (b > a && TRIM_CHARS.test(text[b - 1]!)) b--;
  // Never split a surrogate pair at the edges (tokens never do; trimming only removes BMP characters).
  if (b > a) out.push({ text: text.slice(a, b), start: a, end: b, from, to });
}
