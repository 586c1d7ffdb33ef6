import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/text/language.js';
import { VietNlpError } from '../../src/errors.js';

describe('detectLanguage', () => {
  it('recognises Vietnamese, short snippets and NFD input included', () => {
    for (const t of ['Huyện ủy Quảng Trạch triển khai nhiệm vụ 6 tháng cuối năm', 'Ngày mai trời mưa', 'Hà Nội', 'Huyện ủy họp'.normalize('NFD')]) {
      expect(detectLanguage(t)).toMatchObject({ language: 'vie', isVietnamese: true });
    }
  });
  it('flags other languages, also those that share accented letters with Vietnamese', () => {
    expect(detectLanguage('The provincial committee met on Monday to review the plan for next year.')).toMatchObject({ language: 'eng', isVietnamese: false });
    expect(detectLanguage("Le comité régional a présenté à la réunion générale les résultats économiques très élevés de l'année dernière.").isVietnamese).toBe(false);
    expect(detectLanguage('O comitê regional apresentou à reunião geral os resultados econômicos muito elevados do ano passado.').isVietnamese).toBe(false);
  });
  it('gives a valid answer for empty and symbol-only strings and throws on non-strings', () => {
    expect(detectLanguage('').language).toBe('und');
    expect(detectLanguage('12 345 !!! 😀').vietnameseLetterShare).toBe(0);
    expect(() => detectLanguage(null as never)).toThrow(VietNlpError);
  });
});
