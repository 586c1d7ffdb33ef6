import { loadJson } from '../../data/load.js';
import { COMMON_VOCABULARY, vocabularyOf, vocabularyWithout } from '../../data/vocabulary.js';
import { foldKey } from '../../text/tone.js';
import { tokenize } from '../../text/tokens.js';
import { compilePatterns, type Matcher, type TokenPattern, type WordSets } from '../match/index.js';

/** A dictionary of phrases (folded tokens) with a value, indexed by first token for longest-match lookups. */
export interface PhraseIndex<V> {
  /** Longest entry starting at token `i` of `keys` (stops at `limit`), or undefined. */
  match(keys: readonly string[], i: number, limit: number): { len: number; value: V } | undefined;
  has(key: string): boolean;
}

interface Entry<V> {
  readonly keys: readonly string[];
  readonly value: V;
}

/** Builds a phrase index from `folded phrase → value` pairs (tokens separated by one space). */
export function createPhraseIndex<V>(pairs: Iterable<readonly [string, V]>): PhraseIndex<V> {
  const byFirst = new Map<string, Array<Entry<V>>>();
  const whole = new Map<string, V>();
  for (const [phrase, value] of pairs) {
    const keys = phrase.split(' ').filter(Boolean);
    const first = keys[0];
    if (first === undefined) continue;
    whole.set(keys.join(' '), value);
    let list = byFirst.get(first);
    if (!list) byFirst.set(first, (list = []));
    list.push({ keys, value });
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.keys.length - a.keys.length);
  return {
    match(keys, i, limit) {
      const first = keys[i];
      if (first === undefined) return undefined;
      const list = byFirst.get(first);
      if (!list) return undefined;
      outer: for (const e of list) {
        const len = e.keys.length;
        if (i + len > limit) continue;
        for (let k = 1; k < len; k++) if (keys[i + k] !== e.keys[k]) continue outer;
        return { len, value: e.value };
      }
      return undefined;
    },
    has(key) {
      return whole.has(key);
    },
  };
}

/** The compiled entity dictionaries (dictionaries/compiled/entities.json). */
interface CompiledEntities {
  adminWords: Record<string, string>;
  titles: Record<string, string>;
  organs: Record<string, string>;
  departments: Record<string, string>;
  meetings: Record<string, string>;
  meetingModifiers: Record<string, string>;
  documents: Record<string, string>;
  locations: Record<string, string>;
  acronyms?: string[];
}

/** Extra entries a tagger instance adds to the built-in dictionaries (phrases as written; folded on load). */
export interface ExtraDictionaries {
  /** Position titles: `'alone'` titles may stand without a body, `'body'` titles need one written after them. */
  readonly titles?: Readonly<Record<string, 'alone' | 'body'>>;
  /** Organs/organisations: kind as in dictionaries/entities/organs.tsv (`national` = tagged as written). */
  readonly organizations?: Readonly<Record<string, 'committee' | 'council' | 'sub' | 'party' | 'national' | 'named' | 'abbr'>>;
  /** Named places: `fixed` (tagged as written), `head` (needs a name after it), `country`, `region`. */
  readonly locations?: Readonly<Record<string, 'fixed' | 'head' | 'country' | 'region'>>;
  /** Extra family names. */
  readonly surnames?: readonly string[];
}

export interface Lexicon {
  readonly surnames: ReadonlySet<string>;
  /** Folded first words written as acronyms in the dictionaries: they match only when written in capitals. */
  readonly acronyms: ReadonlySet<string>;
  readonly cues: PhraseIndex<string>;
  readonly adminWords: PhraseIndex<string>;
  readonly titles: PhraseIndex<string>;
  readonly organs: PhraseIndex<string>;
  readonly departments: PhraseIndex<string>;
  readonly meetings: PhraseIndex<string>;
  readonly meetingModifiers: PhraseIndex<string>;
  readonly documents: PhraseIndex<string>;
  readonly locations: PhraseIndex<string>;
  /** The built-in token patterns (dictionaries/entities/patterns/*.json), tried by the scan. */
  readonly patterns: Matcher;
  /** Patterns a tagger instance adds (`createTagger({ patterns })`), matched over every line. */
  readonly userPatterns?: Matcher;
}

