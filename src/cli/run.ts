// The `vietnlp` command line. `runCli(argv, io)` does the work and returns the exit code, so tests can run it
// in-process; src/cli/main.ts wires it to the real process.
//
// Exit codes: 0 = all documents processed; 1 = some documents failed (missing file, invalid UTF-8, bad NDJSON
// line: each reported, the others still processed and printed); 2 = usage error (unknown command or option, bad
// option value), nothing processed.
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { isVietNlpError, splitSentences } from '../index.js';
import { createPool, type TaskPool } from '../batch/pool.js';
import { mapSettledOrdered } from '../batch/ordered.js';
import { TASKS, toErrorInfo, type TaskName } from '../batch/tasks.js';
import { formatResult, formatWords } from './format.js';
import { htmlCollector } from './html.js';
import { expandInputs, readDocuments, readNdjson, type InputDoc } from './input.js';
import { packageVersion } from './version.js';
import { startServer } from '../service/server.js';

/** The streams and environment the CLI talks to (the real process by default; replaced in tests). */
export interface CliIO {
  readonly stdin: NodeJS.ReadableStream;
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  /** Whether stderr is a terminal (enables the progress bar for many files). */
  readonly stderrIsTTY?: boolean;
  /** Whether stdin is a terminal (then a hint is printed before reading it). */
  readonly stdinIsTTY?: boolean;
  readonly cwd?: string;
  /** Called by `serve` with a function that shuts the server down; main.ts binds it to SIGTERM/SIGINT. */
  readonly onServe?: (stop: () => Promise<void>, url: string) => void;
}

const COMMANDS = [...TASKS, 'serve', 'help'] as const;

/**
 * Help text printed by `vietnlp --help`.
 *
 * @example
 * ```ts
 * process.stdout.write(HELP);
 * ```
 */
export const HELP = `vietnlp — Vietnamese NLP for party and government reports

Usage:
  vietnlp <command> [file|folder|- ...] [options]

Commands:
  segment     words (JSON; --format text: one sentence per line, syllables of a word joined by _)
  entities    named entities and measures (--format text: TYPE<TAB>text)
  officials   people with their positions
  summarize   extractive summary (--sentences N | --ratio R)
  report      structured report facts (extractReport)
  analyze     everything above in one result
  serve       HTTP JSON service with the same operations

Input:
  files as arguments; a folder means all its *.txt files (recursively, sorted); no argument or "-" reads stdin.
  One document per file, or with --ndjson one document per line: a JSON string, {"id","text"}, or raw text.

Options:
  --format F           json (default), text, or html (analyze only: a page for a browser; one file → its view,
                       several files or a folder → one page with an index, then every document)
  --ndjson             read one document per line and write one JSON result per line ({"id","result"} or
                       {"id","error"}), streaming, in input order
  --compact            single-line JSON (NDJSON output is always compact)
  -j, --jobs N         worker threads (default 1 = in-process; needs the built dist/worker.js)
  --sentences N        summary length in sentences (summarize, analyze)
  --ratio R            summary length as a share of the sentences, 0..1 (summarize, analyze)
  --progress           show a progress bar on stderr (default: on when stderr is a terminal and input has many files)
  --no-progress        never show the progress bar
  -h, --help           this help
  -v, --version        print the version

serve options:
  --port N             default 8080 (0 = any free port)
  --host H             default 127.0.0.1
  --max-body SIZE      request body limit, e.g. 1mb, 512kb, 100000 (default 5mb) → 413 above it
  --timeout MS         per-request time limit (default 30000) → 504
  --cors ORIGIN        allow cross-origin requests from ORIGIN (off by default; "*" for any)
  -j, --jobs N         worker threads for the analyses (default 1 = in-process)

Exit codes: 0 ok · 1 some documents failed (the others are still printed) · 2 usage error

Examples:
  vietnlp entities --format text report.txt
  cat docs.ndjson | vietnlp analyze --ndjson --jobs 2 > results.ndjson
  vietnlp summarize --sentences 3 reports/
  vietnlp serve --port 8080
`;

