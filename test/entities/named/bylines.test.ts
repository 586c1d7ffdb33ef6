import { describe, expect, it } from 'vitest';
import { createDoc, labelLines } from '../../../src/doc/index.js';
import { tagEntities } from '../../../src/entities/index.js';

// Bylines are read from the layout component's line labels (src/doc/layout.ts). Invented texts.
const BODY = 'Sáng 3-4, hội nghị tổng kết công tác năm diễn ra tại hội trường.';

describe('bylines from the layout labels', () => {
  it('a writer and a long newsroom name on the last line: labelled byline, PERSON + ORGANIZATION', () => {
    const text = `Hội nghị tổng kết năm\n${BODY}\nThanh Tâm - Trung tâm Văn hóa, Thể thao và Truyền thông huyện Bảo Yên`;
    expect(labelLines(createDoc(text))[2]).toBe('byline');
    const ents = tagEntities(text).filter((e) => e.source === 'rule:byline').map((e) => `${e.type}:${e.text}`);
    expect(ents).toEqual(['PERSON:Thanh Tâm', 'ORGANIZATION:Trung tâm Văn hóa, Thể thao và Truyền thông huyện Bảo Yên']);
  });
  it('a name under the headline', () => {
    const text = `Hội nghị tổng kết năm\nTrần Thu Hà\n${BODY}`;
    expect(tagEntities(text).find((e) => e.source === 'rule:byline')?.text).toBe('Trần Thu Hà');
  });
  it('a titled line under the headline that is no name is not a byline person', () => {
    const text = `Hội nghị tổng kết năm\nKết Quả Nổi Bật\n${BODY}`;
    expect(tagEntities(text).filter((e) => e.type === 'PERSON')).toEqual([]);
  });
  it('a body line ending in a sentence is no byline', () => {
    const text = `Hội nghị tổng kết năm\n${BODY}\nMinh Anh - phóng viên thường trú, đã ghi nhận.`;
    expect(labelLines(createDoc(text))[2]).toBe('body');
  });
  it('a run-in byline at the end of the last body line', () => {
    const text = `Hội nghị tổng kết năm\n${BODY} Ngọc Lan`;
    expect(tagEntities(text).find((e) => e.source === 'rule:byline')?.text).toBe('Ngọc Lan');
  });
});
