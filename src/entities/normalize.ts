import escapeRegExp from 'lodash-es/escapeRegExp.js';
import { loadData } from '../data/load.js';
import { assertText } from '../errors.js';
import { tokenize } from '../text/tokens.js';
import { convertTone } from '../text/tone.js';
import type { Token } from '../types.js';

// Entity normalisation: abbreviations expanded from dictionaries/abbreviations (compiled to abbreviations.json),
// tone placement unified to the old style (ủy, hòa, thủy, khóa), output in NFC. Works on the token layer, so NFD
// input, odd spacing and letters inside document numbers (27-CTr/TU is one `code` token) are handled safely.

type Context = '' | 'before-place' | 'glued' | 'in-compound';

interface AbbrTable {
  /** key (tokens joined by one space) → candidate expansions in file order. */
  readonly byKey: ReadonlyMap<string, ReadonlyArray<readonly [string, Context]>>;
  readonly maxTokens: number;
  readonly casing: ReadonlyArray<readonly [RegExp, string]>;
}

interface CompiledAbbreviations {
  entries: Array<[string, string, string]>;
  casing: string[];
}

function parseTable(content: string): AbbrTable {
  const json = JSON.parse(content) as CompiledAbbreviations;
  const byKey = new Map<string, Array<readonly [string, Context]>>();
  let maxTokens = 1;
  for (const [abbr, expansion, context] of json.entries) {
    const key = abbr.normalize('NFC');
    const list = byKey.get(key) ?? [];
    list.push([expansion.normalize('NFC'), context as Context]);
    byKey.set(key, list);
    maxTokens = Math.max(maxTokens, key.split(' ').length);
  }
  const casing = json.casing.map((c): readonly [RegExp, string] => {
    const src = c.normalize('NFC').split(' ').map((w) => escapeRegExp(w)).join('\\s+');
    return [new RegExp(`(?<![\\p{L}\\p{M}])${src}(?![\\p{L}\\p{M}])`, 'giu'), c.normalize('NFC')];
  });
  return { byKey, maxTokens, casing };
}

function abbreviationTable(): AbbrTable {
  return loadData('abbreviations.json', parseTable);
}

// convertTone leaves a capitalised word-initial pair such as "Uỷ" alone; handle it here.
const CAP_PAIR = /(?<![\p{L}\p{M}])([UO])([ỳýỷỹỵàáảãạèéẻẽẹ])(?![\p{L}\p{M}])/gu;

/**
 * NFC text with the old tone placement (`ủy`, `hòa`, `thủy`, `khóa`), also for a capitalised `Uỷ`.
 *
 * @example
 * ```ts
 * toOldTone('Uỷ ban Huyện uỷ khoá'); // 'Ủy ban Huyện ủy khóa'
 * ```
 */
export function toOldTone(text: string): string {
  const nfc = text.normalize('NFC');
  return convertTone(nfc, 'old').replace(CAP_PAIR, (m) => {
    const c = convertTone(m.toLowerCase(), 'old');
    return c.charAt(0).toUpperCase() + c.slice(1);
  });
}

const ORGAN_SECOND = new Set(['ủy', 'uỷ']); // "TT Huyện ủy": the capitalised word is an organ, not a place

function isUpperAcronym(t: Token): boolean {
  if (t.kind === 'abbreviation') return true;
  return t.kind === 'syllable' && t.text.length >= 2 && t.text === t.text.toUpperCase() && t.text !== t.text.toLowerCase();
}

function contextFits(context: Context, toks: readonly Token[], next: number): boolean {
  if (context === '' || context === 'glued') return true;
  if (context === 'in-compound') return false;
  // before-place: the next token is a capitalised name, not an organ ("Huyện ủy") or an acronym.
  const t = toks[next];
  if (!t || t.kind !== 'syllable' || !/^\p{Lu}/u.test(t.text) || t.text === t.text.toUpperCase()) return false;
  const after = toks[next + 1];
  return !(after && ORGAN_SECOND.has(after.text.normalize('NFC').toLowerCase()));
}

