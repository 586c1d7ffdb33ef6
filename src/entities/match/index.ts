// One token-pattern matcher for the entity rules, modelled on spaCy's SpanRuler (`{ label, pattern, id }`) and
// compromise's match tables (`{ match, tag, reason, notIf }`). A pattern is a list of elements, each matching one
// token (or one phrase of tokens): literal words, named word sets, token classes; an element may be optional or
// repeated. Context elements (`before`, `after`) must hold around the span and exceptions (`notBefore`,
// `notAfter`, `notIf`) must not. Matching is bounded by a limit (the end of the line) and the patterns are indexed
// by the first words they need, so a text is scanned in linear time.
import { VietNlpError } from '../../errors.js';
import { foldKey } from '../../text/tone.js';
import { tokenize } from '../../text/tokens.js';
import type { EntityType, Token } from '../../types.js';

/** Token classes an element may require. */
export type TokenClass =
  | 'any' | 'syllable' | 'cap' | 'lower' | 'upper' | 'number' | 'year' | 'house-number' | 'roman' | 'abbreviation' | 'code' | 'punct';

/** One element of a pattern (all given conditions must hold). */
export interface PatternElement {
  /** A word or phrase, or a list of alternatives (any case, either tone placement; phrases span several tokens). */
  readonly word?: string | readonly string[];
  /** A named word set: one of the shared vocabulary (`surname`, `address`, `determiner` …) or of the pattern data. */
  readonly set?: string;
  /** A token class. */
  readonly is?: TokenClass;
  /** The element must NOT be one of these words. */
  readonly not?: string | readonly string[];
  /** `?` optional, `*` zero or more, `+` one or more (repeats are bounded by `max`, default 6). */
  readonly op?: '?' | '*' | '+';
  readonly max?: number;
  /** In `before`/`after`: the line boundary also satisfies the element. */
  readonly edge?: boolean;
}

/** A pattern: its id becomes the entity's `source`. */
export interface TokenPattern {
  readonly id: string;
  readonly label: EntityType;
  readonly pattern: readonly PatternElement[];
  /** Merge priority (higher wins between equal spans; default 2). */
  readonly priority?: number;
  /** Must hold on the token right before / after the span. */
  readonly before?: PatternElement;
  readonly after?: PatternElement;
  /** Exceptions: the pattern does not apply when these hold before / after the span, or on any token inside. */
  readonly notBefore?: PatternElement;
  readonly notAfter?: PatternElement;
  readonly notIf?: PatternElement;
}

/** The tokens a matcher reads: token objects, folded keys and the capital flags (a Doc or a token view). */
export interface MatchTokens {
  readonly tokens: readonly Token[];
  readonly keys: readonly string[];
  readonly cap: Uint8Array;
}

/** A match: tokens [start, end) and the pattern. */
export interface PatternMatch {
  readonly start: number;
  readonly end: number;
  readonly pattern: TokenPattern;
}

/** Named word sets the elements may refer to (folded keys, phrases joined by one space). */
export type WordSets = Readonly<Record<string, ReadonlySet<string>>>;

interface Elem {
  readonly phrases?: ReadonlyArray<readonly string[]>; // folded phrases (word)
  readonly set?: ReadonlySet<string>;
  readonly setMax: number; // longest phrase of the set, in tokens
  readonly is?: TokenClass;
  readonly not?: ReadonlySet<string>;
  readonly min: number;
  readonly max: number;
  readonly edge: boolean;
}

interface Compiled {
  readonly p: TokenPattern;
  readonly elems: readonly Elem[];
  readonly before?: Elem;
  readonly after?: Elem;
  readonly notBefore?: Elem;
  readonly notAfter?: Elem;
  readonly notIf?: Elem;
  readonly order: number;
}

/** A compiled set of patterns. */
export interface Matcher {
  /** The best match starting at token i (longest, then highest priority, then first declared), within `limit`. */
  matchAt(t: MatchTokens, i: number, limit: number): PatternMatch | undefined;
  /** All non-overlapping best matches in tokens [from, limit), left to right. */
  matchAll(t: MatchTokens, from: number, limit: number): PatternMatch[];
  readonly patterns: readonly TokenPattern[];
}

const CLASSES: readonly TokenClass[] = ['any', 'syllable', 'cap', 'lower', 'upper', 'number', 'year', 'house-number', 'roman', 'abbreviation', 'code', 'punct'];

/** Folded tokens of a phrase (the run-time keys). */
export function phraseKeys(phrase: string): string[] {
  return tokenize(phrase.normalize('NFC')).map((t) => foldKey(t.text));
}

function bad(id: string, what: string, value: unknown, valid?: readonly string[]): never {
  throw new VietNlpError(
    'E_OPTION_VALUE',
    `createTagger: pattern ${JSON.stringify(id)}: ${what} ${JSON.stringify(value)}${valid ? `; valid values are ${valid.map((v) => JSON.stringify(v)).join(', ')}` : ''}`,
    { fn: 'createTagger', pattern: id, value },
  );
}

