// HTTP service load: requests/s of POST /analyze under a bounded local load (autocannon, 127.0.0.1 only, fixed
// duration), in-process and with worker threads, plus a check that an oversized body gets 413.
// plus the load round (`benchLoad`: the built `vietnlp serve` in its own process, 200 connections, 3 rounds; errors,
// p99, /health and the server's RSS per round).
// Called by bench/run.ts as `benchService(docs)` and `benchLoad(docs)`; also runnable alone:
// `npx tsx bench/service.ts` or `npx tsx bench/service.ts load`.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startServer } from '../src/service/index.js';
import { buildWorker, sampleDocs } from './batch.js';

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
type Autocannon = (opts: Record<string, unknown>) => Promise<AutocannonResult>;
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

/** One measured server configuration. */
export interface ServiceRun {
  jobs: number;
  threaded: boolean;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
  /** Process CPU time ÷ duration (server + load generator, which share this process). */
  coresUsed: number;
}

/** What {@link benchService} measured. */
export interface ServiceBenchResult {
  bodyBytes: number;
  durationSeconds: number;
  connections: number;
  runs: ServiceRun[];
  /** True when a body over the limit was answered with 413. */
  oversized413: boolean;
}

/**
 * Starts the service on a free port on 127.0.0.1 for each `jobs` value (default 1 = in-process, and 2 worker
 * threads), loads `POST /<route>` (default `/analyze`) with one median-length document for `duration` seconds over `connections`
 * connections, then checks that a body over `maxBody` is refused with 413. Prints and returns the figures.
 *
 * @example
 * ```ts
 * const r = await benchService(docs, { duration: 5 });
 * console.log(r.runs.map((x) => x.requestsPerSecond), r.oversized413);
 * ```
 */
export async function benchService(
  docs: string[],
  options: { duration?: number; connections?: number; jobs?: number[]; maxBody?: number; workerFile?: string; route?: string; print?: boolean } = {},
): Promise<ServiceBenchResult> {
  const duration = options.duration ?? 5;
  const route = options.route ?? 'analyze';
  const connections = options.connections ?? 4;
  const maxBody = options.maxBody ?? 1024 * 1024;
  const print = options.print ?? true;
  const sorted = [...docs].filter((d) => d.trim()).sort((a, b) => a.length - b.length);
  const doc = sorted[Math.floor(sorted.length / 2)] ?? 'Xã Quảng Hợp hoàn thành 100% kế hoạch.';
  const body = JSON.stringify({ text: doc });
  const jobsList = options.jobs ?? [1, 2];
  const workerFile = jobsList.some((j) => j > 1) ? (options.workerFile ?? buildWorker('bench-service')) : undefined;
  if (print) console.log(`  POST /${route}, body ${Buffer.byteLength(body)} bytes, ${connections} connections, ${duration} s per run, 127.0.0.1`);
  const runs: ServiceRun[] = [];
  let oversized413 = false;
  for (const jobs of jobsList) {
    const service = await startServer({ port: 0, host: '127.0.0.1', jobs, maxBody, maxInFlight: 1024, workerFile });
    try {
      // Warm-up (loads the data in every thread), not measured.
      for (let i = 0; i < 2 * jobs; i++) {
        const res = await fetch(`${service.url}/${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        if (res.status !== 200) throw new Error(`warm-up request failed with ${res.status}`);
        await res.arrayBuffer();
      }
      const cpu0 = process.cpuUsage();
      const r = await autocannon({
        url: `${service.url}/${route}`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        connections,
        duration,
      });
      const cpu = process.cpuUsage(cpu0);
      const run: ServiceRun = {
        jobs,
        threaded: service.threaded,
        requestsPerSecond: r.requests.average,
        latencyP50Ms: r.latency.p50,
        latencyP99Ms: r.latency.p99,
        requests: r.requests.total,
        non2xx: r.non2xx,
        errors: r.errors + r.timeouts,
        coresUsed: (cpu.user + cpu.system) / 1e6 / duration,
      };
      runs.push(run);
      if (print) {
        const label = service.threaded ? `${jobs} worker threads` : 'in-process';
        console.log(`  ${label.padEnd(26)} ${run.requestsPerSecond.toFixed(1).padStart(8)} req/s  p50 ${run.latencyP50Ms} ms, p99 ${run.latencyP99Ms} ms, ${run.requests} requests, ${run.non2xx} non-2xx, ${run.errors} errors, ${run.coresUsed.toFixed(2)} cores used`);
      }
      if (jobs === jobsList[0]) {
        const big = JSON.stringify({ text: 'Xã Quảng Hợp. '.repeat(Math.ceil(maxBody / 10)) });
        const res = await fetch(`${service.url}/${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: big });
        oversized413 = res.status === 413;
        await res.arrayBuffer();
        if (print) console.log(`  oversized body (${(Buffer.byteLength(big) / 1024 / 1024).toFixed(1)} MB > ${(maxBody / 1024 / 1024).toFixed(1)} MB limit) → ${res.status}${oversized413 ? ' ✓' : ' ✗ expected 413'}`);
      }
    } finally {
      await service.close();
    }
  }
  return { bodyBytes: Buffer.byteLength(body), durationSeconds: duration, connections, runs, oversized413 };
}

/** What {@link benchLoad} measured, per round. */
export interface LoadRound {
  requests: number;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  non2xx: number;
  errors: number;
  /** Resident set of the server process (its event loop and its worker thread; not the load generator) after the round. */
  rssBytes: number;
  /** Whether GET /health answered 200 during the round (probed once a second while the load runs). */
  healthOk: boolean;
}

