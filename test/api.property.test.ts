// The public contract on any string: every function returns a valid result, every span points into the input as
// given, entities are sorted and non-overlapping, and words cover every non-space character exactly once.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as lib from '../src/index.js';
import { anyText, blankText, vnText } from './text/arbitraries.js';

function checkSpans(text: string, spans: ReadonlyArray<{ text: string; start: number; end: number }>, disjoint: boolean): void {
  let prevEnd = 0;
  for (const s of spans) {
    expect(s.start).toBeGreaterThanOrEqual(0);
    expect(s.end).toBeGreaterThan(s.start);
    expect(s.end).toBeLessThanOrEqual(text.length);
    expect(text.slice(s.start, s.end)).toBe(s.text);
    if (disjoint) expect(s.start).toBeGreaterThanOrEqual(prevEnd);
    prevEnd = s.end;
  }
}

const REPORTISH = fc
  .array(fc.constantFrom('Huyện ủy', 'Quảng Trạch', 'xã Liên Trường', 'Đồng chí', 'Phan Văn Thanh', '-', 'Phó Bí thư TT', 'HU', ',', 'Chủ tịch UBND huyện',
    'đạt', '2.926 tỷ đồng', '45,8%', 'KH', '.', '\n', 'năm 2020', 'Ngày 09-7', 'khóa XXIV', 'lần thứ 25', 'Nghị quyết số 26-NQ/TW', 'hội nghị', 'tỉnh Quảng Bình'), { maxLength: 40 })
  .map((a) => a.join(' '));

describe('public API on arbitrary strings', () => {
  it('segment covers every non-space character exactly once, with exact offsets', () => {
    fc.assert(fc.property(fc.oneof(anyText, vnText(), REPORTISH, blankText), (text) => {
      const words = lib.segment(text);
      checkSpans(text, words, true);
      const covered = new Uint8Array(text.length);
      for (const w of words) for (let i = w.start; i < w.end; i++) covered[i]!++;
      for (let i = 0; i < text.length; i++) if (!/\s/.test(text[i]!)) expect(covered[i]).toBe(1);
    }), { numRuns: 300 });
  });

  it('sentences, entities, officials and summaries are valid spans of the input', () => {
    fc.assert(fc.property(fc.oneof(anyText, vnText(), REPORTISH, blankText), (text) => {
      checkSpans(text, lib.splitSentences(text), true);
      const ents = lib.tagEntities(text);
      checkSpans(text, ents, true);
      for (const e of ents) expect(typeof e.source).toBe('string');
      for (const o of lib.extractOfficials(text)) {
        expect(o.positions.length).toBeGreaterThan(0);
        expect(text.slice(o.start, o.end).normalize('NFC')).toContain(o.person.normalize('NFC').split(' ')[0]!);
      }
      const s = lib.summarize(text);
      checkSpans(text, s.sentences, true);
      expect(typeof s.text).toBe('string');
    }), { numRuns: 200 });
  });

  it('old/new tone placement gives the same words and entities at the same offsets', () => {
    fc.assert(fc.property(REPORTISH, (text) => {
      const newStyle = lib.convertTone(text.normalize('NFC'), 'new');
      const a = lib.tagEntities(text).map((e) => `${e.type}:${e.start}:${e.end}`);
      const b = lib.tagEntities(newStyle).map((e) => `${e.type}:${e.start}:${e.end}`);
      expect(b).toEqual(a);
      expect(lib.segment(newStyle).map((w) => `${w.start}:${w.end}`)).toEqual(lib.segment(text).map((w) => `${w.start}:${w.end}`));
    }), { numRuns: 100 });
  });
});
