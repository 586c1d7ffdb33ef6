// Rule layer for PERSON, POSITION, ORGANIZATION, LOCATION, EVENT and DOCUMENT over the token view.
//
// Small recursive-descent parsers over folded tokens, each bounded by the current line, so the whole pass is
// linear in practice (every parser reads a bounded number of tokens from its start). One left-to-right scan tries,
// at each token, POSITION → EVENT → DOCUMENT → ORGANIZATION → LOCATION → PERSON and jumps past what it accepts.
import type { EntityType, Token } from '../../types.js';
import { isAdminName } from '../admin/index.js';
import { measureLexicon } from '../measures/lexicon.js';
import type { Lexicon } from './lexicon.js';
import type { TokenView } from './view.js';

/** A candidate span (UTF-16 offsets) before merging. `prio` breaks ties between equal spans in merge. */
export interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly type: EntityType;
  readonly source: string;
  readonly prio: number;
}

const ORDINAL_WORDS = new Set(['nhất', 'hai', 'ba', 'tư', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín', 'mười', 'mười một', 'mười hai']);
const GENERIC_BEFORE = new Set(['các', 'những', 'mọi', 'từng', 'mỗi', 'cấp', 'nhiều', 'một số']);
const NAME_MIDDLES = new Set([
  'văn', 'thị', 'đức', 'minh', 'hữu', 'công', 'quang', 'xuân', 'thanh', 'ngọc', 'hồng', 'thế', 'đình', 'quốc',
  'trung', 'tiến', 'kim', 'bá', 'mạnh', 'duy', 'huy', 'anh', 'hoài', 'tấn', 'tuấn', 'thành', 'khắc', 'trọng',
  'viết', 'ngọc', 'như', 'phúc', 'sỹ', 'sĩ', 'trí', 'đăng', 'hải', 'hoàng', 'lệ', 'mỹ', 'bích', 'thu', 'quý',
  'xuân', 'việt', 'vĩnh', 'tất', 'thiện', 'phú', 'đại', 'chí', 'seo', 'a', 'mí', 'trường', 'nhật', 'tiến',
]);
/** Capitalised words that never start or continue a name. */
const NOT_NAME = new Set([
  'đảng', 'nhà', 'nước', 'ủy', 'ban', 'ngày', 'tháng', 'năm', 'theo', 'tại', 'trong', 'các', 'những', 'lãnh', 'chí',
  'hội', 'nghị', 'đại', 'việt', 'nam', 'trung', 'ương', 'bộ', 'sở', 'chính', 'phủ', 'quốc', 'đây', 'đó', 'này',
  'với', 'và', 'của', 'để', 'khi', 'sau', 'trước', 'từ', 'đến', 'cùng', 'về', 'thực', 'hiện', 'tuy', 'nhiên',
  'bên', 'cạnh', 'ông', 'bà', 'anh', 'chị', 'ảnh', 'nguồn', 'tin', 'phát', 'biểu', 'kết', 'luận', 'luật', 'kinh', 'tế',
]);
const CENTER_NEXT = new Set(['đã', 'để', '.', ',', ';', 'về', 'giao', 'nhấn', 'yêu', 'chỉ', 'quyết', 'thống', 'đề', 'cho', 'có', 'ban', 'kết', 'đánh', 'xác', 'và']);
const HCM_PERSON_BEFORE = new Set(['tưởng', 'cách', 'gương', 'đức', 'bác', 'tịch', 'di', 'chúc']);
const COUNTRY_NEXT = new Set(['và', 'cùng', 'đã', 'là', 'có', 'với', 'trong', 'về', 'được', 'để', 'từ', 'sang', 'tại', 'ở', 'thì', 'cũng', 'đang', 'sẽ', 'như', 'nhằm']);
const NOT_PLACE = new Set(['theo', 'tại', 'trong', 'về', 'với', 'và', 'của', 'sau', 'trước', 'khi', 'ngày', 'năm', 'tháng', 'đây', 'đó', 'này', 'cùng', 'nhằm', 'để', 'các', 'những', 'đồng', 'ông', 'bà']);
const LAW_STOP = new Set([
  'đáp', 'thi', 'hướng', 'ban', 'quy', 'hiệu', 'nhằm', 'tạo', 'giúp', 'phải', 'cần',
  'của', 'về', 'và', 'được', 'đã', 'có', 'này', 'trong', 'theo', 'để', 'cho', 'với', 'tại', 'là', 'thì', 'mà',
  'các', 'những', 'sẽ', 'nên', 'không', 'do', 'bởi', 'từ', 'đến', 'khi', 'sau', 'trước', 'năm', 'số', 'ngày', 'đang',
  'vừa', 'mới', 'cũng', 'đều', 'bằng', 'như', 'nhằm', 'trên', 'dưới', 'sửa', 'đổi', 'bổ',
  'nói', 'riêng', 'chung', 'lại', 'chưa', 'vẫn', 'còn', 'giai', 'hiện', 'nay', 'đây', 'đó', 'ấy', 'thể', 'chỉ', 'rất',
]);

/** Common verbs that end a lower-case run after an organisation head (the sentence goes on, the name does not). */
const NAME_VERBS = new Set([
  'tổ', 'phối', 'tham', 'đạt', 'trao', 'tặng', 'đón', 'ký', 'biết', 'tăng', 'giảm', 'làm', 'đi', 'vào', 'ra',
  'lên', 'xuống', 'ở', 'nay', 'hiện', 'vẫn', 'chưa', 'không', 'rất', 'bị', 'gửi', 'nhận', 'đưa', 'bố', 'nói', 'nêu',
  'yêu', 'mời', 'họp', 'cho', 'tiếp', 'thăm', 'chúc', 'mừng', 'cùng', 'gồm', 'nhằm', 'khóa', 'nhiệm', 'lần', 'thứ',
]);

/** Lower-case place heads that are the second half of a common word after these syllables. */
const LC_HEAD_COMPOUNDS = new Set([
  'yêu cầu', 'nhu cầu', 'toàn cầu', 'khẩn cầu', 'thỉnh cầu', 'địa cầu', 'văn bản', 'cơ bản', 'tư bản', 'phiên bản',
  'xuất bản', 'kịch bản', 'căn bản', 'nguyên bản', 'đột phá', 'khám phá', 'phá', 'đồng hồ', 'mơ hồ', 'hồ hồ',
  // class nouns and adjectives ending in a place head: the name after them is named on its own (`vùng biển` Hoàng
  // Sa, `các xã ven biển` Quảng Phú, Quảng Xuân, `miền núi`), as `vùng` Tây Nguyên is
  'vùng biển', 'ven biển', 'miền biển', 'miền núi', 'vùng núi', 'đồi núi', 'rừng núi', 'lên đường', 'xuống đường',
  'đường đường',
]);

/** Capitalised date words: before a number they start a DATE, never continue a place name. */
const DATE_WORDS = new Set(['năm', 'tháng', 'ngày', 'quý']);

/** Labels of a credit line before the writer's name (`Tin, ảnh: X`). */
const CREDIT_WORDS = new Set(['tin', 'bài', 'ảnh', 'video', 'clip']);

/** Village-level units a party cell (chi bộ) may be named after. */
const VILLAGE_HEADS = new Set(['thôn', 'bản', 'ấp', 'xóm', 'làng', 'buôn', 'khóm', 'plei', 'tổ dân phố', 'khu phố', 'tổ', 'khu dân cư']);

type OrgKind = 'committee' | 'council' | 'sub' | 'party' | 'national' | 'named' | 'center' | 'abbr' | 'custom';

interface OrgParse {
  readonly e: number; // exclusive token index
  readonly kind: OrgKind;
  readonly bare: boolean;
}

/** Runs the rule layer over one document. */
export function namedCandidates(v: TokenView, lex: Lexicon): Candidate[] {
  // The scan runs line by line over line-local arrays (see the main scan), so no parser can read across a line
  // break: no span ever covers one. Bylines look at the whole document first.
  let toks: readonly Token[] = v.toks;
  let keys: readonly string[] = v.keys;
  let cap: Uint8Array = v.cap;
  let brk: Uint8Array = v.brk;
  let n = v.n;
  let base = 0; // index of the current line's first token in the document
  let perLine = false;
  const out: Candidate[] = [];
  const knownNames = new Set<string>();
  const knownGiven = new Set<string>();

  const isSyl = (i: number): boolean => i >= 0 && i < n && toks[i]!.kind === 'syllable';
  /** A syllable written in capitals only (more than one letter, or a one-letter word on an all-capitals line). */
  const allCaps = (i: number): boolean => {
    if (!isSyl(i) || !cap[i]) return false;
    const t = toks[i]!.text;
    return t.length > 1 && t === t.toUpperCase();
  };
  const capSyl = (i: number): boolean => isSyl(i) && cap[i] === 1;
  const lim = (i: number): number => (perLine || i >= n ? n : v.lineEnd[i]!);
  const sameLine = (i: number, j: number): boolean => i < n && j < lim(i);
  const key = (i: number): string | undefined => (i < n ? keys[i] : undefined);
  const isPunct = (i: number, s: string): boolean => i < n && toks[i]!.kind === 'punctuation' && toks[i]!.text === s;
  const isDash = (i: number): boolean => i < n && toks[i]!.kind === 'punctuation' && /^[-–—]$/.test(toks[i]!.text);
  const match = (idx: Lexicon['titles'], i: number) => {
    if (i >= n) return undefined;
    // an acronym entry (HU, TU, BCH) matches only a word written in capitals: not "tu dưỡng"
    if (lex.acronyms.has(keys[i]!) && !upperWord(i)) return undefined;
    return idx.match(keys, i, lim(i));
  };
  const upperWord = (i: number): boolean => {
    const t = toks[i]!.text;
    return t === t.toUpperCase() && t !== t.toLowerCase();
  };
  const add = (s: number, e: number, type: EntityType, source: string, prio = 1): void => {
    if (e <= s) return;
    out.push({ start: toks[s]!.start, end: toks[e - 1]!.end, type, source, prio });
  };
  const prevKey = (i: number): string | undefined => (i > 0 && !brk[i] ? keys[i - 1] : undefined);
  const genericBefore = (i: number): boolean => {
    const p = prevKey(i);
    if (p !== undefined && GENERIC_BEFORE.has(p)) return true;
    const p2 = i > 1 && !brk[i] && !brk[i - 1] ? `${keys[i - 2]} ${keys[i - 1]}` : '';
    return GENERIC_BEFORE.has(p2);
  };
  const STOP_ORGS = new Set(['committee', 'sub', 'party', 'national']);
  const startsPhrase = (i: number): boolean => {
    if (match(lex.titles, i) !== undefined) return true;
    const o = match(lex.organs, i);
    return o !== undefined && STOP_ORGS.has(o.value);
  };

  // ---- small pieces -------------------------------------------------------------------------------------------

  /** A person-like run at i: surname + a middle name + one more capitalised syllable. */
  const looksLikePerson = (i: number): boolean =>
    capSyl(i) &&
    lex.surnames.has(keys[i]!) &&
    capSyl(i + 1) &&
    capSyl(i + 2) &&
    sameLine(i, i + 2) &&
    (NAME_MIDDLES.has(keys[i + 1]!) || !isAdminName(`${keys[i]} ${keys[i + 1]}`));

  /** Capitalised place-name run at i (after an organ or admin word). Returns the end index (i when none). */
  const placeRun = (i: number, afterAdmin: boolean): number => {
    let j = i;
    const L = lim(i);
    while (j < L && j - i < 5) {
      const t = toks[j]!;
      if (t.kind === 'syllable' && cap[j]) {
        // `đồng` (đồng chí), `ông`, `bà` … end a place run unless they start a known unit name (Huyện ủy Đồng Phú)
        // … or continue one (`Lâm Đồng`, `Thủ Đức`-like names whose later syllable is a stop word)
        if (NOT_PLACE.has(keys[j]!) && !(j > i && isAdminName(keys.slice(i, j + 1).join(' '))) && !(j === i && capSyl(j + 1) && j + 1 < L && (isAdminName(`${keys[j]} ${keys[j + 1]}`) || (capSyl(j + 2) && j + 2 < L && isAdminName(`${keys[j]} ${keys[j + 1]} ${keys[j + 2]}`))))) break;
        if (j > i && startsPhrase(j)) break;
        j++;
        continue;
      }
      if (t.kind === 'abbreviation' && /^(tphcm|hcm|tp\.hcm)$/.test(keys[j]!)) {
        j++;
        break;
      }
      if (afterAdmin && j === i && t.kind === 'number' && /^\d{1,2}$/.test(t.text)) {
        j++;
        break;
      }
      break;
    }
    if (j === i || toks[i]!.kind !== 'syllable') return j;
    if (isAdminName(keys.slice(i, j).join(' '))) return j;
    // "Đảng bộ Quân đội": one capitalised syllable glued to a lower-case word is a common word, not a place
    if (!afterAdmin && j === i + 1 && isSyl(j) && !cap[j] && j < L) return i;
    // A unit name followed by a person's name: "Thành phố Hồ Chí Minh Nguyễn Thiện Nhân".
    for (let k = j - 1; k > i; k--) if (looksLikePerson(k) && isAdminName(keys.slice(i, k).join(' '))) return k;
    if (looksLikePerson(i)) return i;
    // Prefer the longest prefix that names an administrative unit ("Yên Bái" in "Yên Bái Theo …").
    for (let k = j - 1; k > i; k--) if (isAdminName(keys.slice(i, k).join(' '))) return k;
    return j;
  };

  /** Admin word (+ place) or a bare place run after an organ. */
  const attachPlace = (j: number): number => {
    if (j >= n) return j;
    const a = match(lex.adminWords, j);
    if (a) {
      const k = j + a.len;
      return placeRun(k, true);
    }
    return placeRun(j, false);
  };

  /** `khóa X`, `, khóa X`, `(khóa X)` attached after a name. */
  const attachTerm = (j: number): number => {
    let k = j;
    let paren = false;
    if (isPunct(k, ',')) k++;
    else if (isPunct(k, '(')) {
      k++;
      paren = true;
    }
    if (key(k) === 'khóa' && k < lim(j) && (toks[k + 1]?.kind === 'roman' || toks[k + 1]?.kind === 'number')) {
      k += 2;
      if (paren) {
        if (isPunct(k, ')')) return k + 1;
        return j;
      }
      return k;
    }
    return j;
  };

  /** Years after `nhiệm kỳ`/`giai đoạn`: 2020 - 2025 or 2016-2021. */
  const yearsAt = (k: number): number => {
    const t = toks[k];
    if (!t || t.kind !== 'number') return -1;
    if (/^\d{4}[-–/]\d{4}$/.test(t.text)) return k + 1;
    if (/^\d{4}$/.test(t.text)) {
      if (isDash(k + 1) && /^\d{4}$/.test(toks[k + 2]?.text ?? '')) return k + 3;
      return k + 1;
    }
    return -1;
  };
  const attachTermYears = (j: number, word: string): number => {
    let k = j;
    if (isPunct(k, ',')) k++;
    else if (isPunct(k, '(')) k++;
    if (key(k) === word.split(' ')[0] && key(k + 1) === word.split(' ')[1]) {
      const e = yearsAt(k + 2);
      if (e > 0) return isPunct(j, '(') ? (isPunct(e, ')') ? e + 1 : j) : e;
    }
    return j;
  };

  /** Ordinal `lần thứ X` / `thứ X` at k. */
  const ordinalAt = (k: number): number => {
    let p = k;
    if (key(p) === 'lần' && key(p + 1) === 'thứ') p += 2;
    else if (key(p) === 'thứ') p += 1;
    else return -1;
    const t = toks[p];
    if (!t) return -1;
    if (t.kind === 'roman' || (t.kind === 'number' && /^\d{1,3}$/.test(t.text))) return p + 1;
    if (ORDINAL_WORDS.has(keys[p]!)) return p + 1;
    return -1;
  };

  /** Tokens k-1 (capitalised) and k form one dictionary word of two syllables (`Điều phối`, `Tổ chức`). */
  const glued = (k: number): boolean => {
    const w = `${keys[k - 1]} ${keys[k]}`;
    const ml = measureLexicon();
    return ml.others.has(w) || ml.nouns.has(w);
  };

  /**
   * A body named after its task, `phòng, chống` / `phòng chống` + what it fights (Ban Chỉ huy Phòng, chống thiên
   * tai và Tìm kiếm cứu nạn, Ban Chỉ đạo phòng chống dịch): words of either case, `và` between two of them, at most
   * 12 words, ending at a function word, a verb, a title, an organ or an admin word (the caller attaches the place).
   * Returns j when j does not start such a name.
   */
  const purposeName = (j: number): number => {
    if (key(j) !== 'phòng') return j;
    let q = isPunct(j + 1, ',') ? j + 2 : j + 1;
    if (key(q) !== 'chống') return j;
    q++;
    const L = Math.min(lim(j), q + 12);
    let end = j;
    while (q < L && isSyl(q)) {
      const w = keys[q]!;
      if (w === 'và' && end === q && isSyl(q + 1) && !LAW_STOP.has(keys[q + 1]!)) {
        q++;
        continue;
      }
      const object = end === j; // the first word after `chống` is its object, whatever it is (tham nhũng)
      if ((LAW_STOP.has(w) && !object) || (NAME_VERBS.has(w) && !object) || match(lex.adminWords, q) || match(lex.titles, q) || (cap[q] && match(lex.organs, q))) break;
      q++;
      end = q;
    }
    return end;
  };

  /** Name after a `named` head: a department phrase, abbreviations, or a capitalised run joined by - / và / ,. */
  const headName = (j: number): number => {
    const pc = purposeName(j);
    if (pc > j) return pc;
    const d = match(lex.departments, j);
    // a department joined to another by a dash or `và` runs on (Tài chính - Kế hoạch): the general loop below
    if (d && !((isDash(j + d.len) || key(j + d.len) === 'và') && capSyl(j + d.len + 1) && j + d.len + 1 < lim(j) && !match(lex.organs, j + d.len + 1) && !match(lex.titles, j + d.len + 1))) return j + d.len;
    if (looksLikePerson(j)) return j; // "Chánh văn phòng Trần Đức Long": a name, not the office's name
    let k = j;
    const L = lim(j);
    while (k < L) {
      const t = toks[k]!;
      if (k > j && keys[k] === 'phòng') {
        const pc = purposeName(k);
        if (pc > k) return pc;
      }
      if ((t.kind === 'syllable' && cap[k]) || t.kind === 'abbreviation') {
        if (k > j && t.kind === 'syllable' && (looksLikePerson(k) || match(lex.titles, k))) break;
        if (k > j && cap[k - 1] && toks[k - 1]!.kind === 'syllable') {
          // "Hà Nội" ends the name: no lower-case continuation after a unit name
          if (isAdminName(`${keys[k - 1]} ${keys[k]}`)) {
            k += 1;
            break;
          }
        }
        k++;
        // lower-case continuation of a capitalised word inside a name: Văn hóa, Nội vụ
        // (a verb syllable only when it makes one word with the capitalised one: Điều phối, Điều hành)
        if (k < L && toks[k]!.kind === 'syllable' && !cap[k] && k - j < 8 && !match(lex.adminWords, k) && !LAW_STOP.has(keys[k]!) && (!NAME_VERBS.has(keys[k]!) || glued(k)) && match(lex.departments, k) === undefined && cap[k - 1] && (!isAdminName(keys[k - 1]!) || glued(k))) k++;
        continue;
      }
      // "Nông nghiệp và Phát triển nông thôn", "Kế hoạch - Đầu tư"; not "Báo Nhân Dân và Đài …" (a second body)
      if ((isDash(k) || key(k) === 'và' || key(k) === '&') && k > j && ((toks[k + 1]?.kind === 'syllable' && cap[k + 1]) || toks[k + 1]?.kind === 'abbreviation') && !match(lex.organs, k + 1) && !match(lex.titles, k + 1)) {
        k++;
        continue;
      }
      break;
    }
    return sentenceCaseTail(j, k, L);
  };

  /**
   * Sentence-case names run on in lower case up to a capitalised place or an admin word with its place:
   * `Viện Nghiên cứu phát triển kinh tế - xã hội Đà Nẵng`, `Bảo tàng Mỹ thuật cung đình Huế`,
   * `Tổng công ty Điện lực miền Bắc`. Only after a one-word capitalised start, never across function words or
   * common verbs, at most 10 lower-case words; otherwise the name ends where it ended (`k`).
   */
  const sentenceCaseTail = (j: number, k: number, L: number): number => {
    if (k >= L || cap[k] || toks[k]!.kind !== 'syllable') return k;
    let caps = 0;
    for (let q = j; q < k; q++) if (cap[q]) caps++;
    if (caps !== 1) return k;
    let q = k;
    let lower = 0;
    while (q < L && lower <= 10) {
      const t = toks[q]!;
      if (t.kind === 'syllable' && !cap[q]) {
        if (LAW_STOP.has(keys[q]!) || NAME_VERBS.has(keys[q]!) || match(lex.titles, q)) return k;
        const a = match(lex.adminWords, q);
        if (a && capSyl(q + a.len) && q + a.len < L) return q; // the caller attaches "tỉnh Gia Lai"
        q++;
        lower++;
        continue;
      }
      if (isDash(q) && q > k && toks[q + 1]?.kind === 'syllable' && !cap[q + 1]) {
        q++;
        continue;
      }
      if (t.kind === 'syllable' && cap[q]) {
        if (looksLikePerson(q) || match(lex.titles, q) || match(lex.organs, q) || NOT_PLACE.has(keys[q]!)) return k;
        // "miền Nam", "Việt Nam" close a name; other name-blocking words ("Đảng", "Hội", "Ban" …) do not
        if (NOT_NAME.has(keys[q]!) && keys[q - 1] !== 'miền' && !(keys[q] === 'việt' && keys[q + 1] === 'nam')) return k;
        let e = q;
        while (e < L && capSyl(e) && e - q < 4) e++;
        // the capitalised run must close the name: nothing glued to it in lower case ("Huế đã …" is fine: a stop word)
        if (e < L && isSyl(e) && !cap[e] && !LAW_STOP.has(keys[e]!) && !NAME_VERBS.has(keys[e]!)) return k;
        return e;
      }
      return k;
    }
    return k;
  };

  // ---- ORGANIZATION -------------------------------------------------------------------------------------------

  const parseOrg = (i: number, depth = 0): OrgParse | undefined => {
    if (i >= n || depth > 3) return undefined;
    const m = match(lex.organs, i);
    if (!m) return undefined;
    const kind = m.value as OrgKind;
    let j = i + m.len;
    let bare = true;
    switch (kind) {
      case 'national':
      case 'abbr':
      case 'custom':
        bare = false;
        break;
      case 'center': {
        if (key(j) === 'đảng') {
          j++;
          bare = false;
        }
        break;
      }
      case 'committee': {
        if ((key(j) === 'các' || key(j) === 'những') && match(lex.adminWords, j + 1)) return undefined;
        const sub = parseOrg(j, depth + 1);
        if (sub && (sub.kind === 'council' || sub.kind === 'national' || sub.kind === 'named') && !sub.bare) {
          j = sub.e;
          bare = false;
          break;
        }
        if (sub && sub.kind === 'council' && cap[j]) {
          j = sub.e;
          if (key(j) === 'trung' && key(j + 1) === 'ương') j += 2;
          bare = false;
          break;
        }
        const k = attachPlace(j);
        if (k > j) bare = false;
        j = k;
        break;
      }
      case 'council': {
        if (key(j) === 'các' && key(j + 1) === 'cấp') return undefined;
        // UBND các xã, thị trấn: the councils of several units (generic, rule 2)
        if ((key(j) === 'các' || key(j) === 'những') && match(lex.adminWords, j + 1)) return undefined;
        if (key(j) === 'việt' && key(j + 1) === 'nam') j += 2;
        const a = match(lex.adminWords, j);
        if (a) {
          j = placeRun(j + a.len, true);
          bare = false;
        } else if (toks[j]?.kind === 'abbreviation' && /^(tphcm|tp\.hcm)$/.test(keys[j]!)) {
          j++;
          bare = false;
        } else if (key(j) === 'trung' && key(j + 1) === 'ương') {
          j += 2;
          bare = false;
        }
        break;
      }
      case 'sub': {
        const p = parseOrg(j, depth + 1);
        if (p && p.kind !== 'named') {
          j = p.e;
          bare = false;
        } else if (key(j) === 'trung' && key(j + 1) === 'ương') {
          j += 2;
          if (key(j) === 'đảng') j++;
          bare = false;
        } else {
          // Ban Quản lý KKT tỉnh; Ban Chỉ đạo các Chương trình MTQG huyện (what the body steers, in the plural)
          const plural = key(j) === 'các' && (capSyl(j + 1) || toks[j + 1]?.kind === 'abbreviation') && !match(lex.organs, j + 1) && !match(lex.titles, j + 1) && !looksLikePerson(j + 1);
          const k = plural && headName(j + 1) > j + 1 ? headName(j + 1) : headName(j);
          const a0 = match(lex.adminWords, j);
          if (k > j) {
            j = k;
            bare = false;
            const a = match(lex.adminWords, j);
            if (a && !cap[j]) j = placeRun(j + a.len, true);
          } else if (a0 && !cap[j]) {
            // Văn phòng huyện, Trung tâm Phục vụ hành chính công xã
            j = placeRun(j + a0.len, true);
            bare = false;
          }
        }
        break;
      }
      case 'party': {
        if (key(j) === 'các' || key(j) === 'cơ' || key(j) === 'trực' || key(j) === 'bộ' || key(j) === 'cấp') return undefined;
        const body = cap[j] ? parseOrg(j, depth + 1) : undefined;
        if (body && (body.kind === 'council' || body.kind === 'named') && !body.bare) {
          j = body.e;
          bare = false;
          break;
        }
        if (body && body.kind === 'council' && key(j + 2) === 'trung' && key(j + 3) === 'ương') {
          j = j + 4;
          bare = false;
          break;
        }
        const a = match(lex.adminWords, j);
        const village = a ? undefined : match(lex.locations, j);
        if (a) {
          j = placeRun(j + a.len, true);
          bare = false;
        } else if (village && VILLAGE_HEADS.has(keys.slice(j, j + village.len).join(' ')) && !cap[j] && capSyl(j + village.len)) {
          // Chi bộ thôn Lũng Pù, Chi bộ ấp Phú Hòa: a village-level party cell
          j = placeRun(j + village.len, true);
          bare = false;
        } else {
          const k = placeRun(j, false);
          if (k > j) bare = false;
          j = k;
        }
        break;
      }
      case 'named': {
        if (!cap[i]) return undefined;
        // a known country or region that starts with an organ word is the place (Đài Loan)
        const lm = match(lex.locations, i);
        if (lm && (lm.value === 'country' || lm.value === 'region') && lm.len > m.len) return undefined;
        // An all-capitals line gives no capitalisation cue: `BÁO CÁO`, `TRUNG TÂM HỘI NGHỊ` are not a head + name
        // after a one-word head unless a known department or an admin word follows (`SỞ NỘI VỤ`, `ĐÀI PHÁT THANH …`).
        if (m.len === 1 && allCaps(i) && allCaps(j) && !match(lex.departments, j) && !match(lex.adminWords, j)) return undefined;
        const dept = match(lex.departments, j) !== undefined;
        const k = headName(j);
        if (k === j && (m.len < 2 || !match(lex.adminWords, j) || cap[j])) return undefined;
        j = k;
        bare = false;
        const parent = parseOrg(j, depth + 1);
        if (parent && (parent.kind === 'committee' || parent.kind === 'council' || parent.kind === 'national' || parent.kind === 'party')) {
          j = parent.e;
          break;
        }
        if (key(j) === 'trung' && key(j + 1) === 'ương') {
          j += 2;
          break;
        }
        const a = match(lex.adminWords, j);
        if (a && (!cap[j] || toks[j]!.kind === 'abbreviation')) j = placeRun(j + a.len, true);
        else if (dept) j = placeRun(j, false);
        break;
      }
    }
    j = attachTerm(j);
    return { e: j, kind, bare };
  };

  /** Whether a bare organ at i names one body here (rule 2 + conventions 2). */
  const bareOrgOk = (i: number, p: OrgParse): boolean => {
    if (genericBefore(i)) return false;
    const k = keys[i]!;
    switch (p.kind) {
      case 'committee':
        return cap[i] === 1 || k !== 'đảng';
      case 'council':
        return cap[i] === 1 && k !== 'công';
      case 'sub':
        return cap[i] === 1 && (k === 'ban' || k === 'bch' || k === 'btv' || k === 'ủy' || k === 'uỷ') && p.e - i >= 2 && !['ban quản lý', 'ban chỉ đạo', 'ban cán sự đảng'].includes(keys.slice(i, p.e).join(' '));
      case 'party':
        if (cap[i]) return true;
        return prevKey(i) === 'toàn';
      case 'center':
        return false;
      default:
        return true;
    }
  };

  // ---- POSITION -----------------------------------------------------------------------------------------------

  /**
   * After a title: a lower-case one-word organ head (`phòng`, `sở`, `ban`, `cục` …) followed by its capitalised name
   * (+ an admin word and place), or a village head (`bản`, `thôn`, `ấp` …) followed by its capitalised name.
   * Returns the end (j when there is none).
   */
  const lowerHeadBody = (j: number): number => {
    const L = lim(j);
    const om = match(lex.organs, j);
    if (om && om.len === 1 && om.value === 'named' && j + 1 < L && (capSyl(j + 1) || match(lex.departments, j + 1))) {
      // Phó Trưởng ban Thường trực (Ban Tổ chức Trung ương): the standing deputy, then the body when one follows
      if (key(j + 1) === 'thường' && key(j + 2) === 'trực') {
        const body = parseOrg(j + 3);
        return body && !body.bare ? body.e : j + 3;
      }
      const k = headName(j + 1);
      if (k <= j + 1) return j;
      const a = match(lex.adminWords, k);
      return a && !cap[k] ? placeRun(k + a.len, true) : k;
    }
    const lm = match(lex.locations, j);
    if (lm && VILLAGE_HEADS.has(keys.slice(j, j + lm.len).join(' ')) && j + lm.len < L && capSyl(j + lm.len)) {
      const k = placeRun(j + lm.len, true);
      return k > j + lm.len ? k : j;
    }
    return j;
  };

  const parsePosition = (i: number): { e: number; bare: boolean } | undefined => {
    const m = match(lex.titles, i);
    if (!m) return undefined;
    let j = i + m.len;
    if (key(j) === 'thường' && key(j + 1) === 'trực') j += 2;
    else if (key(j) === 'tt' && toks[j]!.kind === 'abbreviation') j += 1;
    let hasBody = false;
    const org = parseOrg(j);
    if (org && !(org.kind === 'center' && org.bare)) {
      j = org.e;
      hasBody = true;
    } else if (key(j) === 'trung' && key(j + 1) === 'ương') {
      j += 2;
      if (key(j) === 'đảng') j++;
      hasBody = true;
    } else if (key(j) === 'thường' && key(j + 1) === 'vụ') {
      j += 2;
      hasBody = true;
    } else if (isSyl(j) && !cap[j] && (m.value === 'body' || m.len === 1) && lowerHeadBody(j) > j) {
      // Trưởng phòng Tài chính - Kế hoạch thị xã X, Trưởng bản Pú Piến: a lower-case organ or village head that
      // belongs to the title, with its name (and place) after it
      j = lowerHeadBody(j);
      hasBody = true;
    } else {
      // A title that ends in its organ takes the organ's name: Phó Chánh Văn phòng Điều phối NTM tỉnh.
      for (let k = i + 1; k < j; k++) {
        const om = match(lex.organs, k);
        if (!om || k + om.len !== j || !cap[k]) continue;
        const inner = parseOrg(k);
        if (inner && !inner.bare && inner.e > j) {
          j = inner.e;
          hasBody = true;
        }
        break;
      }
    }
    if (!hasBody && m.value === 'body') {
      // "tổng giám đốc đài": a lower-case bare organ noun right after a title
      if (key(j) === 'đài' || key(j) === 'sở' || key(j) === 'ban' || key(j) === 'bộ') return { e: j + 1, bare: false };
      return undefined;
    }
    j = attachTerm(j);
    return { e: j, bare: !hasBody };
  };

  // ---- EVENT --------------------------------------------------------------------------------------------------

  /** Meeting name at i. With `afterResolution`, also accepts `Trung ương 4`, `Đại hội XIII` (inside DOCUMENT). */
  const parseEvent = (i: number, afterResolution = false): number => {
    let j: number;
    let has = false;
    const m = match(lex.meetings, i);
    if (m) j = i + m.len;
    else if (afterResolution && key(i) === 'trung' && key(i + 1) === 'ương' && toks[i + 2]?.kind === 'number') {
      j = i + 3;
      has = true;
      return attachTerm(j);
    } else return -1;
    const meeting = keys.slice(i, j).join(' ');
    for (let round = 0; round < 3; round++) {
      const mm = match(lex.meetingModifiers, j);
      if (mm) {
        if (keys.slice(j, j + mm.len).join(' ') === 'toàn quốc') has = true;
        j += mm.len;
        continue;
      }
      if (key(j) === 'đảng' && (key(j + 1) === 'toàn' || (afterResolution && key(j + 1) !== 'bộ' && key(j + 1) !== 'ủy'))) {
        j++;
        continue;
      }
      break;
    }
    if (key(j) === 'trung' && key(j + 1) === 'ương' && toks[j + 2]?.kind === 'number') {
      j += 3;
      has = true;
    }
    if (afterResolution && (toks[j]?.kind === 'roman') && meeting === 'đại hội') {
      j++;
      has = true;
    }
    let o = ordinalAt(j);
    if (o > 0) {
      j = o;
      has = true;
    }
    const org = parseOrg(j);
    if (org && !(org.kind === 'center' && org.bare) && org.kind !== 'named' && !(org.bare && org.kind === 'party' && !cap[j])) {
      j = org.e;
      has = true;
      // Hội nghị Ban Chấp hành Trung ương 9
      if (toks[j]?.kind === 'number' && /^\d{1,2}$/.test(toks[j]!.text) && toks[j - 1]?.kind === 'syllable' && keys[j - 1] === 'ương') j++;
    }
    const mm = match(lex.meetingModifiers, j);
    if (mm) j += mm.len;
    o = ordinalAt(j);
    if (o > 0) {
      j = o;
      has = true;
    }
    const t = attachTerm(j);
    if (t > j) has = true;
    j = t;
    if (meeting === 'tuần lễ cấp cao' || meeting === 'hội nghị thượng đỉnh') {
      if (toks[j]?.kind === 'abbreviation') {
        j++;
        if (toks[j]?.kind === 'number') j++;
        has = true;
      }
    }
    if (!has) return -1;
    j = attachTermYears(j, 'nhiệm kỳ');
    if (key(j) === 'của' && key(j + 1) === 'đảng') j += 2;
    return j;
  };

  // ---- DOCUMENT -----------------------------------------------------------------------------------------------

  const docNumberAt = (k: number): number => {
    const t = toks[k];
    if (!t) return -1;
    if (t.kind === 'code') return k + 1;
    if (t.kind === 'number' && /^\d{1,4}(?:\/\d{4})?$/.test(t.text)) return k + 1;
    return -1;
  };

  const parseDocument = (i: number): Array<[number, number]> | undefined => {
    const m = match(lex.documents, i);
    if (!m) return undefined;
    const kind = m.value;
    let j = i + m.len;
    if (kind === 'fixed') return cap[i] ? [[i, j]] : undefined;
    // numbered: [số] code/number
    let k = j;
    const so = key(k) === 'số';
    if (so) k++;
    const e = docNumberAt(k);
    if (e > 0) {
      const t = toks[k]!;
      const isYear = t.kind === 'number' && /^(19|20)\d\d$/.test(t.text);
      if ((so || cap[i]) && !(isYear && !so)) {
        const spans: Array<[number, number]> = [[i, e]];
        // list members: Quyết định 935, 936
        let p = e;
        while ((isPunct(p, ',') || key(p) === 'và') && docNumberAt(p + 1) > 0 && toks[p + 1]!.kind === t.kind) {
          const q = docNumberAt(p + 1);
          if (toks[p + 1]!.kind === 'number' && /^(19|20)\d\d$/.test(toks[p + 1]!.text)) break;
          spans.push([p + 1, q]);
          p = q;
        }
        return spans;
      }
    }
    if (!cap[i]) return undefined;
    if (kind === 'resolution') {
      const ev = parseEvent(j, true);
      if (ev > 0) return [[i, ev]];
      return undefined;
    }
    if (kind === 'law') {
      if (key(j) === 'gia' || key(j) === 'sư' || key(j) === 'học') return undefined; // luật gia, luật sư, luật học
      let p = j;
      const L = lim(i);
      const org = parseOrg(j);
      if (org && !org.bare) p = org.e;
      // the capitalised first word of the name keeps its second syllable (Luật Thực hiện dân chủ ở cơ sở)
      else while (p < L && toks[p]!.kind === 'syllable' && (!LAW_STOP.has(keys[p]!) || (p === j && cap[j]) || (p === j + 1 && cap[j] && !cap[p] && keys[p] !== 'năm')) && p - j < 8) p++;
      if (p === j) return undefined;
      if (key(p) === 'năm' && toks[p + 1]?.kind === 'number' && /^\d{4}$/.test(toks[p + 1]!.text)) p += 2;
      return [[i, p]];
    }
    if (kind === 'programme') {
      if (key(j) === 'công' && key(j + 1) === 'tác' && key(j + 2) === 'năm' && /^\d{4}$/.test(toks[j + 3]?.text ?? '')) return [[i, j + 4]];
      // Chương trình mục tiêu quốc gia / Chương trình MTQG … giai đoạn 2021 - 2025
      const spelled = key(j) === 'mục' && key(j + 1) === 'tiêu' && key(j + 2) === 'quốc' && key(j + 3) === 'gia';
      if (spelled || (key(j) === 'mtqg' && toks[j]!.kind === 'abbreviation')) {
        const L = Math.min(lim(i), j + 30);
        for (let p = spelled ? j + 4 : j + 1; p < L; p++) {
          if (toks[p]!.kind === 'punctuation' && !isDash(p)) break;
          if (key(p) === 'giai' && key(p + 1) === 'đoạn') {
            const y = yearsAt(p + 2);
            if (y > 0) return [[i, y]];
          }
        }
        return undefined;
      }
      return undefined;
    }
    return undefined;
  };

  // ---- LOCATION -----------------------------------------------------------------------------------------------

  const parseLocation = (i: number): Array<[number, number]> | undefined => {
    const m = match(lex.locations, i);
    if (!m) return undefined;
    const kind = m.value;
    const j = i + m.len;
    if (kind === 'fixed' || kind === 'region' || kind === 'country') {
      if (!cap[i] && kind !== 'fixed') return undefined;
      if (kind === 'fixed' && !cap[i] && prevKey(i) !== undefined && !cap[i]) {
        /* lower-case fixed names are fine */
      }
      if (m.len === 1 && (capSyl(i - 1) && !brk[i]) ) return undefined;
      if (capSyl(j) && j < lim(i)) return undefined;
      // one-syllable countries (Lào, Nga, Pháp) glued to a lower-case word are parts of words: "Pháp luật"
      if (m.len === 1 && isSyl(j) && !cap[j] && j < lim(i) && !COUNTRY_NEXT.has(keys[j]!)) return undefined;
      if (m.len === 1 && kind === 'country' && (prevKey(i) === undefined || prevKey(i) === '.')) {
        // sentence-initial one-syllable "Anh", "Đức": too ambiguous
        return undefined;
      }
      return [[i, j]];
    }
    if (kind === 'head' || kind === 'head-lc') {
      if (kind === 'head-lc' && cap[i]) return undefined;
      if (genericBefore(i) && !capSyl(j)) return undefined;
      let k = j;
      const L = lim(i);
      // "yêu cầu", "nhu cầu", "toàn cầu": the head is the second half of a common word
      if (kind === 'head-lc' && LC_HEAD_COMPOUNDS.has(`${prevKey(i) ?? ''} ${keys[i]}`)) return undefined;
      const run = (p: number): number => {
        let q = p;
        // a memorial named after a person keeps the title and the name (Khu lưu niệm Chủ tịch Tôn Đức Thắng)
        if (p === j && kind === 'head') {
          const tm = match(lex.titles, p);
          const r = tm && tm.value === 'alone' && capSyl(p) ? nameRun(p + tm.len) : -1;
          if (tm && r - (p + tm.len) >= 2 && lex.surnames.has(keys[p + tm.len]!)) return r;
        }
        // a title or an organ ends the place name: "cầu Bộ Chính trị" is not a bridge
        // … and a date word before a number (`Năm 2020` after the name is a DATE, never part of a place)
        while (q < L && capSyl(q) && q - p < 5 && !(startsPhrase(q) || (match(lex.organs, q)?.len ?? 0) > 1) && !(DATE_WORDS.has(keys[q]!) && toks[q + 1]?.kind === 'number')) q++;
        return q;
      };
      k = run(j);
      if (k === j) return undefined;
      // a capitalised head starts a sentence-case name: `Khu đô thị Khoa học Quy Nhơn` (one span, no district inside)
      if (cap[i] && kind === 'head') k = sentenceCaseTail(j, k, L);
      // "yêu cầu Tiểu ban": a one-syllable name glued to a lower-case word is not a name
      if (kind === 'head-lc' && k === j + 1 && isSyl(k) && !cap[k] && k < L) return undefined;
      if (keys.slice(j, k).join(' ') === 'việt nam') return undefined;
      // "Khánh Hòa - Buôn Ma Thuột", "Trần Thị Lý - đường 2/9"
      if (isDash(k) && capSyl(k + 1)) {
        const k2 = run(k + 1);
        if (k2 > k + 1) k = k2;
      }
      const spans: Array<[number, number]> = [[i, k]];
      // villages listed after one head: `các bản Lốm, Có Dạo, Sái Ngoài` (later names are their own spans)
      if (VILLAGE_HEADS.has(keys.slice(i, j).join(' '))) {
        let p = k;
        while ((isPunct(p, ',') || key(p) === 'và') && capSyl(p + 1) && p + 1 < L) {
          const s0 = p + 1;
          if (NOT_PLACE.has(keys[s0]!) || NOT_NAME.has(keys[s0]!) || looksLikePerson(s0) || match(lex.locations, s0) || match(lex.adminWords, s0)) break;
          const e0 = run(s0);
          if (e0 === s0 || (isSyl(e0) && e0 < L && cap[e0])) break;
          spans.push([s0, e0]);
          p = e0;
        }
      }
      return spans;
    }
    if (kind === 'numbered') {
      // `QL.1A`, `ĐH.173`: a dot glued between an abbreviated head and its number
      const dot = isPunct(j, '.') && toks[j - 1]!.kind === 'abbreviation' && toks[j - 1]!.end === toks[j]!.start && toks[j + 1]?.start === toks[j]!.end ? 1 : 0;
      const t = toks[j + dot];
      if (!t || t.kind !== 'number' || !/^\d{1,3}[A-Z]?$/.test(t.text)) return undefined;
      // a letter glued to the number belongs to the code (`quốc lộ 12B`, `QL.1A`)
      const letter = isSyl(j + dot + 1) && /^\p{Lu}$/u.test(toks[j + dot + 1]!.text) && toks[j + dot + 1]!.start === t.end ? 1 : 0;
      const spans: Array<[number, number]> = [[i, j + dot + 1 + letter]];
      let p = j + dot + 1 + letter;
      while ((isPunct(p, ',') || key(p) === 'và') && toks[p + 1]?.kind === 'number' && /^\d{1,3}$/.test(toks[p + 1]!.text)) {
        spans.push([p + 1, p + 2]);
        p += 2;
      }
      return spans;
    }
    return undefined;
  };

  // ---- PERSON -------------------------------------------------------------------------------------------------

  /** Capitalised name run at i (max 5 syllables), stopping at titles, organs and admin words. */
  const nameRun = (i: number): number => {
    let j = i;
    const L = lim(i);
    while (j < L && j - i < 5 && capSyl(j)) {
      if (NOT_NAME.has(keys[j]!) && j === i) break;
      const om = match(lex.organs, j);
      if (match(lex.titles, j) || (om && om.len > 1)) break;
      const am = match(lex.adminWords, j);
      if (am) {
        // a capitalised one-syllable admin word after surname + middle name ends the name as its given name
        // (`Trần Đức Quận`, `Lê Văn Huyện`) unless a unit name follows it (`Nguyễn Văn Cừ Quận Long Biên`)
        if (am.len === 1 && j - i === 2 && lex.surnames.has(keys[i]!) && isSyl(j) && !(capSyl(j + 1) && j + 1 < L)) j++;
        break;
      }
      // "Bí thư Đoàn Bộ GD-ĐT": a one-word organ head (Bộ, Sở, Ban …) before a name or an acronym ends the name
      if (om && j > i && (om.value === 'named' || om.value === 'sub') && j + 1 < L && ((capSyl(j + 1) && !cap[j - 1]) || toks[j + 1]!.kind === 'abbreviation' || toks[j + 1]!.kind === 'code')) break;
      const lm = match(lex.locations, j);
      if (lm && ((j > i && lm.value === 'head' && lm.len > 1) || ((lm.value === 'country' || lm.value === 'region') && lm.len > 1))) break;
      j++;
    }
    return j;
  };

  const addPerson = (s: number, e: number, source: string, prio: number): void => {
    add(s, e, 'PERSON', source, prio);
    if (e - s >= 2) {
      knownNames.add(keys.slice(s, e).join(' '));
      knownGiven.add(keys[e - 1]!);
    }
  };

  /** After a person: ", Nguyễn Văn A" / "và Trần Thị B" list members. Returns the end of the list. */
  const personList = (e: number, source: string, plural = false): number => {
    let p = e;
    while ((isPunct(p, ',') || key(p) === 'và') && capSyl(p + 1)) {
      const s0 = p + 1;
      const q = nameRun(s0);
      if (q - s0 < 2) break;
      if (!lex.surnames.has(keys[s0]!)) {
        // after a plural cue (`các đồng chí …`), a minority name without a Kinh surname (`Cil Múp`, `Ka Sim`) is a
        // list member when it is short, ends the item and is no place, organ, title or common capitalised word
        const ends = q >= n || isPunct(q, ',') || isPunct(q, '.') || isPunct(q, ';') || key(q) === 'và';
        const stem = keys.slice(s0, q).join(' ');
        if (!plural || q - s0 > 3 || !ends || NOT_NAME.has(keys[s0]!) || NOT_PLACE.has(keys[s0]!) || isAdminName(stem) || isAdminName(`${keys[s0]} ${keys[s0 + 1]}`) || match(lex.locations, s0) || match(lex.organs, s0) || match(lex.titles, s0)) break;
      }
      addPerson(s0, q, source, 3);
      p = q;
    }
    return p;
  };

  // ---- bylines and photo credits (end of text, "Ảnh: …") -----------------------------------------------------

  const consumed = new Uint8Array(n);
  const mark = (s: number, e: number): void => {
    for (let k = s; k < e; k++) consumed[base + k] = 1;
  };

  /**
   * A byline on its own short line right under the headline (`Hoàng Ngọc`): the second line is only a name of
   * 2–4 capitalised syllables starting with a surname, not a place, and body text follows.
   */
  const headlineByline = (): void => {
    let a = 1;
    while (a < n && !brk[a]) a++;
    let b = a + 1;
    while (b < n && !brk[b]) b++;
    if (a >= n || b >= n || b - a < 2 || b - a > 4) return;
    if (!lex.surnames.has(keys[a]!) || nameRun(a) !== b || isAdminName(keys.slice(a, b).join(' '))) return;
    addPerson(a, b, 'rule:byline', 4);
    mark(a, b);
  };

  const bylines = (): void => {
    if (n === 0) return;
    headlineByline();
    // last line
    let s = n - 1;
    while (s > 0 && !brk[s]) s--;
    const e = n;
    const lineTokens = e - s;
    let endTrim = e;
    while (endTrim > s && toks[endTrim - 1]!.kind === 'punctuation') endTrim--;
    // a credit label before the name: `Tin, ảnh: X`, `Bài và ảnh: X`
    let lab = s;
    while (lab < endTrim && CREDIT_WORDS.has(keys[lab]!) && (isPunct(lab + 1, ',') || key(lab + 1) === 'và' || isPunct(lab + 1, ':'))) {
      lab += 2;
      if (isPunct(lab - 1, ':')) {
        s = lab;
        break;
      }
    }
    if (lineTokens <= 16) {
      const r = nameRun(s);
      // `X (Văn phòng Đảng ủy phường)`: the writer's body in brackets
      const paren = isPunct(r, '(') && isPunct(endTrim, ')') && endTrim === e - 1;
      const nameOk = r > s && r - s <= 4 && (r === endTrim || isDash(r) || isPunct(r, '/') || paren);
      if (nameOk && !(match(lex.organs, s) && !looksLikePerson(s))) {
        addPerson(s, r, 'rule:byline', 4);
        mark(s, r);
        if (r < endTrim) {
          const os = r + 1;
          const org = parseOrg(os);
          const oe = org && org.e === endTrim ? org.e : endTrim;
          // `Thành Duy - Thu Huyền`: a second writer, not an organisation
          const second = !org && isDash(r) && nameRun(os) === endTrim && endTrim - os >= 2 && endTrim - os <= 4 && !NOT_NAME.has(keys[os]!) && !isAdminName(keys.slice(os, endTrim).join(' '), 'province') && (match(lex.locations, os)?.len ?? 0) < endTrim - os;
          if (second) {
            addPerson(os, endTrim, 'rule:byline', 4);
            mark(os, endTrim);
          } else if (oe > os && (cap[os] || toks[os]!.kind === 'abbreviation')) {
            add(os, oe, 'ORGANIZATION', 'rule:byline', 4);
            mark(os, oe);
          }
        }
        return;
      }
    }
    // run-in byline: ". Duy Hoàng" / ". HOÀI NAM" / ". TTXVN/Tin Tức" at the very end of the text
    let p = endTrim - 1;
    let q = endTrim;
    while (p >= 0 && capSyl(p) && q - p <= 3) p--;
    const nameStart = p + 1;
    if (nameStart < endTrim && endTrim - nameStart <= 3 && endTrim - nameStart >= 1 && p >= 0 && isPunct(p, '/') && toks[p - 1]?.kind === 'abbreviation') {
      add(p - 1, p, 'ORGANIZATION', 'rule:byline', 4);
      add(nameStart, endTrim, 'ORGANIZATION', 'rule:byline', 4);
      mark(p - 1, endTrim);
      return;
    }
    q = endTrim;
    // "Theo Infonet", "Theo TTXVN": a source credit, the organisation only
    if (nameStart < q && keys[nameStart] === 'theo' && (p < 0 || isPunct(p, '.') || brk[nameStart])) {
      const os = nameStart + 1;
      if (os < q || toks[os]?.kind === 'abbreviation') {
        const oe = os < q ? q : os + 1;
        add(os, oe, 'ORGANIZATION', 'rule:byline', 4);
        mark(nameStart, oe);
      }
      return;
    }
    if (nameStart < q && q - nameStart >= 2 && q - nameStart <= 3 && p >= 0 && (isPunct(p, '.') || brk[nameStart])) {
      addPerson(nameStart, q, 'rule:byline', 4);
      mark(nameStart, q);
    }
  };

  const photoCredit = (i: number): number => {
    // Ảnh: NAME/ORG   or   Ảnh: Trí Dũng/TTXVN (tokenised "Dũng/TTXVN" as one code token)
    if (key(i) !== 'ảnh' || !isPunct(i + 1, ':')) return -1;
    const s = i + 2;
    if (parseOrg(s)) return -1;
    let j = s;
    while (j < n && j - s < 4 && capSyl(j)) j++;
    const t = toks[j];
    if (t && t.kind === 'code' && /^\p{Lu}[\p{L}\p{M}]*\/\p{Lu}{2,}$/u.test(t.text)) {
      const slash = t.text.indexOf('/');
      out.push({ start: toks[s]!.start, end: t.start + slash, type: 'PERSON', source: 'rule:photo-credit', prio: 4 });
      out.push({ start: t.start + slash + 1, end: t.end, type: 'ORGANIZATION', source: 'rule:photo-credit', prio: 4 });
      return j + 1;
    }
    // `Ảnh: Minh Hải` at the end of a caption line, `(Ảnh: Ka Thúy)`: the photographer
    const closes = j >= n || isPunct(j, ')') || (isPunct(j, '.') && j + 1 >= n);
    // (many given names are also commune names: only a province name is taken as a place here)
    if (j - s >= 2 && closes && !isAdminName(keys.slice(s, j).join(' '), 'province') && (match(lex.locations, s)?.len ?? 0) < j - s) {
      addPerson(s, j, 'rule:photo-credit', 4);
      return j;
    }
    if (j > s && isPunct(j, '/') && (toks[j + 1]?.kind === 'abbreviation' || capSyl(j + 1))) {
      addPerson(s, j, 'rule:photo-credit', 4);
      let k = j + 1;
      if (toks[k]!.kind === 'abbreviation') k++;
      else while (capSyl(k) && k - j < 4) k++;
      add(j + 1, k, 'ORGANIZATION', 'rule:photo-credit', 4);
      return k;
    }
    return -1;
  };

  // ---- main scan ----------------------------------------------------------------------------------------------

  bylines();

  perLine = true;
  for (let a = 0; a < v.n; ) {
    const b = v.lineEnd[a]!;
    base = a;
    toks = v.toks.slice(a, b);
    keys = v.keys.slice(a, b);
    cap = v.cap.subarray(a, b);
    brk = v.brk.subarray(a, b);
    n = b - a;
    scanLine();
    a = b;
  }
  return out;

  function scanLine(): void {
  let i = 0;
  while (i < n) {
    if (consumed[base + i]) {
      i++;
      continue;
    }
    const t = toks[i]!;
    if (t.kind === 'punctuation' || t.kind === 'number' || t.kind === 'percent' || t.kind === 'symbol') {
      i++;
      continue;
    }
    // a news dateline opening a paragraph: `TTXVN - Sáng 5/3, …`, `BNA - Ngày …`: the agency's abbreviation
    if (i === 0 && t.kind === 'abbreviation' && /^\p{Lu}{2,8}$/u.test(t.text) && isDash(1) && capSyl(2) && !parseOrg(0)) {
      add(0, 1, 'ORGANIZATION', 'rule:dateline', 2);
      i = 2;
      continue;
    }
    const pc = photoCredit(i);
    if (pc > 0) {
      i = pc;
      continue;
    }
    // person cue: đồng chí / ông / bà (+ a title, then the name)
    const cue = match(lex.cues, i);
    if (cue) {
      const j = i + cue.len;
      if (cue.value === 'plural') {
        const r = nameRun(j);
        if (r > j) {
          addPerson(j, r, 'rule:person-cue', 3);
          i = personList(r, 'rule:person-list', true);
          continue;
        }
      } else {
        const r = nameRun(j);
        // after a degree a one-word "name" is usually a field (`thạc sĩ Quản trị`, `cử nhân Luật`) unless seen before
        const oneWordOk = r - j !== 1 || (!NOT_NAME.has(keys[j]!) && (cue.value !== 'degree' || knownGiven.has(keys[j]!)));
        if (r > j && oneWordOk) {
          addPerson(j, r, 'rule:person-cue', 3);
          i = personList(r, 'rule:person-list');
          continue;
        }
      }
      if (!cap[i] || cue.len > 1 || keys[i] !== 'anh') {
        i = j;
        if (match(lex.titles, i) === undefined) continue;
      }
    }
    // POSITION (+ a name right after it)
    const pos = parsePosition(i);
    if (pos && !genericBefore(i)) {
      const r = nameRun(pos.e);
      const nameFollows = r > pos.e && !(r - pos.e === 1 && NOT_NAME.has(keys[pos.e]!));
      if (!pos.bare || cap[i] || nameFollows || prevKey(i) === 'danh' || prevKey(i) === 'chức') {
        add(i, pos.e, 'POSITION', pos.bare ? 'rule:position-title' : 'rule:position', 2);
        const full = r - pos.e >= 2 && lex.surnames.has(keys[pos.e]!) && !isAdminName(keys.slice(pos.e, r).join(' '));
        const short = r - pos.e <= 2 && knownGiven.has(keys[r - 1]!) && toks[r]?.kind !== 'abbreviation';
        if (nameFollows && (full || short)) {
          addPerson(pos.e, r, 'rule:person-after-title', 3);
          i = personList(r, 'rule:person-list');
        } else i = pos.e;
        continue;
      }
    }
    // EVENT
    const ev = parseEvent(i);
    if (ev > 0) {
      add(i, ev, 'EVENT', 'rule:event', 2);
      i = ev;
      continue;
    }
    // DOCUMENT
    const doc = parseDocument(i);
    if (doc) {
      for (const [s, e] of doc) add(s, e, 'DOCUMENT', 'rule:document', 2);
      i = doc[doc.length - 1]![1];
      continue;
    }
    // ORGANIZATION
    const org = parseOrg(i);
    if (org && (!org.bare || bareOrgOk(i, org))) {
      if (!(org.kind === 'center' || (org.bare && genericBefore(i)))) {
        add(i, org.e, 'ORGANIZATION', org.bare ? 'rule:organ-bare' : `rule:organ-${org.kind}`, 2);
        i = org.e;
        continue;
      }
    }
    // "Trung ương" as an actor: của Trung ương / Trung ương đã …
    if (key(i) === 'trung' && key(i + 1) === 'ương' && cap[i]) {
      const p = prevKey(i);
      const nx = key(i + 2);
      if ((p === 'của' || p === undefined || p === ',' || p === '.') && (nx === undefined || CENTER_NEXT.has(nx))) {
        add(i, i + 2, 'ORGANIZATION', 'rule:organ-center', 1);
      }
      i += 2;
      continue;
    }
    // LOCATION
    const loc = parseLocation(i);
    if (loc) {
      for (const [s, e] of loc) add(s, e, 'LOCATION', 'rule:location', 1);
      i = loc[loc.length - 1]![1];
      continue;
    }
    // PERSON without a cue: surname + at least two more capitalised syllables, or a name seen before
    if (capSyl(i)) {
      const r = nameRun(i);
      const runKey = keys.slice(i, r).join(' ');
      if (r - i >= 3 && r - i <= 4 && lex.surnames.has(keys[i]!) && (prevKey(i) === undefined || !match(lex.adminWords, i - 1)) && !isAdminName(`${keys[i]} ${keys[i + 1]}`) && !isAdminName(runKey)) {
        addPerson(i, r, 'rule:person-name', 1);
        i = personList(r, 'rule:person-list');
        continue;
      }
      // tư tưởng / phong cách / tấm gương Hồ Chí Minh: the person, not the city
      if (r - i === 3 && runKey === 'hồ chí minh' && HCM_PERSON_BEFORE.has(prevKey(i) ?? '')) {
        add(i, r, 'PERSON', 'rule:person-name', 3);
        i = r;
        continue;
      }
      if (r - i >= 2 && knownNames.has(runKey)) {
        add(i, r, 'PERSON', 'rule:person-known', 2);
        i = r;
        continue;
      }
      // a capitalised word before a phrase head (sentence-initial `Vốn Chương trình …`) does not swallow the head
      let skip = i + 1;
      while (skip < r && !(match(lex.documents, skip) || match(lex.titles, skip) || match(lex.meetings, skip) || match(lex.organs, skip) || match(lex.locations, skip))) skip++;
      i = skip;
      continue;
    }
    i++;
  }
  }
}
