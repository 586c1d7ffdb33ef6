// The service under hostile and careless clients (issue 12): slow uploads, oversized bodies, long analyses,
// shutdown with work in progress, cross-site requests, big batches. Every server runs on a free loopback port and
// is closed at the end of its test; loops are bounded.
import { execFile } from 'node:child_process';
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningService } from '../../src/service/index.js';
import { privateBuild } from '../cli/helpers.js';

const JSON_TYPE = { 'content-type': 'application/json' };
const SENTENCE = 'Ngày 09-7, Huyện ủy Quảng Trạch tổ chức hội nghị lần thứ 25, xã Quảng Hợp đạt 100% kế hoạch thu ngân sách. ';
let worker: string;
beforeAll(() => {
  worker = privateBuild('service-hostile').worker;
}, 120_000);

async function post(url: string, body: unknown, headers: Record<string, string> = JSON_TYPE): Promise<{ status: number; json: any }> {
  const res = await fetch(url, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: res.status, json: await res.json() };
}

/** A raw HTTP/1.1 request whose body is never finished (a slow upload): resolves with the socket once it is sent. */
function slowUpload(port: number, path = '/segment'): Promise<{ socket: Socket; answer: Promise<string> }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(`POST ${path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"text":"`);
      let got = '';
      const answer = new Promise<string>((done) => {
        socket.on('data', (c: Buffer) => (got += c.toString()));
        socket.on('close', () => done(got));
        socket.on('error', () => undefined);
      });
      resolve({ socket, answer });
    });
    socket.once('error', reject);
  });
}

/** A request with any Host header (fetch does not let us set it). */
function withHost(url: string, host: string): Promise<{ status: number; body: string }> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, path: '/segment', method: 'POST', headers: { host, ...JSON_TYPE } }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end('{"text":"Xã Quảng Hợp"}');
  });
}

async function until(check: () => Promise<boolean>, tries = 800): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('condition not reached');
}

const health = async (url: string): Promise<{ inFlight: number; queued: number; waitingForBody: number; status: string }> => (await fetch(`${url}/health`)).json() as never;

describe('request lifecycle', () => {
  it('serves a normal request while 80 slow uploads are open (no slot is held before the body is read)', async () => {
    const s = await startServer({ port: 0, jobs: 0, maxInFlight: 4, bodyTimeoutMs: 60_000 });
    const slow = await Promise.all(Array.from({ length: 80 }, () => slowUpload(s.port)));
    await until(async () => (await health(s.url)).waitingForBody === 80);
    const t0 = performance.now();
    const r = await post(`${s.url}/segment`, { text: 'Xã Quảng Hợp' });
    const ms = performance.now() - t0;
    expect(r.status).toBe(200);
    expect(r.json.result.length).toBeGreaterThan(0);
    expect((await health(s.url)).waitingForBody).toBe(80); // the uploads are all still open
    console.log(`normal request with 80 slow uploads open: ${ms.toFixed(0)} ms`);
    for (const u of slow) u.socket.destroy();
    await s.close();
  });

  it('caps the requests waiting for a body: the oldest waiter gets 503 and a normal request still passes', async () => {
    const s = await startServer({ port: 0, jobs: 0, maxWaitingForBody: 3, bodyTimeoutMs: 60_000 });
    const slow = [];
    for (let i = 0; i < 5; i++) {
      slow.push(await slowUpload(s.port));
      await until(async () => (await health(s.url)).waitingForBody === Math.min(3, i + 1));
    }
    expect(await slow[0]!.answer).toMatch(/^HTTP\/1\.1 503[\s\S]*E_OVERLOADED/);
    expect(await slow[1]!.answer).toMatch(/^HTTP\/1\.1 503/);
    expect((await post(`${s.url}/segment`, { text: 'Xã' })).status).toBe(200);
    for (const u of slow) u.socket.destroy();
    await s.close();
  });

  it('answers 408 E_BODY_TIMEOUT to a body that does not arrive in time, and closes idle header senders', async () => {
    const s = await startServer({ port: 0, jobs: 0, bodyTimeoutMs: 150, headersTimeoutMs: 300 });
    const u = await slowUpload(s.port);
    const answer = await u.answer;
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(answer).toContain('E_BODY_TIMEOUT');
    const socket = connect(s.port, '127.0.0.1');
    const closed = new Promise<string>((resolve) => {
      let got = '';
      socket.on('data', (c: Buffer) => (got += c.toString()));
      socket.on('close', () => resolve(got));
      socket.on('error', () => undefined);
    });
    socket.write('POST /segment HTTP/1.1\r\nHost: localhost\r\n'); // headers never finished
    expect(await closed).toMatch(/^(HTTP\/1\.1 408|)/);
    await s.close();
  });
});

