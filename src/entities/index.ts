import { assertText, checkOptions } from '../errors.js';
import { createDoc, createDocScratch, type Doc, type DocScratch } from '../doc/index.js';
import { runPipeline, type Component, type Components } from '../doc/pipeline.js';
import type { Entity, Official } from '../types.js';
import { tagAdminUnits } from './admin/index.js';
import { casedShadow, officialsCased, restoreCase, tagCased } from './casing.js';
import { tagMeasures } from './measures/index.js';
import { mergeSpans, type MergeCandidate } from './merge.js';
import { buildLexicon, getDefaultLexicon, type ExtraDictionaries, type Lexicon } from './named/lexicon.js';
import { namedCandidates } from './named/rules.js';
import { buildView } from './named/view.js';
import { normalizeEntityText } from './normalize.js';
import { officialsComponent, officialsFromEntities } from './officials.js';

export type { ExtraDictionaries } from './named/lexicon.js';
export type { PatternElement, TokenClass, TokenPattern } from './match/index.js';
import type { TokenPattern } from './match/index.js';

/** Options of {@link createTagger}. */
export interface TaggerOptions {
  /** Extra titles, organisations, places and surnames for this tagger instance (the built-in ones stay). */
  readonly dictionaries?: ExtraDictionaries;
  /** Token patterns of this tagger (the pattern id becomes the entity's `source`); see the README's Patterns. */
  readonly patterns?: readonly TokenPattern[];
}

/** An entity tagger with its own dictionaries. */
export interface Tagger {
  tagEntities(text: string): Entity[];
  extractOfficials(text: string): Official[];
}

const MEASURE_TYPES = new Set(['DATE', 'MONEY', 'PERCENT', 'QUANTITY']);
const ADMIN_TYPES = new Set(['PROVINCE', 'DISTRICT', 'COMMUNE']);

function layerPrio(e: Entity): number {
  if (ADMIN_TYPES.has(e.type)) return 2;
  if (MEASURE_TYPES.has(e.type)) return 2;
  return 1;
}

function spansLineBreak(text: string, start: number, end: number): boolean {
  for (let p = start; p < end; p++) {
    const c = text.charCodeAt(p);
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) return true;
  }
  return false;
}

const UNIT_WORD_LEVEL: Readonly<Record<string, EntityTypeName>> = {
  xã: 'COMMUNE', phường: 'COMMUNE', 'thị trấn': 'COMMUNE', 'đặc khu': 'COMMUNE', huyện: 'DISTRICT', quận: 'DISTRICT', 'thị xã': 'DISTRICT',
};
type EntityTypeName = Entity['type'];
// Between `hai xã` and the names: lower-case modifier words only (`biên giới`), no copula or verb of a clause.
const MODIFIER_GAP = /^\s+(?:\p{Ll}[\p{L}\p{M}]*\s+){1,3}$/u;
const GAP_STOP = /(?:^|\s)(?:là|gồm|như|của|thuộc|và|có|được|đã|đạt)(?=\s)/u;

/**
 * Convention 6: a count before named units is not a QUANTITY (`hai xã biên giới Ia O, Ia Chia`). The measure layer
 * drops `hai xã Hương Nộn` itself; this drops a count whose unit word is followed by a modifier and then a unit of
 * that level, named without its admin word.
 */
function dropCountsBeforeNamedUnits(text: string, ents: Entity[]): Entity[] {
  let drop: Set<Entity> | undefined;
  for (let i = 0; i + 1 < ents.length; i++) {
    const e = ents[i]!;
    if (e.type !== 'QUANTITY') continue;
    const unit = e.value?.unit;
    const level = typeof unit === 'string' ? UNIT_WORD_LEVEL[unit.toLowerCase()] : undefined;
    const n = ents[i + 1]!;
    if (!level || n.type !== level || UNIT_WORD_LEVEL[n.text.split(/\s/)[0]!.toLowerCase()]) continue;
    const gap = text.slice(e.end, n.start);
    if (MODIFIER_GAP.test(gap) && !GAP_STOP.test(gap.normalize('NFC'))) (drop ??= new Set()).add(e);
  }
  return drop ? ents.filter((e) => !drop!.has(e)) : ents;
}

