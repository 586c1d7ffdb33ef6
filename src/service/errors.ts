// HTTP errors of the service: one shape, `{ "id"?, "error": { "code", "message" } }`, one status per code.
import type { ServerResponse } from 'node:http';
import { toErrorInfo } from '../batch/tasks.js';
import type { VietNlpErrorCode } from '../errors.js';

/** An error answered with `status` and `{ "error": { code, message } }`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: VietNlpErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** The status and body of anything thrown while answering a request (unknown errors are 500 E_INTERNAL). */
export function statusOf(e: unknown): { status: number; code: string; message: string } {
  if (e instanceof HttpError) return { status: e.status, code: e.code, message: e.message };
  const info = toErrorInfo(e);
  if (/^E_(INPUT_TYPE|OPTION_TYPE|OPTION_VALUE|UNKNOWN_OPTION)$/.test(info.code)) return { status: 400, ...info };
  if (info.code === 'E_TOO_LARGE' || info.code === 'E_RESULT_TOO_LARGE') return { status: 413, ...info };
  if (info.code === 'E_DATA_MISSING') return { status: 501, ...info };
  return { status: 500, code: 'E_INTERNAL', message: 'internal error while processing the request' };
}

/** Headers added to every answer (CORS, `connection: close` while shutting down, …). */
export type ExtraHeaders = Record<string, string>;

/**
 * Sends a complete JSON answer (no-op when the response was already sent or the socket is gone).
 *
 * @example
 * ```ts
 * sendJson(res, 200, '{"result":1}');
 * ```
 */
export function sendJson(res: ServerResponse, status: number, json: string, headers: ExtraHeaders = {}): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(json)),
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(json);
}

/**
 * The JSON of an error answer: `{ "id"?, "error": { "code", "message" } }` (the id echoes the request's `"id"`).
 *
 * @example
 * ```ts
 * errorJson(new HttpError(404, 'E_NOT_FOUND', 'no route "/x"')); // '{"error":{"code":"E_NOT_FOUND",…}}'
 * ```
 */
export function errorJson(e: unknown, id?: unknown): { status: number; json: string } {
  const { status, code, message } = statusOf(e);
  const error = { code, message };
  return { status, json: JSON.stringify(id === undefined ? { error } : { id, error }) };
}
