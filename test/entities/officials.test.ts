import { describe, expect, it } from 'vitest';
import { officialsFromEntities } from '../../src/entities/officials.js';
import { VietNlpError } from '../../src/errors.js';
import type { Entity, EntityType } from '../../src/types.js';

const TYPES: Record<string, EntityType> = { PER: 'PERSON', POS: 'POSITION', ORG: 'ORGANIZATION', DIS: 'DISTRICT', PRO: 'PROVINCE', COM: 'COMMUNE' };

/** "[PER Lò Văn Pháo] - [POS Bí thư HU]" → text + entities with offsets. `form` rewrites the plain text (NFD …). */
function doc(markup: string, form: (s: string) => string = (s) => s): { text: string; entities: Entity[] } {
  let text = '';
  const entities: Entity[] = [];
  const re = /\[(PER|POS|ORG|DIS|PRO|COM) ([^\]]+)\]/g;
  let last = 0;
  for (const m of markup.matchAll(re)) {
    text += form(markup.slice(last, m.index));
    const surface = form(m[2]!);
    entities.push({ type: TYPES[m[1]!]!, text: surface, start: text.length, end: text.length + surface.length, source: 'test' });
    text += surface;
    last = m.index! + m[0].length;
  }
  text += form(markup.slice(last));
  return { text, entities };
}

function officials(markup: string, form?: (s: string) => string) {
  const { text, entities } = doc(markup, form);
  return officialsFromEntities(text, entities);
}

function pairs(markup: string): Record<string, string[]> {
  return Object.fromEntries(officials(markup).map((o) => [o.person, o.positions]));
}

