// Pairwise ranking by SGD on the logistic loss (RankNet), with weight averaging: deterministic (seeded PRNG),
// no dependencies. Within each document, a better sentence (oracle/gold member, or higher soft label) should score
// higher than a worse one.

export interface TrainDoc {
  dense: ArrayLike<number>[];
  hashed?: ArrayLike<number>[];
  /** Gain of each row (higher = better). */
  gain: ArrayLike<number>;
  /** Rows of the oracle / gold extract. */
  positive: readonly number[];
  /** Fixed score added to each row (a first-stage model the weights are a residual of). */
  offset?: ArrayLike<number>;
}

export interface TrainOptions {
  dim: number;
  buckets: number;
  epochs: number;
  lr: number;
  /** Pairs per positive row (against random other rows) and random soft-label pairs per document. */
  negatives: number;
  softPairs: number;
  /** Minimum gain difference of a soft-label pair. */
  minGap: number;
  seed: number;
  /** L2 pull of every weight towards 0 per update, times lr. */
  l2?: number;
}

export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function trainPairwise(docs: readonly TrainDoc[], o: TrainOptions): { dense: number[]; lexical: number[] } {
  const D = o.dim, H = o.buckets;
  const w = new Float64Array(D), wl = new Float64Array(H);
  const u = new Float64Array(D), ul = new Float64Array(H); // averaging: avg = w - u / c
  const rand = rng(o.seed);
  let c = 1;
  const order = docs.map((_, i) => i);
  const score = (d: TrainDoc, i: number): number => {
    let s = d.offset ? d.offset[i]! : 0;
    const x = d.dense[i]!;
    for (let j = 0; j < D; j++) s += w[j]! * x[j]!;
    if (d.hashed) { const h = d.hashed[i]!; for (let j = 0; j < h.length; j++) s += wl[h[j]!]!; }
    return s;
  };
  const update = (d: TrainDoc, a: number, b: number, weight: number): void => {
    const z = score(d, a) - score(d, b);
    const g = (o.lr * weight) / (1 + Math.exp(z));
    const xa = d.dense[a]!, xb = d.dense[b]!;
    for (let j = 0; j < D; j++) {
      const delta = g * (xa[j]! - xb[j]!) - (o.l2 ? o.lr * o.l2 * w[j]! : 0);
      if (delta) { w[j]! += delta; u[j]! += c * delta; }
    }
    if (d.hashed) {
      const ha = d.hashed[a]!, hb = d.hashed[b]!;
      for (let j = 0; j < ha.length; j++) { wl[ha[j]!]! += g; ul[ha[j]!]! += c * g; }
      for (let j = 0; j < hb.length; j++) { wl[hb[j]!]! -= g; ul[hb[j]!]! -= c * g; }
    }
    c++;
  };
  for (let ep = 0; ep < o.epochs; ep++) {
    for (let i = order.length - 1; i > 0; i--) { const j = Math.floor(rand() * (i + 1)); [order[i], order[j]] = [order[j]!, order[i]!]; }
    for (const di of order) {
      const d = docs[di]!;
      const n = d.dense.length;
      if (n < 2) continue;
      const pos = new Set(d.positive);
      for (const p of d.positive) {
        for (let t = 0; t < o.negatives; t++) {
          const q = Math.floor(rand() * n);
          if (!pos.has(q)) update(d, p, q, 1);
        }
      }
      for (let t = 0; t < o.softPairs; t++) {
        const a = Math.floor(rand() * n), b = Math.floor(rand() * n);
        const gap = d.gain[a]! - d.gain[b]!;
        if (Math.abs(gap) < o.minGap) continue;
        if (gap > 0) update(d, a, b, 1); else update(d, b, a, 1);
      }
    }
  }
  return {
    dense: Array.from(w, (x, j) => x - u[j]! / c),
    lexical: Array.from(wl, (x, j) => x - ul[j]! / c),
  };
}
