// The vietnlp HTTP JSON service.
//
// Why node:http and no framework: the service has seven fixed routes (six POST operations and GET /health), one
// body shape ({ "text" } or { "texts" } plus optional "options"), and JSON in and out. A framework (express,
// fastify, …) would add a runtime dependency, its transitive tree and its own error formats for what is ~300 lines
// here; the body is validated by hand against that one small schema (allowed fields, types, batch size), so every
// 400 names the bad field or value. Limits that matter for a public service are explicit: body size (413, checked
// on Content-Length and while streaming), batch size, per-request time (504), concurrent requests (503), graceful
// shutdown (stop accepting, finish in-flight requests), CORS off unless an origin is given.
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setImmediate as nextTick } from 'node:timers/promises';
import { createPool, type TaskPool } from '../batch/pool.js';
import { TASKS, isTaskName, toErrorInfo, type TaskFunction } from '../batch/tasks.js';
import { VietNlpError, checkNumber, checkOptions } from '../errors.js';
import { packageVersion } from '../cli/version.js';
import { acceptsHtml, sendAnalysisPage, sendPage } from './page.js';

/** Options of {@link createServer} / {@link startServer}. */
export interface ServiceOptions {
  /** Port to listen on (default 8080; 0 = any free port). Used by `startServer`. */
  port?: number;
  /** Interface to listen on (default `127.0.0.1`; use `0.0.0.0` to expose it). Used by `startServer`. */
  host?: string;
  /** Largest accepted request body in bytes (default 5 MiB) → 413 above. */
  maxBody?: number;
  /** Largest `texts` array (default 1000) → 413 above. */
  maxBatch?: number;
  /** Time limit per request in ms (default 30 000) → 504. With worker threads the running task is cancelled; in-process
   *  the limit is checked between the texts of a batch (one text in progress is not interrupted). */
  timeoutMs?: number;
  /** Requests processed at once (default 64); more get 503 with Retry-After. */
  maxInFlight?: number;
  /** Allowed cross-origin origin (`*` for any). CORS is off when unset. */
  cors?: string;
  /** Worker threads for the analyses (default 1 = in-process). Needs the built worker (see `createPool`). */
  jobs?: number;
  /** Built worker file (default: found next to the package's dist). */
  workerFile?: string;
  /** Extra or replacement routes: `POST /<name>` runs `fn(text, options)` in-process. */
  tasks?: Record<string, TaskFunction>;
  /** On close, how long to wait for in-flight requests before cutting connections (default 10 000 ms). */
  graceMs?: number;
}

/** A created service: the node `http.Server` plus a graceful `close()`. */
export interface Service {
  readonly server: Server;
  /** True when the analyses run in worker threads. */
  readonly threaded: boolean;
  /** The request handler, usable with another `http.Server`. */
  readonly handler: (req: IncomingMessage, res: ServerResponse) => void;
  /** Stops accepting connections, lets in-flight requests finish (up to `graceMs`), then stops the workers. */
  close(): Promise<void>;
}

/** A started service: {@link Service} plus the URL it listens on. */
export interface RunningService extends Service {
  readonly url: string;
  readonly port: number;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const OPTION_KEYS = ['port', 'host', 'maxBody', 'maxBatch', 'timeoutMs', 'maxInFlight', 'cors', 'jobs', 'workerFile', 'tasks', 'graceMs'];
const BODY_FIELDS = ['text', 'texts', 'options'];
const ROUTE_NAME = /^[a-z][a-z0-9-]{0,40}$/;

function describeJson(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  const s = JSON.stringify(v);
  return `${typeof v} ${s.length > 40 ? `${s.slice(0, 40)}…` : s}`;
}

interface Request {
  readonly text?: string;
  readonly texts?: string[];
  readonly options?: Record<string, unknown>;
}

/**
 * Checks a parsed request body against the schema `{ text: string } | { texts: string[] }` plus optional
 * `options: object`; throws a 400/413 `HttpError` whose message names the bad field or value.
 */
function validateBody(body: unknown, maxBatch: number): Request {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new HttpError(400, 'E_BAD_BODY', `the body must be a JSON object like {"text": "…"}, got ${describeJson(body)}`);
  }
  const o = body as Record<string, unknown>;
  for (const k of Object.keys(o)) {
    if (!BODY_FIELDS.includes(k)) throw new HttpError(400, 'E_BAD_BODY', `unknown field ${JSON.stringify(k)}; allowed fields are "text", "texts", "options"`);
  }
  const hasText = 'text' in o;
  const hasTexts = 'texts' in o;
  if (hasText === hasTexts) {
    throw new HttpError(400, 'E_BAD_BODY', hasText ? 'give either "text" or "texts", not both' : 'missing field "text" (a string) or "texts" (an array of strings)');
  }
  if (o['options'] !== undefined && (o['options'] === null || typeof o['options'] !== 'object' || Array.isArray(o['options']))) {
    throw new HttpError(400, 'E_BAD_BODY', `"options" must be an object, got ${describeJson(o['options'])}`);
  }
  const options = o['options'] as Record<string, unknown> | undefined;
  if (hasText) {
    if (typeof o['text'] !== 'string') throw new HttpError(400, 'E_BAD_BODY', `"text" must be a string, got ${describeJson(o['text'])}`);
    return options ? { text: o['text'], options } : { text: o['text'] };
  }
  const texts = o['texts'];
  if (!Array.isArray(texts)) throw new HttpError(400, 'E_BAD_BODY', `"texts" must be an array of strings, got ${describeJson(texts)}`);
  if (texts.length > maxBatch) throw new HttpError(413, 'E_TOO_LARGE', `"texts" has ${texts.length} items; the limit is ${maxBatch}`);
  texts.forEach((t, i) => {
    if (typeof t !== 'string') throw new HttpError(400, 'E_BAD_BODY', `"texts"[${i}] must be a string, got ${describeJson(t)}`);
  });
  return options ? { texts: texts as string[], options } : { texts: texts as string[] };
}

