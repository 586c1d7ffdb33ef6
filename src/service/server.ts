// The vietnlp HTTP JSON service.
//
// Why node:http and no framework: a handful of fixed routes (src/service/routes.ts), one body shape ({ "text" } or
// { "texts" } plus optional "options" and "id"), JSON in and out. A framework would add a runtime dependency tree and
// its own error formats; the body is validated by hand (src/service/body.ts), so every 400 names the bad field.
//
// Request lifecycle, each step bounded:
//   headers  (headersTimeoutMs → 408 by node) → Host allow-list (403) → route (404/405) → Content-Type (415)
//   → body: waiting-for-body cap (the oldest waiter is dropped, 503), maxBody (413, on Content-Length first),
//     bodyTimeoutMs (408); refusals drain a bounded amount of the upload so the client can read the status
//   → in-flight slot (maxInFlight, 503), taken only once the body is read, so slow uploads hold no slot
//   → tasks in worker threads (default one; heap limit maxWorkerMemoryMb → 413), dispatched round-robin between
//     requests (scheduler.ts); timeoutMs → 504 in every mode: threaded, the running task is cancelled at the
//     deadline; in-process (jobs 0), it cannot be, so the 504 comes when it ends; results above maxResult → 413
//   → shutdown: stop accepting, answer every request already received, 503 E_CLOSING at the grace deadline.
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { setMaxListeners } from 'node:events';
import { Server as NetServer, type AddressInfo } from 'node:net';
import { setImmediate as nextTick } from 'node:timers/promises';
import { createPool, type TaskPool } from '../batch/pool.js';
import { render, type RenderInput } from '../render/index.js';
import type { TaskFunction } from '../batch/tasks.js';
import { VietNlpError, checkNumber, checkOptions } from '../errors.js';
import { ClientGone, LOOPBACK_HOSTS, checkContentType, checkHost, isLoopback, parseJson, readBody, refuseUpload, validateBody, type RequestBody } from './body.js';
import { HttpError, errorJson, sendJson, statusOf, type ExtraHeaders } from './errors.js';
import { acceptsHtml, sendAnalysisPage, sendPage } from './page.js';
import { listRoutes, registerRoutes, type RunText, type ServerState } from './routes.js';
import { createScheduler, type FairScheduler } from './scheduler.js';

/** Options of {@link createServer} / {@link startServer}. */
export interface ServiceOptions {
  /** Port to listen on (default 8080; 0 = any free port). Used by `startServer`. */
  port?: number;
  /** Interface to listen on (default `127.0.0.1`; use `0.0.0.0` to expose it). */
  host?: string;
  /** Largest accepted request body in bytes (default 5 MiB) → 413 above, refused on Content-Length before reading. */
  maxBody?: number;
  /** Largest `texts` array (default 1000) → 413 above. */
  maxBatch?: number;
  /** Largest answer in bytes of JSON (default 32 MiB) → 413 `E_RESULT_TOO_LARGE` (send shorter texts). */
  maxResult?: number;
  /**
   * Time limit per request once its body is read, in ms (default 30 000) → 504 `E_TIMEOUT`, in every mode. In worker
   * threads the running task is cancelled at the deadline (its thread is replaced). With `jobs: 0` (in the server's
   * thread) a running text cannot be interrupted: the 504 comes when it ends (never its late result), and the rest of
   * a batch is dropped.
   */
  timeoutMs?: number;
  /** Time allowed for the request headers, in ms (default 10 000) → 408 and the connection is closed. */
  headersTimeoutMs?: number;
  /** Time allowed for the request body once the headers are in, in ms (default 10 000) → 408. */
  bodyTimeoutMs?: number;
  /** Requests processed at once, counted once their body is read (default 64); more get 503 with Retry-After. */
  maxInFlight?: number;
  /** Requests waiting for their body at once (default 256); above it the oldest waiter gets 503 and is closed. */
  maxWaitingForBody?: number;
  /** Allowed cross-origin origin (`*` for any). CORS is off when unset. */
  cors?: string;
  /**
   * Host header names accepted (a leading `.` allows subdomains), or `'*'` for any. Default: `localhost`,
   * `127.0.0.1`, `[::1]` when `host` is a loopback address (guards against DNS rebinding), else any.
   */
  allowedHosts?: readonly string[] | '*';
  /** Worker threads for the analyses (default 1; 0 = in the server's own thread, which then blocks while it works). */
  jobs?: number;
  /**
   * Heap limit of each worker thread in MB (default 1536). A request whose analysis needs more gets 413 `E_TOO_LARGE`;
   * the thread is replaced and the server goes on. No effect with `jobs: 0`.
   */
  maxWorkerMemoryMb?: number;
  /** Built worker file (default: found next to the package's dist). Without one the analyses run in-process. */
  workerFile?: string;
  /** Extra or replacement routes: `POST /<name>` runs `fn(text, options)` in the server's thread. */
  tasks?: Record<string, TaskFunction>;
  /** On close, how long in-flight requests may still run (default 10 000 ms); then they get 503 `E_CLOSING`. */
  graceMs?: number;
  /** Where log lines go (default: stderr). One line per event, no stack traces. */
  log?: (line: string) => void;
}

