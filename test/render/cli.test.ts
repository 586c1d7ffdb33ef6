// `vietnlp analyze --format html` (in-process): one file → its page, a folder → one page with an index.
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tagEntities } from '../../src/index.js';
import { cli } from '../cli/helpers.js';

const A = 'Ngày 09-7, Huyện ủy Quảng Trạch tổ chức hội nghị. Đồng chí Nguyễn Văn An, Bí thư Huyện ủy, chủ trì.';
const B = 'Xã Quảng Hợp đạt 45,8% kế hoạch. <script>alert(1)</script>';
const dir = mkdtempSync(join(tmpdir(), 'vietnlp-html-cli-'));
mkdirSync(join(dir, 'reports'));
writeFileSync(join(dir, 'reports', 'a.txt'), A);
writeFileSync(join(dir, 'reports', 'b.txt'), B);
writeFileSync(join(dir, 'reports', 'bad.txt'), Buffer.from([0x58, 0xff, 0x58]));

const heads = (html: string): number => (html.match(/<mark class="ent [^"]*" data-type/g) ?? []).length;

describe('vietnlp analyze --format html', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes one page for one file', async () => {
    const r = await cli(['analyze', '--format', 'html', join(dir, 'reports', 'a.txt')]);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('<!doctype html>')).toBe(true);
    expect(r.stdout.match(/<!doctype html>/g)).toHaveLength(1);
    expect(heads(r.stdout)).toBe(tagEntities(A).length);
  });

  it('writes one page with an index for a folder; a failed file is listed with its error', async () => {
    const r = await cli(['analyze', '--format', 'html', join(dir, 'reports')]);
    expect(r.code).toBe(1);
    expect(r.stdout.match(/<!doctype html>/g)).toHaveLength(1);
    expect(r.stdout).toMatch(/<ol class="index"><li><a href="#d1-doc">[^<]*a\.txt<\/a>/);
    expect(r.stdout).toMatch(/bad\.txt: <span class="error">failed: /);
    expect(heads(r.stdout)).toBe(tagEntities(A).length + tagEntities(B).length);
    expect(r.stdout).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(r.stdout).not.toContain('<script>');
  });

  it('refuses html for other commands and with --ndjson (usage error 2)', async () => {
    const seg = await cli(['segment', '--format', 'html', '-'], A);
    expect(seg.code).toBe(2);
    expect(seg.stderr).toContain('--format html is a view of "analyze"');
    expect((await cli(['analyze', '--ndjson', '--format', 'html'], A)).code).toBe(2);
  });
});
