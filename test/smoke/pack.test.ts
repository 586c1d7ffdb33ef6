// Packs the package as npm would publish it, installs the tarball into a scratch project and uses it there as a
// user would: ESM import, CJS require, the bin, and TypeScript types under node16 resolution (ESM and CJS).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const hasDist = existsSync(join(ROOT, 'dist', 'index.js')) && existsSync(join(ROOT, 'dist', 'index.cjs'));
let dir = '';

describe.skipIf(!hasDist)('packed package (run `npm run build` first)', () => {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'vietnlp-smoke-'));
    execFileSync('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', dir], { cwd: ROOT, stdio: 'pipe' });
    const tgz = readdirSync(dir).find((f) => f.endsWith('.tgz'))!;
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'scratch', version: '1.0.0', private: true }));
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', join(dir, tgz)], { cwd: dir, stdio: 'pipe' });
  }, 180_000);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const sample = 'Ngày 09-7, Huyện ủy Quảng Trạch tổ chức hội nghị. Đồng chí Phan Văn Thanh chủ trì.';

  it('imports as ESM', () => {
    writeFileSync(join(dir, 'esm.mjs'), `import { segment, splitSentences, VietNlpError } from 'vietnlp';
      const w = segment(${JSON.stringify(sample)}); const s = splitSentences(${JSON.stringify(sample)});
      let code = ''; try { segment(1); } catch (e) { code = e instanceof VietNlpError ? e.code : 'wrong'; }
      console.log(JSON.stringify({ words: w.length, sentences: s.length, code }));`);
    const out = JSON.parse(execFileSync('node', ['esm.mjs'], { cwd: dir, encoding: 'utf8' }));
    expect(out.words).toBeGreaterThan(5);
    expect(out.sentences).toBe(2);
    expect(out.code).toBe('E_INPUT_TYPE');
  });

  it('requires as CJS', () => {
    writeFileSync(join(dir, 'cjs.cjs'), `const v = require('vietnlp');
      console.log(JSON.stringify({ words: v.segment(${JSON.stringify(sample)}).length, lang: v.detectLanguage(${JSON.stringify(sample)}).isVietnamese }));`);
    const out = JSON.parse(execFileSync('node', ['cjs.cjs'], { cwd: dir, encoding: 'utf8' }));
    expect(out.words).toBeGreaterThan(5);
    expect(out.lang).toBe(true);
  });

  it('resolves types for ESM and CJS consumers (node16)', () => {
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    writeFileSync(join(dir, 'use.mts'), `import { segment, type Word } from 'vietnlp';\nconst w: Word[] = segment('Huyện ủy');\nconst n: number = w.length;\nexport { n };\n`);
    writeFileSync(join(dir, 'use.cts'), `import v = require('vietnlp');\nconst n: number = v.segment('Huyện ủy').length;\nexport { n };\n`);
    writeFileSync(join(dir, 'bad.mts'), `import { segment } from 'vietnlp';\nconst n: string = segment('x');\nexport { n };\n`);
    const common = ['--noEmit', '--strict', '--module', 'node16', '--moduleResolution', 'node16', '--skipLibCheck', 'false', '--types', 'node', '--typeRoots', join(ROOT, 'node_modules', '@types')];
    execFileSync('node', [tsc, ...common, 'use.mts', 'use.cts'], { cwd: dir, stdio: 'pipe' });
    // And a type error is caught, so the types are really there (not `any`).
    expect(() => execFileSync('node', [tsc, ...common, 'bad.mts'], { cwd: dir, stdio: 'pipe' })).toThrow();
  }, 240_000); // three tsc runs: slow on a busy machine

  it('compiles a strict project without node types ("types": []) against the main entry', () => {
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const proj = join(dir, 'no-node-types');
    mkdirSync(proj, { recursive: true });
    writeFileSync(join(proj, 'package.json'), JSON.stringify({ name: 'no-node-types', private: true, type: 'module' }));
    writeFileSync(join(proj, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { strict: true, noEmit: true, module: 'node16', moduleResolution: 'node16', target: 'es2022', lib: ['es2022'], types: [], skipLibCheck: false, typeRoots: [] },
      include: ['main.ts'],
    }));
    writeFileSync(join(proj, 'main.ts'), `import { analyzeMany, segment, tagEntities, type Word } from 'vietnlp';
const w: Word[] = segment('Huyện ủy');
const types: string[] = tagEntities('Xã Quảng Hợp').map((e) => e.type);
export async function f(): Promise<number> {
  let n = w.length + types.length;
  for await (const words of analyzeMany(['Xã'], { task: 'segment' })) n += words.length;
  return n;
}
`);
    // The package is in the parent folder's node_modules; node16 resolution walks up to it.
    execFileSync('node', [tsc, '-p', proj], { cwd: proj, stdio: 'pipe' });
    expect(readFileSync(join(dir, 'node_modules', 'vietnlp', 'dist', 'index.d.ts'), 'utf8')).not.toMatch(/node:|NodeJS\./);
  }, 240_000);

  it('offers the HTTP service as vietnlp/server (ESM and CJS)', () => {
    writeFileSync(join(dir, 'server.mjs'), `import { startServer } from 'vietnlp/server';
      const s = await startServer({ port: 0, jobs: 0 });
      const r = await fetch(s.url + '/segment', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'Xã Quảng Hợp' }) });
      console.log(JSON.stringify({ status: r.status, n: (await r.json()).result.length })); await s.close();`);
    expect(JSON.parse(execFileSync('node', ['server.mjs'], { cwd: dir, encoding: 'utf8' }))).toEqual({ status: 200, n: expect.any(Number) });
    writeFileSync(join(dir, 'server.cjs'), `const { createServer } = require('vietnlp/server'); console.log(typeof createServer);`);
    expect(execFileSync('node', ['server.cjs'], { cwd: dir, encoding: 'utf8' }).trim()).toBe('function');
    expect('createServer' in (JSON.parse(execFileSync('node', ['-e', 'console.log(JSON.stringify(Object.fromEntries(Object.keys(require("vietnlp")).map((k) => [k, 1]))))'], { cwd: dir, encoding: 'utf8' })) as object)).toBe(false);
  });

  it('installs the vietnlp bin', () => {
    expect(existsSync(join(dir, 'node_modules', '.bin', 'vietnlp'))).toBe(true);
  });
});
