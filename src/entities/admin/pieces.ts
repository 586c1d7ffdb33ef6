import type { Token } from '../../types.js';
import { foldKey } from '../../text/tone.js';

/** A token for the admin tagger; dotted admin abbreviations glued to a name (`H.Bình`) are split in two. */
export interface Piece {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** foldKey of the text, straight apostrophes. */
  readonly key: string;
  readonly kind: 'word' | 'num' | 'punct' | 'other';
  /** starts with an upper-case letter */
  readonly cap: boolean;
  /** a sentence starts here (start of text, after . ! ? … : or a line break) */
  readonly sentenceStart: boolean;
}

const GLUED = /^(TP|Tp|tp|TX|Tx|H|Q|P|X|TT)\.(\p{Lu}[\p{L}\p{M}'’]*)$/u;

function keyOf(s: string): string {
  return foldKey(s).replace(/[’‘`]/g, "'");
}

/** Builds the piece list from the token layer (linear). */
export function toPieces(text: string, tokens: readonly Token[]): Piece[] {
  const out: Piece[] = [];
  let prevEnd = 0;
  let brk = true;
  for (const t of tokens) {
    if (text.slice(prevEnd, t.start).includes('\n')) brk = true;
    prevEnd = t.end;
    const push = (s: string, start: number, kind: Piece['kind']) => {
      out.push({ start, end: start + s.length, text: s, key: keyOf(s), kind, cap: /^\p{Lu}/u.test(s), sentenceStart: brk });
      brk = false;
    };
    if (t.kind === 'abbreviation') {
      const m = GLUED.exec(t.text);
      // TP.HCM stays whole (an all-capitals tail is an abbreviation, not a name).
      if (m && !/^\p{Lu}+$/u.test(m[2]!)) {
        const head = m[1]! + '.';
        push(head, t.start, 'word');
        push(m[2]!, t.start + head.length, 'word');
        continue;
      }
    }
    if (t.kind === 'syllable' || t.kind === 'abbreviation' || t.kind === 'roman') push(t.text, t.start, 'word');
    else if (t.kind === 'number') push(t.text, t.start, 'num');
    else if (t.kind === 'punctuation') {
      push(t.text, t.start, 'punct');
      if (/^[.!?…:]+$/.test(t.text)) brk = true;
    } else push(t.text, t.start, 'other');
  }
  return out;
}
