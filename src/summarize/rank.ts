import { loadData } from '../data/load.js';
import { createFoldCache, foldKey } from '../text/tone.js';
import type { Entity, Sentence, Word } from '../types.js';
import { AGGREGATE, AHEAD, AHEAD_SECTION, AHEAD_YEAR, ANAPHOR, ATTENDANCE, ATTENDED, CHAIRED, CONCLUDE, DATE_ANY, DATE_LEAD, ELECTED, MEETING, REPORTED, TASK, wordScanner, wordTester, YEAR_OF } from './cues.js';
import { classifySentences, type SentenceLayout } from './roles.js';
import { cosine, lexRank, tfidfVectors, type SparseVector } from './vectors.js';

/**
 * The slots of a report summary, in the order annotators fill them: the meeting (who held it, when), who chaired
 * it, one or two headline results with figures, the tasks or targets ahead, and for congresses who was elected.
 */
export type Slot = 'meeting' | 'chair' | 'results' | 'ahead' | 'elected';
export const SLOTS: readonly Slot[] = ['meeting', 'chair', 'results', 'ahead', 'elected'];
/** How many sentences each slot takes before it counts as covered. */
const SLOT_CAPACITY: Readonly<Record<Slot, number>> = { meeting: 1, chair: 1, results: 2, ahead: 1, elected: 1 };

/** Per-sentence features, each in [0, 1]. */
export interface SentenceFeatures {
  /** LexRank centrality biased towards the opening and the headline (personalised PageRank), max-scaled. */
  readonly central: number;
  /** Cosine similarity to the headline, max-scaled. */
  readonly title: number;
  /** Leans on the previous sentence (`Trong đó`, `Ông …`) or starts inside a quote or in lower case. */
  readonly dependent: number;
  /** Says who attended (`Dự hội nghị có …`, `… với 12.000 cán bộ tham dự`) and not who chaired: annotators skip
   * these; penalised like a dependent sentence. */
  readonly attendance: number;
  /** Figures in the sentence (percentages, decimals, numbers with a unit), saturating at 4. */
  readonly figures: number;
  /** How well the sentence fills each slot. */
  readonly slots: Readonly<Record<Slot, number>>;
}

export interface Candidate {
  /** Index into the sentence list. */
  readonly index: number;
  /** Rank among candidate (body) sentences, 0 = first. */
  readonly rank: number;
  readonly features: SentenceFeatures;
  readonly vector: SparseVector;
  /** Counts from the word layer: letter words, proper names (`name` words), dates and years written as numbers. */
  readonly counts: { readonly words: number; readonly names: number; readonly dates: number };
}

export interface SummaryDocument {
  readonly sentences: readonly Sentence[];
  readonly layout: readonly SentenceLayout[];
  readonly candidates: readonly Candidate[];
  /** The text looks like a report (figures throughout) rather than a news story: 0…1. */
  readonly reportness: number;
  /** Body rank where the tasks of the coming period begin (-1: no such section found). */
  readonly aheadFrom: number;
  /** Cosine similarity of each body sentence to the headline (unscaled; 0 without a headline). */
  readonly titleSim: Float64Array;
  /** `foldKey` of each sentence (of its first 2,000 characters for longer ones). */
  readonly folded: readonly string[];
}

/** Already computed layers. `entities` is accepted for API stability and not needed: figures come from the words. */
export interface SummaryParts {
  sentences: readonly Sentence[];
  words: readonly Word[];
  entities?: readonly Entity[];
  /** The document's tokens behind the words, when the caller has them (the pipeline's `Doc`): `keys[t]` is the
   * folded key of token t, `key[t]` its id, and `wordFrom[k]` the first token of word k. A one-token word then takes
   * its key from there instead of slicing or folding it again (the same key: folding works syllable by syllable),
   * and its term id from a table by key id instead of a string lookup. */
  tokens?: WordTokens;
}

/** See {@link SummaryParts.tokens}. */
export interface WordTokens {
  readonly keys: readonly string[];
  readonly key: Int32Array;
  readonly wordFrom: Int32Array;
}

let stopwords: ReadonlySet<string> | undefined;
function getStopwords(): ReadonlySet<string> {
  return (stopwords ??= loadData('stopwords.txt', (s) => new Set(s.split('\n').filter((l) => l && !l.startsWith('#')))));
}

