import { describe, expect, it } from 'vitest';
import { buildPosContext, parsePosDict, posKey, wordKey, WS_NAME, WS_NUMBER, WS_PUNCT, WS_TITLE, WS_LOWER } from '../../src/pos/features.js';
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
