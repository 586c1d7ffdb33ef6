import { describe, expect, it } from 'vitest';
import { buildPosContext, parsePosClusters, parsePosDict, staticFeatures, MAX_STATIC, posKey, wordKey, WS_NAME, WS_NUMBER, WS_PUNCT, WS_TITLE, WS_LOWER } from '../../src/pos/features.js';
import { createScratch, decodePosModel, encodePosModel, tagContext } from '../../src/pos/model.js';
import { hashString, LexiconBuilder } from '../../src/segment/lexicon.js';

describe('pos features', () => {
  it('folds words and punctuation to one key', () => {
    expect(wordKey('Huyện  Uỷ')).toBe('huyện ủy');
    expect(posKey('“')).toBe(posKey('"'));
    expect(posKey('…')).toBe('...');
    expect(posKey('12.500')).toBe(posKey('3.000'));
  });

  it('computes shapes, sentence starts and dictionary classes', () => {
    const lex = new LexiconBuilder().freeze();
    const dict = parsePosDict('# comment\nnhà\t1\nquảng bình\t2\n');
    expect(dict.get(hashString('nhà'))).toBe(1);
    const ctx = buildPosContext(['Nhà', 'Quảng Bình', '25', '.', 'nhà', 'x'], lex, dict, new Map(), (i) => i === 5);
    expect([...ctx.shape]).toEqual([WS_TITLE, WS_NAME, WS_NUMBER, WS_PUNCT, WS_LOWER, WS_LOWER]);
    expect([...ctx.start]).toEqual([1, 0, 0, 0, 1, 1]);
    expect(ctx.dict[0]).toBe(1);
    expect(ctx.dict[1]).toBe(2);
  });
});

describe('pos features learned from unlabeled text', () => {
  const lex = new LexiconBuilder().freeze();
  it('parses the cluster table: fine cluster + 1 and the coarse cluster per word', () => {
    const cl = parsePosClusters('# comment\n=0 3\nnhà\ncửa\n=7 1\nđi\n');
    expect(cl.get(hashString('nhà'))).toBe(1 | (3 << 12));
    expect(cl.get(hashString('cửa'))).toBe(1 | (3 << 12));
    expect(cl.get(hashString('đi'))).toBe(8 | (1 << 12));
    expect(cl.has(hashString('ăn'))).toBe(false);
  });

  it('gives words their cluster (folded), syllable clusters to unknown compounds', () => {
    const clusters = parsePosClusters('=4 0\nnhà\n=9 2\nđi\n');
    const ctx = buildPosContext(['Nhà', 'đi', 'nhà đi', 'xe'], lex, new Map(), new Map(), undefined, { clusters });
    expect([...ctx.cl]).toEqual([5, 10 | (2 << 12), 0, 0]);
    expect(ctx.csyl[2]).toBe((5 << 12) | 10);
    expect(ctx.csyl[3]).toBe(0);
  });

  it('changes the feature rows when clusters change, and stays within MAX_STATIC', () => {
    const words = ['Tôi', 'đi', 'nhà', 'máy', 'dệt', 'Nam Định', '.'];
    const rows = (extra?: Parameters<typeof buildPosContext>[5]): number[][] => {
      const ctx = buildPosContext(words, lex, new Map(), new Map(), undefined, extra);
      return words.map((_, i) => {
        const out = new Int32Array(MAX_STATIC);
        const k = staticFeatures(ctx, i, 0xffff, out, 0);
        expect(k).toBeLessThanOrEqual(MAX_STATIC);
        return [...out.subarray(0, k)];
      });
    };
    expect(rows({ clusters: parsePosClusters('=1 0\nđi\n') })[1]).not.toEqual(rows()[1]);
    expect(rows({ clusters: parsePosClusters('=1 0\nkhác\n') })[1]).toEqual(rows()[1]);
  });
});

describe('pos model format', () => {
  it('round-trips weights, labels and the tag dictionary, and decodes greedily', () => {
    const rowBits = 4, stride = 4;
    const w = new Int16Array((1 << rowBits) * stride);
    const labels = [{ upos: 'NOUN', xpos: 'N' }, { upos: 'VERB', xpos: 'V' }];
    // every row prefers label 1 (VERB) slightly; the tag dictionary forces "nhà" to NOUN
    for (let r = 0; r < 1 << rowBits; r++) w[r * stride + 1] = 5;
    const m = decodePosModel(encodePosModel(w, rowBits, stride, labels, 1, {}, [['nhà', 0]]));
    expect(m.labels).toEqual(labels);
    expect([...m.weights]).toEqual([...w]);
    const lex = new LexiconBuilder().freeze();
    const ctx = buildPosContext(['nhà', 'đi'], lex, new Map(), new Map());
    const out = new Uint8Array(2);
    tagContext(ctx, m, createScratch(m), out);
    expect([...out]).toEqual([0, 1]);
  });
});
