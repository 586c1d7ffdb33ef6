// createQueueWorker / createQueueClient / `vietnlp enqueue` in-process, on a real, private redis-server.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { analyze, segment, summarize } from '../../src/index.js';
import { runCli } from '../../src/cli/run.js';
import { startServer } from '../../src/service/index.js';
import { importPeer } from '../../src/queue/load.js';
import { QueueJobError, TASKS, createQueueClient, createQueueWorker, enqueue, type QueueWorker } from '../../src/queue/index.js';
import type { Analysis, Entity, Summary, TaskName, Word } from '../../src/index.js';
import type { TaskOptionsMap, TaskResults } from '../../src/queue/index.js';
import { ROOT, makeDocs, privateBuild, startRedis, until, type PrivateRedis } from './helpers.js';

let redis: PrivateRedis;
let tmp: string;
const quiet = (): void => undefined;

beforeAll(async () => {
  redis = await startRedis();
  tmp = mkdtempSync(join(tmpdir(), 'vietnlp-queue-'));
});

afterAll(async () => {
  await redis?.stop();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

async function withWorker<T>(queue: string, extra: Partial<Parameters<typeof createQueueWorker>[0]>, body: (w: QueueWorker) => Promise<T>): Promise<T> {
  const w = await createQueueWorker({ connection: redis.url, queue, concurrency: 2, onError: quiet, ...extra });
  try {
    await w.waitUntilReady();
    return await body(w);
  } finally {
    await w.close();
  }
}

describe('createQueueClient + createQueueWorker', () => {
  it('runs jobs and returns results typed by task, equal to the in-process functions', async () => {
    const [text] = makeDocs(1, 6);
    await withWorker('typed', {}, async () => {
      const client = await createQueueClient({ connection: redis.url, queue: 'typed' });
      try {
        const summary: Summary = await client.run('summarize', text!, { sentences: 2 });
        expect(summary).toEqual(JSON.parse(JSON.stringify(summarize(text!, { sentences: 2 }))));
        const job = await client.enqueue('analyze', text!);
        expect((await job.result()).entities).toEqual(JSON.parse(JSON.stringify(analyze(text!).entities)));
        const bad = await client.enqueue('summarize', text!, { sentences: 0 });
        const e = (await bad.result().then(() => undefined, (err: unknown) => err)) as QueueJobError;
        expect(e).toBeInstanceOf(QueueJobError);
        expect(e.code).toBe('E_OPTION_VALUE');
        expect(e.jobId).toBe(bad.id);
        // Misuse is caught on the producer side, before anything is queued.
        await expect(client.enqueue('parse' as never, 'x')).rejects.toMatchObject({ code: 'E_OPTION_VALUE' });
        await expect(client.enqueue('segment', 42 as never)).rejects.toMatchObject({ code: 'E_INPUT_TYPE' });
      } finally {
        await client.close();
      }
      const id = await enqueue(redis.url, 'entities', text!, undefined, { queue: 'typed' });
      expect(typeof id).toBe('string');
    });
  });

  it('fails a bad job once with its code (never retried), retries other errors per attempts', async () => {
    const queue = new Queue('bad', { connection: { url: redis.url } });
    const bogus = join(tmp, 'not-a-worker.mjs');
    writeFileSync(bogus, 'export default () => ({ nope: true });\n');
    try {
      await withWorker('bad', { maxTextBytes: 1000 }, async () => {
        const opts = { attempts: 3, backoff: { type: 'fixed', delay: 10 } };
        const jobs = await queue.addBulk([
          { name: 'analyze', data: { text: 42 }, opts },
          { name: 'parse', data: { text: 'x' }, opts },
          { name: 'analyze', data: { text: 'x', options: { summary: 3 } }, opts },
          { name: 'entities', data: { text: 'Xã '.repeat(500) }, opts },
          { name: 'entities', data: { text: 'Xã Quảng Hợp' }, opts },
        ]);
        await until('5 finished jobs', async () => (await queue.getJobCountByTypes('completed', 'failed')) === 5);
        const codes = [];
        for (const j of jobs) {
          const job = (await queue.getJob(j.id!))!;
          codes.push(job.failedReason ? /^E_[A-Z_]+(?=: )/.exec(job.failedReason)?.[0] : 'ok');
          expect(job.attemptsMade).toBe(1);
        }
        expect(codes).toEqual(['E_INPUT_TYPE', 'E_OPTION_VALUE', 'E_OPTION_TYPE', 'E_TOO_LARGE', 'ok']);
      });
      // A worker whose task runner is broken (a worker-thread file that is not a vietnlp worker): E_DATA_MISSING is
      // not the job's fault, so BullMQ retries it per the job's attempts.
      await withWorker('bad', { jobs: 2, workerFile: bogus }, async (w) => {
        expect(w.threaded).toBe(true);
        const job = await queue.add('segment', { text: 'Xã Quảng Hợp' }, { attempts: 2, backoff: { type: 'fixed', delay: 10 } });
        await until('the retried job to fail', async () => (await queue.getJob(job.id!))?.finishedOn);
        const done = (await queue.getJob(job.id!))!;
        expect(done.attemptsMade).toBe(2);
        expect(done.failedReason).toMatch(/^E_DATA_MISSING: worker file .* is not a vietnlp worker/);
      });
    } finally {
      await queue.close();
    }
  });

  it('every task: the job name is the task and the return value is exactly the HTTP `result` of that route', async () => {
    const [text] = makeDocs(1, 4);
    const http = await startServer({ port: 0, host: '127.0.0.1' });
    const options: Partial<Record<TaskName, Record<string, unknown>>> = { summarize: { sentences: 1 }, analyze: { summary: { sentences: 1 } } };
    try {
      await withWorker('http', {}, async () => {
        const client = await createQueueClient({ connection: redis.url, queue: 'http' });
        try {
          expect(TASKS.length).toBeGreaterThanOrEqual(6);
          for (const task of TASKS) {
            const res = await fetch(`${http.url}/${task}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text, options: options[task] }) });
            expect(res.status).toBe(200);
            const { result } = (await res.json()) as { result: unknown };
            expect(await client.run(task, text!, options[task] as never)).toEqual(result);
          }
        } finally {
          await client.close();
        }
      });
    } finally {
      await http.close();
    }
  });

  it('result(): rejects at its timeout, and when the client is closed while waiting', async () => {
    const client = await createQueueClient({ connection: redis.url, queue: 'unserved' }); // no worker on this queue
    const idle = new Queue('unserved', { connection: { url: redis.url } });
    try {
      const job = await client.enqueue('entities', 'Xã Quảng Hợp');
      await expect(job.result(300)).rejects.toMatchObject({ name: 'QueueJobError', jobId: job.id, message: /did not finish within 300 ms/ });
      const waiting = job.result();
      const outcome = waiting.then(() => 'resolved', (e: unknown) => (e as Error).message);
      await client.close();
      expect(await outcome).toMatch(/closed before job/);
    } finally {
      await client.close();
      await idle.obliterate({ force: true });
      await idle.close();
    }
  });

  it('types results and options by task (a mapped type over TASKS)', () => {
    expectTypeOf<keyof TaskResults>().toEqualTypeOf<TaskName>();
    expectTypeOf<TaskResults['analyze']>().toEqualTypeOf<Analysis>();
    expectTypeOf<TaskResults['segment']>().toEqualTypeOf<Word[]>();
    expectTypeOf<TaskResults['entities']>().toEqualTypeOf<Entity[]>();
    expectTypeOf<TaskOptionsMap['entities']>().toEqualTypeOf<undefined>();
  });

  it('checks its options and names the bad value', async () => {
    await expect(createQueueWorker({ connection: 'http://127.0.0.1:6379' })).rejects.toMatchObject({ code: 'E_OPTION_VALUE', message: /redis:\/\/127\.0\.0\.1:6379/ });
    await expect(createQueueWorker({ connection: redis.url, queue: 'a:b' })).rejects.toMatchObject({ code: 'E_OPTION_VALUE' });
    await expect(createQueueWorker({ connection: redis.url, concurrency: 0 })).rejects.toMatchObject({ code: 'E_OPTION_VALUE' });
    await expect(createQueueClient({ connection: redis.url, retries: 2 } as never)).rejects.toMatchObject({ code: 'E_UNKNOWN_OPTION' });
  });
});

async function cli(args: string[], stdin = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
  stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
  const code = await runCli(args, { stdin: Readable.from([Buffer.from(stdin)]), stdout, stderr, cwd: tmp });
  return { code, stdout: out, stderr: err };
}

describe('vietnlp enqueue', () => {
  // Every output line keeps the caller's id, in input order, one per input line: results, a line that could not be
  // queued (line 12: "text" is not a string) and a job the worker failed (line 20: above the worker's --max-text).
  it('streams an NDJSON file into the queue and, with --wait, writes the results in input order', async () => {
    const docs = makeDocs(30);
    docs[19] = `${docs[19]} ${'Xã Quảng Hợp. '.repeat(200)}`;
    const lines = docs.map((text, i) => (i === 11 ? '{"text": 12}' : JSON.stringify({ id: `d${i}`, text })));
    writeFileSync(join(tmp, 'docs.ndjson'), `${lines.join('\n')}\n`);
    await withWorker('cli', { concurrency: 4, maxTextBytes: 2000 }, async () => {
      const r = await cli(['enqueue', '--redis', redis.url, '--queue', 'cli', '--ndjson', 'docs.ndjson', '--wait']);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('2 documents failed');
      const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(out).toHaveLength(30);
      out.forEach((o, i) => {
        if (i === 11) expect(o).toEqual({ id: 12, error: { code: 'E_INPUT_TYPE', message: expect.stringMatching(/^line 12: "text" must be a string/) } });
        else if (i === 19) expect(o).toEqual({ id: 'd19', error: { code: 'E_TOO_LARGE', message: expect.stringMatching(/the limit is 2000 bytes$/) } });
        else expect(o).toEqual({ id: `d${i}`, result: JSON.parse(JSON.stringify(analyze(docs[i]!))) });
      });
      // From stdin, another task and options; without --wait: the job ids.
      const plain = await cli(['enqueue', '--redis', redis.url, '--queue', 'cli', '--ndjson', '-', '--task', 'summarize', '--options', '{"sentences":1}'], `${docs[0]}\n${docs[1]}\n`);
      expect(plain.code).toBe(0);
      const ids = plain.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: unknown; job: string });
      expect(ids.map((o) => o.id)).toEqual([1, 2]);
      expect(ids.every((o) => typeof o.job === 'string')).toBe(true);
    });
  });

  it('createQueueClient: result() settles for jobs that finish while its listener starts (the cause of the --wait hang)', async () => {
    // Each job is waited for as soon as it is added, so the first result() call starts the listener while the worker
    // is already finishing the first jobs; a fresh client each round. Every result must arrive: none may finish
    // "between" waitUntilFinished's check and the first read of the event stream.
    const docs = makeDocs(30);
    const want = docs.map((d) => segment(d).map((x) => x.text).join('|'));
    await withWorker('race', { concurrency: 4 }, async () => {
      for (let round = 0; round < 4; round++) {
        const client = await createQueueClient({ connection: redis.url, queue: 'race' });
        try {
          const results = await Promise.all(docs.map(async (text) => (await client.enqueue('segment', text)).result(15_000)));
          expect(results.map((w) => w.map((x) => x.text).join('|'))).toEqual(want);
        } finally {
          await client.close();
        }
      }
    });
  }, 120_000);

  it('SIGINT/SIGTERM stop reading and waiting (exit 130/143); the jobs already added stay queued', async () => {
    const queue = new Queue('idle', { connection: { url: redis.url } }); // no worker on this queue
    const stdin = new PassThrough(); // left open, like a producer still writing
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let err = '';
    stdout.resume();
    stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
    const stop = new AbortController();
    try {
      stdin.write('Xã Quảng Hợp.\n"Huyện Quảng Trạch."\n');
      const run = runCli(['enqueue', '--redis', redis.url, '--queue', 'idle', '--ndjson', '-', '--wait'], { stdin, stdout, stderr, cwd: tmp, signal: stop.signal });
      await until('2 queued jobs', async () => (await queue.getJobCountByTypes('wait')) === 2);
      stop.abort('SIGINT');
      expect(await run).toBe(130);
      expect(err).toContain('SIGINT received, stopped after the last complete output; the jobs already added stay in the queue');
      expect(await queue.getJobCountByTypes('wait')).toBe(2);
    } finally {
      stdin.destroy();
      await queue.obliterate({ force: true });
      await queue.close();
    }
  });

  it('rejects bad usage with exit 2 before connecting', async () => {
    expect((await cli(['enqueue', '--ndjson', 'docs.ndjson'])).stderr).toContain('--redis redis://HOST:PORT is required');
    const missing = await cli(['enqueue', '--redis', redis.url, '--ndjson', 'no-such.ndjson']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read "no-such.ndjson"');
    for (const args of [
      ['enqueue', '--redis', redis.url, '--ndjson', '-', '--task', 'parse'],
      ['enqueue', '--redis', redis.url, '--ndjson', '-', '--task', 'summarize', '--options', '{"sentence":1}'],
      ['enqueue', '--redis', redis.url, '--ndjson', '-', '--concurrency', '2'],
      ['worker', '--redis', 'localhost:6379'],
      ['worker', '--redis', redis.url, '--jobs', 'x'],
    ]) {
      const r = await cli(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^vietnlp: --/);
    }
    const help = await cli(['worker', '--help']);
    expect(help.stdout).toContain('--stalled-interval');
  });
});

// The built package (npm run build): `vietnlp/queue` shares the library's code with `vietnlp` (chunks), in ESM and
// in CJS, rather than bundling a second copy: one VietNlpError class across the entries.
describe.skipIf(!existsSync(join(ROOT, 'dist', 'queue.cjs')))('dist: the queue entry shares code with the main entry', () => {
  it('an error thrown by vietnlp/queue is an instance of vietnlp\'s VietNlpError (ESM and CJS)', () => {
    const dist = join(ROOT, 'dist');
    const cjs = `const q = require(${JSON.stringify(join(dist, 'queue.cjs'))}), v = require(${JSON.stringify(join(dist, 'index.cjs'))});
try { q.parseJob('segment', { text: 1 }); } catch (e) { console.log(e instanceof v.VietNlpError, e.code); }`;
    const esm = `const q = await import(${JSON.stringify(`file://${dist}/queue.js`)}), v = await import(${JSON.stringify(`file://${dist}/index.js`)});
try { q.parseJob('segment', { text: 1 }); } catch (e) { console.log(e instanceof v.VietNlpError, e.code); }`;
    expect(spawnSync(process.execPath, ['-e', cjs], { encoding: 'utf8' }).stdout).toBe('true E_INPUT_TYPE\n');
    expect(spawnSync(process.execPath, ['--input-type=module', '-e', esm], { encoding: 'utf8' }).stdout).toBe('true E_INPUT_TYPE\n');
  });
});

describe('without bullmq installed', () => {
  it('throws E_MISSING_DEPENDENCY naming the install command', async () => {
    const e = (await importPeer('vietnlp-no-such-peer', 'createQueueWorker').then(() => undefined, (err: unknown) => err)) as { code: string; message: string };
    expect(e.code).toBe('E_MISSING_DEPENDENCY');
    expect(e.message).toContain('npm install bullmq ioredis');
  });

  it('the built package: `vietnlp` loads without bullmq, the queue entry and `vietnlp worker` say what to install', () => {
    const { dir } = privateBuild('queue-nopeer');
    const hooks = join(tmp, 'hide-bullmq.mjs');
    writeFileSync(
      hooks,
      `export async function resolve(specifier, context, next) {
  if (specifier === 'bullmq' || specifier === 'ioredis') throw Object.assign(new Error("Cannot find package '" + specifier + "'"), { code: 'ERR_MODULE_NOT_FOUND' });
  return next(specifier, context);
}\n`,
    );
    const register = join(tmp, 'register.mjs');
    writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(`file://${hooks}`)});\n`);
    const dist = join(dir, 'dist');
    const script = `
const lib = await import(${JSON.stringify(`file://${dist}/index.js`)});
console.log(lib.analyze('Xã Quảng Hợp').entities.length > 0);
const q = await import(${JSON.stringify(`file://${dist}/queue.js`)});
try { await q.createQueueWorker({ connection: 'redis://127.0.0.1:1' }); } catch (e) { console.log(e.code, e.message); }`;
    const r = spawnSync(process.execPath, ['--import', register, '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^true\nE_MISSING_DEPENDENCY .*npm install bullmq ioredis/);
    const w = spawnSync(process.execPath, ['--import', register, join(dist, 'cli.js'), 'worker', '--redis', 'redis://127.0.0.1:1'], { encoding: 'utf8' });
    expect(w.status).toBe(1);
    expect(w.stderr).toContain('npm install bullmq ioredis');
    expect(readFileSync(join(dist, 'index.js'), 'utf8')).not.toContain('bullmq');
  });
});
