import type { AdminEra } from './gazetteer.js';

/** Facts about a report's date used to choose between pre-2025 and post-2025 units. */
export interface EraFacts {
  readonly era: AdminEra;
  /** the latest (year, month) written as a full date, deadlines (`đến ngày …`) excepted */
  readonly latest?: { readonly year: number; readonly month: number };
  /** mentions of the reorganisation (`(cũ)`, `hai cấp`, `đặc khu`, `sau sáp nhập`) */
  readonly markers: number;
}

const DATE_RES: Array<[RegExp, number, number]> = [
  [/(?<!\d)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*((?:19|20)\d\d)(?!\d)/gu, 2, 3],
  [/tháng\s+(\d{1,2})\s*[/-]\s*((?:19|20)\d\d)(?!\d)/giu, 1, 2],
  [/tháng\s+(\d{1,2})\s+năm\s+((?:19|20)\d\d)(?!\d)/giu, 1, 2],
];
const DEADLINE = /(?:đến|trước|tới|hạn|hết)\s*(?:ngày|tháng)?\s*$/iu;
const MARKERS = /\(\s*cũ\s*\)|hai cấp|đặc khu|sau (?:khi )?(?:sắp xếp|sáp nhập|hợp nhất)|01\/7\/2025|1\/7\/2025/giu;

/**
 * The report's era: post-2025 when it is dated after 1 July 2025 (or dated 2025 and speaks of the reorganisation).
 *
 * @example
 * ```ts
 * documentEra('Ngày 18/9/2025, Đảng ủy xã Tân Gianh …').era; // 'post-2025'
 * ```
 */
export function documentEra(text: string): EraFacts {
  const nfc = text.normalize('NFC');
  let latest: { year: number; month: number } | undefined;
  let maxYear = 0;
  for (const [re, mi, yi] of DATE_RES) {
    re.lastIndex = 0;
    for (let m = re.exec(nfc); m; m = re.exec(nfc)) {
      const month = Number(m[mi]);
      const year = Number(m[yi]);
      if (month < 1 || month > 12) continue;
      if (DEADLINE.test(nfc.slice(Math.max(0, m.index - 14), m.index))) continue;
      if (!latest || year * 12 + month > latest.year * 12 + latest.month) latest = { year, month };
    }
  }
  for (const m of nfc.matchAll(/năm\s+((?:19|20)\d\d)(?!\d)/giu)) maxYear = Math.max(maxYear, Number(m[1]));
  const markers = [...nfc.matchAll(MARKERS)].length;
  const dated2025 = latest ? latest.year >= 2025 : maxYear === 2025;
  const post = (latest !== undefined && latest.year * 12 + latest.month >= 2025 * 12 + 7) || (dated2025 && markers > 0);
  return { era: post ? 'post-2025' : 'pre-2025', ...(latest ? { latest } : {}), markers };
}
