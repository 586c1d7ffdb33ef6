import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { segment, summarize } from '../../src/index.js';
import { createServer, startServer, type RunningService } from '../../src/service/index.js';
import { privateBuild } from '../cli/helpers.js';

const A = 'Ngày 09-7, Huyện ủy Quảng Trạch tổ chức hội nghị lần thứ 25. Đồng chí Nguyễn Văn An, Bí thư Huyện ủy, chủ trì.';
const plain = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** A promise with its resolve function, to hold a request open without any timing. */
function gate(): { wait: Promise<void>; open: () => void } {
  let open!: () => void;
  const wait = new Promise<void>((r) => (open = r));
  return { wait, open };
}

async function post(url: string, body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }): Promise<{ status: number; json: any; headers: Headers }> {
  const res = await fetch(url, { method: 'POST', headers, body: typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body) });
  return { status: res.status, json: await res.json(), headers: res.headers };
}

describe('service', () => {
  let s: RunningService;
  beforeAll(async () => {
    s = await startServer({ port: 0, host: '127.0.0.1', maxBody: 4096, maxBatch: 5 });
  });
  afterAll(async () => {
    await s.close();
  });

  it('listens on a free port on 127.0.0.1 and reports health', async () => {
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${s.url}/health`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; version: string; routes: string[] };
    expect(body.status).toBe('ok');
    expect(body.routes).toContain('POST /analyze');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('runs each operation on { text } and { texts }', async () => {
    const one = await post(`${s.url}/segment`, { text: A });
    expect(one.status).toBe(200);
    expect(one.json.result).toEqual(plain(segment(A)));
    const many = await post(`${s.url}/summarize`, { texts: [A, 'Xã Quảng Hợp.'], options: { sentences: 1 } });
    expect(many.status).toBe(200);
    expect(many.json.results).toEqual([plain(summarize(A, { sentences: 1 })), plain(summarize('Xã Quảng Hợp.', { sentences: 1 }))]);
    for (const route of ['entities', 'officials', 'analyze', 'report']) {
      const r = await post(`${s.url}/${route}`, { text: A });
      expect(r.status, route).toBe(200);
      expect(r.json.result).toBeDefined();
    }
    const empty = await post(`${s.url}/entities`, { texts: [] });
    expect(empty.json.results).toEqual([]);
  });

  it('answers 400 with a message naming the bad value', async () => {
    const cases: [unknown, RegExp][] = [
      ['{"text": ', /not valid JSON/],
      [[1, 2], /must be a JSON object/],
      [{}, /missing field "text"/],
      [{ text: 42 }, /"text" must be a string, got number 42/],
      [{ text: 'a', texts: ['b'] }, /either "text" or "texts"/],
      [{ texts: ['a', null] }, /"texts"\[1\] must be a string, got null/],
      [{ text: 'a', lang: 'vi' }, /unknown field "lang"/],
      [{ text: 'a', options: 'x' }, /"options" must be an object/],
    ];
    for (const [body, re] of cases) {
      const r = await post(`${s.url}/segment`, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.json.error.message).toMatch(re);
    }
    const opt = await post(`${s.url}/summarize`, { id: 'doc-7', text: A, options: { sentencez: 2 } });
    expect(opt.status).toBe(400);
    expect(opt.json).toEqual({ id: 'doc-7', error: { code: 'E_UNKNOWN_OPTION', message: expect.stringContaining('sentencez') } });
    const utf = await post(`${s.url}/segment`, Buffer.from([0x7b, 0x22, 0x74, 0x65, 0x78, 0x74, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]));
    expect(utf.status).toBe(400);
    expect(utf.json.error.code).toBe('E_BAD_UTF8');
  });

  it('answers 404, 405 and 415', async () => {
    const nf = await post(`${s.url}/parse`, { text: 'a' });
    expect(nf.status).toBe(404);
    expect(nf.json.error.message).toContain('"/parse"');
    const get = await fetch(`${s.url}/segment`);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    const del = await fetch(`${s.url}/health`, { method: 'DELETE' });
    expect(del.status).toBe(405);
    const xml = await post(`${s.url}/segment`, '<text/>', { 'content-type': 'application/xml' });
    expect(xml.status).toBe(415);
    // Bodies a web page can send without a CORS preflight are refused.
    for (const type of ['application/x-www-form-urlencoded', 'text/plain;charset=UTF-8', 'multipart/form-data; boundary=x']) {
      const r = await post(`${s.url}/segment`, '{"text":"Xã"}', { 'content-type': type });
      expect(r.status, type).toBe(415);
      expect(r.json.error.code).toBe('E_MEDIA_TYPE');
    }
    const none = await fetch(`${s.url}/segment`, { method: 'POST', body: new Uint8Array(Buffer.from('{"text":"Xã"}')) });
    expect(none.status).toBe(415);
    const json = await post(`${s.url}/segment`, '{"text":"Xã"}', { 'content-type': 'application/json; charset=utf-8' });
    expect(json.status).toBe(200);
  });

  it('answers 413 for an oversized body and a too large batch', async () => {
    const big = await post(`${s.url}/analyze`, { text: 'Xã Quảng Hợp. '.repeat(1000) });
    expect(big.status).toBe(413);
    expect(big.json.error.message).toContain('4096');
    const batch = await post(`${s.url}/segment`, { texts: ['a', 'b', 'c', 'd', 'e', 'f'] });
    expect(batch.status).toBe(413);
    // The server still answers afterwards.
    expect((await fetch(`${s.url}/health`)).status).toBe(200);
  });

  it('answers 413 on a chunked upload that grows past the limit', async () => {
    const url = new URL(`${s.url}/segment`);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.write(`{"text":"${'a'.repeat(3000)}`);
      req.end(`${'b'.repeat(3000)}"}`);
    });
    expect(status).toBe(413);
  });
});

