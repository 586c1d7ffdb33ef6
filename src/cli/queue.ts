// `vietnlp worker` and `vietnlp enqueue`: the command-line side of the Redis/BullMQ queue (src/queue). Parsed here,
// apart from the other commands, because `--ndjson FILE` takes a value in `enqueue`.
//
// Exit codes as for the other commands: 0 ok · 1 some documents failed (enqueue) or a runtime error (Redis, missing
// bullmq) · 2 usage error (also a missing --ndjson file) · 130/143 enqueue stopped by SIGINT/SIGTERM.
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { isVietNlpError } from '../errors.js';
import { mapSettledOrdered } from '../batch/ordered.js';
import { TASKS, isTaskName, runTask, toErrorInfo, type TaskName } from '../batch/tasks.js';
import { expandInputs, readNdjson, type InputDoc } from './input.js';
import { packageVersion } from './version.js';
import { signalExitCode, type CliIO } from './io.js';
import { createQueueWorker } from '../queue/worker.js';
import { createQueueClient, type QueuedJob } from '../queue/client.js';
import { DEFAULT_QUEUE } from '../queue/protocol.js';

/** Commands handled by {@link runQueueCli}. */
export const QUEUE_COMMANDS = ['worker', 'enqueue'] as const;

/** Help of the two commands (also appended to `vietnlp --help`). */
export const QUEUE_HELP = `Queue (Redis + BullMQ; needs: npm install bullmq ioredis):
  vietnlp worker --redis redis://HOST:PORT [--queue vietnlp] [--concurrency N] [--jobs N]
                 [--max-text 5mb] [--lock-duration 30000] [--stalled-interval 30000] [--max-stalled 2] [--name NAME]
      takes jobs (name = task, data = {"text","options"?}) until SIGTERM/SIGINT, then finishes the active ones
  vietnlp enqueue --redis redis://HOST:PORT --ndjson FILE|- [--task analyze] [--options JSON] [--queue vietnlp]
                  [--attempts 3] [--wait]
      adds one job per NDJSON line; prints one line per input line, in input order: {"id","job"}, or with --wait
      {"id","result"}; a line that could not be queued or whose job failed: {"id","error":{"code","message"}}
`;

const OPTIONS = {
  redis: { type: 'string' },
  queue: { type: 'string' },
  concurrency: { type: 'string' },
  jobs: { type: 'string', short: 'j' },
  'max-text': { type: 'string' },
  'lock-duration': { type: 'string' },
  'stalled-interval': { type: 'string' },
  'max-stalled': { type: 'string' },
  name: { type: 'string' },
  ndjson: { type: 'string' },
  task: { type: 'string' },
  options: { type: 'string' },
  attempts: { type: 'string' },
  wait: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = { [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K]['type'] extends 'boolean' ? boolean : string };

class UsageError extends Error {}

const WORKER_ONLY = ['concurrency', 'jobs', 'max-text', 'lock-duration', 'stalled-interval', 'max-stalled', 'name'] as const;
const ENQUEUE_ONLY = ['ndjson', 'task', 'options', 'attempts', 'wait'] as const;

function int(values: Values, name: keyof Values, min: number, max: number): number | undefined {
  const v = values[name];
  if (v === undefined || typeof v !== 'string') return undefined;
  const n = Number(v);
  if (!/^\s*\d+\s*$/.test(v) || n < min || n > max) throw new UsageError(`--${name} must be an integer from ${min} to ${max}, got ${JSON.stringify(v)}`);
  return n;
}

function size(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|k|mb|m|gb|g)?\s*$/i.exec(value);
  const unit = (m?.[2] ?? 'b').toLowerCase();
  const n = m ? Math.floor(Number(m[1]) * (unit.startsWith('g') ? 1024 ** 3 : unit.startsWith('m') ? 1024 ** 2 : unit.startsWith('k') ? 1024 : 1)) : 0;
  if (n < 1 || n > 2 ** 31) throw new UsageError(`--max-text must be a size such as 5mb, 512kb or 100000, got ${JSON.stringify(value)}`);
  return n;
}

