import { createDoc } from '../doc/index.js';
import { tokenize } from '../text/tokens.js';
import type { Token } from '../types.js';

/**
 * What the entity layers share about one document: the text, its tokens, and per-token facts computed ONCE per
 * call and reused by every layer (folded keys, capitalisation, line breaks). The document model (`createDoc`,
 * src/doc) is a full context; layers accept a bare `{ text, tokens }` as well and complete it with
 * {@link withDocFacts}.
 */
export interface DocContext {
  readonly text: string;
  readonly tokens: readonly Token[];
  /** foldKey of each token text (NFC, lower case, old tone placement). */
  readonly keys?: readonly string[];
  /** 1 when the token starts with an upper-case letter. */
  readonly cap?: Uint8Array;
  /** 1 when a line break (LF, CR, U+2028/2029) lies between token i-1 and token i; 1 for token 0. */
  readonly brk?: Uint8Array;
}

/** A {@link DocContext} with all per-token facts present. */
export interface FullDocContext extends DocContext {
  readonly keys: readonly string[];
  readonly cap: Uint8Array;
  readonly brk: Uint8Array;
}

/**
 * Builds the shared per-document facts: the document model of `text` (`createDoc`), which is a full context.
 *
 * @example
 * ```ts
 * const ctx = createDocContext('Huyện uỷ Quảng Trạch');
 * ctx.keys; // ['huyện', 'ủy', 'quảng', 'trạch']
 * ```
 */
export function createDocContext(text: string, tokens: readonly Token[] = tokenize(text)): FullDocContext {
  return createDoc(text, { tokens });
}

/**
 * The context with its per-token facts, computing them when the caller passed only `{ text, tokens }`.
 *
 * @example
 * ```ts
 * const text = 'xã Tân Gianh';
 * withDocFacts({ text, tokens: tokenize(text) }).keys; // ['xã', 'tân', 'gianh']
 * ```
 */
export function withDocFacts(ctx: DocContext): FullDocContext {
  if (ctx.keys && ctx.cap && ctx.brk && ctx.keys.length === ctx.tokens.length) return ctx as FullDocContext;
  return createDocContext(ctx.text, ctx.tokens);
}