/** Merges the named candidates with the measure and admin spans of the document into the flat entity layer. */
function mergeLayers(doc: Doc, lex: Lexicon): Entity[] {
  const { text } = doc;
  const cands: MergeCandidate[] = namedCandidates(buildView(doc), lex);
  for (const ents of [doc.layers.measures ?? [], doc.layers.admin ?? []]) {
    for (const e of ents) cands.push({ start: e.start, end: e.end, type: e.type, source: e.source, prio: layerPrio(e), entity: e });
  }
  // No span may cover a line break (headers, signature blocks, lists): the layers stop at line ends; this guard
  // drops anything that still does.
  const merged = mergeSpans(cands.filter((c) => !spansLineBreak(text, c.start, c.end)));
  const ents = merged.map((c): Entity => {
    if (c.entity) return c.entity;
    const spanText = text.slice(c.start, c.end);
    const normalized = normalizeEntityText(spanText);
    return normalized !== undefined && normalized !== spanText
      ? ({ type: c.type, text: spanText, start: c.start, end: c.end, normalized, source: c.source } as Entity)
      : ({ type: c.type, text: spanText, start: c.start, end: c.end, source: c.source } as Entity);
  });
  return dropCountsBeforeNamedUnits(text, ents);
}

/** The measures component: DATE, MONEY, PERCENT and QUANTITY spans (`doc.layers.measures`). */
export const measuresComponent: Component = {
  name: 'measures',
  needs: [],
  run(doc: Doc): void {
    doc.layers.measures = tagMeasures(doc);
  },
};

/** The admin component: PROVINCE, DISTRICT and COMMUNE spans (`doc.layers.admin`). */
export const adminComponent: Component = {
  name: 'admin',
  needs: [],
  run(doc: Doc): void {
    doc.layers.admin = tagAdminUnits(doc);
  },
};

/**
 * The entity components (measures, admin, named, officials) of one lexicon; `named` writes the merged flat layer
 * `doc.layers.entities` and reads the measure and admin spans.
 *
 * @example
 * ```ts
 * runPipeline(createDoc(text), entityComponents(getDefaultLexicon), ['named']).layers.entities;
 * ```
 */
export function entityComponents(lexicon: () => Lexicon = getDefaultLexicon): Components {
  return {
    measures: measuresComponent,
    admin: adminComponent,
    named: {
      name: 'named',
      needs: ['measures', 'admin'],
      run(doc: Doc): void {
        doc.layers.entities = mergeLayers(doc, lexicon());
      },
    },
    officials: officialsComponent,
  };
}

const DEFAULT_COMPONENTS = entityComponents();

function run(text: string, comps: Components, scratch?: DocScratch): Doc {
  return runPipeline(createDoc(text, scratch ? { scratch } : {}), comps, ['named']);
}
function entitiesOf(doc: Doc): Entity[] {
  return doc.layers.entities as Entity[];
}
/**
 * Long inputs are tagged piece by piece: a piece ends at the first blank line (a paragraph break) after
 * {@link PIECE} characters, or at the first line break after them when no blank line follows within another
 * {@link PIECE}. No entity spans a line break, so the pieces only bound the document-level memory (names met
 * before, the report's province and date): each piece is a document of its own. Memory then stays proportional to
 * one piece plus the result instead of growing with every token of the whole text (issue 11, item 7).
 */
export const PIECE = 1 << 18;

/**
 * The `[start, end)` pieces of `text` (one piece when it is short).
 * @example
 * ```ts
 * pieceBounds('short text'); // [[0, 10]]
 * ```
 */
export function pieceBounds(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const blank = /\n[^\S\n]*\n/g;
  let at = 0;
  while (text.length - at > PIECE) {
    blank.lastIndex = at + PIECE;
    const m = blank.exec(text);
    let cut = m && m.index < at + 2 * PIECE ? m.index + m[0].length : -1;
    if (cut < 0) {
      const nl = text.indexOf('\n', at + PIECE);
      cut = nl < 0 ? -1 : nl + 1;
    }
    if (cut < 0 || cut >= text.length) break;
    out.push([at, cut]);
    at = cut;
  }
  out.push([at, text.length]);
  return out;
}

/**
 * The entity layer of `text`, one pipeline run per piece ({@link pieceBounds}), offsets into `text`. The token
 * objects, strings and buffers of a piece are reused by the next one (`DocScratch`), and each piece's entities are moved to whole-text
 * offsets in place (they are fresh objects of that run; their `text` is already the right substring): a long text
 * then leaves little more than its entities behind per piece (issue 11, item 7).
 */
