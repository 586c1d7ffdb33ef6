// The summariser's fast paths give exactly what the plain computations give: cue testers vs their patterns,
// scattered cosines vs the merge-join cosine, lazy MMR selection vs a full scan at every step.
import { describe, expect, it } from 'vitest';
import { AGGREGATE, AHEAD_SECTION, ATTEND, ATTENDED, CHAIR, CHAIRED, CONCLUDE, DATE_ANY, ELECTED, letterBoundExec, MEETING, TARGET, wordTester } from '../../src/summarize/cues.js';
import { cosine, cosinesTo, idSpan, tfidfVectors } from '../../src/summarize/vectors.js';
import { selectByScores, SLOTS, type Candidate, type Slot, type SummaryDocument } from '../../src/summarize/rank.js';
import { foldKey } from '../../src/text/tone.js';

/** Seeded PRNG (mulberry32). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  'tổ chức', 'hội nghị', 'đại hội', 'lần thứ', 'khóa', 'kỳ họp', 'chủ trì', 'đồng chủ trì', 'chủ tọa', 'điều hành', 'phiên',
  'tổng giá trị', 'grdp', 'tốc độ tăng', 'bầu', 'ban chấp hành', 'bí thư', 'tái đắc cử', 'tham dự', 'về dự', 'với', '320',
  'đại biểu', 'ngày', '14-7', '09/7/2020', 'sáng', 'x', 'a', 'tổ', 'chức', 'nhiệm kỳ', 'thứ', 'lễ', ',', '.', ';', 'do', 'mở rộng',
  'dự', 'nhiệm vụ', '6 tháng cuối năm', 'thời gian tới', 'phấn đấu', 'mục tiêu', 'đến năm 2030', 'phát biểu kết luận', 'về', 'yêu cầu',
  'Yêu cầu', 'đề nghị', 'giao cho', 'quý iv', 'kế hoạch', 'thay mặt',
];
const cases = (seed: number, n: number): string[] => {
  const r = rng(seed);
  return Array.from({ length: n }, () => {
    let s = '';
    const len = 1 + Math.floor(r() * 12);
    // Pieces joined by a space, or glued to the previous one (no word boundary), or to a letter.
    for (let i = 0; i < len; i++) s += (i === 0 ? '' : r() < 0.15 ? '' : r() < 0.1 ? 'x' : ' ') + PIECES[Math.floor(r() * PIECES.length)]!;
    return foldKey(s);
  });
};

describe('wordTester', () => {
  it('answers as pattern.test on report-like strings, with and without word boundaries', () => {
    const strings = [...cases(1, 4000), 'ngày 14-7, huyện ủy tổ chức hội nghị lần thứ 25', 'xtổ chức hội nghị', 'tổ chứcx hội nghị'];
    let hits = 0;
    for (const p of [MEETING, CHAIRED, AGGREGATE, ELECTED, ATTENDED, DATE_ANY, ATTEND, CHAIR, TARGET, CONCLUDE, AHEAD_SECTION]) {
      const fast = wordTester(p);
      for (const s of strings) {
        const want = p.test(s);
        if (want) hits++;
        expect(fast(s), `${p.source.slice(0, 30)} on ${s}`).toBe(want);
      }
    }
    expect(hits).toBeGreaterThan(1000); // the strings do exercise the patterns
  });
});

describe('letterBoundExec', () => {
  it('finds the match of pattern.exec (index and groups), letters glued before a cue included', () => {
    const p = /(?<![\p{L}])(yêu cầu|đề nghị|nhiệm vụ(?: trọng tâm)?|(?:6|sáu) tháng cuối năm)(?![\p{L}])/iu;
    const exec = letterBoundExec(p);
    const strings = [...cases(3, 3000).map((x) => x.replace(/x/g, 'Đ')), 'Hội nghị YÊU CẦU các cấp', 'xyêu cầu, rồi yêu cầu', 'ayêu cầub yêu cầu'];
    let hits = 0;
    for (const s of strings) {
      const want = p.exec(s);
      const got = exec(s);
      if (want) hits++;
      expect(got && [got.index, got[0], got[1]], s).toEqual(want && [want.index, want[0], want[1]]);
    }
    expect(hits).toBeGreaterThan(300);
    expect(() => letterBoundExec(/(?<![\p{L}\p{M}\d])a/u)).toThrow(/does not open/);
  });
});

const randomVectors = (seed: number, n: number) => {
  const r = rng(seed);
  const terms = Array.from({ length: n }, () => Array.from({ length: Math.floor(r() * 14) }, () => Math.floor(r() * 40)));
  return tfidfVectors(terms, 40).vectors;
};

describe('cosinesTo', () => {
  it('gives exactly cosine(a, b) for every pair, empty vectors included', () => {
    const vs = randomVectors(7, 60);
    expect(vs.some((v) => v.norm === 0)).toBe(true);
    const dense = new Float64Array(idSpan(vs));
    const out = new Float64Array(vs.length);
    for (const a of vs) {
      cosinesTo(a, vs, dense, out);
      for (let j = 0; j < vs.length; j++) expect(out[j]).toBe(cosine(a, vs[j]!));
      expect(dense.every((x) => x === 0)).toBe(true);
    }
  });
});

/** The selection before the lazy version: every candidate scored at every step. */
function fullScan(doc: SummaryDocument, k: number, base: ArrayLike<number>, w: { redundancy: number; slots: number }): number[] {
  const cands = doc.candidates;
  const n = cands.length;
  const covered: Record<Slot, number> = { meeting: 0, chair: 0, results: 0, ahead: 0, elected: 0 };
  const cap: Record<Slot, number> = { meeting: 1, chair: 1, results: 2, ahead: 1, elected: 1 };
  const fill = (st: Readonly<Record<Slot, number>>) => {
    let slot: Slot | undefined, gain = 0;
    for (const s of SLOTS) if (st[s] - covered[s] > gain) { gain = st[s] - covered[s]; slot = s; }
    return { slot, gain };
  };
  const maxSim = new Float64Array(n), picked = new Uint8Array(n), out: number[] = [];
  for (let step = 0; step < Math.min(k, n); step++) {
    let best = -1, bestScore = -Infinity;
    for (let i = 0; i < n; i++) {
      if (picked[i]) continue;
      let s = base[i]! - w.redundancy * maxSim[i]! - (maxSim[i]! >= 0.85 ? 1e6 : 0);
      if (w.slots) s += w.slots * fill(cands[i]!.features.slots).gain;
      if (s > bestScore) { bestScore = s; best = i; }
    }
    picked[best] = 1;
    out.push(best);
    const { slot, gain } = fill(cands[best]!.features.slots);
    if (slot) covered[slot] = Math.min(1, covered[slot] + (gain + covered[slot]) / cap[slot]);
    for (let i = 0; i < n; i++) if (!picked[i]) maxSim[i] = Math.max(maxSim[i]!, cosine(cands[i]!.vector, cands[best]!.vector));
  }
  return out;
}

describe('selectByScores (lazy MMR)', () => {
  it('picks what a full scan at every step picks, ties and near-duplicates included', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const r = rng(seed);
      const n = 5 + Math.floor(r() * 80);
      const vectors = randomVectors(seed * 31, n);
      const candidates: Candidate[] = vectors.map((vector, i) => ({
        index: i, rank: i, vector, counts: { words: 10, names: 0, dates: 0 },
        features: {
          central: 0, title: 0, dependent: 0, attendance: 0, figures: 0,
          slots: Object.fromEntries(SLOTS.map((s) => [s, r() < 0.3 ? Math.round(r() * 4) / 4 : 0])) as Record<Slot, number>,
        },
      }));
      const doc = { candidates } as unknown as SummaryDocument;
      // Coarse scores so that ties occur.
      const base = Float64Array.from(candidates, () => Math.round(r() * 6) / 2);
      for (const w of [{ redundancy: 1, slots: 1 }, { redundancy: 8, slots: 0 }, { redundancy: 0.5, slots: 2.5 }]) {
        const k = 1 + Math.floor(r() * 12);
        expect(selectByScores(doc, k, base, w).map((p) => p.cand.index), `seed ${seed}`).toEqual(fullScan(doc, k, base, w));
      }
    }
  });
});
