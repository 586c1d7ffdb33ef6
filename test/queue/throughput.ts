// Queue throughput (not a test; run with `npx tsx test/queue/throughput.ts [docs] [sentences per doc]`): documents
// per second through a private redis-server with one, then two `vietnlp worker` processes, and the peak resident
// memory of each worker (VmHWM), after the in-process analyze rate of the same documents for comparison. Producer,
// Redis and workers share this machine, so the figures are per machine.
import { readFileSync } from 'node:fs';
import { Queue } from 'bullmq';
import { analyze } from '../../src/index.js';
import { makeDocs, privateBuild, spawnWorker, startRedis, stopProcess, until, type WorkerProcess } from './helpers.js';

function peakRssMb(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : NaN;
}

async function main(): Promise<void> {
  const n = Number(process.argv[2] ?? 2000);
  const sentences = Number(process.argv[3] ?? 20);
  const docs = makeDocs(n, sentences);
  const kb = Math.round(docs.reduce((s, d) => s + Buffer.byteLength(d), 0) / n / 102.4) / 10;
  const redis = await startRedis();
  const { cli } = privateBuild('queue-throughput');
  console.log(`${n} documents of ${sentences} sentences (${kb} kB each), analyze, worker --concurrency 4`);
  for (const d of docs.slice(0, 50)) analyze(d);
  const t = performance.now();
  for (const d of docs) analyze(d);
  console.log(`in-process analyze (this process, for comparison): ${(n / ((performance.now() - t) / 1000)).toFixed(0)} docs/s`);
  try {
    for (const count of [1, 2]) {
      const name = `bench${count}`;
      const workers: WorkerProcess[] = [];
      for (let i = 0; i < count; i++) workers.push(await spawnWorker(cli, ['--redis', redis.url, '--queue', name, '--concurrency', '4']));
      const queue = new Queue(name, { connection: { url: redis.url } });
      // Warm-up: the first documents load the dictionaries in each worker.
      await queue.addBulk(docs.slice(0, 50 * count).map((text) => ({ name: 'analyze', data: { text }, opts: { removeOnComplete: true } })));
      await until('warm-up', async () => (await queue.getJobCountByTypes('wait', 'active')) === 0, 3000);
      const t0 = performance.now();
      for (let i = 0; i < n; i += 500) {
        await queue.addBulk(docs.slice(i, i + 500).map((text) => ({ name: 'analyze', data: { text }, opts: { removeOnComplete: true } })));
      }
      await until('all done', async () => (await queue.getJobCountByTypes('wait', 'active', 'prioritized')) === 0, 6000);
      const s = (performance.now() - t0) / 1000;
      const mem = workers.map((w) => peakRssMb(w.child.pid!));
      console.log(`${count} worker process${count > 1 ? 'es' : ''}: ${(n / s).toFixed(0)} docs/s (${s.toFixed(1)} s), peak RSS per worker ${mem.join(', ')} MB`);
      for (const w of workers) await stopProcess(w.child, 'SIGTERM');
      await queue.obliterate({ force: true });
      await queue.close();
    }
  } finally {
    await redis.stop();
  }
}

await main();
