// Reading and checking a request: Host allow-list, Content-Type, the body (size limit, time limit, strict UTF-8,
// JSON) and its schema. Every refusal is an HttpError whose message names the bad value.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError, errorJson, type ExtraHeaders } from './errors.js';

/** A validated request body: `{ text }` or `{ texts }`, optional `options` and an `id` echoed in the answer. */
export interface RequestBody {
  readonly id?: unknown;
  readonly text?: string;
  readonly texts?: string[];
  readonly options?: Record<string, unknown>;
  /** Set by the server, never read from the client's JSON: answer the HTML view (POST /analyze, Accept: text/html). */
  readonly view?: 'html';
}

const BODY_FIELDS = ['id', 'text', 'texts', 'options'];
const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/**
 * Tells whether a listening address is loopback-only (then the Host allow-list is on by default).
 *
 * @example
 * ```ts
 * isLoopback('127.0.0.1'); // true
 * isLoopback('0.0.0.0');   // false
 * ```
 */
export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host.toLowerCase()) || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** The allow-list used when none is given and the service listens on loopback. */
export const LOOPBACK_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

/**
 * Throws 403 E_BAD_HOST unless the Host header's name (without the port) is in `allowed` (a leading `.` allows
 * subdomains). Guards a local service against DNS rebinding: a web page on evil.example that resolves to 127.0.0.1
 * still sends `Host: evil.example`.
 */
export function checkHost(req: IncomingMessage, allowed: readonly string[] | undefined): void {
  if (!allowed) return;
  const raw = (req.headers.host ?? '').toLowerCase();
  const name = raw.startsWith('[') ? raw.slice(0, raw.indexOf(']') + 1) : raw.replace(/:\d*$/, '');
  const ok = allowed.some((a) => (a.startsWith('.') ? name.endsWith(a) || name === a.slice(1) : name === a));
  if (!ok) {
    throw new HttpError(403, 'E_BAD_HOST', `Host ${JSON.stringify(raw)} is not allowed; allowed hosts are ${allowed.join(', ')} (see --allowed-hosts)`);
  }
}

/**
 * Throws 415 E_MEDIA_TYPE unless the body is declared `application/json` (or `application/*+json`). Browsers can
 * send `text/plain` and form bodies to any site without a CORS preflight; refusing them keeps web pages from
 * driving a local service.
 */
export function checkContentType(req: IncomingMessage): void {
  const type = req.headers['content-type'];
  if (type === undefined || !/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(type)) {
    throw new HttpError(
      415,
      'E_MEDIA_TYPE',
      `Content-Type must be application/json, got ${type === undefined ? 'none' : JSON.stringify(type)} (curl: -H 'content-type: application/json')`,
    );
  }
}

/** Thrown when the client went away before its body arrived: there is nobody to answer. */
export class ClientGone extends Error {}

/**
 * Reads the body, at most `maxBody` bytes (413 E_TOO_LARGE, checked first on Content-Length) within `timeoutMs`
 * (408 E_BODY_TIMEOUT). `cancel` lets the caller stop waiting (e.g. to make room for newer requests).
 */
export function readBody(req: IncomingMessage, maxBody: number, timeoutMs: number, cancel: AbortSignal): Promise<Buffer> {
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > maxBody) {
    return Promise.reject(new HttpError(413, 'E_TOO_LARGE', `the body is ${declared} bytes; the limit is ${maxBody} bytes`));
  }
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (e?: unknown): void => {
      clearTimeout(timer);
      req.off('data', onData).off('end', onEnd).off('close', onClose);
      cancel.removeEventListener('abort', onCancel);
      if (e) {
        req.pause();
        reject(e);
      } else resolve(Buffer.concat(chunks, size));
    };
    const onData = (c: Buffer): void => {
      size += c.length;
      if (size > maxBody) done(new HttpError(413, 'E_TOO_LARGE', `the body is more than ${maxBody} bytes; the limit is ${maxBody} bytes`));
      else chunks.push(c);
    };
    const onEnd = (): void => done();
    const onClose = (): void => done(new ClientGone('the client closed the connection'));
    const onCancel = (): void => done(cancel.reason);
    const timer = setTimeout(() => done(new HttpError(408, 'E_BODY_TIMEOUT', `the body did not arrive within ${timeoutMs} ms`)), timeoutMs);
    req.on('data', onData).on('end', onEnd).on('close', onClose);
    cancel.addEventListener('abort', onCancel, { once: true });
  });
}

