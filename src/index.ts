// The public API: the only barrel of the package.
export { VietNlpError, isVietNlpError, ERROR_CODES, type VietNlpErrorCode } from './errors.js';
export type {
  Span, Token, TokenKind, Word, WordKind, Sentence, Entity, EntityType, EntityOf, EntityValues, Official,
  MoneyValue, PercentValue, QuantityValue, DateValue, DatePoint, DateRange, DatePeriod, DateQuarter,
  AdminUnitValue, AdminRef, AdminLevel, AdminEra, AdminChange,
} from './types.js';
export { createDoc, createVocab, runPipeline, LAYERS, type Doc, type DocSpan, type DocLayers, type DocOptions, type LineLabel, type Vocab, type Component, type Components, type LayerName } from './doc/index.js';
export {
  normalize, tokenize, detectLanguage, foldKey, convertTone, detectLegacyEncoding, convertLegacy, toLegacy,
  type NormalizeOptions, type Normalized, type ToneStyle, type LanguageCheck, type LegacyEncoding, type LegacyDetection,
} from './text/index.js';
export { splitSentences } from './sentences/index.js';
export { segment, createSegmenter, segmentTokens, toUnderscore, type SegmentOptions, type Segmenter } from './segment/index.js';
export {
  posTag, createPosTagger, tagWords, tagSegmented,
  type PosTagger, type PosTagOptions, type PosTag, type TaggedWord, type TaggedToken, type UposTag,
} from './pos/index.js';
export { tagEntities, extractOfficials, createTagger, type Tagger, type TaggerOptions, type ExtraDictionaries, type TokenPattern, type PatternElement, type TokenClass } from './entities/index.js';
export {
  summarize, extractReport, type SummarizeOptions, type Summary, type SummarySentence,
  type Report, type ReportField, type ReportMeeting, type ReportPerson, type ReportResult, type ReportTask, type ReportPlace, type ReportValue,
} from './summarize/index.js';
export { analyze, type Analysis, type AnalyzeOptions } from './analyze/index.js';
export {
  analyzeMany, processMany, TASKS,
  type BatchOptions, type BatchItem, type BatchOutcome, type TaskName, type TaskResults,
} from './batch/index.js';
export { render, renderMany, type RenderOptions, type RenderInput, type RenderItem } from './render/index.js';