/** A created service: the node `http.Server` plus a graceful `close()`. */
export interface Service {
  readonly server: Server;
  /** True when the analyses run in worker threads. */
  readonly threaded: boolean;
  /** The request handler, usable with another `http.Server`. */
  readonly handler: (req: IncomingMessage, res: ServerResponse) => void;
  /** Stops accepting connections, answers the requests already received (up to `graceMs`), then stops the workers. */
  close(): Promise<void>;
}

/** A started service: {@link Service} plus the URL it listens on. */
export interface RunningService extends Service {
  readonly url: string;
  readonly port: number;
}

const OPTION_KEYS = [
  'port', 'host', 'maxBody', 'maxBatch', 'maxResult', 'timeoutMs', 'headersTimeoutMs', 'bodyTimeoutMs', 'maxInFlight', 'maxWaitingForBody',
  'cors', 'allowedHosts', 'jobs', 'maxWorkerMemoryMb', 'workerFile', 'tasks', 'graceMs', 'log',
];
const ROUTE_NAME = /^[a-z][a-z0-9-]{0,40}$/;

interface Settings {
  maxBody: number; maxBatch: number; maxResult: number; timeoutMs: number; headersTimeoutMs: number; bodyTimeoutMs: number;
  maxInFlight: number; maxWaiting: number; graceMs: number; jobs: number; heapMb: number; allowedHosts: readonly string[] | undefined;
  custom: Map<string, TaskFunction>; log: (line: string) => void;
}

function settings(options: ServiceOptions | undefined): Settings {
  const o = checkOptions<ServiceOptions>(options, 'createServer', OPTION_KEYS);
  const num = (name: keyof ServiceOptions, dflt: number, min: number, max: number): number =>
    o[name] === undefined ? dflt : checkNumber(o[name], 'createServer', name, min, max, true);
  if (o.cors !== undefined && (typeof o.cors !== 'string' || !o.cors)) {
    throw new VietNlpError('E_OPTION_VALUE', 'createServer: option cors must be an origin such as "https://example.org" or "*"');
  }
  const hosts = o.allowedHosts;
  if (hosts !== undefined && hosts !== '*' && !(Array.isArray(hosts) && hosts.every((h) => typeof h === 'string' && h))) {
    throw new VietNlpError('E_OPTION_VALUE', 'createServer: option allowedHosts must be an array of host names such as ["localhost"] or "*"');
  }
  const custom = new Map<string, TaskFunction>();
  for (const [name, fn] of Object.entries(o.tasks ?? {})) {
    if (!ROUTE_NAME.test(name) || name === 'health' || typeof fn !== 'function') {
      throw new VietNlpError('E_OPTION_VALUE', `createServer: tasks.${name} must be a function with a lower-case route name other than "health"`);
    }
    custom.set(name, fn);
  }
  const host = o.host ?? '127.0.0.1';
  return {
    maxBody: num('maxBody', 5 * 1024 * 1024, 1, 2 ** 31),
    maxBatch: num('maxBatch', 1000, 1, 1e6),
    maxResult: num('maxResult', 32 * 1024 * 1024, 1, 2 ** 31),
    timeoutMs: num('timeoutMs', 30_000, 1, 2 ** 31 - 1),
    headersTimeoutMs: num('headersTimeoutMs', 10_000, 1, 2 ** 31 - 1),
    bodyTimeoutMs: num('bodyTimeoutMs', 10_000, 1, 2 ** 31 - 1),
    maxInFlight: num('maxInFlight', 64, 1, 1e6),
    maxWaiting: num('maxWaitingForBody', 256, 1, 1e6),
    graceMs: num('graceMs', 10_000, 0, 2 ** 31 - 1),
    jobs: num('jobs', 1, 0, 256),
    // Each worker thread's heap is bounded, so a pathological text fails alone instead of swapping the machine.
    heapMb: num('maxWorkerMemoryMb', 1536, 16, 65_536),
    allowedHosts: hosts === '*' ? undefined : hosts ? hosts.map((h) => h.toLowerCase()) : isLoopback(host) ? [...new Set([...LOOPBACK_HOSTS, host.toLowerCase()])] : undefined,
    custom,
    log: typeof o.log === 'function' ? o.log : (line) => void process.stderr.write(`${line}\n`),
  };
}

