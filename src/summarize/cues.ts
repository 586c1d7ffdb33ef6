// Lexical cues of Vietnamese party/government meeting reports and news about them. Every pattern runs on folded
// text (foldKey: NFC, lower case, old tone placement `ủy/hòa/thủy/khóa`), so `uỷ`/`ủy` and NFD input match alike.
// Word edges use letter look-arounds because `\b` is ASCII-only in JavaScript.

const B = String.raw`(?<![\p{L}\p{M}\d])`; // start of a word
const E = String.raw`(?![\p{L}\p{M}\d])`; // end of a word
const re = (src: string, flags = 'u'): RegExp => new RegExp(src.replace(/‹/g, B).replace(/›/g, E), flags);

const WORD_CHAR = /[\p{L}\p{M}\d]/u;
/**
 * A faster scan for a pattern `‹(?:a|b|…)…` that opens with the word-start look-behind: the look-behind keeps the
 * regex engine from skipping ahead by the first letters, so the scan runs without it and checks the character
 * before each match instead (a failed check resumes one character later, as the engine would). Counts up to `cap`
 * matches: the same count as a global `exec` loop over the original pattern.
 * @example
 * ```ts
 * wordScanner(TASK)('nhiệm vụ và giải pháp'); // 2
 * ```
 */
export function wordScanner(pattern: RegExp): (s: string, cap?: number) => number {
  if (!pattern.source.startsWith(B)) throw new Error(`wordScanner: ${pattern.source.slice(0, 40)} does not open with the word-start look-behind`);
  const scan = new RegExp(pattern.source.slice(B.length), 'gu');
  return (s: string, cap = Infinity): number => {
    scan.lastIndex = 0;
    let c = 0;
    for (let m = scan.exec(s); m && c < cap; m = scan.exec(s)) {
      const at = m.index;
      const before = at === 0 ? '' : at > 1 && s.charCodeAt(at - 1) >= 0xdc00 && s.charCodeAt(at - 1) <= 0xdfff ? s.slice(at - 2, at) : s[at - 1]!;
      if (before && WORD_CHAR.test(before)) { scan.lastIndex = at + 1; continue; }
      c++;
      if (m[0] === '') scan.lastIndex++;
    }
    return c;
  };
}

/** The top-level alternatives of a pattern source (split at `|` outside groups, classes and escapes). */
function alternatives(src: string): string[] {
  const out: string[] = [];
  let depth = 0, inClass = false, from = 0;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (ch === '\\') { i++; continue; }
    if (inClass) { if (ch === ']') inClass = false; continue; }
    if (ch === '[') inClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) { out.push(src.slice(from, i)); from = i + 1; }
  }
  out.push(src.slice(from));
  return out;
}

/**
 * A faster `pattern.test(s)`: the top-level alternatives that open with the word-start look-behind are scanned
 * without it, checking the character before each match (see {@link wordScanner}; a match refused there is refused by
 * every such alternative, all of which open at a word start); the others (anchored ones) keep their own regex. The
 * same answer as the pattern.
 * @example
 * ```ts
 * wordTester(MEETING)('huyện ủy tổ chức hội nghị lần thứ 25'); // true
 * ```
 */
export function wordTester(pattern: RegExp): (s: string) => boolean {
  const alts = alternatives(pattern.source);
  const bounded = alts.filter((a) => a.startsWith(B)).map((a) => a.slice(B.length));
  const others = alts.filter((a) => !a.startsWith(B));
  const flags = pattern.flags.replace(/[gy]/g, '');
  const rest = others.length ? new RegExp(others.join('|'), flags) : undefined;
  const scan = bounded.length ? wordScanner(new RegExp(B + '(?:' + bounded.join('|') + ')', flags)) : undefined;
  return (s: string): boolean => (rest !== undefined && rest.test(s)) || (scan !== undefined && scan(s, 1) > 0);
}

/**
 * A faster `pattern.exec(s)` for a pattern that opens with the look-behind `(?<![\p{L}])` (no letter before): the
 * same match (index and groups), by a scan without the look-behind that checks the character before each match and
 * resumes one character later when it is a letter, as the engine would.
 * @example
 * ```ts
 * letterBoundExec(/(?<![\p{L}])(yêu cầu)(?![\p{L}])/iu)('Hội nghị yêu cầu …')?.index; // 9
 * ```
 */
