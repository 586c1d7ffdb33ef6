// Queue round of `npm run bench`: documents per second through Redis + BullMQ with one and with two `vietnlp worker`
// processes (the built dist/cli.js), and the resident memory of each worker. Redis is a private redis-server on a
// free loopback port, without persistence, stopped by pid; the round is skipped (one line says why) when
// redis-server is not on the PATH or bullmq is not installed. Producer, Redis and workers share this machine, so
// the figures are per machine. Called by bench/run.ts as `benchQueue(docs, quick)`; also runnable alone:
// `npm run build && npx tsx bench/queue.ts [--quick]`.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** One measured configuration. */
export interface QueueRun {
  workers: number;
  docsPerSecond: number;
  seconds: number;
  /** Per worker: resident memory at the end and its peak (VmRSS, VmHWM), MB. */
  rssMb: { now: number; peak: number }[];
}

function onPath(name: string): string | undefined {
  return (process.env['PATH'] ?? '').split(':').filter(Boolean).map((d) => join(d, name)).find((f) => existsSync(f));
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((res) => server.listen(0, '127.0.0.1', res));
  const { port } = server.address() as { port: number };
  await new Promise<void>((res) => server.close(() => res()));
  return port;
}

/** True when a Redis answers PING on 127.0.0.1:port. */
function ping(port: number): Promise<boolean> {
  return new Promise((res) => {
    const socket = connect(port, '127.0.0.1');
    const done = (ok: boolean): void => void (socket.destroy(), res(ok));
    socket.setTimeout(1000, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (c: Buffer) => done(c.toString('latin1').startsWith('+PONG')));
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((res) => child.once('exit', () => res()));
}

/** Stops a child by its pid (SIGTERM, SIGKILL after 20 s). */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const done = exited(child);
  process.kill(child.pid, 'SIGTERM');
  const timer = setTimeout(() => child.pid !== undefined && child.exitCode === null && process.kill(child.pid, 'SIGKILL'), 20_000);
  await done;
  clearTimeout(timer);
}

/** Polls `check` every 100 ms, at most `tries` times. */
async function until(what: string, check: () => Promise<boolean>, tries: number): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (await check()) return;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}`);
}

function rssMb(pid: number): { now: number; peak: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string): number => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
    return { now: Math.round(kb('VmRSS') / 1024), peak: Math.round(kb('VmHWM') / 1024) };
  } catch {
    return { now: NaN, peak: NaN }; // not Linux
  }
}

async function startWorker(cli: string, url: string, queue: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [cli, 'worker', '--redis', url, '--queue', queue, '--concurrency', '4'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr!.on('data', (c: Buffer) => (err += c.toString('utf8')));
  await until(`worker ready (${err.trim()})`, async () => {
    if (child.exitCode !== null) throw new Error(`worker exited ${child.exitCode}: ${err.trim()}`);
    return out.includes('worker ready');
  }, 300);
  return child;
}

/**
 * Runs `n` `analyze` jobs (the documents, cycled) through one, then two worker processes, after a warm-up of 30
 * jobs per worker (dictionaries load on the first jobs). Prints and returns the figures, or `undefined` when skipped.
 *
 * @example
 * ```ts
 * const runs = await benchQueue(docs, true); // [{ workers: 1, docsPerSecond, … }, { workers: 2, … }]
 * ```
 */
export async function benchQueue(docs: readonly string[], quick = false): Promise<QueueRun[] | undefined> {
  const server = onPath('redis-server');
  const cli = join(ROOT, 'dist', 'cli.js');
  if (!server) return void console.log('  skipped: redis-server is not on the PATH (Debian: apt-get install redis-server)');
  if (!existsSync(cli)) return void console.log('  skipped: dist/cli.js is missing (npm run build)');
  let bullmq: typeof import('bullmq');
  try {
    bullmq = await import('bullmq');
  } catch {
    return void console.log('  skipped: bullmq is not installed (npm install bullmq ioredis)');
  }
  const n = quick ? 300 : 1000;
  const jobs = Array.from({ length: n }, (_, i) => docs[i % docs.length]!);
  const kb = jobs.reduce((s, d) => s + Buffer.byteLength(d), 0) / n / 1024;
  const dir = mkdtempSync(join(tmpdir(), 'vietnlp-bench-redis-'));
  const port = await freePort();
  const redis = spawn(server, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' });
  const url = `redis://127.0.0.1:${port}`;
  const runs: QueueRun[] = [];
  try {
    await until('redis-server', async () => {
      if (redis.exitCode !== null) throw new Error('redis-server exited');
      return ping(port);
    }, 100);
    const lib = (await import(pathToFileURL(join(ROOT, 'dist', 'index.js')).href)) as typeof import('../src/index.js');
    for (const d of jobs.slice(0, 30)) lib.analyze(d); // loads the dictionaries, warms the JIT
    const inN = quick ? 100 : 200;
    const t = performance.now();
    for (const d of jobs.slice(0, inN)) lib.analyze(d);
    const inProcess = inN / ((performance.now() - t) / 1000);
    console.log(`  ${n} analyze jobs, documents of ${kb.toFixed(1)} kB, worker --concurrency 4; redis-server, producer and workers on this machine`);
    console.log(`  in-process analyze (this process, for comparison): ${inProcess.toFixed(0)} docs/s`);
    for (const count of [1, 2]) {
      const name = `bench${count}`;
      const workers: ChildProcess[] = [];
      const queue = new bullmq.Queue(name, { connection: { url } });
      try {
        for (let i = 0; i < count; i++) workers.push(await startWorker(cli, url, name));
        const add = (texts: readonly string[]) => queue.addBulk(texts.map((text) => ({ name: 'analyze', data: { text }, opts: { removeOnComplete: true } })));
        const idle = async () => (await queue.getJobCountByTypes('wait', 'active', 'prioritized', 'delayed')) === 0;
        await add(jobs.slice(0, 30 * count));
        await until('warm-up', idle, 3000);
        const t0 = performance.now();
        for (let i = 0; i < n; i += 250) await add(jobs.slice(i, i + 250));
        await until(`${n} jobs`, idle, 12_000);
        const seconds = (performance.now() - t0) / 1000;
        const failed = await queue.getJobCountByTypes('failed');
        const run: QueueRun = { workers: count, docsPerSecond: n / seconds, seconds, rssMb: workers.map((w) => rssMb(w.pid!)) };
        runs.push(run);
        const mem = run.rssMb.map((m) => `${m.now} MB (peak ${m.peak})`).join(', ');
        console.log(`  ${count} worker process${count > 1 ? 'es' : '  '}: ${run.docsPerSecond.toFixed(0).padStart(5)} docs/s (${seconds.toFixed(1)} s)${failed ? `, ${failed} FAILED` : ''}; RSS per worker ${mem}`);
      } finally {
        for (const w of workers) await stop(w);
        await queue.obliterate({ force: true }).catch(() => undefined);
        await queue.close();
      }
    }
    if (runs.length === 2) console.log(`  two workers / one: ×${(runs[1]!.docsPerSecond / runs[0]!.docsPerSecond).toFixed(2)}`);
  } finally {
    await stop(redis);
    rmSync(dir, { recursive: true, force: true });
  }
  return runs;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { buildCorpus } = await import('./corpus.js');
  const quick = process.argv.includes('--quick');
  await benchQueue(buildCorpus(quick ? 300_000 : 1_100_000).split('\n\n'), quick);
}
