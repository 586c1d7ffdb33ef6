import { loadData } from '../../data/load.js';
import { foldKey } from '../../text/tone.js';

/** One unit word: `tấn` (unit), `đồng` (currency VND), `tỷ` (scale 1e9), `ngày` (time). */
export interface UnitEntry {
  readonly canonical: string;
  readonly kind: 'currency' | 'scale' | 'unit' | 'time';
  readonly factor: number;
}

/** The compiled measure lexicon (dictionaries/compiled/measures.json.gz), keys folded with `foldKey`. */
export interface MeasureLexicon {
  readonly units: ReadonlyMap<string, UnitEntry>;
  readonly unitMaxWords: number;
  /** Our counted nouns and lexicalised compounds (may contain `, `). */
  readonly counted: ReadonlySet<string>;
  readonly countedMaxWords: number;
  /** Words that never start a counted noun. */
  readonly notCounted: ReadonlySet<string>;
  /** Dictionary nouns of 2–4 syllables and single-syllable nouns (general rule). */
  readonly nouns: ReadonlySet<string>;
  readonly single: ReadonlySet<string>;
  /** Two-syllable non-nouns starting with a noun syllable (`ưu tiên`): no single-syllable count before them. */
  readonly others: ReadonlySet<string>;
  /** Words of 1–2 syllables with a noun sense that is not their main sense (`hoạt động`, `trung`). */
  readonly secondary: ReadonlySet<string>;
  /** Two-syllable verbs ending in an ordinal cue (`chỉnh trang`, `nâng cấp`): a number after them is a count. */
  readonly verbsBefore: ReadonlySet<string>;
}

interface Raw {
  units: Array<[string, string, UnitEntry['kind'], number]>;
  counted: string[];
  notCounted: string[];
  nouns: string[];
  single: string[];
  others?: string[];
  secondary?: string[];
  verbsBefore?: string[];
}

// Words in a phrase key: "cán bộ, đảng viên" counts the comma as a word.
function words(key: string): number {
  return key.replace(/,/g, ' ,').split(' ').filter(Boolean).length;
}

function parse(content: string): MeasureLexicon {
  const raw = JSON.parse(content) as Raw;
  const units = new Map<string, UnitEntry>();
  let unitMaxWords = 1;
  for (const [form, canonical, kind, factor] of raw.units) {
    units.set(form, Object.freeze({ canonical, kind, factor }));
    unitMaxWords = Math.max(unitMaxWords, words(form));
  }
  let countedMaxWords = 1;
  for (const c of raw.counted) countedMaxWords = Math.max(countedMaxWords, words(c));
  return Object.freeze({
    units,
    unitMaxWords,
    counted: new Set(raw.counted),
    countedMaxWords,
    notCounted: new Set(raw.notCounted),
    nouns: new Set(raw.nouns),
    single: new Set(raw.single),
    others: new Set(raw.others ?? []),
    secondary: new Set(raw.secondary ?? []),
    verbsBefore: new Set(raw.verbsBefore ?? []),
  });
}

/**
 * Counted nouns learned from news text (dictionaries/compiled/counted-nouns.tsv, written by scripts/train-counted.ts:
 * phrases that follow numbers far above the base rate, filtered by frequency, association, part of speech and word
 * boundaries). Folded keys.
 */
function parseLearned(content: string): readonly string[] {
  const out: string[] = [];
  for (const line of content.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const phrase = line.split('\t')[0]!.trim();
    if (phrase) out.push(foldKey(phrase));
  }
  return out;
}

function withLearned(lex: MeasureLexicon, learned: readonly string[]): MeasureLexicon {
  const counted = new Set(lex.counted);
  let countedMaxWords = lex.countedMaxWords;
  for (const k of learned) {
    counted.add(k);
    countedMaxWords = Math.max(countedMaxWords, words(k));
  }
  return Object.freeze({ ...lex, counted, countedMaxWords });
}

/** The measure lexicon (our lists, the dictionary nouns and the learned counted nouns), loaded lazily once. */
export function measureLexicon(): MeasureLexicon {
  return loadData('measures.json.gz', (content) => withLearned(parse(content), loadData('counted-nouns.tsv', parseLearned)));
}
