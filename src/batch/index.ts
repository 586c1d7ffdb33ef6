// Batch API: many texts through one task, in input order, with a bounded worker pool.
//
// Worker threads run the BUILT worker (`dist/worker.js`, found next to the bundle or under <root>/dist when running
// from the sources; override with `workerFile` or the VIETNLP_WORKER environment variable). When there is none,
// or with `concurrency: 1`, everything runs in-process: same results, one text at a time.
import { VietNlpError, checkChoice, checkNumber, checkOptions, describe } from '../errors.js';
import { mapSettledOrdered } from './ordered.js';
import { createPool, type TaskPool } from './pool.js';
import { TASKS, toErrorInfo, type ErrorInfo, type TaskName, type TaskResults } from './tasks.js';

export { TASKS, isTaskName, runTask, toErrorInfo, type TaskName, type TaskResults, type ErrorInfo } from './tasks.js';
export { createPool, findWorkerFile, type PoolOptions, type TaskPool } from './pool.js';
export { mapOrdered, mapSettledOrdered, type Settled } from './ordered.js';

/** Options of {@link analyzeMany} and {@link processMany}; `T` is the task, which types the results. */
export interface BatchOptions<T extends TaskName = TaskName> {
  /** Worker threads (default 1 = in-process, no threads). */
  concurrency?: number;
  /** Which operation to run (default `'analyze'`). */
  task?: T;
  /** Options passed to the task (e.g. `{ sentences: 2 }` for `summarize`). */
  options?: Record<string, unknown>;
  /** Built worker file (default: found next to the package's dist; see module notes). */
  workerFile?: string;
  /** Reuse an existing pool from `createPool` instead of starting one (it is not closed at the end). */
  pool?: TaskPool;
  /** Texts in flight at most (default 2 × what the pool's threads hold: 4 × concurrency with the batch's own pool, 1 in-process): bounds memory for endless sources. */
  maxInFlight?: number;
}

/** One document of {@link processMany}: a text, or a text with an id. */
export type BatchItem = string | { readonly id?: unknown; readonly text: string };

/**
 * One outcome of {@link processMany}, in input order: a result (typed by the task `T`) or an error, never both.
 * Errors have the one shape used everywhere (NDJSON, folder output, HTTP): `{ id, error: { code, message } }`.
 */
export type BatchOutcome<T extends TaskName = 'analyze'> =
  | { readonly index: number; readonly id: unknown; readonly result: TaskResults[T] }
  | { readonly index: number; readonly id: unknown; readonly error: ErrorInfo };

const OPTION_KEYS = ['concurrency', 'task', 'options', 'workerFile', 'pool', 'maxInFlight'];

function settings(options: BatchOptions | undefined, fn: string): { task: TaskName; concurrency: number; limit: number; own: boolean; pool: TaskPool } {
  const o = checkOptions<BatchOptions>(options, fn, OPTION_KEYS);
  const task = o.task === undefined ? 'analyze' : checkChoice(o.task, fn, 'task', TASKS);
  const concurrency = o.concurrency === undefined ? 1 : checkNumber(o.concurrency, fn, 'concurrency', 1, 256, true);
  const maxInFlight = o.maxInFlight === undefined ? undefined : checkNumber(o.maxInFlight, fn, 'maxInFlight', 1, 1e6, true);
  if (o.options !== undefined && (o.options === null || typeof o.options !== 'object')) {
    throw new VietNlpError('E_OPTION_TYPE', `${fn}: option options must be an object, got ${describe(o.options)}`);
  }
  if (o.workerFile !== undefined && typeof o.workerFile !== 'string') {
    throw new VietNlpError('E_OPTION_TYPE', `${fn}: option workerFile must be a path, got ${describe(o.workerFile)}`);
  }
  // The pool is created last, once every option is known to be valid, so a bad option never leaks threads.
  // Batches never abort a task, so each thread gets its next text queued (see PoolOptions.tasksPerThread).
  const pool = o.pool ?? createPool({ concurrency, workerFile: o.workerFile, tasksPerThread: 2 });
  // Twice what the threads hold, so a slow head document (results come out in order) does not leave them idle.
  const limit = maxInFlight ?? 2 * pool.concurrency * (pool.tasksPerThread ?? 1);
  return { task, concurrency, limit, own: o.pool === undefined, pool };
}

/**
 * Runs a task over many documents (strings or `{ id, text }`) and yields one outcome per document in input order:
 * `{ index, id, result }` or `{ index, id, error: { code, message } }` (a bad item does not stop the batch). At most
 * `maxInFlight` documents are read ahead, so an endless async source is processed in bounded memory.
 *
 * @example
 * ```ts
 * for await (const o of processMany([{ id: 'a', text: 'Xã Quảng Hợp' }], { task: 'entities' })) {
 *   console.log(o.id, 'error' in o ? o.error.message : o.result);
 * }
 * ```
 */
export async function* processMany<T extends TaskName = 'analyze'>(
  items: Iterable<BatchItem> | AsyncIterable<BatchItem>,
  options?: BatchOptions<T>,
): AsyncGenerator<BatchOutcome<T>, void, undefined> {
  const s = settings(options, 'processMany');
  const taskOptions = options?.options;
  const ids: unknown[] = [];
  const run = async (item: BatchItem, index: number): Promise<unknown> => {
    const text = typeof item === 'string' ? item : item && typeof item === 'object' ? item.text : undefined;
    ids[index] = typeof item === 'object' && item !== null && 'id' in item ? item.id : index;
    if (typeof text !== 'string') {
      throw new VietNlpError('E_INPUT_TYPE', `processMany: item ${index} must be a string or { id, text } with a string text, got ${describe(item)}`);
    }
    return s.pool.run(s.task, text, taskOptions);
  };
  let index = 0;
  try {
    for await (const r of mapSettledOrdered(items, run, s.limit)) {
      const id = ids[index];
      delete ids[index];
      yield r.ok ? { index, id, result: r.value as TaskResults[T] } : { index, id, error: toErrorInfo(r.error) };
      index++;
    }
  } finally {
    if (s.own) await s.pool.close();
  }
}

/**
 * Analyses many texts (or runs another `task` on them) and yields the results in input order. With `concurrency`
 * > 1 the work is spread over that many worker threads (piscina), with at most 4 × concurrency texts in flight
 * (backpressure on the source); `concurrency: 1` (default) runs in-process. Throws, at its position, the first error
 * (e.g. a non-string item); use {@link processMany} to collect errors per document instead.
 *
 * @example
 * ```ts
 * for await (const a of analyzeMany(['Huyện ủy Quảng Trạch …', 'Xã Quảng Hợp …'], { concurrency: 2 })) {
 *   console.log(a.entities.length, a.summary.text);
 * }
 * for await (const words of analyzeMany(texts, { task: 'segment' })) console.log(words.length); // Word[]
 * ```
 */
export async function* analyzeMany<T extends TaskName = 'analyze'>(
  texts: Iterable<string> | AsyncIterable<string>,
  options?: BatchOptions<T>,
): AsyncGenerator<TaskResults[T], void, undefined> {
  for await (const o of processMany(texts, options)) {
    if ('error' in o) throw new VietNlpError(o.error.code as never, o.error.message, { index: o.index });
    yield o.result;
  }
}
