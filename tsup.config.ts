import { defineConfig } from 'tsup';

// Library: ESM + CJS + types, three entry points: `vietnlp` (src/index.ts, the NLP functions, typings free of
// node types), `vietnlp/server` (src/service/index.ts, the HTTP service) and `vietnlp/queue` (src/queue/index.ts,
// the Redis/BullMQ worker and client). Each format is one build with code splitting, so the entries share chunks:
// the package carries two copies of the code (ESM, CJS), not one per entry. The CLI and the worker-thread entry are
// ESM only and share the ESM chunks. `import 'vietnlp'` never loads bullmq/ioredis: they are optional peer
// dependencies, kept external and imported on first use by the queue code, which lives in chunks of its own.
// `franc-min` is ESM-only, so it is bundled (noExternal) to keep `require('vietnlp')` working. Compiled data stays
// outside the bundle, in dictionaries/compiled/, and is read lazily on first use. `npm run build` empties dist/ first.
const shared: { target: 'node20'; platform: 'node'; shims: boolean; sourcemap: boolean; clean: boolean; noExternal: Array<string | RegExp> } = {
  target: 'node20',
  platform: 'node',
  shims: true,
  sourcemap: false,
  clean: false,
  noExternal: ['franc-min', 'trigram-utils', 'n-gram', 'collapse-white-space', /^lodash-es/],
};
const libraries = { index: 'src/index.ts', server: 'src/service/index.ts', queue: 'src/queue/index.ts' };
const peers = ['bullmq', 'ioredis'];

export default defineConfig([
  { ...shared, entry: { ...libraries, cli: 'src/cli/main.ts', worker: 'src/cli/worker.ts' }, format: ['esm'], splitting: true, external: peers, dts: { entry: libraries } },
  { ...shared, entry: libraries, format: ['cjs'], splitting: true, external: peers, dts: { entry: libraries } },
]);
