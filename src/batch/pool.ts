// Worker-thread pool (piscina) running the tasks of ./tasks.ts in `dist/worker.js`.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import { VietNlpError } from '../errors.js';
import { render, type RenderInput } from '../render/index.js';
import { runTask, toErrorInfo, type ErrorInfo, type TaskName } from './tasks.js';

/** What the worker receives. */
export interface WorkerRequest {
  readonly task: TaskName;
  readonly text: string;
  readonly options?: Record<string, unknown> | undefined;
  /** Return the result as a JSON string (serialised in the worker, which spares the main thread a copy + stringify). */
  readonly json?: boolean;
  /** With `json`: the largest accepted JSON in UTF-8 bytes; a larger result is an `E_RESULT_TOO_LARGE` error. */
  readonly maxJsonBytes?: number;
  /**
   * With `json`: return the HTML view (`render(result)`, for `analyze`) instead of the JSON, so that the rendering
   * too runs off the server's event loop. `maxJsonBytes` bounds the HTML.
   */
  readonly view?: 'html';
}

/** What the worker sends back: errors travel as data so their `code` survives the thread boundary. */
export type WorkerResponse = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: ErrorInfo };

/**
 * Worker entry body (used by `src/cli/worker.ts`, built to `dist/worker.js`): runs one task, never throws.
 *
 * @example
 * ```ts
 * handleWorkerRequest({ task: 'segment', text: 'Xã Quảng Hợp' }); // { ok: true, value: [...] }
 * ```
 */
export function handleWorkerRequest(req: WorkerRequest): WorkerResponse {
  try {
    const value = runTask(req.task, req.text, req.options);
    if (!req.json) return { ok: true, value };
    const json = req.view === 'html' ? render(value as RenderInput) : (JSON.stringify(value) ?? 'null');
    const max = req.maxJsonBytes;
    if (max !== undefined && json.length * 3 > max && Buffer.byteLength(json) > max) {
      const what = req.view === 'html' ? 'of HTML' : 'of JSON';
      return { ok: false, error: { code: 'E_RESULT_TOO_LARGE', message: `the result of ${req.task} is ${Buffer.byteLength(json)} bytes ${what}; the limit is ${max} bytes` } };
    }
    return { ok: true, value: json };
  } catch (e) {
    return { ok: false, error: toErrorInfo(e) };
  }
}

/**
 * Finds the built worker file. When this module is bundled (dist/index.js, dist/cli.js) the worker is the sibling
 * `worker.js`. When running from the sources (tsx, vitest) it is `<package root>/dist/worker.js` from `npm run build`,
 * used only if it is newer than every file under src/ (a stale worker would run old code). `VIETNLP_WORKER=<path>`
 * overrides the search. Returns undefined when there is no usable worker; callers then run in-process.
 *
 * @example
 * ```ts
 * findWorkerFile(); // '/…/node_modules/vietnlp/dist/worker.js' or undefined
 * ```
 */
