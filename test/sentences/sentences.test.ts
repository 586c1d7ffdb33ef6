import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VietNlpError } from '../../src/errors.js';
import { splitSentences } from '../../src/sentences/index.js';
import { anyText, blankText, vnText } from '../text/arbitraries.js';

const texts = (s: string) => splitSentences(s).map((x) => x.text);

describe('splitSentences', () => {
  it('splits at . ! ? before a capital or a digit, and at every line break', () => {
    expect(texts('Một câu. Câu hai! Câu ba? 43/43 đảng bộ hoàn thành.\nDòng mới')).toEqual([
      'Một câu.', 'Câu hai!', 'Câu ba?', '43/43 đảng bộ hoàn thành.', 'Dòng mới',
    ]);
  });

  it('ends headlines, captions and bylines without final punctuation at their line', () => {
    const doc = 'HUYỆN ỦY QUẢNG TRẠCH TỔ CHỨC HỘI NGHỊ LẦN THỨ 25\n\nQuang cảnh hội nghị\n\nHội nghị đã thảo luận. Đồng chí Bí thư kết luận.\n\n\u00a0 \u00a0 Thanh Định - VPHU\u00a0';
    expect(texts(doc)).toEqual([
      'HUYỆN ỦY QUẢNG TRẠCH TỔ CHỨC HỘI NGHỊ LẦN THỨ 25', 'Quang cảnh hội nghị', 'Hội nghị đã thảo luận.', 'Đồng chí Bí thư kết luận.', 'Thanh Định - VPHU',
    ]);
  });

  it('does not split after abbreviations, initials, inside numbers, v.v. mid-sentence, or before a lower-case word', () => {
    expect(texts('Hội nghị tại TP. Hồ Chí Minh do TS. Nguyễn Văn A và PGS. TS. Lê B chủ trì.')).toHaveLength(1);
    expect(texts('Ông Nguyễn V. Anh phát biểu.')).toHaveLength(1);
    expect(texts('Tổng thu đạt 2.926 tỷ đồng, tăng 45,8% và 1.329,9 tấn.')).toHaveLength(1);
    expect(texts('Các ngành nông, lâm, ngư v.v. đều tăng.')).toHaveLength(1);
    expect(texts('cho công nhân Formosa, Polaris... để chủ đầu tư triển khai.')).toHaveLength(1);
    expect(texts('Thành ủy TP. HCM họp.')).toHaveLength(1);
  });

  it('splits after ellipses and v.v. before a capital, and after KH. only before a new sentence', () => {
    expect(texts('hỗ trợ GPMB... Phó Giám đốc Sở cho biết.')).toEqual(['hỗ trợ GPMB...', 'Phó Giám đốc Sở cho biết.']);
    expect(texts('giao phó… Hội nghị đã thảo luận.')).toEqual(['giao phó…', 'Hội nghị đã thảo luận.']);
    expect(texts('nông, lâm v.v. Năm nay tăng.')).toEqual(['nông, lâm v.v.', 'Năm nay tăng.']);
    expect(texts('đạt 64,72% KH. Thu ngân sách tăng. Đạt 45,8% KH, vượt.')).toEqual(['đạt 64,72% KH.', 'Thu ngân sách tăng.', 'Đạt 45,8% KH, vượt.']);
  });

  it('keeps closing quotes and brackets with the sentence', () => {
    expect(texts('Ông nói: “Phải làm ngay.” Sau đó, hội nghị bế mạc.')).toEqual(['Ông nói: “Phải làm ngay.”', 'Sau đó, hội nghị bế mạc.']);
    expect(texts('(Theo kế hoạch.) Năm nay tăng.')).toEqual(['(Theo kế hoạch.)', 'Năm nay tăng.']);
    expect(texts('" Nhìn những hình ảnh đó thấy rất đau lòng! " Ông nói thêm.')).toEqual(['" Nhìn những hình ảnh đó thấy rất đau lòng! "', 'Ông nói thêm.']);
    expect(texts('Ông nói "Làm gì?" rồi ra về.')).toHaveLength(1);
  });

  it('keeps photo credits with their caption and ends the caption after the credit', () => {
    expect(texts('Toàn cảnh Hội nghị. Ảnh: Trí Dũng/TTXVN Dự Hội nghị có các đồng chí.')).toEqual([
      'Toàn cảnh Hội nghị. Ảnh: Trí Dũng/TTXVN', 'Dự Hội nghị có các đồng chí.',
    ]);
    expect(texts('Quang cảnh phiên khai mạc hội nghị. (Ảnh: Thanh Vũ/TTXVN) Sau hai ngày làm việc, hội nghị bế mạc.')).toEqual([
      'Quang cảnh phiên khai mạc hội nghị. (Ảnh: Thanh Vũ/TTXVN)', 'Sau hai ngày làm việc, hội nghị bế mạc.',
    ]);
  });

  it('ends a short heading run into the next paragraph with a wide gap', () => {
    expect(texts('Thu hút các nguồn lực đầu tư  Về kế hoạch đầu tư, thành phố đạt kết quả.')).toEqual([
      'Thu hút các nguồn lực đầu tư', 'Về kế hoạch đầu tư, thành phố đạt kết quả.',
    ]);
    // A stray double space before a name is not a heading break.
    expect(texts('Ban Thường vụ Huyện ủy  Quảng Trạch họp.')).toHaveLength(1);
  });

  it('handles list items and numbering', () => {
    expect(texts('I. ĐẶC ĐIỂM TÌNH HÌNH\n1. Về kinh tế: tăng trưởng khá.\n1.1. Nông nghiệp phát triển.\n- Thu ngân sách đạt 100%.\n+ Chi ngân sách giảm.\na) Nhiệm vụ thứ nhất;\nb) Nhiệm vụ thứ hai.')).toEqual([
      'I. ĐẶC ĐIỂM TÌNH HÌNH', '1. Về kinh tế: tăng trưởng khá.', '1.1. Nông nghiệp phát triển.', '- Thu ngân sách đạt 100%.', '+ Chi ngân sách giảm.', 'a) Nhiệm vụ thứ nhất;', 'b) Nhiệm vụ thứ hai.',
    ]);
    expect(texts('Điều 1. Phê duyệt kế hoạch.\nMục II. NHIỆM VỤ')).toEqual(['Điều 1. Phê duyệt kế hoạch.', 'Mục II. NHIỆM VỤ']);
    expect(texts('Kết quả đạt tốt. - Về xã hội: ổn định.')).toEqual(['Kết quả đạt tốt.', '- Về xã hội: ổn định.']);
  });

  it('splits a full stop glued to the next sentence', () => {
    expect(texts('năm 2020.Ngày 9 tháng 7 họp.')).toEqual(['năm 2020.', 'Ngày 9 tháng 7 họp.']);
    expect(texts('Đơn vị TP.HCM báo cáo.')).toHaveLength(1);
  });

  it('trims white space incl. NBSP and zero-width characters, and keeps offsets on NFD and old/new tones', () => {
    const s = '\u00a0\u200bHuyện uỷ họp.\u00a0 Huye\u0302\u0323n ủy kết luận. ';
    const out = splitSentences(s);
    expect(out.map((x) => x.text)).toEqual(['Huyện uỷ họp.', 'Huye\u0302\u0323n ủy kết luận.']);
    for (const x of out) expect(s.slice(x.start, x.end)).toBe(x.text);
  });

  it('returns nothing for empty and blank text', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences(' \n\u00a0\t\r\n ')).toEqual([]);
  });

  it('property: sentences are exact, sorted, non-overlapping, trimmed slices covering every token', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, vnText(120), blankText), (t) => {
        const out = splitSentences(t);
        let prev = 0;
        const covered = new Uint8Array(t.length);
        for (const x of out) {
          expect(x.start).toBeGreaterThanOrEqual(prev);
          expect(x.end).toBeGreaterThan(x.start);
          expect(t.slice(x.start, x.end)).toBe(x.text);
          expect(/^[\s\u200b-\u200d\u2060\ufeff\u00ad]|[\s\u200b-\u200d\u2060\ufeff\u00ad]$/.test(x.text)).toBe(false);
          expect(/[\n\r]/.test(x.text)).toBe(false);
          for (let i = x.start; i < x.end; i++) covered[i] = 1;
          prev = x.end;
        }
        for (let i = 0; i < t.length; i++) if (!/[\s\u200b-\u200d\u2060\ufeff\u00ad]/.test(t[i]!)) expect(covered[i]).toBe(1);
      }),
      { numRuns: 1500 },
    );
  });

  it('completes pathological inputs in linear time', () => {
    for (const c of ['.', '9', 'A', 'a.', 'A.', 'Ảnh: ', '( Ảnh: ', '"', 'A  ', '1. ', '\n', 'TP. ', '… A ']) {
      const s = c.repeat(100_000);
      const t0 = Date.now();
      const out = splitSentences(s);
      expect(Date.now() - t0, JSON.stringify(c)).toBeLessThan(10_000);
      if (out.length) expect(out.at(-1)!.end).toBeLessThanOrEqual(s.length);
    }
    const unit = 'Huyện ủy Quảng Trạch đạt 2.926 tỷ đồng, 45,8% KH. TP. Hồ Chí Minh, v.v. Ảnh: A/TTXVN Năm 2025.\n';
    const big = unit.repeat(Math.ceil(10_000_000 / unit.length));
    const t0 = Date.now();
    const out = splitSentences(big);
    expect(Date.now() - t0).toBeLessThan(30_000);
    expect(out.length).toBeGreaterThan(100_000);
  });

  it('rejects non-string input with VietNlpError', () => {
    for (const bad of [42, null, undefined, {}, ['a']]) {
      try {
        splitSentences(bad as unknown as string);
        throw new Error('did not throw');
      } catch (e) {
        expect(e).toBeInstanceOf(VietNlpError);
        expect((e as VietNlpError).code).toBe('E_INPUT_TYPE');
        expect((e as VietNlpError).message).toMatch(/splitSentences/);
      }
    }
  });
});
