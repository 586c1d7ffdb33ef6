import { assertText } from '../errors.js';
import { COMMON_VOCABULARY, vocabularyOf } from '../data/vocabulary.js';
import { foldKey } from '../text/tone.js';
import type { Entity, Official } from '../types.js';
import { normalizeEntityText, toOldTone } from './normalize.js';
import type { Doc } from '../doc/index.js';
import type { Component } from '../doc/pipeline.js';
import {
  APPOINTMENT_OBJECT_LEADS, APPOINTMENT_OBJECTS, APPOINTMENT_VERBS, CHAIN_LINKS, CHAIN_POST_MARKS, CHAIN_PRESENT_LINKS, EARLIER_MARKS, EARLIER_VERBS,
  ELECTION_OBJECTS, ELECTION_WINS, FIRST_LINKS, HOLDING_ASPECTS, HOLDING_PHRASES, HOLDING_VERBS, PASSIVE_MARKS, POST_NOUNS, POST_PLURALS, PRONOUN_NOT_BEFORE,
  PRONOUN_PLURAL_MARKS, PRONOUNS, PROPOSAL_MARKS, PROPOSAL_WORDS, REELECTION_MARKS,
  CAREER_MARKS, COLLOQUIAL_BODIES, COORDINATION_GAPS, POST_NAMING_MARKS, PROPOSAL_LINKS, HONORIFIC_MARKS, LEVEL_TYPES, LIST_GAPS, PROVINCE_BODIES, SIGNED_MARKS, SIGNING_FOR_MARKS, TITLE_COMMA_GAPS,
  BAN_HEADS, BARE_CHAIRS, CITY_LEVEL_FORMS, COMMITTEE_LEVELS, COMMITTEE_LIKE, DEPUTY_MARKS, ELIDED_BODIES, LEVEL_WORDS, NOT_A_BODY, OFFICE_WORDS as OFFICE_WORD_LIST,
  PARENT_COMMITTEES, PARTY_COMMITTEES, TITLE_CHAIN_GAPS, TITLE_HEAD_SUFFIXES, TITLE_HEADS, TITLE_UNIT_PREFIXES,
} from './officials/words.js';
import { alt } from './officials/regex.js';
import { definedAbbreviations, expandDefined, isFormerPost, pluralTitle, postOrganization, titleStart, type Definitions } from './officials/context.js';

// The officials layer: which PERSON holds which POSITION, read off the flat entity layer and the text between
// entities. Rules, in order (a POSITION is given to one person only):
//   1. title before the name: `Bí thư Huyện ủy Đỗ Văn A`, `Chủ tịch nước Trần B`, `Bí thư đồng chí A`;
//   2. apposition chains after a name: `A - Phó Bí thư TT HU`, `A, Tỉnh ủy viên, Bí thư Huyện ủy`, `A (Bí thư …)`,
//      `A kiêm …`, `ông A là đại tá Chỉ huy trưởng …`;
//   3. verbs of holding or election (`được bầu (giữ chức|làm)`, `giữ chức`, `được bổ nhiệm`, `tái đắc cử chức danh` …):
//      the subject is the nearest person(s) before in the clause (`các đồng chí A và B được bầu làm …` gives both),
//      else a bare `ông/bà` refers to the last person named, else a person right after (`Sau khi được bầu …, ông A`);
//      proposals (`giới thiệu`, `đề cử`, `dự kiến`, `để bầu`, `sẽ` …) are not posts held;
//   4. title, comma and an honorific before the name: `Bí thư Tỉnh ủy, đồng chí A`.
// Mentions of one person are merged (same name; a short reference `ông Duy` is the last full name ending in it).
//   5. a plural title or a title and a colon shares the post among the names listed after it (`các Phó Chủ tịch UBND
//      tỉnh A, B`, `Phó Chủ tịch UBND tỉnh: A, B`); a career line (`Quá trình công tác: …`) belongs to the person before.
// Positions are the span text normalised (abbreviations expanded, also those the text defines: `Tổng cục Công nghiệp
// quốc phòng (CNQP)` makes a later `Tổng cục CNQP` the full name; ủy/hòa, office words capitalised); an office listed
// in a longer form (`Bí thư` beside `Bí thư Thành ủy TP. HCM`) is dropped. A post word the named layer tagged as an
// organisation inside a chain of posts is a post (`…, Thường trực Ban Bí thư, Trưởng Ban …`). Past posts (`nguyên`,
// `cựu`, `từng giữ chức`, `trước đó là`, a career line) are kept and listed again in `former`.

// Forms of address, ranks and degrees from the shared vocabulary (dictionaries/common/address.tsv), longest first, and
// the marks of words-officials.tsv [honorific-marks];
// the written abbreviations (GS.TS, ThS.BS) stay patterns here.
const words = (...kinds: string[]): string => vocabularyOf(COMMON_VOCABULARY.address, ...kinds).filter((k) => /^[\p{L} ]+$/u.test(k)).sort((a, b) => b.length - a.length).join('|');
const HON = `(?:${words('cue')}|${alt(HONORIFIC_MARKS)})`;
const RANK = String.raw`(?:${words('rank', 'degree')}|gs\.?|pgs\.?|ts\.?|ths\.?|pgs\.?\s?ts\.?|gs\.?\s?ts\.?|ths\.?\s?bs\.?|bs\.?)`;

