import { tokenize } from '../text/tokens.js';
import { createFoldCache } from '../text/tone.js';
import type { Token } from '../types.js';

/**
 * What the entity layers share about one document: the text, its tokens, and per-token facts computed ONCE per
 * call and reused by every layer (folded keys, capitalisation, line breaks). Layers accept a bare
 * `{ text, tokens }` as well and complete it with {@link withDocFacts}.
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

function isUpperStart(s: string): boolean {
  const c = s.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c < 0xc0) return false;
  if (c >= 0xd800 && c <= 0xdbff) return /^\p{Lu}/u.test(s);
  const ch = s.charAt(0);
  return ch !== ch.toLowerCase() && /^\p{Lu}/u.test(ch);
}

/**
 * Builds the shared per-document facts in one linear pass (each distinct token text is folded once).
 *
 * @example
 * ```ts
 * const ctx = createDocContext('Huyện uỷ Quảng Trạch');
 * ctx.keys; // ['huyện', 'ủy', 'quảng', 'trạch']
 * ```
 */
export function createDocContext(text: string, tokens: readonly Token[] = tokenize(text)): FullDocContext {
  const n = tokens.length;
  const keys = new Array<string>(n);
  const cap = new Uint8Array(n);
  const brk = new Uint8Array(n);
  const fold = createFoldCache();
  let prevEnd = 0;
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    const s = t.text;
    keys[i] = fold(s);
    cap[i] = isUpperStart(s) ? 1 : 0;
    if (i === 0) brk[i] = 1;
    else {
      for (let p = prevEnd; p < t.start; p++) {
        const c = text.charCodeAt(p);
        if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) {
          brk[i] = 1;
          break;
        }
      }
    }
    prevEnd = t.end;
  }
  return { text, tokens, keys, cap, brk };
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