export function letterBoundExec(pattern: RegExp): (s: string) => RegExpExecArray | null {
  if (!pattern.source.startsWith(LB)) throw new Error(`letterBoundExec: ${pattern.source.slice(0, 40)} does not open with ${LB}`);
  const scan = new RegExp(pattern.source.slice(LB.length), pattern.flags.replace(/[gy]/g, '') + 'g');
  return (s: string): RegExpExecArray | null => {
    scan.lastIndex = 0;
    for (let m = scan.exec(s); m; m = scan.exec(s)) {
      const at = m.index;
      const before = at === 0 ? '' : at > 1 && s.charCodeAt(at - 1) >= 0xdc00 && s.charCodeAt(at - 1) <= 0xdfff ? s.slice(at - 2, at) : s[at - 1]!;
      if (!before || !LETTER.test(before)) return m;
      scan.lastIndex = at + 1;
    }
    return null;
  };
}
const LB = String.raw`(?<![\p{L}])`;
const LETTER = /\p{L}/u;

/** A meeting is held, opened or closed: `tổ chức hội nghị`, `Đại hội … lần thứ`, `kỳ họp thứ 16`. */
export const MEETING = re(
  String.raw`‹(?:tổ chức|khai mạc|bế mạc|diễn ra|họp|tiến hành)›[^.;]{0,80}‹(?:hội nghị|đại hội|kỳ họp|phiên họp|cuộc họp|buổi làm việc|lễ)›` +
    String.raw`|‹(?:hội nghị|đại hội|kỳ họp|phiên họp)›[^.;]{0,60}‹(?:lần thứ|khóa|nhiệm kỳ|định kỳ|thường kỳ|mở rộng)›` +
    String.raw`|‹(?:tổ chức|khai mạc|bế mạc)› ‹(?:hội nghị|đại hội|kỳ họp)›`,
);

/** A sentence that opens with a date or a time of day: `Ngày 14-7,`, `Sáng 16-6,`, `Trong hai ngày 22 - 23/7/2020,`. */
export const DATE_LEAD = re(
  String.raw`^(?:(?:vào |trong )?(?:ngày|sáng|chiều|tối|trưa|hôm)(?: nay| qua| mai)?\s*(?:\(|\d|hôm|nay|qua)|trong (?:hai|ba|2|3|các) ngày›|chiều nay|sáng nay|hôm nay|tối nay|vừa qua›)`,
);

/** Any calendar date: 14-7, 09/7, 22 - 23/7/2020, ngày 8/2, tháng 10-2018. */
export const DATE_ANY = re(String.raw`‹(?:ngày|sáng|chiều|tối) \d{1,2}(?:\s?[-/]\s?\d{1,2})+|‹\d{1,2}\s?[-/]\s?\d{1,2}\s?[-/]\s?\d{4}›`);

/** Who chaired: `chủ trì`, `đồng chủ trì`, `chủ tọa`. */
export const CHAIR = re(String.raw`‹(?:đồng )?(?:chủ trì|chủ tọa|điều hành)›`);

/** Who attended: `Dự hội nghị có …`, `Về dự Đại hội`, `tham dự`. */
export const ATTEND = re(String.raw`^(?:về )?(?:dự|tham dự)›|‹(?:tham dự|về dự|dự và chỉ đạo|có sự tham dự)›`);

/** A sentence that lists who attended: `Dự hội nghị có …`, `Cùng dự có …`, `Về dự và chỉ đạo Đại hội có …`,
 * `Tham dự hội nghị còn có …`, `Hội nghị có sự tham dự của …` (not `Dự thảo …`, `Dự kiến …`). */
export const ATTENDANCE = re(
  String.raw`^(?:bên cạnh đó, |đồng thời, )?(?:cùng |về |đến )?(?:tham )?dự(?: và chỉ đạo)?(?: (?:hội nghị|đại hội|kỳ họp|cuộc họp|lễ|phiên|buổi)[^.;:]{0,40})?(?: còn)? (?:có|gồm)›` +
    String.raw`|^(?:tham dự|đại biểu tham dự|thành phần tham dự)[^.;:]{0,60}‹(?:có|gồm)›|^(?:hội nghị|đại hội|kỳ họp|cuộc họp|buổi làm việc)(?: còn)? có sự tham dự›`,
);
/** Attendance mentioned anywhere: `… với gần 12.000 cán bộ tham dự`, `có sự tham dự của …`, `về dự`, `với 320 đại biểu`. */
export const ATTENDED = re(String.raw`‹(?:tham dự|về dự|dự và chỉ đạo|dự và phát biểu)›|‹với (?:gần |hơn |trên )?[\d.]+ đại biểu›`);

