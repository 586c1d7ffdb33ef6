// Word lists shared by the measure tagger and its data build (scripts/data/measures.ts).

// Before a number, these make it an ordinal, an article number or part of a name, not a count.
export const NOT_COUNT_BEFORE: ReadonlySet<string> = new Set([
  'thứ', 'số', 'lần', 'khóa', 'điều', 'khoản', 'chương', 'mục', 'quận', 'phường', 'tổ', 'khu', 'ấp', 'đội', 'lô', 'tuyến',
  'lộ', 'đường', 'trang', 'hình', 'bảng', 'đợt', 'gấp', 'phòng', 'câu', 'kỳ', 'lớp', 'nhóm', 'mẫu', 'cấp', 'phụ', 'km',
  'hạng', 'bậc', 'top', 'vòng', 'giai', 'thôn', 'xóm', 'khối', 'buôn', 'phố', 'lúc',
]);

// Length units that take a glued superscript power (`km²`, `m³`), and the powers.
export const LENGTH_UNITS: ReadonlySet<string> = new Set(['km', 'hm', 'dam', 'm', 'dm', 'cm', 'mm']);
export const POWERS: Readonly<Record<string, string>> = { '²': '2', '³': '3' };

// Per-head denominators of a rate after `/` besides units and time units (`triệu đồng/người/năm`, `kg/khẩu`):
// the units a statistic is divided by, not counted nouns in general.
export const PER_NOUNS: ReadonlySet<string> = new Set(['người', 'hộ', 'khẩu', 'lao động', 'đầu người', 'con', 'lượt', 'ca', 'vụ', 'lứa']);

// Personal pronouns (a closed class): after a spelled number word they show it is not a number (`ba tôi`: my father,
// `bảy nó`), while the dictionary lists some of them as nouns too (`tôi`: servant).
export const PRONOUNS: ReadonlySet<string> = new Set(['tôi', 'tao', 'tớ', 'mình', 'ta', 'mày', 'nó', 'hắn', 'họ', 'chúng', 'bọn', 'ấy']);
// Side words: spelled `hai` before them means "both" (`hai bên` đã ký kết, `hai phía`), not a count of two.
export const BOTH_SIDES: ReadonlySet<string> = new Set(['bên', 'phía']);