async function readBody(req: IncomingMessage, maxBody: number): Promise<Buffer> {
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > maxBody) {
    throw new HttpError(413, 'E_TOO_LARGE', `the body is ${declared} bytes; the limit is ${maxBody} bytes`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const b = chunk as Buffer;
    size += b.length;
    if (size > maxBody) throw new HttpError(413, 'E_TOO_LARGE', `the body is more than ${maxBody} bytes; the limit is ${maxBody} bytes`);
    chunks.push(b);
  }
  return Buffer.concat(chunks, size);
}

function statusOf(e: unknown): { status: number; code: string; message: string } {
  if (e instanceof HttpError) return { status: e.status, code: e.code, message: e.message };
  const info = toErrorInfo(e);
  if (/^E_(INPUT_TYPE|OPTION_TYPE|OPTION_VALUE|UNKNOWN_OPTION)$/.test(info.code)) return { status: 400, ...info };
  if (info.code === 'E_DATA_MISSING') return { status: 501, ...info };
  return { status: 500, code: 'E_INTERNAL', message: 'internal error while processing the request' };
}

/**
 * Creates the HTTP service (not yet listening): `POST /segment`, `/entities`, `/officials`, `/summarize`,
 * `/report`, `/analyze` with `{ "text": "…" }` → `{ "result": … }` or `{ "texts": [...] }` → `{ "results": [...] }`
 * (optional `"options"` passed to the operation), `GET /health`. Errors are `{ "error": { "code", "message" } }`
 * with status 400 (bad JSON/body/options), 404, 405, 413, 415, 503 (overloaded or shutting down), 504 (timeout).
 * `GET /` is a web page, and `POST /analyze` with `Accept: text/html` answers the HTML view (see page.ts).
 *
 * @example
 * ```ts
 * const service = createServer({ maxBody: 1 << 20 });
 * service.server.listen(8080, '127.0.0.1');
 * // … later
 * await service.close();
 * ```
 */
