// Lexicon of multi-syllable words as a trie over syllable hashes. Keys are `foldKey` forms (NFC, lower case, old
// tone placement), so `Huyện uỷ`, `HUYỆN ỦY` and NFD input find the same entry. Trie edges live in one
// open-addressing hash table of typed arrays ((node, syllable hash) → child node): no Map, no per-lookup
// allocation. Built once per instance, read-only afterwards.

import { foldKey } from '../text/tone.js';
import { varintReader, writeVarint } from './varint.js';

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

const Y_TO_I: Record<string, string> = { y: 'i', ý: 'í', ỳ: 'ì', ỷ: 'ỉ', ỹ: 'ĩ', ỵ: 'ị' };
const CONSONANT_Y = /^(?:b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x|ch|gh|kh|ng|nh|ph|th|tr)[yýỳỷỹỵ]$/;

/**
 * Lexicon key of one token: `foldKey` plus the i/y spelling variants of open syllables (`sỹ`/`sĩ`, `kỹ`/`kĩ`,
 * `tỷ`/`tỉ`, `lý`/`lí` give one key).
 * @example
 * ```ts
 * syllableKey('SỸ') === syllableKey('sĩ'); // true
 * syllableKey('Uỷ'); // 'ủy'
 * ```
 */
export function syllableKey(s: string): string {
  const k = foldKey(s);
  if (k.length <= 3 && CONSONANT_Y.test(k)) return k.slice(0, -1) + Y_TO_I[k.charAt(k.length - 1)]!;
  return k;
}

/**
 * FNV-1a 32-bit hash of a string (unsigned).
 * @example
 * ```ts
 * hashString('ủy') === hashString('ủy'); // true
 * ```
 */
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

function slotOf(node: number, syl: number, mask: number): number {
  let h = Math.imul(node + 0x3c6ef372, 0x9e3779b1) ^ syl;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  return (h ^ (h >>> 13)) & mask;
}

/** The frozen trie: typed arrays only. */
class HashTrie implements Lexicon {
  constructor(
    private readonly keyNode: Int32Array,
    private readonly keySyl: Int32Array,
    private readonly val: Int32Array,
    private readonly nodeFlags: Uint16Array,
    private readonly singles: Map<number, number>,
    readonly size: number,
  ) {}

  child(node: number, syllableHash: number): number {
    const keyNode = this.keyNode;
    const mask = keyNode.length - 1;
    const syl = syllableHash | 0;
    let s = slotOf(node, syl, mask);
    for (;;) {
      const k = keyNode[s]!;
      if (k === -1) return -1;
      if (k === node && this.keySyl[s] === syl) return this.val[s]!;
      s = (s + 1) & mask;
    }
  }

  flags(node: number): number {
    return this.nodeFlags[node] ?? 0;
  }

  single(syllableHash: number): number {
    return this.singles.get(syllableHash >>> 0) ?? 0;
  }
}

/** Mutable builder; `freeze()` returns the read-only lexicon. */
export class LexiconBuilder {
  private keyNode: Int32Array;
  private keySyl: Int32Array;
  private val: Int32Array;
  private edges = 0;
  private nodeFlags: Uint16Array;
  private nodes = 1;
  private readonly singles = new Map<number, number>();
  private count = 0;

  /** `expectedSyllables`: an upper bound of the edges to come (sizes the table once). */
  constructor(expectedSyllables = 1024) {
    let cap = 1024;
    while (cap < expectedSyllables * 2) cap *= 2;
    this.keyNode = new Int32Array(cap).fill(-1);
    this.keySyl = new Int32Array(cap);
    this.val = new Int32Array(cap);
    this.nodeFlags = new Uint16Array(Math.max(16, expectedSyllables + 1));
  }

  private grow(): void {
    const oldNode = this.keyNode;
    const oldSyl = this.keySyl;
    const oldVal = this.val;
    const cap = oldNode.length * 2;
    const mask = cap - 1;
    this.keyNode = new Int32Array(cap).fill(-1);
    this.keySyl = new Int32Array(cap);
    this.val = new Int32Array(cap);
    for (let i = 0; i < oldNode.length; i++) {
      const k = oldNode[i]!;
      if (k === -1) continue;
      let s = slotOf(k, oldSyl[i]!, mask);
      while (this.keyNode[s] !== -1) s = (s + 1) & mask;
      this.keyNode[s] = k;
      this.keySyl[s] = oldSyl[i]!;
      this.val[s] = oldVal[i]!;
    }
  }

  private childOrCreate(node: number, syl: number): number {
    if ((this.edges + 1) * 2 > this.keyNode.length) this.grow();
    const keyNode = this.keyNode;
    const mask = keyNode.length - 1;
    let s = slotOf(node, syl, mask);
    for (;;) {
      const k = keyNode[s]!;
      if (k === -1) break;
      if (k === node && this.keySyl[s] === syl) return this.val[s]!;
      s = (s + 1) & mask;
    }
    const id = this.nodes++;
    if (id >= this.nodeFlags.length) {
      const nf = new Uint16Array(this.nodeFlags.length * 2);
      nf.set(this.nodeFlags);
      this.nodeFlags = nf;
    }
    keyNode[s] = node;
    this.keySyl[s] = syl;
    this.val[s] = id;
    this.edges++;
    return id;
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
    for (const s of syllables) node = this.childOrCreate(node, hashString(s) | 0);
    if (this.nodeFlags[node] === 0) this.count++;
    this.nodeFlags[node]! |= flag;
  }

