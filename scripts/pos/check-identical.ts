// Dev check that the tagger's fast path (src/pos/table.ts: per-word-type score vectors) gives exactly the tags of
// the reference decoding (buildPosContext + tagContext, the pre-optimisation path that training also uses), on
// UD-VTB dev (gold words) and on news-train articles (segmented, tagged per article as analyze does). Reads
// ../shared at dev time only; prints counts, never text. Exit code 1 on any difference.
//   npx tsx scripts/pos/check-identical.ts [--sentences 5000] [--data DIR]
import { createReadStream, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createGunzip, gunzipSync } from 'node:zlib';
import { parseLexicon } from '../../src/segment/lexicon.js';
import { hasNewline } from '../../src/segment/features.js';
import { segment } from '../../src/index.js';
import { buildPosContext, parsePosClusters, parsePosDict } from '../../src/pos/features.js';
import { createScratch, decodePosModel, tagContext } from '../../src/pos/model.js';
import { createTypeTable, lookupTypes, tagTypes, type TypeTable } from '../../src/pos/table.js';
import { readTagged } from './conllu.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const arg = (name: string, def: string): string => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1]! : def);
const SHARED = resolve(ROOT, '..', 'shared');
const DATA = resolve(arg('--data', process.env.UD_VTB_DIR ?? join(SHARED, 'data', 'ud-vtb')));
const NEWS = join(SHARED, 'corpus', 'news-train', 'news-train.jsonl.gz');
const MAX_SENTENCES = Number(arg('--sentences', '5000'));

const gz = (f: string): string => gunzipSync(readFileSync(join(ROOT, 'dictionaries/compiled', f))).toString('utf8');
const lex = parseLexicon(gz('lexicon.txt.gz'));
const dict = parsePosDict(gz('pos-dict.txt.gz'));
const model = decodePosModel(gz('pos-model.txt.gz'));
const extra = { clusters: parsePosClusters(gz('pos-clusters.txt.gz')) };
const scratch = createScratch(model);
const refCache = new Map();
// The default table, and one emptied every few hundred types (the reset path).
const tables: TypeTable[] = [createTypeTable(model, lex, dict, extra), createTypeTable(model, lex, dict, extra, 300)];

function reference(words: string[], breakBefore?: (i: number) => boolean): Uint8Array {
  const ctx = buildPosContext(words, lex, dict, refCache, breakBefore, extra);
  const out = new Uint8Array(ctx.n);
  tagContext(ctx, model, scratch, out);
  return out;
}

function fast(table: TypeTable, words: string[], breakBefore?: (i: number) => boolean): Uint8Array {
  const n = words.length;
  const tid = new Int32Array(n), start = new Uint8Array(n), out = new Uint8Array(n);
  lookupTypes(table, words, tid, start, breakBefore);
  tagTypes(table, tid, start, n, new Int32Array(model.labels.length), out);
  return out;
}

let words = 0, diffs = 0, seqs = 0;
function compare(ws: string[], breakBefore?: (i: number) => boolean): void {
  const ref = reference(ws, breakBefore);
  for (const t of tables) {
    const got = fast(t, ws, breakBefore);
    for (let i = 0; i < ws.length; i++) if (got[i] !== ref[i]) diffs++;
  }
  words += ws.length;
  seqs++;
}

const dev = readTagged(join(DATA, 'vi_vtb-ud-dev.conllu'));
for (const s of dev) compare(s.words);
console.log(`UD-VTB dev (gold words): ${seqs} sentences, ${words} words, ${diffs} tag differences (2 tables)`);
const devDiffs = diffs;

words = 0; diffs = 0; seqs = 0;
let sentences = 0, articles = 0;
const input = createReadStream(NEWS).pipe(createGunzip());
for await (const line of createInterface({ input })) {
  if (sentences >= MAX_SENTENCES) break;
  const a = JSON.parse(line) as { sentences: string[] };
  const body = a.sentences.slice(0, MAX_SENTENCES - sentences);
  sentences += body.length;
  articles++;
  // Every third article with a line break between sentences (the context restarts there).
  const text = body.join(articles % 3 === 0 ? '\n' : ' ');
  const seg = segment(text);
  compare(seg.map((w) => w.text), (i) => hasNewline(text, seg[i - 1]!.end, seg[i]!.start));
}
input.destroy();
console.log(`news-train: ${articles} articles, ${sentences} sentences, ${words} words, ${diffs} tag differences (2 tables)`);
process.exit(devDiffs + diffs === 0 ? 0 : 1);
