// `vietnlp/queue`: a job queue on Redis with BullMQ (optional peer dependencies `bullmq` and `ioredis`), a separate
// entry point so that `import 'vietnlp'` never loads them. Protocol: job name = task, data = { text, options? },
// return value = the task's result (the HTTP `result`); see the README's "Queue" section.
export { createQueueWorker, type QueueWorker, type QueueWorkerOptions } from './worker.js';
export { createQueueClient, enqueue, DEFAULT_JOB_OPTIONS, QueueJobError, type QueueClient, type QueueClientOptions, type QueuedJob } from './client.js';
export { DEFAULT_QUEUE, DEFAULT_MAX_TEXT_BYTES, INPUT_ERROR_CODES, parseJob, processJob, failureCode, JobError, type ParsedJob, type TaskRunner } from './protocol.js';
export type { QueueConnection } from './connection.js';
export type { TaskResults, TaskOptionsMap, JobData } from './types.js';
export { TASKS, type TaskName } from '../batch/tasks.js';
export { VietNlpError, isVietNlpError } from '../errors.js';
