import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyze, createPosTagger, posTag, segment, tagSegmented, tagWords, VietNlpError } from '../../src/index.js';
import { runTask, TASKS } from '../../src/batch/tasks.js';
import { startServer } from '../../src/service/index.js';
import { cli, ROOT } from '../cli/helpers.js';

const UPOS = ['ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART', 'PRON', 'PROPN', 'PUNCT', 'SCONJ', 'SYM', 'VERB', 'X'];
const A = 'Ngày 09-7, Huyện ủy Quảng Trạch tổ chức hội nghị lần thứ 25. Đồng chí Nguyễn Văn An, Bí thư Huyện ủy, chủ trì.';
const plain = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

function expectCode(fn: () => unknown, code: string): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(VietNlpError);
    expect((e as VietNlpError).code).toBe(code);
    return;
  }
  throw new Error(`expected a VietNlpError ${code}`);
}

describe('posTag(text)', () => {
  it('returns the words of segment, each with a Universal POS tag and an XPOS tag', () => {
    const words = posTag(A);
    const seg = segment(A);
    expect(words.map((w) => [w.text, w.start, w.end, w.kind])).toEqual(seg.map((w) => [w.text, w.start, w.end, w.kind]));
    for (const w of words) {
      expect(A.slice(w.start, w.end)).toBe(w.text);
      expect(UPOS).toContain(w.upos);
      expect(w.xpos).toMatch(/\S/);
    }
  });

  it('tags clear cases of report text', () => {
    const tag = (text: string, word: string): string | undefined => posTag(text).find((w) => w.text === word)?.upos;
    const s = 'Ủy ban nhân dân tỉnh Quảng Bình đã phê duyệt 25 dự án và các công trình của huyện.';
    expect(tag(s, '.')).toBe('PUNCT');
    expect(tag(s, 'Quảng Bình')).toBe('PROPN');
    expect(tag(s, '25')).toBe('NUM');
    expect(tag(s, 'phê duyệt')).toBe('VERB');
    expect(tag(s, 'dự án')).toBe('NOUN');
    expect(tag(s, 'và')).toBe('CCONJ');
    expect(tag(s, 'của')).toBe('ADP');
    expect(posTag(s).find((w) => w.text === '.')?.xpos).toBe('.');
    expect(posTag(s).find((w) => w.text === 'dự án')?.xpos).toBe('N');
  });

  it('gives any string a valid result: the words of segment, tagged', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.constantFrom('', ' ', '\n\n', '...', 'Hà Nội\nngày 5', '“Đ/c” 26-NQ/TW !!')), (text) => {
        const words = posTag(text);
        expect(words.map((w) => `${w.start}:${w.end}`)).toEqual(segment(text).map((w) => `${w.start}:${w.end}`));
        for (const w of words) expect(UPOS).toContain(w.upos);
      }),
      { numRuns: 200 },
    );
  });
});

describe('posTag(words) and tagWords', () => {
  it('tags already segmented words, same length and order', () => {
    const words = ['Tôi', 'nhớ', 'lời', 'anh', 'chủ tịch', 'xã', '.'];
    const out = posTag(words);
    expect(out.map((t) => t.text)).toEqual(words);
    expect(out[out.length - 1]!.upos).toBe('PUNCT');
    expect(out[0]!.upos).toBe('PRON');
    const tags = tagWords(words);
    expect(tags.map((t) => [t.upos, t.xpos])).toEqual(out.map((t) => [t.upos, t.xpos]));
    expect(posTag([])).toEqual([]);
  });

  it('accepts any strings as words, empty ones included', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 12 }), (ws) => {
        const out = tagWords(ws);
        expect(out).toHaveLength(ws.length);
        for (const t of out) expect(UPOS).toContain(t.upos);
      }),
      { numRuns: 200 },
    );
  });

  it('tagSegmented adds the tags to the given words', () => {
    const words = segment(A);
    const tagged = tagSegmented(A, words);
    expect(tagged.map((w) => w.text)).toEqual(words.map((w) => w.text));
    expect(tagged.map((w) => w.upos)).toEqual(posTag(A).map((w) => w.upos));
  });

  it('rejects misuse with VietNlpError', () => {
    expectCode(() => posTag(42 as unknown as string), 'E_INPUT_TYPE');
    expectCode(() => posTag(['a', 3] as unknown as string[]), 'E_INPUT_TYPE');
    expectCode(() => tagWords('abc' as unknown as string[]), 'E_INPUT_TYPE');
    expectCode(() => posTag('a', { bogus: 1 } as never), 'E_UNKNOWN_OPTION');
    expectCode(() => createPosTagger({ dictionary: 'x' as never }), 'E_OPTION_TYPE');
  });
});

describe('createPosTagger', () => {
  it('uses its own dictionary for segmentation and gives the same tags as the default otherwise', () => {
    const t = createPosTagger({ dictionary: ['Khu kinh tế Hòn La'] });
    const words = t.posTag('Khu kinh tế Hòn La phát triển mạnh.');
    expect(words[0]!.text).toBe('Khu kinh tế Hòn La');
    const plainTagger = createPosTagger();
    expect(plainTagger.posTag(A)).toEqual(posTag(A));
    expect(plainTagger.tagWords(['Hà Nội', 'phát triển'])).toEqual(tagWords(['Hà Nội', 'phát triển']));
  });
});

describe('integration', () => {
  it('analyze words carry upos and xpos', () => {
    const a = analyze(A);
    expect(a.words.length).toBeGreaterThan(0);
    expect(a.words.map((w) => w.upos)).toEqual(posTag(A).map((w) => w.upos));
    for (const w of a.words) expect(w.xpos).toBeTypeOf('string');
  });

  it('is a task of the CLI, the HTTP service and the batch API', async () => {
    expect(TASKS).toContain('pos');
    expect(plain(runTask('pos', A))).toEqual(plain(posTag(A)));
    const r = await cli(['pos', '--format', 'text'], A);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n').filter((l) => !l.startsWith('== ')); // without the '== id ==' header
    expect(lines).toHaveLength(2); // one line per sentence
    const expected = posTag(A).map((w) => `${w.text.replace(/\s+/g, '_')}/${w.xpos}`);
    expect(lines.join(' ').split(' ')).toEqual(expected);
    const s = await startServer({ port: 0, host: '127.0.0.1' });
    try {
      const res = await fetch(`${s.url}/pos`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: A }) });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { result: unknown }).result).toEqual(plain(posTag(A)));
    } finally {
      await s.close();
    }
  });

  it('segment alone never reads the tagging model (lazy loading), posTag does', () => {
    const dist = join(ROOT, 'dist', 'index.js');
    expect(existsSync(dist)).toBe(true); // `npm test` builds first
    const code = `import fs from 'node:fs'; import { syncBuiltinESMExports } from 'node:module';
      const seen = []; const orig = fs.readFileSync;
      fs.readFileSync = (p, ...r) => { seen.push(String(p)); return orig(p, ...r); }; syncBuiltinESMExports();
      const v = await import(${JSON.stringify(pathToFileURL(dist).href)});
      v.segment('Huyện ủy Quảng Trạch họp.'); const a = seen.some((p) => /(^|[\\\\/])pos-[^\\\\/]*$/.test(p));
      v.posTag('Huyện ủy Quảng Trạch họp.'); const b = seen.some((p) => p.includes('pos-model')) && seen.some((p) => p.includes('pos-clusters'));
      console.log(JSON.stringify([a, b]));`;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' });
    expect(JSON.parse(out.trim())).toEqual([false, true]);
  });
});