/** Gap between a POSITION and the PERSON right after it (rule 1). */
const TITLE_BEFORE = new RegExp(`^(?:(?:${HON}|${RANK})\\s*)*$`, 'u');
/** Gap between a POSITION and a PERSON after a comma or `là` (rule 4). */
const TITLE_COMMA = new RegExp(`^${alt(TITLE_COMMA_GAPS)}\\s*(?:${HON}|${RANK})(?:\\s*(?:${HON}|${RANK}))*$`, 'u');
/** Gap between two titles written before one name (rule 1): `Tổng Bí thư, Chủ tịch nước A`. */
/** Gap between a PERSON and its first POSITION (rule 2). */
const FIRST_LINK = new RegExp(`^(?:[,\\-–—(:]\\s*)?(?:${alt(FIRST_LINKS)}\\s*)?(?:${RANK}\\s*)*$`, 'u');
/** Gap between two POSITIONs of one chain (rule 2). */
const NEXT_LINK = new RegExp(
  `^(?:[,\\-–—]|,?\\s*${alt(CHAIN_LINKS)}|,\\s*${alt(CHAIN_PRESENT_LINKS)}|\\)\\s*,)\\s*(?:${alt(CHAIN_POST_MARKS)}\\s*)?(?:${RANK}\\s*)*$`,
  'u',
);
/** Verbs of holding or election right before a POSITION (rule 3). */
const TRIGGER = new RegExp(
  `(?:^|\\s)(?:${alt(EARLIER_MARKS)},?(?:\\s+${alt(PRONOUNS)})?\\s+${alt(EARLIER_VERBS)}` +
    `|${alt(PASSIVE_MARKS)}\\s+${alt(APPOINTMENT_VERBS)}(?:\\s+(?:${alt(APPOINTMENT_OBJECT_LEADS)}\\s+)?${alt(APPOINTMENT_OBJECTS)})?` +
    `|(?:${alt(HOLDING_ASPECTS)} )?${alt(HOLDING_VERBS)} (?:${alt(POST_PLURALS)} )?${alt(POST_NOUNS)}` +
    `|(?:${alt(REELECTION_MARKS)} )?${alt(ELECTION_WINS)}(?:\\s+${alt(ELECTION_OBJECTS)})?` +
    `|${alt(HOLDING_PHRASES)})\\s*(?:${RANK}\\s*)*$`,
  'u',
);
/** A proposal or plan in the clause: the post is not (yet) held. */
const PROPOSAL = new RegExp(`${alt(PROPOSAL_MARKS)}|(?:^|\\s)${alt(PROPOSAL_WORDS)}(?:\\s|$)`, 'u');
/** Clause boundary inside a gap (the subject of a verb is not searched across it). */
const BOUNDARY = /[;!?\n\r]|[.…](?=\s|$)|:/gu; // global: used only with matchAll (which clones it)
const PRONOUN = new RegExp(`(?<!${alt(PRONOUN_PLURAL_MARKS)}\\s)(?:^|(?<=[\\s,(]))${alt(PRONOUNS)}(?=$|,|\\s(?!${alt(PRONOUN_NOT_BEFORE)}))`, 'u');
/** A colon and at most one pronoun between a title and a name (`Phó Chủ tịch UBND tỉnh: A, B`). */
const COLON_GAP = new RegExp(`^:\\s*(?:${alt(PRONOUNS)}\\s*)?$`, 'u');
/** Pronouns and a comma between a post and the name after it (`Sau khi được bầu …, ông A`). */
const PRONOUN_GAP = new RegExp(`^(?:,\\s*)?(?:${alt(PRONOUNS)}\\s*)*$`, 'u');
/** A link word a proposal applies to (`giới thiệu ông A làm …`). */
const PROPOSAL_LINK = new RegExp(`(?:^|\\s)${alt(PROPOSAL_LINKS)}(?:\\s|$)`, 'u');
/** A clause ending in a word that names the post, not its holder (`chức danh`). */
const POST_NAMING = new RegExp(`${alt(POST_NAMING_MARKS)}\\s*$`, 'u');
/** Folded text before the body a signer acts for (`T/M`, `TM.`, `KT.`, `Q.`). */
const SIGNING_FOR = new RegExp(`(?:^|\\s)${alt(SIGNING_FOR_MARKS)}\\s*$`, 'u');
/** Folded gap between a signing title and the signer's name (line breaks checked on the raw text). */
const SIGNED_GAP = new RegExp(`^(?:\\(?\\s*${alt(SIGNED_MARKS)}\\s*\\)?)?$`, 'u');
/** Gap between two coordinated subjects of one verb of election (rule 3). */
const COORD_SUBJECT = new RegExp(`^${alt(COORDINATION_GAPS)}(?:\\s*(?:${HON}|${RANK}))*$`, 'u');
const MAX_SUBJECT_DISTANCE = 300;
const MAX_PRONOUN_DISTANCE = 800;

interface Mention {
  readonly e: Entity;
  readonly idx: number; // index in the sorted entity list
  readonly key: string; // canonical name
}

interface PersonRecord {
  name: string;
  start: number;
  end: number;
  positions: Array<{ text: string; at: number; former: boolean }>;
}

function gapFold(text: string, from: number, to: number): string {
  return to > from ? foldKey(text.slice(from, to)) : '';
}

