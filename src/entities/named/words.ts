// Word sets the named rules consult (folded keys). Moved out of the rules unchanged; see dictionaries/entities/patterns/.
import { COMMON_VOCABULARY, vocabularyOf } from '../../data/vocabulary.js';

export const ORDINAL_WORDS = new Set(['nhất', 'hai', 'ba', 'tư', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín', 'mười', 'mười một', 'mười hai']);
/** Determiners that make the noun after them generic (the shared vocabulary, dictionaries/common/determiners.tsv). */
export const GENERIC_BEFORE: ReadonlySet<string> = new Set(Object.keys(COMMON_VOCABULARY.determiners));
/** Middle names (the shared vocabulary, dictionaries/common/middle-names.tsv). */
export const NAME_MIDDLES: ReadonlySet<string> = new Set(COMMON_VOCABULARY.middleNames);
/** Capitalised words that never start or continue a name. */
export const NOT_NAME = new Set([
  'đảng', 'nhà', 'nước', 'ủy', 'ban', 'ngày', 'tháng', 'năm', 'theo', 'tại', 'trong', 'các', 'những', 'lãnh', 'chí',
  'hội', 'nghị', 'đại', 'việt', 'nam', 'trung', 'ương', 'bộ', 'sở', 'chính', 'phủ', 'quốc', 'đây', 'đó', 'này',
  'với', 'và', 'của', 'để', 'khi', 'sau', 'trước', 'từ', 'đến', 'cùng', 'về', 'thực', 'hiện', 'tuy', 'nhiên',
  'bên', 'cạnh', 'ông', 'bà', 'anh', 'chị', 'ảnh', 'nguồn', 'tin', 'phát', 'biểu', 'kết', 'luận', 'luật', 'kinh', 'tế',
]);
export const CENTER_NEXT = new Set(['đã', 'để', '.', ',', ';', 'về', 'giao', 'nhấn', 'yêu', 'chỉ', 'quyết', 'thống', 'đề', 'cho', 'có', 'ban', 'kết', 'đánh', 'xác', 'và']);
export const HCM_PERSON_BEFORE = new Set(['tưởng', 'cách', 'gương', 'đức', 'bác', 'tịch', 'di', 'chúc']);
export const COUNTRY_NEXT = new Set(['và', 'cùng', 'đã', 'là', 'có', 'với', 'trong', 'về', 'được', 'để', 'từ', 'sang', 'tại', 'ở', 'thì', 'cũng', 'đang', 'sẽ', 'như', 'nhằm']);
export const NOT_PLACE = new Set(['theo', 'tại', 'trong', 'về', 'với', 'và', 'của', 'sau', 'trước', 'khi', 'ngày', 'năm', 'tháng', 'đây', 'đó', 'này', 'cùng', 'nhằm', 'để', 'các', 'những', 'đồng', 'ông', 'bà']);
export const LAW_STOP = new Set([
  'đáp', 'thi', 'hướng', 'ban', 'quy', 'hiệu', 'nhằm', 'tạo', 'giúp', 'phải', 'cần',
  'của', 'về', 'và', 'được', 'đã', 'có', 'này', 'trong', 'theo', 'để', 'cho', 'với', 'tại', 'là', 'thì', 'mà',
  'các', 'những', 'sẽ', 'nên', 'không', 'do', 'bởi', 'từ', 'đến', 'khi', 'sau', 'trước', 'năm', 'số', 'ngày', 'đang',
  'vừa', 'mới', 'cũng', 'đều', 'bằng', 'như', 'nhằm', 'trên', 'dưới', 'sửa', 'đổi', 'bổ',
  'nói', 'riêng', 'chung', 'lại', 'chưa', 'vẫn', 'còn', 'giai', 'hiện', 'nay', 'đây', 'đó', 'ấy', 'thể', 'chỉ', 'rất',
]);

/** Common verbs that end a lower-case run after an organisation head (the sentence goes on, the name does not). */
export const NAME_VERBS = new Set([
  'tổ', 'phối', 'tham', 'đạt', 'trao', 'tặng', 'đón', 'ký', 'biết', 'tăng', 'giảm', 'làm', 'đi', 'vào', 'ra',
  'lên', 'xuống', 'ở', 'nay', 'hiện', 'vẫn', 'chưa', 'không', 'rất', 'bị', 'gửi', 'nhận', 'đưa', 'bố', 'nói', 'nêu',
  'yêu', 'mời', 'họp', 'cho', 'tiếp', 'thăm', 'chúc', 'mừng', 'cùng', 'gồm', 'nhằm', 'khóa', 'nhiệm', 'lần', 'thứ',
]);

/** Lower-case place heads that are the second half of a common word after these syllables. */
export const LC_HEAD_COMPOUNDS = new Set([
  'yêu cầu', 'nhu cầu', 'toàn cầu', 'khẩn cầu', 'thỉnh cầu', 'địa cầu', 'văn bản', 'cơ bản', 'tư bản', 'phiên bản',
  'xuất bản', 'kịch bản', 'căn bản', 'nguyên bản', 'đột phá', 'khám phá', 'phá', 'đồng hồ', 'mơ hồ', 'hồ hồ',
  // class nouns and adjectives ending in a place head: the name after them is named on its own (`vùng biển` Hoàng
  // Sa, `các xã ven biển` Quảng Phú, Quảng Xuân, `miền núi`), as `vùng` Tây Nguyên is
  'vùng biển', 'ven biển', 'miền biển', 'miền núi', 'vùng núi', 'đồi núi', 'rừng núi', 'lên đường', 'xuống đường',
  'đường đường',
]);

/** Capitalised date words: before a number they start a DATE, never continue a place name. */
export const DATE_WORDS = new Set(['năm', 'tháng', 'ngày', 'quý']);

/** Labels of a credit line before the writer's name (`Tin, ảnh: X`). */
export const CREDIT_WORDS: ReadonlySet<string> = new Set(vocabularyOf(COMMON_VOCABULARY.creditLabels, 'writer'));

/** Village-level units a party cell (chi bộ) may be named after. */
export const VILLAGE_HEADS = new Set(['thôn', 'bản', 'ấp', 'xóm', 'làng', 'buôn', 'khóm', 'plei', 'tổ dân phố', 'khu phố', 'tổ', 'khu dân cư']);

