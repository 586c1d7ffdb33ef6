// The table of operations shared by the command line, the HTTP service, the batch API and the worker thread.
// Every task takes one text (+ an options object) and returns a JSON-serialisable, structured-clonable result.
import { VietNlpError, checkOptions, describe } from '../errors.js';
import { segment, type SegmentOptions } from '../segment/index.js';
import { tagEntities, extractOfficials } from '../entities/index.js';
import { summarize, extractReport, type SummarizeOptions } from '../summarize/index.js';
import { analyze, type AnalyzeOptions } from '../analyze/index.js';
import { posTag, type PosTagOptions } from '../pos/index.js';

/**
 * Names of the operations offered by the CLI, the HTTP service and the batch API.
 *
 * @example
 * ```ts
 * TASKS.includes('analyze'); // true
 * ```
 */
export const TASKS = ['segment', 'pos', 'entities', 'officials', 'summarize', 'report', 'analyze'] as const;

/** One of {@link TASKS}. */
export type TaskName = (typeof TASKS)[number];

/** A task implementation: `(text, options) => result` (sync or async). */
export type TaskFunction = (text: string, options?: Record<string, unknown>) => unknown;

function noOptions(task: string, options: Record<string, unknown> | undefined): void {
  checkOptions(options, task, []);
}

/**
 * Tells whether `name` is one of the built-in {@link TASKS}.
 *
 * @example
 * ```ts
 * isTaskName('segment'); // true
 * isTaskName('parse');   // false
 * ```
 */
export function isTaskName(name: unknown): name is TaskName {
  return typeof name === 'string' && (TASKS as readonly string[]).includes(name);
}

/**
 * Runs one built-in task on one text with the library's current implementation. Throws `VietNlpError` on an unknown
 * task or invalid options (the library's own checks), never on the text itself.
 *
 * @example
 * ```ts
 * runTask('segment', 'Huyện ủy Quảng Trạch'); // [{ text: 'Huyện ủy', start: 0, end: 8, kind: 'word' }, …]
 * runTask('summarize', longText, { sentences: 2 });
 * ```
 */
export function runTask(task: TaskName, text: string, options?: Record<string, unknown>): unknown {
  switch (task) {
    case 'segment':
      return segment(text, checkOptions<SegmentOptions>(options, 'segment', ['dictionary']));
    case 'pos':
      return posTag(text, checkOptions<PosTagOptions>(options, 'posTag', ['dictionary']));
    case 'entities':
      noOptions('tagEntities', options);
      return tagEntities(text);
    case 'officials':
      noOptions('extractOfficials', options);
      return extractOfficials(text);
    case 'summarize':
      return summarize(text, checkOptions<SummarizeOptions>(options, 'summarize', ['sentences', 'ratio']));
    case 'analyze':
      return analyze(text, checkOptions<AnalyzeOptions>(options, 'analyze', ['summary']));
    case 'report':
      noOptions('extractReport', options);
      return extractReport(text);
    default:
      throw new VietNlpError(
        'E_OPTION_VALUE',
        `unknown task ${describe(task)}; valid tasks are ${TASKS.map((t) => JSON.stringify(t)).join(', ')}`,
        { task, choices: TASKS },
      );
  }
}

/** A JSON-friendly description of an error: `{ code, message }` (`code` from VietNlpError, else `E_INTERNAL`). */
export interface ErrorInfo {
  readonly code: string;
  readonly message: string;
}

/**
 * Turns anything thrown into an {@link ErrorInfo} (keeps `VietNlpError` codes, also across worker threads).
 *
 * @example
 * ```ts
 * toErrorInfo(new Error('boom')); // { code: 'E_INTERNAL', message: 'boom' }
 * ```
 */
export function toErrorInfo(e: unknown): ErrorInfo {
  if (e && typeof e === 'object') {
    const o = e as { code?: unknown; message?: unknown; name?: unknown };
    const message = typeof o.message === 'string' ? o.message : String(e);
    const code = typeof o.code === 'string' && /^E_[A-Z_]+$/.test(o.code) ? o.code : 'E_INTERNAL';
    return { code, message };
  }
  return { code: 'E_INTERNAL', message: String(e) };
}