/** First syllable of a word that makes the number before it a quantity. */
const UNIT_FIRST = /^(?:tỷ|tỉ|triệu|nghìn|ngàn|tấn|ha|tạ|km|km2|m|m2|m3|kg|usd|đồng|người|lượt|hộ|xã|phường|thôn|huyện|dự|doanh|đảng|lao|căn|công|chỉ|tiêu|trường|chi|tổ|cơ|%)(?:\/|$)/u;
/** A day and month (`14-7`, `09/7/2020`); `17/19` or `43/43` (a share) is not one. */
const DATE_NUM = /^(?:0?[1-9]|[12]\d|3[01])[-/](?:0?[1-9]|1[0-2])(?:[-/]\d{2,4})?$/;
/** A share written as a fraction: `17/19`, `43/43`, `91/91`. */
const FRACTION = /^(\d+)\/(\d+)$/;
const DECIMAL = /^\d+[.,]\d+$/;
const YEAR = /^(?:19|20)\d\d$/;
/** Sentences longer than this are only searched for cues in their first part. */
const CUE_WINDOW = 2000;
/** Task cues are counted in this many opening characters. */
const TASK_WINDOW = 600;
/** Fast scans of the task and target cues (same counts as the patterns; see {@link wordScanner}). */
const TASK_SCAN = wordScanner(TASK);
const AHEAD_SCAN = wordScanner(AHEAD);
/** Fast tests of the unanchored cue patterns (same answers; see {@link wordTester}). */
const MEETING_TEST = wordTester(MEETING), CHAIRED_TEST = wordTester(CHAIRED), AGGREGATE_TEST = wordTester(AGGREGATE);
const AHEAD_SECTION_TEST = wordTester(AHEAD_SECTION);
const ELECTED_TEST = wordTester(ELECTED), ATTENDED_TEST = wordTester(ATTENDED), DATE_ANY_TEST = wordTester(DATE_ANY);
/** Body sentences up to which LexRank uses the whole graph; beyond, edges within {@link LEXRANK_WINDOW} positions. */
const FULL_GRAPH = 200;
const LEXRANK_WINDOW = 12;

const sat = (x: number, cap: number): number => (x >= cap ? 1 : x / cap);
function maxKeyId(ids: Int32Array): number {
  let m = -1;
  for (let i = 0; i < ids.length; i++) if (ids[i]! > m) m = ids[i]!;
  return m;
}
function maxOf(xs: ArrayLike<number>): number {
  let m = 1e-9;
  for (let i = 0; i < xs.length; i++) if (xs[i]! > m) m = xs[i]!;
  return m;
}

/** How well a sentence (folded text `f`, body rank `rank`, `fig` figures) fills each slot. Cheap substring checks
 * guard the costlier patterns (most sentences have none of their key words). */
function slotStrengths(f: string, rank: number, fig: number, section: AheadSection): Record<Slot, number> {
  const dated = DATE_LEAD.test(f) || (rank < 3 && DATE_ANY_TEST(f.slice(0, 40)));
  const meet = (f.includes('hội') || f.includes('họp') || f.includes('lễ') || f.includes('buổi')) && MEETING_TEST(f);
  const conclude = (f.includes('phát biểu') || f.includes('kết luận') || f.includes('thay mặt') || f.includes('nhấn mạnh') || f.startsWith('về')) && CONCLUDE.test(f);
  return {
    // The meeting sentence opens the text; a meeting named further on is usually another one (a resolution's).
    meeting: meet && (dated || rank < 2) ? 1 : (meet && rank < 5) || (dated && rank < 3) ? 0.5 : 0,
    // Who chaired is said without statistics (`đã chủ trì 1.286 cuộc giám sát` is an activity, not the chair).
    chair: fig === 0 && (f.includes('chủ') || f.includes('điều hành')) && CHAIRED_TEST(f) ? 1 : 0,
    // Headline figures, or figures relayed from the report (`Theo báo cáo, 6 tháng đầu năm, …`): the sentence that
    // opens the results however many figures it has.
    results: fig === 0 ? 0 : AGGREGATE_TEST(f) || ((f.startsWith('b') || f.startsWith('theo b')) && REPORTED.test(f)) ? 1 : 0.7 * sat(fig, 4),
    // Inside the tasks section every task sentence fills the slot; before it (the results part) a plan named in
    // passing (`… để chuẩn bị cho Đại hội sắp tới`) fills it weakly. Without a section: the cues alone.
    ahead: conclude ? 1 : aheadStrength(f, section),
    elected: (f.includes('bầu') || f.includes('cử')) && ELECTED_TEST(f) ? 1 : 0,
  };
}