/** Aggregate headline figures of a report: `Tổng giá trị sản xuất`, `tốc độ tăng trưởng`, `GRDP`. */
export const AGGREGATE = re(
  String.raw`‹(?:tổng giá trị|tổng sản phẩm|grdp|tốc độ tăng(?: trưởng)?|tăng trưởng kinh tế|kinh tế tăng trưởng|tổng thu|thu ngân sách|thu nhập bình quân|tổng vốn đầu tư)›`,
);

/** What is to be done next: tasks, targets, instructions. */
export const TASK = re(
  String.raw`‹(?:nhiệm vụ|thời gian tới|sắp tới|tới đây|trong năm tới|cuối năm|phương hướng|phấn đấu|mục tiêu|giải pháp|đề nghị|yêu cầu|nhấn mạnh|lưu ý|đề ra|quyết tâm|cần phải|kiến nghị|giao cho|chỉ đạo|tập trung lãnh đạo|triển khai thực hiện)›`,
  'gu',
);

/** A closing speech of the chair or a superior: `Phát biểu kết luận hội nghị`, `Phát biểu chỉ đạo`, `Kết luận hội nghị`. */
export const CONCLUDE = re(
  String.raw`^(?:phát biểu (?:kết luận|chỉ đạo|bế mạc|tại|khai mạc)|kết luận (?:hội nghị|đại hội|kỳ họp|phiên họp|cuộc họp|buổi làm việc)|thay mặt|về nhiệm vụ|nhấn mạnh)›|‹phát biểu (?:kết luận|chỉ đạo)›`,
);

/** Targets for the next period: `Năm 2024, huyện phấn đấu …`, `mục tiêu đến năm 2030`. */
export const TARGET = re(String.raw`‹(?:phấn đấu|mục tiêu|chỉ tiêu (?:năm|đến)|đến năm \d{4})›`);

/** A sentence that relays the report's findings: `Theo báo cáo, …`, `Báo cáo tại hội nghị cho biết, …`,
 * `Báo cáo chính trị do đồng chí … trình bày nêu rõ …`, `Theo báo cáo của UBND tỉnh, …`. */
export const REPORTED = re(String.raw`^(?:theo )?báo cáo›(?: (?:chính trị|tổng kết|sơ kết|kiểm điểm))?(?:[,:]| (?:tại|của|do|trình|cho biết|cho thấy|đánh giá|nêu)›)`);

/** Openers that lean on the previous sentence: the sentence does not stand alone. */
export const ANAPHOR = re(
  String.raw`^(?:trong đó|đồng thời|ngoài ra|qua đó|từ đó|do đó|vì vậy|chính vì vậy|như vậy|mặt khác|cùng với đó|cũng theo|theo ông|theo bà|ông|bà|họ|điều này|việc này|đây là|đó là|cụ thể|thứ (?:hai|ba|tư))›`,
);

/** Photo credits and caption markers: `(Ảnh: Thanh Vũ/TTXVN)`, `Ảnh: Trí Dũng`, `Nguồn: …`. */
export const PHOTO = re(String.raw`(?:^|\(|\.\s|\s)(?:ảnh|nguồn ảnh|photo|video)\s*:|\(ảnh(?:\s*minh họa)?\)|‹ảnh minh họa›`);

/** Caption openers when the line is short: `Quang cảnh hội nghị`, `Toàn cảnh Đại hội`. */
export const CAPTION_LEAD = re(String.raw`^(?:quang cảnh|toàn cảnh|cảnh|các đại biểu (?:dự|tham dự|biểu quyết|thực hiện)|đại biểu (?:dự|biểu quyết))›`);