describe('a 413 clients can read', () => {
  let s: RunningService;
  let big: string;
  beforeAll(async () => {
    s = await startServer({ port: 0, jobs: 0, maxBody: 64 * 1024 });
    big = join(mkdtempSync(join(tmpdir(), 'vietnlp-413-')), 'big.json');
    writeFileSync(big, JSON.stringify({ text: 'a '.repeat(400_000) })); // 800 KB
  });
  afterAll(async () => {
    await s.close();
  });

  it('Node fetch receives 413 for a body over the limit (Content-Length), every time', async () => {
    const body = JSON.stringify({ text: 'a '.repeat(400_000) });
    for (let i = 0; i < 20; i++) {
      const res = await fetch(`${s.url}/segment`, { method: 'POST', headers: JSON_TYPE, body });
      expect(res.status).toBe(413);
      expect(((await res.json()) as any).error.code).toBe('E_TOO_LARGE');
    }
  });

  it('Node fetch receives 413 for a streamed body that grows past the limit', async () => {
    for (let i = 0; i < 5; i++) {
      const chunks = Array.from({ length: 40 }, () => new TextEncoder().encode('a'.repeat(8192)));
      const stream = new ReadableStream<Uint8Array>({
        pull(c) {
          const next = chunks.shift();
          if (next) c.enqueue(next);
          else c.close();
        },
      });
      const res = await fetch(`${s.url}/segment`, { method: 'POST', headers: JSON_TYPE, body: stream, duplex: 'half' } as RequestInit);
      expect(res.status).toBe(413);
    }
  });

  const run = (cmd: string, args: string[]): Promise<string> =>
    new Promise((resolve) => execFile(cmd, args, { timeout: 30_000 }, (_e, stdout, stderr) => resolve(`${stdout}${stderr}`)));

  it('curl receives 413 (with and without Expect: 100-continue)', async () => {
    for (let i = 0; i < 5; i++) {
      const out = await run('curl', ['-s', '-o', '/dev/null', '-w', '%{http_code}', '-H', 'content-type: application/json', '--data-binary', `@${big}`, `${s.url}/segment`]);
      expect(out.trim()).toBe('413');
      const noExpect = await run('curl', ['-s', '-o', '/dev/null', '-w', '%{http_code}', '-H', 'expect:', '-H', 'content-type: application/json', '--data-binary', `@${big}`, `${s.url}/segment`]);
      expect(noExpect.trim()).toBe('413');
    }
  });

  it('Python (urllib) receives 413', async () => {
    const script = `import urllib.request, urllib.error, sys
data = open(sys.argv[2], 'rb').read()
for i in range(3):
    try:
        urllib.request.urlopen(urllib.request.Request(sys.argv[1], data=data, headers={'Content-Type': 'application/json'}))
        print('200')
    except urllib.error.HTTPError as e:
        print(e.code)
    except Exception as e:
        print('failed', type(e).__name__)`;
    const out = await run('python3', ['-c', script, `${s.url}/segment`, big]);
    expect(out.trim().split('\n')).toEqual(['413', '413', '413']);
  });
});

