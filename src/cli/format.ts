// Readable (`--format text`) renderings of task results.
import type { TaskName } from '../batch/tasks.js';

interface SpanLike {
  text: string;
  start: number;
  end: number;
}

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const isSpanArray = (v: unknown): v is SpanLike[] =>
  Array.isArray(v) && v.every((x) => isObj(x) && typeof x['text'] === 'string' && typeof x['start'] === 'number' && typeof x['end'] === 'number');

/**
 * Segmentation as one line per sentence, words separated by spaces, the syllables of a word joined by `_`
 * (`Huyện_ủy Quảng_Trạch tổ_chức hội_nghị .`).
 *
 * @example
 * ```ts
 * formatWords([{ text: 'Huyện ủy', start: 0, end: 8 }], [{ text: 'Huyện ủy', start: 0, end: 8 }]); // 'Huyện_ủy'
 * ```
 */
export function formatWords(words: readonly SpanLike[], sentences?: readonly SpanLike[]): string {
  const lines: string[] = [];
  let current: string[] = [];
  let si = 0;
  for (const w of words) {
    if (sentences) {
      let moved = false;
      while (si < sentences.length && w.start >= sentences[si]!.end) {
        si++;
        moved = true;
      }
      if (moved && current.length) {
        lines.push(current.join(' '));
        current = [];
      }
    }
    current.push(w.text.replace(/\s+/gu, '_'));
  }
  if (current.length) lines.push(current.join(' '));
  return lines.join('\n');
}

/**
 * Part-of-speech tags as `word/XPOS` (syllables joined by `_`), one sentence per line when sentences are given.
 *
 * @example
 * ```ts
 * formatTagged([{ text: 'Huyện ủy', start: 0, end: 8, xpos: 'N' }]); // 'Huyện_ủy/N'
 * ```
 */
export function formatTagged(words: readonly SpanLike[], sentences?: readonly SpanLike[]): string {
  return formatWords(words.map((w) => ({ ...w, text: `${w.text.replace(/\s+/gu, '_')}/${String((w as { xpos?: unknown }).xpos)}` })), sentences);
}

/**
 * Entities as `TYPE<TAB>text` lines (plus `→ normalized` when it differs).
 *
 * @example
 * ```ts
 * formatEntities([{ type: 'COMMUNE', text: 'xã Quảng Hợp', start: 0, end: 12 }]); // 'COMMUNE\txã Quảng Hợp'
 * ```
 */
export function formatEntities(entities: readonly unknown[]): string {
  return entities
    .map((e) => {
      const o = isObj(e) ? e : {};
      const norm = typeof o['normalized'] === 'string' && o['normalized'] !== o['text'] ? `\t→ ${o['normalized']}` : '';
      return `${String(o['type'])}\t${String(o['text'])}${norm}`;
    })
    .join('\n');
}

/**
 * Officials as `person — position, position (organization)` lines; a post the person no longer holds (listed in
 * `former`) is marked `(former)`.
 *
 * @example
 * ```ts
 * formatOfficials([{ person: 'Nguyễn Văn A', positions: ['Bí thư'], start: 0, end: 5 }]); // 'Nguyễn Văn A — Bí thư'
 * formatOfficials([{ person: 'B', positions: ['Bí thư Tỉnh ủy'], former: ['Bí thư Tỉnh ủy'], start: 0, end: 1 }]); // 'B — Bí thư Tỉnh ủy (former)'
 * ```
 */
export function formatOfficials(officials: readonly unknown[]): string {
  return officials
    .map((x) => {
      const o = isObj(x) ? x : {};
      const former = new Set(Array.isArray(o['former']) ? (o['former'] as unknown[]).map(String) : []);
      const post = (p: unknown): string => (former.has(String(p)) ? `${String(p)} (former)` : String(p));
      const positions = Array.isArray(o['positions']) ? (o['positions'] as unknown[]).map(post).join(', ') : '';
      const org = typeof o['organization'] === 'string' && o['organization'] ? ` (${o['organization']})` : '';
      return `${String(o['person'])}${positions ? ` — ${positions}` : ''}${org}`;
    })
    .join('\n');
}

