import type { Token } from '../types.js';

/**
 * What the entity layers share about one document: the text, its tokens, and facts gathered from the whole text
 * (the report's year, its administrative home) that resolve ambiguous mentions. Built once per call.
 */
export interface DocContext {
  readonly text: string;
  readonly tokens: readonly Token[];
}