/** Where a sentence lies relative to the tasks section of the text (`none`: the text has no such section). */
type AheadSection = 'none' | 'before' | 'opens' | 'inside';

function aheadStrength(f: string, section: AheadSection): number {
  const cue = AHEAD_SCAN(f, 1) > 0;
  const tasks = sat(TASK_SCAN(f.length > TASK_WINDOW ? f.slice(0, TASK_WINDOW) : f, 2), 2);
  if (section === 'opens') return 1;
  if (section === 'inside') return cue ? 0.8 : tasks ? 0.5 + 0.3 * tasks : 0;
  if (section === 'before') return cue ? 0.4 : 0.25 * tasks;
  return cue ? 0.8 : 0.5 * tasks;
}

/**
 * The body rank at which the tasks of the coming period begin: the first sentence or heading, past the opening
 * quarter of the body, that announces them (`nhiệm vụ … 6 tháng cuối năm`, `Thời gian tới, …`, `Phương hướng, nhiệm
 * vụ …`, `nhiệm vụ năm 2021` in a 2020 report, the closing speech `Phát biểu kết luận …`); -1 when none does.
 * `bodyRank[i]` is the rank of the first body sentence at or after sentence i.
 */
function aheadSectionStart(folded: readonly string[], bodyRank: Int32Array, nBody: number, firstBody: readonly number[]): number {
  // The report's year: the earliest `năm 20xx` in the first two body sentences.
  let year = Infinity;
  for (const i of firstBody) for (const m of folded[i]!.matchAll(YEAR_OF)) year = Math.min(year, Number(m[1]));
  const from = Math.max(2, Math.floor(nBody / 4));
  for (let i = 0; i < folded.length; i++) {
    const r = bodyRank[i]!;
    if (r < from || r >= nBody) continue;
    const f = folded[i]!;
    if (AHEAD_SECTION_TEST(f)) return r;
    const y = AHEAD_YEAR.exec(f);
    if (y && Number(y[1] ?? y[2]) > year) return r;
  }
  return -1;
}

/**
 * Computes the features of the body sentences from already split sentences and segmented words (one pass over the
 * words for the term vectors and figure counts, one folding of each sentence for the cue patterns).
 */
