import { assertText } from '../errors.js';
import { splitSentences } from '../sentences/index.js';

export interface SummarizeOptions { sentences?: number; ratio?: number }
export interface SummarySentence { index: number; text: string; start: number; end: number; score: number }
export interface Summary { sentences: SummarySentence[]; text: string }

/** STUB (foundation): lead sentences. */
export function summarize(text: string, options?: SummarizeOptions): Summary {
  assertText(text, 'summarize');
  const k = options?.sentences ?? 3;
  const sents = splitSentences(text).slice(0, k).map((s, index) => ({ ...s, index, score: 1 }));
  return { sentences: sents, text: sents.map((s) => s.text).join(' ') };
}
