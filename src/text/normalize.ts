import { assertText, checkChoice, checkOptions } from '../errors.js';
import { convertTone } from './tone.js';

export type ToneStyle = 'old' | 'new' | 'keep';
export interface NormalizeOptions {
  /** Tone-mark placement: 'old' (hòa, ủy, thủy), 'new' (hoà, uỷ, thuỷ) or 'keep' (default). */
  tone?: ToneStyle;
}
export interface Normalized {
  readonly text: string;
  /** Maps an offset in the normalised text back to the original text. */
  toOriginal(offset: number): number;
}

const TONES: readonly ToneStyle[] = ['old', 'new', 'keep'];

/**
 * STUB (foundation): NFC + tone placement, with an offset map back to the original.
 * @example
 * ```ts
 * normalize('Huyện uỷ', { tone: 'old' }).text; // 'Huyện ủy'
 * ```
 */
export function normalize(text: string, options?: NormalizeOptions): Normalized {
  assertText(text, 'normalize');
  const opts = checkOptions<NormalizeOptions>(options, 'normalize', ['tone']);
  const tone = opts.tone === undefined ? 'keep' : checkChoice(opts.tone, 'normalize', 'tone', TONES);
  let out = text.normalize('NFC');
  if (tone !== 'keep') out = convertTone(out, tone);
  return { text: out, toOriginal: (o: number) => o };
}
