// The tooltip text of an entity mark: type, normalized form, parsed value, and for administrative units the
// official code, era and 2025 successor.
import type { Entity } from '../types.js';

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
const ref = (v: unknown): string => (isObj(v) ? [str(v['type']), str(v['name'])].filter(Boolean).join(' ') : '');

function unitLines(v: Record<string, unknown>): string[] {
  const lines = [`unit: ${ref(v)} · code ${str(v['code'])} · ${str(v['era'])}`];
  const parents = isObj(v['parents']) ? [ref(v['parents']['district']), ref(v['parents']['province'])].filter(Boolean) : [];
  if (parents.length) lines.push(`in: ${parents.join(', ')}`);
  const s = v['successor'];
  if (isObj(s)) {
    const prov = ref(s['province']);
    lines.push(`since 2025: ${ref(s)} · code ${str(s['code'])}${prov ? `, ${prov}` : ''}${s['change'] ? ` (${str(s['change'])})` : ''}`);
  } else if (Array.isArray(v['predecessors']) && v['predecessors'].length) {
    lines.push(`formed in 2025 from: ${v['predecessors'].map(ref).filter(Boolean).join(', ')}`);
  } else if (v['era'] === 'pre-2025') lines.push('since 2025: no successor recorded');
  return lines;
}

function valueLine(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (!isObj(v)) return `value: ${String(v)}`;
  if (typeof v['amount'] === 'number') return `value: ${v['amount'].toLocaleString('en-US')} ${str(v['currency'])}`.trimEnd();
  if (typeof v['day'] === 'number' || typeof v['month'] === 'number' || typeof v['year'] === 'number') {
    const d = [v['day'], v['month'], v['year']].filter((x) => typeof x === 'number').join('/');
    if (!v['period']) return `date: ${d}`;
  }
  const parts = Object.entries(v)
    .filter(([, x]) => x === null || typeof x !== 'object')
    .map(([k, x]) => `${k} ${String(x)}`);
  return parts.length ? `value: ${parts.join(', ')}` : undefined;
}

/**
 * The tooltip lines of an entity (joined with newlines; the view shows them with `white-space: pre-line`).
 *
 * @example
 * ```ts
 * entityTip({ type: 'ORGANIZATION', text: 'UBND huyện', start: 0, end: 10, normalized: 'Ủy ban nhân dân huyện', source: 'rule:org' });
 * // 'ORGANIZATION\nnormalized: Ủy ban nhân dân huyện\nsource: rule:org'
 * ```
 */
export function entityTip(e: Entity): string {
  const lines: string[] = [e.type];
  if (e.normalized !== undefined && e.normalized !== e.text) lines.push(`normalized: ${e.normalized}`);
  const v = e.value;
  if (isObj(v) && typeof v['code'] === 'string' && typeof v['era'] === 'string') lines.push(...unitLines(v));
  else {
    const line = valueLine(v);
    if (line) lines.push(line);
  }
  if (e.of) lines.push(`of: ${e.of}`);
  if (e.source) lines.push(`source: ${e.source}`);
  return lines.join('\n');
}
