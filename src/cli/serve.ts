// `vietnlp serve`: the HTTP service (src/service/) bound to the process, stopped gracefully by SIGTERM/SIGINT.
import { startServer } from '../service/server.js';
import { write } from './documents.js';
import type { CliIO } from './io.js';
import { UsageError, intOption, parseSize, type Values } from './options.js';
import { packageVersion } from './version.js';

const ms = (values: Values, name: 'timeout' | 'body-timeout' | 'headers-timeout' | 'grace', min = 1): number | undefined => intOption(values[name], name, min, 3_600_000);

/** `--max-memory 512mb` → 512 (MB), from 16 MB to 64 GB. */
function memoryMb(value: string): number {
  const mb = Math.floor(parseSize(value, 'max-memory') / 1024 / 1024);
  if (mb < 16 || mb > 65_536) throw new UsageError(`--max-memory must be from 16mb to 64gb, got ${JSON.stringify(value)}`);
  return mb;
}

/**
 * Runs the service until `io.signal` aborts, then closes it (requests already received are answered) and returns 0.
 *
 * @example
 * ```ts
 * await serve({ port: '0' }, [], io);
 * ```
 */
export async function serve(values: Values, rest: string[], io: CliIO): Promise<number> {
  if (rest.length) throw new UsageError(`serve takes no file arguments, got ${JSON.stringify(rest[0])}`);
  const hosts = values['allowed-hosts'];
  const service = await startServer({
    port: intOption(values.port, 'port', 0, 65535) ?? 8080,
    host: values.host ?? '127.0.0.1',
    jobs: intOption(values.jobs, 'jobs', 0, 256) ?? 1,
    ...(values['max-body'] === undefined ? {} : { maxBody: parseSize(values['max-body'], 'max-body') }),
    ...(values['max-result'] === undefined ? {} : { maxResult: parseSize(values['max-result'], 'max-result') }),
    ...(values['max-in-flight'] === undefined ? {} : { maxInFlight: intOption(values['max-in-flight'], 'max-in-flight', 1, 1e6) }),
    ...(values['max-waiting'] === undefined ? {} : { maxWaitingForBody: intOption(values['max-waiting'], 'max-waiting', 1, 1e6) }),
    ...(values['max-memory'] === undefined ? {} : { maxWorkerMemoryMb: memoryMb(values['max-memory']) }),
    ...(values.timeout === undefined ? {} : { timeoutMs: ms(values, 'timeout') }),
    ...(values['body-timeout'] === undefined ? {} : { bodyTimeoutMs: ms(values, 'body-timeout') }),
    ...(values['headers-timeout'] === undefined ? {} : { headersTimeoutMs: ms(values, 'headers-timeout') }),
    ...(values.grace === undefined ? {} : { graceMs: ms(values, 'grace', 0) }),
    ...(values.cors === undefined ? {} : { cors: values.cors }),
    ...(hosts === undefined ? {} : { allowedHosts: hosts.trim() === '*' ? '*' : hosts.split(',').map((h) => h.trim()).filter(Boolean) }),
    log: (line) => void io.stderr.write(`${line}\n`),
  });
  if (!service.threaded) {
    const why = values.jobs === '0' ? '--jobs 0' : 'no built worker (dist/worker.js) found';
    io.stderr.write(`vietnlp: ${why}: analyses run in the server thread; /health and --timeout (504) wait for the running text\n`);
  }
  await write(io.stdout, `vietnlp ${packageVersion()} listening on ${service.url}\n`);
  await new Promise<void>((resolve) => {
    if (!io.signal) return; // runs until the process ends
    if (io.signal.aborted) resolve();
    else io.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  io.stderr.write(`vietnlp: ${String(io.signal?.reason)} received, finishing requests in progress…\n`);
  await service.close();
  io.stderr.write('vietnlp: server stopped\n');
  return 0;
}