describe('officialsFromEntities: attachment patterns', () => {
  it('apposition with a dash, then a comma chain', () => {
    expect(pairs('Đồng chí [PER Hồ Minh Quân] - [POS Phó Bí thư TT HU], [POS Chủ tịch HĐND huyện] chủ trì hội nghị.')).toEqual({
      'Hồ Minh Quân': ['Phó Bí thư Thường trực Huyện ủy', 'Chủ tịch Hội đồng nhân dân huyện'],
    });
  });

  it('chained titles of two people joined by và', () => {
    const r = pairs(
      'Đồng chí [PER Cầm Văn Lả], [POS Ủy viên BTV Tỉnh ủy], [POS Bí thư Huyện ủy] và đồng chí [PER Lò Thị Mai], [POS Phó Bí thư Huyện ủy], [POS Chủ tịch UBND huyện] đồng chủ trì.',
    );
    expect(r).toEqual({
      'Cầm Văn Lả': ['Ủy viên Ban Thường vụ Tỉnh ủy', 'Bí thư Huyện ủy'],
      'Lò Thị Mai': ['Phó Bí thư Huyện ủy', 'Chủ tịch Ủy ban nhân dân huyện'],
    });
  });

  it('people separated by semicolons and a dash closing the apposition', () => {
    const r = pairs('Dự có ông [PER Đào Văn Sinh] - [POS trưởng Ban tuyên giáo Tỉnh ủy Sơn La] - cho biết; đồng chí [PER Vì Văn Hiếu], [POS Giám đốc Sở Nội vụ].');
    expect(r).toEqual({ 'Đào Văn Sinh': ['Trưởng Ban Tuyên giáo Tỉnh ủy Sơn La'], 'Vì Văn Hiếu': ['Giám đốc Sở Nội vụ'] });
  });

  it('a title right before the name, and a title before the next name is not the previous person’s', () => {
    const r = pairs('[POS Tổng Bí thư] [PER Lê Minh An], [POS Chủ tịch nước] [PER Phạm Hữu Lộc], [POS Ủy viên Bộ Chính trị] dự hội nghị.');
    expect(r).toEqual({ 'Lê Minh An': ['Tổng Bí thư'], 'Phạm Hữu Lộc': ['Chủ tịch nước', 'Ủy viên Bộ Chính trị'] });
  });

  it('đồng chí and a rank between the title and the name', () => {
    expect(pairs('Kết luận, đồng chí [POS Bí thư Huyện uỷ] [PER Quàng Văn Nọi] yêu cầu.')).toEqual({ 'Quàng Văn Nọi': ['Bí thư Huyện ủy'] });
    expect(pairs('[POS Bộ trưởng Bộ Quốc phòng], Đại tướng [PER Trịnh Văn Tú] phát biểu.')).toEqual({ 'Trịnh Văn Tú': ['Bộ trưởng Bộ Quốc phòng'] });
    expect(pairs('Thượng tướng [PER Trịnh Văn Tú], [POS Thứ trưởng Bộ Quốc phòng] dự.')).toEqual({ 'Trịnh Văn Tú': ['Thứ trưởng Bộ Quốc phòng'] });
  });

  it('title, comma and đồng chí before the name', () => {
    expect(pairs('Phát biểu tại hội nghị, [POS Bí thư Tỉnh ủy], đồng chí [PER Hoàng Văn Chất] nhấn mạnh.')).toEqual({ 'Hoàng Văn Chất': ['Bí thư Tỉnh ủy'] });
  });

  it('giữ chức / được bầu làm, with coordinated subjects', () => {
    const r = pairs(
      'Đồng chí [PER Mùa A Páo] tiếp tục được bầu giữ chức [POS Bí thư Đảng ủy xã]; các đồng chí [PER Giàng A Tủa] và [PER Sồng Thị Dua] được bầu làm [POS Phó Bí thư Đảng ủy xã].',
    );
    expect(r).toEqual({ 'Mùa A Páo': ['Bí thư Đảng ủy xã'], 'Giàng A Tủa': ['Phó Bí thư Đảng ủy xã'], 'Sồng Thị Dua': ['Phó Bí thư Đảng ủy xã'] });
    expect(pairs('Các đồng chí [PER Giàng A Tủa], [PER Sồng Thị Dua] được bầu giữ chức [POS Phó Bí thư ĐU xã].')).toEqual({
      'Giàng A Tủa': ['Phó Bí thư Đảng ủy xã'],
      'Sồng Thị Dua': ['Phó Bí thư Đảng ủy xã'],
    });
  });

  it('a subject across other entities, and the person named after a leading verb phrase', () => {
    expect(pairs('Ông [PER Bạc Cầm Khiêm], [POS Thứ trưởng Bộ Nội vụ] được chỉ định tham gia [ORG Ban Chấp hành], giữ chức [POS Phó Bí thư Tỉnh ủy Điện Biên].')).toEqual({
      'Bạc Cầm Khiêm': ['Thứ trưởng Bộ Nội vụ', 'Phó Bí thư Tỉnh ủy Điện Biên'],
    });
    expect(pairs('Sau khi được bầu giữ chức [POS Bí thư Huyện ủy], đồng chí [PER Lường Văn Ân] phát biểu nhận nhiệm vụ.')).toEqual({ 'Lường Văn Ân': ['Bí thư Huyện ủy'] });
  });

  it('được bổ nhiệm / là with a short reference, merged into the full name', () => {
    const os = officials('Ông [PER Nguyễn Văn Khoa], [POS Phó Chủ tịch UBND tỉnh] dự. Năm 2015, ông [PER Khoa] được bổ nhiệm [POS Giám đốc Sở Tài chính]. Trước đó ông [PER Khoa] là đại tá [POS Chỉ huy trưởng Bộ Chỉ huy quân sự tỉnh].');
    expect(os).toHaveLength(1);
    expect(os[0]!.person).toBe('Nguyễn Văn Khoa');
    expect(os[0]!.positions).toEqual(['Phó Chủ tịch Ủy ban nhân dân tỉnh', 'Giám đốc Sở Tài chính', 'Chỉ huy trưởng Bộ Chỉ huy quân sự tỉnh']);
    expect(os[0]!.start).toBe(4);
    expect(os[0]!.end).toBe(4 + 'Nguyễn Văn Khoa'.length);
  });

  it('a bare ông after the name refers to the last person named', () => {
    expect(pairs('Ông [PER Trần Quốc Hưng], [POS Phó Bí thư Tỉnh ủy] sinh năm 1970. Năm 2021, ông tái đắc cử chức danh [POS Chủ tịch UBND tỉnh Lai Châu khoá XV].')).toEqual({
      'Trần Quốc Hưng': ['Phó Bí thư Tỉnh ủy', 'Chủ tịch Ủy ban nhân dân tỉnh Lai Châu khóa XV'],
    });
  });

  it('a plural "các đồng chí" is not a reference to the last person', () => {
    expect(pairs('Ông [PER Trần Quốc Hưng] phát biểu. Các đồng chí trong [ORG Ban Thường vụ] được phân công giữ chức [POS Trưởng Ban Chỉ đạo].')).toEqual({});
  });

  it('a short reference resolves to the last full name ending in it', () => {
    const r = pairs('Ông [PER Vũ Đình Hải] dự. [POS Bí thư Thành ủy Hải Dương] [PER Lê Trung Hải] chủ trì. Ông [PER Hải] được bầu giữ chức [POS Trưởng Đoàn ĐBQH tỉnh].');
    expect(r).toEqual({ 'Lê Trung Hải': ['Bí thư Thành ủy Hải Dương', 'Trưởng Đoàn đại biểu Quốc hội tỉnh'] });
  });
});