/** Resident set of a process in bytes (Linux /proc; 0 elsewhere). */
function rssOf(pid: number): number {
  try {
    const m = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Starts the built CLI's `vietnlp serve` (dist/cli.js) on a free loopback port; resolves with its URL once it listens. */
async function spawnServe(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const cli = join(ROOT, 'dist', 'cli.js');
  if (!existsSync(cli)) throw new Error('bench load: dist/cli.js is missing; run "npm run build" first (npm run bench does)');
  const child = spawn(process.execPath, [cli, 'serve', '--port', '0', '--host', '127.0.0.1', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`vietnlp serve exited (${code}): ${stderr}`)));
  });
  return { child, url };
}

/**
 * The load round: the built `vietnlp serve` in its own process (default settings: one worker thread; only
 * `--max-in-flight 256` so that 200 connections are not shed with 503), under `connections` (default 200)
 * connections posting one median document to `/<route>` (default `/analyze`) for `rounds` (default 3) rounds of
 * `duration` (default 15) seconds, while `/health` is probed once a second. Prints requests/s, p50/p99 latency,
 * errors and the server's RSS after each round; `stable` when the last round's RSS is within 25% of the first's,
 * and `ok` when every round completed requests, with no errors, no non-2xx answers, and /health always answered.
 * Requests still waiting when a round ends are abandoned by their clients (their queued work is dropped, a running
 * text finishes), which is part of the test.
 *
 * @example
 * ```ts
 * const r = await benchLoad(docs, { rounds: 3 });
 * console.log(r.ok, r.stable, r.rounds.map((x) => x.latencyP99Ms));
 * ```
 */
export async function benchLoad(
  docs: string[],
  options: { connections?: number; rounds?: number; duration?: number; route?: string; print?: boolean } = {},
): Promise<{ rounds: LoadRound[]; ok: boolean; stable: boolean }> {
  const connections = options.connections ?? 200;
  const roundsWanted = options.rounds ?? 3;
  const duration = options.duration ?? 15; // long enough for the steady state: a request waits for ~200 others
  const route = options.route ?? 'analyze';
  const print = options.print ?? true;
  const sorted = [...docs].filter((d) => d.trim()).sort((a, b) => a.length - b.length);
  const body = JSON.stringify({ text: sorted[Math.floor(sorted.length / 2)] ?? 'Xã Quảng Hợp hoàn thành 100% kế hoạch.' });
  const { child, url } = await spawnServe(['--max-in-flight', '256']);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const rounds: LoadRound[] = [];
  try {
    // Warm-up (the thread loads its data), not measured.
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${url}/${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      if (res.status !== 200) throw new Error(`warm-up request failed with ${res.status}`);
      await res.arrayBuffer();
    }
    const health = (await (await fetch(`${url}/health`)).json()) as { threads: number };
    if (print) console.log(`  POST /${route}, body ${Buffer.byteLength(body)} bytes, ${connections} connections, ${roundsWanted} rounds of ${duration} s, vietnlp serve (pid ${child.pid}, ${health.threads} worker thread${health.threads === 1 ? '' : 's'})`);
    for (let i = 0; i < roundsWanted; i++) {
      let healthOk = true;
      const probe = setInterval(() => {
        fetch(`${url}/health`, { signal: AbortSignal.timeout(5000) }).then(
          (r) => ((healthOk &&= r.status === 200), r.arrayBuffer()),
          () => (healthOk = false),
        );
      }, 1000);
      const r = await autocannon({ url: `${url}/${route}`, method: 'POST', headers: { 'content-type': 'application/json' }, body, connections, duration, timeout: 30 });
      clearInterval(probe);
      const round: LoadRound = {
        requests: r.requests.total,
        requestsPerSecond: r.requests.average,
        latencyP50Ms: r.latency.p50,
        latencyP99Ms: r.latency.p99,
        non2xx: r.non2xx,
        errors: r.errors + r.timeouts,
        rssBytes: rssOf(child.pid!),
        healthOk,
      };
      rounds.push(round);
      if (print) {
        console.log(`  round ${i + 1}: ${round.requestsPerSecond.toFixed(1).padStart(7)} req/s  p50 ${round.latencyP50Ms} ms, p99 ${round.latencyP99Ms} ms, ${round.requests} requests, ${round.non2xx} non-2xx, ${round.errors} errors, /health ${healthOk ? 'ok' : 'FAILED'}, server RSS ${(round.rssBytes / 1024 / 1024).toFixed(0)} MB`);
      }
    }
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
  const ok = rounds.every((r) => r.requests > 0 && r.errors === 0 && r.non2xx === 0 && r.healthOk);
  const stable = rounds.length < 2 || rounds[rounds.length - 1]!.rssBytes <= 1.25 * rounds[0]!.rssBytes;
  if (print) console.log(`  load: ${ok ? 'no errors ✓' : 'ERRORS ✗'}; server RSS ${stable ? 'stable ✓' : 'growing ✗'} (round 1 → ${rounds.length}: ${rounds.map((r) => (r.rssBytes / 1024 / 1024).toFixed(0)).join(' → ')} MB)`);
  return { rounds, ok, stable };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  if (process.argv[2] === 'load') await benchLoad(sampleDocs(1));
  else await benchService(sampleDocs(1), process.argv[2] ? { route: process.argv[2] } : {});
}
