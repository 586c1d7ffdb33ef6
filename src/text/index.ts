export { normalize, type NormalizeOptions, type Normalized, type ToneStyle } from './normalize.js';
export { tokenize, isWordToken, looksLikeSyllable } from './tokens.js';
export { foldKey, convertTone, stripDiacritics, createFoldCache } from './tone.js';
export { detectLanguage, type LanguageCheck } from './language.js';