describe('officialsFromEntities: what is not an official post', () => {
  it('proposed or planned posts are not listed', () => {
    expect(pairs('Giới thiệu ông [PER Lê Hữu Tình] làm [POS Bí thư Tỉnh ủy Sơn La].')).toEqual({});
    expect(pairs('[ORG Tỉnh ủy] giới thiệu đồng chí [PER Lê Hữu Tình] để bầu giữ chức [POS Chủ tịch UBND tỉnh].')).toEqual({});
    expect(pairs('Ông [PER Lê Hữu Tình], [POS Phó Chủ tịch UBND tỉnh] được giới thiệu cho chức danh [POS bí thư tỉnh ủy].')).toEqual({
      'Lê Hữu Tình': ['Phó Chủ tịch Ủy ban nhân dân tỉnh'],
    });
  });

  it('offices without a holder, bylines and lone names give nothing', () => {
    expect(pairs('Thực hiện chỉ đạo của [POS Thủ tướng Chính phủ], [ORG UBND huyện] đã triển khai.')).toEqual({});
    expect(pairs('[PER Thu Hà] - [ORG VPHU]')).toEqual({});
    expect(pairs('Ông [PER Lê Văn Nhất] cho biết.')).toEqual({});
    expect(officialsFromEntities('', [])).toEqual([]);
  });

  it('throws VietNlpError for a non-string text', () => {
    expect(() => officialsFromEntities(null as unknown as string, [])).toThrow(VietNlpError);
  });
});

describe('officialsFromEntities: positions', () => {
  it('lists each office once, in its most specific written form', () => {
    const r = pairs(
      '[POS Bí thư Thành uỷ TP. Cần Thơ] [PER Đỗ Thanh Tùng] khai mạc. [POS Bí thư] [PER Đỗ Thanh Tùng] nhấn mạnh. [POS bí thư Thành ủy] [PER Đỗ Thanh Tùng] kết luận.',
    );
    expect(r).toEqual({ 'Đỗ Thanh Tùng': ['Bí thư Thành ủy Thành phố Cần Thơ'] });
    expect(pairs('Ông [PER Đỗ Thanh Tùng], [POS Chủ tịch huyện] dự. Ông [PER Tùng], [POS Chủ tịch UBND huyện] phát biểu.')).toEqual({
      'Đỗ Thanh Tùng': ['Chủ tịch Ủy ban nhân dân huyện'],
    });
  });

  it('keeps different offices that share words (Thường trực)', () => {
    const r = pairs('Đồng chí [PER Lý Thị Vui], [POS Phó Bí thư TT ĐU xã] dự. Đồng chí [PER Lý Thị Vui] được bầu giữ chức [POS Phó Bí thư Đảng ủy xã].');
    expect(r).toEqual({ 'Lý Thị Vui': ['Phó Bí thư Thường trực Đảng ủy xã', 'Phó Bí thư Đảng ủy xã'] });
  });

  it('capitalises office words and unifies tone placement', () => {
    expect(pairs('ông [PER Võ Văn Hoà], [POS phó chủ tịch thường trực UBND tỉnh], [POS uỷ viên Trung ương Đảng] dự.')).toEqual({
      'Võ Văn Hoà': ['Phó Chủ tịch Thường trực Ủy ban nhân dân tỉnh', 'Ủy viên Trung ương Đảng'],
    });
  });

  it('gives the same officials for NFD input and new tone placement, with offsets into the text as given', () => {
    const markup = 'Đồng chí [PER Nguyễn Thị Thuỷ] - [POS Phó Bí thư TT Huyện uỷ], [POS Chủ tịch HĐND huyện] chủ trì.';
    const nfd = doc(markup, (s) => s.normalize('NFD'));
    const a = officialsFromEntities(nfd.text, nfd.entities);
    const b = officials(markup);
    const c = officials(markup.replace(/uỷ/g, 'ủy'));
    expect(a.map((o) => o.positions)).toEqual(b.map((o) => o.positions));
    expect(c.map((o) => o.positions)).toEqual(b.map((o) => o.positions));
    expect(a[0]!.positions).toEqual(['Phó Bí thư Thường trực Huyện ủy', 'Chủ tịch Hội đồng nhân dân huyện']);
    expect(a[0]!.person).toBe('Nguyễn Thị Thuỷ'.normalize('NFC'));
    expect(nfd.text.slice(a[0]!.start, a[0]!.end)).toBe('Nguyễn Thị Thuỷ'.normalize('NFD'));
  });
});