function list(x: string | readonly string[] | undefined): readonly string[] {
  return x === undefined ? [] : typeof x === 'string' ? [x] : x;
}

function compileElem(id: string, e: PatternElement, sets: WordSets): Elem {
  if (e === null || typeof e !== 'object') bad(id, 'element', e);
  const phrases = e.word !== undefined ? list(e.word).map((w) => (typeof w === 'string' ? phraseKeys(w) : bad(id, 'word', w))) : undefined;
  if (phrases?.some((p) => p.length === 0)) bad(id, 'word', e.word);
  let set: ReadonlySet<string> | undefined;
  if (e.set !== undefined) set = sets[e.set] ?? bad(id, 'word set', e.set, Object.keys(sets).sort());
  if (e.is !== undefined && !CLASSES.includes(e.is)) bad(id, 'token class', e.is, CLASSES);
  if (e.op !== undefined && !['?', '*', '+'].includes(e.op)) bad(id, 'op', e.op, ['?', '*', '+']);
  let setMax = 1;
  if (set) for (const k of set) setMax = Math.max(setMax, k.split(' ').length);
  const max = e.op === '*' || e.op === '+' ? (e.max ?? 6) : 1;
  return {
    ...(phrases ? { phrases } : {}),
    ...(set ? { set } : {}),
    setMax,
    ...(e.is ? { is: e.is } : {}),
    ...(e.not !== undefined ? { not: new Set(list(e.not).map((w) => phraseKeys(w).join(' '))) } : {}),
    min: e.op === '?' || e.op === '*' ? 0 : 1,
    max,
    edge: e.edge === true,
  };
}

function classOk(c: TokenClass, t: Token, cap: number): boolean {
  switch (c) {
    case 'any':
      return true;
    case 'syllable':
      return t.kind === 'syllable';
    case 'cap':
      return (t.kind === 'syllable' || t.kind === 'abbreviation') && cap === 1;
    case 'lower':
      return t.kind === 'syllable' && cap === 0;
    case 'upper':
      return t.text !== t.text.toLowerCase() && t.text === t.text.toUpperCase();
    case 'number':
      return t.kind === 'number';
    case 'year':
      return t.kind === 'number' && /^(?:19|20)\d\d$/.test(t.text);
    case 'house-number':
      // a house number (1–3 digits, `12`, `181`): not a year, not a date such as 12/3
      return t.kind === 'number' && /^\d{1,3}$/.test(t.text);
    case 'roman':
      return t.kind === 'roman';
    case 'abbreviation':
      return t.kind === 'abbreviation';
    case 'code':
      return t.kind === 'code';
    case 'punct':
      return t.kind === 'punctuation';
  }
}

/** Lengths (in tokens) of the ways element `e` matches once at token i (empty when it does not). */
function stepLengths(e: Elem, t: MatchTokens, i: number, limit: number): number[] {
  if (i >= limit) return [];
  const out: number[] = [];
  if (e.phrases) {
    for (const ph of e.phrases) {
      if (i + ph.length > limit) continue;
      let ok = true;
      for (let k = 0; k < ph.length && ok; k++) ok = t.keys[i + k] === ph[k];
      if (ok) out.push(ph.length);
    }
  } else if (e.set) {
    let key = '';
    for (let len = 1; len <= e.setMax && i + len <= limit; len++) {
      key = len === 1 ? t.keys[i]! : `${key} ${t.keys[i + len - 1]}`;
      if (e.set.has(key)) out.push(len);
    }
  } else out.push(1);
  return out.filter((len) => {
    if (e.is && !classOk(e.is, t.tokens[i]!, t.cap[i]!)) return false;
    if (e.set && e.phrases) {
      // both a word list and a set: the word must also be in the set
      if (!e.set.has(t.keys.slice(i, i + len).join(' '))) return false;
    }
    if (e.not && e.not.has(t.keys.slice(i, i + len).join(' '))) return false;
    return true;
  });
}

/** Ends reachable by matching elems[k..] from token i (longest first), bounded by limit. */
function ends(elems: readonly Elem[], k: number, t: MatchTokens, i: number, limit: number, acc: Set<number>): void {
  if (k === elems.length) {
    acc.add(i);
    return;
  }
  const e = elems[k]!;
  // repeat the element 0..max times, each time any of its lengths
  let frontier = [i];
  const seen = new Set<number>();
  for (let rep = 0; rep <= e.max && frontier.length; rep++) {
    const next: number[] = [];
    for (const p of frontier) {
      if (rep >= e.min && !seen.has(p)) {
        seen.add(p);
        ends(elems, k + 1, t, p, limit, acc);
      }
      if (rep < e.max) for (const len of stepLengths(e, t, p, limit)) next.push(p + len);
    }
    frontier = next;
  }
}

