import { assertText } from '../errors.js';
import { createDoc } from '../doc/index.js';
import { runPipeline } from '../doc/pipeline.js';
import { plainSentence, sentencesComponent } from '../sentences/index.js';
import { entityComponents } from '../entities/index.js';
import { createFoldCache, foldKey } from '../text/tone.js';
import type { AdminUnitValue, DateValue, Entity, EntityOf, EntityType, EntityValues, Official, Sentence } from '../types.js';
import { ATTEND, CHAIR, CONCLUDE, letterBoundExec, MEETING, TARGET, wordTester } from './cues.js';
import { classifySentences } from './roles.js';

/** A piece of the text: `text === input.slice(start, end)`. */
export interface ReportField {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** The meeting the report is about, from its meeting sentence (`Ngày 09-7, Huyện ủy … tổ chức hội nghị …`). */
export interface ReportMeeting extends ReportField {
  /** The organising body (`Huyện ủy Quảng Trạch`, `Ban Chấp hành Đảng bộ huyện Kiến Xương`). */
  readonly organizer?: ReportField;
  /** The event as named (`hội nghị định kỳ lần thứ 25`, `Đại hội đại biểu lần thứ XXVIII, nhiệm kỳ 2020 - 2025`). */
  readonly event?: ReportField;
  /** `lần thứ 25` → value 25; `lần thứ XXVIII` → 28; `lần thứ nhất` → 1. */
  readonly ordinal?: ReportField & { readonly value?: number };
  /** `khóa XXIV`, `nhiệm kỳ 2020 - 2025`. */
  readonly term?: ReportField;
  /** The date as written (`09-7`, `22 - 23/7/2020`); `value` from the entity tagger when it parsed one. */
  readonly date?: ReportField & { readonly value?: DateValue };
  /** Where (`tại Hà Nội` → `Hà Nội`). */
  readonly place?: ReportField;
}

/** An official named in the report, with what they did at the meeting. */
export interface ReportPerson extends ReportField {
  readonly person: string;
  readonly positions: readonly string[];
  readonly organization?: string;
  /** The sentence that says so. */
  readonly sentence: ReportField;
}

/** One figure: indicator, value and unit, and its share of the plan when the text gives one. */
export interface ReportResult extends ReportField {
  /** What was measured, as written before the value (`Tổng giá trị sản xuất`, `Thu ngân sách nhà nước`). */
  readonly indicator: string;
  readonly value: ReportValue;
  /** Unit as written after the number (`tỷ đồng`, `tấn`, `%`, `đảng viên mới`). */
  readonly unit: string;
  /** `đạt 45,8% KH` → the percent span, with `of` = `kế hoạch` when known. */
  readonly percentOfPlan?: ReportField & { readonly value?: number; readonly of?: string };
  /** `target` when the sentence sets a goal (`phấn đấu`, `mục tiêu`), else `result`. */
  readonly kind: 'result' | 'target';
  readonly sentence: ReportField;
}

/** A task ahead: a clause after a cue (`yêu cầu …`, `đề nghị …`, `nhiệm vụ …`) or a task sentence of the closing part. */
export interface ReportTask extends ReportField {
  /** The cue that marks it (`yêu cầu`, `thời gian tới`, `6 tháng cuối năm`), or `section` for a sentence of the task section. */
  readonly cue: string;
  readonly sentence: ReportField;
}

/** The figure of a {@link ReportResult}: a MONEY, PERCENT or QUANTITY span with its typed value. */
export type ReportValue = {
  [T in 'MONEY' | 'PERCENT' | 'QUANTITY']: ReportField & { readonly type: T; readonly value?: EntityValues[T] };
}['MONEY' | 'PERCENT' | 'QUANTITY'];

/** A commune, district, province (`value`: the linked unit) or organisation mentioned (first mention; `count` in all). */
export type ReportPlace = ReportField & { readonly normalized?: string; readonly count: number } & (
  | { readonly type: 'PROVINCE' | 'DISTRICT' | 'COMMUNE'; readonly value?: AdminUnitValue }
  | { readonly type: 'ORGANIZATION'; readonly value?: undefined }
);

/** The typed digest of a meeting report. Every field carries offsets into the input. */
export interface Report {
  readonly meeting?: ReportMeeting;
  readonly chairs: ReportPerson[];
  readonly attendees: ReportPerson[];
  readonly results: ReportResult[];
  readonly tasks: ReportTask[];
  /** Communes, districts and provinces, in order of first mention. */
  readonly places: ReportPlace[];
  /** Organisations and units (`UBND huyện`, `Ủy ban MTTQ Việt Nam huyện`), in order of first mention. */
  readonly units: ReportPlace[];
}

/** The folded text of a sentence of the report (computed once per sentence). */
type Fold = (s: Sentence) => string;

const field = (text: string, start: number, end: number): ReportField => ({ text: text.slice(start, end), start, end });
const sentField = (s: Sentence): ReportField => ({ text: s.text, start: s.start, end: s.end });

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };
const WORD_NUM: Record<string, number> = { nhất: 1, một: 1, hai: 2, ba: 3, tư: 4, bốn: 4, năm: 5, sáu: 6, bảy: 7, tám: 8, chín: 9, mười: 10 };
function ordinalValue(s: string): number | undefined {
  if (/^\d+$/.test(s)) return Number(s);
  if (/^[IVXLCDM]+$/.test(s)) {
    let v = 0;
    for (let i = 0; i < s.length; i++) {
      const a = ROMAN[s[i]!]!, b = ROMAN[s[i + 1] ?? ''] ?? 0;
      v += a < b ? -a : a;
    }
    return v;
  }
  return WORD_NUM[foldKey(s)];
}

