// Feature vectors of the learned sentence scorer (see dictionaries/summarize/MODEL.md). One function computes them
// both at training time (scripts/summary/) and at run time, so the model always sees the features it was trained on.
import { wordScanner } from './cues.js';
import { cosinesTo, idSpan } from './vectors.js';
import { SLOTS, type SummaryDocument } from './rank.js';

/** Names of the dense features, in vector order (the model file lists them too and must match). */
export const DENSE_FEATURES = [
  'bias',
  'rank0', 'rank1', 'rank2', 'rank3', 'rank4', 'rank5_6', 'rank7_9', 'rank10_',
  'lead_exp', 'rel_pos', 'rel_pos2', 'last',
  'para_first', 'para_pos', 'para_rel',
  'len_log', 'len_short', 'len_long',
  'title_sim', 'title_scaled', 'central', 'centroid', 'centroid_top3', 'novelty',
  'dependent', 'attendance', 'figures',
  ...SLOTS.map((s) => `slot_${s}`),
  'names', 'officials', 'dates', 'units',
  'quote', 'question', 'paren',
] as const;
export const DENSE_SIZE = DENSE_FEATURES.length;
/** Hashed lexical features (opening words, cue bigrams) fall into this many buckets. */
export const HASH_BUCKETS = 4096;

/** Per body sentence: dense features and the bucket ids of its lexical features. */
export interface FeatureRows {
  readonly dense: Float64Array[];
  readonly hashed: Int32Array[];
}

const B = String.raw`(?<![\p{L}\p{M}\d])`;
const E = String.raw`(?![\p{L}\p{M}\d])`;
/** Titles of officials (folded text): `bí thư`, `chủ tịch`, `giám đốc`, `đồng chí` … */
const OFFICIAL = new RegExp(`${B}(?:bí thư|chủ tịch|giám đốc|bộ trưởng|thứ trưởng|thủ tướng|trưởng ban|phó ban|chủ nhiệm|ủy viên|đồng chí|tổng bí thư|chánh|trưởng phòng)${E}`, 'gu');
/** Administrative units and bodies: `tỉnh`, `huyện`, `xã`, `ubnd`, `huyện ủy` … (two scans: `tỉnh ủy viên` holds a unit
 * and an official that overlap). */
const UNIT = new RegExp(`${B}(?:tỉnh|huyện|xã|phường|quận|thị xã|thị trấn|thành phố|tp|ubnd|hđnd|tỉnh ủy|huyện ủy|thành ủy|đảng ủy|mặt trận)${E}`, 'gu');
const LETTERS = /[\p{L}\p{M}\p{N}]+/gu;
/** Lexical features look at this many opening syllables. */
const OPENING = 8;

const sat = (x: number, cap: number): number => (x >= cap ? 1 : x / cap);
/** Fast counts of the two patterns (see {@link wordScanner}), up to the saturation of their features. */
const OFFICIAL_SCAN = wordScanner(OFFICIAL);
const UNIT_SCAN = wordScanner(UNIT);

/** FNV-1a hash of a string into [0, buckets). */
export function hashFeature(s: string, buckets = HASH_BUCKETS): number {
  return (fnv(FNV_OFFSET, s) >>> 0) % buckets;
}

/** Lexical features of a folded sentence: its first one, two and three syllables, and syllable bigrams among its
 * opening {@link OPENING} syllables. */
