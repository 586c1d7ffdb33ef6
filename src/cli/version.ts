import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/**
 * The installed package's version, read from its package.json (found by walking up from this module, which runs
 * from dist/ when built and from src/cli/ in development; read once). `'0.0.0'` if it cannot be found.
 *
 * @example
 * ```ts
 * packageVersion(); // '0.1.0'
 * ```
 */
export function packageVersion(): string {
  return (cached ??= findVersion());
}

function findVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      try {
        const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown; version?: unknown };
        if (pkg.name === 'vietnlp' && typeof pkg.version === 'string') return pkg.version;
      } catch {
        // keep walking up
      }
    }
    dir = dirname(dir);
  }
  return '0.0.0';
}