describe('officialsFromEntities: organization', () => {
  it('is the body of all positions, with the place from the text', () => {
    const os = officials('[ORG Huyện ủy Mai Sơn] tổ chức hội nghị. Đồng chí [PER Lò Văn Hặc] - [POS Phó Bí thư TT Huyện ủy] chủ trì.');
    expect(os[0]!.organization).toBe('Huyện ủy Mai Sơn');
    const os2 = officials('Hội nghị tại [DIS huyện Mai Sơn]. Đồng chí [PER Lò Văn Hặc], [POS Ủy viên Ban Thường vụ], [POS Trưởng Ban Dân vận Huyện ủy] dự.');
    expect(os2[0]!.organization).toBe('Huyện ủy Mai Sơn');
  });

  it('is absent when the positions belong to two bodies', () => {
    const os = officials('[ORG Huyện ủy Mai Sơn] họp. Đồng chí [PER Lò Văn Hặc], [POS Phó Bí thư HU], [POS Chủ tịch UBND huyện] dự.');
    expect(os[0]!.organization).toBeUndefined();
  });
});

describe('officialsFromEntities: robustness', () => {
  it('stays fast on a long repetitive input', () => {
    const unit = 'Đồng chí [PER Lê Văn A], [POS Bí thư Huyện ủy], [POS Chủ tịch HĐND huyện]; ông [PER A] được bầu giữ chức [POS Bí thư]. ';
    const { text, entities } = doc(unit.repeat(2000));
    const t0 = Date.now();
    const os = officialsFromEntities(text, entities);
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(os).toHaveLength(1);
    expect(os[0]!.positions).toEqual(['Bí thư Huyện ủy', 'Chủ tịch Hội đồng nhân dân huyện']);
  });

  it('ignores entities with offsets outside the text', () => {
    expect(officialsFromEntities('abc', [{ type: 'PERSON', text: 'x', start: 5, end: 9, source: 't' }])).toEqual([]);
  });
});

describe('officialsFromEntities: abbreviated titles and any input', () => {
  it('expands abbreviated titles in internal reports', () => {
    expect(pairs('Đ/c [PER Lường Thị Hoa] - [POS TUV], [POS Bí thư HU] phát biểu.')).toEqual({ 'Lường Thị Hoa': ['Tỉnh ủy viên', 'Bí thư Huyện ủy'] });
  });

  it('never throws on random entity layers', async () => {
    const fc = await import('fast-check');
    const types: EntityType[] = ['PERSON', 'POSITION', 'ORGANIZATION', 'DISTRICT', 'DATE'];
    fc.assert(
      fc.property(
        fc.string({ maxLength: 200 }),
        fc.array(fc.record({ a: fc.nat(220), b: fc.nat(40), t: fc.constantFrom(...types) }), { maxLength: 30 }),
        (text, raw) => {
          const entities = raw.map(({ a, b, t }) => ({ type: t, start: a, end: a + b, text: text.slice(a, a + b), source: 'fuzz' }));
          const os = officialsFromEntities(text, entities);
          for (const o of os) {
            expect(o.positions.length).toBeGreaterThan(0);
            expect(o.start).toBeLessThan(o.end);
            expect(o.end).toBeLessThanOrEqual(text.length);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
