// The `vietnlp` command line. `runCli(argv, io)` does the work and returns the exit code, so tests can run it
// in-process; src/cli/main.ts wires it to the real process. Commands are registered in ./commands.ts, options in
// ./options.ts.
//
// Exit codes: 0 = all documents processed; 1 = some documents failed (invalid UTF-8, bad NDJSON line: each
// reported, the others still processed and printed); 2 = usage error (unknown command or option, bad option value,
// missing input file), nothing processed; 130/143 = stopped by SIGINT/SIGTERM after the last complete output line.
import { parseArgs } from 'node:util';
import { isVietNlpError } from '../errors.js';
import { COMMAND_NAMES, COMMANDS, commandHelp, findCommand, mainHelp } from './commands.js';
import { write } from './documents.js';
import type { CliIO } from './io.js';
import { OPTIONS, UsageError, suggest, type OptionName, type Values } from './options.js';
import { packageVersion } from './version.js';
import { QUEUE_COMMANDS, QUEUE_HELP, runQueueCli } from './queue.js';

export type { CliIO } from './io.js';
export { parseSize } from './options.js';

/**
 * Help text printed by `vietnlp --help`.
 *
 * @example
 * ```ts
 * process.stdout.write(HELP);
 * ```
 */
export const HELP = mainHelp();

const OPTION_NAMES = Object.keys(OPTIONS) as OptionName[];

function parse(argv: readonly string[]): { values: Values; positionals: string[] } {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true }) as { values: Values; positionals: string[] };
  } catch (e) {
    const m = /Unknown option '(-{1,2})([^']+)'/.exec((e as Error).message);
    if (m) {
      const near = suggest(m[2]!, OPTION_NAMES);
      throw new UsageError(`unknown option ${m[1]}${m[2]}${near ? `; did you mean --${near}?` : ''}`);
    }
    throw new UsageError((e as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
}

function checkOptionsOf(command: string, allowed: readonly OptionName[], values: Values): void {
  for (const name of Object.keys(values) as OptionName[]) {
    if (name === 'help' || name === 'version' || allowed.includes(name)) continue;
    const owners = COMMANDS.filter((c) => c.options.includes(name)).map((c) => c.name);
    throw new UsageError(`--${name} is not an option of "${command}"${owners.length ? ` (it is one of ${owners.map((o) => `"${o}"`).join(', ')})` : ''}`);
  }
}

/**
 * Runs the `vietnlp` command line with `argv` (without `node` and the script) and returns the exit code.
 *
 * @example
 * ```ts
 * const code = await runCli(['entities', '--format', 'text', 'report.txt'], { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
 * ```
 */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  if ((QUEUE_COMMANDS as readonly string[]).includes(argv[0] ?? '')) return runQueueCli(argv, io);
  let name: string | undefined;
  try {
    const { values, positionals } = parse(argv);
    name = positionals[0];
    if (values.version) {
      await write(io.stdout, `${packageVersion()}\n`);
      return 0;
    }
    if (name === undefined || name === 'help') {
      const topic = name === 'help' && positionals[1] ? findCommand(positionals[1]) : undefined;
      if (name === undefined && !values.help) {
        await write(io.stderr, mainHelp());
        return 2;
      }
      const queueTopic = name === 'help' && (QUEUE_COMMANDS as readonly string[]).includes(positionals[1] ?? '');
      await write(io.stdout, topic ? commandHelp(topic) : queueTopic ? QUEUE_HELP : mainHelp());
      return 0;
    }
    const command = findCommand(name);
    if (!command) {
      const near = suggest(name, COMMAND_NAMES);
      throw new UsageError(`unknown command ${JSON.stringify(name)}${near ? `; did you mean "${near}"?` : ''}; commands are ${COMMAND_NAMES.join(', ')}`);
    }
    if (values.help) {
      await write(io.stdout, commandHelp(command));
      return 0;
    }
    checkOptionsOf(command.name, command.options, values);
    return await command.run(values, positionals.slice(1), io);
  } catch (e) {
    const err = (msg: string): void => void io.stderr.write(`vietnlp: ${msg}\n`);
    if (e instanceof UsageError) {
      err(`${e.message}\nRun "vietnlp ${name && findCommand(name) ? `${name} ` : ''}--help" for usage.`);
      return 2;
    }
    if (isVietNlpError(e)) {
      err(e.message); // e.g. serve: the port is in use
      return 1;
    }
    throw e;
  }
}