/**
 * Answers an upload that is refused (413, 408, 503) so that the client can read the answer: the whole answer is
 * sent at once, then up to `drainBytes` of the rest of the upload are read and dropped (for at most `drainMs`)
 * before the connection is closed. Closing while the client is still sending makes its TCP stack reset the
 * connection, and most clients (fetch, Python, curl) then report EPIPE/ECONNRESET instead of the status.
 */
export function refuseUpload(req: IncomingMessage, res: ServerResponse, e: unknown, headers: ExtraHeaders, drainBytes: number, drainMs: number): void {
  if (res.headersSent || res.destroyed) return;
  const { status, json } = errorJson(e);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(json)),
    'x-content-type-options': 'nosniff',
    ...headers,
    connection: 'close',
  });
  res.write(json);
  const declared = Number(req.headers['content-length'] ?? 0);
  if (req.complete || req.destroyed || declared > drainBytes) {
    res.end();
    return;
  }
  let drained = 0;
  const finish = (): void => {
    clearTimeout(timer);
    req.off('data', onData).off('end', finish).off('close', finish);
    res.end(); // with `connection: close`, node ends the socket once the answer is written
  };
  const onData = (c: Buffer): void => {
    drained += c.length;
    if (drained > drainBytes) finish();
  };
  const timer = setTimeout(finish, drainMs);
  req.on('data', onData).on('end', finish).on('close', finish);
  req.on('error', () => undefined);
  req.resume();
}

/**
 * Decodes and parses a body: strict UTF-8 (400 E_BAD_UTF8), then JSON (400 E_BAD_JSON).
 */
export function parseJson(raw: Buffer): unknown {
  let source: string;
  try {
    source = new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    throw new HttpError(400, 'E_BAD_UTF8', 'the body is not valid UTF-8');
  }
  try {
    return JSON.parse(source);
  } catch (e) {
    throw new HttpError(400, 'E_BAD_JSON', `the body is not valid JSON: ${(e as Error).message}`);
  }
}

function describeJson(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  const s = JSON.stringify(v);
  return `${typeof v} ${s.length > 40 ? `${s.slice(0, 40)}…` : s}`;
}

/**
 * Checks a parsed body against `{ text: string } | { texts: string[] }` plus optional `options: object` and `id`
 * (any JSON value, echoed in the answer); throws a 400/413 HttpError naming the bad field or value.
 */
export function validateBody(body: unknown, maxBatch: number): RequestBody {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new HttpError(400, 'E_BAD_BODY', `the body must be a JSON object like {"text": "…"}, got ${describeJson(body)}`);
  }
  const o = body as Record<string, unknown>;
  for (const k of Object.keys(o)) {
    if (!BODY_FIELDS.includes(k)) throw new HttpError(400, 'E_BAD_BODY', `unknown field ${JSON.stringify(k)}; allowed fields are "text", "texts", "options", "id"`);
  }
  const hasText = 'text' in o;
  if (hasText === 'texts' in o) {
    throw new HttpError(400, 'E_BAD_BODY', hasText ? 'give either "text" or "texts", not both' : 'missing field "text" (a string) or "texts" (an array of strings)');
  }
  const options = o['options'];
  if (options !== undefined && (options === null || typeof options !== 'object' || Array.isArray(options))) {
    throw new HttpError(400, 'E_BAD_BODY', `"options" must be an object, got ${describeJson(options)}`);
  }
  const extra = { ...(options ? { options: options as Record<string, unknown> } : {}), ...('id' in o ? { id: o['id'] } : {}) };
  if (hasText) {
    if (typeof o['text'] !== 'string') throw new HttpError(400, 'E_BAD_BODY', `"text" must be a string, got ${describeJson(o['text'])}`);
    return { text: o['text'], ...extra };
  }
  const texts = o['texts'];
  if (!Array.isArray(texts)) throw new HttpError(400, 'E_BAD_BODY', `"texts" must be an array of strings, got ${describeJson(texts)}`);
  if (texts.length > maxBatch) throw new HttpError(413, 'E_TOO_LARGE', `"texts" has ${texts.length} items; the limit is ${maxBatch}`);
  texts.forEach((t, i) => {
    if (typeof t !== 'string') throw new HttpError(400, 'E_BAD_BODY', `"texts"[${i}] must be a string, got ${describeJson(t)}`);
  });
  return { texts: texts as string[], ...extra };
}