/** Rejects with the signal's reason as soon as it aborts (so a task that ignores the signal cannot hold the answer). */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** Something that can be stopped with a reason (an AbortController, or a request's stop). */
interface Stoppable {
  abort(reason: unknown): void;
}

/** The requests in progress and waiting for their body (oldest first), and who to tell when they change. */
interface Tracker {
  readonly active: Set<Stoppable>;
  readonly waiting: Set<AbortController>;
  changed?: (() => void) | undefined;
}

function httpServer(s: Settings, handler: (req: IncomingMessage, res: ServerResponse) => void, refuse: (req: IncomingMessage, res: ServerResponse, e: unknown) => void): Server {
  const server = createHttpServer({
    headersTimeout: s.headersTimeoutMs,
    requestTimeout: s.headersTimeoutMs + s.bodyTimeoutMs + 5000, // a backstop: the body has its own timer
    connectionsCheckingInterval: Math.min(1000, s.headersTimeoutMs),
  }, handler);
  // `Expect: 100-continue` (curl for bodies over 1 MB): refuse an oversized body before the client sends it.
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
    if (Number(req.headers['content-length'] ?? 0) > s.maxBody) return refuse(req, res, new HttpError(413, 'E_TOO_LARGE', `the body is ${req.headers['content-length']} bytes; the limit is ${s.maxBody} bytes`));
    res.writeContinue();
    handler(req, res);
  });
  return server;
}

/** Answers a CORS preflight (OPTIONS) for a route. */
function sendPreflight(res: ServerResponse, cors: ExtraHeaders, method: 'GET' | 'POST'): void {
  res.writeHead(204, {
    ...cors,
    'access-control-allow-methods': method === 'GET' ? 'GET, HEAD, OPTIONS' : 'POST, OPTIONS',
    'access-control-allow-headers': 'content-type',
    'access-control-max-age': '600',
  });
  res.end();
}

/** Resolves true once no request is in progress or waiting for its body, false after `ms`. */
function settle(t: Tracker, ms: number): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const check = (): void => {
      if (t.active.size + t.waiting.size > 0) return;
      clearTimeout(timer);
      t.changed = undefined;
      resolve(true);
    };
    const timer = setTimeout(() => ((t.changed = undefined), resolve(false)), ms);
    t.changed = check;
    check();
  });
}

/**
 * Stops accepting connections but keeps the open ones (a request already in their buffers is still answered), waits
 * up to `graceMs` for the requests received, answers what is left 503 E_CLOSING, then closes the connections.
 */
async function shutDown(s: Settings, server: Server, t: Tracker): Promise<void> {
  const stopped = new Promise<void>((resolve) => (server.listening ? NetServer.prototype.close.call(server, () => resolve()) : resolve()));
  if (!(await settle(t, s.graceMs))) {
    const reason = new HttpError(503, 'E_CLOSING', `the server shut down before the request finished (grace period ${s.graceMs} ms)`);
    for (const ac of [...t.active, ...t.waiting]) ac.abort(reason);
    await settle(t, 1000);
    s.log(`vietnlp serve: grace period of ${s.graceMs} ms over; unfinished requests answered 503 E_CLOSING`);
  }
  await nextTick();
  server.closeIdleConnections();
  const force = setTimeout(() => server.closeAllConnections(), 1000);
  await stopped;
  clearTimeout(force);
}

