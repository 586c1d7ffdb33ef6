import { franc } from 'franc-min';
import { assertText } from '../errors.js';

export interface LanguageCheck {
  /** ISO 639-3 code from franc (`vie`, `eng`, …) or `und` when the text is too short to tell. */
  readonly language: string;
  /** True when the text is Vietnamese, or too short to say it is not. Non-Vietnamese text is still processed. */
  readonly isVietnamese: boolean;
  /** Share of letter syllables that carry Vietnamese-only letters or tone marks (0..1), a cheap second opinion. */
  readonly vietnameseLetterShare: number;
}

const VI_CHARS = /[ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ]/iu;
const VI_ONLY = /[ăđơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹĩũ]/iu;
const SAMPLE = 4000;
const FRANC_SAMPLE = 2000;

/**
 * Tells whether a text is Vietnamese, with franc (trigram language identification) on a sample of the text plus
 * the share of syllables with Vietnamese letters. Never throws on a string; flags rather than rejects.
 *
 * @example
 * ```ts
 * detectLanguage('Huyện ủy Quảng Trạch triển khai nhiệm vụ').isVietnamese; // true
 * detectLanguage('The committee met on Monday to review the plan.').language; // 'eng'
 * ```
 */
export function detectLanguage(text: string): LanguageCheck {
  assertText(text, 'detectLanguage');
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  const words = sample.normalize('NFC').match(/\p{L}+/gu) ?? [];
  const vi = words.filter((w) => VI_CHARS.test(w)).length;
  const share = words.length ? vi / words.length : 0;
  // Letters no other language written in Latin script uses (ă ơ ư đ, dot-below and hook-above tones): when a fifth
  // of the words carry them the text is Vietnamese, and franc (the costly part) is not needed.
  const viOnly = words.filter((w) => VI_ONLY.test(w)).length;
  if (words.length && viOnly / words.length >= 0.2) return { language: 'vie', isVietnamese: true, vietnameseLetterShare: share };
  const language = franc(sample.length > FRANC_SAMPLE ? sample.slice(0, FRANC_SAMPLE) : sample, { minLength: 10 });
  // franc can confuse short Vietnamese snippets; Vietnamese-only letters settle those (accented letters shared with
  // French or Portuguese do not).
  const viOnlyShare = words.length ? viOnly / words.length : 0;
  const isVietnamese = language === 'vie' || (language === 'und' && (words.length < 3 || viOnlyShare > 0.1));
  return { language: isVietnamese && language === 'und' && viOnly > 0 ? 'vie' : language, isVietnamese, vietnameseLetterShare: share };
}
