#!/usr/bin/env node
// `vietnlp` bin entry (built to dist/cli.js). All logic is in ./run.ts; this file binds it to the process:
// exit code, SIGTERM/SIGINT for `serve` (graceful shutdown), and a quiet exit when stdout is closed early (`| head`).
import { runCli } from './run.js';

process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

runCli(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  stderrIsTTY: process.stderr.isTTY === true,
  stdinIsTTY: process.stdin.isTTY === true,
  onServe(stop) {
    let stopping = false;
    const onSignal = (signal: NodeJS.Signals): void => {
      if (stopping) {
        process.stderr.write(`vietnlp: ${signal} again, exiting now\n`);
        process.exit(130);
      }
      stopping = true;
      process.stderr.write(`vietnlp: ${signal} received, finishing requests in progress…\n`);
      void stop();
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  },
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`vietnlp: unexpected error: ${String((e as Error)?.stack ?? e)}\n`);
    process.exitCode = 70;
  },
);