function redisUrl(values: Values): string {
  const url = values.redis;
  if (url === undefined) throw new UsageError('--redis redis://HOST:PORT is required');
  if (!/^rediss?:\/\/./.test(url)) throw new UsageError(`--redis must be a URL like redis://127.0.0.1:6379, got ${JSON.stringify(url)}`);
  return url;
}

/** The URL without its password, for messages. */
function shownUrl(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}

async function write(out: NodeJS.WritableStream, s: string): Promise<void> {
  if (!out.write(s)) await once(out, 'drain');
}

/**
 * Runs `vietnlp worker …` or `vietnlp enqueue …` (`argv` starts with the command) and returns the exit code.
 *
 * @example
 * ```ts
 * await runQueueCli(['enqueue', '--redis', 'redis://127.0.0.1:6379', '--ndjson', 'docs.ndjson', '--wait'], io);
 * ```
 */
export async function runQueueCli(argv: readonly string[], io: CliIO): Promise<number> {
  const err = (msg: string): void => void io.stderr.write(`vietnlp: ${msg}\n`);
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true }) as { values: Values; positionals: string[] };
    const command = positionals[0];
    if (values.help) {
      await write(io.stdout, QUEUE_HELP);
      return 0;
    }
    if (positionals.length > 1) throw new UsageError(`${command} takes no file arguments, got ${JSON.stringify(positionals[1])}${command === 'enqueue' ? ' (use --ndjson FILE)' : ''}`);
    const foreign = command === 'worker' ? ENQUEUE_ONLY : WORKER_ONLY;
    for (const name of foreign) if (values[name] !== undefined) throw new UsageError(`--${name} is not an option of "${command}"`);
    return command === 'worker' ? await worker(values, io) : await enqueueDocs(values, io);
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: unknown })?.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' || (e as { code?: unknown })?.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      err(`${(e as Error).message.replace(/\. To specify a positional argument.*$/s, '')}\nRun "vietnlp worker --help" for usage.`);
      return 2;
    }
    if (isVietNlpError(e)) {
      err(e.message); // e.g. bullmq not installed
      return 1;
    }
    throw e;
  }
}

async function worker(values: Values, io: CliIO): Promise<number> {
  const url = redisUrl(values);
  const jobs = int(values, 'jobs', 1, 256) ?? 1;
  const w = await createQueueWorker({
    connection: url,
    queue: values.queue ?? DEFAULT_QUEUE,
    jobs,
    concurrency: int(values, 'concurrency', 1, 10_000) ?? jobs,
    maxTextBytes: size(values['max-text']),
    lockDuration: int(values, 'lock-duration', 100, 2 ** 31 - 1),
    stalledInterval: int(values, 'stalled-interval', 100, 2 ** 31 - 1),
    maxStalledCount: int(values, 'max-stalled', 0, 1000),
    ...(values.name === undefined ? {} : { name: values.name }),
    onError: throttled(io),
  });
  if (jobs > 1 && !w.threaded) io.stderr.write('vietnlp: no built worker (dist/worker.js) found; running in-process\n');
  const stopped = new Promise<void>((resolve) => {
    io.signal?.addEventListener('abort', () => void w.close().then(resolve), { once: true });
  });
  await w.waitUntilReady();
  await write(io.stdout, `vietnlp ${packageVersion()} worker ready: queue ${JSON.stringify(w.queue)} on ${shownUrl(url)}\n`);
  await stopped;
  io.stderr.write('vietnlp: worker stopped\n');
  return 0;
}

function throttled(io: CliIO): (e: Error) => void {
  const last = new Map<string, number>();
  return (e) => {
    const message = e?.message ?? String(e);
    if (Date.now() - (last.get(message) ?? -Infinity) < 5000) return;
    last.set(message, Date.now());
    io.stderr.write(`vietnlp worker: ${message}\n`);
  };
}

