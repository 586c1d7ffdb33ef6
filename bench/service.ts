// HTTP service load: requests/s of POST /analyze under a bounded local load (autocannon, 127.0.0.1 only, fixed
// duration), in-process and with worker threads, plus a check that an oversized body gets 413.
// Called by bench/run.ts as `benchService(docs)`; also runnable alone: `npx tsx bench/service.ts`.
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
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

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  await benchService(sampleDocs(1), process.argv[2] ? { route: process.argv[2] } : {});
}
