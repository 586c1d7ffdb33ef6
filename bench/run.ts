// `npm run bench`: speed and footprint of the built package (dist/), single-threaded unless stated.
// Prints syllables per second for each task on >= 1 MB of generated news-like text (bench/corpus.ts), the cold
// start (import + first call in a fresh process), resident memory, 10 MB linearity, the package's packed and
// unpacked size, and, when present, the batch (analyzeMany) and HTTP service figures (bench/batch.ts, bench/service.ts).
//   npm run bench                 # everything
//   npm run bench -- --quick      # smaller corpus, fewer repetitions
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildCorpus } from './corpus.js';
import { countSyllables, median, medianMs, medianTimes, perSecond } from './timing.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const quick = process.argv.includes('--quick');
type Lib = typeof import('../src/index.js');
const distUrl = pathToFileURL(join(ROOT, 'dist', 'index.js')).href;
const lib = (await import(distUrl)) as Lib;

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

console.log(`vietnlp bench — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${mb(totalmem())} RAM`);
const text = buildCorpus(quick ? 300_000 : 1_100_000);
const syllables = countSyllables(lib.tokenize(text));
console.log(`corpus: ${mb(Buffer.byteLength(text))} UTF-8, ${text.length.toLocaleString('en-US')} chars, ${syllables.toLocaleString('en-US')} syllables (tokens other than punctuation)`);

/** CPU times (process user + system) of the timed tasks, for the ratios: steadier than wall time on a shared machine. */
const cpuMs: Record<string, number> = {};
function time(label: string, fn: () => unknown, reps = quick ? 1 : 3): number {
  const { wall: ms, cpu } = medianTimes(fn, reps);
  cpuMs[label] = cpu;
  console.log(`  ${label.padEnd(26)} ${perSecond(syllables, ms).padStart(11)} syllables/s  (${(ms / 1000).toFixed(2)} s per pass, median of ${reps}; CPU ${perSecond(syllables, cpu)}/s)`);
  return ms;
}

console.log('\n== Throughput (single thread)');
time('tokenize', () => lib.tokenize(text));
time('splitSentences', () => lib.splitSentences(text));
const segMs = time('segment', () => lib.segment(text));
time('tagEntities', () => lib.tagEntities(text));
{
  // Part-of-speech tagging: posTag(text) (segmentation included) per syllable, and the tagger alone on words.
  lib.posTag('Khởi động.'); // loads the model once, outside the timing (quick mode times a single pass)
  const posMs = time('posTag (incl. segment)', () => lib.posTag(text));
  const words = lib.segment(text).map((w) => w.text);
  const ms = medianMs(() => lib.tagWords(words), quick ? 1 : 3);
  console.log(`  ${'tagWords (POS only)'.padEnd(26)} ${perSecond(words.length, ms).padStart(11)} words/s      (${words.length.toLocaleString('en-US')} words, ${(ms / 1000).toFixed(2)} s per pass; target ≥ 300 k)`);
  console.log(`  ${'ratios to segment'.padEnd(26)} tagWords ×${(ms / segMs).toFixed(2)}, posTag ×${(posMs / segMs).toFixed(2)} (same run, same text)`);
}
const docs = text.split('\n\n');
time('summarize (per document)', () => docs.map((d) => lib.summarize(d)));
const anMs = time('analyze (per document)', () => docs.map((d) => lib.analyze(d)));
const tagDocMs = time('tagEntities (per document)', () => docs.map((d) => lib.tagEntities(d)));
const repMs = time('extractReport (per document)', () => docs.map((d) => lib.extractReport(d)));

console.log('\n== Pipeline ratios (same documents; one run of the pipeline per call)');
const cpuRatio = (a: string) => (cpuMs[a]! / cpuMs['tagEntities (per document)']!).toFixed(2);
console.log(`  analyze / tagEntities         ×${(anMs / tagDocMs).toFixed(2)}  (CPU time ×${cpuRatio('analyze (per document)')}; target ≤ 1.25)`);
console.log(`  extractReport / tagEntities   ×${(repMs / tagDocMs).toFixed(2)}  (CPU time ×${cpuRatio('extractReport (per document)')}; target ≤ 1.2)`);

