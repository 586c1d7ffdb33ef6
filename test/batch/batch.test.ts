import { beforeAll, describe, expect, it } from 'vitest';
import { analyze, render, segment, type Summary, type Word } from '../../src/index.js';
import { analyzeMany, createPool, mapOrdered, mapSettledOrdered, processMany, runTask, isTaskName } from '../../src/batch/index.js';
import { privateBuild } from '../cli/helpers.js';

const TEXTS = [
  'Ngày 09-7, Huyện ủy Quảng Trạch tổ chức hội nghị lần thứ 25.',
  'Đồng chí Nguyễn Văn An, Bí thư Huyện ủy, chủ trì hội nghị.',
  'Xã Quảng Hợp hoàn thành 100% kế hoạch thu ngân sách năm 2024.',
  '',
  'The committee met on Monday.',
];
const plain = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe('mapOrdered', () => {
  it('keeps input order whatever order the calls finish in', async () => {
    // Each call waits for the NEXT one to start before finishing, so they finish in reverse order.
    const n = 6;
    const started: (() => void)[] = [];
    const starts = Array.from({ length: n + 1 }, (_, i) => new Promise<void>((r) => (started[i] = r)));
    started[n]!();
    const out = await collect(
      mapOrdered(Array.from({ length: n }, (_, i) => i), async (i) => {
        started[i]!();
        if (i < n - 1) await starts[i + 1];
        return i * 10;
      }, n),
    );
    expect(out).toEqual([0, 10, 20, 30, 40, 50]);
  });

  it('pulls at most `limit` items ahead of the consumer (backpressure)', async () => {
    let pulled = 0;
    function* source(): Generator<number> {
      for (let i = 0; i < 1000; i++) {
        pulled++;
        yield i;
      }
    }
    let seen = 0;
    for await (const v of mapOrdered(source(), async (x) => x, 3)) {
      expect(v).toBe(seen);
      seen++;
      expect(pulled - seen).toBeLessThanOrEqual(3);
    }
    expect(seen).toBe(1000);
  });

  it('closes the source when the consumer stops early', async () => {
    let closed = false;
    async function* source(): AsyncGenerator<number> {
      try {
        for (let i = 0; ; i++) yield i;
      } finally {
        closed = true;
      }
    }
    for await (const v of mapOrdered(source(), (x) => x, 2)) if (v === 5) break;
    expect(closed).toBe(true);
  });

  it('reports errors in place with mapSettledOrdered and throws them with mapOrdered', async () => {
    const fn = (x: number): number => {
      if (x === 1) throw new Error('one');
      return x;
    };
    const settled = await collect(mapSettledOrdered([0, 1, 2], fn, 2));
    expect(settled.map((s) => s.ok)).toEqual([true, false, true]);
    await expect(collect(mapOrdered([0, 1, 2], fn, 2))).rejects.toThrow('one');
  });
});

describe('tasks', () => {
  it('knows its task names and rejects options a task does not take', () => {
    expect(isTaskName('segment')).toBe(true);
    expect(isTaskName('parse')).toBe(false);
    expect(() => runTask('entities', 'x', { foo: 1 })).toThrow(/foo/);
    expect(() => runTask('parse' as never, 'x')).toThrow(/unknown task/);
  });
});

describe('analyzeMany in-process', () => {
  it('equals analyze() on each text, in order, from sync and async sources', async () => {
    const expected = TEXTS.map((t) => plain(analyze(t)));
    expect(plain(await collect(analyzeMany(TEXTS)))).toEqual(expected);
    async function* src(): AsyncGenerator<string> {
      yield* TEXTS;
    }
    expect(plain(await collect(analyzeMany(src(), { concurrency: 1 })))).toEqual(expected);
  });

  it('runs another task with options', async () => {
    const out = await collect(analyzeMany(TEXTS, { task: 'segment' }));
    expect(plain(out)).toEqual(TEXTS.map((t) => plain(segment(t))));
  });

  it('validates its options and items', async () => {
    await expect(collect(analyzeMany(TEXTS, { task: 'parse' as never }))).rejects.toThrow(/task/);
    await expect(collect(analyzeMany(TEXTS, { concurrency: 0 }))).rejects.toThrow(/concurrency/);
    await expect(collect(analyzeMany(['ok', 5 as never]))).rejects.toThrow(/item 1/);
    const outcomes = await collect(processMany(['ok', 5 as never, { id: 'c', text: 'Xã' }], { task: 'segment' }));
    expect(outcomes.map((o) => [o.id, 'error' in o])).toEqual([[0, false], [1, true], ['c', false]]);
  });
});

