import { loadData } from '../data/load.js';
import { tokenize } from '../text/tokens.js';
import { createFoldCache, foldKey } from '../text/tone.js';
import type { Entity, Sentence, Word } from '../types.js';
import {
  AGGREGATE, ANAPHOR, ATTEND, CHAIR, CONCLUDE, DATE_ANY, DATE_LEAD, MEETING, RESULT, SECTION, TARGET, TASK,
} from './cues.js';
import { classifySentences, type SentenceLayout } from './roles.js';
import { cosine, lexRank, tfidfVectors, type SparseVector } from './vectors.js';

/** Per-sentence features, each in [0, 1]. */
export interface SentenceFeatures {
  lexb: number; // LexRank biased towards the opening and the headline (personalised PageRank)
  title: number; // similarity to the headline
  meet: number; // a meeting is held/opened/closed
  dateLead: number; // opens with a date
  chair: number; // who chaired
  attend: number; // who attended
  fig: number; // density of figures
  agg: number; // aggregate indicators (total output, growth, budget revenue)
  result: number; // results language
  task: number; // tasks / instructions language
  target: number; // targets for the next period
  conclude: number; // closing speech / instructions of a leader
  section: number; // section opener
  anaphor: number; // leans on the previous sentence
  quote: number; // starts inside a quote or in lower case
  len: number; // length (saturating)
  short: number; // very short
  ent: number; // named-entity density (when the entity tagger finds any)
}

export interface Candidate {
  /** Index into the sentence list. */
  readonly index: number;
  /** Rank among candidate (body) sentences, 0 = first. */
  readonly rank: number;
  readonly features: SentenceFeatures;
  readonly vector: SparseVector;
}

export interface SummaryDocument {
  readonly sentences: readonly Sentence[];
  readonly layout: readonly SentenceLayout[];
  readonly candidates: readonly Candidate[];
  /** The text looks like a report (many figures, report cues) rather than a news story: 0…1. */
  readonly reportness: number;
}

export interface SummaryParts {
  sentences: readonly Sentence[];
  words: readonly Word[];
  entities?: readonly Entity[];
}

let stopwords: ReadonlySet<string> | undefined;
function getStopwords(): ReadonlySet<string> {
  return (stopwords ??= loadData('stopwords.txt', (s) => new Set(s.split('\n').filter((l) => l && !l.startsWith('#')))));
}

const UNIT_AFTER = /^(?:tỷ|tỉ|triệu|nghìn|ngàn|tấn|ha|tạ|km|m2|m3|kg|usd|đồng|người|lượt|hộ|xã|dự án|doanh nghiệp|đảng viên|lao động|căn|công trình|%)$/u;
const NAMED: ReadonlySet<string> = new Set(['PERSON', 'POSITION', 'ORGANIZATION', 'EVENT', 'DOCUMENT', 'PROVINCE', 'DISTRICT', 'COMMUNE', 'LOCATION']);
const MEASURE: ReadonlySet<string> = new Set(['MONEY', 'PERCENT', 'QUANTITY']);

const sat = (x: number, cap: number): number => (x >= cap ? 1 : x / cap);
function maxOf(xs: readonly number[]): number {
  let m = 1e-9;
  for (const x of xs) if (x > m) m = x;
  return m;
}

function countMatches(re: RegExp, s: string): number {
  re.lastIndex = 0;
  let c = 0;
  while (re.exec(s)) c++;
  return c;
}

/** Counts figures in a sentence: percentages, decimal numbers, and numbers followed by a unit word. */
function figureCount(text: string): number {
  const toks = tokenize(text);
  let c = 0;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.kind === 'percent') { c++; continue; }
    if (t.kind === 'unit') { c++; continue; }
    if (t.kind !== 'number') continue;
    if (/^\d{1,2}[-/]\d{1,2}(?:[-/]\d{2,4})?$/.test(t.text)) continue; // a date
    const next = toks[i + 1];
    if (/^\d+[.,]\d+$/.test(t.text) && !/^(19|20)\d\d$/.test(t.text)) c++;
    else if (next && UNIT_AFTER.test(foldKey(next.text))) c++;
  }
  return c;
}

/**
 * Splits the text into candidate sentences and computes their features. `parts` lets a caller that already has
 * sentences, words and entities (e.g. `analyze`) pass them in.
 */
