import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, VietNlpError, isVietNlpError, checkChoice, checkNumber, checkOptions, assertText } from '../src/errors.js';

const ROOT = join(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

describe('VietNlpError', () => {
  it('carries a stable code and names the bad value and the valid choices', () => {
    try {
      checkChoice('medium', 'normalize', 'tone', ['old', 'new', 'keep']);
      expect.unreachable();
    } catch (e) {
      expect(isVietNlpError(e)).toBe(true);
      expect((e as VietNlpError).code).toBe('E_OPTION_VALUE');
      expect((e as Error).message).toContain('"medium"');
      expect((e as Error).message).toContain('"old", "new", "keep"');
    }
  });
  it('rejects non-strings, unknown options and out-of-range numbers', () => {
    expect(() => assertText(5, 'segment')).toThrow(/expected a string, got number 5/);
    expect(() => checkOptions({ tones: 'x' }, 'normalize', ['tone'])).toThrow(/unknown option "tones"; valid options are "tone"/);
    expect(() => checkOptions([], 'normalize', ['tone'])).toThrow(/options must be an object/);
    expect(() => checkNumber(1.5, 'summarize', 'sentences', 1, 10, true)).toThrow(/an integer from 1 to 10, got number 1.5/);
    expect(checkOptions(undefined, 'f', [])).toEqual({});
  });
  it('is recognised across bundle copies by name and code', () => {
    const foreign = Object.assign(new Error('x'), { name: 'VietNlpError', code: 'E_INPUT_TYPE' });
    expect(isVietNlpError(foreign)).toBe(true);
    expect(isVietNlpError(new Error('x'))).toBe(false);
  });
});

describe('error codes', () => {
  it('lists in ERROR_CODES every code the sources emit', () => {
    const emitted = new Set<string>();
    for (const file of sources(join(ROOT, 'src'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/['"`](E_[A-Z0-9_]+)['"`]/g)) emitted.add(m[1]!);
    }
    expect(emitted.size).toBeGreaterThan(10);
    for (const code of emitted) expect(ERROR_CODES, code).toContain(code);
  });

  it('documents every code in the README', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const code of ERROR_CODES) expect(readme, code).toContain(`\`${code}\``);
  });
});