/** Who chaired the meeting: `chủ trì`, `chủ tọa`, `Đại hội do … điều hành` or `… điều hành phiên bế mạc` (not `năng lực
 * điều hành`, nor an activity led: `chủ trì tổ chức 312 cuộc giám sát`, `chủ trì, phối hợp`). */
export const CHAIRED = re(
  String.raw`‹(?:đồng )?(?:chủ trì|chủ tọa)›(?!,? (?:tổ chức|thực hiện|phối hợp|xây dựng|triển khai|soạn thảo|tham mưu)›)|‹(?:hội nghị|đại hội|kỳ họp|phiên họp|cuộc họp)› do [^.;]{0,200}‹điều hành›` +
    String.raw`|‹điều hành (?:phiên|hội nghị|đại hội|kỳ họp|cuộc họp)›`,
);

/** Who was elected (congresses): `bầu 33 đồng chí vào Ban Chấp hành`, `được bầu giữ chức Bí thư`, `tái đắc cử`
 * (not an election held: `cuộc bầu cử đại biểu Quốc hội`). */
export const ELECTED = re(
  String.raw`‹(?:bầu(?! cử›)|tái đắc cử|trúng cử)›[^.;]{0,120}‹(?:ban chấp hành|bch|ban thường vụ|btv|bí thư|chủ tịch|đại biểu|ủy viên)›|‹(?:ban chấp hành|bch|ban thường vụ|bí thư|chủ tịch)›[^.;]{0,60}‹(?:được bầu|tái đắc cử|trúng cử)›`,
);

/** Targets and plans for the period ahead (not `đạt 55% chỉ tiêu năm`, a result): `phấn đấu`, `mục tiêu đến năm 2030`. */
export const AHEAD = re(String.raw`‹(?:phấn đấu|mục tiêu|định hướng|phương hướng|đến năm \d{4}|(?:trong )?thời gian tới|sắp tới|năm tới|nhiệm kỳ tới)›`);

/** The coming period as reports name it: `6 tháng cuối năm`, `những tháng cuối năm`, `thời gian tới`, `quý IV`,
 * `nhiệm kỳ tới`, `giai đoạn tới`, `năm tới`. (A year after the report's year is checked by the caller.) */
const PERIOD_AHEAD = String.raw`(?:(?:6|sáu|3|ba) tháng cuối năm|những tháng cuối năm|các tháng còn lại|thời gian tới|thời gian tiếp theo|(?:quý|năm|nhiệm kỳ|giai đoạn) (?:tới|tiếp theo)|quý iv›)`;
/** A sentence (or heading) that opens the tasks of the coming period: `Phương hướng, nhiệm vụ 6 tháng cuối năm`,
 * `… thống nhất việc lãnh đạo thực hiện các nhiệm vụ trong 6 tháng cuối năm 2020`, `Thời gian tới, huyện tập trung
 * …`, `Về nhiệm vụ …`, or the closing speech (`Phát biểu kết luận hội nghị, …`). */
export const AHEAD_SECTION = re(
  String.raw`‹(?:nhiệm vụ|phương hướng|giải pháp|kế hoạch|mục tiêu|chỉ tiêu)›[^.;]{0,80}‹` + PERIOD_AHEAD +
    String.raw`|^(?:(?:trong|về|đối với) )?` + PERIOD_AHEAD +
    String.raw`|^(?:về )?(?:phương hướng|nhiệm vụ|giải pháp)(?: trọng tâm| chủ yếu)?(?:,| và| nhiệm vụ| giải pháp|:|$)` +
    String.raw`|‹phát biểu (?:kết luận|chỉ đạo|bế mạc)›|^kết luận (?:hội nghị|đại hội|kỳ họp|phiên họp|cuộc họp|buổi làm việc)›`,
);
/** A year named as the period of tasks (`nhiệm vụ năm 2021`, `Năm 2021, …`): group 1 is the year. */
export const AHEAD_YEAR = re(String.raw`‹(?:nhiệm vụ|phương hướng|giải pháp|kế hoạch|mục tiêu|chỉ tiêu)›[^.;]{0,60}‹năm (20\d\d)›|^(?:trong )?năm (20\d\d),`);
/** Years written after `năm` (`năm 2020`): the report's own year is the earliest in its opening sentences. */
export const YEAR_OF = /(?<![\p{L}\p{M}\d])năm (20\d\d)(?!\d)/gu;
