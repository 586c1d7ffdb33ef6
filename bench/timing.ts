// Shared timing helpers for the benchmark and the dev speed scripts.

export const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Runs `fn` once to warm up, then `reps` times; returns the median wall time in milliseconds. */
export function medianMs(fn: () => unknown, reps = 3): number {
  fn();
  const runs: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    fn();
    runs.push(performance.now() - t0);
  }
  return median(runs);
}

/** The syllable count the speed figures are given in: tokens other than punctuation. */
export const countSyllables = (tokens: ReadonlyArray<{ readonly kind: string }>): number => tokens.filter((t) => t.kind !== 'punctuation').length;

/** Items per second, formatted with thousands separators. */
export const perSecond = (n: number, ms: number): string => Math.round((n / ms) * 1000).toLocaleString('en-US');
