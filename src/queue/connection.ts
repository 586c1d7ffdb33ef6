// Redis connection settings shared by the worker and the client.
import type { ConnectionOptions } from 'bullmq';
import { VietNlpError, describe } from '../errors.js';

/** Where Redis is: a `redis://[user:pass@]host:port[/db]` (or `rediss://`) URL, or BullMQ connection options. */
export type QueueConnection = string | ConnectionOptions;

/**
 * Turns a {@link QueueConnection} into BullMQ connection options; a URL must use `redis:` or `rediss:`.
 *
 * @example
 * ```ts
 * toConnectionOptions('redis://127.0.0.1:6379'); // { url: 'redis://127.0.0.1:6379' }
 * ```
 */
export function toConnectionOptions(connection: unknown, fn: string): ConnectionOptions {
  if (typeof connection === 'string') {
    let url: URL;
    try {
      url = new URL(connection);
    } catch {
      url = new URL('invalid:');
    }
    if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
      throw new VietNlpError('E_OPTION_VALUE', `${fn}: connection must be a URL like "redis://127.0.0.1:6379" (redis: or rediss:), got ${describe(connection)}`, {
        fn,
        option: 'connection',
      });
    }
    return { url: connection };
  }
  if (connection === null || typeof connection !== 'object' || Array.isArray(connection)) {
    throw new VietNlpError('E_OPTION_TYPE', `${fn}: connection must be a redis:// URL or BullMQ connection options, got ${describe(connection)}`, {
      fn,
      option: 'connection',
    });
  }
  return connection as ConnectionOptions;
}

/** Throws E_OPTION_VALUE unless `name` is a usable queue name (BullMQ keys use `:` as separator). */
export function checkQueueName(name: unknown, fn: string): string {
  if (typeof name !== 'string' || !/^[A-Za-z0-9_.-]{1,100}$/.test(name)) {
    throw new VietNlpError('E_OPTION_VALUE', `${fn}: queue must be a name of letters, digits, "_", "." or "-" (at most 100), got ${describe(name)}`, {
      fn,
      option: 'queue',
    });
  }
  return name;
}
