/**
 * Every error code vietnlp emits, with what it means. The library functions throw the first six (only misuse of the
 * API throws: any string input gets a valid result); the batch API, the command line and the HTTP service report the
 * others as `{ "id", "error": { "code", "message" } }`.
 *
 * @example
 * ```ts
 * ERROR_CODES.includes('E_TIMEOUT'); // true
 * ```
 */
export const ERROR_CODES = [
  'E_INPUT_TYPE', // a text (or batch item) that is not a string
  'E_OPTION_TYPE', // options (or an option) of the wrong type
  'E_OPTION_VALUE', // an option value outside its valid choices or range
  'E_UNKNOWN_OPTION', // an option name the function does not know
  'E_DATA_MISSING', // a damaged install: compiled data or the worker file is missing or stale
  'E_INTERNAL', // a bug: anything thrown that is not a VietNlpError
  'E_CLI_USAGE', // command line: unknown command or option, bad option value, missing input file (exit 2)
  'E_IO', // a file or folder that cannot be read
  'E_BAD_UTF8', // input bytes that are not valid UTF-8
  'E_BAD_JSON', // an NDJSON line or request body that is not valid JSON
  'E_BAD_BODY', // JSON of the wrong shape (missing "text", wrong types)
  'E_TOO_LARGE', // a request body or batch above the limit (HTTP 413)
  'E_RESULT_TOO_LARGE', // an answer above --max-result / maxResult (HTTP 413)
  'E_TIMEOUT', // the per-request time limit was reached (HTTP 504)
  'E_BODY_TIMEOUT', // the request body did not arrive in time (HTTP 408)
  'E_NOT_FOUND', // no such route (HTTP 404)
  'E_METHOD', // wrong HTTP method for the route (HTTP 405)
  'E_MEDIA_TYPE', // a POST body that is not application/json (HTTP 415)
  'E_BAD_HOST', // a Host header outside the allow-list (HTTP 403)
  'E_OVERLOADED', // too many requests in progress or waiting for their body (HTTP 503)
  'E_CLOSING', // the server is shutting down; work cut at the grace deadline (HTTP 503)
  'E_ABORTED', // a task cancelled before it finished
  'E_MISSING_DEPENDENCY', // an optional peer dependency of an entry point (its queue client and worker) is not installed
] as const;

/**
 * Stable error codes ({@link ERROR_CODES}).
 */
export type VietNlpErrorCode = (typeof ERROR_CODES)[number];

/**
 * The one error class of vietnlp. `code` is stable across versions; the message names the bad value and the
 * valid choices.
 *
 * @example
 * ```ts
 * import { segment, VietNlpError } from 'vietnlp';
 * try { segment(42 as unknown as string); } catch (e) {
 *   if (e instanceof VietNlpError) console.log(e.code); // 'E_INPUT_TYPE'
 * }
 * ```
 */
export class VietNlpError extends Error {
  readonly code: VietNlpErrorCode;
  readonly details: Record<string, unknown> | undefined;
  constructor(code: VietNlpErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'VietNlpError';
    this.code = code;
    this.details = details;
  }
}

/**
 * Type guard for {@link VietNlpError}, also across bundle copies (ESM/CJS).
 *
 * @example
 * ```ts
 * if (isVietNlpError(err)) console.error(err.code);
 * ```
 */
export function isVietNlpError(e: unknown): e is VietNlpError {
  return e instanceof VietNlpError || (e instanceof Error && e.name === 'VietNlpError' && typeof (e as { code?: unknown }).code === 'string');
}

/** Short printable description of a value for error messages. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array (length ${value.length})`;
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'function') return 'a function';
  return `${typeof value} ${String(value)}`;
}

/** Throws E_INPUT_TYPE unless `text` is a string. */
export function assertText(text: unknown, fn: string): asserts text is string {
  if (typeof text !== 'string') {
    throw new VietNlpError('E_INPUT_TYPE', `${fn}(text): expected a string, got ${describe(text)}`, { fn, value: text });
  }
}

/**
 * Validates an options object: must be undefined or a plain object whose keys are all in `allowed`.
 * Returns it as a (possibly empty) object.
 */
export function checkOptions<T extends object>(options: unknown, fn: string, allowed: readonly string[]): Partial<T> {
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new VietNlpError('E_OPTION_TYPE', `${fn}(text, options): options must be an object, got ${describe(options)}`, { fn });
  }
  for (const key of Object.keys(options)) {
    if (!allowed.includes(key)) {
      throw new VietNlpError(
        'E_UNKNOWN_OPTION',
        `${fn}: unknown option ${JSON.stringify(key)}; valid options are ${allowed.map((a) => JSON.stringify(a)).join(', ') || '(none)'}`,
        { fn, option: key, allowed },
      );
    }
  }
  return options as Partial<T>;
}

/** Throws E_OPTION_VALUE unless `value` is one of `choices`. */
export function checkChoice<T extends string>(value: unknown, fn: string, name: string, choices: readonly T[]): T {
  if (typeof value !== 'string' || !(choices as readonly string[]).includes(value)) {
    throw new VietNlpError(
      'E_OPTION_VALUE',
      `${fn}: option ${name} must be one of ${choices.map((c) => JSON.stringify(c)).join(', ')}, got ${describe(value)}`,
      { fn, option: name, value, choices },
    );
  }
  return value as T;
}

/** Throws E_OPTION_VALUE unless `value` is a number within [min, max] (integer if asked). */
export function checkNumber(value: unknown, fn: string, name: string, min: number, max: number, integer = false): number {
  if (typeof value !== 'number' || Number.isNaN(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
    throw new VietNlpError(
      'E_OPTION_VALUE',
      `${fn}: option ${name} must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}, got ${describe(value)}`,
      { fn, option: name, value, min, max },
    );
  }
  return value;
}
