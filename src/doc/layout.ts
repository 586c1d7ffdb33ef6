// The layout component: one label per line (headline, subtitle, byline, caption, credit, list item, body), computed
// once from the token arrays and read by later layers. The credit labels and the byline shape live here only.

import type { Component } from './pipeline.js';
import { KIND, type Doc, type LineLabel } from './index.js';

/** Labels that open a photo or source credit (`Ảnh: …`, `Nguồn: …`, `Ảnh minh họa: …`); folded keys. */
export const CREDIT_LABELS: ReadonlySet<string> = new Set([
  'ảnh', 'nguồn', 'video', 'clip', 'đồ họa', 'đồ hoạ', 'theo', 'tin', 'infographic', 'ảnh minh họa', 'ảnh minh hoạ',
]);
/** Labels of a byline before the writer's name (`Bài: …`, `Tin, ảnh: …`, `Bài và ảnh: …`); folded keys. */
export const BYLINE_LABELS: ReadonlySet<string> = new Set(['bài', 'tin', 'ảnh', 'video', 'clip', 'theo']);

const TERMINAL = new Set(['.', '!', '?', '…', ':', ';']);
const CLOSERS = new Set(['"', '”', '’', "'", '»', ')', ']']);
const BULLETS = new Set(['-', '–', '—', '+', '•', '·', '*']);
const CAPTION_LEADS = new Set(['quang cảnh', 'toàn cảnh', 'các đại biểu', 'đại biểu']);

/** Facts of one line `[a, b)` of tokens. */
interface LineFacts {
  readonly a: number;
  readonly b: number;
  /** Letter and number tokens. */
  readonly words: number;
  /** Ends with . ! ? … : ; (before closing quotes or brackets). */
  readonly finalPunct: boolean;
  /** Every syllable capitalised. */
  readonly titled: boolean;
}

function lineFacts(doc: Doc, a: number, b: number): LineFacts {
  let words = 0;
  let syl = 0;
  let capSyl = 0;
  for (let i = a; i < b; i++) {
    const k = doc.kind[i]!;
    if (k === KIND.punctuation || k === KIND.symbol || k === KIND.emoji) continue;
    words++;
    if (k === KIND.syllable) {
      syl++;
      if (doc.cap[i]) capSyl++;
    }
  }
  let e = b - 1;
  while (e > a && CLOSERS.has(doc.keys[e]!)) e--;
  const last = doc.keys[e] ?? '';
  const finalPunct = TERMINAL.has(last) || /^(?:\.{2,}|[!?]+)$/.test(last);
  return { a, b, words, finalPunct, titled: syl > 0 && capSyl === syl };
}

/** Does a credit label (`Ảnh:`, `(Ảnh:`, `Ảnh minh họa:`) open the tokens at i? */
function creditAt(doc: Doc, i: number, b: number): boolean {
  if (i < b && doc.keys[i] === '(') i++;
  for (let len = 3; len >= 1; len--) {
    if (i + len >= b) continue;
    const label = doc.keys.slice(i, i + len).join(' ');
    if (CREDIT_LABELS.has(label) && doc.keys[i + len] === ':') return true;
  }
  return false;
}

/**
 * A byline shape: a short unpunctuated line that names a writer or a source (`HOÀI NAM`, `Thu Hà - VPHU`,
 * `Theo TTXVN`, `Bài, ảnh: Hoàng Bích`, `TTXVN/Tin Tức`).
 */
function bylineShape(doc: Doc, f: LineFacts): boolean {
  if (f.finalPunct || f.words === 0) return false;
  // A capitalised name, then a dash, comma or bracket and the newsroom (which may be a long body's name:
  // `Minh Thu - Trung tâm Văn hóa, Thể thao và Truyền thông huyện …`).
  let i = f.a;
  while (i < f.b && doc.kind[i] === KIND.syllable && doc.cap[i]) i++;
  const nameThenNewsroom = i - f.a >= 2 && i - f.a <= 4 && i + 1 < f.b && /^[-–—,(]$/.test(doc.keys[i]!);
  if (nameThenNewsroom && f.words <= 24) return true;
  if (f.words > 8) return false;
  const first = doc.keys[f.a]!;
  if (BYLINE_LABELS.has(first) && f.words <= 6) return true;
  if (f.titled) return true;
  for (let k = f.a; k < f.b; k++) if (doc.keys[k] === '/' && doc.cap[k + 1]) return true;
  return i - f.a >= 2 && i - f.a <= 4 && i < f.b && /^[-–—,(]$/.test(doc.keys[i]!);
}

/** A list item: a bullet or a list number (`1.`, `a)`, `II.`) opens the line. */
function listItem(doc: Doc, a: number, b: number): boolean {
  const k = doc.keys[a]!;
  if (BULLETS.has(k) && a + 1 < b && doc.start[a + 1]! > doc.end[a]!) return true;
  const kind = doc.kind[a]!;
  const numberish = kind === KIND.number || kind === KIND.roman || (kind === KIND.syllable && k.length === 1);
  return numberish && a + 2 < b && (doc.keys[a + 1] === '.' || doc.keys[a + 1] === ')') && doc.end[a] === doc.start[a + 1];
}

function labelOf(doc: Doc, f: LineFacts, line: number, labels: readonly LineLabel[]): LineLabel {
  const last = doc.lineCount - 1;
  if (creditAt(doc, f.a, f.b)) return 'credit';
  if (line === 0 && doc.lineCount > 1 && !f.finalPunct && f.words <= 30) return 'headline';
  if (line <= 2 && labels[line - 1] === 'headline' && bylineShape(doc, f)) return 'byline';
  if (line >= last - 1 && line > 0 && bylineShape(doc, f)) return 'byline';
  if (line === 1 && labels[0] === 'headline' && !f.finalPunct && f.words <= 40) return 'subtitle';
  if (listItem(doc, f.a, f.b)) return 'list';
  const lead2 = `${doc.keys[f.a] ?? ''} ${doc.keys[f.a + 1] ?? ''}`;
  if (f.words <= 40 && (CAPTION_LEADS.has(lead2) || hasCredit(doc, f))) return 'caption';
  return 'body';
}

/** A photo credit inside the line (`… hội nghị. Ảnh: …`, `(Ảnh: …)`). */
function hasCredit(doc: Doc, f: LineFacts): boolean {
  for (let i = f.a + 1; i < f.b; i++) if (creditAt(doc, i, f.b)) return true;
  return false;
}

/**
 * Labels every line of the document once (see {@link LineLabel}).
 *
 * @example
 * ```ts
 * labelLines(createDoc('Huyện ủy A sơ kết 6 tháng\nNgày 9-7, Huyện ủy A họp.\nTHU HÀ')); // ['headline', 'body', 'byline']
 * ```
 */
export function labelLines(doc: Doc): LineLabel[] {
  const labels: LineLabel[] = [];
  for (let l = 0; l < doc.lineCount; l++) {
    labels.push(labelOf(doc, lineFacts(doc, doc.lineFirst[l]!, doc.lineFirst[l + 1]!), l, labels));
  }
  return labels;
}

/** The layout component: `doc.layers.lineLabels`. */
export const layoutComponent: Component = {
  name: 'layout',
  needs: [],
  run(doc: Doc): void {
    doc.layers.lineLabels = labelLines(doc);
  },
};
