// THE table of command-line options, their parsing, and "did you mean" suggestions. Which command takes which option
// is declared in ./commands.ts.
import { VietNlpError } from '../errors.js';

/** An error in the command line (code `E_CLI_USAGE`): printed with a hint, exit code 2, nothing processed. */
export class UsageError extends VietNlpError {
  constructor(message: string) {
    super('E_CLI_USAGE', message);
  }
}

/** One option: how it is written and what it means (the help texts are generated from this table). */
export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  /** Placeholder of the value in the help (`N`, `SIZE`). */
  readonly value?: string;
  readonly help: string;
}

/** Every option of every command. */
export const OPTIONS = {
  format: { type: 'string', value: 'json|text|html', help: 'output format (default json; html: a page to open in a browser, analyze only)' },
  ndjson: { type: 'boolean', help: 'one document per input line, one JSON line per document, streaming, in input order' },
  compact: { type: 'boolean', help: 'single-line JSON (NDJSON output is always compact)' },
  jobs: { type: 'string', short: 'j', value: 'N', help: 'worker threads (default 1 = in-process; needs the built dist/worker.js)' },
  sentences: { type: 'string', value: 'N', help: 'summary length in sentences' },
  ratio: { type: 'string', value: 'R', help: 'summary length as a share of the sentences, 0..1' },
  progress: { type: 'boolean', help: 'progress bar on stderr (default: on when stderr is a terminal and there are many documents)' },
  'no-progress': { type: 'boolean', help: 'never show the progress bar' },
  port: { type: 'string', value: 'N', help: 'port (default 8080; 0 = any free port)' },
  host: { type: 'string', value: 'H', help: 'interface (default 127.0.0.1; 0.0.0.0 exposes the service)' },
  'max-body': { type: 'string', value: 'SIZE', help: 'request body limit, e.g. 1mb, 512kb (default 5mb) → 413' },
  'max-result': { type: 'string', value: 'SIZE', help: 'answer size limit (default 32mb) → 413 E_RESULT_TOO_LARGE' },
  'max-in-flight': { type: 'string', value: 'N', help: 'requests processed at once, counted once their body is read (default 64) → 503' },
  'max-waiting': { type: 'string', value: 'N', help: 'requests waiting for their body at once (default 256); the oldest gets 503' },
  'max-memory': { type: 'string', value: 'SIZE', help: 'heap limit of each worker thread (default 1536mb) → 413 E_TOO_LARGE, the thread is replaced' },
  timeout: { type: 'string', value: 'MS', help: 'time limit per request once its body is read (default 30000) → 504 in every mode' },
  'body-timeout': { type: 'string', value: 'MS', help: 'time allowed for a request body (default 10000) → 408' },
  'headers-timeout': { type: 'string', value: 'MS', help: 'time allowed for the request headers (default 10000) → 408' },
  grace: { type: 'string', value: 'MS', help: 'on SIGTERM/SIGINT, time left to requests in progress (default 10000), then 503' },
  cors: { type: 'string', value: 'ORIGIN', help: 'allow cross-origin requests from ORIGIN ("*" for any; off by default)' },
  'allowed-hosts': { type: 'string', value: 'LIST', help: 'accepted Host headers, comma-separated, or "*" (default on loopback: localhost,127.0.0.1,[::1])' },
  help: { type: 'boolean', short: 'h', help: 'help (of a command: vietnlp <command> --help)' },
  version: { type: 'boolean', short: 'v', help: 'print the version' },
} as const satisfies Record<string, OptionSpec>;

/** The name of an option. */
export type OptionName = keyof typeof OPTIONS;

/** Parsed option values (strings as given; booleans true when present). */
export type Values = { [K in OptionName]?: (typeof OPTIONS)[K]['type'] extends 'boolean' ? boolean : string };

/** `--jobs N` in the help: `-j, --jobs N`. */
export function optionLabel(name: OptionName): string {
  const o: OptionSpec = OPTIONS[name];
  return `${o.short ? `-${o.short}, ` : ''}--${name}${o.value ? ` ${o.value}` : ''}`;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

/**
 * The closest of `choices` to a mistyped `word` (edit distance at most 2, or a unique prefix), for "did you mean".
 *
 * @example
 * ```ts
 * suggest('segmnet', ['segment', 'entities']); // 'segment'
 * suggest('xyz', ['segment']);                 // undefined
 * ```
 */
export function suggest(word: string, choices: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of choices) {
    const d = distance(word.toLowerCase(), c);
    if (d < bestD) [best, bestD] = [c, d];
  }
  if (best !== undefined && bestD <= (word.length <= 3 ? 1 : 2)) return best;
  const prefixed = choices.filter((c) => word.length >= 2 && c.startsWith(word.toLowerCase()));
  return prefixed.length === 1 ? prefixed[0] : undefined;
}

/** An integer option value within [min, max]. */
export function intOption(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || !Number.isInteger(n) || n < min || n > max) {
    throw new UsageError(`--${name} must be an integer from ${min} to ${max}, got ${JSON.stringify(value)}`);
  }
  return n;
}

/**
 * Parses a size like `5mb`, `512kb`, `100000` into bytes.
 *
 * @example
 * ```ts
 * parseSize('1mb'); // 1048576
 * ```
 */
export function parseSize(value: string, name = 'max-body'): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|k|mb|m|gb|g)?\s*$/i.exec(value);
  if (!m) throw new UsageError(`--${name} must be a size such as 1mb, 512kb or 100000, got ${JSON.stringify(value)}`);
  const unit = (m[2] ?? 'b').toLowerCase();
  const mult = unit.startsWith('g') ? 1024 ** 3 : unit.startsWith('m') ? 1024 ** 2 : unit.startsWith('k') ? 1024 : 1;
  const n = Math.floor(Number(m[1]) * mult);
  if (n < 1) throw new UsageError(`--${name} must be at least 1 byte, got ${JSON.stringify(value)}`);
  return n;
}
