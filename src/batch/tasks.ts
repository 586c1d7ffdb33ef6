// The table of operations shared by the command line, the HTTP service, the batch API and the worker thread.
// Every task takes one text (+ an options object) and returns a JSON-serialisable, structured-clonable result.
import { VietNlpError, checkOptions, describe } from '../errors.js';
import { segment, type SegmentOptions } from '../segment/index.js';
import { tagEntities, extractOfficials } from '../entities/index.js';
import { summarize, extractReport, type Report, type Summary, type SummarizeOptions } from '../summarize/index.js';
import { analyze, type Analysis, type AnalyzeOptions } from '../analyze/index.js';
import type { Entity, Official, Word } from '../types.js';
import { posTag, type PosTagOptions, type TaggedWord } from '../pos/index.js';

/** What each task returns: the result type of every entry of {@link TASKS}. */
export interface TaskResults {
  segment: Word[];
  pos: TaggedWord[];
  entities: Entity[];
  officials: Official[];
  summarize: Summary;
  report: Report;
  analyze: Analysis;
}

/** One task of the table: its one-line description (CLI help), its options, and how to run it. */
interface TaskDefinition<R> {
  readonly summary: string;
  /** Option names the task accepts (checked before running). */
  readonly options: readonly string[];
  readonly run: (text: string, options: Record<string, unknown>) => R;
}

// THE table of operations. A new task is one entry here (plus its result type in TaskResults); the CLI command, the
// HTTP route, the batch API and the worker thread all read this table.
const TASK_TABLE: { readonly [K in keyof TaskResults]: TaskDefinition<TaskResults[K]> } = {
  segment: { summary: 'words (syllables joined into words)', options: ['dictionary'], run: (t, o) => segment(t, o as SegmentOptions) },
  pos: { summary: 'words with part-of-speech tags upos/xpos', options: ['dictionary'], run: (t, o) => posTag(t, o as PosTagOptions) },
  entities: { summary: 'entities: people, positions, organisations, places, dates, measures', options: [], run: (t) => tagEntities(t) },
  officials: { summary: 'officials with their positions', options: [], run: (t) => extractOfficials(t) },
  summarize: { summary: 'extractive summary', options: ['sentences', 'ratio'], run: (t, o) => summarize(t, o as SummarizeOptions) },
  report: { summary: 'structured digest of a report (meeting, people, results, tasks)', options: [], run: (t) => extractReport(t) },
  analyze: { summary: 'all of the above in one pass, plus the language', options: ['summary'], run: (t, o) => analyze(t, o as AnalyzeOptions) },
};

/** The function name each task is known by in messages (the library function it calls). */
const FUNCTION_NAME: Record<TaskName, string> = {
  segment: 'segment', pos: 'posTag', entities: 'tagEntities', officials: 'extractOfficials', summarize: 'summarize', report: 'extractReport', analyze: 'analyze',
};

/**
 * Names of the operations offered by the CLI, the HTTP service and the batch API.
 *
 * @example
 * ```ts
 * TASKS.includes('analyze'); // true
 * ```
 */
export const TASKS = Object.keys(TASK_TABLE) as readonly TaskName[];

/** One of {@link TASKS}. */
export type TaskName = keyof TaskResults;

/** A task implementation: `(text, options) => result` (sync or async). */
export type TaskFunction = (text: string, options?: Record<string, unknown>) => unknown;

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
  return typeof name === 'string' && Object.hasOwn(TASK_TABLE, name);
}

/**
 * The one-line description of a task (for help texts).
 *
 * @example
 * ```ts
 * taskSummary('officials'); // 'officials with their positions'
 * ```
 */
export function taskSummary(task: TaskName): string {
  return TASK_TABLE[task].summary;
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
export function runTask<T extends TaskName>(task: T, text: string, options?: Record<string, unknown>): TaskResults[T] {
  if (!isTaskName(task)) {
    throw new VietNlpError(
      'E_OPTION_VALUE',
      `unknown task ${describe(task)}; valid tasks are ${TASKS.map((t) => JSON.stringify(t)).join(', ')}`,
      { task, choices: TASKS },
    );
  }
  const def = TASK_TABLE[task] as TaskDefinition<TaskResults[T]>;
  return def.run(text, checkOptions(options, FUNCTION_NAME[task], def.options));
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
    const code = typeof o.code === 'string' && /^E_[A-Z0-9_]+$/.test(o.code) ? o.code : 'E_INTERNAL';
    return { code, message };
  }
  return { code: 'E_INTERNAL', message: String(e) };
}
