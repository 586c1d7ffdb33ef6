// Type tests: checked by `npm run typecheck` (tsc, strict). Each `@ts-expect-error` must be an error, so the file
// fails to compile if the discriminated union loosens.
import { analyze, extractReport, tagEntities, type AdminUnitValue, type Entity, type MoneyValue, type ReportPlace } from '../src/index.js';

const ents: Entity[] = tagEntities('UBND xã Tân Gianh chi 2 tỷ đồng.');
for (const e of ents) {
  // Narrowing on `type` gives the value type, no casts.
  const code: string | undefined = e.type === 'COMMUNE' ? e.value?.code : undefined;
  const amount: number | undefined = e.type === 'MONEY' ? e.value?.amount : undefined;
  const currency: string | undefined = e.type === 'MONEY' ? e.value?.currency : undefined;
  const pct: number | undefined = e.type === 'PERCENT' ? e.value?.value : undefined;
  const of: string | undefined = e.type === 'PERCENT' ? e.of : undefined;
  const unit: string | undefined = e.type === 'QUANTITY' ? e.value?.unit : undefined;
  const era: 'pre-2025' | 'post-2025' | undefined = e.type === 'PROVINCE' || e.type === 'DISTRICT' ? e.value?.era : undefined;
  const successor: string | undefined = e.type === 'COMMUNE' ? e.value?.successor?.code : undefined;
  if (e.type === 'DATE' && e.value && 'from' in e.value) void e.value.to;
  if (e.type === 'DATE' && e.value && 'quarter' in e.value) void (e.value.quarter satisfies number);
  void [code, amount, currency, pct, of, unit, era, successor];
  // @ts-expect-error — the value is not known before narrowing on `type`
  void e.value?.amount;
  // @ts-expect-error — a COMMUNE has no amount
  if (e.type === 'COMMUNE') void e.value?.amount;
  // @ts-expect-error — a PERSON has no value
  if (e.type === 'PERSON') void e.value?.code;
}

const m: MoneyValue | undefined = analyze('Thu 2 tỷ đồng.').entities.find((e): e is Extract<Entity, { type: 'MONEY' }> => e.type === 'MONEY')?.value;
void m;

const r = extractReport('Ngày 09-7, Huyện ủy Quảng Trạch tổ chức hội nghị. Thu ngân sách đạt 2 tỷ đồng.');
for (const res of r.results) {
  const a: number | undefined = res.value.type === 'MONEY' ? res.value.value?.amount : undefined;
  void a;
}
const places: ReportPlace[] = r.places;
for (const p of places) {
  const u: AdminUnitValue | undefined = p.type === 'COMMUNE' ? p.value : undefined;
  void u;
}
const year: number | undefined = r.meeting?.date?.value && 'day' in r.meeting.date.value ? r.meeting.date.value.year : undefined;
void year;
