import type { Token } from '../../types.js';
import { foldKey } from '../../text/tone.js';
import { createDocContext, type FullDocContext } from '../context.js';

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

/** Curly apostrophes and backticks as a straight apostrophe. */
const straight = (k: string): string => k.replace(/[’‘`]/g, "'");

function keyOf(s: string): string {
  return straight(foldKey(s));
}

const APOS = /[’‘`]/;
const SENTENCE_PUNCT = /^[.!?…:]+$/;

/**
 * Builds the piece list from the token layer (linear). The per-token folded keys, capitals and line breaks of the
 * shared document context are reused when given (`facts`), so no token is folded twice.
 */
export function toPieces(text: string, tokens: readonly Token[], facts?: FullDocContext): Piece[] {
  const f = facts && facts.tokens === tokens ? facts : createDocContext(text, tokens);
  const out: Piece[] = [];
  let brk = true;
  const push = (s: string, start: number, kind: Piece['kind']) => {
    out.push({ start, end: start + s.length, text: s, key: keyOf(s), kind, cap: /^\p{Lu}/u.test(s), sentenceStart: brk });
    brk = false;
  };
  for (let ti = 0; ti < tokens.length; ti++) {
    const t = tokens[ti]!;
    if (f.brk[ti] && ti > 0) brk = true;
    if (t.kind === 'syllable' || t.kind === 'number' || (t.kind === 'punctuation' && !SENTENCE_PUNCT.test(t.text))) {
      // the common case: one piece per token, with the shared key
      const k = f.keys[ti]!;
      out.push({ start: t.start, end: t.end, text: t.text, key: APOS.test(k) ? straight(k) : k, kind: t.kind === 'syllable' ? 'word' : t.kind === 'number' ? 'num' : 'punct', cap: f.cap[ti] === 1, sentenceStart: brk });
      brk = false;
      continue;
    }
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
    if (t.kind === 'abbreviation' || t.kind === 'roman') push(t.text, t.start, 'word');
    else if (t.kind === 'punctuation') {
      push(t.text, t.start, 'punct');
      if (SENTENCE_PUNCT.test(t.text)) brk = true;
    } else push(t.text, t.start, 'other');
  }
  return out;
}