/**
 * NFC, old tone placement, single spaces, abbreviations expanded (also those the text defines), office words
 * capitalised; a `Phó` written right before the span is part of the title.
 */
function positionText(text: string, e: Entity, defs: Definitions, cache?: Map<string, string>): string {
  const from = titleStart(text, e);
  const key = `${from}:${e.end}`;
  const hit = cache?.get(key);
  if (hit !== undefined) return hit;
  const written = expandDefined(text, e, defs);
  const whole = from < e.start || written !== undefined ? `${text.slice(from, e.start)}${written ?? e.text}` : undefined;
  const v = positionTextUncached(whole === undefined ? e : { ...e, text: whole, normalized: undefined });
  cache?.set(key, v);
  return v;
}

function positionTextUncached(e: Entity): string {
  const base = (e.normalized ?? normalizeEntityText(e.text) ?? toOldTone(e.text)).replace(/\s+/g, ' ').trim();
  return capitaliseOffice(toOldTone(base));
}

// Canonical capitalisation of office words (words-officials.tsv [office-words]; matched on folded words, longest
// first, left to right).
const OFFICE_WORDS = OFFICE_WORD_LIST.map((w) => ({ words: w.split(' '), keys: foldKey(w).split(' ') }));
OFFICE_WORDS.sort((a, b) => b.keys.length - a.keys.length);

function capitaliseOffice(s: string): string {
  const words = s.split(' ');
  const keys = words.map((w) => foldKey(w));
  const out: string[] = [];
  for (let i = 0; i < words.length; ) {
    const hit = OFFICE_WORDS.find((o) => o.keys.every((k, j) => keys[i + j] === k));
    if (hit) {
      out.push(...hit.words);
      i += hit.words.length;
      // "Trưởng Ban tuyên giáo" → "Trưởng Ban Tuyên giáo": the Ban's own name is capitalised.
      const next = words[i];
      if (BAN_HEADS.has(hit.keys.join(' ')) && next && /^\p{Ll}/u.test(next) && !OFFICE_WORDS.some((o) => o.keys[0] === keys[i])) {
        out.push(next.charAt(0).toUpperCase() + next.slice(1));
        i++;
      }
    } else {
      out.push(words[i]!);
      i++;
    }
  }
  const r = out.join(' ');
  return r.charAt(0).toUpperCase() + r.slice(1);
}

/** Canonical comparison key of a position (NFC, lower case, old tones, single spaces). */
function posKey(s: string): string {
  return foldKey(s);
}

/** A body a post may leave out (words-officials.tsv [colloquial-bodies]). */
const ELIDED_BODY = new RegExp(`(?:^|\\s)${alt(COLLOQUIAL_BODIES)}(?=\\s)`, 'u');

/** Drops exact repeats and offices listed again in a longer written form; keeps first-seen order. */
function dedupPositions(list: ReadonlyArray<{ text: string; at: number }>): string[] {
  const seen = new Map<string, { text: string; at: number }>();
  for (const p of list) {
    const k = posKey(p.text);
    if (k && !seen.has(k)) seen.set(k, p);
  }
  const keys = [...seen.keys()].sort();
  const elided = new Set<string>();
  for (const k of keys) {
    const e = k.replace(ELIDED_BODY, '');
    if (e === k) continue;
    // `Chủ tịch tỉnh` (colloquial) beside `Chủ tịch Ủy ban nhân dân tỉnh Quảng Nam`: every shorter written form.
    const w = e.replace(/\s+/g, ' ').trim().split(' ');
    for (let n = w.length; n >= 2; n--) elided.add(w.slice(0, n).join(' '));
  }
  const dropped = new Set<string>();
  for (const k of keys) {
    // Another key starts with k + ' ': binary search for the first key >= k + ' '.
    const probe = `${k} `;
    let lo = 0, hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (keys[mid]! < probe) lo = mid + 1;
      else hi = mid;
    }
    if ((lo < keys.length && keys[lo]!.startsWith(probe)) || elided.has(k)) dropped.add(k);
  }
  return [...seen.entries()]
    .filter(([k]) => !dropped.has(k))
    .sort((a, b) => a[1].at - b[1].at)
    .map(([, p]) => p.text);
}

/** Resolves every PERSON mention to the canonical key of the full name it refers to. */
function resolvePersons(mentions: readonly Mention[]): Map<Mention, string> {
  // Index every longer name by its one- and two-word suffixes (short references are `Duy`, `Thiện Nhân`);
  // mentions are in text order, so each list is sorted by start.
  const bySuffix = new Map<string, Mention[]>();
  for (const m of mentions) {
    const words = m.key.split(' ');
    for (let n = 1; n <= 2 && n < words.length; n++) {
      const suf = words.slice(-n).join(' ');
      const list = bySuffix.get(suf) ?? [];
      list.push(m);
      bySuffix.set(suf, list);
    }
  }
  const out = new Map<Mention, string>();
  const resolve = (m: Mention, depth: number): string => {
    const cached = out.get(m);
    if (cached !== undefined) return cached;
    const list = bySuffix.get(m.key);
    let target: Mention | undefined;
    if (list && depth < 4) {
      // The last longer name before this mention, else the first one after.
      let lo = 0, hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (list[mid]!.e.start < m.e.start) lo = mid + 1;
        else hi = mid;
      }
      target = lo > 0 ? list[lo - 1] : list[lo];
    }
    const key = target ? resolve(target, depth + 1) : m.key;
    out.set(m, key);
    return key;
  };
  for (const m of mentions) resolve(m, 0);
  return out;
}

