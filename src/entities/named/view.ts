import type { Token } from '../../types.js';
import { createFoldCache } from '../../text/tone.js';

/** Token-level view of a document used by the named-entity rules. Built once per call, linear time. */
export interface TokenView {
  readonly text: string;
  readonly toks: readonly Token[];
  /** foldKey of each token (NFC, lower case, old tone placement). */
  readonly keys: readonly string[];
  /** Token starts with an upper-case letter. */
  readonly cap: readonly boolean[];
  /** A line break lies between token i-1 and token i. */
  readonly brk: readonly boolean[];
  /** Index of the first token after the current line (exclusive limit for phrase matches starting at i). */
  readonly lineEnd: readonly number[];
  readonly n: number;
}

const UPPER = /^\p{Lu}/u;

export function buildView(text: string, toks: readonly Token[]): TokenView {
  const fold = createFoldCache();
  const n = toks.length;
  const keys = new Array<string>(n);
  const cap = new Array<boolean>(n);
  const brk = new Array<boolean>(n);
  for (let i = 0; i < n; i++) {
    const t = toks[i]!;
    keys[i] = fold(t.text);
    cap[i] = UPPER.test(t.text);
    if (i === 0) brk[i] = true;
    else {
      const gapStart = toks[i - 1]!.end;
      let b = false;
      for (let p = gapStart; p < t.start; p++) {
        const c = text.charCodeAt(p);
        if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) {
          b = true;
          break;
        }
      }
      brk[i] = b;
    }
  }
  const lineEnd = new Array<number>(n);
  let end = n;
  for (let i = n - 1; i >= 0; i--) {
    lineEnd[i] = end;
    if (brk[i]) end = i;
  }
  return { text, toks, keys, cap, brk, lineEnd, n };
}