/** How one text runs (built-in tasks: fairly scheduled in the pool; custom ones: in-process) and how a batch joins. */
function taskRunners(s: Settings, pool: TaskPool, scheduler: FairScheduler, cutOf: (request: AbortSignal) => AbortSignal): { runText: RunText; runBatch: (texts: string[], one: (t: string, i: number) => Promise<string>) => Promise<string> } {
  // `signal` ends the request (its queued texts are dropped); the running text is cut only by `cutOf(signal)`
  // (timeout, grace deadline), not when the client hangs up: killing a worker thread costs a restart and a reload.
  const runText: RunText = async (task, text, body, signal) => {
    if ('custom' in task) {
      const value: unknown = await task.custom(text, body.options);
      const json = body.view === 'html' ? render(value as RenderInput) : (JSON.stringify(value) ?? 'null');
      if (Buffer.byteLength(json) > s.maxResult) throw new HttpError(413, 'E_RESULT_TOO_LARGE', `the result is more than ${s.maxResult} bytes (maxResult)`);
      return json;
    }
    return scheduler.run(
      body,
      async () => {
        if (!pool.threaded) await nextTick(); // in-process: let timers and other requests in between texts
        signal.throwIfAborted();
        return pool.runJson(task.builtin, text, body.options, cutOf(signal), s.maxResult, body.view);
      },
      signal,
    );
  };
  const runBatch = async (texts: string[], one: (t: string, i: number) => Promise<string>): Promise<string> => {
    let bytes = 0;
    const parts = await Promise.all(
      texts.map(async (t, i) => {
        const json = await one(t, i);
        bytes += Buffer.byteLength(json) + 1;
        if (bytes > s.maxResult) throw new HttpError(413, 'E_RESULT_TOO_LARGE', `the results are more than ${s.maxResult} bytes of JSON (limit --max-result); send fewer or shorter texts`);
        return json;
      }),
    );
    return `[${parts.join(',')}]`;
  };
  return { runText, runBatch };
}