describe('never blocking the event loop', () => {
  const long = SENTENCE.repeat(3000); // about 330 KB: seconds of analysis

  it('answers /health while an analysis runs (one worker thread by default), and 504 on timeout', async () => {
    const s = await startServer({ port: 0, workerFile: worker, timeoutMs: 600_000 });
    expect(s.threaded).toBe(true);
    const analysis = post(`${s.url}/analyze`, { text: long });
    await until(async () => (await health(s.url)).inFlight === 1);
    const h = await health(s.url);
    expect(h.status).toBe('ok');
    expect(h.inFlight).toBe(1); // health answered during the analysis
    expect((await analysis).status).toBe(200);
    await s.close();
    const t = await startServer({ port: 0, workerFile: worker, timeoutMs: 100 });
    const r = await post(`${t.url}/analyze`, { text: long });
    expect(r.status).toBe(504);
    expect(r.json.error.code).toBe('E_TIMEOUT');
    expect(await health(t.url)).toMatchObject({ status: 'ok', inFlight: 0 });
    await t.close();
  });

  it('renders the HTML view of POST /analyze in the worker thread too: /health answers meanwhile, --timeout applies', async () => {
    const html = { 'content-type': 'application/json', accept: 'text/html' };
    const s = await startServer({ port: 0, workerFile: worker, timeoutMs: 600_000 });
    const short = await fetch(`${s.url}/analyze`, { method: 'POST', headers: html, body: JSON.stringify({ text: SENTENCE }) });
    expect(short.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await short.text()).toContain('<mark');
    const view = fetch(`${s.url}/analyze`, { method: 'POST', headers: html, body: JSON.stringify({ text: long }) });
    await until(async () => (await health(s.url)).inFlight === 1);
    expect(await health(s.url)).toMatchObject({ status: 'ok', inFlight: 1 });
    expect((await view).status).toBe(200);
    await s.close();
    const t = await startServer({ port: 0, workerFile: worker, timeoutMs: 100 });
    const cut = await fetch(`${t.url}/analyze`, { method: 'POST', headers: html, body: JSON.stringify({ text: long }) });
    expect(cut.status).toBe(504);
    expect(((await cut.json()) as any).error.code).toBe('E_TIMEOUT');
    await t.close();
  });

  it('lets the running text finish when its client hangs up (no thread restart), counted in flight until then', async () => {
    const s = await startServer({ port: 0, workerFile: worker, timeoutMs: 600_000 });
    await post(`${s.url}/segment`, { text: 'Xã' }); // warm-up: the thread has its data
    const hangUp = new AbortController();
    const gone = fetch(`${s.url}/analyze`, { method: 'POST', headers: JSON_TYPE, body: JSON.stringify({ texts: [long, long, long] }), signal: hangUp.signal }).catch(() => 'aborted');
    await until(async () => (await health(s.url)).inFlight === 1);
    hangUp.abort();
    expect(await gone).toBe('aborted');
    await until(async () => (await health(s.url)).queued === 0); // the queued texts are dropped at once…
    expect((await health(s.url)).inFlight).toBe(1); // …the running one goes on
    await until(async () => (await health(s.url)).inFlight === 0);
    expect((await post(`${s.url}/segment`, { text: 'Xã' })).status).toBe(200);
    await s.close();
  });

  it('gives 504 with --jobs 2 too, and bounds the answer with maxResult', async () => {
    const t = await startServer({ port: 0, workerFile: worker, jobs: 2, timeoutMs: 100 });
    expect((await post(`${t.url}/analyze`, { text: long })).status).toBe(504);
    await t.close();
    const s = await startServer({ port: 0, workerFile: worker, jobs: 2, maxResult: 2000 });
    const r = await post(`${s.url}/segment`, { text: 'a '.repeat(2000) });
    expect(r.status).toBe(413);
    expect(r.json.error.code).toBe('E_RESULT_TOO_LARGE');
    expect(r.json.error.message).toContain('2000');
    const batch = await post(`${s.url}/segment`, { texts: Array.from({ length: 30 }, () => 'a '.repeat(40)) });
    expect(batch.json.error.code).toBe('E_RESULT_TOO_LARGE');
    expect((await post(`${s.url}/segment`, { text: 'Xã' })).status).toBe(200);
    await s.close();
  });
});

describe('--timeout in every mode, and the memory limit of a worker thread', () => {
  const long = SENTENCE.repeat(3000);

  it('gives 504 in-process (jobs 0): the running text is not cut, but its late result is never sent', async () => {
    const s = await startServer({ port: 0, jobs: 0, timeoutMs: 50 });
    expect(s.threaded).toBe(false);
    const one = await post(`${s.url}/analyze`, { id: 'late', text: long });
    expect(one.status).toBe(504);
    expect(one.json).toMatchObject({ id: 'late', error: { code: 'E_TIMEOUT' } });
    const batch = await post(`${s.url}/analyze`, { texts: Array.from({ length: 200 }, () => SENTENCE.repeat(20)) });
    expect(batch.status).toBe(504); // the rest of the batch is dropped between texts
    expect(await health(s.url)).toMatchObject({ status: 'ok', inFlight: 0, queued: 0 });
    await s.close();
  });

  it('gives 504 for a custom task that blocks the thread past the limit (custom tasks run in-process)', async () => {
    const busy = (): number => {
      const end = Date.now() + 300;
      while (Date.now() < end); // synchronous: no timer can fire meanwhile
      return 1;
    };
    const s = await startServer({ port: 0, workerFile: worker, timeoutMs: 100, tasks: { busy } });
    const r = await post(`${s.url}/busy`, { text: 'x' });
    expect(r.status).toBe(504);
    expect(r.json.error.code).toBe('E_TIMEOUT');
    expect(await health(s.url)).toMatchObject({ status: 'ok', inFlight: 0 });
    await s.close();
  });

  it('answers 413 E_TOO_LARGE when an analysis needs more than the worker heap limit; the server goes on', async () => {
    const lines: string[] = [];
    const s = await startServer({ port: 0, workerFile: worker, maxWorkerMemoryMb: 96, log: (l) => lines.push(l) });
    expect(s.threaded).toBe(true);
    const r = await post(`${s.url}/analyze`, { id: 'huge', text: 'a '.repeat(1_000_000) }); // 2 MB body, under maxBody
    expect(r.status).toBe(413);
    expect(r.json).toMatchObject({ id: 'huge', error: { code: 'E_TOO_LARGE' } });
    expect(r.json.error.message).toContain('96 MB');
    expect(await health(s.url)).toMatchObject({ status: 'ok', inFlight: 0, threads: 1 });
    const after = await post(`${s.url}/entities`, { text: 'Xã Quảng Hợp' }); // a fresh thread took over
    expect(after.status).toBe(200);
    expect(after.json.result.length).toBeGreaterThan(0);
    expect(lines).toEqual([]); // a client error, not an internal one
    await s.close();
  });
});

