import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { VietNlpError } from '../errors.js';

// Compiled data lives in <package root>/dictionaries/compiled/. This module is bundled into dist/ (one level
// below the root) and also runs from src/data/ in tests (two levels below), so the root is found by walking up.
let root: string | undefined;
function compiledDir(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'dictionaries', 'compiled');
    if (existsSync(candidate)) return (root = candidate);
    dir = dirname(dir);
  }
  throw new VietNlpError('E_DATA_MISSING', 'vietnlp: cannot find dictionaries/compiled/ next to the package; reinstall the package');
}

const cache = new Map<string, unknown>();

/**
 * Reads a compiled data file (`name` relative to dictionaries/compiled/; `.gz` files are gunzipped) and memoises
 * `parse(content)`. The cached values are treated as immutable by every caller.
 */
export function loadData<T>(name: string, parse: (content: string) => T): T {
  const hit = cache.get(name);
  if (hit !== undefined) return hit as T;
  const path = join(compiledDir(), name);
  if (!existsSync(path)) throw new VietNlpError('E_DATA_MISSING', `vietnlp: compiled data file ${JSON.stringify(name)} is missing; run "npm run build:data"`);
  const buf = readFileSync(path);
  const text = name.endsWith('.gz') ? gunzipSync(buf).toString('utf8') : buf.toString('utf8');
  const value = parse(text);
  cache.set(name, value);
  return value;
}

/** Convenience: a JSON data file. */
export function loadJson<T>(name: string): T {
  return loadData(name, (s) => JSON.parse(s) as T);
}
