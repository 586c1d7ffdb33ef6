// THE place where the routes of the service are registered. A route is a GET handler (answers from the server's
// state, never blocks) or a POST handler (a validated JSON body in, a JSON string out). Task routes come from the
// task table (src/batch/tasks.ts) and from `createServer({ tasks })`; a new page or endpoint is one entry here.
import { TASKS, type TaskFunction, type TaskName } from '../batch/tasks.js';
import { packageVersion } from '../cli/version.js';
import type { RequestBody } from './body.js';

/** What a GET route sees of the server. */
export interface ServerState {
  readonly started: number;
  readonly closing: boolean;
  readonly inFlight: number;
  readonly waitingForBody: number;
  readonly queued: number;
  readonly threads: number;
  readonly routes: readonly string[];
}

/** A GET answer. */
export interface GetAnswer {
  readonly status: number;
  readonly body: string;
  readonly contentType?: string;
}

/** One route: GET (state → answer) or POST (body → result JSON). */
export type Route =
  | { readonly method: 'GET'; readonly get: (state: ServerState) => GetAnswer }
  | { readonly method: 'POST'; readonly post: (body: RequestBody, signal: AbortSignal) => Promise<string> };

/** Runs one text through a task (a built-in task in the worker pool, or a custom function in-process). */
export type RunText = (task: { builtin: TaskName } | { custom: TaskFunction }, text: string, body: RequestBody, signal: AbortSignal) => Promise<string>;

function health(state: ServerState): GetAnswer {
  return {
    status: state.closing ? 503 : 200,
    body: JSON.stringify({
      status: state.closing ? 'closing' : 'ok',
      version: packageVersion(),
      uptimeSeconds: Math.round((Date.now() - state.started) / 1000),
      inFlight: state.inFlight,
      waitingForBody: state.waitingForBody,
      queued: state.queued,
      threads: state.threads,
      routes: state.routes,
    }),
  };
}

/**
 * Builds the route table: `GET /health`, `POST /<task>` for every built-in task, and `POST /<name>` for every custom
 * task (which may replace a built-in one). Keys are paths (`/segment`).
 *
 * @example
 * ```ts
 * const routes = registerRoutes(new Map(), runText);
 * routes.get('/health')?.method; // 'GET'
 * ```
 */
export function registerRoutes(custom: ReadonlyMap<string, TaskFunction>, runText: RunText, runBatch: (texts: string[], one: (t: string, i: number) => Promise<string>) => Promise<string>): Map<string, Route> {
  const routes = new Map<string, Route>();
  routes.set('/health', { method: 'GET', get: health });
  const post = (task: Parameters<RunText>[0]): Route => ({
    method: 'POST',
    async post(body, signal) {
      if (body.text !== undefined) return runText(task, body.text, body, signal);
      return runBatch(body.texts ?? [], (t) => runText(task, t, body, signal));
    },
  });
  for (const name of TASKS) routes.set(`/${name}`, post({ builtin: name }));
  for (const [name, fn] of custom) routes.set(`/${name}`, post({ custom: fn }));
  return routes;
}

/**
 * How the routes are listed in `/health` and in 404 messages.
 *
 * @example
 * ```ts
 * listRoutes(routes); // ['POST /segment', …, 'GET /health']
 * ```
 */
export function listRoutes(routes: ReadonlyMap<string, Route>): string[] {
  const all = [...routes].map(([path, r]) => `${r.method} ${path}`);
  return [...all.filter((r) => r.startsWith('POST')), ...all.filter((r) => !r.startsWith('POST'))];
}
