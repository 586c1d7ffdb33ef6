import { describe, expect, it } from 'vitest';
import { VietNlpError } from '../../src/errors.js';
import { convertTone, createFoldCache, foldKey, stripDiacritics } from '../../src/text/tone.js';
import { tokenize } from '../../src/text/tokens.js';

const codeOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(VietNlpError);
    return (e as VietNlpError).code;
  }
  return 'none';
};

describe('tone helpers', () => {
  it('fold old/new placement, case, NFD, Ð and white space to one key', () => {
    expect(foldKey('HUYỆN  UỶ')).toBe('huyện ủy');
    expect(foldKey('Huyện ủy'.normalize('NFD'))).toBe('huyện ủy');
    expect(foldKey('\u00d0à\u200b Nẵng')).toBe('đà nẵng');
    expect(createFoldCache()('Uỷ')).toBe('ủy');
    expect(convertTone('Huyện uỷ, hoà bình, quý', 'old')).toBe('Huyện ủy, hòa bình, quý');
    expect(stripDiacritics('Quảng Trạch, Đắk Lắk')).toBe('Quang Trach, Dak Lak');
  });

  it('reject non-string input and bad styles with VietNlpError', () => {
    expect(codeOf(() => foldKey(1 as unknown as string))).toBe('E_INPUT_TYPE');
    expect(codeOf(() => stripDiacritics(null as unknown as string))).toBe('E_INPUT_TYPE');
    expect(codeOf(() => convertTone([] as unknown as string, 'old'))).toBe('E_INPUT_TYPE');
    expect(codeOf(() => convertTone('x', 'keep' as 'old'))).toBe('E_OPTION_VALUE');
    expect(codeOf(() => tokenize({} as unknown as string))).toBe('E_INPUT_TYPE');
  });
});
