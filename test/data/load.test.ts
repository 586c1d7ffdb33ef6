import { describe, expect, it } from 'vitest';
import { loadData } from '../../src/data/load.js';
import { VietNlpError } from '../../src/errors.js';

describe('loadData', () => {
  it('reads a compiled file once and memoises the parsed value', () => {
    let calls = 0;
    const parse = (s: string) => { calls++; return s.length; };
    const a = loadData('stopwords.txt', parse);
    const b = loadData('stopwords.txt', parse);
    expect(a).toBeGreaterThan(0);
    expect(b).toBe(a);
    expect(calls).toBe(1); // vitest isolates test files, so this file is the first to load it
  });
  it('gunzips .gz files', () => {
    const text = loadData('lexicon.txt.gz', (s) => s.slice(0, 200));
    expect(text).toMatch(/\p{L}/u);
  });
  it('names a missing file and how to rebuild it', () => {
    expect(() => loadData('no-such-file.json', (s) => s)).toThrow(VietNlpError);
    expect(() => loadData('no-such-file.json', (s) => s)).toThrow(/build:data/);
  });
});
