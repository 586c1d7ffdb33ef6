// Lexicon of multi-syllable words as a trie over syllable hashes. Keys are `foldKey` forms (NFC, lower case, old
// tone placement), so `Huyện uỷ`, `HUYỆN ỦY` and NFD input find the same entry. A trie edge is a number key
// `node * 2^32 + syllableHash` in one Map; node flags live in a typed array. Built once per instance, read-only.

import { foldKey } from '../text/tone.js';

/** Entry flags (bit set). */
export const LEX_GENERAL = 1; // general dictionary word (Viet74K)
export const LEX_DOMAIN = 2; // party/state/administrative term: always joined
export const LEX_PLACE = 4; // administrative unit name (province/district/commune)
export const LEX_SURNAME = 8; // family name (single syllable entries allowed)
export const LEX_MIDDLE = 16; // common middle syllable of personal names
export const LEX_USER = 32; // user dictionary word: always joined
export const LEX_CORE = 64; // headword of the curated dictionary (@vntk/dictionary dictionary.json)
export const LEX_COMMON = 128; // in the common-word list (Viet22K)
/** Part of speech of curated dictionary entries: noun, verb, adjective, other. */
export const LEX_POS_N = 256;
export const LEX_POS_V = 512;
export const LEX_POS_A = 1024;
export const LEX_POS_X = 2048;
export const LEX_MAJOR_PLACE = 4096; // province or district name

const TWO32 = 4294967296;

/** FNV-1a 32-bit hash of a string (unsigned). */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A read-only trie of folded phrases over syllable hashes. */
export interface Lexicon {
  /** Child node of `node` for a syllable hash, or -1. The root is node 0. */
  child(node: number, syllableHash: number): number;
  /** Flags of the entry ending at `node` (0 when no entry ends there). */
  flags(node: number): number;
  /** Flags of a single-syllable entry (surnames, middle names), 0 when none. */
  single(syllableHash: number): number;
  readonly size: number;
}

/** Mutable builder; `freeze()` returns the read-only lexicon. */
export class LexiconBuilder {
  private readonly edges = new Map<number, number>();
  private nodeFlags: number[] = [0];
  private readonly singles = new Map<number, number>();
  private count = 0;

  /** Adds a phrase (any case/tone style; syllables separated by white space). */
  add(phrase: string, flag: number): void {
    const key = foldKey(phrase);
    if (!key) return;
    this.addFolded(key.split(' '), flag);
  }

  /** Adds an already folded phrase given as its syllables. */
  addFolded(syllables: readonly string[], flag: number): void {
    if (syllables.length === 0) return;
    if (syllables.length === 1) {
      const h = hashString(syllables[0]!);
      this.singles.set(h, (this.singles.get(h) ?? 0) | flag);
      return;
    }
    let node = 0;
    for (const s of syllables) {
      const k = node * TWO32 + hashString(s);
      let next = this.edges.get(k);
      if (next === undefined) {
        next = this.nodeFlags.length;
        this.nodeFlags.push(0);
        this.edges.set(k, next);
      }
      node = next;
    }
    if (this.nodeFlags[node] === 0) this.count++;
    this.nodeFlags[node]! |= flag;
  }

  freeze(): Lexicon {
    const edges = this.edges;
    const flags = Uint16Array.from(this.nodeFlags);
    const singles = this.singles;
    const size = this.count;
    return {
      child: (node, h) => edges.get(node * TWO32 + h) ?? -1,
      flags: (node) => flags[node] ?? 0,
      single: (h) => singles.get(h) ?? 0,
      size,
    };
  }
}

/**
 * Parses the compiled lexicon text: a comment line, then `flags<TAB>folded phrase` lines.
 */
export function parseLexicon(text: string): Lexicon {
  const b = new LexiconBuilder();
  let pos = 0;
  const n = text.length;
  while (pos < n) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = n;
    if (text.charCodeAt(pos) !== 35 /* # */) {
      const tab = text.indexOf('\t', pos);
      if (tab > pos && tab < eol) {
        const flag = Number(text.slice(pos, tab));
        b.addFolded(text.slice(tab + 1, eol).split(' '), flag);
      }
    }
    pos = eol + 1;
  }
  return b.freeze();
}
