export { normalize, type NormalizeOptions, type Normalized, type ToneStyle } from './normalize.js';
export { tokenize } from './tokens.js';
export { foldKey, convertTone, stripDiacritics, createFoldCache } from './tone.js';
export { detectLegacyEncoding, convertLegacy, toLegacy, type LegacyEncoding, type LegacyDetection } from './legacy.js';
export { detectLanguage, type LanguageCheck } from './language.js';
export { truecase, caseStretches, type CaseStretch } from './casing.js';
