// The queue worker: a BullMQ Worker whose processor is the protocol of ./protocol.ts, running the tasks with the
// same runner as the HTTP service (a TaskPool: in-process, or worker threads with `jobs` > 1).
import type { Worker } from 'bullmq';
import { createPool } from '../batch/pool.js';
import { checkNumber, checkOptions } from '../errors.js';
import { checkQueueName, toConnectionOptions, type QueueConnection } from './connection.js';
import { loadBullmq } from './load.js';
import { DEFAULT_MAX_TEXT_BYTES, DEFAULT_QUEUE, processJob } from './protocol.js';

/** Options of {@link createQueueWorker}. */
export interface QueueWorkerOptions {
  /** Where Redis is: `redis://host:port` or BullMQ connection options. */
  connection: QueueConnection;
  /** Queue name (default `vietnlp`). */
  queue?: string;
  /** Jobs this worker holds at once (default: `jobs`). More than `jobs` hides the Redis round trips. */
  concurrency?: number;
  /** Worker threads running the tasks (default 1 = in the worker's own thread). Needs the built `dist/worker.js`. */
  jobs?: number;
  /** Built worker-thread file (default: found next to the package's dist). */
  workerFile?: string;
  /** Largest accepted text in UTF-8 bytes (default 5 MiB); a larger one fails its job with E_TOO_LARGE. */
  maxTextBytes?: number;
  /** How long a job's lock lasts without renewal, ms (default 30 000; renewed every half of it while the job runs). */
  lockDuration?: number;
  /** How often this worker looks for stalled jobs (locks expired: their worker died), ms (default 30 000). */
  stalledInterval?: number;
  /** How many times a job may stall and be put back before it fails (default 2). */
  maxStalledCount?: number;
  /** Name stored on the jobs this worker processes (shows in dashboards). */
  name?: string;
  /** Called with connection and internal errors (default: printed to stderr, at most once per 5 s per message). */
  onError?: (error: Error) => void;
}

/** A running worker. */
export interface QueueWorker {
  /** The queue it consumes. */
  readonly queue: string;
  /** True when the tasks run in worker threads. */
  readonly threaded: boolean;
  /** The underlying BullMQ worker (events: `completed`, `failed`, `stalled`, `error`, …). */
  readonly worker: Worker;
  /** Resolves once connected to Redis. */
  waitUntilReady(): Promise<void>;
  /** Takes no new jobs, finishes the active ones, disconnects and stops the threads. */
  close(): Promise<void>;
}

const OPTION_KEYS = ['connection', 'queue', 'concurrency', 'jobs', 'workerFile', 'maxTextBytes', 'lockDuration', 'stalledInterval', 'maxStalledCount', 'name', 'onError'];
const MAX_MS = 2 ** 31 - 1;

function stderrLogger(): (error: Error) => void {
  const last = new Map<string, number>();
  return (error) => {
    const message = error?.message ?? String(error);
    const now = Date.now();
    if (now - (last.get(message) ?? -Infinity) < 5000) return;
    last.set(message, now);
    globalThis.process.stderr.write(`vietnlp worker: ${message}\n`);
  };
}

/**
 * Starts a worker that takes vietnlp jobs from a BullMQ queue on Redis: job name = task (`segment`, `pos`,
 * `entities`, `officials`, `summarize`, `report`, `analyze`), data = `{ text, options? }`, return value = the task's result.
 * Needs the optional packages `bullmq` and `ioredis` (else throws E_MISSING_DEPENDENCY).
 *
 * @example
 * ```ts
 * import { createQueueWorker } from 'vietnlp/queue';
 * const worker = await createQueueWorker({ connection: 'redis://127.0.0.1:6379', concurrency: 2 });
 * process.on('SIGTERM', () => void worker.close());
 * ```
 */
export async function createQueueWorker(options: QueueWorkerOptions): Promise<QueueWorker> {
  const fn = 'createQueueWorker';
  const o = checkOptions<QueueWorkerOptions>(options, fn, OPTION_KEYS);
  const connection = toConnectionOptions(o.connection, fn);
  const queue = checkQueueName(o.queue ?? DEFAULT_QUEUE, fn);
  const jobs = o.jobs === undefined ? 1 : checkNumber(o.jobs, fn, 'jobs', 1, 256, true);
  const concurrency = o.concurrency === undefined ? jobs : checkNumber(o.concurrency, fn, 'concurrency', 1, 10_000, true);
  const maxTextBytes = o.maxTextBytes === undefined ? DEFAULT_MAX_TEXT_BYTES : checkNumber(o.maxTextBytes, fn, 'maxTextBytes', 1, 2 ** 31, true);
  const lockDuration = o.lockDuration === undefined ? 30_000 : checkNumber(o.lockDuration, fn, 'lockDuration', 100, MAX_MS, true);
  const stalledInterval = o.stalledInterval === undefined ? 30_000 : checkNumber(o.stalledInterval, fn, 'stalledInterval', 100, MAX_MS, true);
  const maxStalledCount = o.maxStalledCount === undefined ? 2 : checkNumber(o.maxStalledCount, fn, 'maxStalledCount', 0, 1000, true);
  const { Worker } = await loadBullmq(fn);
  const onError = o.onError ?? stderrLogger();
  const pool = createPool({ concurrency: jobs, workerFile: o.workerFile, tasksPerThread: 1 });
  const run = (task: Parameters<typeof pool.run>[0], text: string, opts: Record<string, unknown> | undefined): Promise<unknown> => pool.run(task, text, opts);
  const worker = new Worker(queue, (job) => processJob(job.name, job.data, run, maxTextBytes), {
    connection,
    concurrency,
    lockDuration,
    stalledInterval,
    maxStalledCount,
    ...(o.name === undefined ? {} : { name: String(o.name) }),
  });
  worker.on('error', (e) => onError(e));
  let closed: Promise<void> | undefined;
  return {
    queue,
    threaded: pool.threaded,
    worker,
    async waitUntilReady() {
      await worker.waitUntilReady();
    },
    close: () =>
      (closed ??= (async () => {
        try {
          await worker.close();
        } finally {
          await pool.close();
        }
      })()),
  };
}
