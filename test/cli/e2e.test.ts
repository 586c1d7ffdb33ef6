// End to end: the built CLI (private build, see helpers.ts) run as a child process.
import { spawn, spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/index.js';
import { privateBuild } from './helpers.js';

let cliPath: string;
beforeAll(() => {
  cliPath = privateBuild('cli-e2e').cli;
});

const DOCS = Array.from({ length: 30 }, (_, i) =>
  i % 7 === 3 ? '{"text": 12}' : JSON.stringify({ id: `d${i}`, text: `Ngày ${i + 1}-7, Huyện ủy Quảng Trạch tổ chức hội nghị lần thứ ${i}. Xã Quảng Hợp đạt ${i}% kế hoạch.` }),
);

function run(args: string[], input: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cliPath, ...args], { input, encoding: 'utf8', env: { ...process.env, VIETNLP_WORKER: '' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('vietnlp (built) --ndjson', () => {
  it('streams results in input order with --jobs 2, identical to --jobs 1, errors in place, exit 1', () => {
    const input = `${DOCS.join('\n')}\n`;
    const one = run(['analyze', '--ndjson'], input);
    const two = run(['analyze', '--ndjson', '--jobs', '2'], input);
    expect(two.stderr).not.toContain('running in-process');
    expect(one.status).toBe(1);
    expect(two.status).toBe(1);
    expect(two.stdout).toBe(one.stdout);
    const lines = two.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: unknown; result?: unknown; error?: string });
    expect(lines).toHaveLength(DOCS.length);
    lines.forEach((l, i) => {
      if (i % 7 === 3) expect(l).toMatchObject({ id: i + 1, error: expect.stringContaining('"text" must be a string') });
      else {
        expect(l.id).toBe(`d${i}`);
        const text = (JSON.parse(DOCS[i]!) as { text: string }).text;
        expect(l.result).toEqual(JSON.parse(JSON.stringify(analyze(text))));
      }
    });
  });

  it('exits 2 on a usage error and 0 on --version', () => {
    expect(run(['analyze', '--nope'], '').status).toBe(2);
    const v = run(['--version'], '');
    expect(v.status).toBe(0);
    expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('vietnlp serve (built)', () => {
  it('serves on a free port and shuts down gracefully on SIGTERM', async () => {
    const child = spawn(process.execPath, [cliPath, 'serve', '--port', '0', '--host', '127.0.0.1', '--max-body', '2kb'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /listening on (http:\/\/\S+)/.exec(out);
        if (m) resolve(m[1]!);
      });
      child.on('exit', () => reject(new Error(`serve exited early: ${stderr}`)));
    });
    const health = await fetch(`${url}/health`);
    expect(health.status).toBe(200);
    const r = await fetch(`${url}/entities`, { method: 'POST', body: JSON.stringify({ text: 'Xã Quảng Hợp' }) });
    expect(r.status).toBe(200);
    const big = await fetch(`${url}/entities`, { method: 'POST', body: JSON.stringify({ text: 'x'.repeat(5000) }) });
    expect(big.status).toBe(413);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).toContain('SIGTERM');
  });
});
