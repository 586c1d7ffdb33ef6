import { describe, expect, it } from 'vitest';
import { createDoc, createDocScratch } from '../../src/doc/index.js';
import { createTokenPool, tokenize, tokenizeInto } from '../../src/text/tokens.js';

const TEXTS = [
  'Ngày 09-7-2020, Huyện ủy Quảng Trạch tổ chức hội nghị lần thứ 25; TP.HCM đạt 45,8% KH.',
  'Đồng chí Phan Văn Thanh - Phó Bí thư TT Huyện ủy chủ trì.',
  'UBND xã Quảng Kim\n\nbáo cáo 2.926 tỷ đồng, www.vietnlp.vn, 58,3 tạ/ha, H.Bình.',
  '',
];

describe('pieces of a long text reuse their objects (issue 11, item 7)', () => {
  it('tokenizeInto gives the tokens of tokenize, text after text, with the same pool', () => {
    const pool = createTokenPool();
    for (const t of [...TEXTS, ...TEXTS.slice().reverse()]) expect(tokenizeInto(t, pool).map((x) => ({ ...x }))).toEqual(tokenize(t));
  });
  it('a document built on a scratch has the arrays of a fresh one, document after document', () => {
    const scratch = createDocScratch();
    for (const t of [...TEXTS, ...TEXTS.slice().reverse()]) {
      const a = createDoc(t, { scratch });
      const b = createDoc(t);
      expect(a.n).toBe(b.n);
      for (const f of ['start', 'end', 'kind', 'key', 'cap', 'upper', 'brk', 'line', 'para', 'lineFirst'] as const) expect([...a[f]]).toEqual([...b[f]]);
      expect(a.keys).toEqual(b.keys);
      expect(a.tokens.map((x) => ({ ...x }))).toEqual(b.tokens);
    }
  });
});
