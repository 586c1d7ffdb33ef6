// Word lists shared by the measure tagger and its data build (scripts/data/measures.ts).

// Before a number, these make it an ordinal, an article number or part of a name, not a count.
export const NOT_COUNT_BEFORE: ReadonlySet<string> = new Set([
  'thứ', 'số', 'lần', 'khóa', 'điều', 'khoản', 'chương', 'mục', 'quận', 'phường', 'tổ', 'khu', 'ấp', 'đội', 'lô', 'tuyến',
  'lộ', 'đường', 'trang', 'hình', 'bảng', 'đợt', 'gấp', 'phòng', 'câu', 'kỳ', 'lớp', 'nhóm', 'mẫu', 'cấp', 'phụ', 'km',
  'hạng', 'bậc', 'top', 'vòng', 'giai', 'thôn', 'xóm', 'khối', 'buôn', 'phố', 'lúc',
]);