// Patterns on the original sentence text (case-insensitive, Unicode).
const ORDINAL_RE = /lần thứ\s+([IVXLCDM]+|\d+|nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)(?![\p{L}\d])/iu;
const TERM_RE = /(?:kh(?:oá|óa)|nhiệm kỳ)\s+(?:[IVXLCDM]+|\d{4}\s*[-–]\s*\d{4})(?![\p{L}\d])/giu;
const EVENT_RE = /(?<![\p{L}])(?:hội nghị|đại hội|kỳ họp|phiên họp)(?:[^.;:]*?(?:lần thứ\s+\S+|kh(?:oá|óa)\s+[IVXLCDM]+|nhiệm kỳ\s+\d{4}\s*[-–]\s*\d{4}))+|(?<![\p{L}])(?:hội nghị|đại hội|kỳ họp)(?![\p{L}])/iu;
const PLACE_RE = /(?<![\p{L}])tại\s+(?=\p{Lu})/u;
const DATE_RE = /(?<![\d\p{L}])(\d{1,2}(?:\s?[-–]\s?\d{1,2})?[-/.]\d{1,2}(?:[-/.]\d{2,4})?)(?!\d)/u;
const TASK_CUE = /(?<![\p{L}])(yêu cầu|đề nghị|nhấn mạnh|lưu ý|chỉ đạo|giao cho|kiến nghị|nhiệm vụ(?: trọng tâm| trước mắt)?|phương hướng|thời gian tới|thời gian tiếp theo|sắp tới|(?:6|sáu) tháng cuối năm|(?:3|ba) tháng cuối năm|năm tới|phấn đấu|mục tiêu)(?![\p{L}])/iu;
const STRONG_CUE = /(?<![\p{L}])(yêu cầu|đề nghị|kiến nghị|giao cho|lưu ý|nhấn mạnh)(?![\p{L}])/iu;
/** Fast forms of the cue patterns (same answers and matches; see cues.ts). */
const TASK_CUE_EXEC = letterBoundExec(TASK_CUE), STRONG_CUE_EXEC = letterBoundExec(STRONG_CUE);
const MEETING_TEST = wordTester(MEETING), TARGET_TEST = wordTester(TARGET), CHAIR_TEST = wordTester(CHAIR), ATTEND_TEST = wordTester(ATTEND);
const DONE_TASK = /hoàn thành(?: tốt| xuất sắc)?(?: các)? nhiệm vụ/iu;
const IMPERATIVE = /^(?:tiếp tục|tập trung|đẩy mạnh|chú trọng|triển khai|nâng cao|chỉ đạo|lãnh đạo|làm tốt|bảo đảm|đảm bảo|rà soát|huy động|phát huy|hoàn thành|chuẩn bị|tăng cường|thực hiện|quan tâm|kiện toàn|xây dựng|đổi mới|phấn đấu|khẩn trương|sớm|cần|phải|kịp thời|chủ động|quyết liệt|giữ vững|duy trì)(?![\p{L}])/iu;
const PLAN_TAIL = /^\s*(?:so với\s+)?(kế hoạch|KH|dự toán(?: [^\s,.;]+){0,3}|chỉ tiêu(?: năm)?|nghị quyết)/iu;
const VERB_TAIL = /\s*(?:ước đạt|ước|đạt(?: được)?|bằng|là|có|còn|lên|xuống|tăng|giảm|với|gồm|khoảng|hơn|gần|trên|dưới|tới|đến|chiếm)\s*$/iu;