const OPTIONS = {
  format: { type: 'string' },
  ndjson: { type: 'boolean' },
  compact: { type: 'boolean' },
  jobs: { type: 'string', short: 'j' },
  sentences: { type: 'string' },
  ratio: { type: 'string' },
  progress: { type: 'boolean' },
  'no-progress': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  port: { type: 'string' },
  host: { type: 'string' },
  'max-body': { type: 'string' },
  timeout: { type: 'string' },
  cors: { type: 'string' },
} as const;

class UsageError extends Error {}

function intOption(value: string | undefined, name: string, min: number, max: number): number | undefined {
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
export function parseSize(value: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|k|mb|m|gb|g)?\s*$/i.exec(value);
  if (!m) throw new UsageError(`--max-body must be a size such as 1mb, 512kb or 100000, got ${JSON.stringify(value)}`);
  const unit = (m[2] ?? 'b').toLowerCase();
  const mult = unit.startsWith('g') ? 1024 ** 3 : unit.startsWith('m') ? 1024 ** 2 : unit.startsWith('k') ? 1024 : 1;
  const n = Math.floor(Number(m[1]) * mult);
  if (n < 1) throw new UsageError(`--max-body must be at least 1 byte, got ${JSON.stringify(value)}`);
  return n;
}

async function write(out: NodeJS.WritableStream, s: string): Promise<void> {
  if (!out.write(s)) await once(out, 'drain');
}