function lexical(f: string): Int32Array {
  LETTERS.lastIndex = 0;
  const syl: string[] = [];
  let m: RegExpExecArray | null;
  while (syl.length < OPENING && (m = LETTERS.exec(f))) syl.push(m[0]);
  // The keys `o1:a`, `o2:a b`, `o3:a b c` and `b:x y`, hashed as they are built (FNV-1a over their characters).
  const out: number[] = [];
  const add = (h: number): void => { const b = (h >>> 0) % HASH_BUCKETS; if (!out.includes(b)) out.push(b); };
  if (syl.length) {
    let h = fnv(fnv(FNV_OFFSET, 'o1:'), syl[0]!);
    add(h);
    for (let i = 1; i < 3 && i < syl.length; i++) {
      h = fnv(fnv(i === 1 ? fnv(fnv(FNV_OFFSET, 'o2:'), syl[0]!) : h3(syl), ' '), syl[i]!);
      add(h);
    }
  }
  for (let i = 0; i + 1 < syl.length; i++) add(fnv(fnv(fnv(fnv(FNV_OFFSET, 'b:'), syl[i]!), ' '), syl[i + 1]!));
  return Int32Array.from(out);
}
/** FNV-1a state after `o3:a b` (the prefix of the three-syllable opening key). */
const h3 = (syl: readonly string[]): number => fnv(fnv(fnv(fnv(FNV_OFFSET, 'o3:'), syl[0]!), ' '), syl[1]!);
const FNV_OFFSET = 0x811c9dc5;
/** FNV-1a: the hash state `h` after feeding the characters of `s`. */
function fnv(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

/** Paragraph of each sentence: index and position inside it (a paragraph ends at a newline). */
function paragraphs(text: string, doc: SummaryDocument): { para: Int32Array; pos: Int32Array; count: number } {
  const n = doc.sentences.length;
  const para = new Int32Array(n), pos = new Int32Array(n);
  let p = 0, k = 0;
  for (let i = 0; i < n; i++) {
    if (i > 0 && text.slice(doc.sentences[i - 1]!.end, doc.sentences[i]!.start).includes('\n')) { p++; k = 0; }
    para[i] = p;
    pos[i] = k++;
  }
  return { para, pos, count: p + 1 };
}

/** Titles and units are counted in this many opening characters. */
const COUNT_WINDOW = 400;
/** Cosine of each body sentence to the centroid of the body (the sum of the TF-IDF vectors), max-scaled, and whether
 * it is among the three closest (the centroid baseline's pick). */
function centroidScores(doc: SummaryDocument): { score: Float64Array; top3: Uint8Array } {
  const cands = doc.candidates;
  let size = 0;
  for (const c of cands) { const ids = c.vector.ids; if (ids.length) size = Math.max(size, ids[ids.length - 1]! + 1); }
  const centre = new Float64Array(size);
  for (const c of cands) for (let j = 0; j < c.vector.ids.length; j++) centre[c.vector.ids[j]!]! += c.vector.w[j]! / (c.vector.norm || 1);
  const score = new Float64Array(cands.length);
  let max = 1e-9;
  cands.forEach((c, r) => {
    let dot = 0;
    for (let j = 0; j < c.vector.ids.length; j++) dot += c.vector.w[j]! * centre[c.vector.ids[j]!]!;
    score[r] = c.vector.norm ? dot / c.vector.norm : 0;
    if (score[r]! > max) max = score[r]!;
  });
  for (let r = 0; r < score.length; r++) score[r] = score[r]! / max;
  // The three highest scores (ties by position), in one pass.
  const top3 = new Uint8Array(cands.length);
  const best = [-1, -1, -1];
  const above = (r: number, q: number): boolean => q < 0 || score[r]! > score[q]! || (score[r] === score[q] && r < q);
  for (let r = 0; r < score.length; r++) {
    if (!above(r, best[2]!)) continue;
    if (!above(r, best[1]!)) best[2] = r;
    else if (!above(r, best[0]!)) { best[2] = best[1]!; best[1] = r; }
    else { best[2] = best[1]!; best[1] = best[0]!; best[0] = r; }
  }
  for (const r of best) if (r >= 0) top3[r] = 1;
  return { score, top3 };
}

const SPACE = /\s/u;
/** `/\?\s*["”»)]?\s*$/u.test(s)` read from the end (the regex tries every position of a long sentence). */
function endsWithQuestion(s: string): boolean {
  let i = s.length - 1;
  while (i >= 0 && SPACE.test(s[i]!)) i--;
  if (i >= 0 && '"”»)'.includes(s[i]!)) {
    i--;
    while (i >= 0 && SPACE.test(s[i]!)) i--;
  }
  return i >= 0 && s[i] === '?';
}

/** Novelty window: a sentence is compared with this many earlier body sentences. */
const NOVELTY_WINDOW = 6;

/** Dense and hashed features of every body sentence of `doc` (`text` is the document it was built from). Linear. */
export function featurize(text: string, doc: SummaryDocument): FeatureRows {
  const cands = doc.candidates;
  const nBody = cands.length;
  const { para, pos, count } = paragraphs(text, doc);
  const cen = centroidScores(doc);
  const dense: Float64Array[] = [];
  const hashed: Int32Array[] = [];
  const vectors = cands.map((c) => c.vector);
  const scratch = new Float64Array(idSpan(vectors));
  const sims = new Float64Array(nBody);
  for (let r = 0; r < nBody; r++) {
    const c = cands[r]!;
    const folded = doc.folded[c.index]!;
    const f = folded.length > COUNT_WINDOW ? folded.slice(0, COUNT_WINDOW) : folded;
    const raw = doc.sentences[c.index]!.text;
    let maxSim = 0;
    const q0 = Math.max(0, r - NOVELTY_WINDOW);
    cosinesTo(c.vector, vectors, scratch, sims, q0, r);
    for (let q = q0; q < r; q++) maxSim = Math.max(maxSim, sims[q]!);
    const ft = c.features;
    const words = c.counts.words;
    const rel = nBody > 1 ? r / (nBody - 1) : 0;
    const v = new Float64Array(DENSE_SIZE);
    let j = 0;
    v[j++] = 1;
    const bucket = r < 5 ? r : r < 7 ? 5 : r < 10 ? 6 : 7;
    v[j + bucket] = 1;
    j += 8;
    v[j++] = Math.exp(-r / 2);
    v[j++] = rel;
    v[j++] = rel * rel;
    v[j++] = r === nBody - 1 && nBody > 1 ? 1 : 0;
    v[j++] = pos[c.index] === 0 ? 1 : 0;
    v[j++] = sat(pos[c.index]!, 5);
    v[j++] = count > 1 ? para[c.index]! / (count - 1) : 0;
    v[j++] = Math.log1p(words) / 4;
    v[j++] = words < 8 ? 1 : 0;
    v[j++] = words > 45 ? 1 : 0;
    v[j++] = doc.titleSim[r] ?? 0;
    v[j++] = ft.title;
    v[j++] = ft.central;
    v[j++] = cen.score[r]!;
    v[j++] = cen.top3[r]!;
    v[j++] = 1 - maxSim;
    v[j++] = ft.dependent;
    v[j++] = ft.attendance;
    v[j++] = ft.figures;
    for (const s of SLOTS) v[j++] = ft.slots[s];
    v[j++] = sat(c.counts.names, 4);
    v[j++] = sat(OFFICIAL_SCAN(f, 3), 3);
    v[j++] = sat(c.counts.dates, 2);
    v[j++] = sat(UNIT_SCAN(f, 3), 3);
    v[j++] = /["“”]/u.test(raw) ? 1 : 0;
    v[j++] = endsWithQuestion(raw) ? 1 : 0;
    v[j++] = raw.includes('(') ? 1 : 0;
    dense.push(v);
    hashed.push(lexical(f));
  }
  return { dense, hashed };
}
