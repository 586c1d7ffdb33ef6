// Per-command help, "did you mean", and the folder walk (symbolic links, loops, skipped files).
import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { TASKS } from '../../src/batch/tasks.js';
import { COMMANDS } from '../../src/cli/commands.js';
import { suggest } from '../../src/cli/options.js';
import { cli } from './helpers.js';

describe('help', () => {
  it('prints the help of each command with only its options', async () => {
    for (const c of COMMANDS) {
      const r = await cli([c.name, '--help']);
      expect(r.code, c.name).toBe(0);
      expect(r.stdout).toContain(`Usage: vietnlp ${c.name}`);
      for (const o of c.options) expect(r.stdout, `${c.name} --${o}`).toContain(`--${o}`);
    }
    const seg = await cli(['segment', '--help']);
    expect(seg.stdout).not.toContain('--port');
    expect(seg.stdout).not.toContain('--sentences');
    expect((await cli(['serve', '--help'])).stdout).toContain('--grace');
    expect((await cli(['help', 'summarize'])).stdout).toContain('--ratio');
  });

  it('lists every task as a command in the main help', async () => {
    const h = await cli(['--help']);
    for (const t of TASKS) expect(h.stdout).toMatch(new RegExp(`^  ${t}\\s`, 'm'));
    expect(h.stdout).toContain('vietnlp <command> --help');
    for (const c of ['serve', 'worker', 'enqueue']) expect(h.stdout).toMatch(new RegExp(`^  ${c}\\s`, 'm'));
    expect(h.stdout).toContain('--format json|text|html');
    expect((await cli(['help', 'worker'])).stdout).toContain('vietnlp worker --redis');
    expect((await cli(['analyze', '--help'])).stdout).toContain('html');
    const serve = (await cli(['serve', '--help'])).stdout;
    for (const part of ['GET /health', 'GET /', 'text/html', '--max-memory', '--jobs 0']) expect(serve).toContain(part);
  });

  it('suggests the command or option meant', async () => {
    const c = await cli(['segmnet', 'a.txt']);
    expect(c.code).toBe(2);
    expect(c.stderr).toContain('did you mean "segment"?');
    const o = await cli(['analyze', '--jbos', '2']);
    expect(o.code).toBe(2);
    expect(o.stderr).toContain('did you mean --jobs?');
    const n = await cli(['summarize', '--sentence', '2']);
    expect(n.stderr).toContain('did you mean --sentences?');
    expect((await cli(['frobnicate'])).stderr).not.toContain('did you mean');
    const w = await cli(['wokrer']);
    expect(w.code).toBe(2);
    expect(w.stderr).toContain('did you mean "worker"?');
    expect(w.stderr).toMatch(/commands are .*enqueue/);
    expect((await cli(['serve', '--max-memroy', '1gb'])).stderr).toContain('did you mean --max-memory?');
    expect((await cli(['serve', '--max-memory', '1kb'])).stderr).toContain('--max-memory must be from 16mb');
    expect(suggest('entites', ['segment', 'entities'])).toBe('entities');
    expect(suggest('zzz', ['segment'])).toBeUndefined();
  });

  it('names the command an option belongs to', async () => {
    const r = await cli(['segment', '--port', '80']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"serve"');
    expect(r.stderr).toContain('vietnlp segment --help');
  });
});

describe('folders', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'vietnlp-walk-'));
    mkdirSync(join(dir, 'corpus', 'sub'), { recursive: true });
    mkdirSync(join(dir, 'elsewhere'));
    writeFileSync(join(dir, 'corpus', 'a.txt'), 'Xã Quảng Hợp.');
    writeFileSync(join(dir, 'corpus', 'notes.md'), '# notes');
    writeFileSync(join(dir, 'elsewhere', 'linked.txt'), 'Huyện ủy Quảng Trạch.');
    symlinkSync(join(dir, 'elsewhere', 'linked.txt'), join(dir, 'corpus', 'b.txt'));
    symlinkSync(join(dir, 'elsewhere'), join(dir, 'corpus', 'linked-folder'));
    symlinkSync(join(dir, 'corpus'), join(dir, 'corpus', 'sub', 'loop'));
    symlinkSync(join(dir, 'nowhere.txt'), join(dir, 'corpus', 'broken.txt'));
  });

  it('follows symbolic links, detects loops and reports every skipped file on stderr', async () => {
    const r = await cli(['segment', '--compact', join(dir, 'corpus')]);
    expect(r.code).toBe(0);
    const ids = (JSON.parse(r.stdout) as { id: string }[]).map((x) => x.id);
    expect(ids).toEqual([join(dir, 'corpus', 'a.txt'), join(dir, 'corpus', 'b.txt'), join(dir, 'corpus', 'linked-folder', 'linked.txt')]);
    expect(r.stderr).toMatch(/skipped .*corpus\/broken\.txt: broken symbolic link/);
    expect(r.stderr).toMatch(/skipped .*corpus\/notes\.md: not a \.txt file/);
    expect(r.stderr).toMatch(/skipped .*corpus\/sub\/loop: symbolic link loop/);
  });
});
