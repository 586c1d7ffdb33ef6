// TF-IDF sentence vectors, cosine similarity and LexRank centrality over them. Vectors are sparse (term id →
// weight, sorted by id) so that a similarity costs O(|a| + |b|).

export interface SparseVector {
  readonly ids: Int32Array;
  readonly w: Float64Array;
  readonly norm: number;
}

const EMPTY: SparseVector = { ids: new Int32Array(0), w: new Float64Array(0), norm: 0 };

/**
 * Builds TF-IDF vectors: `terms[i]` are the term ids of sentence i (repeats count); idf = ln(1 + N / df) with N the
 * number of sentences (the document is its own collection), or the given `idf` (e.g. to place a headline in the
 * body's space). Sublinear tf (1 + ln tf). Linear in the number of terms (plus a sort per sentence).
 * @example
 * ```ts
 * const { vectors } = tfidfVectors([[0, 1, 1], [1, 2]], 3);
 * cosine(vectors[0]!, vectors[1]!); // ≈ 0.2: the sentences share term 1
 * ```
 */
export function tfidfVectors(terms: readonly (readonly number[])[], vocabSize: number, idfGiven?: Float64Array): { vectors: SparseVector[]; idf: Float64Array } {
  let idf = idfGiven;
  if (!idf) {
    const n = terms.length;
    const df = new Int32Array(vocabSize);
    const last = new Int32Array(vocabSize).fill(-1);
    for (let s = 0; s < terms.length; s++) for (const id of terms[s]!) if (last[id] !== s) { last[id] = s; df[id]!++; }
    idf = new Float64Array(vocabSize);
    for (let i = 0; i < vocabSize; i++) idf[i] = df[i]! > 0 ? Math.log(1 + n / df[i]!) : 0;
  }
  const weights = idf;
  // One scratch buffer for the sorted ids of a sentence (typed-array sort is numeric and fast).
  let maxLen = 0;
  for (const t of terms) if (t.length > maxLen) maxLen = t.length;
  const scratch = new Int32Array(maxLen);
  const vectors = terms.map((t) => {
    if (!t.length) return EMPTY;
    for (let k = 0; k < t.length; k++) scratch[k] = t[k]!;
    const sorted = scratch.subarray(0, t.length).sort();
    let distinct = 0;
    for (let k = 0; k < sorted.length; k++) if (k === 0 || sorted[k] !== sorted[k - 1]) distinct++;
    const ids = new Int32Array(distinct);
    const w = new Float64Array(distinct);
    let norm = 0;
    for (let k = 0, d = -1; k < sorted.length; k++) {
      if (k === 0 || sorted[k] !== sorted[k - 1]) { d++; ids[d] = sorted[k]!; w[d] = 0; }
      w[d]!++;
    }
    for (let d = 0; d < distinct; d++) {
      const v = (1 + Math.log(w[d]!)) * (weights[ids[d]!] ?? 0);
      w[d] = v;
      norm += v * v;
    }
    return { ids, w, norm: Math.sqrt(norm) };
  });
  return { vectors, idf };
}

/** Cosine similarity of two sparse vectors (0 when either is empty). */
export function cosine(a: SparseVector, b: SparseVector): number {
  if (!a.norm || !b.norm) return 0;
  let i = 0, j = 0, dot = 0;
  const ai = a.ids, bi = b.ids;
  while (i < ai.length && j < bi.length) {
    const x = ai[i]!, y = bi[j]!;
    if (x === y) { dot += a.w[i]! * b.w[j]!; i++; j++; }
    else if (x < y) i++;
    else j++;
  }
  return dot / (a.norm * b.norm);
}

/** One past the largest term id of the vectors (the size of a dense scratch vector over them). */
export function idSpan(vectors: readonly SparseVector[]): number {
  let size = 0;
  for (const v of vectors) if (v.ids.length) size = Math.max(size, v.ids[v.ids.length - 1]! + 1);
  return size;
}

