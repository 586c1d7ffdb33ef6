// Types of the queue protocol: what a job carries and what it returns, per task of the TASKS table.
import type { TaskName } from '../batch/tasks.js';
import type { TaskResults as BatchResults } from '../batch/tasks.js';
import type { SegmentOptions } from '../segment/index.js';
import type { SummarizeOptions } from '../summarize/index.js';
import type { AnalyzeOptions } from '../analyze/index.js';
import type { PosTagOptions } from '../pos/index.js';

/**
 * The result of each task, as a job's return value (the same JSON as the HTTP `result`), by task name.
 *
 * @example
 * ```ts
 * const a: TaskResults['analyze'] = await client.run('analyze', text); // Analysis
 * ```
 */
export type TaskResults = BatchResults;

interface OptionTypes {
  segment: SegmentOptions;
  pos: PosTagOptions;
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
