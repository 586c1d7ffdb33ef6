// The parts of the HTML view around the text: summary list, legend, officials table, report digest.
import type { EntityType, Entity, Official } from '../types.js';
import type { Summary } from '../summarize/index.js';
import type { Report, ReportField, ReportPerson } from '../summarize/report.js';
import { escapeHtml as esc } from './escape.js';
import { TYPE_STYLES } from './colors.js';

const none = (what: string): string => `<p class="none">${esc(what)}</p>`;

/** The summary sentences as an ordered list, each linking to its place in the text (`#<prefix>s<index>`). */
export function summaryList(summary: Summary, prefix: string): string {
  if (!summary.sentences.length) return none('No summary sentence (the text has no body sentence).');
  const items = summary.sentences.map((s) => `<li><a href="#${prefix}s${s.index}">${esc(s.text)}</a></li>`);
  return `<ol class="summary">${items.join('')}</ol>`;
}

/** The legend: every type with its short label, its meaning and its count in this text. */
export function legend(entities: readonly Entity[], withSummary: boolean): string {
  const counts = new Map<string, number>();
  for (const e of entities) counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
  const items = (Object.keys(TYPE_STYLES) as EntityType[]).map((t) => {
    const s = TYPE_STYLES[t];
    return `<li><span class="key t-${t}">${s.label}</span> ${t} · ${esc(s.name)} (${counts.get(t) ?? 0})</li>`;
  });
  if (withSummary) items.push('<li><span class="key sum-key">S1</span> summary sentence</li>');
  return `<ul class="legend" aria-label="Legend">${items.join('')}</ul>`;
}

/** The officials as a table: person, positions, organisation. */
export function officialsTable(officials: readonly Official[]): string {
  if (!officials.length) return none('No official found.');
  const rows = officials.map(
    (o) => `<tr><td>${esc(o.person)}</td><td>${o.positions.map((p) => (o.former?.includes(p) ? `${esc(p)} <small class="former">(former)</small>` : esc(p))).join('<br>')}</td><td>${esc(o.organization ?? '')}</td></tr>`,
  );
  return `<table class="officials"><thead><tr><th scope="col">Person</th><th scope="col">Positions</th><th scope="col">Organisation</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function people(list: readonly ReportPerson[]): string {
  return `<ul>${list
    .map((p) => `<li>${esc(p.person)}${p.positions.length ? ` — ${p.positions.map(esc).join(', ')}` : ''}${p.organization ? ` (${esc(p.organization)})` : ''}</li>`)
    .join('')}</ul>`;
}

function meeting(report: Report): string {
  const m = report.meeting;
  if (!m) return none('No meeting sentence found.');
  const row = (name: string, f: ReportField | undefined): string => (f ? `<dt>${name}</dt><dd>${esc(f.text)}</dd>` : '');
  return `<dl class="meeting">${row('Event', m.event)}${row('Organiser', m.organizer)}${row('Date', m.date)}${row('Term', m.term)}${row('Place', m.place)}${row('Sentence', m)}</dl>`;
}

function results(report: Report): string {
  if (!report.results.length) return none('No figure found.');
  const rows = report.results.map((r) => {
    const pct = r.percentOfPlan ? `${esc(r.percentOfPlan.text)}${r.percentOfPlan.of ? ` of ${esc(r.percentOfPlan.of)}` : ''}` : '';
    return `<tr><td>${esc(r.indicator)}</td><td class="num">${esc(r.value.text)}</td><td>${esc(r.unit)}</td><td class="num">${pct}</td><td>${r.kind}</td></tr>`;
  });
  return `<table class="results"><thead><tr><th scope="col">Indicator</th><th scope="col">Value</th><th scope="col">Unit</th><th scope="col">Of plan</th><th scope="col">Kind</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** The report digest: meeting, chairs and attendees, results with values, tasks ahead. */
export function digest(report: Report): string {
  const tasks = report.tasks.length
    ? `<ul class="tasks">${report.tasks.map((t) => `<li><b>${esc(t.cue)}</b>: ${esc(t.text)}</li>`).join('')}</ul>`
    : none('No task found.');
  return [
    `<h3>Meeting</h3>${meeting(report)}`,
    `<h3>Chaired by</h3>${report.chairs.length ? people(report.chairs) : none('No chair found.')}`,
    report.attendees.length ? `<h3>Attending</h3>${people(report.attendees)}` : '',
    `<h3>Results</h3>${results(report)}`,
    `<h3>Tasks ahead</h3>${tasks}`,
  ].join('');
}
