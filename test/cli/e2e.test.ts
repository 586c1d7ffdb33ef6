// End to end: the built CLI (private build, see helpers.ts) run as a child process.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

const JSON_TYPE = { 'content-type': 'application/json' };
const SENTENCE = 'Ngày 09-7, Huyện ủy Quảng Trạch tổ chức hội nghị lần thứ 25, xã Quảng Hợp đạt 100% kế hoạch thu ngân sách. ';

/** Starts the built CLI's `serve` on a free port; resolves once it listens. */
async function startServe(args: string[]): Promise<{ child: ChildProcess; url: string; stderr: () => string; exited: Promise<number | null> }> {
  const child = spawn(process.execPath, [cliPath, 'serve', '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.on('exit', () => reject(new Error(`serve exited early: ${stderr}`)));
  });
  return { child, url, stderr: () => stderr, exited };
}

async function until(check: () => Promise<boolean>, tries = 800): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('condition not reached');
}

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
    const lines = two.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: unknown; result?: unknown; error?: { code: string; message: string } });
    expect(lines).toHaveLength(DOCS.length);
    lines.forEach((l, i) => {
      if (i % 7 === 3) expect(l).toEqual({ id: i + 1, error: { code: 'E_INPUT_TYPE', message: expect.stringContaining('"text" must be a string') } });
      else {
        expect(l.id).toBe(`d${i}`);
        const text = (JSON.parse(DOCS[i]!) as { text: string }).text;
        expect(l.result).toEqual(JSON.parse(JSON.stringify(analyze(text))));
      }
    });
  });

  it('exits 2 on a usage error (unknown option, mistyped command, missing file) and 0 on --version', () => {
    expect(run(['analyze', '--nope'], '').status).toBe(2);
    const typo = run(['segmnet'], '');
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain('did you mean "segment"?');
    const missing = run(['segment', '/nonexistent/vietnlp-missing.txt'], '');
    expect(missing.status).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toMatch(/cannot read .*vietnlp-missing\.txt/);
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
    const r = await fetch(`${url}/entities`, { method: 'POST', headers: JSON_TYPE, body: JSON.stringify({ text: 'Xã Quảng Hợp' }) });
    expect(r.status).toBe(200);
    const big = await fetch(`${url}/entities`, { method: 'POST', headers: JSON_TYPE, body: JSON.stringify({ text: 'x'.repeat(5000) }) });
    expect(big.status).toBe(413);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).toContain('SIGTERM');
  });
});

describe('signals (built CLI)', () => {
  for (const [signal, code] of [['SIGTERM', 143], ['SIGINT', 130]] as const) {
    it(`${signal} while streaming NDJSON finishes the current line and exits ${code}`, async () => {
      const child = spawn(process.execPath, [cliPath, 'segment', '--ndjson'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, VIETNLP_WORKER: '' } });
      let out = '';
      let err = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString()));
      child.stderr.on('data', (c: Buffer) => (err += c.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
      for (let i = 0; i < 3; i++) child.stdin.write(`${JSON.stringify({ id: i, text: SENTENCE })}\n`);
      await until(async () => out.split('\n').length > 3);
      child.stdin.write(`${JSON.stringify({ id: 'big', text: SENTENCE.repeat(2000) })}\n`); // megabytes of output
      await new Promise((r) => setTimeout(r, 50));
      child.kill(signal); // stdin stays open: the CLI must not wait for it
      expect(await exited).toBe(code);
      expect(out.endsWith('\n')).toBe(true);
      const lines = out.trim().split('\n').map((l) => JSON.parse(l) as { id: unknown });
      expect(lines.slice(0, 3).map((l) => l.id)).toEqual([0, 1, 2]);
      for (const line of err.trim().split('\n')) expect(line).toMatch(/^vietnlp: /);
    });
  }
});

describe('serve shutdown (built CLI)', () => {
  it('answers every request already received on SIGTERM (default mode: one worker thread)', async () => {
    const s = await startServe([]);
    await fetch(`${s.url}/segment`, { method: 'POST', headers: JSON_TYPE, body: JSON.stringify({ text: 'Xã' }) });
    let answered = 0;
    const reqs = Array.from({ length: 16 }, (_, i) =>
      fetch(`${s.url}/analyze`, { method: 'POST', headers: JSON_TYPE, body: JSON.stringify({ text: SENTENCE.repeat(10 + i) }) }).then((r) => (answered++, r.status)),
    );
    await until(async () => ((await (await fetch(`${s.url}/health`)).json()) as { inFlight: number }).inFlight + answered === 16);
    s.child.kill('SIGTERM');
    expect(await Promise.all(reqs)).toEqual(Array(16).fill(200));
    expect(await s.exited).toBe(0);
    for (const line of s.stderr().trim().split('\n')) expect(line).toMatch(/^vietnlp: /);
  });

  it('gives 503 E_CLOSING to work still running at the --grace deadline, with only log lines on stderr', async () => {
    const s = await startServe(['--jobs', '2', '--grace', '100']);
    const long = fetch(`${s.url}/analyze`, { method: 'POST', headers: JSON_TYPE, body: JSON.stringify({ text: SENTENCE.repeat(3000) }) });
    await until(async () => ((await (await fetch(`${s.url}/health`)).json()) as { inFlight: number }).inFlight === 1);
    s.child.kill('SIGTERM');
    const r = await long;
    expect(r.status).toBe(503);
    expect(((await r.json()) as { error: { code: string } }).error.code).toBe('E_CLOSING');
    expect(await s.exited).toBe(0);
    for (const line of s.stderr().trim().split('\n')) expect(line).toMatch(/^vietnlp/);
    expect(s.stderr()).not.toMatch(/\bat .*:\d+:\d+/); // no stack trace
  });
});

