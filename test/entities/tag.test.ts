import { describe, expect, it } from 'vitest';
import { createTagger, extractOfficials, tagEntities } from '../../src/entities/index.js';
import { convertTone } from '../../src/text/tone.js';
import type { Entity } from '../../src/types.js';

// Sentences written for these tests (invented names, other provinces than the dev gold).
const REPORT = [
  'Ngày 12/3/2024, Huyện ủy Nghĩa Đàn tổ chức Hội nghị Ban Chấp hành Đảng bộ huyện lần thứ 18, khóa XXIV.',
  'Đồng chí Trần Văn Lâm, Tỉnh ủy viên, Bí thư Huyện ủy chủ trì hội nghị.',
  'Dự hội nghị có đồng chí Lê Thị Hương, Phó Bí thư TT Huyện ủy, Chủ tịch HĐND huyện.',
  'Hội nghị quán triệt Nghị quyết số 18-NQ/TW của Bộ Chính trị và Chỉ thị 05-CT/TW.',
  'Vùng bãi ven sông Lam ở thôn Tân Định được quy hoạch trồng rau.',
  'Sản phẩm được xuất khẩu sang Nhật Bản và Hàn Quốc.',
  'Minh Anh - VPHU',
].join('\n');

const of = (ents: Entity[], type: string): string[] => ents.filter((e) => e.type === type).map((e) => e.text);

function checkFlat(text: string, ents: Entity[]): void {
  let last = 0;
  for (const e of ents) {
    expect(text.slice(e.start, e.end)).toBe(e.text);
    expect(e.start).toBeGreaterThanOrEqual(last);
    expect(e.end).toBeGreaterThan(e.start);
    expect(typeof e.source).toBe('string');
    last = e.end;
  }
}

describe('tagEntities', () => {
  const ents = tagEntities(REPORT);

  it('returns a flat, sorted, non-overlapping list with exact offsets', () => {
    checkFlat(REPORT, ents);
  });

  it('tags persons by name only', () => {
    expect(of(ents, 'PERSON')).toEqual(expect.arrayContaining(['Trần Văn Lâm', 'Lê Thị Hương', 'Minh Anh']));
    expect(of(ents, 'PERSON').some((p) => /đồng chí/i.test(p))).toBe(false);
  });

  it('tags positions with their body and each title of a chain separately', () => {
    expect(of(ents, 'POSITION')).toEqual(
      expect.arrayContaining(['Tỉnh ủy viên', 'Bí thư Huyện ủy', 'Phó Bí thư TT Huyện ủy', 'Chủ tịch HĐND huyện']),
    );
    const tt = ents.find((e) => e.text === 'Phó Bí thư TT Huyện ủy');
    expect(tt?.normalized ?? '').toContain('Thường trực');
  });

  it('tags organisations with their place, events with ordinal and term, documents with their number', () => {
    expect(of(ents, 'ORGANIZATION')).toEqual(expect.arrayContaining(['Huyện ủy Nghĩa Đàn', 'Bộ Chính trị', 'VPHU']));
    expect(of(ents, 'EVENT')).toEqual(['Hội nghị Ban Chấp hành Đảng bộ huyện lần thứ 18, khóa XXIV']);
    expect(of(ents, 'DOCUMENT')).toEqual(['Nghị quyết số 18-NQ/TW', 'Chỉ thị 05-CT/TW']);
  });

  it('tags other named places', () => {
    expect(of(ents, 'LOCATION')).toEqual(['sông Lam', 'thôn Tân Định', 'Nhật Bản', 'Hàn Quốc']);
  });

  it('keeps the outermost span (rule 1): nothing inside a position or an organisation', () => {
    const text = 'Đồng chí Hoàng Văn Nam, Chủ tịch UBND huyện Quảng Trạch, làm việc với Huyện ủy Quảng Trạch.';
    const es = tagEntities(text);
    checkFlat(text, es);
    expect(of(es, 'POSITION')).toEqual(['Chủ tịch UBND huyện Quảng Trạch']);
    expect(of(es, 'ORGANIZATION')).toEqual(['Huyện ủy Quảng Trạch']);
    expect(es.some((e) => e.type === 'DISTRICT' || e.type === 'PROVINCE')).toBe(false);
  });

  it('puts a date inside an event name into the event', () => {
    const text = 'Đại hội đại biểu Đảng bộ huyện lần thứ XXV, nhiệm kỳ 2020 - 2025 thành công tốt đẹp.';
    const es = tagEntities(text);
    expect(es.map((e) => `${e.type}:${e.text}`)).toEqual(['EVENT:Đại hội đại biểu Đảng bộ huyện lần thứ XXV, nhiệm kỳ 2020 - 2025']);
  });

  it('does not tag generic mentions', () => {
    const text = 'Các Ban của Huyện ủy, các đoàn thể và các cấp ủy đảng tập trung xây dựng Đảng; huyện đã hoàn thành kế hoạch.';
    const es = tagEntities(text);
    expect(es.map((e) => e.text)).toEqual(['Huyện ủy']);
  });

  it('never tags "năm 2020" as a place or "Quảng Trạch" as a person', () => {
    const text = 'Năm 2020, Quảng Trạch có 18 xã đạt chuẩn. Trong năm 2020, huyện Quảng Trạch tiếp tục phát triển.';
    const es = tagEntities(text);
    expect(es.some((e) => e.type === 'LOCATION' && /2020/.test(e.text))).toBe(false);
    expect(es.some((e) => e.type === 'PERSON')).toBe(false);
  });

  it('tags short references and titles before names', () => {
    const text = 'Bí thư Tỉnh ủy Nguyễn Văn Hòa phát biểu. Theo ông Hòa, tỉnh cần đẩy mạnh chuyển đổi số.';
    const es = tagEntities(text);
    expect(of(es, 'POSITION')).toEqual(['Bí thư Tỉnh ủy']);
    expect(of(es, 'PERSON')).toEqual(['Nguyễn Văn Hòa', 'Hòa']);
  });

  it('tags congress documents, laws and resolutions named after a congress', () => {
    const text = 'Báo cáo chính trị bám sát Nghị quyết Đại hội XIII của Đảng và Luật Đất đai năm 2024.';
    const es = tagEntities(text);
    expect(of(es, 'DOCUMENT')).toEqual(['Báo cáo chính trị', 'Nghị quyết Đại hội XIII của Đảng', 'Luật Đất đai năm 2024']);
  });

  it('splits a run-in byline into person and organisation', () => {
    const text = 'Hội nghị kết thúc tốt đẹp.\nThu Hà - Ban Tuyên giáo Huyện ủy Yên Thành';
    const es = tagEntities(text);
    expect(es.slice(-2).map((e) => `${e.type}:${e.text}`)).toEqual(['PERSON:Thu Hà', 'ORGANIZATION:Ban Tuyên giáo Huyện ủy Yên Thành']);
  });

  it('gives the same entities on NFD input, either tone placement and NBSP, with offsets into the given text', () => {
    const key = (es: Entity[]) => es.map((e) => `${e.type}:${e.start}:${e.end}`);
    const base = key(ents);
    for (const variant of [REPORT.normalize('NFD'), convertTone(REPORT, 'new'), convertTone(REPORT, 'old')]) {
      const es = tagEntities(variant);
      checkFlat(variant, es);
      if (variant.length === REPORT.length) expect(key(es)).toEqual(base);
      else expect(es.map((e) => e.type)).toEqual(ents.map((e) => e.type));
    }
    const nbsp = REPORT.replace(/Trần Văn Lâm/, 'Trần\u00a0Văn\u00a0Lâm').replace(/ Huyện ủy Nghĩa/, '\u00a0Huyện ủy Nghĩa');
    const es = tagEntities(nbsp);
    checkFlat(nbsp, es);
    expect(key(es)).toEqual(base);
  });

  it('handles odd input and rejects non-strings', () => {
    expect(tagEntities('')).toEqual([]);
    expect(tagEntities('   \n  ')).toEqual([]);
    expect(() => tagEntities(42 as unknown as string)).toThrow();
    const long = 'Huyện ủy Nguyễn '.repeat(5000) + 'Hội nghị lần thứ '.repeat(5000);
    const t0 = Date.now();
    checkFlat(long, tagEntities(long));
    expect(Date.now() - t0).toBeLessThan(20_000);
  });
});