export function buildDocument(text: string, parts: SummaryParts): SummaryDocument {
  const { sentences, words } = parts;
  const n = sentences.length;
  const folded = sentences.map((s) => foldKey(s.text.length > CUE_WINDOW ? s.text.slice(0, CUE_WINDOW) : s.text));
  const layout = classifySentences(text, sentences, folded);
  let bodyIdx: number[] = [];
  for (let i = 0; i < n; i++) if (layout[i]!.role === 'body') bodyIdx.push(i);
  if (!bodyIdx.length) bodyIdx = sentences.map((_, i) => i); // nothing looks like body text: use everything
  const headlineIdx = layout.findIndex((l) => l.role === 'headline');

  const aligned = sentences.map((s, i) => folded[i]!.length === s.text.length);
  // One pass over the words: term ids (stopwords removed) and figures per sentence.
  const stop = getStopwords();
  const fold = createFoldCache();
  const vocab = new Map<string, number>();
  const terms: number[][] = sentences.map(() => []);
  const figures = new Int32Array(n);
  const nWords = new Int32Array(n), names = new Int32Array(n), dates = new Int32Array(n);
  let si = 0;
  let numberBefore = false; // the previous word was a plain number (a unit may follow)
  const tok = parts.tokens;
  // Term of each token key id, for one-token words: 0 not seen yet, -1 stopword or symbol, else term id + 1.
  const termOfKey = tok ? new Int32Array(maxKeyId(tok.key) + 1) : undefined;
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!;
    if (si < n && sentences[si]!.end <= w.start) { numberBefore = false; while (si < n && sentences[si]!.end <= w.start) si++; }
    if (si >= n) break;
    if (w.start < sentences[si]!.start) continue;
    const kind = w.kind;
    if (kind === 'punctuation' || kind === 'other') { numberBefore = false; continue; }
    if (kind === 'number') {
      const t = w.text;
      numberBefore = false;
      const frac = FRACTION.exec(t);
      nWords[si]!++;
      if (YEAR.test(t) || DATE_NUM.test(t)) dates[si]!++;
      if (t.endsWith('%')) figures[si]!++;
      else if (frac && Number(frac[1]) <= Number(frac[2]) && !DATE_NUM.test(t)) figures[si]!++;
      else if (DATE_NUM.test(t) || frac) { /* a date */ }
      else if (DECIMAL.test(t) && !YEAR.test(t)) figures[si]!++;
      else numberBefore = true;
      continue;
    }
    // The folded sentence gives the word's key by offsets when folding kept every character in place (NFC input
    // without runs of spaces: the usual case); otherwise fold the word itself.
    const t0 = tok && tok.wordFrom[k + 1]! - tok.wordFrom[k]! === 1 ? tok.wordFrom[k]! : -1;
    const cached = t0 >= 0 ? termOfKey![tok!.key[t0]!]! : 0;
    if (cached !== 0 && !numberBefore) {
      if (kind !== 'symbol') nWords[si]!++;
      if (kind === 'name') names[si]!++;
      if (cached > 0 && kind !== 'symbol') terms[si]!.push(cached - 1);
      continue;
    }
    const sf = folded[si]!;
    const s0 = sentences[si]!.start;
    const key = t0 >= 0 ? tok!.keys[t0]! : aligned[si] ? sf.slice(w.start - s0, w.end - s0) : fold(w.text);
    if (numberBefore) {
      const sp = key.indexOf(' ');
      if (UNIT_FIRST.test(sp < 0 ? key : key.slice(0, sp))) figures[si]!++;
      numberBefore = false;
    }
    if (kind !== 'symbol') nWords[si]!++;
    if (kind === 'name') names[si]!++;
    if (kind === 'symbol' || stop.has(key)) {
      if (t0 >= 0 && kind !== 'symbol') termOfKey![tok!.key[t0]!] = -1;
      continue;
    }
    let id = vocab.get(key);
    if (id === undefined) vocab.set(key, (id = vocab.size));
    if (t0 >= 0) termOfKey![tok!.key[t0]!] = id + 1;
    terms[si]!.push(id);
  }

  // TF-IDF vectors of the body sentences (+ the headline), IDF from the body sentences.
  const bodyTerms = bodyIdx.map((i) => terms[i]!);
  const { vectors, idf } = tfidfVectors(bodyTerms, vocab.size);
  const headVec = headlineIdx >= 0 ? tfidfVectors([terms[headlineIdx]!], vocab.size, idf).vectors[0] : undefined;
  const nBody = bodyIdx.length;
  const titleRaw = new Float64Array(nBody);
  if (headVec) for (let r = 0; r < nBody; r++) titleRaw[r] = cosine(vectors[r]!, headVec);
  const titleMax = maxOf(titleRaw);

  // LexRank personalised towards the opening and the headline.
  const prior = bodyIdx.map((_, r) => Math.exp(-r / 2) + titleRaw[r]! / titleMax + 0.05);
  const central = lexRank(vectors, nBody <= FULL_GRAPH ? nBody : LEXRANK_WINDOW, 30, prior, 0.6);

  const bodyRank = new Int32Array(n).fill(nBody);
  for (let r = nBody, i = n - 1; i >= 0; i--) {
    while (r > 0 && bodyIdx[r - 1]! >= i) r--;
    bodyRank[i] = r;
  }
  const aheadFrom = aheadSectionStart(folded, bodyRank, nBody, bodyIdx.slice(0, 2));

  let figSentences = 0;
  const candidates: Candidate[] = bodyIdx.map((i, r) => {
    const f = folded[i]!;
    const fig = figures[i]!;
    if (fig >= 2) figSentences++;
    const s = sentences[i]!;
    return {
      index: i,
      rank: r,
      vector: vectors[r]!,
      counts: { words: nWords[i]!, names: names[i]!, dates: dates[i]! },
      features: {
        central: central[r]!,
        title: Math.min(1, titleRaw[r]! / titleMax),
        dependent: ANAPHOR.test(f) || /^["“'‘\-–—…]|^\p{Ll}/u.test(s.text) ? 1 : 0,
        attendance: (ATTENDANCE.test(f) || ATTENDED_TEST(f)) && !CHAIRED_TEST(f) ? 1 : 0,
        figures: sat(fig, 4),
        slots: slotStrengths(f, r, fig, aheadFrom < 0 ? 'none' : r < aheadFrom ? 'before' : r === aheadFrom ? 'opens' : 'inside'),
      },
    };
  });
  const reportness = nBody ? Math.min(1, figSentences / nBody / 0.35) : 0;
  return { sentences, layout, candidates, reportness, aheadFrom, titleSim: titleRaw, folded };
}

