import { defineConfig } from 'tsup';

// Library (ESM + CJS + types) and the CLI/worker entry points. `franc` is ESM-only, so it is bundled
// (noExternal) to keep `require('vietnlp')` working. Compiled data stays outside the bundle, in
// dictionaries/compiled/, and is read lazily on first use.
export default defineConfig({
  entry: { index: 'src/index.ts', cli: 'src/cli/main.ts', worker: 'src/cli/worker.ts' },
  format: ['esm', 'cjs'],
  dts: { entry: { index: 'src/index.ts' } },
  target: 'node20',
  platform: 'node',
  shims: true,
  clean: true,
  sourcemap: false,
  splitting: false,
  noExternal: ['franc-min', 'trigram-utils', 'n-gram', 'collapse-white-space'],
});
