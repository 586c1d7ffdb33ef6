// Feature extraction into the cache (.tmp/summary/): `npx tsx scripts/summary/extract.ts <i> <n>` extracts every
// n-th article from the i-th (run n of them in parallel); `npm run train:summary` runs it in-process when needed.
import { join } from 'node:path';
import { extractAll } from './data.js';
import { CACHE_DIR, NEWS_TRAIN } from './paths.js';

const [i, n] = [Number(process.argv[2] ?? 0), Number(process.argv[3] ?? 1)];
const docs = await extractAll(NEWS_TRAIN, join(CACHE_DIR, `features-${i}-of-${n}.json.gz`), [i, n]);
console.log(`part ${i}/${n}: ${docs.length} articles`);
