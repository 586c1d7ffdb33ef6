// Item 10 of issue 12: every error code the sources emit is a VietNlpErrorCode (ERROR_CODES) and is in the README's
// error table, and every code of the table is real (no stale rows).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/errors.js';

const ROOT = join(import.meta.dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

describe('error codes', () => {
  const emitted = new Set<string>();
  for (const file of sources(join(ROOT, 'src'))) {
    if (file.endsWith(join('src', 'errors.ts'))) continue; // the list itself
    for (const m of readFileSync(file, 'utf8').matchAll(/['"`](E_[A-Z][A-Z0-9_]*)['"`]/g)) emitted.add(m[1]!);
  }
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const table = [...readme.matchAll(/^\| `(E_[A-Z0-9_]+)` \|/gm)].map((m) => m[1]!);

  it('finds the codes the sources emit (the scan works)', () => {
    for (const c of ['E_TIMEOUT', 'E_BAD_UTF8', 'E_MEDIA_TYPE', 'E_CLI_USAGE', 'E_MISSING_DEPENDENCY']) expect(emitted).toContain(c);
  });

  it('has every emitted code in ERROR_CODES and every one of ERROR_CODES emitted somewhere', () => {
    expect([...emitted].filter((c) => !(ERROR_CODES as readonly string[]).includes(c))).toEqual([]);
    expect(ERROR_CODES.filter((c) => !emitted.has(c))).toEqual([]);
  });

  it('documents every code once in the README error table, and nothing else', () => {
    expect([...table].sort()).toEqual([...ERROR_CODES].sort());
  });
});
