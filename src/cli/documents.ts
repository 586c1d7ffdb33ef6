// The document commands (`vietnlp segment|entities|…`): read files, folders, stdin or NDJSON, run the task (in worker
// threads with --jobs), write one output shape (see INPUT_HELP in ./commands.ts), stop cleanly on SIGINT/SIGTERM.
import { once } from 'node:events';
import { splitSentences } from '../sentences/index.js';
import { createPool, type TaskPool } from '../batch/pool.js';
import { mapSettledOrdered, type Settled } from '../batch/ordered.js';
import { toErrorInfo, type ErrorInfo, type TaskName } from '../batch/tasks.js';
import { htmlCollector } from './html.js';
import { formatResult, formatTagged, formatWords } from './format.js';
import { expandInputs, readDocuments, readNdjson, type InputDoc } from './input.js';
import { signalExitCode, type CliIO } from './io.js';
import { UsageError, intOption, type Values } from './options.js';

/**
 * Writes `s`, waiting for the stream to drain when its buffer is full.
 *
 * @example
 * ```ts
 * await write(process.stdout, 'line\n');
 * ```
 */
export async function write(out: NodeJS.WritableStream, s: string): Promise<void> {
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
  return task === 'analyze' ? { summary } : summary;
}

/** Writes the documents' outcomes in one of the three output shapes. */
interface Output {
  open(): Promise<void>;
  result(doc: InputDoc, value: unknown): Promise<void>;
  error(doc: InputDoc, info: ErrorInfo): Promise<void>;
  close(): Promise<void>;
}

function createOutput(task: TaskName, format: 'json' | 'text', ndjson: boolean, compact: boolean, io: CliIO): Output {
  const idJson = (doc: InputDoc): string => JSON.stringify(doc.id) ?? 'null';
  const errorJson = (doc: InputDoc, info: ErrorInfo): string => `{"id":${idJson(doc)},"error":${JSON.stringify({ code: info.code, message: info.message })}}`;
  if (ndjson) {
    return {
      open: async () => {},
      result: (doc, json) => write(io.stdout, `{"id":${idJson(doc)},"result":${json as string}}\n`),
      error: (doc, info) => write(io.stdout, `${errorJson(doc, info)}\n`),
      close: async () => {},
    };
  }
  if (format === 'json') {
    let count = 0;
    const item = (s: string): Promise<void> => write(io.stdout, `${count++ ? ',' : ''}\n${s}`);
    return {
      open: () => write(io.stdout, '['),
      result: (doc, value) => item(compact ? `{"id":${idJson(doc)},"result":${value as string}}` : JSON.stringify({ id: doc.id, result: value }, null, 2)),
      error: (doc, info) => item(compact ? errorJson(doc, info) : JSON.stringify({ id: doc.id, error: { code: info.code, message: info.message } }, null, 2)),
      close: () => write(io.stdout, `${count ? '\n' : ''}]\n`),
    };
  }
  let count = 0;
  const block = (doc: InputDoc, body: string): Promise<void> => write(io.stdout, `${count++ ? '\n' : ''}== ${String(doc.id)} ==\n${body}\n`);
  return {
    open: async () => {},
    result: (doc, value) =>
      block(doc, (task === 'segment' || task === 'pos') && 'text' in doc ? (task === 'pos' ? formatTagged : formatWords)(value as { text: string; start: number; end: number }[], splitSentences(doc.text)) : formatResult(task, value)),
    error: (doc, info) => block(doc, `error ${info.code}: ${info.message}`),
    close: async () => {},
  };
}

/** Settles when the signal aborts (never, without a signal). */
function aborted(signal: AbortSignal | undefined): Promise<'aborted'> {
  return new Promise((resolve) => {
    if (!signal) return;
    if (signal.aborted) resolve('aborted');
    else signal.addEventListener('abort', () => resolve('aborted'), { once: true });
  });
}

/**
 * Runs `task` over the documents named by `paths` (files, folders, `-`) and writes the outcomes; returns the exit
 * code (0, 1 when some documents failed, 130/143 when stopped by a signal). Throws UsageError on a bad option or a
 * missing input file.
 *
 * @example
 * ```ts
 * await processDocs('entities', { format: 'text' }, ['report.txt'], io);
 * ```
 */