/**
 * The weights of the sentence score (5 numbers; scripts/dev/sum-eval.ts --cv measures how well they carry over to
 * unseen texts):
 * `score = lead·e^(−rank/tau) + central·(centrality + headline similarity)/2 + slots·Σ uncovered slot strengths
 *  − redundancy·max cosine to picked sentences − ½·slots·min(1, dependent + attendance)`.
 */
export interface Weights {
  /** Position: lead × exp(−rank / tau) over body sentences; on news (reportness 0) the lead counts double. */
  lead: number;
  tau: number;
  /** Centrality (biased LexRank) and similarity to the headline. */
  central: number;
  /** Bonus for filling a report slot not yet covered (meeting, chair, results, ahead, elected). */
  slots: number;
  /** Redundancy (MMR): subtract redundancy × max cosine to picked sentences. */
  redundancy: number;
}

/**
 * Coordinate ascent from all-ones (tau 2, `central` fixed at 1 as the scale) on the dev reports + news set gives
 * lead 0.375–0.5, tau 1–1.33, slots 1, redundancy 1 in every fold of a 5-fold cross-validation; these are the
 * rounded values (`npx tsx scripts/dev/sum-eval.ts --cv=5 --fix=central`). Leave-one-set-out over the four gold
 * sets (dev reports, two held-out rounds by other annotators, news; `--loso --fix=central`) gives lead 0.375–0.5,
 * tau 1–1.33, slots 1, redundancy 1 as well.
 */
export const DEFAULT_WEIGHTS: Readonly<Weights> = { lead: 0.5, tau: 1, central: 1, slots: 1, redundancy: 1 };

/** Cosine above which a sentence repeats one already picked. */
const NEAR_DUPLICATE = 0.85;

/**
 * The slot a sentence would fill best given what is covered, and by how much: a sentence fills one slot (the meeting
 * sentence that also mentions tasks does not stand in for the closing instructions).
 */
function fill(st: Readonly<Record<Slot, number>>, covered: Readonly<Record<Slot, number>>): { slot: Slot | undefined; gain: number } {
  let slot: Slot | undefined, gain = 0;
  for (const s of SLOTS) {
    const g = st[s] - covered[s];
    if (g > gain) { gain = g; slot = s; }
  }
  return { slot, gain };
}

/** Static part of a candidate's score. */
export function baseScore(c: Candidate, w: Weights, reportness = 0): number {
  const f = c.features;
  return w.lead * (2 - reportness) * Math.exp(-c.rank / w.tau) + w.central * 0.5 * (f.central + f.title) - 0.5 * w.slots * Math.min(1, f.dependent + f.attendance);
}

/**
 * Greedy selection with the hand-set weights (the scorer before the learned model; kept as a baseline for
 * scripts/dev/sum-eval.ts): {@link selectByScores} over {@link baseScore}.
 */
export function selectCandidates(doc: SummaryDocument, k: number, w: Weights = DEFAULT_WEIGHTS as Weights): Array<{ cand: Candidate; score: number }> {
  return selectByScores(doc, k, Float64Array.from(doc.candidates, (c) => baseScore(c, w, doc.reportness)), w);
}