/** Per-call state the rules share (created by {@link officialsFromEntities}, never kept between calls). */
interface Ctx {
  readonly text: string;
  readonly ents: readonly Entity[];
  readonly consumed: Set<number>;
  readonly mentionAt: ReadonlyMap<number, Mention>;
  readonly personKey: ReadonlyMap<Mention, string>;
  readonly people: Map<string, PersonRecord>;
  readonly defs: Definitions;
  readonly posCache: Map<string, string>;
}

/** Gives the post `ents[posIdx]` to the person `ents[personIdx]`; `shared` posts may go to several people. */
function give(c: Ctx, personIdx: number, posIdx: number, shared = false): void {
  const m = c.mentionAt.get(personIdx);
  const p = c.ents[posIdx];
  if (!m || !p || (!shared && c.consumed.has(posIdx))) return;
  c.consumed.add(posIdx);
  c.people.get(c.personKey.get(m)!)!.positions.push({ text: positionText(c.text, p, c.defs, c.posCache), at: p.start, former: isFormerPost(c.text, c.ents, posIdx) });
}

function gapOf(c: Ctx, i: number): string {
  const a = c.ents[i], b = c.ents[i + 1];
  return a && b ? gapFold(c.text, a.end, b.start) : '';
}

function isType(c: Ctx, i: number, t: Entity['type']): boolean {
  return c.ents[i]?.type === t;
}

/**
 * The entity list the rules read: sorted, valid spans, and an organisation span that names a post (`Thường trực Ban
 * Bí thư`) read as a POSITION when it continues a chain of posts after a name or a post.
 */
function officialEntities(text: string, entities: readonly Entity[]): Entity[] {
  const valid = [...entities]
    .filter((e) => e && typeof e.start === 'number' && typeof e.end === 'number' && e.start >= 0 && e.end <= text.length && e.start < e.end)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const ents = colloquialTitles(text, valid);
  for (let i = 1; i < ents.length; i++) {
    const e = ents[i]!;
    const prev = ents[i - 1]!;
    if (!postOrganization(e) || prev.end > e.start) continue;
    const link = gapFold(text, prev.end, e.start);
    if ((prev.type === 'POSITION' && NEXT_LINK.test(link)) || (prev.type === 'PERSON' && FIRST_LINK.test(link) && link !== '')) {
      ents[i] = { ...e, type: 'POSITION', value: undefined } as Entity;
    }
  }
  return ents;
}


/** Length of ` tỉnh` / ` thành phố` … written right at `from` (one space, then the level word, then a break); 0 if none. */
function levelAfter(text: string, from: number): number {
  const m = /^ ([\p{L}\p{M}]+)(?: ([\p{L}\p{M}]+))?/u.exec(text.slice(from, from + 24));
  if (!m) return 0;
  for (const len of m[2] ? [m[0].length, 1 + m[1]!.length] : [m[0].length]) {
    const words = text.slice(from + 1, from + len);
    const after = text.charAt(from + len);
    if (LEVEL_WORDS.has(foldKey(words)) && (after === '' || /[\s,.;:)]/u.test(after))) return len;
  }
  return 0;
}
const ADMIN_SPAN: ReadonlySet<Entity['type']> = new Set(['PROVINCE', 'DISTRICT', 'COMMUNE']);

/**
 * The colloquial title `Chủ tịch tỉnh` (`Chủ tịch tỉnh Quảng Nam Lê Trí Thanh`, `Chủ tịch huyện, ông A`), which the
 * named layer leaves as `Chủ tịch` beside the place or the bare level word: one POSITION with the place. Beside the full form (`Chủ tịch UBND tỉnh`) it is dropped as a shorter mention of the same office.
 */
function colloquialTitles(text: string, ents: readonly Entity[]): Entity[] {
  const out: Entity[] = [];
  for (let i = 0; i < ents.length; i++) {
    const e = ents[i]!;
    if (e.type !== 'POSITION' || !BARE_CHAIRS.has(foldKey(e.text))) {
      out.push(e);
      continue;
    }
    const next = ents[i + 1];
    let end = -1;
    const level = levelAfter(text, e.end);
    if (next && ADMIN_SPAN.has(next.type) && next.start === e.end + 1 && level > 0 && next.end >= e.end + level) {
      end = next.end;
      i++; // the place is inside the title now
    } else if (level > 0 && !(next && next.start < e.end + level)) {
      end = e.end + level;
    }
    out.push(end > 0 ? ({ ...e, text: text.slice(e.start, end), end, normalized: undefined } as Entity) : e);
  }
  return out;
}

/**
 * The officials of a text: each PERSON that holds a POSITION (apposition with `-`/`,`, chained titles, a title
 * before the name, `giữ chức`, `được bầu`, `làm` …), with the positions normalised (abbreviations expanded, each
 * office once in its most specific written form) and, when all positions belong to one body, that body with its
 * place taken from the text (`organization`). `start`/`end` are the person's first mention. Proposed posts
 * (`giới thiệu … làm`) are not listed. Past posts (`nguyên Bí thư`, `từng giữ chức`, a career line) stay in
 * `positions` and are listed again in `former` (absent when there are none).
 *
 * @example
 * ```ts
 * const text = 'Đồng chí Trần Văn Bình - Phó Bí thư TT Huyện ủy chủ trì.';
 * officialsFromEntities(text, [
 *   { type: 'PERSON', text: 'Trần Văn Bình', start: 9, end: 22, source: 'x' },
 *   { type: 'POSITION', text: 'Phó Bí thư TT Huyện ủy', start: 25, end: 47, source: 'x' },
 * ]);
 * // [{ person: 'Trần Văn Bình', positions: ['Phó Bí thư Thường trực Huyện ủy'], start: 9, end: 22 }]
 * ```
 */