function holds(e: Elem | undefined, t: MatchTokens, i: number, lo: number, limit: number): boolean {
  if (!e) return true;
  if (i < lo || i >= limit) return e.edge;
  return stepLengths(e, t, i, limit).length > 0;
}

function accept(c: Compiled, t: MatchTokens, s: number, e: number, lo: number, limit: number): boolean {
  if (e <= s) return false;
  if (c.before && !holds(c.before, t, s - 1, lo, limit)) return false;
  if (c.after && !holds(c.after, t, e, lo, limit)) return false;
  if (c.notBefore && s - 1 >= lo && holds({ ...c.notBefore, edge: false }, t, s - 1, lo, limit)) return false;
  if (c.notAfter && e < limit && holds({ ...c.notAfter, edge: false }, t, e, lo, limit)) return false;
  if (c.notIf) for (let k = s; k < e; k++) if (stepLengths(c.notIf, t, k, e).length) return false;
  return true;
}

/** First keys an element can start with (undefined when it can start with any token). */
function firstKeys(elems: readonly Elem[]): string[] | undefined {
  const out: string[] = [];
  for (const e of elems) {
    if (e.phrases) out.push(...e.phrases.map((p) => p[0]!));
    else if (e.set) for (const k of e.set) out.push(k.split(' ')[0]!);
    else return undefined;
    if (e.min > 0) return out;
  }
  return undefined;
}

/**
 * Compiles patterns into a matcher indexed by the first words they need. Throws `VietNlpError` (`E_OPTION_VALUE`)
 * naming the pattern when an element is malformed or refers to an unknown word set.
 *
 * @example
 * ```ts
 * const m = compilePatterns([{ id: 'user:coop', label: 'ORGANIZATION', pattern: [{ word: 'hợp tác xã' }, { is: 'cap', op: '+' }] }]);
 * ```
 */
export function compilePatterns(patterns: readonly TokenPattern[], sets: WordSets = {}): Matcher {
  if (!Array.isArray(patterns as unknown)) {
    throw new VietNlpError('E_OPTION_TYPE', `createTagger: patterns must be an array of { id, label, pattern }, got ${typeof patterns}`, { fn: 'createTagger', option: 'patterns' });
  }
  const byFirst = new Map<string, Compiled[]>();
  const anyFirst: Compiled[] = [];
  patterns.forEach((p, order) => {
    if (p === null || typeof p !== 'object' || typeof p.id !== 'string' || !p.id) bad(String((p as { id?: unknown } | null)?.id), 'id', (p as { id?: unknown } | null)?.id);
    if (typeof p.label !== 'string') bad(p.id, 'label', p.label);
    if (!Array.isArray(p.pattern) || p.pattern.length === 0) bad(p.id, 'pattern', p.pattern);
    const opt = (e: PatternElement | undefined) => (e ? compileElem(p.id, e, sets) : undefined);
    const c: Compiled = {
      p, order, elems: p.pattern.map((e) => compileElem(p.id, e, sets)),
      ...(p.before ? { before: opt(p.before)! } : {}), ...(p.after ? { after: opt(p.after)! } : {}),
      ...(p.notBefore ? { notBefore: opt(p.notBefore)! } : {}), ...(p.notAfter ? { notAfter: opt(p.notAfter)! } : {}),
      ...(p.notIf ? { notIf: opt(p.notIf)! } : {}),
    };
    const keys = firstKeys(c.elems);
    if (!keys) anyFirst.push(c);
    else for (const k of new Set(keys)) {
      let l = byFirst.get(k);
      if (!l) byFirst.set(k, (l = []));
      l.push(c);
    }
  });
  const matchIn = (t: MatchTokens, i: number, lo: number, limit: number): PatternMatch | undefined => {
    let best: { end: number; c: Compiled } | undefined;
    const tryOne = (c: Compiled): void => {
      const acc = new Set<number>();
      ends(c.elems, 0, t, i, limit, acc);
      for (const e of [...acc].sort((a, b) => b - a)) {
        if (!accept(c, t, i, e, lo, limit)) continue;
        const pr = c.p.priority ?? 2;
        if (!best || e > best.end || (e === best.end && (pr > (best.c.p.priority ?? 2) || (pr === (best.c.p.priority ?? 2) && c.order < best.c.order)))) best = { end: e, c };
        break;
      }
    };
    for (const c of byFirst.get(t.keys[i]!) ?? []) tryOne(c);
    for (const c of anyFirst) tryOne(c);
    return best ? { start: i, end: best.end, pattern: best.c.p } : undefined;
  };
  return {
    patterns,
    matchAt: (t, i, limit) => (i < limit ? matchIn(t, i, 0, limit) : undefined),
    matchAll(t, from, limit) {
      const out: PatternMatch[] = [];
      for (let i = from; i < limit; ) {
        const m = matchIn(t, i, from, limit);
        if (m) {
          out.push(m);
          i = m.end;
        } else i++;
      }
      return out;
    },
  };
}
