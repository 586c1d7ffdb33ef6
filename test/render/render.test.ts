import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, extractOfficials, render, renderMany, tagEntities, VietNlpError } from '../../src/index.js';

const SAMPLE = readFileSync(join(import.meta.dirname, '..', '..', 'examples', 'data', 'sample-report.txt'), 'utf8');
const PLANTED = `<script>alert(1)</script> "><img src=x onerror=alert(2)> '><b onmouseover='alert(3)'>`;

/** The marks of the text box: `TYPE@start-end` of every head mark. */
const marks = (html: string): string[] =>
  [...html.matchAll(/<mark class="ent [^"]*" data-type="([^"]+)" data-start="(\d+)" data-end="(\d+)" data-label/g)].map((m) => `${m[1]}@${m[2]}-${m[3]}`);

/** Undoes the escaping of the text box and drops its tags: what a browser shows as its text. */
const shown = (html: string): string => {
  const box = /<div class="text" id="text" lang="vi">([\s\S]*?)<\/div><\/section>/.exec(html)![1]!;
  return box
    .replace(/<[^>]*>/g, '')
    .replace(/&#13;/g, '\r')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
};

describe('render', () => {
  it('marks every entity of tagEntities in place, in order, with type and offsets', () => {
    const html = render(SAMPLE);
    const expected = tagEntities(SAMPLE).map((e) => `${e.type}@${e.start}-${e.end}`);
    expect(expected.length).toBeGreaterThan(20);
    expect(marks(html)).toEqual(expected);
    expect(shown(html)).toBe(SAMPLE);
  });

  it('is one self-contained document: inline style, no script, no external reference', () => {
    const html = render(SAMPLE);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/<script|<link|<img|\bsrc=|@import|url\(/i);
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('marks and lists the summary sentences, and shows officials and the report digest', () => {
    const a = analyze(SAMPLE);
    const html = render(a);
    const heads = [...html.matchAll(/<span class="sum head" id="s(\d+)" data-summary="(\d+)" data-rank="\d+" data-start="(\d+)" data-end="(\d+)">/g)];
    expect(heads.map((m) => `${m[2]}@${m[3]}-${m[4]}`)).toEqual(a.summary.sentences.map((s) => `${s.index}@${s.start}-${s.end}`));
    for (const s of a.summary.sentences) expect(html).toContain(`<li><a href="#s${s.index}">`);
    const rows = /<table class="officials">[\s\S]*?<\/table>/.exec(html)![0];
    expect(rows.match(/<tr><td>/g)).toHaveLength(extractOfficials(SAMPLE).length);
    for (const o of a.officials) expect(rows).toContain(`<td>${o.person}</td>`);
    expect(html).toContain('<h3>Meeting</h3><dl class="meeting">');
    expect(html).toMatch(/<table class="results">[\s\S]*<td class="num">3\.145,6 tỷ đồng<\/td>/);
    expect(html).toContain('<h3>Tasks ahead</h3><ul class="tasks">');
  });

  it('marks the posts an official no longer holds', () => {
    const text = 'Ông Lê Văn Bình, nguyên Bí thư Tỉnh ủy, dự hội nghị.';
    const a = analyze(text);
    const o = a.officials.find((x) => x.person === 'Lê Văn Bình');
    expect(o?.former?.length).toBeGreaterThan(0);
    const rows = /<table class="officials">[\s\S]*?<\/table>/.exec(render(a))![0];
    for (const p of o!.former!) expect(rows).toContain(`${p} <small class="former">(former)</small>`);
    expect(/<table class="officials">[\s\S]*?<\/table>/.exec(render(SAMPLE))![0]).not.toContain('(former)');
  });

  it('puts the normalized form, the unit code, era and 2025 successor in the tooltip', () => {
    const html = render('Chủ tịch UBND huyện Quảng Trạch về thăm xã Liên Trường, huyện Quảng Trạch, tỉnh Quảng Bình năm 2020.');
    expect(html).toMatch(/data-tip="POSITION\nnormalized: Chủ tịch Ủy ban nhân dân huyện/);
    const commune = /data-type="COMMUNE"[^>]*data-tip="([^"]*)"/.exec(html)![1]!;
    expect(commune).toMatch(/unit: xã Liên Trường · code \d{5} · pre-2025/);
    expect(commune).toMatch(/since 2025: xã \S+/);
  });

  it('escapes planted markup everywhere: text, title, summary list, tables', () => {
    const text = `${PLANTED}\nNgày 09-7, Huyện ủy Quảng Trạch tổ chức hội nghị ${PLANTED}. Đồng chí Nguyễn Văn An, Bí thư Huyện ủy, chủ trì.\r\n`;
    const html = render(text);
    expect(html).not.toMatch(/<script|<img|<b |onerror=alert\(2\)>|'alert/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(html).toContain('<title>vietnlp · &lt;script&gt;');
    expect(shown(html)).toBe(text);
    expect(render(text, { title: '</title><script>x</script>' })).toContain('<title>&lt;/title&gt;&lt;script&gt;x&lt;/script&gt;</title>');
  });

  it('gives a valid page for any string: empty, spaces, symbols only, a lone surrogate', () => {
    for (const t of ['', '   ', '<<>>&&', '\ud800 x', 'a\r\nb\rc']) {
      const html = render(t);
      expect(html).toContain('<div class="text" id="text" lang="vi">');
      expect(shown(html)).toBe(t);
    }
  });

  it('checks that a given analysis belongs to its text', () => {
    const a = analyze('Xã Quảng Hợp tổ chức hội nghị.');
    expect(() => render({ ...a, text: 'Một văn bản khác hẳn, dài hơn nhiều so với văn bản gốc.' })).toThrow(/entities\[0\]\.text .* is not the text at/);
    expect(() => render({ ...a, text: 'ngắn' })).toThrow(/not within the text \(length 4\)/);
    expect(() => render({ text: 'abc', entities: [{ type: 'PERSON', text: 'b', start: 1, end: 2, source: 'x' }] })).not.toThrow();
    expect(marks(render({ text: 'abc', entities: [{ type: 'PERSON', text: 'b', start: 1, end: 2, source: 'x' }] }))).toEqual(['PERSON@1-2']);
  });

  it('throws VietNlpError for misuse: a non-text input, unknown or mistyped options', () => {
    const codes = (f: () => unknown): string | undefined => {
      try {
        f();
      } catch (e) {
        return e instanceof VietNlpError ? e.code : 'other';
      }
      return undefined;
    };
    expect(codes(() => render(42 as unknown as string))).toBe('E_INPUT_TYPE');
    expect(codes(() => render({} as unknown as string))).toBe('E_INPUT_TYPE');
    expect(codes(() => render('x', { colour: 1 } as never))).toBe('E_UNKNOWN_OPTION');
    expect(codes(() => render('x', { title: 3 } as never))).toBe('E_OPTION_TYPE');
    expect(codes(() => render('x', { labels: 'no' } as never))).toBe('E_OPTION_TYPE');
  });

  it('renders several documents as one page with an index and prefixed, unique ids', () => {
    const html = renderMany([
      { id: 'a.txt', input: analyze(SAMPLE) },
      { id: '<b>.txt', error: 'invalid UTF-8' },
      { id: 'c.txt', input: 'Xã Quảng Hợp tổ chức hội nghị.' },
    ]);
    expect(html).toContain('<li><a href="#d1-doc">a.txt</a>');
    expect(html).toContain('&lt;b&gt;.txt: <span class="error">failed: invalid UTF-8</span>');
    expect(html).toContain('id="d3-doc"');
    const ids = [...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
