// The producer side: adds vietnlp jobs to the queue and waits for their results, typed by task.
import type { EventEmitter } from 'node:events';
import type { JobsOptions, Queue, QueueEvents } from 'bullmq';
import type { TaskName } from '../batch/tasks.js';
import { VietNlpError, checkNumber, checkOptions, describe } from '../errors.js';
import { checkQueueName, toConnectionOptions, type QueueConnection } from './connection.js';
import { loadBullmq } from './load.js';
import { DEFAULT_QUEUE, failureCode, parseJob } from './protocol.js';
import type { TaskOptionsMap, TaskResults } from './types.js';

/** Job options used when none are given: 3 attempts, exponential backoff from 1 s (input errors never retry). */
export const DEFAULT_JOB_OPTIONS: Readonly<JobsOptions> = Object.freeze({ attempts: 3, backoff: { type: 'exponential', delay: 1000 } });

/** Options of {@link createQueueClient}. */
export interface QueueClientOptions {
  /** Where Redis is: `redis://host:port` or BullMQ connection options. */
  connection: QueueConnection;
  /** Queue name (default `vietnlp`). */
  queue?: string;
  /** BullMQ job options for every job (default {@link DEFAULT_JOB_OPTIONS}); e.g. `removeOnComplete`, `priority`. */
  jobOptions?: JobsOptions;
}

/** A job in the queue. */
export interface QueuedJob<T extends TaskName> {
  readonly id: string;
  readonly task: T;
  /** Waits for the job: resolves to its result, rejects with a {@link QueueJobError} when it failed for good. */
  result(timeoutMs?: number): Promise<TaskResults[T]>;
}

/** A job that failed: `code` is the vietnlp error code read from the failed reason (`E_INTERNAL` if none). */
export class QueueJobError extends Error {
  readonly code: string;
  readonly jobId: string;
  constructor(jobId: string, reason: string) {
    super(reason);
    this.name = 'QueueJobError';
    this.code = failureCode(reason);
    this.jobId = jobId;
  }
}

/** A producer connected to one queue. */
export interface QueueClient {
  readonly queue: string;
  /** The underlying BullMQ queue (counts, cleaning, pausing, …). */
  readonly bullQueue: Queue;
  /** Adds one job; the task name and the text are checked here (VietNlpError), the options by the worker. */
  enqueue<T extends TaskName>(task: T, text: string, options?: TaskOptionsMap[T], jobOptions?: JobsOptions): Promise<QueuedJob<T>>;
  /** `enqueue` then `result()`. */
  run<T extends TaskName>(task: T, text: string, options?: TaskOptionsMap[T]): Promise<TaskResults[T]>;
  /** Closes the connections (pending `result()` calls reject). */
  close(): Promise<void>;
}

/**
 * Connects a producer to the vietnlp queue. Needs the optional packages `bullmq` and `ioredis`.
 *
 * @example
 * ```ts
 * import { createQueueClient } from 'vietnlp/queue';
 * const client = await createQueueClient({ connection: 'redis://127.0.0.1:6379' });
 * const job = await client.enqueue('analyze', text, { summary: { sentences: 3 } });
 * const analysis = await job.result(); // typed as Analysis
 * await client.close();
 * ```
 */