function entitiesInPieces(text: string, comps: Components): Entity[] {
  const bounds = pieceBounds(text);
  if (bounds.length === 1) return entitiesOf(run(text, comps));
  const out: Entity[] = [];
  const scratch = createDocScratch();
  for (const [a, b] of bounds) {
    for (const e of entitiesOf(run(text.slice(a, b), comps, scratch))) {
      const m = e as { start: number; end: number };
      m.start += a;
      m.end += a;
      out.push(e);
    }
  }
  return out;
}

/** Entities of a text, through the casing hook (src/entities/casing.ts): lower-cased or capital stretches are tagged on a truecased copy of the same length. */
function tagWith(text: string, comps: Components): Entity[] {
  return tagCased(text, (t) => entitiesInPieces(t, comps));
}
function officialsWith(text: string, comps: Components): Official[] {
  return officialsCased(text, (t) => entitiesInPieces(t, comps), officialsFromEntities);
}

/**
 * The entity layer and the officials of `text` exactly as {@link tagEntities} and {@link extractOfficials} give
 * them (same pieces, same casing hook), from one tagging run; `analyze` takes its entity layer from here when the
 * text is longer than one piece or has case-degenerate stretches (`shadow`: `casedShadow(text)`).
 * @example
 * ```ts
 * entitiesAndOfficials('Đồng chí Phan Văn Thanh, Phó Bí thư TT Huyện ủy phát biểu.').officials[0]?.person; // 'Phan Văn Thanh'
 * ```
 */
export function entitiesAndOfficials(text: string, shadow: string = casedShadow(text)): { entities: Entity[]; officials: Official[] } {
  const ents = entitiesInPieces(shadow, DEFAULT_COMPONENTS);
  return { entities: shadow === text ? ents : restoreCase(text, ents), officials: officialsFromEntities(shadow, ents) };
}

/**
 * Creates an entity tagger, optionally with extra dictionaries (titles, organisations, places, surnames) that
 * only this instance uses.
 *
 * @example
 * ```ts
 * const tagger = createTagger({ dictionaries: { organizations: { 'Hợp tác xã Quyết Thắng': 'national' } } });
 * tagger.tagEntities('Hợp tác xã Quyết Thắng đạt doanh thu 2 tỷ đồng.')[0]?.type; // 'ORGANIZATION'
 * ```
 */
export function createTagger(options: TaggerOptions = {}): Tagger {
  checkOptions<TaggerOptions>(options, 'createTagger', ['dictionaries', 'patterns']);
  const lex = options.dictionaries || options.patterns ? buildLexicon(options.dictionaries, options.patterns) : undefined;
  const comps = lex ? entityComponents(() => lex) : DEFAULT_COMPONENTS;
  return {
    tagEntities(text: string): Entity[] {
      assertText(text, 'tagEntities');
      return tagWith(text, comps);
    },
    extractOfficials(text: string): Official[] {
      assertText(text, 'extractOfficials');
      return officialsWith(text, comps);
    },
  };
}

/**
 * Tags named entities (PERSON, POSITION, ORGANIZATION, LOCATION, EVENT, DOCUMENT), administrative units
 * (PROVINCE, DISTRICT, COMMUNE) and measures (DATE, MONEY, PERCENT, QUANTITY) as one flat, sorted,
 * non-overlapping list with exact offsets into `text`.
 *
 * @example
 * ```ts
 * tagEntities('Đồng chí Phan Văn Thanh, Phó Bí thư TT Huyện ủy phát biểu.').map((e) => `${e.type}:${e.text}`);
 * // ['PERSON:Phan Văn Thanh', 'POSITION:Phó Bí thư TT Huyện ủy']
 * ```
 */
export function tagEntities(text: string): Entity[] {
  assertText(text, 'tagEntities');
  return tagWith(text, DEFAULT_COMPONENTS);
}

/**
 * Officials (person + positions) of a text: `officialsFromEntities(text, tagEntities(text))`.
 *
 * @example
 * ```ts
 * extractOfficials('Đồng chí Phan Văn Thanh, Phó Bí thư TT Huyện ủy phát biểu.');
 * // [{ person: 'Phan Văn Thanh', positions: ['Phó Bí thư Thường trực Huyện ủy'], start: 9, end: 23 }]
 * ```
 */
export function extractOfficials(text: string): Official[] {
  assertText(text, 'extractOfficials');
  return officialsWith(text, DEFAULT_COMPONENTS);
}