/** Selection weights in score units: MMR redundancy and the bonus for an uncovered report slot. */
export interface SelectionWeights { readonly redundancy: number; readonly slots: number }
/** Other scores and weights for the picks from step `from` on (the learned model's later picks). */
export interface LateSelection extends SelectionWeights { readonly from: number; readonly base: ArrayLike<number> }

/** Candidate positions by decreasing upper bound of their score under `base` and `p` (ties by position), and the bounds. */
function boundOrder(cands: readonly Candidate[], base: ArrayLike<number>, p: SelectionWeights): { order: Int32Array; bound: Float64Array } {
  const n = cands.length;
  const bound = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let strongest = 0;
    if (p.slots > 0) for (const s of SLOTS) strongest = Math.max(strongest, cands[i]!.features.slots[s]);
    bound[i] = base[i]! + p.slots * strongest;
  }
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => bound[b]! - bound[a]! || a - b);
  return { order, bound };
}

/**
 * Greedy selection: at each step the candidate with the highest base score + `slots` × the strength of the report
 * slots it fills that are not yet covered − `redundancy` × its highest cosine to what is already picked (MMR).
 * With `late`, the picks from step `late.from` on use its scores and weights instead. Returns candidate positions
 * with their final scores, in pick order. Redundancy is only computed for k ≤ 64 (beyond that a plain score
 * ranking is used).
 */
export function selectByScores(doc: SummaryDocument, k: number, base: ArrayLike<number>, w: SelectionWeights, late?: LateSelection): Array<{ cand: Candidate; score: number }> {
  const cands = doc.candidates;
  const n = cands.length;
  k = Math.min(k, n);
  if (k <= 0) return [];
  if (k > 64) {
    const order = cands.map((_, i) => i).sort((a, b) => base[b]! - base[a]! || a - b).slice(0, k);
    return order.map((i) => ({ cand: cands[i]!, score: base[i]! }));
  }
  // covered[slot] = strength already covered; a slot of capacity c is covered by 1/c of a pick's strength per pick.
  const covered: Record<Slot, number> = { meeting: 0, chair: 0, results: 0, ahead: 0, elected: 0 };
  // Lazy MMR (the same picks as scanning every candidate at every step): candidates are visited in decreasing order
  // of an upper bound of their score (base + slot bonus of their strongest slot; redundancy only lowers it), and a
  // candidate's highest cosine to the picks is brought up to date only when it is visited.
  const maxSim = new Float64Array(n);
  const compared = new Int32Array(n); // how many picks maxSim[i] has seen
  const picked = new Uint8Array(n);
  const pickedVectors: SparseVector[] = [];
  const out: Array<{ cand: Candidate; score: number }> = [];
  let order: Int32Array | undefined, bound: Float64Array | undefined, orderFor: ArrayLike<number> | undefined;
  for (let step = 0; step < k; step++) {
    const [b, p] = late && step >= late.from ? [late.base, late] : [base, w];
    if (orderFor !== b) {
      ({ order, bound } = boundOrder(cands, b, p));
      orderFor = b;
    }
    let best = -1, bestScore = -Infinity;
    for (let o = 0; o < n; o++) {
      const i = order![o]!;
      if (picked[i]) continue;
      if (p.redundancy >= 0 && bound![i]! < bestScore) break;
      for (let q = compared[i]!; q < pickedVectors.length; q++) { const c = cosine(cands[i]!.vector, pickedVectors[q]!); if (c > maxSim[i]!) maxSim[i] = c; }
      compared[i] = pickedVectors.length;
      // Near-duplicates of a picked sentence only come last.
      let s = b[i]! - p.redundancy * maxSim[i]! - (maxSim[i]! >= NEAR_DUPLICATE ? 1e6 : 0);
      if (p.slots) s += p.slots * fill(cands[i]!.features.slots, covered).gain;
      if (s > bestScore || (s === bestScore && i < best)) { bestScore = s; best = i; }
    }
    if (best < 0) break;
    picked[best] = 1;
    out.push({ cand: cands[best]!, score: bestScore });
    const { slot, gain } = fill(cands[best]!.features.slots, covered);
    if (slot) covered[slot] = Math.min(1, covered[slot] + (gain + covered[slot]) / SLOT_CAPACITY[slot]);
    pickedVectors.push(cands[best]!.vector);
  }
  return out;
}