export async function processDocs(task: TaskName, values: Values, paths: string[], io: CliIO): Promise<number> {
  const format = values.format ?? 'json';
  if (format !== 'json' && format !== 'text' && format !== 'html') throw new UsageError(`--format must be "json", "text" or "html", got ${JSON.stringify(format)}`);
  const ndjson = !!values.ndjson;
  if (ndjson && format !== 'json') throw new UsageError(`--ndjson writes JSON lines; it cannot be combined with --format ${format}`);
  if (format === 'html' && task !== 'analyze') throw new UsageError(`--format html is a view of "analyze", not of "${task}"`);
  const html = format === 'html' ? htmlCollector() : undefined;
  const jobs = intOption(values.jobs, 'jobs', 1, 256) ?? 1;
  const options = taskOptions(task, values);
  const cwd = io.cwd ?? process.cwd();
  const { sources, skipped } = await expandInputs(paths.length ? paths : ['-'], cwd);
  const missing = sources.find((s) => s.error && !s.fromFolder);
  if (missing) throw new UsageError(`cannot read ${JSON.stringify(missing.path)}: ${missing.error}`);
  for (const k of skipped) io.stderr.write(`vietnlp: skipped ${k.path}: ${k.reason}\n`);
  const docs: AsyncIterable<InputDoc> = ndjson ? readNdjson(sources, io.stdin, cwd) : readDocuments(sources, io.stdin, cwd);
  if (io.stdinIsTTY && sources.some((s) => s.path === '-')) io.stderr.write('vietnlp: reading from stdin (end with Ctrl-D)…\n');
  const showProgress = !values['no-progress'] && (values.progress || (!!io.stderrIsTTY && (ndjson || sources.length > 1)));
  const bar = showProgress ? progressBar(io, ndjson ? undefined : sources.length) : undefined;

  // Two texts queued per thread, so a worker never idles waiting for the main thread (the CLI never aborts tasks).
  const pool: TaskPool = createPool({ concurrency: jobs, tasksPerThread: 2 });
  if (jobs > 1 && !pool.threaded) io.stderr.write('vietnlp: no built worker (dist/worker.js) found; running in-process\n');
  // Compact JSON is produced by the worker (JSON.stringify in the thread), and spliced into the output as is.
  const asJson = ndjson || (format === 'json' && !!values.compact);
  const out = createOutput(task, format === 'html' ? 'json' : format, ndjson, !!values.compact, io);
  const run = async (doc: InputDoc): Promise<unknown> => {
    if ('error' in doc) throw doc.error;
    return asJson ? pool.runJson(task, doc.text, options) : pool.run(task, doc.text, options);
  };
  const stop = aborted(io.signal);
  let failures = 0;
  try {
    if (!html) await out.open();
    const kept: InputDoc[] = [];
    const results = mapSettledOrdered(docs, (doc, k) => ((kept[k] = doc), run(doc)), 2 * pool.concurrency * (pool.tasksPerThread ?? 1))[Symbol.asyncIterator]();
    for (let i = 0; ; i++) {
      const next = await Promise.race([results.next(), stop]);
      if (next === 'aborted' || next.done) {
        if (next === 'aborted') void results.return(undefined); // not awaited: a pending read of stdin may never end
        break;
      }
      const r: Settled<unknown> = next.value;
      const doc = kept[i]!;
      delete kept[i];
      bar?.tick();
      if (r.ok) {
        if (html) html.add(doc.id, r.value);
        else await out.result(doc, r.value);
      }
      else {
        failures++;
        const info = toErrorInfo(r.error);
        if (!ndjson) io.stderr.write(`${bar ? '\n' : ''}vietnlp: ${typeof doc.id === 'string' && doc.id !== 'stdin' && !('error' in doc) ? `${doc.id}: ` : ''}${info.message}\n`);
        if (html) html.fail(doc.id, info.message);
        else await out.error(doc, info);
      }
      if (io.signal?.aborted) break;
    }
    if (html) await write(io.stdout, html.page(sources.length === 1 && !sources[0]!.fromFolder));
    else await out.close();
  } finally {
    bar?.done();
    if (io.signal?.aborted) void pool.close();
    else await pool.close();
  }
  if (io.signal?.aborted) {
    io.stderr.write(`vietnlp: ${String(io.signal.reason)} received, stopped after the last complete output\n`);
    return signalExitCode(io.signal);
  }
  if (failures) {
    io.stderr.write(`vietnlp: ${failures} document${failures > 1 ? 's' : ''} failed\n`);
    return 1;
  }
  return 0;
}