const MEASURES: ReadonlySet<EntityType> = new Set<EntityType>(['MONEY', 'PERCENT', 'QUANTITY']);
const PLACES: ReadonlySet<EntityType> = new Set<EntityType>(['COMMUNE', 'DISTRICT', 'PROVINCE']);

function inside(e: { start: number; end: number }, s: { start: number; end: number }): boolean {
  return e.start >= s.start && e.end <= s.end;
}

/** Entities inside any of the (sorted) sentences; linear. */
function within(entities: readonly Entity[], body: readonly Sentence[]): Entity[] {
  const out: Entity[] = [];
  let si = 0;
  for (const e of entities) {
    while (si < body.length && body[si]!.end <= e.start) si++;
    if (si >= body.length) break;
    if (inside(e, body[si]!)) out.push(e);
  }
  return out;
}

function meetingOf(text: string, body: Sentence[], entities: readonly Entity[], fold: Fold): ReportMeeting | undefined {
  const head = body.slice(0, 6);
  const s = head.find((x) => MEETING_TEST(fold(x))) ?? head.find((x) => entities.some((e) => e.type === 'EVENT' && inside(e, x)));
  if (!s) return undefined;
  const ents = entities.filter((e) => inside(e, s));
  const at = (m: RegExpExecArray | null, group = 0): ReportField | undefined => {
    if (!m) return undefined;
    const g = m[group]!;
    const off = m.index + (group ? m[0].indexOf(g) : 0);
    return field(text, s.start + off, s.start + off + g.length);
  };
  const evEnt = ents.find((e) => e.type === 'EVENT');
  const event: ReportField | undefined = evEnt ? field(text, evEnt.start, evEnt.end) : at(EVENT_RE.exec(s.text));
  // The organiser: the organisation written before the event (or the first one in the sentence).
  const orgs = ents.filter((e) => e.type === 'ORGANIZATION');
  const orgEnt = (event ? [...orgs].reverse().find((e) => e.end <= event.start) : undefined) ?? orgs[0];
  const organizer = orgEnt ? field(text, orgEnt.start, orgEnt.end) : undefined;
  const ordM = ORDINAL_RE.exec(s.text);
  const ordinal = ordM ? { ...at(ordM)!, value: ordinalValue(ordM[1]!) } : undefined;
  const terms = [...s.text.matchAll(TERM_RE)];
  const t0 = terms[0];
  const term = t0 ? field(text, s.start + t0.index!, s.start + t0.index! + t0[0].length) : undefined;
  const dates = ents.filter((e): e is EntityOf<'DATE'> => e.type === 'DATE');
  const dateEnt = dates.find((e) => !/tháng|năm|quý|nhiệm kỳ|giai đoạn/iu.test(e.text)) ?? dates[0];
  const date = dateEnt ? { ...field(text, dateEnt.start, dateEnt.end), value: dateEnt.value } : at(DATE_RE.exec(s.text), 1);
  let place: ReportField | undefined;
  const pm = PLACE_RE.exec(s.text);
  if (pm) {
    const from = s.start + pm.index + pm[0].length;
    const e = ents.find((x) => x.start === from && (PLACES.has(x.type) || x.type === 'LOCATION' || x.type === 'ORGANIZATION'));
    if (e) place = field(text, e.start, e.end);
    else {
      const m = /^[^,.;()]+/u.exec(text.slice(from, s.end));
      if (m && m[0].trim().split(/\s+/).length <= 6) place = field(text, from, from + m[0].trimEnd().length);
    }
  }
  const out: ReportMeeting = {
    ...sentField(s),
    ...(organizer && { organizer }), ...(event && { event }), ...(ordinal && { ordinal }), ...(term && { term }),
    ...(date && { date }), ...(place && { place }),
  };
  return out;
}

function peopleIn(officials: readonly Official[], body: Sentence[], test: (folded: string) => boolean, text: string, fold: Fold): ReportPerson[] {
  const out: ReportPerson[] = [];
  for (const s of body) {
    if (!test(fold(s))) continue;
    for (const o of officials) {
      if (!inside(o, s)) continue;
      out.push({
        ...field(text, o.start, o.end), person: o.person, positions: o.positions,
        ...(o.organization !== undefined && { organization: o.organization }), sentence: sentField(s),
      });
    }
  }
  return out;
}

