// render(): one self-contained HTML document showing an analysis (entities and summary in place, legend, officials,
// report digest). Inline CSS only, no script, no external asset; every piece of the input is escaped.
import { VietNlpError, checkOptions, describe } from '../errors.js';
import { analyze, type Analysis } from '../analyze/index.js';
import { tagEntities } from '../entities/index.js';
import { officialsFromEntities } from '../entities/officials.js';
import { summarize, extractReport, type Summary, type SummarizeOptions } from '../summarize/index.js';
import type { Report } from '../summarize/report.js';
import type { Entity, Official } from '../types.js';
import { escapeHtml as esc } from './escape.js';
import { nestMarkup, type MarkSpan } from './nest.js';
import { TYPE_STYLES } from './colors.js';
import { CSS } from './style.js';
import { entityTip } from './tooltip.js';
import { digest, legend, officialsTable, summaryList } from './sections.js';

export { escapeHtml } from './escape.js';
export { contrastRatio, relativeLuminance, TYPE_STYLES, TEXT_COLOUR, PAGE_COLOUR, SUMMARY_BG, SUMMARY_INK, type TypeStyle } from './colors.js';

/** Options of {@link render}. */
export interface RenderOptions {
  /** Page title (default: the first line of the text). */
  title?: string;
  /** Summary length, when the summary is computed here (input is a text, or an analysis without `summary`). */
  summary?: SummarizeOptions;
  /** Show the short type label after each mark (default true; the page has a checkbox to switch them). */
  labels?: boolean;
}

/** What {@link render} accepts besides a text: an {@link Analysis}, or any object with `text` and some of its layers. */
export type RenderInput = string | (Pick<Analysis, 'text'> & Partial<Pick<Analysis, 'entities' | 'officials' | 'summary' | 'sentences' | 'words' | 'language'>>);

interface View {
  readonly text: string;
  readonly entities: readonly Entity[];
  readonly officials: readonly Official[];
  readonly summary: Summary;
  readonly report: Report;
  readonly stats: string;
}

const OPTION_KEYS = ['title', 'summary', 'labels'];

function checkSpans(list: unknown, name: string, text: string): void {
  if (!Array.isArray(list)) throw new VietNlpError('E_INPUT_TYPE', `render: ${name} must be an array, got ${describe(list)}`);
  list.forEach((s: unknown, i) => {
    const o = (s ?? {}) as Record<string, unknown>;
    const { start, end } = o;
    const ok = Number.isInteger(start) && Number.isInteger(end) && (start as number) >= 0 && (start as number) <= (end as number) && (end as number) <= text.length;
    if (!ok) {
      throw new VietNlpError('E_INPUT_TYPE', `render: ${name}[${i}] has offsets [${describe(start)}, ${describe(end)}), not within the text (length ${text.length})`);
    }
    if (typeof o['text'] === 'string' && o['text'] !== text.slice(start as number, end as number)) {
      throw new VietNlpError('E_INPUT_TYPE', `render: ${name}[${i}].text ${describe(o['text'])} is not the text at [${String(start)}, ${String(end)}); is the analysis of another text?`);
    }
  });
}

/** The analysis to show: the given layers (checked against the text) or computed ones. */
function toView(input: unknown, opts: Partial<RenderOptions>): View {
  let a: Partial<Analysis> & { text: string };
  if (typeof input === 'string') a = analyze(input, opts.summary ? { summary: opts.summary } : undefined);
  else if (input && typeof input === 'object' && typeof (input as { text?: unknown }).text === 'string') a = input as Analysis;
  else throw new VietNlpError('E_INPUT_TYPE', `render: expected a text (string) or an analysis (an object with a string "text"), got ${describe(input)}`);
  const { text } = a;
  const entities = a.entities ?? tagEntities(text);
  checkSpans(entities, 'entities', text);
  const officials = a.officials ?? officialsFromEntities(text, entities);
  const summary = a.summary ?? summarize(text, opts.summary);
  if (!summary || typeof summary !== 'object' || !Array.isArray(summary.sentences)) {
    throw new VietNlpError('E_INPUT_TYPE', `render: summary must be an object with a "sentences" array, got ${describe(summary)}`);
  }
  checkSpans(summary.sentences, 'summary.sentences', text);
  const parts = [
    a.language ? `language ${a.language.language}${a.language.isVietnamese ? '' : ' (not Vietnamese?)'}` : '',
    a.sentences ? `${a.sentences.length} sentences` : '',
    a.words ? `${a.words.length} words` : '',
    `${entities.length} entities`,
    `${officials.length} officials`,
    `${summary.sentences.length} summary sentences`,
  ];
  return { text, entities, officials, summary, report: extractReport(text), stats: parts.filter(Boolean).join(' · ') };
}

/** The text with entities and summary sentences marked in place. */
function markedText(v: View, prefix: string): string {
  const spans: MarkSpan[] = v.entities.map((e) => {
    const style = TYPE_STYLES[e.type];
    const cls = `ent t-${esc(String(e.type))}`;
    const common = `data-type="${esc(String(e.type))}" data-start="${e.start}" data-end="${e.end}"`;
    return {
      start: e.start,
      end: e.end,
      layer: 0,
      open: (first) =>
        first
          ? `<mark class="${cls}" ${common} data-label="${esc(style?.label ?? String(e.type))}" data-tip="${esc(entityTip(e))}" tabindex="0">`
          : `<mark class="${cls} cont" ${common} data-cont="">`,
      close: '</mark>',
    };
  });
  v.summary.sentences.forEach((s, rank) => {
    const common = `data-summary="${s.index}" data-rank="${rank + 1}" data-start="${s.start}" data-end="${s.end}"`;
    spans.push({
      start: s.start,
      end: s.end,
      layer: 1,
      open: (first) => (first ? `<span class="sum head" id="${prefix}s${s.index}" ${common}>` : `<span class="sum" ${common}>`),
      close: '</span>',
    });
  });
  return nestMarkup(v.text, spans, esc);
}

