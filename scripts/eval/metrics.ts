// Metric helpers for `npm run eval`. They implement the same definitions as the reference scorers
// (exact spans, micro P/R/F1, ROUGE on canonicalised syllables); scripts/eval.ts cross-checks the figures
// against the reference scorers whenever those are present.

/** Old/new tone placement folded to the old style, lower case, NFC, spaces collapsed (comparison only). */
const TONE_PAIRS: Array<[string, string]> = [
  ['oà', 'òa'], ['oá', 'óa'], ['oả', 'ỏa'], ['oã', 'õa'], ['oạ', 'ọa'],
  ['oè', 'òe'], ['oé', 'óe'], ['oẻ', 'ỏe'], ['oẽ', 'õe'], ['oẹ', 'ọe'],
  ['uỳ', 'ùy'], ['uý', 'úy'], ['uỷ', 'ủy'], ['uỹ', 'ũy'], ['uỵ', 'ụy'],
];
export function canon(s: string): string {
  let t = s.normalize('NFC').toLowerCase();
  for (const [a, b] of TONE_PAIRS) t = t.split(a).join(b);
  return t.replace(/\s+/g, ' ').trim();
}

export interface PRF { p: number; r: number; f: number; tp: number; nSys: number; nGold: number }
export function prf(tp: number, nSys: number, nGold: number): PRF {
  const p = nSys ? tp / nSys : 0;
  const r = nGold ? tp / nGold : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0, tp, nSys, nGold };
}
export const pct = (x: number): string => (100 * x).toFixed(2);

/** Accumulates micro counts: tp counts distinct system keys found in the gold set; sizes count all items. */
export class Counter {
  tp = 0;
  nSys = 0;
  nGold = 0;
  add(sys: readonly string[], gold: readonly string[]): void {
    const g = new Set(gold);
    this.nSys += sys.length;
    this.nGold += gold.length;
    for (const k of new Set(sys)) if (g.has(k)) this.tp++;
  }
  get prf(): PRF {
    return prf(this.tp, this.nSys, this.nGold);
  }
}

// ---------- ROUGE ----------
export const rougeTokens = (s: string): string[] => canon(s).replace(/[^\p{L}\p{N}\s]/gu, ' ').split(/\s+/).filter(Boolean);

function ngrams(t: readonly string[], n: number): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i + n <= t.length; i++) {
    const k = t.slice(i, i + n).join(' ');
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  return m;
}
export function rougeN(a: readonly string[], b: readonly string[], n: number): number {
  const A = ngrams(a, n);
  const B = ngrams(b, n);
  let o = 0;
  for (const [k, c] of A) o += Math.min(c, B.get(k) ?? 0);
  const p = o / Math.max(1, a.length - n + 1);
  const r = o / Math.max(1, b.length - n + 1);
  return p + r ? (2 * p * r) / (p + r) : 0;
}
export function rougeL(a: readonly string[], b: readonly string[]): number {
  const dp = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let prev = 0;
    for (let j = 1; j <= b.length; j++) {
      const t = dp[j]!;
      dp[j] = a[i - 1] === b[j - 1] ? prev + 1 : Math.max(dp[j]!, dp[j - 1]!);
      prev = t;
    }
  }
  const l = dp[b.length]!;
  const p = l / Math.max(1, a.length);
  const r = l / Math.max(1, b.length);
  return p + r ? (2 * p * r) / (p + r) : 0;
}