// Real news (optional): segmentation speed on the first articles of ../shared/corpus/news-train, read at run time
// only (nothing of it is stored); skipped when the development data is absent.
{
  const news = join(ROOT, '..', 'shared', 'corpus', 'news-train', 'news-train.jsonl.gz');
  if (existsSync(news)) {
    const { gunzipSync } = await import('node:zlib');
    const lines = gunzipSync(readFileSync(news)).toString('utf8').split('\n', quick ? 300 : 1000).filter(Boolean);
    const articles = lines.map((l) => { const a = JSON.parse(l) as { title: string; sentences: string[] }; return [a.title, ...a.sentences].join('\n'); });
    const all = articles.join('\n\n');
    const syl = countSyllables(lib.tokenize(all));
    const { wall: ms, cpu } = medianTimes(() => lib.segment(all), quick ? 1 : 5);
    console.log(`\n== Real news (${articles.length} articles of news-train, ${syl.toLocaleString('en-US')} syllables)`);
    console.log(`  segment                    ${perSecond(syl, ms).padStart(11)} syllables/s  (CPU ${perSecond(syl, cpu)}/s, median of ${quick ? 1 : 5}; target ≥ 700 k)`);
  }
}

console.log('\n== Summarize on one long report (summarize / segment on the same text; target ratio <= 2.5)');
{
  const report = buildCorpus(quick ? 1_000_000 : 4_000_000, 11);
  const reps = quick ? 1 : 3;
  const segLong = medianMs(() => lib.segment(report), reps);
  const sumLong = medianMs(() => lib.summarize(report), reps);
  console.log(`  ${mb(Buffer.byteLength(report))}: segment ${(segLong / 1000).toFixed(2)} s, summarize ${(sumLong / 1000).toFixed(2)} s (median of ${reps}); summarize/segment ×${(sumLong / segLong).toFixed(2)}`);
}

console.log('\n== Linearity (segment)');
{
  const big = buildCorpus(quick ? 3_000_000 : 10_500_000, 7);
  const bigSyl = countSyllables(lib.tokenize(big));
  const t0 = performance.now();
  lib.segment(big);
  const ms = performance.now() - t0;
  const perSylSmall = segMs / syllables, perSylBig = ms / bigSyl;
  console.log(`  ${mb(Buffer.byteLength(big))}: ${(ms / 1000).toFixed(2)} s, ${perSecond(bigSyl, ms)} syllables/s; cost per syllable ×${(perSylBig / perSylSmall).toFixed(2)} of the 1 MB run`);
}

console.log('\n== Cold start (fresh process: import + first call), median of 5');
const sample = 'Đồng chí Phan Văn Thanh - Phó Bí thư TT Huyện ủy chủ trì hội nghị ngày 09-7.';
for (const [isEsm, fn] of [[true, 'segment'], [false, 'segment'], [true, 'tagEntities'], [true, 'analyze']] as const) {
  const label = `${isEsm ? 'ESM import' : 'CJS require'} + ${fn}`;
  const load = isEsm ? `await import(${JSON.stringify(distUrl)})` : `require(${JSON.stringify(join(ROOT, 'dist/index.cjs'))})`;
  const code = `const t=performance.now();const v=${load};v.${fn}(${JSON.stringify(sample)});console.log(performance.now()-t)`;
  const runs = Array.from({ length: 5 }, () => Number(execFileSync(process.execPath, [...(isEsm ? ['--input-type=module'] : []), '-e', code], { encoding: 'utf8' }).trim()));
  console.log(`  ${label.padEnd(26)} ${median(runs).toFixed(0).padStart(5)} ms`);
}