function progressBar(io: CliIO, total: number | undefined): { tick(): void; done(): void } {
  let n = 0;
  let last = 0;
  const draw = (force: boolean): void => {
    const now = Date.now();
    if (!force && now - last < 100) return;
    last = now;
    if (total) {
      const width = 30;
      const filled = Math.round((n / total) * width);
      io.stderr.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${n}/${total}`);
    } else io.stderr.write(`\r${n} documents`);
  };
  return {
    tick() {
      n++;
      draw(n === total);
    },
    done() {
      draw(true);
      io.stderr.write('\n');
    },
  };
}

/**
 * Runs the `vietnlp` command line with `argv` (without `node` and the script) and returns the exit code.
 *
 * @example
 * ```ts
 * const code = await runCli(['entities', '--format', 'text', 'report.txt'], { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
 * ```
 */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const err = (msg: string): void => void io.stderr.write(`vietnlp: ${msg}\n`);
  let parsed: { values: Values; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true }) as { values: Values; positionals: string[] };
  } catch (e) {
    err(`${(e as Error).message.replace(/\. To specify a positional argument.*$/s, '')}\nRun "vietnlp --help" for usage.`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.version) {
    await write(io.stdout, `${packageVersion()}\n`);
    return 0;
  }
  const command = positionals[0];
  if (values.help || command === undefined || command === 'help') {
    await write(command === undefined && !values.help ? io.stderr : io.stdout, HELP);
    return command === undefined && !values.help ? 2 : 0;
  }
  if (!(COMMANDS as readonly string[]).includes(command)) {
    err(`unknown command ${JSON.stringify(command)}; commands are ${COMMANDS.filter((c) => c !== 'help').join(', ')}\nRun "vietnlp --help" for usage.`);
    return 2;
  }
  try {
    if (command === 'serve') return await serve(values, positionals.slice(1), io);
    return await processDocs(command as TaskName, values, positionals.slice(1), io);
  } catch (e) {
    if (e instanceof UsageError) {
      err(`${e.message}\nRun "vietnlp --help" for usage.`);
      return 2;
    }
    if (isVietNlpError(e)) {
      err(e.message); // e.g. serve: the port is in use
      return 1;
    }
    throw e;
  }
}

interface Values {
  format?: string; ndjson?: boolean; compact?: boolean; jobs?: string; sentences?: string; ratio?: string;
  progress?: boolean; 'no-progress'?: boolean; help?: boolean; version?: boolean; port?: string; host?: string;
  'max-body'?: string; timeout?: string; cors?: string;
}

function taskOptions(task: TaskName, values: Values): Record<string, unknown> | undefined {
  const sentences = intOption(values.sentences, 'sentences', 1, 10_000);
  let ratio: number | undefined;
  if (values.ratio !== undefined) {
    ratio = Number(values.ratio);
    if (!/^\s*\d*\.?\d+\s*$/.test(values.ratio) || !(ratio > 0 && ratio <= 1)) throw new UsageError(`--ratio must be a number in (0, 1], got ${JSON.stringify(values.ratio)}`);
  }
  if (sentences === undefined && ratio === undefined) return undefined;
  const summary: Record<string, number> = {};
  if (sentences !== undefined) summary['sentences'] = sentences;
  if (ratio !== undefined) summary['ratio'] = ratio;
  if (task === 'summarize') return summary;
  if (task === 'analyze') return { summary };
  throw new UsageError(`--sentences and --ratio apply to summarize and analyze, not ${task}`);
}

async function processDocs(task: TaskName, values: Values, paths: string[], io: CliIO): Promise<number> {
  const format = values.format ?? 'json';
  if (format !== 'json' && format !== 'text' && format !== 'html') throw new UsageError(`--format must be "json", "text" or "html", got ${JSON.stringify(format)}`);
  if (values.ndjson && format !== 'json') throw new UsageError(`--ndjson writes JSON lines; it cannot be combined with --format ${format}`);
  if (format === 'html' && task !== 'analyze') throw new UsageError(`--format html is a view of "analyze", not of "${task}"`);
  for (const name of ['port', 'host', 'max-body', 'timeout', 'cors'] as const) {
    if (values[name] !== undefined) throw new UsageError(`--${name} is an option of "serve", not of "${task}"`);
  }
  const jobs = intOption(values.jobs, 'jobs', 1, 256) ?? 1;
  const options = taskOptions(task, values);
  const cwd = io.cwd ?? process.cwd();
  const sources = await expandInputs(paths.length ? paths : ['-'], cwd);
  const ndjson = !!values.ndjson;
  const docs: AsyncIterable<InputDoc> = ndjson ? readNdjson(sources, io.stdin, cwd) : readDocuments(sources, io.stdin, cwd);
  const single = !ndjson && sources.length === 1 && !sources[0]!.fromFolder;
  if (io.stdinIsTTY && sources.some((s) => s.path === '-')) io.stderr.write('vietnlp: reading from stdin (end with Ctrl-D)…\n');
  const showProgress = !values['no-progress'] && (values.progress || (!!io.stderrIsTTY && (ndjson || sources.length > 1)));
  const bar = showProgress ? progressBar(io, ndjson ? undefined : sources.length) : undefined;

  // Two texts queued per thread, so a worker never idles waiting for the main thread (the CLI never aborts tasks).
  const pool: TaskPool = createPool({ concurrency: jobs, tasksPerThread: 2 });
  if (jobs > 1 && !pool.threaded) io.stderr.write('vietnlp: no built worker (dist/worker.js) found; running in-process\n');
  const needsText = format === 'text' && task === 'segment';
  const html = format === 'html' ? htmlCollector() : undefined;
  let failures = 0;
  let count = 0;
  const compact = !!values.compact;
  // Compact JSON is produced by the worker (JSON.stringify in the thread), and spliced into the output as is.
  const asJson = ndjson || (format === 'json' && compact);
  const resultJson = (value: unknown): string => (asJson ? (value as string) : JSON.stringify(value, null, compact ? undefined : 2));
  try {
    if (!single && !ndjson && format === 'json') await write(io.stdout, '[');
    const run = async (doc: InputDoc): Promise<unknown> => {
      if ('error' in doc) throw Object.assign(new Error(doc.error), { code: doc.code });
      return asJson ? pool.runJson(task, doc.text, options) : pool.run(task, doc.text, options);
    };
    const ids: InputDoc[] = [];
    let i = 0;
    for await (const r of mapSettledOrdered(docs, (doc, k) => ((ids[k] = doc), run(doc)), 2 * pool.concurrency * (pool.tasksPerThread ?? 1))) {
      const doc = ids[i]!;
      delete ids[i];
      i++;
      bar?.tick();
      if (!r.ok) {
        failures++;
        const info = toErrorInfo(r.error);
        if (ndjson) await write(io.stdout, `${JSON.stringify({ id: doc.id, error: info.message, code: info.code })}\n`);
        else {
          html?.fail(doc.id, info.message);
          const where = 'error' in doc || typeof doc.id !== 'string' || doc.id === 'stdin' ? '' : `${doc.id}: `;
          io.stderr.write(`${bar ? '\n' : ''}vietnlp: ${where}${info.message}\n`);
          if (!single && format === 'json') await write(io.stdout, `${count++ ? ',' : ''}\n${JSON.stringify({ id: doc.id, error: info.message, code: info.code })}`);
        }
        continue;
      }
      if (ndjson) await write(io.stdout, `{"id":${JSON.stringify(doc.id) ?? 'null'},"result":${resultJson(r.value)}}\n`);
      else if (html) html.add(doc.id, r.value);
      else if (format === 'json') {
        if (single) await write(io.stdout, `${resultJson(r.value)}\n`);
        else if (compact) await write(io.stdout, `${count++ ? ',' : ''}\n{"id":${JSON.stringify(doc.id) ?? 'null'},"result":${resultJson(r.value)}}`);
        else await write(io.stdout, `${count++ ? ',' : ''}\n${JSON.stringify({ id: doc.id, result: r.value }, null, 2)}`);
      } else {
        let body: string;
        if (needsText && 'text' in doc) body = formatWords(r.value as { text: string; start: number; end: number }[], splitSentences(doc.text));
        else body = formatResult(task, r.value);
        await write(io.stdout, `${single ? '' : `${count++ ? '\n' : ''}== ${String(doc.id)} ==\n`}${body}\n`);
      }
    }
    if (!single && !ndjson && format === 'json') await write(io.stdout, `${count ? '\n' : ''}]\n`);
    if (html) await write(io.stdout, html.page(single));
  } finally {
    bar?.done();
    await pool.close();
  }
  if (failures) {
    io.stderr.write(`vietnlp: ${failures} document${failures > 1 ? 's' : ''} failed\n`);
    return 1;
  }
  return 0;
}

async function serve(values: Values, rest: string[], io: CliIO): Promise<number> {
  if (rest.length) throw new UsageError(`serve takes no file arguments, got ${JSON.stringify(rest[0])}`);
  for (const name of ['format', 'ndjson', 'sentences', 'ratio', 'compact'] as const) {
    if (values[name] !== undefined) throw new UsageError(`--${name} is not an option of "serve"`);
  }
  const port = intOption(values.port, 'port', 0, 65535) ?? 8080;
  const timeoutMs = intOption(values.timeout, 'timeout', 1, 3_600_000) ?? 30_000;
  const jobs = intOption(values.jobs, 'jobs', 1, 256) ?? 1;
  const maxBody = values['max-body'] === undefined ? undefined : parseSize(values['max-body']);
  const host = values.host ?? '127.0.0.1';
  const service = await startServer({ port, host, timeoutMs, jobs, maxBody, cors: values.cors });
  if (jobs > 1 && !service.threaded) io.stderr.write('vietnlp: no built worker (dist/worker.js) found; running in-process\n');
  await write(io.stdout, `vietnlp ${packageVersion()} listening on ${service.url}\n`);
  const stopped = new Promise<void>((resolve) => {
    const stop = async (): Promise<void> => {
      await service.close();
      resolve();
    };
    if (io.onServe) io.onServe(stop, service.url);
  });
  await stopped;
  io.stderr.write('vietnlp: server stopped\n');
  return 0;
}
