// The tagger's output on an invented text, recorded before the tagging loop was optimised (packed non-zero weights,
// tag-pair score table, reused buffers, no per-word spread): any change of feature, hashing or scoring shows here.
import { describe, expect, it } from 'vitest';
import { createPosTagger, segment, type Word } from '../../src/index.js';
import { buildPosContext, pairFeatures, staticFeatures, tagFeatures, wordFeatures, wordTagFeatures, MAX_DYNAMIC, MAX_STATIC, TAG_BOS } from '../../src/pos/features.js';
import { LexiconBuilder } from '../../src/segment/lexicon.js';

const T = 'Sáng 12/3, Ủy ban nhân dân tỉnh Lâm Đồng họp bàn kế hoạch trồng 2.500 ha rừng phòng hộ.\n'
  + 'Ông Nguyễn Văn Tâm, Phó Chủ tịch huyện, cho biết "sẽ không để chậm tiến độ" nhưng vẫn còn nhiều khó khăn!\n'
  + 'Vì sao giá cà phê tăng mạnh trong quý I/2025? Các doanh nghiệp xuất khẩu đang lo lắng về nguồn hàng... Bà con nông dân thì phấn khởi.';
const XPOS = 'Sáng/N 12/3/Num ,/, Ủy ban nhân dân/N tỉnh/N Lâm Đồng/NNP họp/V bàn/N kế hoạch/N trồng/V 2.500/Num ha/Nu rừng phòng hộ/N ./. '
  + 'Ông/Nc Nguyễn Văn Tâm/NNP ,/, Phó Chủ tịch/N huyện/N ,/, cho/V biết/V "/`` sẽ/Adv không/Adv để/V chậm tiến độ/X "/`` nhưng/SC vẫn/Adv '
  + 'còn/Adv nhiều/Adj khó khăn/Adj !/! Vì sao/X giá/N cà phê/N tăng/V mạnh/Adj trong/Pre quý/V I/2025/Ny ?/? Các/Det doanh nghiệp/N '
  + 'xuất khẩu/V đang/Adv lo lắng/V về/Pre nguồn/N hàng/N .../... Bà con/N nông dân/N thì/SC phấn khởi/V ./.';
const UPOS = 'NOUN NUM PUNCT NOUN NOUN PROPN VERB NOUN NOUN VERB NUM NOUN NOUN PUNCT NOUN PROPN PUNCT NOUN NOUN PUNCT VERB VERB PUNCT ADV '
  + 'ADV VERB X PUNCT SCONJ ADV ADV ADJ ADJ PUNCT X NOUN NOUN VERB ADJ ADP VERB NOUN PUNCT DET NOUN VERB ADV VERB ADP NOUN NOUN PUNCT NOUN NOUN SCONJ VERB PUNCT';

describe('pos tagger output on a fixed text', () => {
  it('gives the recorded tags, also after a longer sequence filled its reused buffers', () => {
    const tagger = createPosTagger();
    const check = (): void => {
      const words = tagger.posTag(T);
      expect(words.map((w) => `${w.text}/${w.xpos}`).join(' ')).toBe(XPOS);
      expect(words.map((w) => w.upos).join(' ')).toBe(UPOS);
    };
    check();
    tagger.tagWords(Array.from({ length: 150 }, (_, i) => ['Hà Nội', 'nhà', 'rất', 'đẹp', 'và', '.'][i % 6]!));
    check();
    expect(tagger.tagWords(['Các', 'doanh nghiệp']).map((t) => t.xpos)).toEqual(['Det', 'N']);
  });

  it('tagSegmented keeps every own property of the given words, whatever their key order', () => {
    const tagger = createPosTagger();
    const seg = segment(T);
    const plain = tagger.tagSegmented(T, seg);
    const sym = Symbol('mark');
    const odd = seg.map((w, i) => (i % 3 === 0 ? { kind: w.kind, end: w.end, start: w.start, text: w.text } : i % 3 === 1 ? { ...w, note: i, [sym]: i } : w)) as Word[];
    const tagged = tagger.tagSegmented(T, odd);
    expect(tagged.map((w) => w.xpos)).toEqual(plain.map((w) => w.xpos));
    tagged.forEach((w, i) => {
      expect(Object.keys(w)).toEqual([...Object.keys(odd[i]!), 'upos', 'xpos']);
      if (i % 3 === 1) expect((w as unknown as Record<symbol, number>)[sym]).toBe(i);
    });
    expect(Object.keys(plain[0]!)).toEqual(['text', 'start', 'end', 'kind', 'upos', 'xpos']);
  });
});

describe('pos feature split', () => {
  it('pair + word + word-tag rows are the training rows (static + tag), as a multiset', () => {
    const lex = new LexiconBuilder().freeze();
    const ctx = buildPosContext(['Nhà', 'Quảng Bình', 'đẹp', '.', 'Ông', 'đi', 'xe', '25'], lex, new Map(), new Map());
    const a = new Int32Array(MAX_STATIC + MAX_DYNAMIC), b = new Int32Array(MAX_STATIC + MAX_DYNAMIC);
    for (let i = 0; i < ctx.n; i++) {
      for (const [p1, p2] of [[TAG_BOS, TAG_BOS], [3, TAG_BOS], [0, 5]] as const) {
        const ka = tagFeatures(ctx, i, p1, p2, 0xffff, a, staticFeatures(ctx, i, 0xffff, a, 0));
        const kb = wordTagFeatures(ctx, i, p1, 0xffff, b, wordFeatures(ctx, i, 0xffff, b, pairFeatures(p1, p2, 0xffff, b, 0)));
        expect([...b.subarray(0, kb)].sort()).toEqual([...a.subarray(0, ka)].sort());
      }
    }
  });
});