function lookup(table: AbbrTable, key: string, toks: readonly Token[], next: number): string | undefined {
  const list = table.byKey.get(key);
  if (!list) return undefined;
  for (const [expansion, context] of list) if (contextFits(context, toks, next)) return expansion;
  return undefined;
}

function expandCompound(table: AbbrTable, text: string): string | undefined {
  // KT-XH, CNH-HĐH: letters only (a digit means a document number), every part known.
  if (/\d/.test(text) || !text.includes('-')) return undefined;
  const parts = text.split('-');
  const out: string[] = [];
  for (const p of parts) {
    const list = table.byKey.get(p);
    const hit = list?.find(([, c]) => c !== 'before-place');
    if (!hit) return undefined;
    out.push(hit[0]);
  }
  return out.join(' - ');
}

/**
 * Normalised form of an entity span: abbreviations expanded (`HU` → `Huyện ủy`, `UBND` → `Ủy ban nhân dân`,
 * `TP. HCM` → `Thành phố Hồ Chí Minh`, `H.Bình Chánh` → `huyện Bình Chánh` …) and tone placement unified to
 * `ủy/hòa/thủy/khóa`, in NFC with single spaces. Returns `undefined` when the span contains no known
 * abbreviation (a span differing only in tone placement gets no normalised form). Letters inside document
 * numbers (`27-CTr/TU`) are not expanded.
 *
 * @example
 * ```ts
 * normalizeEntityText('Phó Bí thư TT Huyện uỷ'); // 'Phó Bí thư Thường trực Huyện ủy'
 * normalizeEntityText('Chương trình số 27-CTr/TU'); // undefined
 * normalizeEntityText('Huyện uỷ Kiến Xương'); // undefined
 * ```
 */
export function normalizeEntityText(text: string): string | undefined {
  assertText(text, 'normalizeEntityText');
  const nfc = text.normalize('NFC');
  if (!/\p{Lu}{2}|\p{Lu}\./u.test(nfc)) return undefined; // no acronym or dotted abbreviation: fast exit
  const table = abbreviationTable();
  const toks = tokenize(nfc);
  const pieces: string[] = [];
  let changed = false;
  let prevEnd = -1;
  for (let i = 0; i < toks.length; ) {
    const t = toks[i]!;
    const sep = prevEnd >= 0 && t.start > prevEnd ? ' ' : '';
    let out: string | undefined;
    let used = 1;
    if (isUpperAcronym(t)) {
      for (let n = Math.min(table.maxTokens, toks.length - i); n >= 1 && out === undefined; n--) {
        const run = toks.slice(i, i + n);
        if (n > 1 && !run.every((x) => x.kind === 'abbreviation' || x.kind === 'punctuation' || x.kind === 'symbol' || isUpperAcronym(x))) continue;
        const key = run.map((x) => x.text).join(' ');
        out = lookup(table, key, toks, i + n);
        if (out !== undefined) used = n;
      }
      if (out === undefined) {
        // A dotted admin word glued to the name: H.Bình Chánh, Q.Bình Thạnh.
        const m = /^(\p{L}{1,3}\.)(\p{L}.*)$/u.exec(t.text);
        const hit = m ? table.byKey.get(m[1]!)?.find(([, c]) => c === 'glued') : undefined;
        if (m && hit) out = `${hit[0]} ${toOldTone(m[2]!)}`;
      }
    } else if (t.kind === 'code') {
      out = expandCompound(table, t.text);
    }
    if (out !== undefined) changed = true;
    pieces.push(sep, out ?? toOldTone(t.text));
    prevEnd = toks[i + used - 1]!.end;
    i += used;
  }
  if (!changed) return undefined;
  let result = pieces.join('');
  for (const [re, canon] of table.casing) result = result.replace(re, canon);
  return result;
}
