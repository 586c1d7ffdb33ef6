import { describe, expect, it } from 'vitest';
import { createDoc, labelLines, runPipeline, layoutComponent } from '../../src/doc/index.js';

describe('layout', () => {
  it('labels headline, subtitle, body, list items, captions, credits and bylines once per line', () => {
    const text = [
      'Huyện ủy A sơ kết 6 tháng đầu năm',
      'Nhiều chỉ tiêu vượt kế hoạch',
      'Ngày 9-7, Huyện ủy A tổ chức hội nghị sơ kết.',
      '- Thu ngân sách đạt 12 tỷ đồng;',
      '1. Tập trung phát triển sản xuất.',
      'Quang cảnh hội nghị',
      'Ảnh: Trí Dũng/TTXVN',
      'Hội nghị thống nhất các nhiệm vụ. Ảnh: Thu Hà',
      'THU HÀ',
    ].join('\n');
    expect(labelLines(createDoc(text))).toEqual(['headline', 'subtitle', 'body', 'list', 'list', 'caption', 'credit', 'caption', 'byline']);
  });

  it('takes a name under the headline as its byline, and a lone paragraph as body', () => {
    expect(labelLines(createDoc('Hội nghị sơ kết\nHoàng Ngọc - VPHU\nNgày 9-7, hội nghị diễn ra.'))).toEqual(['headline', 'byline', 'body']);
    expect(labelLines(createDoc('Ngày 9-7, hội nghị diễn ra'))).toEqual(['body']);
    expect(labelLines(createDoc(''))).toEqual([]);
  });

  it('runs as the layout component, one label per line id', () => {
    const doc = runPipeline(createDoc('Tiêu đề ngắn\nNội dung bài viết.'), { layout: layoutComponent }, ['layout']);
    expect(doc.layers.lineLabels).toEqual(['headline', 'body']);
    expect(doc.ran.has('layout')).toBe(true);
  });
});
