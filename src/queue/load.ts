// Loads the optional peer dependency `bullmq` on first use, so `import 'vietnlp'` never needs it, and a missing
// install is a VietNlpError that says what to run rather than a bare ERR_MODULE_NOT_FOUND.
import { VietNlpError } from '../errors.js';

/** The part of the `bullmq` module the queue code uses. */
export type BullMQ = typeof import('bullmq');

const INSTALL_HINT = 'npm install bullmq ioredis';

function isNotFound(e: unknown, name: string): boolean {
  const err = e as { code?: unknown; message?: unknown } | null;
  const code = err && typeof err === 'object' ? err.code : undefined;
  const message = err && typeof err === 'object' && typeof err.message === 'string' ? err.message : String(e);
  return (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') && message.includes(name);
}

/**
 * Imports a peer dependency by name; throws `VietNlpError` E_MISSING_DEPENDENCY when it is not installed (other
 * errors, e.g. a broken install, are passed through).
 *
 * @example
 * ```ts
 * const bullmq = await importPeer<BullMQ>('bullmq', 'createQueueWorker'); // or throws "… npm install bullmq ioredis"
 * ```
 */
export async function importPeer<T>(name: string, fn: string): Promise<T> {
  try {
    return (await import(name)) as T;
  } catch (e) {
    if (!isNotFound(e, name)) throw e;
    throw new VietNlpError(
      'E_MISSING_DEPENDENCY',
      `${fn}: the queue needs the optional packages "bullmq" and "ioredis", which are not installed (${JSON.stringify(name)} not found); run: ${INSTALL_HINT}`,
      { fn, package: name },
    );
  }
}

/** Loads `bullmq` and checks that `ioredis`, which BullMQ loads lazily, is there too. */
export async function loadBullmq(fn: string): Promise<BullMQ> {
  const bullmq = await importPeer<BullMQ>('bullmq', fn);
  await importPeer<unknown>('ioredis', fn);
  return bullmq;
}
