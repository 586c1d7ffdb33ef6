// Fair dispatch of tasks to the worker pool: one queue per request, served round-robin, so a 1,000-text batch
// cannot make a one-text request wait behind it (the request waits for at most one text per busy thread).

/** Runs jobs at most `slots` at a time, taking turns between owners (requests). */
export interface FairScheduler {
  /** Queues `job` for `owner`; rejects with `signal.reason` if the signal aborts before the job starts. */
  run<T>(owner: object, job: () => Promise<T>, signal?: AbortSignal): Promise<T>;
  /** Jobs waiting for a slot. */
  readonly queued: number;
  /** Jobs running. */
  readonly running: number;
  /** Resolves once `owner` has no job running (its queued jobs are not waited for: drop them first by aborting). */
  idle(owner: object): Promise<void>;
}

interface Job {
  start(): void;
  drop(reason: unknown): void;
}

/**
 * Creates a round-robin scheduler over `slots` concurrent jobs.
 *
 * @example
 * ```ts
 * const s = createScheduler(2);
 * const r = await s.run(request, () => pool.runJson('segment', text));
 * ```
 */
export function createScheduler(slots: number): FairScheduler {
  // Map insertion order is the rotation: an owner served goes to the back if it still has jobs.
  const queues = new Map<object, Job[]>();
  let running = 0;
  let queued = 0;
  // Running jobs per owner, and who waits for the owner to be idle.
  const busy = new Map<object, { n: number; waiters: (() => void)[] }>();
  const started = (owner: object): void => {
    const b = busy.get(owner);
    if (b) b.n++;
    else busy.set(owner, { n: 1, waiters: [] });
  };
  const ended = (owner: object): void => {
    const b = busy.get(owner)!;
    if (--b.n > 0) return;
    busy.delete(owner);
    for (const w of b.waiters) w();
  };
  const pump = (): void => {
    while (running < slots && queues.size > 0) {
      const [owner, q] = queues.entries().next().value as [object, Job[]];
      queues.delete(owner);
      const job = q.shift()!;
      if (q.length) queues.set(owner, q);
      queued--;
      running++;
      job.start();
    }
  };
  return {
    get queued() {
      return queued;
    },
    get running() {
      return running;
    },
    idle(owner: object): Promise<void> {
      const b = busy.get(owner);
      return b ? new Promise<void>((resolve) => b.waiters.push(resolve)) : Promise.resolve();
    },
    run<T>(owner: object, fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason);
        const onAbort = (): void => {
          const q = queues.get(owner);
          const i = q ? q.indexOf(job) : -1;
          if (i < 0) return; // already started: the job itself sees the signal
          q!.splice(i, 1);
          if (!q!.length) queues.delete(owner);
          queued--;
          job.drop(signal!.reason);
        };
        const job: Job = {
          start() {
            signal?.removeEventListener('abort', onAbort);
            started(owner);
            fn()
              .then(resolve, reject)
              .finally(() => {
                running--;
                ended(owner);
                pump();
              });
          },
          drop: reject,
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        const q = queues.get(owner);
        if (q) q.push(job);
        else queues.set(owner, [job]);
        queued++;
        pump();
      });
    },
  };
}
