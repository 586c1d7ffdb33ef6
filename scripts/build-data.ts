// Compiles every readable dictionary source into dictionaries/compiled/. Each step is a module in scripts/data/
// exporting `build(): Promise<void> | void`; steps run in file-name order. Run with `npm run build:data`.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = join(dirname(fileURLToPath(import.meta.url)), 'data');
const only = process.argv.slice(2);
for (const file of readdirSync(here).filter((f) => f.endsWith('.ts')).sort()) {
  const name = file.replace(/\.ts$/, '');
  if (only.length && !only.includes(name)) continue;
  const t0 = performance.now();
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { build: () => Promise<void> | void };
  await mod.build();
  console.log(`build:data ${name} done in ${((performance.now() - t0) / 1000).toFixed(1)}s`);
}
