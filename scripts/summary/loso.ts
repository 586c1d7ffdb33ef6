// Report-side leave-one-set-out with the shipped news stage (`npx tsx scripts/summary/loso.ts [--errors=dev]
// [--without=heldout-4]`): stage 2 (scripts/summary/report-stage.ts) retrained without each set, scored on it; then
// the error classes of the left-out picks over every set (missed gold sentences, wrong picks), and for the sets named
// by --errors the sentences themselves. Reads the gold sets at development time only.
import { loadSet, REPORT_SETS, type GoldDoc } from './gold.js';
import { leaveOneSetOut, summaryOf } from './report-stage.js';
import { defaultModel, type SummaryModel } from '../../src/summarize/model.js';
import { ANAPHOR, ATTENDANCE, CHAIRED, CONCLUDE, ELECTED, MEETING } from '../../src/summarize/cues.js';

const t0 = performance.now();
const without = process.argv.find((a) => a.startsWith('--without='))?.slice(10).split(',') ?? [];
const errs = process.argv.find((a) => a.startsWith('--errors='))?.slice(9).split(',') ?? [];
const sets = REPORT_SETS().filter(([name]) => !without.includes(name)).map(([name, dir]) => loadSet(name, dir)).filter((s) => s.length);
console.log(`loaded ${sets.map((s) => `${s[0]!.set} ${s.length}`).join(', ')} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
for (const s of sets) {
  const lost = s.filter((d) => d.goldRanks.length < d.k).map((d) => `${d.id} (${d.k - d.goldRanks.length})`);
  if (lost.length) console.log(`  ${s[0]!.set}: gold sentences outside the body: ${lost.join(', ')}`);
}

/** A coarse class of a body sentence (folded text `f`, layout words, figures share). */
function classOf(d: GoldDoc, rank: number): string {
  const c = d.doc.candidates[rank]!;
  const f = d.doc.folded[c.index]!;
  const lay = d.doc.layout[c.index]!;
  if (lay.words < 8 || !lay.finalPunct) return 'fragment (short / unpunctuated)';
  if (ATTENDANCE.test(f)) return 'attendance';
  if (ANAPHOR.test(f) || /^["“'‘\-–—…]|^\p{Ll}/u.test(d.doc.sentences[c.index]!.text)) return 'dependent opener';
  if (rank === 0) return 'first body sentence';
  if (MEETING.test(f)) return 'meeting';
  if (CHAIRED.test(f)) return 'chair';
  if (ELECTED.test(f)) return 'elected';
  if (CONCLUDE.test(f) || c.features.slots.ahead >= 0.8) return 'closing speech / tasks ahead';
  if (c.features.figures > 0) return 'results with figures';
  return 'other';
}
const tally = { MISS: new Map<string, number>(), WRONG: new Map<string, number>() };
const detail: string[] = [];
function errorsOf(held: readonly GoldDoc[], m: SummaryModel): void {
  for (const d of held) {
    const out = summaryOf(d, m);
    const gold = new Set(d.goldRanks);
    const picked = new Set(d.doc.candidates.filter((c) => out.includes(d.doc.sentences[c.index]!.text)).map((c) => c.rank));
    const show = errs.includes(d.set);
    if (show) detail.push(`\n## ${d.set} ${d.id} k=${d.k} type=${d.docType.toFixed(2)} body=${d.doc.candidates.length} gold=${[...gold].join(',')} picked=${[...picked].join(',')}`);
    for (const c of d.doc.candidates) {
      const g = gold.has(c.rank), p = picked.has(c.rank);
      if (g === p) continue;
      const kind = g ? 'MISS' : 'WRONG';
      const cls = classOf(d, c.rank);
      tally[kind].set(cls, (tally[kind].get(cls) ?? 0) + 1);
      if (show) detail.push(`  ${kind} r${c.rank} [${cls}] ${d.doc.sentences[c.index]!.text.slice(0, 140)}`);
    }
  }
}
const shipped = defaultModel();
const rows = leaveOneSetOut(shipped.news, sets, shipped.select.redundancy, shipped.report.maxFloor ?? 0, console.log, errorsOf);
let w = 0, m = 0;
for (const r of Object.values(rows)) { w += r.n; m += r.n * (r.ours - Math.max(r.lead, r.centroid)); }
console.log(`pooled margin ${(100 * m / w).toFixed(2)} over ${w} documents; ${((performance.now() - t0) / 1000).toFixed(1)} s`);
for (const kind of ['MISS', 'WRONG'] as const) console.log(`${kind}: ${[...tally[kind]].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join('; ')}`);
for (const line of detail) console.log(line);
