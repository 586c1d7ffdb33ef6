import { describe, expect, it } from 'vitest';
import { extractOfficials, tagEntities } from '../../src/entities/index.js';

// Sentences written for these tests (invented names).
const spans = (text: string, type: string): string[] => tagEntities(text).filter((e) => e.type === type).map((e) => e.text);

describe('long office titles', () => {
  it('takes a steering committee named by what it steers, in the plural, with its level', () => {
    const text = 'Đồng chí Trần Minh Khoa, Phó Chủ tịch UBND tỉnh, Trưởng Ban Chỉ đạo các Chương trình MTQG tỉnh phát biểu.';
    expect(spans(text, 'POSITION')).toContain('Trưởng Ban Chỉ đạo các Chương trình MTQG tỉnh');
    expect(extractOfficials(text)[0]?.positions).toContain('Trưởng Ban Chỉ đạo các Chương trình mục tiêu quốc gia tỉnh');
  });
  it('gives a title that ends in its organ the organ name (Phó Chánh Văn phòng Điều phối …)', () => {
    const text = 'Tham dự có bà Lò Thị Mai, Phó Chánh Văn phòng Điều phối NTM huyện.';
    expect(spans(text, 'POSITION')).toEqual(['Phó Chánh Văn phòng Điều phối NTM huyện']);
    expect(spans(text, 'ORGANIZATION')).toEqual([]);
    expect(extractOfficials(text)).toEqual([
      expect.objectContaining({ person: 'Lò Thị Mai', positions: ['Phó Chánh Văn phòng Điều phối nông thôn mới huyện'] }),
    ]);
  });
  it('continues a capitalised name word with a verb syllable only when they form one word', () => {
    expect(spans('Văn phòng Điều phối NTM tỉnh phối hợp với Sở Tài chính.', 'ORGANIZATION')).toEqual([
      'Văn phòng Điều phối NTM tỉnh',
      'Sở Tài chính',
    ]);
  });
});

describe('byline under the headline', () => {
  it('tags a name alone on the line after the headline', () => {
    const text = 'Hải Hà: Tổng kết công tác năm 2025\n\nPhạm Thu Trang\n\nSáng 20/12/2025, Huyện ủy tổ chức hội nghị.';
    expect(spans(text, 'PERSON')).toEqual(['Phạm Thu Trang']);
  });
  it('does not take a place or a title line there', () => {
    expect(spans('Tin vắn trong ngày\nQuảng Ninh\nSáng nay, tỉnh tổ chức hội nghị.', 'PERSON')).toEqual([]);
    expect(spans('Tin vắn trong ngày\nBan Tuyên giáo\nSáng nay, Ban tổ chức hội nghị.', 'PERSON')).toEqual([]);
  });
});