/**
 * Cosines of one vector to many, by scattering it into a dense scratch array once (`dense` must be all zeros and
 * cover the ids; it is left all zeros). Gives exactly {@link cosine}: the same products, summed in the same id order
 * (the other ids add exact zeros).
 * @example
 * ```ts
 * const sims = new Float64Array(others.length);
 * cosinesTo(v, others, new Float64Array(idSpan([v, ...others])), sims);
 * ```
 */
export function cosinesTo(a: SparseVector, others: readonly SparseVector[], dense: Float64Array, out: Float64Array, from = 0, to = others.length): void {
  if (!a.norm) { out.fill(0, from, to); return; }
  const ai = a.ids, aw = a.w;
  for (let k = 0; k < ai.length; k++) dense[ai[k]!] = aw[k]!;
  for (let j = from; j < to; j++) {
    const b = others[j]!;
    if (!b.norm) { out[j] = 0; continue; }
    const bi = b.ids, bw = b.w;
    let dot = 0;
    for (let k = 0; k < bi.length; k++) dot += dense[bi[k]!]! * bw[k]!;
    out[j] = dot / (a.norm * b.norm);
  }
  for (let k = 0; k < ai.length; k++) dense[ai[k]!] = 0;
}

/**
 * Continuous LexRank (Erkan & Radev 2004): PageRank over the cosine-similarity graph of the given vectors, damping
 * 0.85. Edges link sentences at most `window` positions apart (the whole graph for short texts), which keeps long
 * inputs linear. Returns scores scaled so that the maximum is 1.
 */
export function lexRank(vectors: readonly SparseVector[], window: number, iterations = 30, prior?: readonly number[], damping = 0.85): Float64Array {
  const n = vectors.length;
  const out = new Float64Array(n);
  if (n === 0) return out;
  if (n === 1) { out[0] = 1; return out; }
  // Edges as flat arrays (compressed rows): each undirected edge i–j stored once, walked both ways.
  const from: number[] = [], to: number[] = [], sim: number[] = [];
  const deg = new Float64Array(n);
  const dense = new Float64Array(idSpan(vectors));
  const sims = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const hi = Math.min(n - 1, i + window);
    cosinesTo(vectors[i]!, vectors, dense, sims, i + 1, hi + 1);
    for (let j = i + 1; j <= hi; j++) {
      const s = sims[j]!;
      if (s > 0.01) { from.push(i); to.push(j); sim.push(s); deg[i]! += s; deg[j]! += s; }
    }
  }
  const ea = Int32Array.from(from), eb = Int32Array.from(to), es = Float64Array.from(sim);
  // Teleport distribution: uniform, or the given prior (biased / "personalised" LexRank).
  const tele = new Float64Array(n).fill(1 / n);
  if (prior) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += Math.max(0, prior[i] ?? 0);
    if (sum > 0) for (let i = 0; i < n; i++) tele[i] = Math.max(0, prior[i] ?? 0) / sum;
  }
  let p = Float64Array.from(tele);
  const d = damping;
  for (let it = 0; it < iterations; it++) {
    const next = new Float64Array(n);
    for (let i = 0; i < n; i++) next[i] = (1 - d) * tele[i]!;
    let dangling = 0;
    const share = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      if (deg[i] === 0) dangling += p[i]!;
      else share[i] = (d * p[i]!) / deg[i]!;
    }
    for (let e = 0; e < ea.length; e++) {
      const a = ea[e]!, b = eb[e]!, s = es[e]!;
      next[b]! += share[a]! * s;
      next[a]! += share[b]! * s;
    }
    if (dangling) for (let i = 0; i < n; i++) next[i]! += d * dangling * tele[i]!;
    p = next;
  }
  let max = 0;
  for (let i = 0; i < n; i++) max = Math.max(max, p[i]!);
  for (let i = 0; i < n; i++) out[i] = max ? p[i]! / max : 0;
  return out;
}