export function officialsFromEntities(text: string, entities: readonly Entity[]): Official[] {
  assertText(text, 'officialsFromEntities');
  const ents = officialEntities(text, entities);
  if (!ents.some((e) => e.type === 'POSITION') || !ents.some((e) => e.type === 'PERSON')) return [];

  const mentions: Mention[] = [];
  const mentionAt = new Map<number, Mention>();
  ents.forEach((e, idx) => {
    if (e.type !== 'PERSON') return;
    const key = foldKey(text.slice(e.start, e.end));
    if (!key) return;
    const m = { e, idx, key };
    mentions.push(m);
    mentionAt.set(idx, m);
  });
  const personKey = resolvePersons(mentions);
  const people = new Map<string, PersonRecord>();
  for (const m of mentions) {
    const k = personKey.get(m)!;
    const name = text.slice(m.e.start, m.e.end).normalize('NFC').replace(/\s+/g, ' ').trim();
    const rec = people.get(k);
    if (!rec) people.set(k, { name, start: m.e.start, end: m.e.end, positions: [] });
    else if (foldKey(name) === k && foldKey(rec.name) !== k) rec.name = name; // show the full name
  }
  const c: Ctx = { text, ents, consumed: new Set(), mentionAt, personKey, people, defs: definedAbbreviations(text), posCache: new Map() };

  titlesBefore(c);
  const signedFor = signatureBlocks(c);
  appositions(c);
  heldByVerb(c);
  titleCommaName(c);
  careerLines(c);

  const placeCtx = createPlaceContext(ents, text);
  const out: Official[] = [];
  for (const [key, rec] of people) {
    if (rec.positions.length === 0) continue;
    const positions = dedupPositions(rec.positions);
    if (positions.length === 0) continue;
    const organization = organizationOf(positions, placeCtx) ?? signedFor.get(key);
    const former = formerOf(positions, rec.positions);
    out.push({ person: rec.name, positions, ...(organization ? { organization } : {}), ...(former.length > 0 ? { former } : {}), start: rec.start, end: rec.end });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The listed positions every mention of which is a past post. */
function formerOf(positions: readonly string[], mentions: ReadonlyArray<{ text: string; former: boolean }>): string[] {
  const current = new Set<string>();
  const past = new Set<string>();
  for (const p of mentions) (p.former ? past : current).add(posKey(p.text));
  return positions.filter((p) => past.has(posKey(p)) && !current.has(posKey(p)));
}

/** Gap between the names of a list that shares one title (`các Phó Chủ tịch UBND tỉnh A, B và C`). */
const LIST_GAP = new RegExp(`^${alt(LIST_GAPS)}(?:\\s*(?:${HON}|${RANK}))*$`, 'u');

/**
 * 1. Title right before the name, and the titles chained before it: `Tổng Bí thư, Chủ tịch nước Nguyễn Phú Trọng`.
 * A plural title (`các Phó Chủ tịch UBND tỉnh A, B`) or a title and a colon (`Phó Chủ tịch UBND tỉnh: A, B`) goes to
 * every name of the list after it, up to a name with its own title after it.
 */
function titlesBefore(c: Ctx): void {
  const { ents } = c;
  for (let i = 0; i + 1 < ents.length; i++) {
    if (!isType(c, i, 'POSITION') || !isType(c, i + 1, 'PERSON')) continue;
    const g = gapOf(c, i);
    const colon = COLON_GAP.test(g) && !/[\n\r]/.test(c.text.slice(ents[i]!.end, ents[i + 1]!.start));
    if (!TITLE_BEFORE.test(g) && !colon) continue;
    const shared = colon || pluralTitle(c.text, ents[i]!);
    give(c, i + 1, i, shared);
    if (shared) {
      for (let k = i + 2; isType(c, k, 'PERSON') && LIST_GAP.test(gapOf(c, k - 1)); k++) {
        if (isType(c, k + 1, 'POSITION') && FIRST_LINK.test(gapOf(c, k))) break; // a name with its own title
        give(c, k, i, true);
      }
    }
    for (let k = i - 1; k >= 0 && (isType(c, k, 'POSITION')) && !c.consumed.has(k) && TITLE_CHAIN_GAPS.has(gapOf(c, k)); k--) give(c, i + 1, k);
  }
}

/**
 * 1b. Signature block: `T/M HUYỆN ỦY` / `BÍ THƯ` / `(Đã ký)` / `Trần Quốc Hưng`, one item per line. The body the
 * signer acts for (`T/M`, `TM.`, `KT.`, `Q.` + organisation on the line above) becomes the official's organisation.
 */
function signatureBlocks(c: Ctx): Map<string, string> {
  const { ents, text } = c;
  const signedFor = new Map<string, string>();
  for (let i = 0; i + 1 < ents.length; i++) {
    if (!isType(c, i, 'POSITION') || !isType(c, i + 1, 'PERSON')) continue;
    const raw = text.slice(ents[i]!.end, ents[i + 1]!.start);
    if (!/[\n\r]/.test(raw) || !SIGNED_GAP.test(foldKey(raw))) continue;
    if (!c.consumed.has(i)) give(c, i + 1, i);
    for (let k = i - 1; k >= 0 && k >= i - 2; k--) {
      const o = ents[k]!;
      if (o.type !== 'ORGANIZATION') continue;
      const lead = foldKey(text.slice(Math.max(0, o.start - 8), o.start));
      if (!SIGNING_FOR.test(lead)) break;
      const m = c.mentionAt.get(i + 1);
      if (m) signedFor.set(c.personKey.get(m)!, capitaliseOffice(toOldTone((o.normalized ?? normalizeEntityText(o.text) ?? o.text).toLowerCase().replace(/\s+/g, ' ').trim())));
      break;
    }
  }
  return signedFor;
}

/** 2. Apposition chains after a name. */
function appositions(c: Ctx): void {
  const { ents, text } = c;
  for (let i = 0; i + 1 < ents.length; i++) {
    if (!isType(c, i, 'PERSON')) continue;
    let j = i + 1;
    const link = gapOf(c, i);
    if (!isType(c, j, 'POSITION') || c.consumed.has(j) || !FIRST_LINK.test(link)) continue;
    if (PROPOSAL_LINK.test(link) && PROPOSAL.test(clauseBefore(text, ents[i]!.start))) continue; // "giới thiệu ông A làm …"
    give(c, i, j);
    while (isType(c, j + 1, 'POSITION') && !c.consumed.has(j + 1) && NEXT_LINK.test(gapOf(c, j))) {
      give(c, i, j + 1);
      j++;
    }
  }
}

/** 3. Verbs of holding or election. */
function heldByVerb(c: Ctx): void {
  const { ents, text } = c;
  for (let j = 0; j < ents.length; j++) {
    if (!isType(c, j, 'POSITION') || c.consumed.has(j)) continue;
    const prevEnd = j > 0 ? ents[j - 1]!.end : 0;
    const lead = gapFold(text, Math.max(prevEnd, ents[j]!.start - 120), ents[j]!.start);
    if (!TRIGGER.test(lead)) continue;
    const { subject, clauseStart } = subjectBefore(text, ents, j);
    const clause = foldKey(text.slice(clauseStart, ents[j]!.start));
    if (PROPOSAL.test(clause)) continue;
    if (subject >= 0) {
      // Coordinated subjects: "các đồng chí A, B và C được bầu …".
      const subjects = [subject];
      let s = subject;
      // … also with an honorific repeated before each name: "đồng chí A và đồng chí B được bầu làm …"
      while (isType(c, s - 1, 'PERSON') && COORD_SUBJECT.test(gapOf(c, s - 1))) subjects.push(--s);
      if (subjects.length === 1) {
        give(c, subject, j);
        // posts held in turn: `từng giữ các chức vụ A, B`
        for (let q = j; isType(c, q + 1, 'POSITION') && !c.consumed.has(q + 1) && NEXT_LINK.test(gapOf(c, q)); q++) give(c, subject, q + 1);
      } else {
        for (const si of subjects) give(c, si, j, true);
      }
      continue;
    }
    if (PRONOUN.test(clause)) {
      // A bare "ông/bà": the last person named before (not too far back).
      for (let q = j - 1; q >= 0; q--) {
        if (ents[j]!.start - ents[q]!.end > MAX_PRONOUN_DISTANCE) break;
        if (ents[q]!.type === 'PERSON') {
          give(c, q, j);
          break;
        }
      }
      continue;
    }
    // "Sau khi được bầu giữ chức …, đồng chí A …": the person right after.
    if (isType(c, j + 1, 'PERSON') && PRONOUN_GAP.test(gapOf(c, j))) give(c, j + 1, j);
  }
}

/** 4. Title, comma, honorific, name. */
function titleCommaName(c: Ctx): void {
  const { ents, text } = c;
  for (let i = 0; i + 1 < ents.length; i++) {
    if (isType(c, i, 'POSITION') && !c.consumed.has(i) && isType(c, i + 1, 'PERSON') && TITLE_COMMA.test(gapOf(c, i))) {
      const clause = foldKey(text.slice(Math.max(0, ents[i]!.start - 80), ents[i]!.start));
      if (!POST_NAMING.test(clause)) give(c, i + 1, i);
    }
  }
}

const CAREER_LINE = new RegExp(alt(CAREER_MARKS), 'gu'); // global: used only with matchAll (which clones it)

/**
 * 5. A career line (`Quá trình công tác: Phó Chủ tịch UBND huyện (2010 - 2015), Chủ tịch UBND huyện …`): the posts
 * left over in it, up to the end of its paragraph, belong to the last person named before the cue.
 */
function careerLines(c: Ctx): void {
  const { ents, text } = c;
  for (let j = 0; j < ents.length; j++) {
    if (!isType(c, j, 'POSITION') || c.consumed.has(j)) continue;
    const from = Math.max(0, ents[j]!.start - 600);
    const before = text.slice(from, ents[j]!.start);
    const para = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
    let cue = -1;
    for (const m of foldKey(before.slice(para)).matchAll(CAREER_LINE)) cue = m.index ?? cue;
    if (cue < 0) continue;
    const cueAt = from + para + cue;
    for (let q = j - 1; q >= 0; q--) {
      if (cueAt - ents[q]!.end > MAX_PRONOUN_DISTANCE) break;
      if (ents[q]!.end <= cueAt && ents[q]!.type === 'PERSON') {
        give(c, q, j);
        break;
      }
    }
  }
}

/**
 * The subject of the position `ents[j]`: the nearest PERSON before it within the clause (-1 when none), and where
 * that clause starts. Boundaries are searched in the gaps between entities only, since entity spans such as
 * "TP. HCM" may hold a dot.
 */
function subjectBefore(text: string, ents: readonly Entity[], j: number): { subject: number; clauseStart: number } {
  let clauseStart = ents[j]!.start;
  for (let k = j - 1; ; k--) {
    const gFrom = k >= 0 ? ents[k]!.end : 0;
    const b = lastBoundary(text.slice(gFrom, clauseStart));
    if (b >= 0) return { subject: -1, clauseStart: gFrom + b + 1 };
    clauseStart = gFrom;
    if (k < 0 || ents[j]!.start - gFrom > MAX_SUBJECT_DISTANCE) return { subject: -1, clauseStart };
    if (ents[k]!.type === 'PERSON') {
      // Extend the clause to its start for the proposal check ("Giới thiệu ông A giữ chức …").
      const from = Math.max(0, ents[k]!.start - 150);
      return { subject: k, clauseStart: from + lastBoundary(text.slice(from, ents[k]!.start)) + 1 };
    }
    clauseStart = ents[k]!.start;
  }
}

/** Folded text of the clause before `pos` (back to the last boundary, at most 150 characters). */
function clauseBefore(text: string, pos: number): string {
  const from = Math.max(0, pos - 150);
  const before = text.slice(from, pos);
  return foldKey(before.slice(lastBoundary(before) + 1));
}

function lastBoundary(g: string): number {
  let last = -1;
  for (const m of g.matchAll(BOUNDARY)) last = m.index ?? last;
  return last;
}

// ---------- organization (best effort, not scored) ----------

/** A title and the body after it (words-officials.tsv [deputy-marks], [title-unit-prefixes], [title-heads], [title-head-suffixes]). */
const TITLE_HEAD = new RegExp(`^(?:${alt(DEPUTY_MARKS)} )?(?:${alt(TITLE_UNIT_PREFIXES)} )?${alt(TITLE_HEADS)}(?: ${alt(TITLE_HEAD_SUFFIXES)})? (.+)$`, 'u');
/** The parent committee a body ends with ([parent-committees]). */
const COMMITTEE = new RegExp(`(?:^|\\s)(${alt(PARENT_COMMITTEES)})(?:\\s.*)?$`, 'u');
/** A committee's organ and the committee ([elided-bodies]: Ban Thường vụ Tỉnh ủy → Tỉnh ủy). */
const ORGAN_OF = new RegExp(`^${alt(ELIDED_BODIES)} (.+)$`, 'u');

/** Bodies a position belongs to, most specific first (folded keys paired with display text); [] = elided body. */
function bodyChain(position: string): string[] | undefined {
  const k = foldKey(position);
  const self = k.endsWith(' viên') ? k.slice(0, -' viên'.length) : ''; // Tỉnh ủy viên: a member of the Tỉnh ủy
  if (PARTY_COMMITTEES.has(self)) return [displayOf(position, self)];
  const m = TITLE_HEAD.exec(k);
  if (!m) return undefined;
  let body = m[1]!;
  if (ELIDED_BODIES.has(body)) return []; // elided body: fits any committee
  if (NOT_A_BODY.has(body)) return undefined; // "Chủ tịch nước": the office itself, no body written
  const organ = ORGAN_OF.exec(body);
  if (organ) body = organ[1]!;
  const chain = [displayOf(position, body)];
  const c = COMMITTEE.exec(body);
  if (c && c.index > 0) {
    const parent = body.slice(body.indexOf(c[1]!));
    chain.push(displayOf(position, parent));
  }
  return chain;
}

/** The original-case text of the folded suffix `key` inside `s`. */
function displayOf(s: string, key: string): string {
  const words = s.split(' ');
  const n = key.split(' ').length;
  for (let i = 0; i + n <= words.length; i++) {
    if (foldKey(words.slice(i, i + n).join(' ')) === key) return words.slice(i, i + n).join(' ');
  }
  return key;
}

/** The level words in the order they are tried (longer before the shorter ones they end with). */
const LEVEL_LIST: readonly string[] = [...LEVEL_WORDS];
const ADMIN_TYPES: ReadonlyArray<Entity['type']> = ['PROVINCE', 'DISTRICT', 'COMMUNE'];

interface PlaceContext {
  /** Folded, normalised ORGANIZATION texts (sorted) → display text. */
  readonly orgKeys: readonly string[];
  readonly orgDisplay: ReadonlyMap<string, string>;
  readonly names: Map<string, string | undefined>;
  readonly ents: readonly Entity[];
  readonly text: string;
}

function createPlaceContext(ents: readonly Entity[], text: string): PlaceContext {
  const orgDisplay = new Map<string, string>();
  for (const e of ents) {
    if (e.type !== 'ORGANIZATION') continue;
    const full = toOldTone((e.normalized ?? normalizeEntityText(e.text) ?? e.text).replace(/\s+/g, ' ').trim());
    const k = foldKey(full);
    if (!orgDisplay.has(k)) orgDisplay.set(k, full);
  }
  return { orgKeys: [...orgDisplay.keys()].sort(), orgDisplay, names: new Map(), ents, text };
}

/** The most frequent name written after `level` in an admin span (`huyện Quảng Trạch` → `Quảng Trạch`). */
function placeName(level: string, ctx: PlaceContext): string | undefined {
  if (ctx.names.has(level)) return ctx.names.get(level);
  const { ents, text } = ctx;
  const counts = new Map<string, { name: string; n: number }>();
  const alt = CITY_LEVEL_FORMS.has(level) ? [...CITY_LEVEL_FORMS] : [level];
  for (const e of ents) {
    if (!ADMIN_TYPES.includes(e.type)) continue;
    const raw = toOldTone((e.normalized ?? text.slice(e.start, e.end)).replace(/\s+/g, ' ').trim());
    const k = foldKey(raw);
    for (const w of alt) {
      if (!k.startsWith(`${w} `)) continue;
      const name = raw.split(' ').slice(w.split(' ').length).join(' ');
      const key = foldKey(name);
      const c = counts.get(key) ?? { name, n: 0 };
      c.n++;
      counts.set(key, c);
      break;
    }
  }
  if (counts.size === 0) {
    // No "huyện X" written: a bare name of that level (`Đức Thọ` tagged DISTRICT).
    const type = (LEVEL_TYPES.get(level)?.toUpperCase() ?? 'COMMUNE') as Entity['type'];
    for (const e of ents) {
      if (e.type !== type) continue;
      const name = toOldTone(text.slice(e.start, e.end).replace(/\s+/g, ' ').trim());
      const key = foldKey(name);
      if (LEVEL_LIST.some((w) => key.startsWith(`${w} `)) || /^tp\.?(?:\s|$)/u.test(key)) continue;
      const c = counts.get(key) ?? { name, n: 0 };
      c.n++;
      counts.set(key, c);
    }
  }
  let best: { name: string; n: number } | undefined;
  for (const c of counts.values()) if (!best || c.n > best.n) best = c;
  ctx.names.set(level, best?.name);
  return best?.name;
}

/** The body with its place taken from the text: an organisation span that extends it, or the report's unit name. */
function withPlace(body: string, ctx: PlaceContext): string {
  const k = foldKey(body);
  // An ORGANIZATION span starting with the body ("Huyện ủy" → "Huyện ủy Quảng Trạch"): binary search in sorted keys.
  const probe = `${k} `;
  let lo = 0, hi = ctx.orgKeys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ctx.orgKeys[mid]! < probe) lo = mid + 1;
    else hi = mid;
  }
  const orgKey = ctx.orgKeys[lo];
  if (orgKey !== undefined && orgKey.startsWith(probe)) return capitaliseOffice(ctx.orgDisplay.get(orgKey)!);
  const committee = COMMITTEE_LEVELS.get(k) ?? [...COMMITTEE_LEVELS].find(([c]) => k.endsWith(` ${c}`))?.[1];
  if (committee) {
    const name = placeName(committee, ctx);
    return name ? `${body} ${name}` : body;
  }
  const level = LEVEL_LIST.find((w) => k.endsWith(` ${w}`));
  if (level) {
    const name = placeName(level, ctx);
    return name ? `${body} ${name}` : body;
  }
  if ([...PROVINCE_BODIES].some((w) => k.startsWith(`${w} `))) {
    const name = placeName('tỉnh', ctx);
    return name ? `${body} tỉnh ${name}` : body;
  }
  return body;
}