/**
 * Creates the HTTP service (not yet listening): `POST /segment`, `/entities`, `/officials`, `/summarize`,
 * `/report`, `/analyze` with `{ "text": "…" }` → `{ "result": … }` or `{ "texts": [...] }` → `{ "results": [...] }`
 * (optional `"options"` passed to the operation, optional `"id"` echoed), `GET /health`. Errors are
 * `{ "id"?, "error": { "code", "message" } }` with status 400, 403, 404, 405, 408, 413, 415, 503, 504.
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
  const s = settings(options);
  const pool: TaskPool = createPool({ concurrency: Math.max(1, s.jobs), threads: s.jobs > 0, workerFile: options?.workerFile, maxHeapMb: s.heapMb });
  const scheduler = createScheduler(pool.concurrency);
  const started = Date.now();
  const tracker: Tracker = { active: new Set(), waiting: new Set() };
  const { active, waiting } = tracker;
  let closing = false;

  const cuts = new WeakMap<AbortSignal, AbortSignal>(); // request signal → the signal that cuts its running tasks
  const { runText, runBatch } = taskRunners(s, pool, scheduler, (signal) => cuts.get(signal) ?? signal);
  const routes = registerRoutes(s.custom, runText, runBatch);
  const routeList = [...listRoutes(routes), 'GET /'];
  const state = (): ServerState => ({
    started, closing, inFlight: active.size, waitingForBody: waiting.size, queued: scheduler.queued, threads: pool.threaded ? pool.concurrency : 0, routes: routeList,
  });
  const cors: ExtraHeaders = !options?.cors ? {} : options.cors === '*' ? { 'access-control-allow-origin': '*' } : { 'access-control-allow-origin': options.cors, vary: 'Origin' };
  const headers = (): ExtraHeaders => (closing ? { ...cors, connection: 'close' } : cors);
  const drainBytes = Math.min(64 * 1024 * 1024, Math.max(1024 * 1024, 4 * s.maxBody));
  const refuse = (req: IncomingMessage, res: ServerResponse, e: unknown): void => {
    const status = statusOf(e).status;
    refuseUpload(req, res, e, headers(), status === 408 || status === 503 ? 0 : drainBytes, s.bodyTimeoutMs);
  };

  const receive = async (req: IncomingMessage): Promise<Buffer> => {
    checkContentType(req);
    if (waiting.size >= s.maxWaiting) {
      const oldest = waiting.values().next().value!;
      waiting.delete(oldest);
      oldest.abort(new HttpError(503, 'E_OVERLOADED', `too many requests waiting for their body (${s.maxWaiting}); this one waited longest`));
    }
    const cancel = new AbortController();
    waiting.add(cancel);
    try {
      return await readBody(req, s.maxBody, s.bodyTimeoutMs, cancel.signal);
    } finally {
      waiting.delete(cancel);
      tracker.changed?.();
    }
  };

  const processRequest = async (req: IncomingMessage, res: ServerResponse, post: (b: RequestBody, sig: AbortSignal) => Promise<string>, html: boolean): Promise<void> => {
    let raw: Buffer;
    try {
      raw = await receive(req);
    } catch (e) {
      if (!(e instanceof ClientGone)) refuse(req, res, e);
      return;
    }
    if (active.size >= s.maxInFlight) {
      const { status, json } = errorJson(new HttpError(503, 'E_OVERLOADED', `too many requests in progress (${s.maxInFlight}); retry later`));
      return sendJson(res, status, json, { ...headers(), 'retry-after': '1' });
    }
    const ac = new AbortController(); // the request: aborted when it ends, by the client, the timeout or shutdown
    const cut = new AbortController(); // its running tasks: cut at the timeout or the grace deadline only
    setMaxListeners(0, ac.signal); // one listener per queued text of a batch
    cuts.set(ac.signal, cut.signal);
    const stop: Stoppable = { abort: (reason) => (ac.abort(reason), cut.abort(reason)) };
    active.add(stop);
    res.on('close', () => ac.abort(new ClientGone('the client closed the connection')));
    let id: unknown;
    let body: RequestBody | undefined;
    const timedOut = (): HttpError => new HttpError(504, 'E_TIMEOUT', `the request took longer than ${s.timeoutMs} ms`);
    const deadline = performance.now() + s.timeoutMs;
    const timer = setTimeout(() => stop.abort(timedOut()), s.timeoutMs);
    try {
      const json = parseJson(raw);
      if (json !== null && typeof json === 'object' && 'id' in json) id = (json as { id: unknown }).id; // kept in errors too
      const parsed = validateBody(json, s.maxBatch);
      body = html && parsed.text !== undefined ? { ...parsed, view: 'html' as const } : parsed; // the HTML view (page.ts)
      const out = await untilAborted(post(body, ac.signal), ac.signal);
      // In the server's thread (jobs 0, custom tasks) a text cannot be interrupted and its result arrives before the
      // timer can fire: a result past the deadline is a 504 all the same, never a late 200.
      if (performance.now() > deadline) throw timedOut();
      const key = body.text !== undefined ? 'result' : 'results';
      if (body.view === 'html') sendAnalysisPage(res, out);
      else sendJson(res, 200, id === undefined ? `{"${key}":${out}}` : `{"id":${JSON.stringify(id)},"${key}":${out}}`, headers());
    } catch (e) {
      if (e instanceof ClientGone) return;
      const { status, json } = errorJson(e, id);
      if (status === 500) s.log(`vietnlp serve: internal error on ${req.method} ${req.url}: ${String((e as Error)?.message ?? e).split('\n')[0]}`);
      sendJson(res, status, json, headers());
    } finally {
      ac.abort(new ClientGone('done')); // drops the request's queued texts (after an error in a batch)
      // A text still running (the client hung up, or another text of the batch failed) may finish, within the
      // time limit; meanwhile it still counts as in flight.
      if (body) await scheduler.idle(body);
      clearTimeout(timer);
      active.delete(stop);
      tracker.changed?.();
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      checkHost(req, s.allowedHosts);
    } catch (e) {
      return refuse(req, res, e);
    }
    let path: string;
    try {
      path = new URL(req.url ?? '/', 'http://localhost').pathname.replace(/(.)\/+$/, '$1');
    } catch {
      path = '/';
    }
    const route = routes.get(path);
    const method = req.method ?? 'GET';
    if (path === '/' && (method === 'GET' || method === 'HEAD')) return sendPage(res, method); // the web page (page.ts)
    if (options?.cors && method === 'OPTIONS' && route) return sendPreflight(res, cors, route.method);
    if (!route) {
      return refuse(req, res, new HttpError(404, 'E_NOT_FOUND', `no route ${JSON.stringify(path)}; routes are ${routeList.join(', ')}`));
    }
    const allowed = route.method === 'GET' ? ['GET', 'HEAD'] : ['POST'];
    if (!allowed.includes(method)) {
      res.setHeader('allow', allowed.join(', '));
      return refuse(req, res, new HttpError(405, 'E_METHOD', `${method} ${path} is not allowed; use ${route.method}`));
    }
    if (route.method === 'GET') {
      const a = route.get(state());
      if (res.headersSent || res.destroyed) return;
      res.writeHead(a.status, { 'content-type': a.contentType ?? 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(a.body)), 'cache-control': 'no-store', ...headers() });
      return void res.end(method === 'HEAD' ? undefined : a.body);
    }
    if (closing) return refuse(req, res, new HttpError(503, 'E_CLOSING', 'the server is shutting down'));
    return processRequest(req, res, route.post, path === '/analyze' && acceptsHtml(req));
  };

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    handle(req, res).catch((e: unknown) => {
      s.log(`vietnlp serve: internal error: ${String((e as Error)?.message ?? e).split('\n')[0]}`);
      const { status, json } = errorJson(e);
      sendJson(res, status, json, headers());
    });
  };
  const server = httpServer(s, handler, refuse);
  let closed: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closed ??= (async () => {
      closing = true;
      await shutDown(s, server, tracker);
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
 * const res = await fetch(`${url}/entities`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'Xã Quảng Hợp' }) });
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