function resultsOf(text: string, body: Sentence[], entities: readonly Entity[], fold: Fold): ReportResult[] {
  const out: ReportResult[] = [];
  let ei = 0;
  const measures = entities.filter((e) => MEASURES.has(e.type));
  for (const s of body) {
    while (ei < measures.length && measures[ei]!.end <= s.start) ei++;
    const inS: Entity[] = [];
    for (let j = ei; j < measures.length && measures[j]!.start < s.end; j++) if (inside(measures[j]!, s)) inS.push(measures[j]!);
    if (!inS.length) continue;
    const kind = TARGET_TEST(fold(s)) ? 'target' : 'result';
    const used = new Set<Entity>();
    for (let j = 0; j < inS.length; j++) {
      const e = inS[j]!;
      if (used.has(e)) continue;
      // Indicator: the words before the value, back to a clause boundary or the previous figure.
      const prev = j > 0 ? inS[j - 1]! : undefined;
      const from = prev ? Math.max(prev.end, s.start) : s.start;
      const before = text.slice(from, e.start);
      const cut = Math.max(before.lastIndexOf(', '), before.lastIndexOf(';'), before.lastIndexOf(':'), before.lastIndexOf('('));
      const indicator = before.slice(cut + 1).replace(VERB_TAIL, '').replace(VERB_TAIL, '').trim();
      // A second share of the plan (`đạt 84,2% dự toán … và 69,9% HĐND huyện đề ra`) is not a figure of its own.
      if (e.type === 'PERCENT' && prev && (e.of !== undefined || /^\s*(?:và|,)?\s*$/u.test(text.slice(prev.end, e.start)) || cut < 0 && /^(?:[^\p{L}]*(?:và|hoặc)\s*)$/u.test(before))) continue;
      const num = /^[\d.,/]+\s*/u.exec(e.text);
      const unit = e.type === 'PERCENT' ? '%' : num ? e.text.slice(num[0].length).trim() : '';
      // Share of the plan: a PERCENT right after the value in the same clause, with an "of plan" tail.
      let percentOfPlan: ReportResult['percentOfPlan'];
      const next = inS[j + 1];
      if (e.type !== 'PERCENT' && next && next.type === 'PERCENT' && !/[;:]/.test(text.slice(e.end, next.start))) {
        const tail = PLAN_TAIL.exec(text.slice(next.end, s.end));
        const of = next.of ?? (tail ? foldKey(tail[1]!) === 'kh' ? 'kế hoạch' : tail[1] : undefined);
        if (of !== undefined) {
          const v = (next.value as { value?: unknown } | undefined)?.value;
          percentOfPlan = { ...field(text, next.start, next.end), ...(typeof v === 'number' && { value: v }), of };
          used.add(next);
        }
      }
      if (e.type === 'PERCENT' && !indicator) continue;
      out.push({
        ...field(text, e.start, (percentOfPlan ?? e).end), indicator, unit, kind,
        value: { ...field(text, e.start, e.end), type: e.type, ...(e.value !== undefined && { value: e.value }) } as ReportValue,
        ...(percentOfPlan && { percentOfPlan }), sentence: sentField(s),
      });
    }
  }
  return out;
}

function tasksOf(text: string, body: Sentence[], fold: Fold, meeting?: ReportField): ReportTask[] {
  const out: ReportTask[] = [];
  // The task section starts at the first sentence past the first third that announces tasks or instructions.
  const n = body.length;
  let sectionFrom = n;
  for (let i = Math.floor(n / 3); i < n; i++) {
    const f = fold(body[i]!);
    if (TASK_CUE_EXEC(body[i]!.text) || CONCLUDE.test(f)) { sectionFrom = i; break; }
  }
  for (let i = 0; i < n; i++) {
    const s = body[i]!;
    if (meeting && s.start === meeting.start) continue;
    const m = STRONG_CUE_EXEC(s.text) ?? (DONE_TASK.test(s.text) ? null : TASK_CUE_EXEC(s.text));
    if (m && (i >= sectionFrom || TARGET_TEST(fold(s)) || /yêu cầu|đề nghị|nhiệm vụ/iu.test(m[1]!))) {
      // The clause after the cue (`… yêu cầu các cấp ủy tập trung …` → `các cấp ủy tập trung …`); whole sentence
      // when the cue opens it or only a few words would follow.
      let a = s.start + m.index + m[0].length;
      while (a < s.end && /[\s,:]/u.test(text[a]!)) a++;
      const rest = s.end - a;
      if (m.index < 3 || rest < 25) a = s.start;
      let b = s.end;
      while (b > a && /[\s.;…]/u.test(text[b - 1]!)) b--;
      out.push({ ...field(text, a, b), cue: m[1]!, sentence: sentField(s) });
    } else if (i > sectionFrom && IMPERATIVE.test(s.text)) {
      let b = s.end;
      while (b > s.start && /[\s.;…]/u.test(text[b - 1]!)) b--;
      out.push({ ...field(text, s.start, b), cue: 'section', sentence: sentField(s) });
    }
  }
  return out;
}

