// Worker-thread entry (built to dist/worker.js and dist/worker.cjs) for `analyzeMany`, `vietnlp --jobs N` and
// `vietnlp serve --jobs N`. piscina calls the default export once per task; errors come back as data.
import { handleWorkerRequest, type WorkerRequest, type WorkerResponse } from '../batch/pool.js';

/**
 * Runs one task in a worker thread.
 *
 * @example
 * ```ts
 * // new Piscina({ filename: 'dist/worker.js' }).run({ task: 'segment', text: 'Xã Quảng Hợp' })
 * run({ task: 'segment', text: 'Xã Quảng Hợp' }); // { ok: true, value: [...] }
 * ```
 */
export default function run(req: WorkerRequest): WorkerResponse {
  return handleWorkerRequest(req);
}
