// Test helpers: a private build of the CLI + worker (so worker-thread paths run the current sources without
// touching the shared dist/), and in-memory streams for running the CLI in-process.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { runCli } from '../../src/cli/run.js';

export const ROOT = join(import.meta.dirname, '..', '..');

/**
 * Builds src/cli/main.ts and src/cli/worker.ts into .tmp/test-<name>/dist (one folder per test file, so files
 * running in parallel do not race) and returns the paths. The bundle finds dictionaries/ by walking up to the repo.
 */
export function privateBuild(name: string): { dir: string; cli: string; worker: string } {
  const dir = join(ROOT, '.tmp', `test-${name}`);
  const out = join(dir, 'dist');
  mkdirSync(dir, { recursive: true });
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'tsup', 'dist', 'cli-default.js'), '--no-config', '--entry.cli', 'src/cli/main.ts', '--entry.worker', 'src/cli/worker.ts',
      '--format', 'esm', '--no-splitting', '--out-dir', out, '--target', 'node20', '--platform', 'node', '--silent'],
    { cwd: ROOT, stdio: 'pipe' },
  );
  copyFileSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
  const cli = join(out, 'cli.js');
  const worker = join(out, 'worker.js');
  if (!existsSync(cli) || !existsSync(worker)) throw new Error(`private build failed in ${out}`);
  return { dir, cli, worker };
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with `input` as stdin. */
export async function cli(args: string[], input: string | Buffer = '', extra: { stderrIsTTY?: boolean; cwd?: string } = {}): Promise<CliRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (c: Buffer) => out.push(c));
  stderr.on('data', (c: Buffer) => err.push(c));
  const stdin = Readable.from([typeof input === 'string' ? Buffer.from(input, 'utf8') : input]);
  const code = await runCli(args, { stdin, stdout, stderr, ...extra });
  return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}
