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

/**
 * Runs `fn` once to warm up, then `reps` times; returns the median wall time and the median CPU time of the
 * process (user + system, milliseconds). On a machine shared with other work the CPU time is the steadier figure.
 */
export function medianTimes(fn: () => unknown, reps = 3): { wall: number; cpu: number } {
  fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < reps; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { wall: median(wall), cpu: median(cpu) };
}

/** The syllable count the speed figures are given in: tokens other than punctuation. */
export const countSyllables = (tokens: ReadonlyArray<{ readonly kind: string }>): number => tokens.filter((t) => t.kind !== 'punctuation').length;

/** Items per second, formatted with thousands separators. */
export const perSecond = (n: number, ms: number): string => Math.round((n / ms) * 1000).toLocaleString('en-US');
