import { describe, expect, it } from 'vitest';
import { scoreSentences, summarize, summarizeParts } from '../../src/summarize/index.js';
import { DENSE_FEATURES, DENSE_SIZE, HASH_BUCKETS, featurize, hashFeature } from '../../src/summarize/features.js';
import { checkModel, defaultModel, pickSentences, reportGate, selectionFor, type SummaryModel } from '../../src/summarize/model.js';
import { buildDocument } from '../../src/summarize/rank.js';
import { splitSentences } from '../../src/sentences/index.js';
import { segment } from '../../src/segment/index.js';
import { tagEntities } from '../../src/entities/index.js';
import { VietNlpError } from '../../src/errors.js';

// A made-up news story: headline, blank line, one sentence a line (the layout of the training articles).
const NEWS = [
  'Tỉnh Hòa Lâm khánh thành cầu Sông Mây',
  '',
  'Sáng 3-9, UBND tỉnh Hòa Lâm tổ chức lễ khánh thành cầu Sông Mây nối hai huyện Đông Sơn và Tây Lĩnh.',
  'Cầu dài 820 m, rộng 14 m, tổng vốn đầu tư 610 tỷ đồng.',
  'Ông Trần Văn Phúc, Chủ tịch UBND tỉnh, cho biết cây cầu rút ngắn 25 km đường đi của người dân hai huyện.',
  'Trước đây người dân phải đi đò qua sông, mùa mưa lũ rất nguy hiểm.',
  'Theo ông Phúc, tỉnh sẽ tiếp tục đầu tư các tuyến đường kết nối với cầu trong năm tới.',
  'Dự lễ có đại diện các sở, ngành và đông đảo người dân địa phương.',
].join('\n');

const layers = (text: string) => ({ text, sentences: splitSentences(text), words: segment(text) });

describe('scoreSentences: the learned scorer on precomputed layers', () => {
  it('scores every body sentence once, from the layers it is given', () => {
    const input = layers(NEWS);
    const { doc, scores, docType } = scoreSentences(input);
    expect(scores.length).toBe(doc.candidates.length);
    expect(doc.candidates.length).toBe(6); // the headline is not a candidate
    expect([...scores].every(Number.isFinite)).toBe(true);
    expect(docType).toBeGreaterThanOrEqual(0);
    expect(docType).toBeLessThanOrEqual(1);
  });

  it('entities passed by the caller change nothing (the scorer never needs the tagger)', () => {
    const input = layers(NEWS);
    const a = scoreSentences(input).scores;
    const b = scoreSentences({ ...input, entities: tagEntities(NEWS) }).scores;
    expect([...b]).toEqual([...a]);
  });

  it('summarize and summarizeParts (the analyze path) give the same picks', () => {
    const { sentences, words } = layers(NEWS);
    for (const k of [1, 2, 3, 6]) {
      expect(summarizeParts(NEWS, { sentences, words, entities: tagEntities(NEWS) }, { sentences: k })).toEqual(summarize(NEWS, { sentences: k }));
    }
  });

  it('on news, the opening sentence is among the three picked and the attendance line is not', () => {
    const picked = summarize(NEWS, { sentences: 3 }).sentences.map((s) => s.text);
    expect(picked.some((t) => t.startsWith('Sáng 3-9'))).toBe(true);
    expect(picked.some((t) => t.startsWith('Dự lễ có'))).toBe(false);
  });
});

