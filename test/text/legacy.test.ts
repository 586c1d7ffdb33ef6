import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VietNlpError } from '../../src/errors.js';
import { convertLegacy, detectLegacyEncoding, toLegacy } from '../../src/text/legacy.js';

const SENTENCES = [
  'Huyện ủy Quảng Trạch tổ chức Hội nghị lần thứ 25 để đánh giá kết quả thực hiện nhiệm vụ 6 tháng đầu năm 2020.',
  'Tổng giá trị sản xuất ước đạt 2.926 tỷ đồng, tăng 6,5% so với cùng kỳ; thu ngân sách đạt 45,8% kế hoạch.',
  'Đồng chí Nguyễn Văn Hùng, Phó Bí thư Thường trực Huyện ủy, Chủ tịch HĐND huyện chủ trì hội nghị.',
  'Những người được khen thưởng đã có nhiều đóng góp cho sự nghiệp xây dựng quê hương, đất nước.',
  'Quốc phòng, an ninh được giữ vững; công tác xây dựng Đảng và hệ thống chính trị tiếp tục được quan tâm.',
  'ĐẢNG CỘNG SẢN VIỆT NAM — BÁO CÁO KẾT QUẢ LÃNH ĐẠO, CHỈ ĐẠO THỰC HIỆN NHIỆM VỤ CHÍNH TRỊ',
  'Khuya, thuyền về bến; người dân xã Quảng Phương ưu tiên trồng lúa, khoai, sắn và nuôi trồng thủy sản.',
];

describe('legacy encodings', () => {
  it('round-trips Unicode sentences through VNI', () => {
    for (const s of SENTENCES) {
      const vni = toLegacy(s, 'vni');
      expect(vni).not.toBe(s);
      expect(detectLegacyEncoding(vni).encoding).toBe('vni');
      expect(convertLegacy(vni)).toBe(s);
      expect(convertLegacy(vni, 'vni')).toBe(s);
    }
  });

  it('round-trips Unicode sentences through TCVN3 (no capital toned vowels in TCVN3 except in all-capital words)', () => {
    for (const s of SENTENCES) {
      const t = toLegacy(s, 'tcvn3');
      expect(t).not.toBe(s);
      expect(detectLegacyEncoding(t).encoding).toBe('tcvn3');
      expect(convertLegacy(t)).toBe(s);
    }
    // A capital toned vowel in a capitalised word comes back lower case: the font, not the text, made it a capital.
    expect(convertLegacy(toLegacy('Ủy ban nhân dân tỉnh', 'tcvn3'), 'tcvn3')).toBe('ủy ban nhân dân tỉnh');
  });

  it('decodes hand-written mojibake samples', () => {
    expect(convertLegacy('HuyÖn ñy Qu¶ng Tr¹ch')).toBe('Huyện ủy Quảng Trạch');
    expect(convertLegacy('Huyeän uûy Quaûng Traïch')).toBe('Huyện ủy Quảng Trạch');
    expect(convertLegacy('Hueän uûy')).toBe('Huện ủy');
    expect(convertLegacy('§¶ng bé x· Qu¶ng Ph­¬ng ®· ®¹t ®­îc nhiÒu kÕt qu¶ quan träng.')).toBe('Đảng bộ xã Quảng Phương đã đạt được nhiều kết quả quan trọng.');
    expect(convertLegacy('Ñaûng boä xaõ Quaûng Phöông ñaõ ñaït ñöôïc nhieàu keát quaû quan troïng.')).toBe('Đảng bộ xã Quảng Phương đã đạt được nhiều kết quả quan trọng.');
    expect(convertLegacy('UÛY BAN NHAÂN DAÂN TÆNH QUAÛNG BÌNH')).toBe('ỦY BAN NHÂN DÂN TỈNH QUẢNG BÌNH');
    expect(convertLegacy('UBND TØNH QU¶NG B×NH')).toBe('UBND TỈNH QUẢNG BÌNH');
  });

  it('detects Unicode and non-Vietnamese text and leaves it as NFC', () => {
    expect(detectLegacyEncoding('Huyện ủy Quảng Trạch')).toEqual({ encoding: 'unicode', confidence: 1 });
    expect(detectLegacyEncoding('Ông có và là ở đây').encoding).toBe('unicode');
    expect(detectLegacyEncoding('Hello world').encoding).toBe('unknown');
    expect(detectLegacyEncoding('Les élèves ont été très contents à Noël, où ça?').encoding).toBe('unknown');
    expect(detectLegacyEncoding('Der Bürgermeister hat größere Pläne für Köln und München.').encoding).toBe('unknown');
    expect(detectLegacyEncoding('')).toEqual({ encoding: 'unknown', confidence: 0 });
    const nfd = 'Huyện ủy'.normalize('NFD');
    expect(detectLegacyEncoding(nfd).encoding).toBe('unicode');
    expect(convertLegacy(nfd)).toBe('Huyện ủy');
    expect(convertLegacy('Les élèves à Noël')).toBe('Les élèves à Noël');
  });

  it('property: any Vietnamese letter string round-trips through VNI; conversion never throws', () => {
    const letters = fc
      .array(fc.constantFrom(...'aàảãáạăằẳẵắặâầẩẫấậđeèẻẽéẹêềểễếệiìỉĩíịoòỏõóọôồổỗốộơờởỡớợuùủũúụưừửữứựyỳỷỹýỵ bcdghklmnpqrstvx'.split('')), { maxLength: 40 })
      .map((a) => a.join(''));
    fc.assert(
      fc.property(letters, (s) => {
        expect(convertLegacy(toLegacy(s, 'vni'), 'vni')).toBe(s);
        expect(convertLegacy(toLegacy(s, 'tcvn3'), 'tcvn3')).toBe(s);
        expect(convertLegacy(toLegacy(s.toUpperCase(), 'vni'), 'vni')).toBe(s.toUpperCase());
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 50 }), (s) => {
        expect(typeof convertLegacy(s)).toBe('string');
        const d = detectLegacyEncoding(s);
        expect(d.confidence).toBeGreaterThanOrEqual(0);
        expect(d.confidence).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('is linear on large input', () => {
    const big = toLegacy(SENTENCES.join(' '), 'vni').repeat(5000);
    const t0 = Date.now();
    const out = convertLegacy(big);
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(out.startsWith('Huyện ủy')).toBe(true);
  });

  it('rejects bad input and options with VietNlpError', () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(VietNlpError);
        return [(e as VietNlpError).code, (e as Error).message];
      }
      throw new Error('did not throw');
    };
    expect(code(() => detectLegacyEncoding(1 as unknown as string))[0]).toBe('E_INPUT_TYPE');
    expect(code(() => convertLegacy(undefined as unknown as string))[0]).toBe('E_INPUT_TYPE');
    const [c, msg] = code(() => convertLegacy('x', 'abc' as 'vni'));
    expect(c).toBe('E_OPTION_VALUE');
    expect(msg).toMatch(/"abc"/);
    expect(msg).toMatch(/"auto", "tcvn3", "vni"/);
    expect(code(() => toLegacy('x', 'viqr' as 'vni'))[0]).toBe('E_OPTION_VALUE');
    expect(code(() => toLegacy(null as unknown as string, 'vni'))[0]).toBe('E_INPUT_TYPE');
  });
});
