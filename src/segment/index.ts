import { assertText } from '../errors.js';
import { tokenize } from '../text/tokens.js';
import type { Word, WordKind, TokenKind } from '../types.js';

export interface SegmentOptions {
  dictionary?: Iterable<string>;
}

const KIND: Record<TokenKind, WordKind> = {
  syllable: 'word', number: 'number', percent: 'number', abbreviation: 'abbreviation', roman: 'number', code: 'abbreviation',
  unit: 'word', url: 'other', email: 'other', punctuation: 'punctuation', symbol: 'symbol', emoji: 'symbol', other: 'other',
};

/**
 * STUB (foundation): one word per token.
 * @example
 * ```ts
 * segment('Huyện ủy Quảng Trạch').map((w) => w.text);
 * ```
 */
export function segment(text: string, _options?: SegmentOptions): Word[] {
  assertText(text, 'segment');
  return tokenize(text).map((t) => ({ text: t.text, start: t.start, end: t.end, kind: KIND[t.kind] }));
}