describe('shutdown', () => {
  for (const jobs of [0, 1, 2]) {
    it(`answers every request already received on close (jobs ${jobs}), 503 E_CLOSING at the grace deadline`, async () => {
      const lines: string[] = [];
      const s = await startServer({ port: 0, jobs, workerFile: worker, graceMs: 60_000, log: (l) => lines.push(l) });
      await post(`${s.url}/analyze`, { text: SENTENCE }); // warm-up: data loaded
      let answered = 0;
      const small = Array.from({ length: 10 }, (_, i) => post(`${s.url}/analyze`, { text: SENTENCE.repeat(20 + i) }).then((r) => (answered++, r)));
      await until(async () => (await health(s.url)).inFlight + answered === 10); // all ten received
      await s.close();
      for (const r of await Promise.all(small)) expect(r.status).toBe(200);
      expect(lines).toEqual([]);
      if (jobs === 0) return; // in-process, the running text cannot be cut: it finishes before the deadline fires

      const t = await startServer({ port: 0, jobs, workerFile: worker, graceMs: 50, log: (l) => lines.push(l) });
      const cut = post(`${t.url}/analyze`, { text: SENTENCE.repeat(3000) });
      await until(async () => (await health(t.url)).inFlight === 1);
      await t.close();
      const r = await cut;
      expect(r.status).toBe(503);
      expect(r.json.error.code).toBe('E_CLOSING');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/grace period/);
    });
  }
});

describe('cross-site safety', () => {
  it('checks the Host header when bound to loopback', async () => {
    const s = await startServer({ port: 0, jobs: 0 });
    expect((await withHost(s.url, `localhost:${s.port}`)).status).toBe(200);
    expect((await withHost(s.url, `127.0.0.1:${s.port}`)).status).toBe(200);
    const evil = await withHost(s.url, `evil.example:${s.port}`);
    expect(evil.status).toBe(403);
    expect(JSON.parse(evil.body).error.code).toBe('E_BAD_HOST');
    await s.close();
    const open = await startServer({ port: 0, jobs: 0, allowedHosts: '*' });
    expect((await withHost(open.url, 'evil.example')).status).toBe(200);
    await open.close();
    const list = await startServer({ port: 0, jobs: 0, allowedHosts: ['.example.org'] });
    expect((await withHost(list.url, 'api.example.org')).status).toBe(200);
    expect((await withHost(list.url, 'localhost')).status).toBe(403);
    await list.close();
  });
});

describe('fairness', () => {
  it('lets a one-text request through while a large batch runs (jobs 2)', async () => {
    const s = await startServer({ port: 0, workerFile: worker, jobs: 2 });
    await post(`${s.url}/entities`, { texts: ['Xã', 'Xã'] }); // warm both threads
    let batchDone = false;
    const batch = post(`${s.url}/entities`, { texts: Array.from({ length: 400 }, (_, i) => `${SENTENCE} ${i}`) }).then((r) => ((batchDone = true), r));
    await until(async () => (await health(s.url)).queued > 10);
    const small = await post(`${s.url}/entities`, { id: 'tiny', text: 'Xã Quảng Hợp' });
    expect(small.status).toBe(200);
    expect(small.json.id).toBe('tiny');
    expect(batchDone).toBe(false);
    expect((await batch).json.results).toHaveLength(400);
    await s.close();
  }, 60_000);
});
