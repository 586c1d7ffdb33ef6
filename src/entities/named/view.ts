import { createDoc, labelLines, type Doc, type LineLabel } from '../../doc/index.js';
import type { Token } from '../../types.js';
import type { FullDocContext } from '../context.js';

/** Token-level view of a document used by the named-entity rules. Built once per call, linear time. */
export interface TokenView {
  readonly text: string;
  readonly toks: readonly Token[];
  /** foldKey of each token (NFC, lower case, old tone placement), shared with the other layers. */
  readonly keys: readonly string[];
  /** 1 when the token starts with an upper-case letter. */
  readonly cap: Uint8Array;
  /** 1 when a line break lies between token i-1 and token i. */
  readonly brk: Uint8Array;
  /** Index of the first token after the current line (exclusive limit for phrase matches starting at i). */
  readonly lineEnd: Int32Array;
  readonly n: number;
  /** First token of each line (`lineFirst[lineCount] === n`) and the layout component's label of each line. */
  readonly lineFirst: Int32Array;
  readonly lineLabels: readonly LineLabel[];
}

/** The rule layer's view of a document (reuses the context's folded keys and flags; adds line ends). */
export function buildView(ctx: FullDocContext): TokenView {
  const n = ctx.tokens.length;
  const lineEnd = new Int32Array(n);
  let end = n;
  for (let i = n - 1; i >= 0; i--) {
    lineEnd[i] = end;
    if (ctx.brk[i]) end = i;
  }
  // the line labels of the layout component (computed here when it has not run on this document)
  const doc: Doc = 'lineFirst' in ctx && 'layers' in ctx ? (ctx as Doc) : createDoc(ctx.text, { tokens: ctx.tokens });
  const lineLabels = doc.layers.lineLabels ?? labelLines(doc);
  return { text: ctx.text, toks: ctx.tokens, keys: ctx.keys, cap: ctx.cap, brk: ctx.brk, lineEnd, n, lineFirst: doc.lineFirst, lineLabels };
}
