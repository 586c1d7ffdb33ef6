// The queue protocol without Redis: job validation, error classes and codes.
import { describe, expect, it } from 'vitest';
import { TASKS, isTaskName, runTask, type TaskName } from '../../src/batch/tasks.js';
import { createPool } from '../../src/batch/pool.js';
import { isVietNlpError } from '../../src/errors.js';
import { failureCode, parseJob, processJob, type TaskRunner } from '../../src/queue/protocol.js';

const pool = createPool({ concurrency: 1 });
const run: TaskRunner = (task, text, options) => pool.run(task, text, options);

async function failure(name: unknown, data: unknown, max?: number): Promise<Error> {
  try {
    await processJob(name, data, run, max);
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected the job to fail');
}

describe('queue protocol', () => {
  it('accepts every task of the TASKS table and returns exactly what the task gives (the HTTP result)', async () => {
    const text = 'Ngày 3/2/2024, đồng chí Nguyễn Văn An, Chủ tịch UBND xã Quảng Hợp, chủ trì hội nghị.';
    for (const task of TASKS) {
      const value = await processJob(task, { text }, run);
      expect(JSON.stringify(value)).toBe(JSON.stringify(runTask(task, text)));
    }
    expect(await processJob('summarize', { text, options: { sentences: 1 } }, run)).toEqual(runTask('summarize', text, { sentences: 1 }));
  });

  it('fails bad input for good: the reason starts with the VietNlpError code and the error is an UnrecoverableError', async () => {
    const cases: [unknown, unknown, string, RegExp][] = [
      ['analyze', { text: 42 }, 'E_INPUT_TYPE', /"text" must be a string, got number 42/],
      ['analyze', 'plain string', 'E_INPUT_TYPE', /job data must be an object/],
      ['analyze', { text: 'x', id: 7 }, 'E_INPUT_TYPE', /unknown field "id"/],
      ['parse', { text: 'x' }, 'E_OPTION_VALUE', /unknown task "parse".*"segment", "pos", "entities"/],
      ['summarize', { text: 'x', options: { sentence: 2 } }, 'E_UNKNOWN_OPTION', /unknown option "sentence"/],
      ['summarize', { text: 'x', options: { sentences: 0 } }, 'E_OPTION_VALUE', /sentences/],
      ['entities', { text: 'x', options: [] }, 'E_OPTION_TYPE', /must be an object/],
      ['segment', { text: 'ã'.repeat(60) }, 'E_TOO_LARGE', /120 bytes; the limit is 100 bytes/],
    ];
    for (const [name, data, code, message] of cases) {
      const e = await failure(name, data, 100);
      expect(e.name).toBe('UnrecoverableError');
      expect(e.message.startsWith(`${code}: `)).toBe(true);
      expect(e.message).toMatch(message);
      expect(failureCode(e.message)).toBe(code);
    }
  });

  it('lets other errors through as ordinary (retried) errors, still prefixed with their code', async () => {
    const broken: TaskRunner = async () => {
      throw new Error('disk on fire');
    };
    const e = (await processJob('segment', { text: 'x' }, broken).then(() => undefined, (err: unknown) => err)) as Error;
    expect(e.name).toBe('Error');
    expect(e.message).toBe('E_INTERNAL: disk on fire');
    expect(failureCode('no code here')).toBe('E_INTERNAL');
  });

  it('parseJob checks the job itself and leaves the options to the task', () => {
    expect(parseJob('analyze', { text: 'x', options: { summary: { sentences: 1 } } })).toEqual({ task: 'analyze', text: 'x', options: { summary: { sentences: 1 } } });
    expect(parseJob('segment', { text: 'x'.repeat(10) }, 10)).toEqual({ task: 'segment', text: 'x'.repeat(10) });
    try {
      parseJob(undefined, { text: 'x' });
      expect.unreachable();
    } catch (e) {
      expect(isVietNlpError(e)).toBe(true);
    }
    expect(TASKS.every((t: TaskName) => isTaskName(t))).toBe(true);
  });
});