/** The compiled token patterns and their word sets (dictionaries/compiled/patterns.json). */
interface CompiledPatterns {
  sets: Record<string, string[]>;
  patterns: TokenPattern[];
}

/**
 * Every word set a pattern may name with `set`: the rule word sets (`not-name`, `center-next` …), the shared
 * vocabulary (`surname`, `middle-name`, `address`, `rank`, `degree`, `determiner`, `credit-label`) and the entity
 * dictionaries (`title`, `organ`, `department`, `admin-word`, `location`, `document`, `meeting`).
 */
export function patternWordSets(own: Readonly<Record<string, ReadonlySet<string>>> = ownWordSets()): WordSets {
  const c = loadJson<CompiledEntities>('entities.json');
  const v = COMMON_VOCABULARY;
  const keys = (r: Record<string, string>): ReadonlySet<string> => new Set(Object.keys(r));
  return {
    ...own,
    surname: new Set(vocabularyWithout(v.surnames, 'ambiguous')),
    'middle-name': new Set(v.middleNames),
    address: new Set(vocabularyOf(v.address, 'cue', 'kin', 'familiar')),
    rank: new Set(vocabularyOf(v.address, 'rank')),
    degree: new Set(vocabularyOf(v.address, 'degree')),
    determiner: keys(v.determiners),
    'credit-label': keys(v.creditLabels),
    title: keys(c.titles),
    organ: keys(c.organs),
    department: keys(c.departments),
    'admin-word': keys(c.adminWords),
    location: keys(c.locations),
    document: keys(c.documents),
    meeting: keys(c.meetings),
  };
}

function ownWordSets(): Record<string, ReadonlySet<string>> {
  const p = loadJson<CompiledPatterns>('patterns.json');
  return Object.fromEntries(Object.entries(p.sets).map(([k, words]) => [k, new Set(words)]));
}

function keyOf(phrase: string): string {
  return tokenize(phrase.normalize('NFC'))
    .map((t) => foldKey(t.text))
    .join(' ');
}

function withExtra(base: Record<string, string>, extra: Readonly<Record<string, string>> | undefined): Array<[string, string]> {
  const out = Object.entries(base);
  if (extra) for (const [k, v] of Object.entries(extra)) out.push([keyOf(k), v]);
  return out;
}

/** Builds a lexicon from the compiled dictionaries plus optional per-instance extras. */
export function buildLexicon(extra: ExtraDictionaries = {}, userPatterns?: readonly TokenPattern[]): Lexicon {
  const c = loadJson<CompiledEntities>('entities.json');
  const sets = patternWordSets();
  // the shared vocabulary (dictionaries/common/): surnames except the ambiguous ones; forms of address, ranks
  // and degrees as person cues (a rank announces a name as a form of address does)
  const common = COMMON_VOCABULARY;
  const surnames = new Set(vocabularyWithout(common.surnames, 'ambiguous'));
  for (const s of extra.surnames ?? []) surnames.add(keyOf(s));
  return {
    surnames,
    acronyms: new Set(c.acronyms ?? []),
    cues: createPhraseIndex(vocabularyOf(common.address, 'cue', 'rank', 'degree', 'plural').map((k) => [k, common.address[k] === 'rank' ? 'cue' : common.address[k]!] as const)),
    adminWords: createPhraseIndex(Object.entries(c.adminWords)),
    titles: createPhraseIndex(withExtra(c.titles, extra.titles)),
    organs: createPhraseIndex(withExtra(c.organs, extra.organizations)),
    departments: createPhraseIndex(Object.entries(c.departments)),
    meetings: createPhraseIndex(Object.entries(c.meetings)),
    meetingModifiers: createPhraseIndex(Object.entries(c.meetingModifiers)),
    documents: createPhraseIndex(Object.entries(c.documents)),
    locations: createPhraseIndex(withExtra(c.locations, extra.locations)),
    patterns: compilePatterns(loadJson<CompiledPatterns>('patterns.json').patterns, sets),
    ...(userPatterns?.length ? { userPatterns: compilePatterns(userPatterns, sets) } : {}),
  };
}

let defaultLexicon: Lexicon | undefined;
/** The lexicon of the default tagger, built lazily once. */
export function getDefaultLexicon(): Lexicon {
  return (defaultLexicon ??= buildLexicon());
}
