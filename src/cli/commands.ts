// THE place where the commands of `vietnlp` are registered: one entry per command with its options, help and run
// function. Document commands come from the task table (src/batch/tasks.ts); `serve` and `help` are added here.
import { TASKS, taskSummary, type TaskName } from '../batch/tasks.js';
import { processDocs } from './documents.js';
import type { CliIO } from './io.js';
import { OPTIONS, optionLabel, type OptionName, type Values } from './options.js';
import { serve } from './serve.js';

/** One command of the CLI. */
export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  /** Options the command accepts (besides --help and --version). */
  readonly options: readonly OptionName[];
  /** Extra paragraphs of its help. */
  readonly details?: string;
  readonly examples: readonly string[];
  run(values: Values, args: string[], io: CliIO): Promise<number>;
}

const DOCUMENT_OPTIONS: readonly OptionName[] = ['format', 'ndjson', 'compact', 'jobs', 'progress', 'no-progress'];
/** Options that only some tasks take. */
const TASK_OPTIONS: Partial<Record<TaskName, readonly OptionName[]>> = { summarize: ['sentences', 'ratio'], analyze: ['sentences', 'ratio'] };

const INPUT_HELP = `Input: files as arguments; a folder means all its *.txt files (recursively, sorted, symbolic links followed);
no argument or "-" reads stdin. A missing file is a usage error (exit 2); files left out of a folder are listed
on stderr. With --ndjson, every input line is one document: a JSON string, {"id","text"} (other fields are
ignored) or raw text; a blank line is an empty document.

Output (JSON): always an array of {"id","result"} or {"id","error":{"code","message"}}, one per document, whether
one file or many is given (the id is the path, or "stdin"). --ndjson writes the same objects one per line: exactly
one output line per input line, in input order. --format text writes "== id ==" then the readable result.`;

function taskCommand(task: TaskName): Command {
  return {
    name: task,
    summary: taskSummary(task),
    usage: `vietnlp ${task} [file|folder|- ...] [options]`,
    options: [...DOCUMENT_OPTIONS, ...(TASK_OPTIONS[task] ?? [])],
    details: INPUT_HELP,
    examples: [`vietnlp ${task} --format text report.txt`, `cat docs.ndjson | vietnlp ${task} --ndjson --jobs 2 > results.ndjson`],
    run: (values, args, io) => processDocs(task, values, args, io),
  };
}

/** Every command, in help order. */
export const COMMANDS: readonly Command[] = [
  ...TASKS.map(taskCommand),
  {
    name: 'serve',
    summary: 'HTTP JSON service with the same operations (POST /<command>, GET /health)',
    usage: 'vietnlp serve [options]',
    options: ['port', 'host', 'jobs', 'max-body', 'max-result', 'max-memory', 'max-in-flight', 'max-waiting', 'timeout', 'body-timeout', 'headers-timeout', 'grace', 'cors', 'allowed-hosts'],
    details: `Routes: POST /<command> for every document command above (body {"text"} or {"texts"}, application/json),
GET /health, GET / (a web page); POST /analyze with Accept: text/html answers the HTML view.

The analyses run in worker threads (--jobs, default 1), so /health answers during any analysis and --timeout
cancels the running task with 504. --jobs 0 runs them in the server's own thread: it blocks while it works, and a
request past --timeout gets its 504 when the running text ends. On SIGTERM/SIGINT the server stops accepting,
answers every request already received, and gives 503 E_CLOSING to work still running after --grace.`,
    examples: ['vietnlp serve --port 8080', "curl -s localhost:8080/entities -H 'content-type: application/json' -d '{\"text\":\"Xã Quảng Hợp\"}'"],
    run: (values, args, io) => serve(values, args, io),
  },
];

/** The queue commands (parsed in ./queue.ts, listed in the main help and in "did you mean"). */
export const QUEUE_SUMMARIES: Readonly<Record<string, string>> = {
  worker: 'take jobs from a Redis/BullMQ queue and run them (needs bullmq, ioredis)',
  enqueue: 'add one queue job per NDJSON line; --wait prints the results in input order',
};

/** Every command name, the queue ones included. */
export const COMMAND_NAMES: readonly string[] = [...COMMANDS.map((c) => c.name), ...Object.keys(QUEUE_SUMMARIES)];

/**
 * The command called `name`, if any.
 *
 * @example
 * ```ts
 * findCommand('segment')?.summary;
 * ```
 */
export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((c) => c.name === name);
}

function optionLines(names: readonly OptionName[]): string {
  const labels = names.map(optionLabel);
  const width = Math.max(...labels.map((l) => l.length)) + 2;
  return names.map((n, i) => `  ${labels[i]!.padEnd(width)} ${OPTIONS[n].help}`).join('\n');
}

/**
 * The help of one command (`vietnlp segment --help`).
 *
 * @example
 * ```ts
 * commandHelp(findCommand('serve')!); // 'Usage: vietnlp serve [options]\n…'
 * ```
 */
export function commandHelp(c: Command): string {
  return `Usage: ${c.usage}

${c.summary}

Options:
${optionLines([...c.options, 'help'])}
${c.details ? `\n${c.details}\n` : ''}
Examples:
${c.examples.map((e) => `  ${e}`).join('\n')}
`;
}

/**
 * Help text printed by `vietnlp --help`.
 *
 * @example
 * ```ts
 * process.stdout.write(mainHelp());
 * ```
 */
export function mainHelp(): string {
  const width = Math.max(...COMMAND_NAMES.map((c) => c.length)) + 2;
  const queue = Object.entries(QUEUE_SUMMARIES).map(([name, summary]) => `  ${name.padEnd(width)} ${summary}`);
  return `vietnlp — Vietnamese NLP for party and government reports

Usage:
  vietnlp <command> [file|folder|- ...] [options]
  vietnlp <command> --help      options of one command

Commands:
${[...COMMANDS.map((c) => `  ${c.name.padEnd(width)} ${c.summary}`), ...queue].join('\n')}

Common options:
${optionLines([...DOCUMENT_OPTIONS, 'sentences', 'ratio', 'help', 'version'])}

${INPUT_HELP}

Exit codes: 0 ok · 1 some documents failed (the others are still printed) · 2 usage error · 130/143 stopped by
SIGINT/SIGTERM (the line being written is finished first)

Examples:
  vietnlp entities --format text report.txt
  cat docs.ndjson | vietnlp analyze --ndjson --jobs 2 > results.ndjson
  vietnlp summarize --sentences 3 reports/
  vietnlp analyze --format html report.txt > report.html
  vietnlp serve --port 8080
  vietnlp worker --redis redis://127.0.0.1:6379
`;
}