function enqueueSettings(values: Values): { task: TaskName; options: Record<string, unknown> | undefined; attempts: number; input: string } {
  const task = values.task ?? 'analyze';
  if (!isTaskName(task)) throw new UsageError(`--task must be one of ${TASKS.join(', ')}, got ${JSON.stringify(task)}`);
  if (values.ndjson === undefined) throw new UsageError('--ndjson FILE is required ("-" for stdin)');
  let options: Record<string, unknown> | undefined;
  if (values.options !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(values.options);
    } catch {
      throw new UsageError(`--options must be a JSON object such as '{"summary":{"sentences":3}}', got ${JSON.stringify(values.options)}`);
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new UsageError(`--options must be a JSON object, got ${JSON.stringify(values.options)}`);
    options = parsed as Record<string, unknown>;
    try {
      runTask(task, '', options); // the task's own option checks, on an empty text
    } catch (e) {
      throw new UsageError(`--options: ${toErrorInfo(e).message}`);
    }
  }
  return { task, options, attempts: int(values, 'attempts', 1, 1000) ?? 3, input: values.ndjson };
}

/** Settles when the signal aborts (never, without a signal). */
function aborted(signal: AbortSignal | undefined): Promise<'aborted'> {
  return new Promise((resolve) => {
    if (signal?.aborted) resolve('aborted');
    else signal?.addEventListener('abort', () => resolve('aborted'), { once: true });
  });
}

async function enqueueDocs(values: Values, io: CliIO): Promise<number> {
  const url = redisUrl(values);
  const { task, options, attempts, input } = enqueueSettings(values);
  const wait = !!values.wait;
  const cwd = io.cwd ?? process.cwd();
  const { sources } = await expandInputs([input], cwd);
  const missing = sources.find((s) => s.error);
  if (missing) throw new UsageError(`cannot read ${JSON.stringify(missing.path)}: ${missing.error}`);
  const docs = readNdjson(sources, io.stdin, cwd);
  // SIGINT/SIGTERM: stop reading and waiting after the line being written; the jobs already added stay queued.
  const signal = io.signal;
  const client = await createQueueClient({
    connection: url,
    queue: values.queue ?? DEFAULT_QUEUE,
    jobOptions: { attempts, backoff: { type: 'exponential', delay: 1000 } },
  });
  let failures = 0;
  try {
    const ids: unknown[] = [];
    const add = async (doc: InputDoc, k: number): Promise<unknown> => {
      ids[k] = doc.id;
      if ('error' in doc) throw Object.assign(new Error(doc.error.message), { code: doc.error.code });
      const job: QueuedJob<TaskName> = await client.enqueue(task, doc.text, options as never);
      return wait ? job.result() : job.id;
    };
    // With --wait, up to 1,000 documents are in the queue at once (results come back in input order).
    const results = mapSettledOrdered(docs, add, wait ? 1000 : 64)[Symbol.asyncIterator]();
    const stop = aborted(signal);
    for (let i = 0; ; ) {
      const next = await Promise.race([results.next(), stop]);
      if (next === 'aborted' || next.done) {
        if (next === 'aborted') void results.return(undefined); // not awaited: a pending read of stdin may never end
        break;
      }
      const r = next.value;
      const id = JSON.stringify(ids[i]) ?? 'null';
      delete ids[i];
      i++;
      if (!r.ok) {
        failures++;
        const info = toErrorInfo(r.error); // a failed job's reason is "E_CODE: message": the code is kept apart
        const error = { code: info.code, message: info.message.replace(/^E_[A-Z0-9_]+: /, '') };
        await write(io.stdout, `{"id":${id},"error":${JSON.stringify(error)}}\n`);
      } else if (wait) await write(io.stdout, `{"id":${id},"result":${JSON.stringify(r.value) ?? 'null'}}\n`);
      else await write(io.stdout, `{"id":${id},"job":${JSON.stringify(r.value)}}\n`);
      if (signal?.aborted) break;
    }
  } finally {
    await client.close();
  }
  if (signal?.aborted) {
    io.stderr.write(`vietnlp: ${String(signal.reason)} received, stopped after the last complete output; the jobs already added stay in the queue\n`);
    return signalExitCode(signal);
  }
  if (failures) {
    io.stderr.write(`vietnlp: ${failures} document${failures > 1 ? 's' : ''} failed\n`);
    return 1;
  }
  return 0;
}