describe('serve limits (built CLI)', () => {
  const post = async (url: string, body: unknown): Promise<{ status: number; json: { id?: unknown; error?: { code: string; message: string } } }> => {
    const r = await fetch(url, { method: 'POST', headers: JSON_TYPE, body: JSON.stringify(body) });
    return { status: r.status, json: (await r.json()) as never };
  };

  it('--jobs 0 --timeout: 504 E_TIMEOUT in the server thread too, and says on stderr what --jobs 0 means', async () => {
    const s = await startServe(['--jobs', '0', '--timeout', '100']);
    try {
      const r = await post(`${s.url}/analyze`, { id: 'slow', text: SENTENCE.repeat(3000) });
      expect(r.status).toBe(504);
      expect(r.json).toMatchObject({ id: 'slow', error: { code: 'E_TIMEOUT' } });
      expect(s.stderr()).toMatch(/--jobs 0: analyses run in the server thread/);
    } finally {
      s.child.kill('SIGTERM');
    }
    expect(await s.exited).toBe(0);
  });

  it('--max-memory: a text that needs more heap gets 413 E_TOO_LARGE, the server goes on', async () => {
    const s = await startServe(['--max-memory', '96mb']);
    try {
      const r = await post(`${s.url}/segment`, { text: 'a '.repeat(1_200_000) });
      expect(r.status).toBe(413);
      expect(r.json.error!.code).toBe('E_TOO_LARGE');
      expect((await fetch(`${s.url}/health`)).status).toBe(200);
      expect((await post(`${s.url}/segment`, { text: 'Xã Quảng Hợp' })).status).toBe(200);
    } finally {
      s.child.kill('SIGTERM');
    }
    expect(await s.exited).toBe(0);
    expect(s.stderr()).not.toMatch(/\bat .*:\d+:\d+/);
  });
});

describe('one error shape everywhere (built CLI, processMany, HTTP)', () => {
  it('is { id, error: { code, message } } in NDJSON, folder output, processMany and HTTP', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vietnlp-shape-'));
    writeFileSync(join(dir, 'good.txt'), 'Xã Quảng Hợp.');
    writeFileSync(join(dir, 'bad.txt'), Buffer.from([0x58, 0xff, 0x0a]));
    const shape = (o: unknown): void => {
      expect(Object.keys(o as object).filter((k) => k !== 'index').sort()).toEqual(['error', 'id']);
      expect(Object.keys((o as { error: object }).error).sort()).toEqual(['code', 'message']);
    };
    const nd = run(['segment', '--ndjson'], '{"id":"doc-7","text":5,"lang":"vi"}\n');
    const line = JSON.parse(nd.stdout) as { id: unknown };
    shape(line);
    expect(line.id).toBe('doc-7');
    const folder = run(['segment', dir], '');
    expect(folder.status).toBe(1);
    const arr = JSON.parse(folder.stdout) as { id: string; error?: { code: string } }[];
    shape(arr.find((x) => x.id.endsWith('bad.txt')));
    expect(arr.find((x) => x.id.endsWith('bad.txt'))!.error!.code).toBe('E_BAD_UTF8');
    const { processMany } = await import('../../src/batch/index.js');
    for await (const o of processMany([{ id: 'doc-7', text: 5 as unknown as string }], { task: 'segment' })) {
      shape(o);
      expect(o.id).toBe('doc-7');
    }
    const { startServer } = await import('../../src/service/index.js');
    const s = await startServer({ port: 0, jobs: 0 });
    try {
      const r = await fetch(`${s.url}/segment`, { method: 'POST', headers: JSON_TYPE, body: '{"id":"doc-7","text":5}' });
      const json = (await r.json()) as { id: unknown };
      expect(r.status).toBe(400);
      shape(json);
      expect(json.id).toBe('doc-7');
    } finally {
      await s.close();
    }
  });
});

describe('signals while writing a JSON array (built CLI)', () => {
  it('SIGTERM during a folder run closes the array after the last complete document and exits 143', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vietnlp-sig-'));
    for (let i = 0; i < 300; i++) writeFileSync(join(dir, `${String(i).padStart(3, '0')}.txt`), SENTENCE.repeat(100));
    const child = spawn(process.execPath, [cliPath, 'segment', dir], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, VIETNLP_WORKER: '' } });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    await until(async () => out.includes('"result"'));
    child.kill('SIGTERM');
    expect(await exited).toBe(143);
    const arr = JSON.parse(out) as { id: string }[]; // a complete JSON array, never cut
    expect(arr.length).toBeGreaterThan(0);
    expect(arr.length).toBeLessThan(300);
    expect(arr[0]!.id).toBe(join(dir, '000.txt'));
    for (const line of err.trim().split('\n')) expect(line).toMatch(/^vietnlp: /);
  });
});
