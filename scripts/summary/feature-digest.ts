// Digest of the features of every gold document and the first 300 sum-dev articles: run before and after a change to
// src/summarize that must not move any feature (speed work). `npx tsx scripts/summary/feature-digest.ts`
import { createHash } from 'node:crypto';
import { loadSet, REPORT_SETS, SUM_DEV } from './gold.js';

const h = createHash('sha1');
let rows = 0;
for (const [name, dir] of [...REPORT_SETS(), ['sum-dev', SUM_DEV()] as [string, string]]) {
  for (const d of loadSet(name, dir)) {
    for (let r = 0; r < d.rows.dense.length; r++) {
      h.update(Float64Array.from(d.rows.dense[r]!));
      h.update(Int32Array.from(d.rows.hashed[r]!).sort());
      rows++;
    }
    h.update(d.doc.layout.map((l) => l.role).join(','));
  }
}
console.log(`${rows} rows, digest ${h.digest('hex').slice(0, 16)}`);
