// The queue protocol, independent of BullMQ: job name = task (one of TASKS), job data = { text, options? }, return
// value = the task's result (the HTTP `result`). Bad input fails the job for good ("E_CODE: message", never retried);
// anything else is an ordinary error that BullMQ retries per the job's `attempts` and `backoff`.
import { TASKS, isTaskName, toErrorInfo, type TaskName } from '../batch/tasks.js';
import { VietNlpError, describe } from '../errors.js';

/** Default queue name of the worker, the client and the CLI. */
export const DEFAULT_QUEUE = 'vietnlp';

/** Default largest `text` of a job, in UTF-8 bytes (5 MiB, the HTTP service's default body limit). */
export const DEFAULT_MAX_TEXT_BYTES = 5 * 1024 * 1024;

/** Error codes that mean "this job can never succeed": the job fails at once, without retries. */
export const INPUT_ERROR_CODES: readonly string[] = ['E_INPUT_TYPE', 'E_OPTION_TYPE', 'E_OPTION_VALUE', 'E_UNKNOWN_OPTION', 'E_TOO_LARGE'];

const DATA_FIELDS = ['text', 'options'];

/** A validated job. */
export interface ParsedJob {
  readonly task: TaskName;
  readonly text: string;
  readonly options?: Record<string, unknown>;
}

/**
 * Checks a job's name and data against the protocol; throws a `VietNlpError` (E_OPTION_VALUE for an unknown task,
 * E_INPUT_TYPE for data that is not `{ text: string, options?: object }`, E_TOO_LARGE above `maxTextBytes`).
 * The options themselves are checked by the task (E_UNKNOWN_OPTION, E_OPTION_VALUE, …).
 *
 * @example
 * ```ts
 * parseJob('analyze', { text: 'Xã Quảng Hợp' }); // { task: 'analyze', text: 'Xã Quảng Hợp' }
 * parseJob('parse', { text: '…' });            // throws E_OPTION_VALUE: unknown task "parse"; valid tasks are …
 * ```
 */
export function parseJob(name: unknown, data: unknown, maxTextBytes = DEFAULT_MAX_TEXT_BYTES): ParsedJob {
  if (!isTaskName(name)) {
    throw new VietNlpError('E_OPTION_VALUE', `unknown task ${describe(name)} (the job name); valid tasks are ${TASKS.map((t) => JSON.stringify(t)).join(', ')}`, {
      task: name,
      choices: TASKS,
    });
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new VietNlpError('E_INPUT_TYPE', `${name}: the job data must be an object like {"text": "…"}, got ${describe(data)}`, { task: name });
  }
  const o = data as Record<string, unknown>;
  for (const key of Object.keys(o)) {
    if (!DATA_FIELDS.includes(key)) {
      throw new VietNlpError('E_INPUT_TYPE', `${name}: unknown field ${JSON.stringify(key)} in the job data; allowed fields are "text", "options"`, { task: name, field: key });
    }
  }
  const text = o['text'];
  if (typeof text !== 'string') {
    throw new VietNlpError('E_INPUT_TYPE', `${name}: the job data's "text" must be a string, got ${text === undefined ? 'nothing' : describe(text)}`, { task: name });
  }
  // Cheap upper bound first (≤ 3 UTF-8 bytes per UTF-16 unit), exact count only near the limit.
  if (text.length * 3 > maxTextBytes) {
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > maxTextBytes) {
      throw new VietNlpError('E_TOO_LARGE', `${name}: the text is ${bytes} bytes; the limit is ${maxTextBytes} bytes`, { task: name, bytes, limit: maxTextBytes });
    }
  }
  const options = o['options'];
  if (options === undefined) return { task: name, text };
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new VietNlpError('E_OPTION_TYPE', `${name}: the job data's "options" must be an object, got ${describe(options)}`, { task: name });
  }
  return { task: name, text, options: options as Record<string, unknown> };
}

/** Runs one validated task (the HTTP service's runner: a `TaskPool`'s `run`). */
export type TaskRunner = (task: TaskName, text: string, options: Record<string, unknown> | undefined) => Promise<unknown>;

/**
 * The error a job fails with: message `"E_CODE: message"`. For input errors its name is `UnrecoverableError`, which
 * BullMQ (and its Python port) treat as final whatever the job's `attempts`.
 */
export class JobError extends Error {
  readonly code: string;
  constructor(code: string, message: string, unrecoverable: boolean) {
    super(`${code}: ${message}`);
    this.name = unrecoverable ? 'UnrecoverableError' : 'Error';
    this.code = code;
  }
}

/**
 * Processes one job by the protocol: validates it, runs the task, and returns the result or throws a
 * {@link JobError}.
 *
 * @example
 * ```ts
 * const pool = createPool({ concurrency: 1 });
 * await processJob('segment', { text: 'Xã Quảng Hợp' }, pool.run); // [{ text: 'Xã', … }, …]
 * await processJob('segment', { text: 42 }, pool.run);             // throws UnrecoverableError "E_INPUT_TYPE: …"
 * ```
 */
export async function processJob(name: unknown, data: unknown, run: TaskRunner, maxTextBytes = DEFAULT_MAX_TEXT_BYTES): Promise<unknown> {
  try {
    const job = parseJob(name, data, maxTextBytes);
    return await run(job.task, job.text, job.options);
  } catch (e) {
    const info = toErrorInfo(e);
    throw new JobError(info.code, info.message, INPUT_ERROR_CODES.includes(info.code));
  }
}

/**
 * Reads the code back from a failed job's reason (`"E_INPUT_TYPE: …"` → `'E_INPUT_TYPE'`), else `E_INTERNAL`.
 *
 * @example
 * ```ts
 * failureCode('E_TOO_LARGE: analyze: the text is …'); // 'E_TOO_LARGE'
 * ```
 */
export function failureCode(reason: unknown): string {
  const m = typeof reason === 'string' ? /^(E_[A-Z_]+): /.exec(reason) : null;
  return m ? m[1]! : 'E_INTERNAL';
}