export function createServer(options?: ServiceOptions): Service {
  const o = checkOptions<ServiceOptions>(options, 'createServer', OPTION_KEYS);
  const maxBody = o.maxBody === undefined ? 5 * 1024 * 1024 : checkNumber(o.maxBody, 'createServer', 'maxBody', 1, 2 ** 31, true);
  const maxBatch = o.maxBatch === undefined ? 1000 : checkNumber(o.maxBatch, 'createServer', 'maxBatch', 1, 1e6, true);
  const timeoutMs = o.timeoutMs === undefined ? 30_000 : checkNumber(o.timeoutMs, 'createServer', 'timeoutMs', 1, 2 ** 31 - 1, true);
  const maxInFlight = o.maxInFlight === undefined ? 64 : checkNumber(o.maxInFlight, 'createServer', 'maxInFlight', 1, 1e6, true);
  const graceMs = o.graceMs === undefined ? 10_000 : checkNumber(o.graceMs, 'createServer', 'graceMs', 0, 2 ** 31 - 1, true);
  const jobs = o.jobs === undefined ? 1 : checkNumber(o.jobs, 'createServer', 'jobs', 1, 256, true);
  if (o.cors !== undefined && (typeof o.cors !== 'string' || !o.cors)) {
    throw new VietNlpError('E_OPTION_VALUE', 'createServer: option cors must be an origin such as "https://example.org" or "*"');
  }
  const custom = new Map<string, TaskFunction>();
  for (const [name, fn] of Object.entries(o.tasks ?? {})) {
    if (!ROUTE_NAME.test(name) || name === 'health' || typeof fn !== 'function') {
      throw new VietNlpError('E_OPTION_VALUE', `createServer: tasks.${name} must be a function with a lower-case route name other than "health"`);
    }
    custom.set(name, fn);
  }
  const routes = [...new Set([...TASKS, ...custom.keys()])];
  const pool: TaskPool = createPool({ concurrency: jobs, workerFile: o.workerFile });
  const started = Date.now();
  let inFlight = 0;
  let closing = false;
  let idle: (() => void) | undefined;

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}, raw?: string): void => {
    if (res.headersSent || res.destroyed) return;
    const json = raw ?? JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(json)),
      'x-content-type-options': 'nosniff',
      ...(closing ? { connection: 'close' } : {}),
      ...headers,
    });
    res.end(json);
  };
  const fail = (res: ServerResponse, e: unknown, headers: Record<string, string> = {}): void => {
    const { status, code, message } = statusOf(e);
    send(res, status, { error: { code, message } }, headers);
  };

  // Results travel as JSON strings (serialised in the worker thread when threaded) and are spliced into the reply.
  const runOne = async (route: string, text: string, opts: Record<string, unknown> | undefined, signal: AbortSignal): Promise<string> => {
    if (signal.aborted) throw new HttpError(504, 'E_TIMEOUT', `the request took longer than ${timeoutMs} ms`);
    const fn = custom.get(route);
    if (fn) return JSON.stringify(await fn(text, opts)) ?? 'null';
    if (isTaskName(route)) return pool.runJson(route, text, opts, signal);
    throw new HttpError(404, 'E_NOT_FOUND', `no route /${route}`);
  };

  const work = async (route: string, body: Request, signal: AbortSignal): Promise<string> => {
    if (body.text !== undefined) return `{"result":${await runOne(route, body.text, body.options, signal)}}`;
    const texts = body.texts ?? [];
    if (pool.threaded && !custom.has(route)) return `{"results":[${(await Promise.all(texts.map((t) => runOne(route, t, body.options, signal)))).join(',')}]}`;
    const results: string[] = [];
    for (const t of texts) {
      results.push(await runOne(route, t, body.options, signal));
      await nextTick(); // lets the timer and other requests in between the texts of a batch
    }
    return `{"results":[${results.join(',')}]}`;
  };

  const corsHeaders = Object.entries<string>(
    !o.cors ? {} : o.cors === '*' ? { 'access-control-allow-origin': '*' } : { 'access-control-allow-origin': o.cors, vary: 'Origin' },
  );

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    for (const [k, v] of corsHeaders) res.setHeader(k, v);
    let path: string;
    try {
      path = new URL(req.url ?? '/', 'http://localhost').pathname.replace(/\/+$/, '') || '/';
    } catch {
      path = '/';
    }
    const route = path.slice(1);
    const method = req.method ?? 'GET';
    if (o.cors && method === 'OPTIONS' && (route === 'health' || routes.includes(route))) {
      res.writeHead(204, {
        'access-control-allow-methods': route === 'health' ? 'GET, HEAD, OPTIONS' : 'POST, OPTIONS',
        'access-control-allow-headers': 'content-type',
        'access-control-max-age': '600',
      });
      res.end();
      return;
    }
    if (route === 'health') {
      if (method !== 'GET' && method !== 'HEAD') return fail(res, new HttpError(405, 'E_METHOD', `${method} /health is not allowed; use GET`), { allow: 'GET, HEAD' });
      send(res, closing ? 503 : 200, {
        status: closing ? 'closing' : 'ok',
        version: packageVersion(),
        uptimeSeconds: Math.round((Date.now() - started) / 1000),
        inFlight,
        threads: pool.threaded ? pool.concurrency : 0,
        routes: routes.map((r) => `POST /${r}`).concat('GET /health', 'GET /'),
      });
      return;
    }
    if (route === '' && (method === 'GET' || method === 'HEAD')) return sendPage(res, method); // the web page (page.ts)
    if (!routes.includes(route)) {
      return fail(res, new HttpError(404, 'E_NOT_FOUND', `no route ${JSON.stringify(path)}; routes are ${routes.map((r) => `/${r}`).join(', ')}, /health`));
    }
    if (method !== 'POST') return fail(res, new HttpError(405, 'E_METHOD', `${method} ${path} is not allowed; use POST`), { allow: 'POST' });
    if (closing) return fail(res, new HttpError(503, 'E_CLOSING', 'the server is shutting down'));
    if (inFlight >= maxInFlight) return fail(res, new HttpError(503, 'E_OVERLOADED', `too many requests in progress (${maxInFlight}); retry later`), { 'retry-after': '1' });
    const type = req.headers['content-type'];
    // JSON bodies; text/plain and curl's default form type (`curl -d '{…}'`) are read as JSON too.
    if (type !== undefined && !/^application\/(?:[\w.+-]+\+)?json\b|^text\/plain\b|^application\/x-www-form-urlencoded\b/i.test(type)) {
      return fail(res, new HttpError(415, 'E_MEDIA_TYPE', `Content-Type must be application/json, got ${JSON.stringify(type)}`));
    }
    inFlight++;
    const ac = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) ac.abort();
    });
    let timer: NodeJS.Timeout | undefined;
    try {
      let raw: Buffer;
      try {
        raw = await readBody(req, maxBody);
      } catch (e) {
        if (e instanceof HttpError && e.status === 413) {
          // Answer now and drop the rest of the upload (the connection is closed after the response).
          res.setHeader('connection', 'close');
          fail(res, e);
          req.on('error', () => undefined);
          let drained = 0;
          req.on('data', (c: Buffer) => {
            drained += c.length;
            if (drained > 4 * maxBody + (1 << 20)) req.destroy();
          });
          req.resume();
          return;
        }
        throw e;
      }
      let source: string;
      try {
        source = new TextDecoder('utf-8', { fatal: true }).decode(raw);
      } catch {
        throw new HttpError(400, 'E_BAD_UTF8', 'the body is not valid UTF-8');
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(source);
      } catch (e) {
        throw new HttpError(400, 'E_BAD_JSON', `the body is not valid JSON: ${(e as Error).message}`);
      }
      const body = validateBody(parsed, maxBatch);
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          ac.abort();
          reject(new HttpError(504, 'E_TIMEOUT', `the request took longer than ${timeoutMs} ms`));
        }, timeoutMs);
      });
      const out = await Promise.race([work(route, body, ac.signal), timeout]);
      if (route === 'analyze' && body.text !== undefined && acceptsHtml(req)) sendAnalysisPage(res, out); // the HTML view (page.ts)
      else send(res, 200, undefined, {}, out);
    } catch (e) {
      if (statusOf(e).status === 500 && !res.destroyed) globalThis.process.stderr.write(`vietnlp serve: ${String((e as Error)?.stack ?? e)}\n`);
      fail(res, e);
    } finally {
      if (timer) clearTimeout(timer);
      inFlight--;
      if (inFlight === 0 && idle) idle();
    }
  };

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    handle(req, res).catch((e: unknown) => fail(res, e));
  };
  const server = createHttpServer(handler);
  server.requestTimeout = timeoutMs + 60_000; // slow uploads
  server.headersTimeout = Math.min(60_000, server.requestTimeout);

  let closed: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closed ??= (async () => {
      closing = true;
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      if (inFlight > 0) {
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, graceMs);
          idle = () => {
            clearTimeout(t);
            resolve();
          };
        });
      }
      server.closeIdleConnections();
      const force = setTimeout(() => server.closeAllConnections(), 1000);
      if (server.listening) await stopped;
      clearTimeout(force);
      await pool.close();
    })());

  return { server, threaded: pool.threaded, handler, close };
}

/**
 * Creates the service and starts listening (default `127.0.0.1:8080`; `port: 0` picks a free port).
 *
 * @example
 * ```ts
 * const { url, close } = await startServer({ port: 0 });
 * const res = await fetch(`${url}/entities`, { method: 'POST', body: JSON.stringify({ text: 'Xã Quảng Hợp' }) });
 * console.log((await res.json()).result);
 * await close();
 * ```
 */
export async function startServer(options?: ServiceOptions): Promise<RunningService> {
  const service = createServer(options);
  const port = options?.port === undefined ? 8080 : checkNumber(options.port, 'startServer', 'port', 0, 65535, true);
  const host = options?.host ?? '127.0.0.1';
  try {
    await new Promise<void>((resolve, reject) => {
      const onError = (e: Error): void => reject(new VietNlpError('E_IO', `cannot listen on ${host}:${port}: ${e.message}`));
      service.server.once('error', onError);
      service.server.listen(port, host, () => {
        service.server.off('error', onError);
        resolve();
      });
    });
  } catch (e) {
    await service.close(); // stops the worker threads
    throw e;
  }
  const addr = service.server.address() as AddressInfo;
  const shownHost = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  return { ...service, url: `http://${shownHost}:${addr.port}`, port: addr.port };
}
