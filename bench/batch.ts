// Batch throughput: analyzeMany over a set of documents in-process (concurrency 1) and with 2 worker threads.
// Called by bench/run.ts as `benchBatch(docs)`; also runnable alone: `npx tsx bench/batch.ts`.
// The worker is a fresh private build of src/cli/worker.ts (.tmp/bench-batch/dist/worker.js), so threads and the
// in-process run execute the same sources.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { analyzeMany, createPool, processMany, type TaskName } from '../src/batch/index.js';
import { tokenize } from '../src/index.js';
import { countSyllables } from './timing.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** One measured configuration. */
export interface BatchRun {
  concurrency: number;
  threaded: boolean;
  seconds: number;
  docsPerSecond: number;
  syllablesPerSecond: number;
  /** Process CPU time ÷ wall time during the run (≈ cores actually used; below the thread count on a busy machine). */
  coresUsed: number;
}

/** What {@link benchBatch} measured. */
export interface BatchBenchResult {
  task: TaskName;
  docs: number;
  syllables: number;
  runs: BatchRun[];
  /** docs/s with the most workers ÷ docs/s in-process. */
  speedup: number;
}

/**
 * Builds src/cli/worker.ts into `.tmp/<name>/dist/worker.js` and returns its path.
 *
 * @example
 * ```ts
 * const workerFile = buildWorker();
 * ```
 */
export function buildWorker(name = 'bench-batch'): string {
  const out = join(ROOT, '.tmp', name, 'dist');
  mkdirSync(out, { recursive: true });
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'tsup', 'dist', 'cli-default.js'), '--no-config', '--entry.worker', 'src/cli/worker.ts', '--format', 'esm',
      '--no-splitting', '--out-dir', out, '--target', 'node20', '--platform', 'node', '--silent'],
    { cwd: ROOT, stdio: 'pipe' },
  );
  const file = join(out, 'worker.js');
  if (!existsSync(file)) throw new Error(`worker build failed in ${out}`);
  return file;
}

/**
 * Measures `analyzeMany` (or another task) on `docs` with each concurrency (default 1 = in-process, and 2 worker
 * threads), after a warm-up of `warmupDocs` documents per thread (default 1000: data loaded, JIT at a steady state),
 * over `passes` passes (default 2); prints and returns docs/s, syllables/s and the speed-up.
 *
 * @example
 * ```ts
 * const r = await benchBatch(docs, { concurrencies: [1, 2] });
 * console.log(r.speedup);
 * ```
 */
export async function benchBatch(
  docs: string[],
  options: { concurrencies?: number[]; task?: TaskName; workerFile?: string; print?: boolean; warmupDocs?: number; passes?: number } = {},
): Promise<BatchBenchResult> {
  const task = options.task ?? 'analyze';
  const warmupDocs = options.warmupDocs ?? 1000;
  const passes = options.passes ?? 2;
  const print = options.print ?? true;
  const syllables = docs.reduce((n, d) => n + countSyllables(tokenize(d)), 0);
  const workerFile = options.workerFile ?? buildWorker();
  const runs: BatchRun[] = [];
  if (print) console.log(`  ${docs.length} documents × ${passes} passes, ${syllables.toLocaleString('en-US')} syllables each, task ${task} (warm-up ${warmupDocs} documents per thread)`);
  for (const concurrency of options.concurrencies ?? [1, 2]) {
    const pool = createPool({ concurrency, workerFile, tasksPerThread: 2 }); // as analyzeMany's own pool
    // Warm-up, not timed: every thread loads its data and gets its JIT to a steady state. That takes a few hundred
    // documents in-process and more in busy workers (entities: still +20% docs/s between 600 and 900 per thread) (analyze: ~490 functions optimised and ~55 deopts in the first 217 documents, ~2 and 0 by
    // the sixth pass). A short warm-up measures JIT warm-up instead of throughput, and unfairly: in-process, the
    // optimising compiler runs on the idle second core (1.6-1.8 "cores used" while warming, 1.04 once warm), while
    // busy worker threads must share the cores with it, so they stay cold for longer (issue 6).
    const warm = Array.from({ length: warmupDocs * (pool.threaded ? pool.concurrency : 1) }, (_, i) => docs[i % docs.length]!);
    for await (const o of processMany(warm, { pool, task })) if ('error' in o) throw new Error(o.error.message);
    const timed = Array.from({ length: passes }, () => docs).flat();
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    let n = 0;
    for await (const _ of analyzeMany(timed, { pool, task })) n++;
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    await pool.close();
    if (n !== timed.length) throw new Error(`expected ${timed.length} results, got ${n}`);
    // CPU time of the whole process (all threads) ÷ wall time: how many cores the run actually got.
    const coresUsed = (cpu.user + cpu.system) / 1e6 / seconds;
    const run = { concurrency, threaded: pool.threaded, seconds, docsPerSecond: timed.length / seconds, syllablesPerSecond: (passes * syllables) / seconds, coresUsed };
    runs.push(run);
    if (print) {
      const label = pool.threaded ? `${concurrency} worker threads` : 'in-process (1)';
      console.log(`  ${label.padEnd(26)} ${Math.round(run.docsPerSecond).toLocaleString('en-US').padStart(7)} docs/s ${Math.round(run.syllablesPerSecond).toLocaleString('en-US').padStart(11)} syllables/s  (${seconds.toFixed(2)} s, ${run.coresUsed.toFixed(2)} cores used)`);
    }
  }
  const first = runs[0]!;
  const last = runs[runs.length - 1]!;
  const speedup = last.docsPerSecond / first.docsPerSecond;
  if (print) console.log(`  speed-up ×${speedup.toFixed(2)} (${last.concurrency} threads vs ${first.concurrency === 1 ? 'in-process' : `${first.concurrency} threads`})`);
  return { task, docs: docs.length, syllables, runs, speedup };
}

/**
 * Documents for standalone runs: the paragraphs of the example reports, repeated (each copy tagged so no two are equal).
 *
 * @example
 * ```ts
 * await benchBatch(sampleDocs(10));
 * ```
 */
export function sampleDocs(copies = 40): string[] {
  const dir = join(ROOT, 'examples', 'data');
  const paras = ['sample-report.txt', 'commune-brief.txt'].flatMap((f) => readFileSync(join(dir, f), 'utf8').split(/\n\s*\n/)).filter((p) => p.trim());
  return Array.from({ length: copies }, (_, i) => paras.map((p) => `${p} (${i})`)).flat();
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await benchBatch(sampleDocs());
}
