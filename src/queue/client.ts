// The producer side: adds vietnlp jobs to the queue and waits for their results, typed by task.
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
  queue.setMaxListeners(0); // each waiting job listens for the queue's 'closing'
  queue.on('error', () => undefined); // connection errors: ioredis reconnects; commands wait (or fail the call)
  // The listener for results starts reading the event stream at a position taken *before* it asks whether a job has
  // finished. BullMQ's QueueEvents would start at '$', i.e. at its first blocking XREAD, sent some time after
  // `waitUntilReady()` resolves: a job that finished in between was missed twice — not finished yet at
  // `waitUntilFinished`'s own check, and before the stream position — so its `result()` never settled (`vietnlp
  // enqueue --wait` hung). The position is the id of a marker event this client appends (`publishEvent`, public in
  // every BullMQ backend; QueueEvents listeners see it as a custom event named "vietnlp:client"): a job finished
  // before it is caught by the check, one finished after it by the stream.
  let events: Promise<QueueEvents> | undefined;
  const listen = (): Promise<QueueEvents> =>
    (events ??= (async () => {
      const maxLen = (queue.opts as { streams?: { events?: { maxLen?: number } } }).streams?.events?.maxLen ?? 10_000;
      const lastEventId = await queue.backend.publishEvent({ event: 'vietnlp:client' }, maxLen);
      const e = new QueueEvents(name, { connection, lastEventId });
      e.on('error', () => undefined);
      await e.waitUntilReady();
      return e;
    })().catch((err: unknown) => {
      events = undefined; // e.g. Redis unreachable: the next result() tries again
      throw err;
    }));

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
        try {
          return (await job.waitUntilFinished(await listen(), timeoutMs)) as TaskResults[T];
        } catch (e) {
          throw new QueueJobError(id, (e as Error)?.message ?? String(e));
        }
      },
    };
  };

  return {
    queue: name,
    bullQueue: queue,
    enqueue,
    run: async (task, text, taskOptions) => (await enqueue(task, text, taskOptions)).result(),
    async close() {
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