/** The view of one analysis (everything inside `<main>`), ids prefixed with `prefix`. */
function viewBody(v: View, prefix: string, labels: boolean): string {
  const id = (s: string): string => `${prefix}${s}`;
  return [
    `<p class="stats">${esc(v.stats)}</p>`,
    `<nav class="toc" aria-label="Sections"><a href="#${id('summary')}">Summary</a><a href="#${id('text')}">Text</a><a href="#${id('officials')}">Officials</a><a href="#${id('report')}">Report</a></nav>`,
    `<section id="${id('summary')}"><h2>Summary</h2>${summaryList(v.summary, prefix)}</section>`,
    `<section id="${id('entities')}"><h2>Text</h2>${legend(v.entities, v.summary.sentences.length > 0)}`,
    `<label class="toggle"><input type="checkbox" id="${id('show-labels')}" class="show-labels"${labels ? ' checked' : ''}> Show type labels</label>`,
    `<div class="text" id="${id('text')}" lang="vi">${markedText(v, prefix)}</div></section>`,
    `<section id="${id('officials')}"><h2>Officials</h2>${officialsTable(v.officials)}</section>`,
    `<section id="${id('report')}"><h2>Report digest</h2>${digest(v.report)}</section>`,
  ].join('\n');
}

function titleOf(text: string): string {
  const line = text.split(/\r?\n/).map((l) => l.trim()).find(Boolean) ?? '';
  return line ? `vietnlp · ${line.length > 80 ? `${line.slice(0, 80)}…` : line}` : 'vietnlp analysis';
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="vietnlp">
<title>${esc(title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
<h1>${esc(title)}</h1>
${body}
</main>
</body>
</html>
`;
}

function checkRenderOptions(options: unknown): Partial<RenderOptions> {
  const o = checkOptions<RenderOptions>(options, 'render', OPTION_KEYS);
  if (o.title !== undefined && typeof o.title !== 'string') throw new VietNlpError('E_OPTION_TYPE', `render: option title must be a string, got ${describe(o.title)}`);
  if (o.labels !== undefined && typeof o.labels !== 'boolean') throw new VietNlpError('E_OPTION_TYPE', `render: option labels must be true or false, got ${describe(o.labels)}`);
  return o;
}

/**
 * Renders a text or an {@link Analysis} as one self-contained HTML document: the text with every entity marked in
 * place (`<mark data-type data-start data-end>`, a colour and a short label per type, a tooltip with the normalized
 * form and, for administrative units, code, era and 2025 successor), the summary sentences marked in place
 * (`data-summary`) and listed at the top, the officials table and the report digest (meeting, chairs, results, tasks).
 * Inline CSS only: no script, no external asset; markup in the text is shown as text. A given analysis must belong
 * to its `text` (offsets are checked); missing layers are computed.
 *
 * @example
 * ```ts
 * const html = render(analyze(text)); // a whole page: save it as report.html, or serve it
 * ```
 */
export function render(input: RenderInput, options?: RenderOptions): string {
  const o = checkRenderOptions(options);
  const v = toView(input, o);
  return page(o.title ?? titleOf(v.text), viewBody(v, '', o.labels ?? true));
}

/** One document of {@link renderMany}: its name and its analysis (or the error that stopped it). */
export type RenderItem = { readonly id: string; readonly input: RenderInput } | { readonly id: string; readonly error: string };

/**
 * Renders several documents as one HTML page: an index (name, counts, link) and then each document's view, in order.
 * Used by `vietnlp analyze --format html` for several files or a folder.
 *
 * @example
 * ```ts
 * renderMany([{ id: 'a.txt', input: analyze(a) }, { id: 'b.txt', input: analyze(b) }]);
 * ```
 */
export function renderMany(items: readonly RenderItem[], options?: RenderOptions): string {
  const o = checkRenderOptions(options);
  const index: string[] = [];
  const bodies: string[] = [];
  items.forEach((item, i) => {
    const prefix = `d${i + 1}-`;
    if ('error' in item) {
      index.push(`<li>${esc(item.id)}: <span class="error">failed: ${esc(item.error)}</span></li>`);
      return;
    }
    const v = toView(item.input, o);
    index.push(`<li><a href="#${prefix}doc">${esc(item.id)}</a> · ${esc(v.stats)}</li>`);
    bodies.push(`<section class="doc" id="${prefix}doc" data-doc="${esc(item.id)}"><h2>${esc(item.id)}</h2>\n${viewBody(v, prefix, o.labels ?? true)}</section>`);
  });
  const list = index.length ? `<ol class="index">${index.join('')}</ol>` : '<p class="none">No document.</p>';
  return page(o.title ?? `vietnlp · ${items.length} document${items.length === 1 ? '' : 's'}`, `<nav aria-label="Documents">${list}</nav>\n${bodies.join('\n')}`);
}
