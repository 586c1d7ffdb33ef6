// The public API: the only barrel of the package.
export { VietNlpError, isVietNlpError, type VietNlpErrorCode } from './errors.js';
export type { Span, Token, TokenKind, Word, WordKind, Sentence, Entity, EntityType, Official } from './types.js';
export { normalize, tokenize, detectLanguage, foldKey, type NormalizeOptions, type Normalized, type ToneStyle, type LanguageCheck } from './text/index.js';
export { splitSentences } from './sentences/index.js';
export { segment, type SegmentOptions } from './segment/index.js';
export { tagEntities, extractOfficials } from './entities/index.js';
export { summarize, type SummarizeOptions, type Summary, type SummarySentence } from './summarize/index.js';
export { analyze, type Analysis, type AnalyzeOptions } from './analyze/index.js';