describe('createTagger', () => {
  it('adds per-instance dictionaries without changing the default tagger', () => {
    const text = 'Hợp tác xã Quyết Thắng đạt doanh thu cao; Khu sinh thái Tràng An đón khách.';
    const tagger = createTagger({ dictionaries: { organizations: { 'Hợp tác xã Quyết Thắng': 'national' }, locations: { 'Khu sinh thái Tràng An': 'fixed' } } });
    const es = tagger.tagEntities(text);
    expect(of(es, 'ORGANIZATION')).toContain('Hợp tác xã Quyết Thắng');
    expect(of(es, 'LOCATION')).toContain('Khu sinh thái Tràng An');
    expect(of(tagEntities(text), 'LOCATION')).not.toContain('Khu sinh thái Tràng An');
  });

  it('rejects unknown options', () => {
    expect(() => createTagger({ nope: 1 } as never)).toThrow();
  });
});

describe('extractOfficials', () => {
  it('returns an array for any text', () => {
    expect(Array.isArray(extractOfficials(REPORT))).toBe(true);
    expect(() => extractOfficials(null as unknown as string)).toThrow();
  });
});

describe('tagEntities: words that only look like names', () => {
  it('does not take parts of common words for places or documents', () => {
    const text = 'Hội Luật gia tuyên truyền Pháp luật; hội nghị yêu cầu Tiểu ban hoàn thành đề án.';
    const es = tagEntities(text);
    expect(es.some((e) => e.type === 'LOCATION' || e.type === 'DOCUMENT')).toBe(false);
  });

  it('does not read a place after a title as a person', () => {
    const text = 'Phó Chủ tịch UBND tỉnh Nghệ An Hoàng Nghĩa Hiếu dự họp.';
    const es = tagEntities(text);
    expect(of(es, 'POSITION')).toEqual(['Phó Chủ tịch UBND tỉnh Nghệ An']);
    expect(of(es, 'PERSON')).toEqual(['Hoàng Nghĩa Hiếu']);
  });
});
