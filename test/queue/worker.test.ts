// End to end on a real, private redis-server: `vietnlp worker` processes (private build) and BullMQ producers.
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/index.js';
import { createQueueClient } from '../../src/queue/index.js';
import { makeDocs, privateBuild, spawnWorker, startRedis, stopProcess, until, type PrivateRedis, type WorkerProcess } from './helpers.js';

let redis: PrivateRedis;
let cli: string;
const workers: WorkerProcess[] = [];

beforeAll(async () => {
  redis = await startRedis();
  cli = privateBuild('queue-e2e').cli;
});

afterAll(async () => {
  for (const w of workers) await stopProcess(w.child, 'SIGKILL');
  await redis?.stop();
});

// Stall settings short so that a killed worker's jobs come back within seconds.
const FAST_STALL = ['--lock-duration', '4000', '--stalled-interval', '1000', '--max-stalled', '10'];

async function start(queue: string, extra: string[] = []): Promise<WorkerProcess> {
  const w = await spawnWorker(cli, ['--redis', redis.url, '--queue', queue, ...extra]);
  workers.push(w);
  return w;
}

function expected(text: string): unknown {
  return JSON.parse(JSON.stringify(analyze(text))) as unknown;
}

/** Every event of the queue's event stream (read at the end, so nothing depends on a live listener). */
async function events(conn: Redis, queue: string): Promise<{ event: string; jobId: string }[]> {
  const entries = (await conn.xrange(`bull:${queue}:events`, '-', '+')) as [string, string[]][];
  return entries.map(([, fields]) => {
    const o: Record<string, string> = {};
    for (let i = 0; i < fields.length; i += 2) o[fields[i]!] = fields[i + 1]!;
    return { event: o['event'] ?? '', jobId: o['jobId'] ?? '' };
  });
}