export async function createQueueClient(options: QueueClientOptions): Promise<QueueClient> {
  const fn = 'createQueueClient';
  const o = checkOptions<QueueClientOptions>(options, fn, ['connection', 'queue', 'jobOptions']);
  const connection = toConnectionOptions(o.connection, fn);
  const name = checkQueueName(o.queue ?? DEFAULT_QUEUE, fn);
  const defaults: JobsOptions = o.jobOptions ?? DEFAULT_JOB_OPTIONS;
  if (defaults === null || typeof defaults !== 'object' || Array.isArray(defaults)) {
    throw new VietNlpError('E_OPTION_TYPE', `${fn}: jobOptions must be BullMQ job options (an object), got ${describe(defaults)}`, { fn, option: 'jobOptions' });
  }
  const { Queue, QueueEvents } = await loadBullmq(fn);
  const queue = new Queue(name, { connection });
  queue.on('error', () => undefined); // connection errors: ioredis reconnects; commands wait (or fail the call)
  // The listener for results starts reading the event stream at a position taken *before* it asks whether a job has
  // finished. BullMQ's QueueEvents would start at '$', i.e. at its first blocking XREAD, sent some time after
  // `waitUntilReady()` resolves: a job that finished in between was missed twice — not finished yet at
  // `waitUntilFinished`'s own check, and before the stream position — so its `result()` never settled (`vietnlp
  // enqueue --wait` hung). The position is the id of a marker event this client appends (`publishEvent`, public in
  // every BullMQ backend; QueueEvents listeners see it as a custom event named "vietnlp:client"): a job finished
  // before it is caught by the check, one finished after it by the stream.
  let events: Promise<QueueEvents> | undefined;
  let closed = false;
  const listen = (): Promise<QueueEvents> =>
    (events ??= (async () => {
      if (closed) throw new Error('the client is closed');
      const maxLen = (queue.opts as { streams?: { events?: { maxLen?: number } } }).streams?.events?.maxLen ?? 10_000;
      const lastEventId = await queue.backend.publishEvent({ event: 'vietnlp:client' }, maxLen);
      if (closed) throw new Error('the client is closed');
      const e = new QueueEvents(name, { connection, lastEventId });
      e.on('error', () => undefined);
      await e.waitUntilReady();
      return e;
    })().catch((err: unknown) => {
      events = undefined; // e.g. Redis unreachable: the next result() tries again
      throw err;
    }));

  // Like BullMQ's job.waitUntilFinished (listen first, then ask whether the job is already finished), but every
  // error of the check ends up in the returned promise: BullMQ's runs in an async Promise executor, so a client
  // closed meanwhile ("Connection is closed") was an unhandled rejection.
  const pending = new Set<() => void>(); // the waits in progress: close() rejects them
  const waitFor = async (id: string, timeoutMs: number | undefined): Promise<unknown> => {
    const closedReason = `the client was closed before job ${id} finished`;
    const ev = await listen().catch((e: unknown) => {
      throw new QueueJobError(id, closed ? closedReason : ((e as Error)?.message ?? String(e)));
    });
    if (closed) throw new QueueJobError(id, closedReason);
    const emitter = ev as unknown as EventEmitter; // per-job event names are not in BullMQ's typed listener map
    return new Promise((resolve, reject) => {
      let settled = false;
      const settle = (fn: () => void): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        emitter.off(`completed:${id}`, onCompleted);
        emitter.off(`failed:${id}`, onFailed);
        pending.delete(onClosing);
        fn();
      };
      const fail = (reason: string): void => settle(() => reject(new QueueJobError(id, reason)));
      const onCompleted = (args: { returnvalue: unknown }): void => settle(() => resolve(args.returnvalue));
      const onFailed = (args: { failedReason: string }): void => fail(args.failedReason);
      const onClosing = (): void => fail(closedReason);
      const timer = timeoutMs === undefined ? undefined : setTimeout(() => fail(`job ${id} did not finish within ${timeoutMs} ms`), timeoutMs);
      emitter.on(`completed:${id}`, onCompleted);
      emitter.on(`failed:${id}`, onFailed);
      pending.add(onClosing);
      void (async () => {
        const state = await queue.getJobState(id);
        if (state === 'unknown') return fail(`job ${id} is not in the queue (removed?)`);
        if (state !== 'completed' && state !== 'failed') return;
        const job = await queue.getJob(id);
        if (!job) fail(`job ${id} is not in the queue (removed?)`);
        else if (state === 'completed') settle(() => resolve(job.returnvalue));
        else fail(job.failedReason);
      })().catch((e: unknown) => fail(closed ? closedReason : ((e as Error)?.message ?? String(e))));
    });
  };

  const enqueue = async <T extends TaskName>(task: T, text: string, taskOptions?: TaskOptionsMap[T], jobOptions?: JobsOptions): Promise<QueuedJob<T>> => {
    const data = taskOptions === undefined ? { text } : { text, options: taskOptions };
    parseJob(task, data, Infinity); // misuse throws here, not in a worker
    const job = await queue.add(task, data, { ...defaults, ...jobOptions });
    const id = String(job.id);
    return {
      id,
      task,
      async result(timeoutMs?: number) {
        if (timeoutMs !== undefined) checkNumber(timeoutMs, 'result', 'timeoutMs', 1, 2 ** 31 - 1, true);
        return (await waitFor(id, timeoutMs)) as TaskResults[T];
      },
    };
  };

  return {
    queue: name,
    bullQueue: queue,
    enqueue,
    run: async (task, text, taskOptions) => (await enqueue(task, text, taskOptions)).result(),
    async close() {
      closed = true;
      for (const reject of [...pending]) reject();
      await Promise.all([queue.close(), events?.then((e) => e.close(), () => undefined)]);
    },
  };
}

/**
 * Adds one job and returns its id (opens and closes a connection: for many jobs use {@link createQueueClient}).
 *
 * @example
 * ```ts
 * const id = await enqueue('redis://127.0.0.1:6379', 'entities', 'Xã Quảng Hợp');
 * ```
 */
export async function enqueue<T extends TaskName>(
  connection: QueueConnection,
  task: T,
  text: string,
  options?: TaskOptionsMap[T],
  settings?: { queue?: string; jobOptions?: JobsOptions },
): Promise<string> {
  const client = await createQueueClient({ connection, ...settings });
  try {
    return (await client.enqueue(task, text, options)).id;
  } finally {
    await client.close();
  }
}
