// The explicit state of one run of the named-entity rules, and the small token predicates every parser uses.
//
// The scan reads the whole document first (bylines), then runs line by line over line-local arrays (`perLine`),
// so no parser can read across a line break: no span ever covers one. Every parser takes this state first.
import type { Entity, EntityType, Token } from '../../types.js';
import type { MatchTokens } from '../match/index.js';
import type { Lexicon } from './lexicon.js';
import type { TokenView } from './view.js';
import { CENTRE, GENERIC_BEFORE, LIST_JOINERS } from './words.js';

/** A candidate span (UTF-16 offsets) before merging. `prio` breaks ties between equal spans in merge. */
export interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly type: EntityType;
  readonly source: string;
  readonly prio: number;
  /** The finished entity, when the rule resolved more than a span (a unit link). */
  readonly entity?: Entity;
}

/** What the named rules read and write during one document. */
export interface NamedState {
  readonly v: TokenView;
  readonly lex: Lexicon;
  /** The tokens being scanned: the whole document, then one line at a time. */
  toks: readonly Token[];
  keys: readonly string[];
  cap: Uint8Array;
  brk: Uint8Array;
  n: number;
  /** Index of the current line's first token in the document. */
  base: number;
  perLine: boolean;
  /** The current line's tokens as the pattern matcher reads them (set with the line). */
  line: MatchTokens;
  readonly out: Candidate[];
  /** Names seen so far in the document (the memory of names), and their last syllables. */
  readonly knownNames: Set<string>;
  readonly knownGiven: Set<string>;
  /** Document tokens already taken by a byline or credit. */
  readonly consumed: Uint8Array;
}

/** A fresh state over the whole document. */
export function createNamedState(v: TokenView, lex: Lexicon): NamedState {
  return {
    v, lex, toks: v.toks, keys: v.keys, cap: v.cap, brk: v.brk, n: v.n, base: 0, perLine: false, out: [],
    line: { tokens: v.toks, keys: v.keys, cap: v.cap },
    knownNames: new Set(), knownGiven: new Set(), consumed: new Uint8Array(v.n),
  };
}

/** Restricts the state to the line [a, b) of the document. */
export function enterLine(st: NamedState, a: number, b: number): void {
  const v = st.v;
  st.perLine = true;
  st.base = a;
  st.toks = v.toks.slice(a, b);
  st.keys = v.keys.slice(a, b);
  st.cap = v.cap.subarray(a, b);
  st.brk = v.brk.subarray(a, b);
  st.n = b - a;
  st.line = { tokens: st.toks, keys: st.keys, cap: st.cap };
}

export function isSyl(st: NamedState, i: number): boolean {
  return i >= 0 && i < st.n && st.toks[i]!.kind === 'syllable';
}
/** A syllable written in capitals only (more than one letter, or a one-letter word on an all-capitals line). */
export function allCaps(st: NamedState, i: number): boolean {
  if (!isSyl(st, i) || !st.cap[i]) return false;
  const t = st.toks[i]!.text;
  return t.length > 1 && t === t.toUpperCase();
}
export function capSyl(st: NamedState, i: number): boolean {
  return isSyl(st, i) && st.cap[i] === 1;
}
/** Exclusive limit of phrase matches starting at i (the end of the line). */
export function lim(st: NamedState, i: number): number {
  return st.perLine || i >= st.n ? st.n : st.v.lineEnd[i]!;
}
export function sameLine(st: NamedState, i: number, j: number): boolean {
  return i < st.n && j < lim(st, i);
}
export function key(st: NamedState, i: number): string | undefined {
  return i < st.n ? st.keys[i] : undefined;
}
export function isPunct(st: NamedState, i: number, s: string): boolean {
  return i < st.n && st.toks[i]!.kind === 'punctuation' && st.toks[i]!.text === s;
}
export function isDash(st: NamedState, i: number): boolean {
  return i < st.n && st.toks[i]!.kind === 'punctuation' && /^[-–—]$/.test(st.toks[i]!.text);
}
export function upperWord(st: NamedState, i: number): boolean {
  const t = st.toks[i]!.text;
  return t === t.toUpperCase() && t !== t.toLowerCase();
}
/** Longest entry of a phrase index at token i, within the line. */
export function match(st: NamedState, idx: Lexicon['titles'], i: number): { len: number; value: string } | undefined {
  if (i >= st.n) return undefined;
  // an acronym entry (HU, TU, BCH) matches only a word written in capitals: not "tu dưỡng"
  if (st.lex.acronyms.has(st.keys[i]!) && !upperWord(st, i)) return undefined;
  return idx.match(st.keys, i, lim(st, i));
}
/** Length (in tokens, at most 4) of the longest phrase of a folded word set starting at token i, within the line; 0 when none. */
export function setMatch(st: NamedState, set: ReadonlySet<string>, i: number): number {
  const L = lim(st, i);
  let key = '';
  let best = 0;
  for (let len = 1; len <= 4 && i + len <= L; len++) {
    key = len === 1 ? st.keys[i]! : `${key} ${st.keys[i + len - 1]}`;
    if (set.has(key)) best = len;
  }
  return best;
}
/** `Trung ương` (the centre, [centre]: two words) at token i. */
export function isCentre(st: NamedState, i: number): boolean {
  return setMatch(st, CENTRE, i) > 0;
}
/** A list joint at token i: a comma or `và`. */
export function isListJoin(st: NamedState, i: number): boolean {
  return isPunct(st, i, ',') || LIST_JOINERS.has(key(st, i) ?? '');
}
/** Adds the candidate span of tokens [s, e). */
export function add(st: NamedState, s: number, e: number, type: EntityType, source: string, prio = 1): void {
  if (e <= s) return;
  st.out.push({ start: st.toks[s]!.start, end: st.toks[e - 1]!.end, type, source, prio });
}
/** Marks tokens [s, e) of the current line as taken. */
export function mark(st: NamedState, s: number, e: number): void {
  for (let k = s; k < e; k++) st.consumed[st.base + k] = 1;
}
export function prevKey(st: NamedState, i: number): string | undefined {
  return i > 0 && !st.brk[i] ? st.keys[i - 1] : undefined;
}
/** A generic determiner (`các`, `những`, `một số` …) right before token i. */
export function genericBefore(st: NamedState, i: number): boolean {
  const p = prevKey(st, i);
  if (p !== undefined && GENERIC_BEFORE.has(p)) return true;
  const p2 = i > 1 && !st.brk[i] && !st.brk[i - 1] ? `${st.keys[i - 2]} ${st.keys[i - 1]}` : '';
  return GENERIC_BEFORE.has(p2);
}
const STOP_ORGS = new Set(['committee', 'sub', 'party', 'national']);
/** A title or a party/state organ starts at i (it ends a name or a place run). */
export function startsPhrase(st: NamedState, i: number): boolean {
  if (match(st, st.lex.titles, i) !== undefined) return true;
  const o = match(st, st.lex.organs, i);
  return o !== undefined && STOP_ORGS.has(o.value);
}