export function findWorkerFile(): string | undefined {
  const env = process.env['VIETNLP_WORKER'];
  if (env) return existsSync(env) ? resolve(env) : undefined;
  let dir = dirname(fileURLToPath(import.meta.url));
  const names = import.meta.url.endsWith('.cjs') ? ['worker.cjs', 'worker.js'] : ['worker.js', 'worker.cjs'];
  for (const name of names) if (existsSync(join(dir, name))) return join(dir, name);
  if (!/\.[cm]?ts$/.test(fileURLToPath(import.meta.url))) return undefined;
  for (let i = 0; i < 4; i++) {
    dir = dirname(dir);
    const file = join(dir, 'dist', 'worker.js');
    if (existsSync(file) && existsSync(join(dir, 'src'))) return statSync(file).mtimeMs >= newestMtime(join(dir, 'src')) ? file : undefined;
  }
  return undefined;
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * piscina first tries `require()` on the worker file, then `import()`. On Node 20.19+ `require()` of our ESM worker
 * goes through require(esm), and a worker thread torn down while that loads can abort the whole process
 * (`v8::Module::IsGraphAsync must be used on an instantiated module`). With require(esm) switched off in the worker
 * threads, `require()` fails cleanly (ERR_REQUIRE_ESM) and piscina loads the worker with `import()`. Older Node 20
 * releases do not know the flag (nor require(esm)); then nothing is passed.
 */
const NO_REQUIRE_ESM = process.allowedNodeEnvironmentFlags.has('--no-experimental-require-module') ? '--no-experimental-require-module' : undefined;

/** Options of {@link createPool}. */
export interface PoolOptions {
  /** Worker threads (default: available cores, at most 4). 1 or less runs in-process, without threads (unless `threads`). */
  readonly concurrency?: number;
  /** Use worker threads even for `concurrency: 1` (the HTTP service does, so an analysis never blocks its event loop). */
  readonly threads?: boolean;
  /** Heap limit of each worker thread in MB (V8 old generation; default: V8's). A task that needs more fails with `E_TOO_LARGE`. */
  readonly maxHeapMb?: number;
  /** Path of the built worker (default: {@link findWorkerFile}). When missing, the pool runs in-process. */
  readonly workerFile?: string;
  /**
   * Tasks handed to each thread at once (default 1; piscina's `concurrentTasksPerWorker`). With 2, a thread finds
   * its next text already in its inbox when it finishes one, instead of idling until the main thread (which shares
   * the cores with the busy workers) gets scheduled to send it: +9% docs/s for `analyze`, +15% for `entities` with 2
   * threads on 2 cores. Tasks still run one after the other. Catch: aborting a running task terminates its thread,
   * which also fails the task queued behind it; so the default stays 1 where tasks are aborted (HTTP timeouts), and
   * the batch API, which never aborts, uses 2.
   */
  readonly tasksPerThread?: number;
}

/**
 * The part of an `AbortSignal` the pool uses, written out so that the package's typings need neither the DOM nor
 * the node types (any real AbortSignal fits).
 */
export interface AbortSignalLike {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

/** A task runner: in worker threads when `threaded`, else in the calling thread. */
export interface TaskPool {
  /** True when tasks run in worker threads. */
  readonly threaded: boolean;
  /** Number of tasks run at once (1 in-process). */
  readonly concurrency: number;
  /** Tasks handed to each thread at once ({@link PoolOptions.tasksPerThread}; 1 in-process). */
  readonly tasksPerThread?: number;
  /** Runs one task; rejects with a `VietNlpError`-like error (`code`, `message`) on failure or abort. */
  run(task: TaskName, text: string, options?: Record<string, unknown>, signal?: AbortSignalLike): Promise<unknown>;
  /**
   * Like `run` but resolves to the result serialised as JSON (done in the worker thread when threaded); a JSON longer
   * than `maxJsonBytes` (UTF-8) is an `E_RESULT_TOO_LARGE` error. `view: 'html'` gives the HTML view instead (analyze).
   */
  runJson(task: TaskName, text: string, options?: Record<string, unknown>, signal?: AbortSignalLike, maxJsonBytes?: number, view?: 'html'): Promise<string>;
  /** Waits for running tasks, then stops the threads. */
  close(): Promise<void>;
}

class TaskError extends Error {
  readonly code: string;
  constructor(info: ErrorInfo) {
    super(info.message);
    this.name = info.code === 'E_INTERNAL' ? 'Error' : 'VietNlpError';
    this.code = info.code;
  }
}

function unwrap(res: unknown, file: string): unknown {
  if (!res || typeof res !== 'object' || typeof (res as { ok?: unknown }).ok !== 'boolean') {
    throw new VietNlpError('E_DATA_MISSING', `worker file ${file} is not a vietnlp worker (stale build? run "npm run build")`);
  }
  const r = res as WorkerResponse;
  if (!r.ok) throw new TaskError(r.error);
  return r.value;
}

/**
 * Creates a task runner. With `concurrency` > 1 and a built worker it is a piscina pool of that many threads;
 * otherwise tasks run in-process (same results, one at a time).
 *
 * @example
 * ```ts
 * const pool = createPool({ concurrency: 2 });
 * const words = await pool.run('segment', 'Huyện ủy Quảng Trạch');
 * await pool.close();
 * ```
 */
export function createPool(options: PoolOptions = {}): TaskPool {
  const wanted = options.concurrency ?? Math.min(4, availableParallelism());
  const n = Math.max(1, Math.floor(wanted) || 1);
  const file = n > 1 || options.threads ? (options.workerFile ?? findWorkerFile()) : undefined;
  const aborted = (): TaskError => new TaskError({ code: 'E_ABORTED', message: 'task aborted' });
  let exec: (req: WorkerRequest, signal: AbortSignalLike | undefined) => Promise<unknown>;
  let close: () => Promise<void>;
  const threaded = file !== undefined && existsSync(file);
  const perThread = Math.min(4, Math.max(1, Math.floor(options.tasksPerThread ?? 1) || 1));
  if (!threaded) {
    exec = async (req, signal) => {
      if (signal?.aborted) throw aborted();
      return unwrap(handleWorkerRequest(req), 'in-process');
    };
    close = async () => {};
  } else {
    const piscina = new Piscina({
      filename: pathToFileURL(file).href,
      minThreads: n,
      maxThreads: n,
      idleTimeout: 60_000,
      concurrentTasksPerWorker: perThread,
      ...(NO_REQUIRE_ESM ? { execArgv: [...process.execArgv, NO_REQUIRE_ESM] } : {}),
      ...(options.maxHeapMb ? { resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb } } : {}),
    });
    // piscina emits 'error' when a task finishes in the instant it is aborted (its result arrives for a task it has
    // already dropped). Nothing is lost (the caller got its abort); without a listener the process would crash.
    piscina.on('error', () => undefined);
    exec = async (req, signal) => {
      let res: unknown;
      try {
        res = await piscina.run(req, signal ? { signal } : {});
      } catch (e) {
        if (signal?.aborted) throw aborted();
        if ((e as { code?: unknown })?.code === 'ERR_WORKER_OUT_OF_MEMORY') {
          throw new TaskError({ code: 'E_TOO_LARGE', message: `${req.task} needed more than the worker's memory limit (${options.maxHeapMb ?? '?'} MB); send a shorter text` });
        }
        throw e;
      }
      return unwrap(res, file);
    };
    close = () => piscina.close();
  }
  return {
    threaded,
    concurrency: threaded ? n : 1,
    tasksPerThread: threaded ? perThread : 1,
    run: (task, text, opts, signal) => exec({ task, text, options: opts }, signal),
    async runJson(task, text, opts, signal, maxJsonBytes, view) {
      const value = await exec({ task, text, options: opts, json: true, ...(maxJsonBytes === undefined ? {} : { maxJsonBytes }), ...(view ? { view } : {}) }, signal);
      if (typeof value !== 'string') throw new VietNlpError('E_DATA_MISSING', `worker file ${file} is outdated (no JSON mode); rebuild it`);
      return value;
    },
    close,
  };
}
