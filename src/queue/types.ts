// Types of the queue protocol: what a job carries and what it returns, per task of the TASKS table.
import type { TaskName } from '../batch/tasks.js';
import type { segment, SegmentOptions } from '../segment/index.js';
import type { tagEntities, extractOfficials } from '../entities/index.js';
import type { summarize, extractReport, SummarizeOptions } from '../summarize/index.js';
import type { analyze, AnalyzeOptions } from '../analyze/index.js';

/** The library function behind each task. A task added to `TASKS` without an entry here fails the type check. */
interface TaskFunctions {
  segment: typeof segment;
  entities: typeof tagEntities;
  officials: typeof extractOfficials;
  summarize: typeof summarize;
  report: typeof extractReport;
  analyze: typeof analyze;
}

/**
 * The result of each task, as a job's return value (the same JSON as the HTTP `result`), by task name.
 *
 * @example
 * ```ts
 * const a: TaskResults['analyze'] = await client.run('analyze', text); // Analysis
 * ```
 */
export type TaskResults = { [K in TaskName]: ReturnType<TaskFunctions[K]> };

interface OptionTypes {
  segment: SegmentOptions;
  summarize: SummarizeOptions;
  analyze: AnalyzeOptions;
}

/** The `options` a job of each task accepts (`undefined` where the task takes none). */
export type TaskOptionsMap = { [K in TaskName]: K extends keyof OptionTypes ? OptionTypes[K] : undefined };

/** The data of a job: `{ text, options? }`; the job's name is the task. */
export interface JobData<T extends TaskName = TaskName> {
  readonly text: string;
  readonly options?: TaskOptionsMap[T];
}
