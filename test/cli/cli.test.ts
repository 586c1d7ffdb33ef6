import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { segment, splitSentences, summarize } from '../../src/index.js';
import { formatEntities, formatOfficials, formatWords } from '../../src/cli/format.js';
import { parseNdjsonLine, decodeUtf8 } from '../../src/cli/input.js';
import { parseSize, runCli } from '../../src/cli/run.js';
import { cli } from './helpers.js';

const A = 'Ngày 09-7, Huyện ủy Quảng Trạch tổ chức hội nghị lần thứ 25. Đồng chí Nguyễn Văn An, Bí thư Huyện ủy, chủ trì.';
const B = 'Xã Quảng Hợp hoàn thành 100% kế hoạch thu ngân sách.';
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vietnlp-cli-'));
  writeFileSync(join(dir, 'a.txt'), A);
  writeFileSync(join(dir, 'bad.txt'), Buffer.concat([Buffer.from('Xã Quảng Hợp '), Buffer.from([0xc3, 0x28]), Buffer.from(' tiếp')]));
  mkdirSync(join(dir, 'folder', 'sub'), { recursive: true });
  writeFileSync(join(dir, 'folder', 'b.txt'), B);
  writeFileSync(join(dir, 'folder', 'sub', 'a.txt'), A);
  writeFileSync(join(dir, 'folder', 'notes.md'), '# not a report');
});

describe('usage', () => {
  it('prints the version and help', async () => {
    const v = await cli(['--version']);
    expect(v.code).toBe(0);
    expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const h = await cli(['--help']);
    expect(h.code).toBe(0);
    for (const c of ['segment', 'entities', 'officials', 'summarize', 'report', 'analyze', 'serve', '--ndjson', '--jobs']) expect(h.stdout).toContain(c);
  });

  it('rejects unknown options and commands with exit code 2 and names them', async () => {
    const o = await cli(['entities', '--bogus']);
    expect(o.code).toBe(2);
    expect(o.stderr).toContain('--bogus');
    const c = await cli(['frobnicate']);
    expect(c.code).toBe(2);
    expect(c.stderr).toContain('"frobnicate"');
    const none = await cli([]);
    expect(none.code).toBe(2);
  });

  it('rejects bad option values', async () => {
    expect((await cli(['segment', '--format', 'xml'])).stderr).toContain('"xml"');
    expect((await cli(['segment', '--jobs', 'two'])).code).toBe(2);
    expect((await cli(['entities', '--sentences', '2'])).code).toBe(2);
    expect((await cli(['segment', '--ndjson', '--format', 'text'])).code).toBe(2);
    expect((await cli(['segment', '--port', '80'])).code).toBe(2);
    expect((await cli(['summarize', '--ratio', '3'])).code).toBe(2);
  });

  it('parses sizes', () => {
    expect(parseSize('1mb')).toBe(1048576);
    expect(parseSize('512kb')).toBe(524288);
    expect(parseSize('100')).toBe(100);
    expect(() => parseSize('lots')).toThrow(/lots/);
  });
});

