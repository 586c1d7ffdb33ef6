// Accuracy floor for CI: runs `scripts/eval.ts` (or reads a saved output with `--from FILE`), parses the README's
// accuracy tables, and fails when a dev or held-out figure falls below the README's. The dev rows are skipped
// (with a note) when the development data in ../shared is absent; the held-out sets live in eval/gold/.
//
//   npx tsx scripts/eval-floor.ts                 # runs the eval (needs a build: dist/)
//   npx tsx scripts/eval-floor.ts --from out.txt  # checks a saved `npm run eval` output
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = resolve(process.env.VIETNLP_SHARED ?? join(ROOT, '..', 'shared'));

/** One figure: where it is read in the eval output, and its floor from the README. */
interface Floor {
  readonly name: string;
  readonly floor: number;
  readonly dev: boolean;
  readonly got: number | undefined;
}

const num = (s: string | undefined): number | undefined => (s === undefined ? undefined : Number(s.replace(/,/g, '')));

/** The README rows of the dev table (`| task | data | figure | target |`): the bold figures, in order. */
export function readmeFloors(readme: string): { dev: Record<string, number>; heldout: Record<string, Record<string, number>> } {
  const section = readme.slice(readme.indexOf('## Accuracy'), readme.indexOf('\n## ', readme.indexOf('## Accuracy') + 3));
  const dev: Record<string, number> = {};
  const heldout: Record<string, Record<string, number>> = {};
  const bold = (row: string) => [...row.matchAll(/\*\*([^*]+)\*\*/g)].map((m) => m[1]!);
  for (const row of section.split('\n').filter((l) => l.startsWith('| '))) {
    const cells = row.split('|').map((c) => c.trim());
    const task = cells[1] ?? '';
    const b = bold(row);
    const f1 = (s?: string) => num(/(\d+(?:\.\d+)?)%?$/.exec(s ?? '')?.[1]); // the last number: `F1 99.63`, `100.00%`
    if (/^sentence boundaries/.test(task)) dev.sentences = f1(b[0])!;
    else if (/^word segmentation/.test(task)) dev.segmentation = f1(b[0])!;
    else if (/^entities, named/.test(task)) dev.core = f1(b[0])!;
    else if (/^entities, measures/.test(task)) dev.measures = f1(b[0])!;
    else if (/^officials/.test(task)) dev.officials = f1(b[0])!;
    else if (/^administrative-unit links/.test(task)) dev.links = f1(b[0])!;
    else if (/^summaries, ROUGE-1 \/ ROUGE-2 vs gold extract/.test(task)) {
      const m = /([\d.]+) \/ ([\d.]+)/.exec(b[0] ?? '');
      if (m) Object.assign(dev, { extractR1: num(m[1]), extractR2: num(m[2]) });
    } else if (/^summaries, ROUGE-1 \/ ROUGE-2 vs abstract/.test(task)) {
      const m = /([\d.]+) \/ ([\d.]+)/.exec(b[0] ?? '');
      if (m) Object.assign(dev, { sumdevR1: num(m[1]), sumdevR2: num(m[2]) });
    } else if (/^heldout-\d+$/.test(task)) {
      const v = cells.slice(2, 8).map((c) => num(/^([\d.]+)/.exec(c)?.[1]));
      heldout[task] = { core: v[0]!, measures: v[1]!, officials: v[2]!, links: v[3]!, sentences: v[4]!, extractR1: v[5]! };
    }
  }
  return { dev, heldout };
}

/** The figures of one section of the eval output (from its `== Sentences` line to the next `====` or the end). */
export function evalFigures(section: string): Record<string, number | undefined> {
  const g = (re: RegExp) => num(re.exec(section)?.[1]);
  return {
    sentences: g(/== Sentences \([^)]*\): boundary P=[\d.]+ R=[\d.]+ F1=([\d.]+)/),
    segmentation: g(/== Word segmentation[^\n]*?F1=([\d.]+)/),
    core: g(/core \(non-measure\) micro[^\n]*F1=([\d.]+)/),
    measures: g(/measures micro[^\n]*F1=([\d.]+)/),
    officials: g(/officials \(pairs\)[^\n]*F1=([\d.]+)/),
    links: g(/unit links\s+([\d.]+)%/),
    extractR1: g(/vietnlp\s+vs abstract[^|]*\| vs gold extract R1=([\d.]+)/),
    extractR2: g(/vietnlp\s+vs abstract[^|]*\| vs gold extract R1=[\d.]+ R2=([\d.]+)/),
  };
}

function sumDevFigures(out: string): Record<string, number | undefined> {
  const m = /== Summaries \(corpus\/sum-dev[^\n]*\n\s*vietnlp\s+vs abstract R1=([\d.]+) R2=([\d.]+)/.exec(out);
  return { sumdevR1: num(m?.[1]), sumdevR2: num(m?.[2]) };
}

/**
 * Every floor of the README with the figure the eval gave (undefined when the eval printed none).
 * @example
 * ```ts
 * compare(readFileSync('README.md', 'utf8'), evalOutput).filter((f) => f.got === undefined || f.got < f.floor);
 * ```
 */
export function compare(readme: string, out: string): Floor[] {
  const { dev, heldout } = readmeFloors(readme);
  const parts = out.split(/^==== Own gold set eval\/gold\/(heldout-\d+)[^\n]*$/m);
  const devFig = { ...evalFigures(parts[0] ?? ''), ...sumDevFigures(parts[0] ?? '') };
  const floors: Floor[] = Object.entries(dev).map(([k, floor]) => ({ name: `dev ${k}`, floor, dev: true, got: devFig[k] }));
  for (let p = 1; p + 1 < parts.length; p += 2) {
    const set = parts[p]!;
    const fig = evalFigures(parts[p + 1]!);
    for (const [k, floor] of Object.entries(heldout[set] ?? {})) floors.push({ name: `${set} ${k}`, floor, dev: false, got: fig[k] });
  }
  for (const set of Object.keys(heldout)) {
    if (!parts.includes(set)) floors.push({ name: `${set} (whole set)`, floor: 0, dev: false, got: undefined });
  }
  return floors;
}

function main(): void {
  const args = process.argv.slice(2);
  const from = args.includes('--from') ? args[args.indexOf('--from') + 1] : undefined;
  const hasShared = existsSync(join(SHARED, 'corpus'));
  const out = from
    ? readFileSync(from, 'utf8')
    : execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'eval.ts'), '--no-check'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  const floors = compare(readFileSync(join(ROOT, 'README.md'), 'utf8'), out);
  let failed = 0;
  for (const f of floors) {
    if (f.dev && !hasShared) {
      console.log(`  skip  ${f.name}: no development data at ${SHARED}`);
      continue;
    }
    const ok = f.got !== undefined && f.got >= f.floor - 1e-9;
    if (!ok) failed++;
    console.log(`  ${ok ? 'ok  ' : 'FAIL'}  ${f.name}: ${f.got ?? 'missing'} (floor ${f.floor})`);
  }
  console.log(failed ? `eval floor: ${failed} figure(s) below the README's accuracy table` : `eval floor: all ${floors.length} figures at or above the README's accuracy table`);
  if (failed) process.exitCode = 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