const IS_COMMITTEE = new RegExp(`^(?:${alt(PARTY_COMMITTEES)}|${alt(COMMITTEE_LIKE)})(?:\\s|$)`, 'u');

function organizationOf(positions: readonly string[], ctx: PlaceContext): string | undefined {
  const chains = positions.map(bodyChain);
  if (chains.some((c) => c === undefined)) return undefined;
  const concrete = chains.filter((c): c is string[] => !!c && c.length > 0);
  const first = concrete[0];
  if (!first) return undefined;
  const hasElided = concrete.length < chains.length;
  const related = (a: string, b: string): boolean => {
    const ka = foldKey(a), kb = foldKey(b);
    return ka === kb || ka.startsWith(`${kb} `) || kb.startsWith(`${ka} `);
  };
  for (const cand of first) {
    if (hasElided && !IS_COMMITTEE.test(foldKey(cand))) continue;
    if (!hasElided && concrete.length === 1) return withPlace(cand, ctx);
    if (concrete.every((c) => c.some((b) => related(b, cand)))) {
      // Prefer the longest written form among the related bodies (it may carry the place).
      let best = cand;
      for (const c of concrete) for (const b of c) if (related(b, cand) && b.length > best.length) best = b;
      return withPlace(best, ctx);
    }
  }
  return undefined;
}

/** The officials component: `doc.layers.officials` from the merged entity layer. */
export const officialsComponent: Component = {
  name: 'officials',
  needs: ['named'],
  run(doc: Doc): void {
    doc.layers.officials = officialsFromEntities(doc.text, doc.layers.entities ?? []);
  },
};
