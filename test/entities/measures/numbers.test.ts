import { describe, expect, it } from 'vitest';
import { parseRoman, parseVietNumber } from '../../../src/entities/measures/numbers.js';

describe('parseVietNumber', () => {
  it('reads the thousand dot and the decimal comma', () => {
    expect(parseVietNumber('1.329,9')).toBe(1329.9);
    expect(parseVietNumber('2.926')).toBe(2926);
    expect(parseVietNumber('45,8')).toBe(45.8);
    expect(parseVietNumber('1.000.000')).toBe(1_000_000);
    expect(parseVietNumber('09')).toBe(9);
    expect(parseVietNumber('0,82')).toBe(0.82);
  });
  it('reads spelled-out numbers', () => {
    expect(parseVietNumber('hai')).toBe(2);
    expect(parseVietNumber('mười')).toBe(10);
    expect(parseVietNumber('mười hai')).toBe(12);
    expect(parseVietNumber('hai mươi lăm')).toBe(25);
    expect(parseVietNumber('ba trăm')).toBe(300);
    expect(parseVietNumber('một trăm linh năm')).toBe(105);
    expect(parseVietNumber('hai nghìn')).toBe(2000);
    expect(parseVietNumber('Ba mươi')).toBe(30);
    expect(parseVietNumber('hai triệu rưỡi')).toBe(2_500_000);
  });
  it('applies scale words after digits', () => {
    expect(parseVietNumber('73,7 triệu')).toBe(73_700_000);
    expect(parseVietNumber('2.926 tỷ')).toBe(2_926_000_000_000); // 2.926 = 2926 (thousand dot): 2926 tỷ
    expect(parseVietNumber('2 nghìn tỷ')).toBe(2e12);
  });
  it('gives undefined for anything that is not a number', () => {
    expect(parseVietNumber('')).toBeUndefined();
    expect(parseVietNumber('Quảng Trạch')).toBeUndefined();
    expect(parseVietNumber('hai ba')).toBeUndefined();
    expect(parseVietNumber('26-NQ/TW')).toBeUndefined();
    expect(parseVietNumber(42 as unknown as string)).toBeUndefined();
  });
  it('handles NFD input and old/new tone placement alike', () => {
    expect(parseVietNumber('hai mươi lăm'.normalize('NFD'))).toBe(25);
    expect(parseVietNumber('tỷ')).toBe(1e9);
    expect(parseVietNumber('tỉ')).toBe(1e9);
  });
});

describe('parseRoman', () => {
  it('parses valid numerals, any case', () => {
    expect(parseRoman('IV')).toBe(4);
    expect(parseRoman('XXIV')).toBe(24);
    expect(parseRoman('XXVIII')).toBe(28);
    expect(parseRoman('xiii')).toBe(13);
    expect(parseRoman('MMXXV')).toBe(2025);
  });
  it('rejects anything else', () => {
    expect(parseRoman('IIII')).toBeUndefined();
    expect(parseRoman('quý')).toBeUndefined();
    expect(parseRoman('')).toBeUndefined();
  });
});
