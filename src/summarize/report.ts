export interface ReportField { text: string; start: number; end: number }
export type ReportMeeting = ReportField;
export type ReportPerson = ReportField;
export type ReportResult = ReportField;
export type ReportTask = ReportField;
export type ReportPlace = ReportField;
export interface Report { meeting?: ReportMeeting }
/** placeholder */
export function extractReport(text: string): Report { void text; return {}; }