/**
 * Summary sentences, one per line.
 *
 * @example
 * ```ts
 * formatSummary({ sentences: [{ text: 'Câu một.' }, { text: 'Câu hai.' }] }); // 'Câu một.\nCâu hai.'
 * ```
 */
export function formatSummary(summary: unknown): string {
  const o = isObj(summary) ? summary : {};
  if (Array.isArray(o['sentences'])) return (o['sentences'] as unknown[]).map((s) => (isObj(s) ? String(s['text']) : String(s))).join('\n');
  return typeof o['text'] === 'string' ? o['text'] : '';
}

/**
 * A generic readable rendering of any JSON value: indented `key: value` lines; arrays of spans show their text.
 *
 * @example
 * ```ts
 * formatGeneric({ period: '6 tháng đầu năm', targets: [{ text: 'đạt 100%' }] });
 * ```
 */
export function formatGeneric(value: unknown, indent = ''): string {
  if (value === null || value === undefined) return `${indent}-`;
  if (typeof value !== 'object') return `${indent}${String(value)}`;
  if (Array.isArray(value)) {
    if (!value.length) return `${indent}(none)`;
    return value
      .map((v) => {
        if (isObj(v) && typeof v['text'] === 'string' && Object.keys(v).every((k) => ['text', 'start', 'end', 'kind', 'score', 'index', 'source'].includes(k))) {
          return `${indent}- ${v['text']}`;
        }
        if (v !== null && typeof v === 'object') return `${indent}-\n${formatGeneric(v, `${indent}  `)}`;
        return `${indent}- ${String(v)}`;
      })
      .join('\n');
  }
  const lines: string[] = [];
  for (const [k, v] of Object.entries(value)) {
    if (k === 'start' || k === 'end') continue;
    if (v !== null && typeof v === 'object') lines.push(`${indent}${k}:`, formatGeneric(v, `${indent}  `));
    else lines.push(`${indent}${k}: ${v === undefined ? '-' : String(v)}`);
  }
  return lines.join('\n');
}

function section(title: string, body: string): string {
  return `## ${title}\n${body || '(none)'}`;
}

/**
 * Renders the result of a task for `--format text`.
 *
 * @example
 * ```ts
 * formatResult('entities', tagEntities('Xã Quảng Hợp')); // 'COMMUNE\tXã Quảng Hợp'
 * ```
 */
export function formatResult(task: TaskName, result: unknown): string {
  switch (task) {
    case 'segment':
      return isSpanArray(result) ? formatWords(result) : formatGeneric(result);
    case 'pos':
      return isSpanArray(result) ? formatTagged(result) : formatGeneric(result);
    case 'entities':
      return Array.isArray(result) ? formatEntities(result) : formatGeneric(result);
    case 'officials':
      return Array.isArray(result) ? formatOfficials(result) : formatGeneric(result);
    case 'summarize':
      return formatSummary(result);
    case 'analyze': {
      const a = isObj(result) ? result : {};
      const sentences = isSpanArray(a['sentences']) ? a['sentences'] : undefined;
      const words = isSpanArray(a['words']) ? a['words'] : [];
      const lang = isObj(a['language']) ? `${String(a['language']['language'])}${a['language']['isVietnamese'] ? '' : ' (not Vietnamese?)'}` : '?';
      return [
        `language: ${lang} · ${sentences?.length ?? 0} sentences · ${words.length} words`,
        section('Words', formatWords(words, sentences)),
        section('Entities', Array.isArray(a['entities']) ? formatEntities(a['entities']) : ''),
        section('Officials', Array.isArray(a['officials']) ? formatOfficials(a['officials']) : ''),
        section('Summary', formatSummary(a['summary'])),
      ].join('\n\n');
    }
    case 'report':
    default:
      return formatGeneric(result);
  }
}
