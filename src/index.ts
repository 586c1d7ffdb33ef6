// The public API: the only barrel of the package.
export { VietNlpError, isVietNlpError, type VietNlpErrorCode } from './errors.js';
export type { Span, Token, TokenKind, Word, WordKind, Sentence, Entity, EntityType, Official } from './types.js';
export {
  normalize, tokenize, detectLanguage, foldKey, convertTone, detectLegacyEncoding, convertLegacy, toLegacy,
  type NormalizeOptions, type Normalized, type ToneStyle, type LanguageCheck, type LegacyEncoding, type LegacyDetection,
} from './text/index.js';
export { splitSentences } from './sentences/index.js';
export { segment, createSegmenter, segmentTokens, toUnderscore, type SegmentOptions, type Segmenter } from './segment/index.js';
export { tagEntities, extractOfficials, createTagger, type Tagger, type TaggerOptions, type ExtraDictionaries } from './entities/index.js';
export {
  summarize, extractReport, type SummarizeOptions, type Summary, type SummarySentence,
  type Report, type ReportField, type ReportMeeting, type ReportPerson, type ReportResult, type ReportTask, type ReportPlace,
} from './summarize/index.js';
export { analyze, type Analysis, type AnalyzeOptions } from './analyze/index.js';
export {
  analyzeMany, processMany, TASKS,
  type BatchOptions, type BatchItem, type BatchOutcome, type TaskName,
} from './batch/index.js';
export { createServer, startServer, type ServiceOptions, type Service, type RunningService } from './service/index.js';
export { render, renderMany, type RenderOptions, type RenderInput, type RenderItem } from './render/index.js';
