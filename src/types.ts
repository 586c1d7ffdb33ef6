/** A `[start, end)` span of UTF-16 code units into the ORIGINAL input: `input.slice(start, end) === text`. */
export interface Span {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** Kinds of the token (syllable) layer produced by `tokenize`. */
export type TokenKind =
  | 'syllable' // a run of letters (with combining marks and inner apostrophes): "Huyện", "ủy", "H'Linh"
  | 'number' // 2.926, 45,8, 1.329,9, 09-7, 15/12/2025, 03, 2020
  | 'percent' // 45,8% (number + % as one token)
  | 'abbreviation' // UBND, HĐND, TP.HCM, TP., PGS.TS, v.v.
  | 'roman' // XXIV, XIII (standing alone)
  | 'code' // 26-NQ/TW, 05-CTr/ĐU, Covid-19, A1
  | 'unit' // tạ/ha, km2 …  (a unit with a slash, when written as one)
  | 'url'
  | 'email'
  | 'punctuation' // . , ; : ! ? … " “ ” ( ) [ ] - – —
  | 'symbol' // % & + = / @ # $ € ₫ and other symbols
  | 'emoji'
  | 'other';

/** One token of the syllable layer. Every non-space character of the input is in exactly one token. */
export interface Token extends Span {
  readonly kind: TokenKind;
}

/** Kinds of `segment` output words (public API). */
export type WordKind = 'word' | 'name' | 'number' | 'abbreviation' | 'punctuation' | 'symbol' | 'other';

/** A word of `segment`'s output: one or more tokens joined. */
export interface Word extends Span {
  readonly kind: WordKind;
  /** Universal POS tag: set by `posTag` and `analyze` (not by `segment`). */
  readonly upos?: string;
  /** UD Vietnamese-VTB XPOS tag: set by `posTag` and `analyze` (not by `segment`). */
  readonly xpos?: string;
}

/** A sentence of `splitSentences`. */
export interface Sentence extends Span {}

export type EntityType =
  | 'PERSON'
  | 'POSITION'
  | 'ORGANIZATION'
  | 'PROVINCE'
  | 'DISTRICT'
  | 'COMMUNE'
  | 'LOCATION'
  | 'EVENT'
  | 'DOCUMENT'
  | 'DATE'
  | 'MONEY'
  | 'PERCENT'
  | 'QUANTITY';

/** One entity of the flat layer (sorted, non-overlapping). */
export interface Entity extends Span {
  readonly type: EntityType;
  /** Abbreviations expanded, tone placement unified (old style: ủy, hòa, thủy, khóa). Present when it differs. */
  readonly normalized?: string;
  /** Parsed value: measures (numbers, units, dates) or the linked administrative unit. */
  readonly value?: unknown;
  /** PERCENT only: the "of plan" tail (`kế hoạch`, `dự toán tỉnh giao`). */
  readonly of?: string;
  /** Which rule, dictionary or model produced it, e.g. `rule:money`, `gazetteer:commune`. */
  readonly source: string;
}

/** An official: a person with the positions the text gives them. */
export interface Official {
  readonly person: string;
  readonly positions: string[];
  readonly organization?: string;
  readonly start: number;
  readonly end: number;
}