describe('service limits and lifecycle', () => {
  it('times out with 504 (task never finishes)', async () => {
    const never = gate();
    const s = await startServer({ port: 0, timeoutMs: 50, tasks: { slow: () => never.wait } });
    const r = await post(`${s.url}/slow`, { text: 'x' });
    expect(r.status).toBe(504);
    expect(r.json.error.code).toBe('E_TIMEOUT');
    never.open();
    await s.close();
  });

  it('answers 503 when too many requests are in flight', async () => {
    const g = gate();
    let started!: () => void;
    const running = new Promise<void>((r) => (started = r));
    const s = await startServer({ port: 0, maxInFlight: 1, tasks: { slow: async (t) => (started(), await g.wait, t.length) } });
    const first = post(`${s.url}/slow`, { text: 'abc' });
    await running;
    const second = await post(`${s.url}/slow`, { text: 'x' });
    expect(second.status).toBe(503);
    expect(second.headers.get('retry-after')).toBe('1');
    g.open();
    expect((await first).json).toEqual({ result: 3 });
    await s.close();
  });

  it('finishes in-flight requests on close and refuses new ones', async () => {
    const g = gate();
    let started!: () => void;
    const running = new Promise<void>((r) => (started = r));
    const s = await startServer({ port: 0, tasks: { slow: async (t) => (started(), await g.wait, t.toUpperCase()) } });
    const inflight = post(`${s.url}/slow`, { text: 'abc' });
    await running;
    const closing = s.close();
    await expect(fetch(`${s.url}/health`)).rejects.toThrow();
    g.open();
    expect((await inflight).json).toEqual({ result: 'ABC' });
    await closing;
    expect(s.server.listening).toBe(false);
  });

  it('sends CORS headers and answers preflight only when enabled', async () => {
    const s = await startServer({ port: 0, cors: 'https://example.org' });
    const pre = await fetch(`${s.url}/segment`, { method: 'OPTIONS', headers: { origin: 'https://example.org', 'access-control-request-method': 'POST' } });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('https://example.org');
    expect(pre.headers.get('access-control-allow-methods')).toContain('POST');
    const r = await post(`${s.url}/segment`, { text: 'a' });
    expect(r.headers.get('access-control-allow-origin')).toBe('https://example.org');
    await s.close();
    const off = await startServer({ port: 0 });
    expect((await fetch(`${off.url}/segment`, { method: 'OPTIONS' })).status).toBe(405);
    await off.close();
  });

  it('runs the analyses in worker threads with jobs: 2 (private build of the worker)', async () => {
    const { worker } = privateBuild('service');
    const s = await startServer({ port: 0, jobs: 2, workerFile: worker });
    expect(s.threaded).toBe(true);
    const health = (await (await fetch(`${s.url}/health`)).json()) as { threads: number };
    expect(health.threads).toBe(2);
    const texts = Array.from({ length: 6 }, (_, i) => `${A} Lần ${i}.`);
    const r = await post(`${s.url}/segment`, { texts });
    expect(r.json.results).toEqual(texts.map((t) => plain(segment(t))));
    const bad = await post(`${s.url}/summarize`, { text: A, options: { ratio: 7 } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toContain('ratio');
    await s.close();
  });

  it('validates its own options', () => {
    expect(() => createServer({ maxBody: -1 })).toThrow(/maxBody/);
    expect(() => createServer({ bogus: 1 } as never)).toThrow(/bogus/);
    expect(() => createServer({ tasks: { health: () => 1 } })).toThrow(/health/);
  });
});
