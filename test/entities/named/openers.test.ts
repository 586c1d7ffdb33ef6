import { describe, expect, it } from 'vitest';
import { tagEntities } from '../../../src/entities/index.js';

// Issue 11: a line opening with a one-syllable country name (Anh, Mỹ, Pháp …) made the location rule read the
// token before the first one of the line (index -1) and throw a TypeError.
const OPENERS = ['Anh', 'Mỹ', 'Pháp', 'Nga', 'Lào', 'Đức', 'Úc', 'Bỉ', 'Ý', 'Nhật', 'Hàn', 'Cuba'];

describe('one-syllable country names opening a line', () => {
  for (const w of OPENERS) {
    for (const text of [`${w} tới Hà Nội.`, `Tin trong nước.\n${w} và Việt Nam ký kết.`, `${w}`, `${w}, ${w} và ${w}.`]) {
      it(JSON.stringify(text), () => {
        const ents = tagEntities(text);
        for (const e of ents) expect(text.slice(e.start, e.end)).toBe(e.text);
      });
    }
  }
  it('still tags the country when it is not the first word of a sentence', () => {
    expect(tagEntities('Đoàn công tác đã sang Pháp và Nga.').filter((e) => e.type === 'LOCATION').map((e) => e.text)).toEqual(['Pháp', 'Nga']);
  });
});