describe('features and model file', () => {
  it('one dense row of the declared size and bucket ids in range per body sentence', () => {
    const { text, sentences, words } = layers(NEWS);
    const doc = buildDocument(text, { sentences, words });
    const rows = featurize(text, doc);
    expect(rows.dense.length).toBe(doc.candidates.length);
    for (const r of rows.dense) {
      expect(r.length).toBe(DENSE_SIZE);
      expect(r[0]).toBe(1); // bias
      expect([...r].every((x) => Number.isFinite(x) && x >= 0 && x <= 1)).toBe(true);
    }
    for (const h of rows.hashed) expect([...h].every((x) => x >= 0 && x < HASH_BUCKETS)).toBe(true);
    // Position one-hot: exactly one rank bucket per row, the first row in bucket rank0.
    const bucket = DENSE_FEATURES.indexOf('rank0');
    expect(rows.dense[0]![bucket]).toBe(1);
    expect(rows.dense.every((r) => r.slice(bucket, bucket + 8).reduce((a, b) => a + b, 0) === 1)).toBe(true);
  });

  it('hashes features deterministically into the buckets', () => {
    expect(hashFeature('o1:ngày')).toBe(hashFeature('o1:ngày'));
    expect(hashFeature('o1:ngày')).not.toBe(hashFeature('o1:sáng'));
    expect(hashFeature('x', 7)).toBeLessThan(7);
  });

  it('the shipped model matches the features; a stale model is rejected with VietNlpError', () => {
    const m = defaultModel();
    expect(m.features).toEqual([...DENSE_FEATURES]);
    const stale = { ...m, features: m.features.slice(1) } as SummaryModel;
    expect(() => checkModel(stale)).toThrow(VietNlpError);
    expect(() => checkModel({ ...m, hashBuckets: 7 })).toThrow(/train:summary/);
  });

  it('the document type mixes the report stage and the selection in', () => {
    const m = defaultModel();
    expect(reportGate(m, 1)).toBe(1);
    expect(reportGate(m, 0)).toBe(m.report.floor);
    expect(selectionFor(m, 0)).toEqual({ redundancy: m.select.redundancy, slots: 0 });
    expect(selectionFor(m, 1)).toEqual({ redundancy: m.select.reportRedundancy, slots: m.select.slots });
  });

  it('scoring with another model changes the scores (the model is used, not hard-coded)', () => {
    const input = layers(NEWS);
    const m = defaultModel();
    const bias = DENSE_FEATURES.indexOf('rank5_6');
    const dense = m.news.dense.map((w, j) => (j === bias ? w + 100 : w));
    const other: SummaryModel = { ...m, news: { ...m.news, dense } };
    const a = scoreSentences(input), b = scoreSentences({ ...input, model: other }).scores;
    const scale = 1 + reportGate(m, a.docType) * m.report.newsScale; // the report stage rescales the news score
    expect(b[5]! - a.scores[5]!).toBeCloseTo(100 * scale, 6);
    expect(b[0]).toBeCloseTo(a.scores[0]!, 9);
  });

  it('late picks: the first lateFrom picks are those of the document type, later ones are made as on a report', () => {
    const input = layers(NEWS);
    const { doc, rows } = scoreSentences(input);
    const docType = 0; // a news story: the report stage (floor 0) only comes in through the late picks
    const base = defaultModel();
    const plain: SummaryModel = { ...base, select: { ...base.select, lateFrom: 0 } };
    // A report stage that strongly prefers the last body sentence: only late picks may see it.
    const last = DENSE_FEATURES.indexOf('last');
    const report = { ...base.report, floor: 0, dense: base.report.dense.map((w, j) => (j === last ? w + 1000 : w)) };
    const late: SummaryModel = { ...plain, report, select: { ...plain.select, lateFrom: 2 } };
    const ids = (m: SummaryModel, k: number): number[] => pickSentences(m, doc, rows, docType, k).map((p) => p.cand.rank);
    const n = doc.candidates.length;
    expect(ids(late, 2)).toEqual(ids({ ...plain, report }, 2)); // k ≤ lateFrom: unchanged
    expect(ids(late, 3).slice(0, 2)).toEqual(ids(late, 2));
    expect(ids(late, 3)[2]).toBe(n - 1); // the third pick follows the report stage
    expect(ids({ ...plain, report }, 3)).not.toContain(n - 1);
  });
});


describe('wordScanner: the fast cue scans count what the patterns count', () => {
  it('matches only at word starts, resumes after a failed start, stops at the cap', async () => {
    const { TASK, AHEAD, wordScanner } = await import('../../src/summarize/cues.js');
    const scan = wordScanner(TASK);
    const count = (s: string): number => { TASK.lastIndex = 0; let c = 0; while (TASK.exec(s)) c++; return c; };
    for (const s of ['nhiệm vụ và giải pháp, phấn đấu', 'xnhiệm vụ anhiệm vụ nhiệm vụ', 'không có gì', '𝐀nhiệm vụ', 'thời gian tới, sắp tới']) {
      expect(scan(s)).toBe(count(s));
    }
    expect(scan('nhiệm vụ, giải pháp, mục tiêu', 2)).toBe(2);
    expect(wordScanner(AHEAD)('trong thời gian tới', 1)).toBe(1);
    expect(() => wordScanner(/abc/u)).toThrow();
  });
});