export function buildDocument(text: string, parts: SummaryParts): SummaryDocument {
  const { sentences, words } = parts;
  const entities = parts.entities ?? [];
  const layout = classifySentences(text, sentences);
  let bodyIdx = sentences.map((_, i) => i).filter((i) => layout[i]!.role === 'body');
  if (!bodyIdx.length) bodyIdx = sentences.map((_, i) => i); // nothing looks like body text: use everything
  const headlineIdx = layout.findIndex((l) => l.role === 'headline');

  // Terms per sentence (all sentences, so the headline gets a vector too).
  const stop = getStopwords();
  const fold = createFoldCache();
  const vocab = new Map<string, number>();
  const terms: number[][] = sentences.map(() => []);
  const ents: Array<{ named: number; measure: number }> = sentences.map(() => ({ named: 0, measure: 0 }));
  let si = 0;
  for (const w of words) {
    while (si < sentences.length && sentences[si]!.end <= w.start) si++;
    if (si >= sentences.length) break;
    if (w.start < sentences[si]!.start) continue;
    if (w.kind === 'punctuation' || w.kind === 'symbol' || w.kind === 'other') continue;
    const key = fold(w.text);
    if (stop.has(key) || key.length < 1) continue;
    let id = vocab.get(key);
    if (id === undefined) vocab.set(key, (id = vocab.size));
    terms[si]!.push(id);
  }
  si = 0;
  for (const e of entities) {
    while (si < sentences.length && sentences[si]!.end <= e.start) si++;
    if (si >= sentences.length) break;
    if (e.start < sentences[si]!.start) continue;
    if (NAMED.has(e.type)) ents[si]!.named++;
    else if (MEASURE.has(e.type)) ents[si]!.measure++;
  }

  // Vectors over body sentences (+ headline) with IDF from the body sentences.
  const { vectors } = tfidfVectors(bodyIdx.map((i) => terms[i]!), vocab.size);
  const headVec = headlineIdx >= 0 ? tfidfVectors([...bodyIdx.map((i) => terms[i]!), terms[headlineIdx]!], vocab.size).vectors.at(-1)! : undefined;

  const titleRaw = bodyIdx.map((_, r) => (headVec ? cosine(vectors[r]!, headVec) : 0));
  const titleMax = maxOf(titleRaw);

  const prior = bodyIdx.map((_, r) => Math.exp(-r / 2) + titleRaw[r]! / titleMax + 0.05);
  // The whole graph for texts up to 400 body sentences; beyond that, edges within 40 positions (linear time).
  const window = bodyIdx.length <= 400 ? bodyIdx.length : 40;
  const lexb = lexRank(vectors, window, 30, prior, 0.6);

  let figDocs = 0;
  const candidates: Candidate[] = bodyIdx.map((i, r) => {
    const s = sentences[i]!;
    const f = foldKey(s.text.length > 2000 ? s.text.slice(0, 2000) : s.text);
    const words = layout[i]!.words;
    const fig = Math.max(figureCount(s.text.length > 2000 ? s.text.slice(0, 2000) : s.text), ents[i]!.measure);
    if (fig >= 2) figDocs++;
    const features: SentenceFeatures = {
      lexb: lexb[r]!,
      title: Math.min(1, titleRaw[r]! / titleMax),
      meet: MEETING.test(f) ? 1 : 0,
      dateLead: DATE_LEAD.test(f) || (r < 3 && DATE_ANY.test(f.slice(0, 40))) ? 1 : 0,
      chair: CHAIR.test(f) ? 1 : 0,
      attend: ATTEND.test(f) ? 1 : 0,
      fig: sat(fig, 4),
      agg: AGGREGATE.test(f) ? 1 : 0,
      result: sat(countMatches(RESULT, f), 3),
      task: sat(countMatches(TASK, f), 2),
      target: TARGET.test(f) ? 1 : 0,
      conclude: CONCLUDE.test(f) ? 1 : 0,
      section: SECTION.test(f) ? 1 : 0,
      anaphor: ANAPHOR.test(f) ? 1 : 0,
      quote: /^["“'‘\-–—…]|^\p{Ll}/u.test(s.text) ? 1 : 0,
      len: sat(words, 40),
      short: words < 10 ? 1 : 0,
      ent: sat(ents[i]!.named, 6),
    };
    return { index: i, rank: r, features, vector: vectors[r]! };
  });
  const nBody = bodyIdx.length;
  const reportness = nBody ? Math.min(1, figDocs / nBody / 0.35) : 0;
  return { sentences, layout, candidates, reportness };
}

/**
 * Tunable weights of the sentence score: 14 numbers, tuned by coordinate ascent on the dev reports and the news
 * development set as a whole (scripts/dev/sum-eval.ts --grid), then rounded.
 */
export interface Weights {
  /** Position: pos × exp(−rank / tau) over body sentences. */
  tau: number;
  pos: number;
  /** LexRank centrality, biased towards the opening and the headline. */
  lexb: number;
  /** Similarity to the headline. */
  title: number;
  /** Report roles (the meeting, who chaired, aggregate figures, targets, the closing instructions): a bonus until the summary covers each. */
  meet: number;
  chair: number;
  fig: number;
  target: number;
  conclude: number;
  /** Role bonuses are scaled by (1 − roleReport + roleReport × reportness). */
  roleReport: number;
  /** Penalty for sentences that lean on the previous one or start inside a quote. */
  anaphor: number;
  /** Redundancy (MMR): subtract redundancy × max cosine to picked sentences. */
  redundancy: number;
}

export const DEFAULT_WEIGHTS: Readonly<Weights> = {
  tau: 0.5, pos: 1.9, lexb: 0.5, title: 0.6,
  meet: 0.8, chair: 0.5, fig: 0.5, target: 0.2, conclude: 0.2, roleReport: 0.3,
  anaphor: 0.05, redundancy: 0.8,
};

/** Cosine above which a sentence repeats one already picked. */
const NEAR_DUPLICATE = 0.85;

type Role = 'meet' | 'chair' | 'fig' | 'target' | 'conclude';
const ROLES: readonly Role[] = ['meet', 'chair', 'fig', 'target', 'conclude'];

/** How strongly a candidate plays each report role (0…1). */
function roleStrength(f: SentenceFeatures): Record<Role, number> {
  return {
    meet: f.meet ? 0.6 + 0.4 * f.dateLead : 0.5 * f.dateLead,
    chair: f.chair,
    fig: f.agg && f.fig ? 1 : 0.7 * f.fig,
    target: f.target,
    conclude: f.conclude ? 1 : 0.5 * f.task,
  };
}

/** Static part of a candidate's score. */
export function baseScore(c: Candidate, w: Weights): number {
  const f = c.features;
  return w.pos * Math.exp(-c.rank / w.tau) + w.lexb * f.lexb + w.title * f.title - w.anaphor * Math.max(f.anaphor, f.quote);
}

/**
 * Greedy selection: at each step the candidate with the highest base score + bonus for report roles not yet
 * covered − redundancy with what is already picked. Returns candidate positions with their final scores, in pick
 * order. Redundancy is only computed for k ≤ 64 (beyond that a plain score ranking is used).
 */
export function selectCandidates(doc: SummaryDocument, k: number, w: Weights = DEFAULT_WEIGHTS as Weights): Array<{ cand: Candidate; score: number }> {
  const cands = doc.candidates;
  const n = cands.length;
  k = Math.min(k, n);
  if (k <= 0) return [];
  const base = cands.map((c) => baseScore(c, w));
  const roleScale = 1 - w.roleReport + w.roleReport * doc.reportness;
  const roles = cands.map((c) => roleStrength(c.features));
  if (k > 64) {
    const order = cands.map((_, i) => i).sort((a, b) => base[b]! - base[a]! || a - b).slice(0, k);
    return order.map((i) => ({ cand: cands[i]!, score: base[i]! }));
  }
  const covered: Record<Role, number> = { meet: 0, chair: 0, fig: 0, target: 0, conclude: 0 };
  const maxSim = new Float64Array(n);
  const picked = new Uint8Array(n);
  const out: Array<{ cand: Candidate; score: number }> = [];
  for (let step = 0; step < k; step++) {
    let best = -1, bestScore = -Infinity;
    for (let i = 0; i < n; i++) {
      if (picked[i]) continue;
      // Near-duplicates of a picked sentence only come last.
      let s = base[i]! - w.redundancy * maxSim[i]! - (maxSim[i]! >= NEAR_DUPLICATE ? 100 : 0);
      const r = roles[i]!;
      for (const role of ROLES) s += roleScale * w[role] * Math.max(0, r[role] - covered[role]);
      if (s > bestScore) { bestScore = s; best = i; }
    }
    if (best < 0) break;
    picked[best] = 1;
    out.push({ cand: cands[best]!, score: bestScore });
    const r = roles[best]!;
    for (const role of ROLES) covered[role] = Math.max(covered[role], r[role]);
    const v = cands[best]!.vector;
    for (let i = 0; i < n; i++) if (!picked[i]) maxSim[i] = Math.max(maxSim[i]!, cosine(cands[i]!.vector, v));
  }
  return out;
}
