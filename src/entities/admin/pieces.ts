import type { DocScratch } from '../../doc/index.js';
import type { Token } from '../../types.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
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
  // the piece objects of the previous document of a long text, when the caller reuses them (Doc.scratch)
  const scratch = (f as { scratch?: DocScratch }).scratch;
  const pool = scratch?.adminPieces as Array<Mutable<Piece>> | undefined;
  // sized once, or reused (an array grown by push leaves its outgrown copies behind: large objects on a long text)
  const out = (scratch?.adminList as Piece[] | undefined) ?? new Array<Piece>(tokens.length);
  out.length = tokens.length;
  let count = 0;
  let brk = true;
  const add = (start: number, end: number, s: string, key: string, kind: Piece['kind'], cap: boolean): void => {
    const o = pool?.[count];
    if (o) {
      o.start = start; o.end = end; o.text = s; o.key = key; o.kind = kind; o.cap = cap; o.sentenceStart = brk;
      out[count++] = o;
    } else {
      const p: Piece = { start, end, text: s, key, kind, cap, sentenceStart: brk };
      pool?.push(p);
      out[count++] = p;
    }
    brk = false;
  };
  const push = (s: string, start: number, kind: Piece['kind']) => add(start, start + s.length, s, keyOf(s), kind, /^\p{Lu}/u.test(s));
  for (let ti = 0; ti < tokens.length; ti++) {
    const t = tokens[ti]!;
    if (f.brk[ti] && ti > 0) brk = true;
    if (t.kind === 'syllable' || t.kind === 'number' || (t.kind === 'punctuation' && !SENTENCE_PUNCT.test(t.text))) {
      // the common case: one piece per token, with the shared key
      const k = f.keys[ti]!;
      add(t.start, t.end, t.text, APOS.test(k) ? straight(k) : k, t.kind === 'syllable' ? 'word' : t.kind === 'number' ? 'num' : 'punct', f.cap[ti] === 1);
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
  out.length = count;
  return out;
}
