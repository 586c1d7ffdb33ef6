import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadData } from '../../src/data/load.js';
import { LEXICON_FILE, MODEL_FILE } from '../../src/segment/index.js';
import { buildContext, gapFeatures, gapScore, MAX_FEATURES } from '../../src/segment/features.js';
import { parseLexicon } from '../../src/segment/lexicon.js';
import { decodeModel } from '../../src/segment/model.js';
import { tokenize } from '../../src/text/tokens.js';

const model = loadData(MODEL_FILE, decodeModel);
const lex = loadData(LEXICON_FILE, parseLexicon);

function check(text: string): void {
  const ctx = buildContext(text, tokenize(text), lex, undefined, new Map());
  const feats = new Int32Array(MAX_FEATURES);
  for (let i = 1; i < ctx.n; i++) {
    const k = gapFeatures(ctx, i, model.mask, feats);
    let sum = 0;
    for (let f = 0; f < k; f++) sum += model.weights[feats[f]!]!;
    expect(gapScore(ctx, i, model.mask, model.weights)).toBe(sum);
  }
}

describe('gapScore', () => {
  it('equals the sum of the weights of gapFeatures on every gap', () => {
    check('Đồng chí Phan Văn Thanh, Phó Bí thư TT Huyện ủy Quảng Trạch\nchủ trì hội nghị ngày 09-7, đạt 45,8% KH.');
    check('HUYỆN ỦY QUẢNG TRẠCH TỔ CHỨC HỘI NGHỊ\nông Lan và chị Hoa ở xã Quảng Kim, Quảng Thanh');
  });
  it('equals it on any string (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (s) => check(s)), { numRuns: 200 });
  });
});