console.log('\n== Memory (fresh process, peak resident set)');
{
  const script = `const v=await import(${JSON.stringify(distUrl)});
    const base=process.resourceUsage().maxRSS*1024; const fs=await import('node:fs');
    const text=fs.readFileSync(process.argv[1],'utf8'); const r0=process.memoryUsage().rss;
    v.segment(text); const seg=process.resourceUsage().maxRSS*1024; v.tagEntities(text); const ent=process.resourceUsage().maxRSS*1024;
    console.log(JSON.stringify({base,seg,ent,r0}));`;
  mkdirSync(join(ROOT, '.tmp'), { recursive: true });
  const file = join(ROOT, '.tmp', 'bench-1mb.txt');
  writeFileSync(file, text);
  const m = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script, file], { encoding: 'utf8' })) as { base: number; seg: number; ent: number };
  console.log(`  after import ${mb(m.base)}; segment 1 MB peak ${mb(m.seg)}; + tagEntities peak ${mb(m.ent)}`);
  // Issue 11 item 7: tagEntities alone on 10 MB of report-like text, fresh process (target < 300 MB).
  const big = join(ROOT, '.tmp', 'bench-10mb.txt');
  writeFileSync(big, buildCorpus(quick ? 3_000_000 : 10_500_000, 7));
  // analyze on the same text (its own peak: sentences, words, POS and the summary run on the whole text).
  const size = quick ? '3' : '10';
  for (const fn of ['tagEntities', 'analyze'] as const) {
    const script10 = `const v=await import(${JSON.stringify(distUrl)}); const fs=await import('node:fs');
      const text=fs.readFileSync(process.argv[1],'utf8'); const t=performance.now(); v.${fn}(text);
      console.log(JSON.stringify({ peak: process.resourceUsage().maxRSS*1024, ms: performance.now()-t }));`;
    const r = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script10, big], { encoding: 'utf8', maxBuffer: 1 << 20 }).trim()) as { peak: number; ms: number };
    console.log(`  ${fn} ${size} MB peak ${mb(r.peak)}, ${(r.ms / 1000).toFixed(2)} s${fn === 'tagEntities' ? ' (target < 300 MB on 10 MB)' : ''}`);
  }
}

console.log('\n== Package size (npm pack --dry-run)');
{
  const out = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' })) as Array<{ size: number; unpackedSize: number; entryCount: number }>;
  const p = out[0]!;
  console.log(`  packed ${mb(p.size)}, unpacked ${mb(p.unpackedSize)}, ${p.entryCount} files`);
}

for (const [file, fn] of [['batch.ts', 'benchBatch'], ['service.ts', 'benchService']] as const) {
  if (!existsSync(join(ROOT, 'bench', file))) continue;
  const mod = (await import(pathToFileURL(join(ROOT, 'bench', file)).href)) as Record<string, (docs: string[]) => Promise<void>>;
  if (typeof mod[fn] === 'function') {
    console.log(`\n== ${file === 'batch.ts' ? 'Batch (analyzeMany, worker threads)' : 'HTTP service (/analyze, local load)'}`);
    await mod[fn]!(docs);
  }
  // The load round: 200 connections, 3 rounds against the default service; no errors, RSS stable, p99 reported.
  if (file === 'service.ts' && typeof mod['benchLoad'] === 'function') {
    console.log('\n== HTTP service under load (200 connections, 3 rounds)');
    await mod['benchLoad'](docs);
  }
}

// Queue round (bench/queue.ts): documents/s through Redis + BullMQ with one and two `vietnlp worker` processes, RSS
// per worker; skipped with a line saying why when redis-server is not on the PATH.
if (existsSync(join(ROOT, 'bench', 'queue.ts'))) {
  console.log('\n== Queue (Redis + BullMQ, vietnlp worker processes)');
  const { benchQueue } = (await import(pathToFileURL(join(ROOT, 'bench', 'queue.ts')).href)) as typeof import('./queue.js');
  await benchQueue(docs, quick);
}
