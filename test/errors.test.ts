import { describe, expect, it } from 'vitest';
import { VietNlpError, isVietNlpError, checkChoice, checkNumber, checkOptions, assertText } from '../src/errors.js';

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
