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

/** MONEY value: an amount (`2.926 tỷ đồng` → `{ amount: 2926000000000, currency: 'VND' }`) or a range (`from`, `to`). */
export interface MoneyValue {
  /** ISO 4217 code (`VND`, `USD`); a bare `tỷ` is VND. */
  readonly currency: string;
  readonly amount?: number;
  readonly from?: number;
  readonly to?: number;
  /** Rate denominators written after the span (`450 triệu đồng/ha/năm` → `'ha/năm'`); the tail stays outside the span. */
  readonly per?: string;
}

/** PERCENT value: `45,8%` → `{ value: 45.8 }`; `10 - 11%` → `{ from: 10, to: 11 }`. */
export interface PercentValue {
  readonly value?: number;
  readonly from?: number;
  readonly to?: number;
  /** Rate denominator after the `%` (`2,8%/năm` → `'năm'`), outside the span. */
  readonly per?: string;
}

/** QUANTITY value: `{ value, unit }`, `{ value, total, unit }` for ratios (`91/91 cán bộ`), `{ unit, from, to }` for ranges. */
export interface QuantityValue {
  readonly unit: string;
  readonly value?: number;
  readonly total?: number;
  readonly from?: number;
  readonly to?: number;
  /** Rate denominators written after the span (`1.200 người/năm` → `'năm'`), outside the span. A unit written with its
   * slash as one token (`58,3 tạ/ha`) stays the `unit`. */
  readonly per?: string;
}

/** A calendar point: `09-7` → `{ day: 9, month: 7, year: 2020, yearInferred: true }`. */
export interface DatePoint {
  readonly year?: number;
  readonly month?: number;
  readonly day?: number;
  readonly yearInferred?: boolean;
  readonly lunar?: boolean;
}

/**
 * A date range: `nhiệm kỳ 2020 - 2025` → `{ from: { year: 2020 }, to: { year: 2025 }, kind: 'term' }`; a day range
 * is one DATE whose first day takes the month and year written on the second (`14 đến ngày 16-10-2025`,
 * `20 và 21-4` → `{ from: { day: 20, month: 4 }, to: { day: 21, month: 4 }, kind: 'range' }`).
 */
export interface DateRange {
  readonly from: DateValue | number;
  readonly to: DateValue | number;
  readonly kind?: 'term' | 'stage' | 'vision' | 'range';
  readonly years?: number;
  readonly months?: number;
  readonly period?: string;
  readonly yearInferred?: boolean;
}

/** A named period: `6 tháng cuối năm 2020` → `{ period: 'H2', months: 6, year: 2020 }`. */
export interface DatePeriod {
  /** `H1`/`H2`, `first`, `last`, `past`, `next`, `rest`, `start`/`middle`/`end`. */
  readonly period: string;
  readonly months?: number;
  readonly years?: number;
  readonly year?: number;
  readonly of?: 'term';
  readonly yearInferred?: boolean;
}

/** A quarter: `quý IV` → `{ quarter: 4 }`. */
export interface DateQuarter {
  readonly quarter: number;
  readonly year?: number;
  readonly yearInferred?: boolean;
}

/** DATE value: a point, a range, a named period or a quarter (tell them apart with `'from' in v`, `'period' in v` …). */
export type DateValue = DatePoint | DateRange | DatePeriod | DateQuarter;

/** Administrative level of a unit. Districts exist only before 1 July 2025. */
export type AdminLevel = 'province' | 'district' | 'commune';
/** Before or after the 1 July 2025 reorganisation (63 → 34 provinces, district level removed). */
export type AdminEra = 'pre-2025' | 'post-2025';
/** How an old unit became a new one. */
export type AdminChange = 'renamed' | 'merged' | 'divided' | 'unchanged';

/** A unit as referenced from another unit (parent, successor, predecessor). */
export interface AdminRef {
  readonly code: string;
  readonly name: string;
  readonly type: string;
}

/** PROVINCE / DISTRICT / COMMUNE value: the official unit the mention links to. */
export interface AdminUnitValue extends AdminRef {
  readonly level: AdminLevel;
  readonly era: AdminEra;
  readonly parents: { readonly district?: AdminRef; readonly province?: AdminRef };
  /** pre-2025 units: the unit it became part of (the first one when it was divided). */
  readonly successor?: AdminRef & { readonly level: AdminLevel; readonly era: 'post-2025'; readonly province?: AdminRef; readonly change: AdminChange };
  /** post-2025 units: the units it was formed from. */
  readonly predecessors?: ReadonlyArray<AdminRef & { readonly level: AdminLevel; readonly era: 'pre-2025'; readonly district?: string; readonly province?: string; readonly change: AdminChange }>;
}

/** The same type under the admin layer's older name (`AdminLink` of src/entities/admin), kept as an alias. */
export type AdminLink = AdminUnitValue;

/** The `value` type of each entity type (`undefined`: the type carries no value). */
export interface EntityValues {
  PERSON: undefined;
  POSITION: undefined;
  ORGANIZATION: undefined;
  LOCATION: undefined;
  EVENT: undefined;
  DOCUMENT: undefined;
  PROVINCE: AdminUnitValue;
  DISTRICT: AdminUnitValue;
  COMMUNE: AdminUnitValue;
  DATE: DateValue;
  MONEY: MoneyValue;
  PERCENT: PercentValue;
  QUANTITY: QuantityValue;
}

/** Fields every entity has. */
export interface EntityBase<T extends EntityType = EntityType> extends Span {
  readonly type: T;
  /** Abbreviations expanded, tone placement unified (old style: ủy, hòa, thủy, khóa). Present when it differs. */
  readonly normalized?: string;
  /** Which rule, dictionary or model produced it, e.g. `rule:money`, `gazetteer:commune`. */
  readonly source: string;
}

/** An entity of one type, with that type's `value`. */
export type EntityOf<T extends EntityType> = EntityBase<T> &
  (EntityValues[T] extends undefined ? { readonly value?: undefined } : { readonly value?: EntityValues[T] }) &
  (T extends 'PERCENT' ? { /** The "of plan" tail (`kế hoạch`, `dự toán tỉnh giao`). */ readonly of?: string } : { readonly of?: undefined });

/**
 * One entity of the flat layer (sorted, non-overlapping): a union discriminated by `type`, so
 * `e.type === 'COMMUNE' && e.value?.code` and `e.type === 'MONEY' && e.value?.amount` need no casts.
 */
export type Entity = { [T in EntityType]: EntityOf<T> }[EntityType];

/**
 * The loose shape the entity layers build before the merge (`value: unknown`). The public functions return
 * {@link Entity}.
 * @internal
 */
export interface RawEntity extends EntityBase {
  readonly value?: unknown;
  readonly of?: string;
}

/** An official: a person with the positions the text gives them. */
export interface Official {
  readonly person: string;
  /** Every post the text gives the person, current and past, normalised (abbreviations expanded). */
  readonly positions: string[];
  /**
   * The entries of `positions` the person no longer holds (`nguyên Bí thư Tỉnh ủy`, `cựu …`, `từng giữ chức …`,
   * `trước đó là …`, a `Quá trình công tác` line); absent when there are none. `positions` keeps them, so code that
   * reads only `positions` sees the same list as before.
   */
  readonly former?: string[];
  readonly organization?: string;
  readonly start: number;
  readonly end: number;
}