describe('documents', () => {
  it('reads stdin and prints the library result as JSON, in the one output shape', async () => {
    const r = await cli(['segment'], A);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([{ id: 'stdin', result: JSON.parse(JSON.stringify(segment(A))) }]);
  });

  it('reads a file and passes summary options; one file or many give the same shape', async () => {
    const r = await cli(['summarize', '--sentences', '1', join(dir, 'a.txt')]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([{ id: join(dir, 'a.txt'), result: JSON.parse(JSON.stringify(summarize(A, { sentences: 1 }))) }]);
    const two = await cli(['summarize', '--sentences', '1', join(dir, 'a.txt'), join(dir, 'folder', 'b.txt')]);
    const parsed = JSON.parse(two.stdout) as unknown[];
    expect(parsed).toHaveLength(2);
    expect(parsed[0]).toEqual(JSON.parse(r.stdout)[0]);
  });

  it('prints segmentation as text: one sentence per line, syllables joined by _', async () => {
    const r = await cli(['segment', '--format', 'text'], A);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('== stdin ==\n')).toBe(true);
    const lines = r.stdout.trim().split('\n').slice(1);
    expect(lines).toHaveLength(splitSentences(A).length);
    const multi = segment(A).filter((w) => w.text.includes(' '));
    for (const w of multi) expect(r.stdout).toContain(w.text.replace(/ /g, '_'));
    expect(r.stdout.replace('== stdin ==', '').replace(/[_\s]/g, '')).toBe(A.replace(/\s/g, ''));
  });

  it('prints analyze and officials as text', async () => {
    const a = await cli(['analyze', '--format', 'text'], A);
    expect(a.code).toBe(0);
    for (const h of ['## Words', '## Entities', '## Officials', '## Summary']) expect(a.stdout).toContain(h);
    expect(a.stdout).toMatch(/^== stdin ==\nlanguage: /);
    const o = await cli(['officials', '--format', 'text'], A);
    expect(o.code).toBe(0);
  });

  it('reports a port in use for serve with exit code 1', async () => {
    const { startServer } = await import('../../src/service/index.js');
    const s = await startServer({ port: 0 });
    const r = await cli(['serve', '--port', String(s.port)]);
    await s.close();
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`cannot listen on 127.0.0.1:${s.port}`);
  });

  it('walks folders recursively for *.txt in sorted order', async () => {
    const r = await cli(['segment', '--compact', join(dir, 'folder')]);
    expect(r.code).toBe(0);
    const arr = JSON.parse(r.stdout) as { id: string; result: unknown }[];
    expect(arr.map((x) => x.id)).toEqual([join(dir, 'folder', 'b.txt'), join(dir, 'folder', 'sub', 'a.txt')]);
    expect(arr[1]!.result).toEqual(JSON.parse(JSON.stringify(segment(A))));
  });

  it('prints an array for a folder even with one file, and fails on a folder without .txt files', async () => {
    const one = await cli(['segment', '--compact', join(dir, 'folder', 'sub')]);
    expect(one.code).toBe(0);
    expect(JSON.parse(one.stdout)).toHaveLength(1);
    mkdirSync(join(dir, 'empty'), { recursive: true });
    const none = await cli(['segment', join(dir, 'empty')]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('no .txt files');
  });

  it('treats a missing file as a usage error (exit 2, nothing processed)', async () => {
    const r = await cli(['segment', join(dir, 'a.txt'), join(dir, 'missing.txt')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/cannot read ".*missing\.txt": no such file/);
  });

  it('reports invalid UTF-8 as { id, error: { code, message } }, keeps the other documents, exits 1', async () => {
    const r = await cli(['segment', join(dir, 'a.txt'), join(dir, 'bad.txt')]);
    expect(r.code).toBe(1);
    const arr = JSON.parse(r.stdout) as { id: string; result?: unknown; error?: { code: string; message: string } }[];
    expect(arr).toHaveLength(2);
    expect(arr[0]!.result).toEqual(JSON.parse(JSON.stringify(segment(A))));
    expect(arr[1]).toEqual({ id: join(dir, 'bad.txt'), error: { code: 'E_BAD_UTF8', message: expect.stringMatching(/invalid UTF-8 at byte 18/) } });
    expect(r.stderr).toContain('bad.txt');
    expect(r.stderr).toContain('1 document failed');
  });

  it('prints several documents as text with headers', async () => {
    const r = await cli(['summarize', '--format', 'text', join(dir, 'a.txt'), join(dir, 'folder', 'b.txt')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`== ${join(dir, 'a.txt')} ==`);
    expect(r.stdout).toContain(`== ${join(dir, 'folder', 'b.txt')} ==`);
  });

  it('shows a progress bar only when asked or on a terminal', async () => {
    const files = [join(dir, 'a.txt'), join(dir, 'folder', 'b.txt')];
    expect((await cli(['segment', ...files])).stderr).toBe('');
    expect((await cli(['segment', '--progress', ...files])).stderr).toContain('2/2');
    expect((await cli(['segment', ...files], '', { stderrIsTTY: true })).stderr).toContain('2/2');
    expect((await cli(['segment', '--no-progress', ...files], '', { stderrIsTTY: true })).stderr).toBe('');
  });
});

describe('--ndjson', () => {
  it('reads strings, objects and raw lines; writes one result per line in input order', async () => {
    const input = [JSON.stringify({ id: 'first', text: A }), JSON.stringify(B), '', 'Huyện ủy Quảng Trạch', JSON.stringify({ text: B }), '   '].join('\n');
    const r = await cli(['segment', '--ndjson'], input);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n').slice(0, -1).map((l) => JSON.parse(l) as { id: unknown; result: unknown });
    expect(lines.map((l) => l.id)).toEqual(['first', 2, 3, 4, 5, 6]); // one output line per input line
    expect(lines[0]!.result).toEqual(JSON.parse(JSON.stringify(segment(A))));
    expect(lines[1]!.result).toEqual(JSON.parse(JSON.stringify(segment(B))));
    expect(lines[2]!.result).toEqual([]); // a blank line is an empty document
    expect(lines[3]!.result).toEqual(JSON.parse(JSON.stringify(segment('Huyện ủy Quảng Trạch'))));
    expect(lines[5]!.result).toEqual([]);
  });

  it('reports bad lines as { id, error } in place and exits 1, keeping the good ones', async () => {
    const input = Buffer.concat([
      Buffer.from(`${JSON.stringify(A)}\n{"text": 5}\n{broken\n`),
      Buffer.from([0x58, 0xff, 0x0a]),
      Buffer.from(`{"id":"x","text":"${B}","lang":"vi"}\r\n{"id":"doc-7","text":null}\n${JSON.stringify({ id: 'last', text: B })}`),
    ]);
    const r = await cli(['entities', '--ndjson'], input);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: unknown; result?: unknown; error?: { code: string; message: string } });
    expect(lines.map((l) => l.id)).toEqual([1, 2, 3, 4, 'x', 'doc-7', 'last']);
    expect(lines[0]!.result).toBeDefined();
    expect(lines[1]!.error).toEqual({ code: 'E_INPUT_TYPE', message: expect.stringMatching(/"text" must be a string/) });
    expect(lines[2]!.error!.code).toBe('E_BAD_JSON');
    expect(lines[3]!.error).toEqual({ code: 'E_BAD_UTF8', message: expect.stringMatching(/invalid UTF-8 at byte 1/) });
    expect(lines[4]!.result).toBeDefined(); // unknown fields are ignored
    expect(lines[5]!.error!.code).toBe('E_INPUT_TYPE'); // the caller's id is kept
    expect(lines[6]!.result).toBeDefined();
    for (const l of lines) expect(Object.keys(l).sort()).toEqual(l.error ? ['error', 'id'] : ['id', 'result']);
    expect(r.stderr).toContain('4 documents failed');
  });

  it('streams: the result of a line is written before the next line is read', async () => {
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let out = '';
    const waitFor = (n: number): Promise<void> =>
      new Promise((resolve) => {
        const check = (): void => {
          if (out.split('\n').length > n) {
            stdout.off('data', onData);
            resolve();
          }
        };
        const onData = (c: Buffer): void => {
          out += c.toString();
          check();
        };
        stdout.on('data', onData);
        check();
      });
    const done = runCli(['segment', '--ndjson'], { stdin, stdout, stderr });
    for (let i = 1; i <= 3; i++) {
      stdin.write(`${JSON.stringify({ id: i, text: `Xã Quảng Hợp ${i}` })}\n`);
      await waitFor(i); // would hang if the CLI waited for the end of its input
    }
    stdin.end();
    expect(await done).toBe(0);
    expect(out.trim().split('\n').map((l) => (JSON.parse(l) as { id: number }).id)).toEqual([1, 2, 3]);
  });

  it('numbers lines per file when reading several NDJSON files', async () => {
    const f1 = join(dir, 'one.ndjson');
    const f2 = join(dir, 'two.ndjson');
    writeFileSync(f1, `${JSON.stringify(A)}\n`);
    writeFileSync(f2, `${JSON.stringify(B)}\n${JSON.stringify({ id: 7, text: A })}\n`);
    const r = await cli(['officials', '--ndjson', f1, f2]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { id: unknown }).id)).toEqual([`${f1}:1`, `${f2}:1`, 7]);
  });
});

