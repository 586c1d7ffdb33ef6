import { defineConfig } from 'tsup';

// Library: ESM + CJS + types, two entry points: `vietnlp` (src/index.ts, the NLP functions, typings free of
// node types) and `vietnlp/server` (src/service/index.ts, the HTTP service). The CLI and the worker-thread entry are
// ESM only and share chunks with the ESM library (code splitting), so the package carries two copies of the code
// (ESM, CJS), not six. `franc-min` is ESM-only, so it is bundled (noExternal) to keep `require('vietnlp')` working.
// Compiled data stays outside the bundle, in dictionaries/compiled/, and is read lazily on first use. `npm run build`
// empties dist/ first.
const shared: { target: 'node20'; platform: 'node'; shims: boolean; sourcemap: boolean; clean: boolean; noExternal: Array<string | RegExp> } = {
  target: 'node20',
  platform: 'node',
  shims: true,
  sourcemap: false,
  clean: false,
  noExternal: ['franc-min', 'trigram-utils', 'n-gram', 'collapse-white-space', /^lodash-es/],
};
const libraries = { index: 'src/index.ts', server: 'src/service/index.ts' };

export default defineConfig([
  { ...shared, entry: { ...libraries, cli: 'src/cli/main.ts', worker: 'src/cli/worker.ts' }, format: ['esm'], splitting: true, dts: { entry: libraries } },
  { ...shared, entry: libraries, format: ['cjs'], splitting: false, dts: { entry: libraries } },
  // `vietnlp/queue` (Redis/BullMQ worker and client): its own entry so `import 'vietnlp'` never loads bullmq, which
  // stays external (optional peer dependency, imported on first use). Self-contained (no shared chunk), ESM + CJS.
  { ...shared, entry: { queue: 'src/queue/index.ts' }, format: ['esm', 'cjs'], splitting: false, external: ['bullmq', 'ioredis'], dts: { entry: { queue: 'src/queue/index.ts' } } },
]);
