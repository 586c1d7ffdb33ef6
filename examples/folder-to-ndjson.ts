// Analyse every *.txt file of a folder with a worker pool and write one JSON line per file, in file order.
//
//   npx tsx examples/folder-to-ndjson.ts [folder] [--jobs 2] > results.ndjson
//
// Worker threads run the built worker (dist/worker.js, from `npm run build`); without it the batch runs
// in-process with the same results. The same thing from the shell: `npx vietnlp analyze --ndjson --jobs 2 …`.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { processMany } from '../src/batch/index.js';

const { values, positionals } = parseArgs({ options: { jobs: { type: 'string', default: '1' }, task: { type: 'string', default: 'analyze' } }, allowPositionals: true });
const folder = positionals[0] ?? join(dirname(fileURLToPath(import.meta.url)), 'data');

function* files(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, e.name);
    if (e.isDirectory()) yield* files(path);
    else if (e.name.endsWith('.txt')) yield path;
  }
}

// Files are read lazily, as the pool asks for more work, so memory stays bounded for large folders.
function* documents(): Generator<{ id: string; text: string }> {
  for (const path of files(folder)) yield { id: path, text: readFileSync(path, 'utf8') };
}

// Errors have the one shape of the CLI and the HTTP service: { "id", "error": { "code", "message" } }.
let failed = 0;
for await (const o of processMany(documents(), { concurrency: Number(values.jobs), task: values.task as 'analyze' })) {
  if ('error' in o) failed++;
  process.stdout.write(`${JSON.stringify('error' in o ? { id: o.id, error: o.error } : { id: o.id, result: o.result })}\n`);
}
process.exitCode = failed ? 1 : 0;