  freeze(): Lexicon {
    return new HashTrie(this.keyNode, this.keySyl, this.val, this.nodeFlags.slice(0, this.nodes), this.singles, this.count);
  }
}

/** Compiled format tag (second line of dictionaries/compiled/lexicon.txt.gz). */
export const LEXICON_FORMAT = 'vietnlp-lex-1';

/**
 * Serialises a lexicon given as folded entries (syllable arrays with flags) into the compiled text form:
 * a comment line, a JSON header line, the syllable vocabulary (one line, space separated), and one base64 line of
 * varints: for every trie node in depth-first order `(id - 1 - parent, syllable index, flags)`, then for every
 * single-syllable entry `(syllable index, flags)`. Loading needs no per-entry string work.
 * @example
 * ```ts
 * const text = encodeLexicon([[['huyện', 'ủy'], LEX_DOMAIN]], 'generated');
 * parseLexicon(text).size; // 1
 * ```
 */
export function encodeLexicon(entries: ReadonlyArray<readonly [readonly string[], number]>, comment: string): string {
  const vocab = new Map<string, number>();
  const idx = (s: string): number => {
    let v = vocab.get(s);
    if (v === undefined) vocab.set(s, (v = vocab.size));
    return v;
  };
  interface N { kids: Map<number, N>; flags: number }
  const root: N = { kids: new Map(), flags: 0 };
  const singles = new Map<number, number>();
  for (const [syl, flags] of entries) {
    if (syl.length === 1) {
      const k = idx(syl[0]!);
      singles.set(k, (singles.get(k) ?? 0) | flags);
      continue;
    }
    let node = root;
    for (const s of syl) {
      const k = idx(s);
      let next = node.kids.get(k);
      if (!next) node.kids.set(k, (next = { kids: new Map(), flags: 0 }));
      node = next;
    }
    node.flags |= flags;
  }
  const bytes: number[] = [];
  const varint = (x: number): void => writeVarint(bytes, x);
  let nextId = 1;
  let count = 0;
  const stack: Array<[N, number]> = [[root, 0]];
  while (stack.length) {
    const [node, id] = stack.pop()!;
    const kids = [...node.kids].sort((x, y) => x[0] - y[0]);
    const ids: Array<[N, number]> = [];
    for (const [k, child] of kids) {
      const cid = nextId++;
      varint(cid - 1 - id);
      varint(k);
      varint(child.flags);
      if (child.flags) count++;
      ids.push([child, cid]);
    }
    for (let i = ids.length - 1; i >= 0; i--) stack.push(ids[i]!);
  }
  const nodes = nextId - 1;
  for (const [k, f] of singles) {
    varint(k);
    varint(f);
  }
  const header = { format: LEXICON_FORMAT, nodes, singles: singles.size, entries: count + singles.size };
  return `# ${comment}\n${JSON.stringify(header)}\n${[...vocab.keys()].join(' ')}\n${Buffer.from(bytes).toString('base64')}\n`;
}

/**
 * Loads the compiled lexicon text produced by {@link encodeLexicon}.
 * @example
 * ```ts
 * const lex = parseLexicon(encodeLexicon([[['hà', 'nội'], LEX_PLACE]], 'x'));
 * lex.flags(lex.child(lex.child(0, hashString('hà')), hashString('nội'))); // LEX_PLACE
 * ```
 */
export function parseLexicon(text: string): Lexicon {
  const l1 = text.indexOf('\n');
  const l2 = text.indexOf('\n', l1 + 1);
  const l3 = text.indexOf('\n', l2 + 1);
  let l4 = text.indexOf('\n', l3 + 1);
  if (l4 < 0) l4 = text.length;
  const header = JSON.parse(text.slice(l1 + 1, l2)) as { format: string; nodes: number; singles: number; entries: number };
  const words = text.slice(l2 + 1, l3).split(' ');
  const vh = new Int32Array(words.length);
  for (let i = 0; i < words.length; i++) vh[i] = hashString(words[i]!) | 0;
  const buf = Buffer.from(text.slice(l3 + 1, l4), 'base64');
  const nodes = header.nodes;
  let cap = 1024;
  while (cap < nodes * 2) cap *= 2;
  const mask = cap - 1;
  const keyNode = new Int32Array(cap).fill(-1);
  const keySyl = new Int32Array(cap);
  const val = new Int32Array(cap);
  const flags = new Uint16Array(nodes + 1);
  const { read } = varintReader(buf);
  for (let id = 1; id <= nodes; id++) {
    const parent = id - 1 - read();
    const syl = vh[read()]!;
    flags[id] = read();
    let s = slotOf(parent, syl, mask);
    while (keyNode[s] !== -1) s = (s + 1) & mask;
    keyNode[s] = parent;
    keySyl[s] = syl;
    val[s] = id;
  }
  const singles = new Map<number, number>();
  for (let k = 0; k < header.singles; k++) {
    const h = vh[read()]! >>> 0;
    singles.set(h, (singles.get(h) ?? 0) | read());
  }
  return new HashTrie(keyNode, keySyl, val, flags, singles, header.entries);
}