function mentions(text: string, entities: readonly Entity[], types: ReadonlySet<EntityType>): ReportPlace[] {
  const byKey = new Map<string, { first: Entity; count: number }>();
  const fold = createFoldCache(); // organisation and place names repeat
  for (const e of entities) {
    if (!types.has(e.type)) continue;
    const code = (e.value as { code?: unknown } | undefined)?.code;
    const key = `${e.type}:${typeof code === 'string' ? code : fold(e.normalized ?? e.text)}`;
    const hit = byKey.get(key);
    if (hit) hit.count++;
    else byKey.set(key, { first: e, count: 1 });
  }
  return [...byKey.values()].map(({ first: e, count }) => ({
    ...field(text, e.start, e.end), type: e.type, count,
    ...(e.normalized !== undefined && { normalized: e.normalized }), ...(e.value !== undefined && { value: e.value }),
  }) as ReportPlace);
}

/**
 * A typed digest of a meeting report: the meeting (organiser, event, ordinal, term, date, place), who chaired and
 * who attended (officials), the figures (indicator, value, unit, share of plan), the tasks ahead, and the
 * communes/districts/provinces and organisations mentioned. Every field carries `[start, end)` offsets into `text`.
 * Headlines, captions and bylines are ignored. Fields the text does not give are absent or empty.
 *
 * @example
 * ```ts
 * import { extractReport } from 'vietnlp';
 * const r = extractReport('Ngày 09-7, Huyện ủy Quảng Trạch tổ chức hội nghị lần thứ 25. Tổng giá trị sản xuất ước đạt 2.926 tỷ đồng, đạt 45,8% KH.');
 * r.meeting?.organizer?.text;            // 'Huyện ủy Quảng Trạch'
 * r.meeting?.ordinal?.value;             // 25
 * r.results[0]?.indicator;               // 'Tổng giá trị sản xuất'
 * r.results[0]?.percentOfPlan?.text;     // '45,8%'
 * ```
 */
export function extractReport(text: string): Report {
  assertText(text, 'extractReport');
  // One run of the pipeline: sentences, entities and officials (the officials read the same entity layer).
  const { layers } = runPipeline(createDoc(text), REPORT_COMPONENTS, ['sentences', 'officials']);
  const sentences = layers.sentences!.map(plainSentence);
  // Each sentence folded once (the cue patterns run on folded text); the layout reads the fold of the first 400
  // characters, as it does on its own.
  const folded = sentences.map((x) => foldKey(x.text));
  const foldOf = new Map(sentences.map((x, i) => [x, folded[i]!]));
  const fold: Fold = (x) => foldOf.get(x) ?? foldKey(x.text);
  const layout = classifySentences(text, sentences, sentences.map((x, i) => (x.text.length > 400 ? foldKey(x.text.slice(0, 400)) : folded[i]!)));
  let body = sentences.filter((_, i) => layout[i]!.role === 'body');
  if (!body.length) body = sentences;
  const entities = layers.entities!;
  const officials = layers.officials!;
  const bodyEntities = within(entities, body);
  const meeting = meetingOf(text, body, entities, fold);
  return {
    ...(meeting && { meeting }),
    chairs: peopleIn(officials, body, (f) => CHAIR_TEST(f), text, fold),
    attendees: peopleIn(officials, body, (f) => ATTEND_TEST(f) && !CHAIR_TEST(f), text, fold),
    results: resultsOf(text, body, entities, fold),
    tasks: tasksOf(text, body, fold, meeting),
    places: mentions(text, bodyEntities, PLACES),
    units: mentions(text, bodyEntities, new Set<EntityType>(['ORGANIZATION'])),
  };
}

const REPORT_COMPONENTS = { sentences: sentencesComponent, ...entityComponents() };
