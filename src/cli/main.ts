#!/usr/bin/env node
// `vietnlp` bin entry (built to dist/cli.js). All logic is in ./run.ts; this file binds it to the process: exit
// code, SIGTERM/SIGINT (the first one stops cleanly — the line being written is finished and flushed —, a second one
// exits at once), and a quiet exit when stdout is closed early (`| head`).
import { runCli } from './run.js';

process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

const stop = new AbortController();
const onSignal = (signal: NodeJS.Signals): void => {
  if (stop.signal.aborted) {
    process.stderr.write(`vietnlp: ${signal} again, exiting now\n`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  }
  stop.abort(signal);
};
process.on('SIGTERM', onSignal);
process.on('SIGINT', onSignal);

runCli(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  stderrIsTTY: process.stderr.isTTY === true,
  stdinIsTTY: process.stdin.isTTY === true,
  signal: stop.signal,
}).then(
  (code) => {
    process.exitCode = code;
    // After a signal, stdin may still be open and worker threads busy: exit once stdout has taken everything.
    if (stop.signal.aborted) process.stdout.write('', () => process.exit(code));
  },
  (e: unknown) => {
    process.stderr.write(`vietnlp: unexpected error: ${String((e as Error)?.message ?? e).split('\n')[0]}\n`);
    process.exitCode = 70;
  },
);
