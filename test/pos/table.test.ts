// The tagger's word-type path (src/pos/table.ts) against the reference decoding (buildPosContext + tagContext):
// the same feature rows, split differently, and the same labels on the shipped model.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { segment } from '../../src/index.js';
import { loadData } from '../../src/data/load.js';
import { hasNewline } from '../../src/segment/features.js';
import { LexiconBuilder, parseLexicon } from '../../src/segment/lexicon.js';
import {
  BOS, EOS, buildPosContext, computeWordInfo, leftRows, mix, parsePosClusters, parsePosDict, rightRows, staticFeatures, tagFeatures, typeRows,
  MAX_DYNAMIC, MAX_STATIC, TAG_BOS,
} from '../../src/pos/features.js';
import { createScratch, decodePosModel, tagContext } from '../../src/pos/model.js';
import { createTypeTable, lookupTypes, tagTypes, type TypeTable } from '../../src/pos/table.js';

const model = loadData('pos-model.txt.gz', decodePosModel);
const lex = loadData('lexicon.txt.gz', parseLexicon);
const dict = loadData('pos-dict.txt.gz', parsePosDict);
const extra = { clusters: loadData('pos-clusters.txt.gz', parsePosClusters) };

function reference(words: string[], breakBefore?: (i: number) => boolean): number[] {
  const ctx = buildPosContext(words, lex, dict, new Map(), breakBefore, extra);
  const out = new Uint8Array(ctx.n);
  tagContext(ctx, model, createScratch(model), out);
  return [...out];
}
function fast(table: TypeTable, words: string[], breakBefore?: (i: number) => boolean): number[] {
  const n = words.length;
  const tid = new Int32Array(n), start = new Uint8Array(n), out = new Uint8Array(n);
  lookupTypes(table, words, tid, start, breakBefore);
  tagTypes(table, tid, start, n, new Int32Array(model.labels.length), out);
  return [...out];
}

const TEXT = 'Sáng 12/3, Ủy ban nhân dân tỉnh Lâm Đồng họp bàn kế hoạch trồng 2.500 ha rừng phòng hộ\n'
  + 'Ông Nguyễn Văn Tâm, Phó Chủ tịch huyện, cho biết "sẽ không để chậm tiến độ" nhưng vẫn còn nhiều khó khăn!\n'
  + 'Vì sao giá cà phê tăng mạnh trong quý I/2025? Các doanh nghiệp xuất khẩu đang lo lắng… Bà con nông dân thì phấn khởi.';
const POOL = [...new Set(segment(TEXT).map((w) => w.text)), 'UBND', 'COVID-19', '26-NQ/TW', '«', '…', 'xyzq', 'Hà Nội', '?!'];

describe('pos word-type table', () => {
  it('splits the training rows: type + left + right + start + two-away + pair + tag rows = static + tag rows', () => {
    const tiny = new LexiconBuilder().freeze();
    const words = ['Nhà', 'Quảng Bình', 'đẹp', '.', 'Ông', 'đi', 'xe', '25'];
    const ctx = buildPosContext(words, tiny, new Map(), new Map());
    const info = words.map((w) => computeWordInfo(w, tiny, new Map()));
    const M = 0xffff;
    const a = new Int32Array(MAX_STATIC + MAX_DYNAMIC), b = new Int32Array(64);
    for (let i = 0; i < ctx.n; i++) {
      const l1 = i >= 1 && !ctx.start[i], r1 = i + 1 < ctx.n && !ctx.start[i + 1];
      const l2 = l1 && i >= 2 && !ctx.start[i - 1], r2 = r1 && i + 2 < ctx.n && !ctx.start[i + 2];
      const w = info[i]!, p = l1 ? info[i - 1]! : undefined, q = r1 ? info[i + 1]! : undefined;
      const wp = p?.hw ?? BOS, wn = q?.hw ?? EOS, dp = p?.dict ?? -1, dn = q?.dict ?? -1, sp = p?.shape ?? 8, sn = q?.shape ?? 8;
      for (const [p1, p2] of [[TAG_BOS, TAG_BOS], [3, TAG_BOS], [0, 5]] as const) {
        const ka = tagFeatures(ctx, i, p1, p2, M, a, staticFeatures(ctx, i, M, a, 0));
        let k = typeRows(w, M, b, 0);
        k = p ? leftRows(p.hw, p.dict, p.hl, p.cl, M, b, k) : leftRows(BOS, -1, BOS, -1, M, b, k);
        k = q ? rightRows(q.hw, q.dict, q.hf, q.cl, M, b, k) : rightRows(EOS, -1, EOS, -1, M, b, k);
        const more = [
          [5, w.nsyl, w.shape, ctx.start[i]!], [10, l2 ? info[i - 2]!.hw : BOS, 0, 0], [12, r2 ? info[i + 2]!.hw : EOS, 0, 0],
          [13, wp, w.hw, 0], [14, w.hw, wn, 0], [15, sp * 16 + w.shape, sn, 0], [18, w.dict, dn, 0], [19, dp, w.dict, 0], [22, w.hw, sn, 0], [23, wp, wn, 0],
          [42, p1, w.hw, 0], [43, p1, w.dict, w.shape], [44, p1, wn, 0], [45, p1, w.cl, 0], [1, 0, 0, 0], [40, p1, 0, 0], [41, p1, p2, 0],
        ] as const;
        for (const [t, x, y, z] of more) b[k++] = mix(t, x, y, z) & M;
        expect([...b.subarray(0, k)].sort()).toEqual([...a.subarray(0, ka)].sort());
      }
    }
  });

  it('gives the reference labels on a real text, with line breaks restarting the context', () => {
    const seg = segment(TEXT);
    const words = seg.map((w) => w.text);
    const brk = (i: number): boolean => hasNewline(TEXT, seg[i - 1]!.end, seg[i]!.start);
    const want = reference(words, brk);
    const starts = (b?: (i: number) => boolean): number[] => [...buildPosContext(words, lex, dict, new Map(), b, extra).start];
    expect(starts(brk)).not.toEqual(starts()); // a line break without a full stop starts a sentence here
    const table = createTypeTable(model, lex, dict, extra);
    expect(fast(table, words, brk)).toEqual(want);
    expect(fast(table, words, brk)).toEqual(want); // second call: every type cached
    expect(fast(table, words)).toEqual(reference(words));
  });

  it('gives the reference labels on random word sequences, also when a small table is emptied between calls', () => {
    const big = createTypeTable(model, lex, dict, extra);
    const small = createTypeTable(model, lex, dict, extra, 8);
    fc.assert(fc.property(fc.array(fc.constantFrom(...POOL), { maxLength: 40 }), (words) => {
      const want = reference(words);
      expect(fast(big, words)).toEqual(want);
      expect(fast(small, words)).toEqual(want);
      expect(small.size).toBeLessThanOrEqual(2 + 8 + words.length);
    }), { numRuns: 300 });
  });
});
