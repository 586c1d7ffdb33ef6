// Test helpers for the queue: a private redis-server (loopback, free port, no persistence, own --dir, stopped by
// pid), a private build of the CLI, worker processes, and bounded waiting.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export const ROOT = join(import.meta.dirname, '..', '..');
/** redis-server from the PATH (Debian: /usr/bin/redis-server; .ci/run installs it when missing). */
const REDIS_SERVER = (process.env['PATH'] ?? '').split(':').map((d) => join(d || '.', 'redis-server')).find((f) => existsSync(f)) ?? '/usr/bin/redis-server';

/** Polls `check` every `everyMs` until it returns a truthy value, at most `tries` times; throws `what` after. */
export async function until<T>(what: string, check: () => T | Promise<T>, tries = 600, everyMs = 100): Promise<NonNullable<T>> {
  for (let i = 0; i < tries; i++) {
    const v = await check();
    if (v) return v as NonNullable<T>;
    await sleep(everyMs);
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** True when a Redis answers PING on 127.0.0.1:port. */
export function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (c: Buffer) => {
      data += c.toString('latin1');
      if (data.includes('\r\n')) done(data.startsWith('+PONG'));
    });
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** Sends `signal` to the child by pid and waits for it to exit (SIGKILL after `graceMs`). Returns the exit code. */
export async function stopProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM', graceMs = 20_000): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return child.exitCode;
  const done = exited(child);
  process.kill(child.pid, signal);
  const timer = setTimeout(() => {
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) process.kill(child.pid, 'SIGKILL');
  }, graceMs);
  try {
    return await done;
  } finally {
    clearTimeout(timer);
  }
}

/** A private redis-server. `restart()` stops it and starts a new, empty one on the same port. */
export interface PrivateRedis {
  readonly port: number;
  readonly url: string;
  pid(): number;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts redis-server on a free loopback port, without persistence, with its own --dir in a temp folder. */
export async function startRedis(): Promise<PrivateRedis> {
  if (!existsSync(REDIS_SERVER)) throw new Error(`${REDIS_SERVER} is missing (CI installs it: apt-get install redis-server)`);
  const dir = mkdtempSync(join(tmpdir(), 'vietnlp-redis-'));
  let port = 0;
  let child: ChildProcess | undefined;
  const launch = async (): Promise<boolean> => {
    const c = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--protected-mode', 'yes'], {
      stdio: 'ignore',
    });
    child = c;
    for (let i = 0; i < 100; i++) {
      if (c.exitCode !== null) return false; // e.g. the port was taken meanwhile
      if (await ping(port)) return true;
      await sleep(50);
    }
    return false;
  };
  for (let attempt = 0; ; attempt++) {
    port = await freePort();
    if (await launch()) break;
    if (child) await stopProcess(child, 'SIGKILL');
    if (attempt === 4) throw new Error('could not start redis-server');
  }
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    pid: () => child!.pid!,
    async restart() {
      await stopProcess(child!, 'SIGTERM');
      for (let i = 0; i < 5; i++) {
        if (await launch()) return;
        await stopProcess(child!, 'SIGKILL');
        await sleep(200);
      }
      throw new Error(`could not restart redis-server on port ${port}`);
    },
    async stop() {
      if (child) await stopProcess(child, 'SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Builds the CLI + worker-thread entry into .tmp/test-<name>/dist (bullmq and ioredis stay external). */
export function privateBuild(name: string): { cli: string; dir: string } {
  const dir = join(ROOT, '.tmp', `test-${name}`);
  const out = join(dir, 'dist');
  mkdirSync(dir, { recursive: true });
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'tsup', 'dist', 'cli-default.js'), '--no-config', '--entry.cli', 'src/cli/main.ts', '--entry.worker', 'src/cli/worker.ts',
      '--entry.queue', 'src/queue/index.ts', '--entry.index', 'src/index.ts', '--format', 'esm', '--no-splitting', '--out-dir', out, '--target', 'node20', '--platform', 'node', '--silent'],
    { cwd: ROOT, stdio: 'pipe' },
  );
  copyFileSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
  const cli = join(out, 'cli.js');
  if (!existsSync(cli)) throw new Error(`private build failed in ${out}`);
  return { cli, dir };
}

/** A `vietnlp worker` child process; resolves once it printed its ready line. */
export interface WorkerProcess {
  readonly child: ChildProcess;
  stdout(): string;
  stderr(): string;
}

export async function spawnWorker(cli: string, args: string[], env: Record<string, string> = {}): Promise<WorkerProcess> {
  const child = spawn(process.execPath, [cli, 'worker', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let out = '';
  let err = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr!.on('data', (c: Buffer) => (err += c.toString('utf8')));
  await until(`worker ready (stderr: ${err})`, () => {
    if (child.exitCode !== null) throw new Error(`worker exited ${child.exitCode}: ${err}`);
    return out.includes('worker ready');
  }, 300);
  return { child, stdout: () => out, stderr: () => err };
}

/** Short Vietnamese report-like documents generated from templates (nothing copied from any corpus). */
export function makeDocs(n: number, sentencesPerDoc = 2): string[] {
  const units = ['xã Quảng Hợp', 'huyện Quảng Trạch', 'phường Đồng Hới', 'tỉnh Quảng Bình', 'thị trấn Ba Đồn'];
  const names = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Quang Cường', 'Phạm Thu Dung', 'Hoàng Minh Đức'];
  const roles = ['Bí thư Huyện ủy', 'Chủ tịch UBND', 'Phó Chủ tịch HĐND', 'Trưởng ban Tuyên giáo'];
  return Array.from({ length: n }, (_, i) => {
    const parts: string[] = [];
    for (let k = 0; k < sentencesPerDoc; k++) {
      const j = i * 7 + k * 3;
      parts.push(
        (i + k) % 2 === 0
          ? `Ngày ${(j % 28) + 1}/${(j % 12) + 1}/2024, đồng chí ${names[j % names.length]}, ${roles[j % roles.length]}, chủ trì hội nghị tại ${units[j % units.length]}.`
          : `Năm ${2000 + (j % 25)}, ${units[(j + 1) % units.length]} đạt ${(j % 90) + 10}% kế hoạch, thu ngân sách ${j + 1} tỷ đồng.`,
      );
    }
    return parts.join(' ');
  });
}
