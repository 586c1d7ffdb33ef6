import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createDoc, createVocab, KIND, lineEndOf, spanOf, tokenRange, TOKEN_KINDS } from '../../src/doc/index.js';
import { tokenize } from '../../src/text/tokens.js';
import { foldKey } from '../../src/text/tone.js';
import { VietNlpError } from '../../src/errors.js';

const TEXT = 'HUYỆN UỶ QUẢNG TRẠCH\nHuyện uỷ họp ngày 09-7.\r\n\r\nUBND xã Tân Gianh đạt 45,8%.';

describe('createDoc', () => {
  it('holds the tokens as parallel arrays with the same offsets and kinds as tokenize', () => {
    const doc = createDoc(TEXT);
    const toks = tokenize(TEXT);
    expect(doc.n).toBe(toks.length);
    toks.forEach((t, i) => {
      expect([doc.start[i], doc.end[i]]).toEqual([t.start, t.end]);
      expect(TOKEN_KINDS[doc.kind[i]!]).toBe(t.kind);
      expect(doc.keys[i]).toBe(foldKey(t.text));
      expect(doc.vocab.str(doc.key[i]!)).toBe(doc.keys[i]);
    });
    expect(doc.kind[toks.findIndex((t) => t.text === '45,8%')]).toBe(KIND.percent);
  });

  it('gives equal keys equal ids, whatever the case or tone placement', () => {
    const doc = createDoc(TEXT);
    const ids = doc.keys.map((k, i) => [k, doc.key[i]] as const).filter(([k]) => k === 'ủy').map(([, id]) => id);
    expect(ids.length).toBe(2);
    expect(new Set(ids).size).toBe(1);
    expect(new Set(doc.key).size).toBe(new Set(doc.keys).size);
  });

  it('flags capitals, line breaks, lines and paragraphs', () => {
    const doc = createDoc(TEXT);
    const at = (s: string) => doc.tokens.findIndex((t) => t.text === s);
    expect(doc.cap[at('QUẢNG')]).toBe(1);
    expect(doc.upper[at('QUẢNG')]).toBe(1);
    expect(doc.cap[at('họp')]).toBe(0);
    expect(doc.upper[at('Huyện')]).toBe(0);
    expect(doc.cap[at('Huyện')]).toBe(1);
    expect(doc.brk[0]).toBe(1);
    expect(doc.brk[at('Huyện')]).toBe(1);
    expect(doc.brk[at('họp')]).toBe(0);
    expect(doc.lineCount).toBe(3);
    expect([doc.line[at('TRẠCH')], doc.line[at('họp')], doc.line[at('UBND')]]).toEqual([0, 1, 2]);
    // CR LF CR LF is one blank line: a new paragraph; a single line break is not.
    expect([doc.para[at('TRẠCH')], doc.para[at('họp')], doc.para[at('UBND')]]).toEqual([0, 0, 1]);
    expect(lineEndOf(doc, at('họp'))).toBe(at('UBND'));
    expect(lineEndOf(doc, doc.n - 1)).toBe(doc.n);
    expect(doc.lineFirst[doc.lineCount]).toBe(doc.n);
  });

  it('maps characters to token ranges and back', () => {
    const doc = createDoc('xã Tân Gianh đạt 45,8%.');
    expect(tokenRange(doc, 3, 12)).toEqual([1, 3]);
    expect(spanOf(doc, 1, 3)).toEqual({ text: 'Tân Gianh', start: 3, end: 12, from: 1, to: 3 });
    expect(tokenRange(doc, 4, 5)).toEqual([1, 2]); // inside a token: that token
    expect(spanOf(doc, 2, 2).text).toBe('');
  });

  it('gets an empty document for empty or blank text', () => {
    for (const t of ['', '   \n\n ']) {
      const doc = createDoc(t);
      expect(doc.n).toBe(0);
      expect(doc.lineCount).toBe(0);
      expect(Array.from(doc.lineFirst)).toEqual([0]);
    }
  });

  it('shares the ids of a given vocabulary and never writes into it', () => {
    const base = createVocab(['huyện', 'ủy']);
    const doc = createDoc('Huyện uỷ Quảng Trạch', { vocab: base });
    expect(Array.from(doc.key.slice(0, 2))).toEqual([0, 1]);
    expect(base.size).toBe(2);
    expect(base.get('quảng')).toBe(-1);
    expect(doc.vocab.get('quảng')).toBe(doc.key[2]);
    expect(() => base.intern('trạch')).toThrow(VietNlpError);
    const other = createDoc('Quảng Bình', { vocab: base });
    expect(other.vocab.get('trạch')).toBe(-1);
  });

  it('rebuilds every non-space character of any string from its token spans (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (s) => {
        const doc = createDoc(s);
        let rebuilt = '';
        let prev = 0;
        for (let i = 0; i < doc.n; i++) {
          expect(doc.start[i]!).toBeGreaterThanOrEqual(prev);
          expect(doc.text.slice(prev, doc.start[i]).trim()).toBe('');
          rebuilt += s.slice(doc.start[i], doc.end[i]);
          prev = doc.end[i]!;
          expect(doc.line[i]).toBe(i === 0 ? 0 : doc.line[i - 1]! + doc.brk[i]!);
        }
        expect(rebuilt).toBe(s.replace(/\s+/gu, ''));
      }),
      { numRuns: 300 },
    );
  });
});
