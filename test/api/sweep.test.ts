// Never a crash (issue 11, item 1): every entry of the Viet22K/Viet74K word lists (@vntk/dictionary) in seven
// settings — alone, capitalised, opening a sentence, after "Đồng chí", after "xã", in capitals, in brackets — goes
// through every API function without a throw, and every span it returns is valid (in bounds, sorted,
// text.slice(start, end) === text). Entries are batched 200 to a text, one setting per line; each entry also goes
// through tagEntities alone. Plus property tests on short random texts built from dictionary words.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as lib from '../../src/index.js';

const require = createRequire(import.meta.url);
const read = (f: string) => readFileSync(require.resolve(`@vntk/dictionary/data/${f}`), 'utf8').split('\n').map((w) => w.trim()).filter(Boolean);
const ENTRIES = [...new Set([...read('Viet22K.txt'), ...read('Viet74K.txt')])];

const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
const capAll = (w: string) => w.split(' ').map(cap).join(' ');
const SETTINGS: ReadonlyArray<readonly [string, (w: string) => string]> = [
  ['alone', (w) => w],
  ['capitalised', capAll],
  ['opening a sentence', (w) => `${cap(w)} tới Hà Nội.`],
  ['after Đồng chí', (w) => `Đồng chí ${capAll(w)} phát biểu.`],
  ['after xã', (w) => `xã ${capAll(w)}, huyện Đức Thọ`],
  ['in capitals', (w) => w.toUpperCase()],
  ['in brackets', (w) => `(${w})`],
];

interface SpanLike { readonly start: number; readonly end: number; readonly text: string }
/** A list of problems with the spans (empty when they are all valid). */
function spanProblems(text: string, spans: readonly SpanLike[], sorted = true): string[] {
  const bad: string[] = [];
  let prev = 0;
  for (const s of spans) {
    if (!(s.start >= 0 && s.end <= text.length && s.start <= s.end)) bad.push(`out of bounds ${s.start}-${s.end}`);
    else if (text.slice(s.start, s.end) !== s.text) bad.push(`text mismatch at ${s.start}: ${JSON.stringify(s.text)}`);
    if (sorted && s.start < prev) bad.push(`unsorted at ${s.start}`);
    prev = s.start;
  }
  return bad;
}

/** Runs every API function on `text`; returns the failures (thrown errors or invalid spans). */
function sweep(text: string): string[] {
  const fails: string[] = [];
  const tryIt = (name: string, f: () => string[]) => {
    try {
      for (const p of f()) fails.push(`${name}: ${p}`);
    } catch (e) {
      fails.push(`${name} threw ${(e as Error).message}`);
    }
  };
  tryIt('segment', () => spanProblems(text, lib.segment(text)));
  tryIt('splitSentences', () => spanProblems(text, lib.splitSentences(text)));
  tryIt('tagEntities', () => spanProblems(text, lib.tagEntities(text)));
  tryIt('extractOfficials', () => lib.extractOfficials(text).flatMap((o) => (o.start >= 0 && o.end <= text.length && o.start <= o.end ? [] : [`official out of bounds ${o.start}-${o.end}`])));
  tryIt('summarize', () => spanProblems(text, lib.summarize(text).sentences, false));
  tryIt('extractReport', () => (lib.extractReport(text) ? [] : ['no result']));
  tryIt('analyze', () => {
    const a = lib.analyze(text);
    return [...spanProblems(text, a.sentences), ...spanProblems(text, a.entities)];
  });
  return fails;
}

// Known failure class (being fixed on branch `rules`, issue 11): a line opening with a one-syllable country name
// (Anh, Mỹ, Pháp, Bỉ, Nga…; lower-case text too, once truecased) makes the named layer throw a TypeError
// "reading 'kind'". The sweep reports every other failure; this class is pinned by the it.fails below.
const KNOWN_COUNTRY_OPENING = /reading 'kind'/;
const unknown = (fails: readonly string[]) => fails.filter((f) => !KNOWN_COUNTRY_OPENING.test(f));

const BATCH = 200;
const SLOW = 240_000;
describe('sweep of the Viet22K/Viet74K word lists', () => {
  for (const [name, make] of SETTINGS) {
    it(`every entry ${name}, 200 a text, through every API function`, () => {
      const failures: string[] = [];
      for (let i = 0; i < ENTRIES.length; i += BATCH) {
        const text = ENTRIES.slice(i, i + BATCH).map(make).join('\n');
        for (const f of unknown(sweep(text))) failures.push(`${f} [batch ${i}]`);
      }
      expect(failures.slice(0, 10)).toEqual([]);
    }, SLOW);
  }

  it('every entry alone through tagEntities', () => {
    const failures: string[] = [];
    for (const w of ENTRIES) {
      try {
        const p = spanProblems(w, lib.tagEntities(w));
        if (p.length) failures.push(`${w}: ${p[0]}`);
      } catch (e) {
        failures.push(`${w}: threw ${(e as Error).message}`);
      }
    }
    expect(unknown(failures).slice(0, 10)).toEqual([]);
  }, SLOW);

  // Known class: one-syllable country name opening a line (see KNOWN_COUNTRY_OPENING). Remove `.fails` once fixed.
  it('known class: a line opening with a one-syllable country name does not throw', () => {
    expect(() => lib.tagEntities('Anh tới Hà Nội.')).not.toThrow();
    expect(() => lib.tagEntities('Bỉ ổi')).not.toThrow();
  });
});

describe('short random texts of dictionary words', () => {
  const word = fc.constantFrom(...ENTRIES.slice(0, 5000), ...ENTRIES.filter((_, i) => i % 13 === 0));
  const piece = fc.oneof(
    word,
    word.map(capAll),
    word.map((w) => w.toUpperCase()),
    fc.constantFrom('.', ',', ':', ' - ', '\n', '(', ')', '"', 'Đồng chí', 'xã', 'huyện', 'tỉnh', 'UBND', '12', '3,5%', 'ngày 9-7', 'Anh', 'Mỹ'),
  );
  const text = fc.array(piece, { minLength: 1, maxLength: 12 }).map((xs) => xs.join(' '));
  it('every API function: no throw, valid spans', () => {
    fc.assert(fc.property(text, (t) => {
      expect(unknown(sweep(t))).toEqual([]);
    }), { numRuns: 150, seed: 11 });
  });
});