describe('vietnlp worker (2 processes, real Redis)', () => {
  it('finishes every one of 2,000 jobs exactly once with the in-process analyze result, though one worker is SIGKILLed mid-run; bad jobs fail once with their code', async () => {
    const name = 'kill';
    const queue = new Queue(name, { connection: { url: redis.url }, streams: { events: { maxLen: 200_000 } } });
    const conn = new Redis(redis.url);
    try {
      // Short documents (one sentence), 250 distinct texts over the 2,000 jobs: the test is about the queue, and the
      // expected values are computed here once per distinct text.
      const distinct = makeDocs(250, 1);
      const docs = Array.from({ length: 2000 }, (_, i) => distinct[i % distinct.length]!);
      const a = await start(name, ['--concurrency', '4', ...FAST_STALL]);
      const b = await start(name, ['--concurrency', '4', ...FAST_STALL]);
      for (let i = 0; i < docs.length; i += 500) {
        await queue.addBulk(docs.slice(i, i + 500).map((text, k) => ({ name: 'analyze', data: { text }, opts: { jobId: `d${i + k}`, attempts: 3 } })));
      }
      // Bad jobs among them (attempts 3 like the rest): each fails once with its code and is never retried.
      const bad = [
        { name: 'analyze', data: { text: 42 }, code: 'E_INPUT_TYPE' },
        { name: 'parse', data: { text: 'Xã Quảng Hợp' }, code: 'E_OPTION_VALUE' },
        { name: 'analyze', data: { text: 'Xã Quảng Hợp', options: { summary: 3 } }, code: 'E_OPTION_TYPE' },
      ];
      await queue.addBulk(bad.map((b, k) => ({ name: b.name, data: b.data, opts: { jobId: `bad${k}`, attempts: 3, backoff: { type: 'fixed', delay: 10 } } })));
      await until('400 completed jobs', async () => (await queue.getJobCountByTypes('completed')) >= 400);
      expect(a.child.exitCode).toBeNull();
      await stopProcess(a.child, 'SIGKILL');
      await until('2,000 completed jobs', async () => (await queue.getJobCountByTypes('completed')) === 2000, 900);
      await until('the bad jobs failed', async () => (await queue.getJobCountByTypes('failed')) === bad.length);
      expect(await queue.getJobCounts('failed', 'active', 'wait', 'delayed')).toEqual({ failed: bad.length, active: 0, wait: 0, delayed: 0 });
      for (const [k, b] of bad.entries()) {
        const job = await queue.getJob(`bad${k}`);
        expect(job?.failedReason).toMatch(new RegExp(`^${b.code}: `));
        expect(job?.attemptsMade).toBe(1);
      }
      const want = distinct.map(expected);
      for (let i = 0; i < docs.length; i += 200) {
        const jobs = await Promise.all(docs.slice(i, i + 200).map((_, k) => queue.getJob(`d${i + k}`)));
        jobs.forEach((job, k) => {
          expect(job?.finishedOn).toBeTypeOf('number');
          expect(job?.returnvalue).toEqual(want[(i + k) % distinct.length]);
        });
      }
      const ev = await events(conn, name);
      const completed = new Map<string, number>();
      for (const e of ev) if (e.event === 'completed') completed.set(e.jobId, (completed.get(e.jobId) ?? 0) + 1);
      expect(completed.size).toBe(2000);
      expect([...completed.values()].every((n) => n === 1)).toBe(true);
      const failed = ev.filter((e) => e.event === 'failed').map((e) => e.jobId);
      expect(failed.sort()).toEqual(bad.map((_, k) => `bad${k}`));
      // The killed worker held jobs: they were recovered as stalled and finished by the other one.
      expect(ev.filter((e) => e.event === 'stalled').length).toBeGreaterThan(0);
      expect(b.child.exitCode).toBeNull();
      expect(await stopProcess(b.child, 'SIGTERM')).toBe(0);
    } finally {
      await queue.close();
      conn.disconnect();
    }
  }, 120_000);

  it('SIGTERM: finishes the active jobs, takes no new ones, exits 0', async () => {
    const name = 'drain';
    const queue = new Queue(name, { connection: { url: redis.url } });
    try {
      const w = await start(name, ['--concurrency', '2']);
      const docs = makeDocs(300, 40); // longer documents, so the queue is far from empty when the signal comes
      await queue.addBulk(docs.map((text) => ({ name: 'analyze', data: { text } })));
      await until('5 completed jobs', async () => (await queue.getJobCountByTypes('completed')) >= 5);
      expect(await stopProcess(w.child, 'SIGTERM')).toBe(0);
      expect(w.stderr()).toContain('worker stopped');
      const counts = await queue.getJobCounts('completed', 'active', 'wait', 'failed');
      expect(counts.active).toBe(0);
      expect(counts.failed).toBe(0);
      expect(counts.wait).toBeGreaterThan(0);
      expect((counts.completed ?? 0) + (counts.wait ?? 0)).toBe(300);
    } finally {
      await queue.obliterate({ force: true });
      await queue.close();
    }
  }, 120_000);

  it('carries on after a Redis restart (worker and producer reconnect, new jobs are done); --jobs 2 runs the tasks in threads', async () => {
    const name = 'restart';
    const w = await start(name, ['--concurrency', '4', '--jobs', '2']);
    expect(w.stderr()).not.toContain('running in-process');
    const docs = makeDocs(40);
    const run = async (texts: string[]): Promise<void> => {
      const queue = new Queue(name, { connection: { url: redis.url } });
      try {
        const jobs = await queue.addBulk(texts.map((text) => ({ name: 'analyze', data: { text } })));
        await until('jobs completed', async () => (await queue.getJobCountByTypes('completed')) === texts.length, 900);
        for (const [k, job] of jobs.entries()) expect((await queue.getJob(job.id!))?.returnvalue).toEqual(expected(texts[k]!));
      } finally {
        await queue.close();
      }
    };
    // A producer connected before the restart, and waiting on results, carries on too.
    const client = await createQueueClient({ connection: redis.url, queue: name });
    try {
      await run(docs.slice(0, 20));
      expect(await client.run('analyze', docs[0]!)).toEqual(expected(docs[0]!));
      await redis.restart(); // a new, empty Redis on the same port
      await run(docs.slice(20));
      expect(await client.run('analyze', docs[39]!)).toEqual(expected(docs[39]!));
    } finally {
      await client.close();
    }
    expect(w.child.exitCode).toBeNull();
    expect(await stopProcess(w.child, 'SIGTERM')).toBe(0);
  }, 120_000);
});