describe('analyzeMany with worker threads (private build of dist/worker.js)', () => {
  let workerFile: string;
  beforeAll(() => {
    workerFile = privateBuild('batch').worker;
  });

  it('gives the same results as in-process, in order', async () => {
    const many = Array.from({ length: 24 }, (_, i) => `${TEXTS[i % TEXTS.length]} Lần ${i}.`);
    const expected = many.map((t) => plain(analyze(t)));
    const out = await collect(analyzeMany(many, { concurrency: 2, workerFile }));
    expect(plain(out)).toEqual(expected);
  });

  it('hands each thread two tasks at once when asked, with the same results in order', async () => {
    const pool = createPool({ concurrency: 2, workerFile, tasksPerThread: 2 });
    expect(pool.tasksPerThread).toBe(2);
    expect(createPool({ concurrency: 1, tasksPerThread: 2 }).tasksPerThread).toBe(1);
    const many = Array.from({ length: 12 }, (_, i) => `${TEXTS[i % TEXTS.length]} Lần ${i}.`);
    const out = await collect(analyzeMany(many, { pool, task: 'segment' }));
    expect(plain(out)).toEqual(many.map((t) => plain(segment(t))));
    await pool.close();
  });

  it('reuses a pool and keeps error codes across the thread boundary', async () => {
    const pool = createPool({ concurrency: 2, workerFile });
    expect(pool.threaded).toBe(true);
    const outcomes = await collect(processMany(['Xã Quảng Hợp'], { pool, task: 'summarize', options: { sentencez: 1 } }));
    expect(outcomes[0]).toMatchObject({ error: { code: 'E_UNKNOWN_OPTION' } });
    expect(await pool.run('segment', 'Xã Quảng Hợp')).toEqual(plain(segment('Xã Quảng Hợp')));
    expect(JSON.parse(await pool.runJson('segment', 'Xã Quảng Hợp'))).toEqual(plain(segment('Xã Quảng Hợp')));
    await expect(pool.runJson('entities', 'x', { bogus: 1 })).rejects.toMatchObject({ code: 'E_UNKNOWN_OPTION' });
    await pool.close();
  });

  it('renders the HTML view in the worker thread (the service answers it off its event loop), bounded by maxJsonBytes', async () => {
    const pool = createPool({ concurrency: 1, threads: true, workerFile });
    expect(pool.threaded).toBe(true);
    const html = await pool.runJson('analyze', TEXTS[0]!, undefined, undefined, undefined, 'html');
    expect(html).toBe(render(TEXTS[0]!));
    await expect(pool.runJson('analyze', TEXTS[0]!, undefined, undefined, 100, 'html')).rejects.toMatchObject({ code: 'E_RESULT_TOO_LARGE', message: expect.stringContaining('of HTML') });
    await pool.close();
  });

  it('falls back to in-process when there is no worker file', async () => {
    const pool = createPool({ concurrency: 2, workerFile: '/nonexistent/worker.js' });
    expect(pool.threaded).toBe(false);
    expect(await pool.run('segment', 'Xã')).toEqual(plain(segment('Xã')));
    expect(await pool.runJson('segment', 'Xã')).toBe(JSON.stringify(segment('Xã')));
  });
});

describe('typed results', () => {
  it('types analyzeMany and processMany results by task, and errors as { id, error: { code, message } }', async () => {
    for await (const words of analyzeMany(['Xã Quảng Hợp'], { task: 'segment' })) {
      const w: Word[] = words;
      expect(w.map((x) => x.text).join(' ')).toBe('Xã Quảng Hợp');
    }
    for await (const o of processMany([{ id: 'a', text: TEXTS[0]! }, { id: 'b', text: 5 as unknown as string }], { task: 'summarize' })) {
      if ('result' in o) {
        const s: Summary = o.result;
        expect(typeof s.text).toBe('string');
      } else expect(o).toEqual({ index: 1, id: 'b', error: { code: 'E_INPUT_TYPE', message: expect.any(String) } });
    }
    for await (const a of analyzeMany(['Xã'])) expect(Array.isArray(a.entities)).toBe(true); // default: Analysis
    // @ts-expect-error a segment result is not a Summary
    const wrong: (x: Word[]) => Summary = (x) => x;
    expect(typeof wrong).toBe('function');
  });
});