describe('helpers', () => {
  it('parses NDJSON lines', () => {
    expect(parseNdjsonLine('{"id":"a","text":"x","lang":"vi"}', 1)).toEqual({ id: 'a', text: 'x' });
    expect(parseNdjsonLine('"x"', 3)).toEqual({ id: 3, text: 'x' });
    expect(parseNdjsonLine('"Quoted" said the report', 4)).toEqual({ id: 4, text: '"Quoted" said the report' });
    expect(parseNdjsonLine('{"id":"b","text":1}', 1)).toEqual({ id: 'b', error: { code: 'E_INPUT_TYPE', message: expect.stringMatching(/must be a string/) } });
    expect(parseNdjsonLine('{"id":"b"', 9)).toMatchObject({ id: 9, error: { code: 'E_BAD_JSON' } });
    expect(parseNdjsonLine('', 2)).toEqual({ id: 2, text: '' });
    expect(parseNdjsonLine('[1]', 1)).toEqual({ id: 1, text: '[1]' });
  });

  it('decodes strict UTF-8', () => {
    expect(decodeUtf8(Buffer.from('\ufeffXã', 'utf8'))).toBe('Xã');
    expect(() => decodeUtf8(Buffer.from([0x61, 0x62, 0xe1, 0xbb]))).toThrow(/byte 2/);
  });

  it('formats entities, officials and words', () => {
    expect(formatEntities([{ type: 'COMMUNE', text: 'xã Quảng Hợp', start: 0, end: 12 }])).toBe('COMMUNE\txã Quảng Hợp');
    expect(formatOfficials([{ person: 'Nguyễn Văn An', positions: ['Bí thư Huyện ủy'], start: 0, end: 1 }])).toBe('Nguyễn Văn An — Bí thư Huyện ủy');
    const former = { person: 'Lê Văn Bình', positions: ['Bí thư Tỉnh ủy', 'Chủ tịch Ủy ban nhân dân tỉnh'], former: ['Bí thư Tỉnh ủy'], start: 0, end: 1 };
    expect(formatOfficials([former])).toBe('Lê Văn Bình — Bí thư Tỉnh ủy (former), Chủ tịch Ủy ban nhân dân tỉnh');
    expect(formatWords([{ text: 'Huyện ủy', start: 0, end: 8 }, { text: 'họp', start: 9, end: 12 }])).toBe('Huyện_ủy họp');
  });
});
