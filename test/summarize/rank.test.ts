import { describe, expect, it } from 'vitest';
import { summarize, summarizeParts } from '../../src/summarize/index.js';
import { buildDocument, selectCandidates, DEFAULT_WEIGHTS } from '../../src/summarize/rank.js';
import { splitSentences } from '../../src/sentences/index.js';
import { segment } from '../../src/segment/index.js';
import { tagEntities } from '../../src/entities/index.js';

// Made-up texts in the shapes of local reports and news stories (no real report is quoted).
const MEETING = 'Ngày 18-7, Ban Chấp hành Đảng bộ huyện Hòa Lâm tổ chức hội nghị lần thứ 12 để sơ kết công tác 6 tháng đầu năm và bàn nhiệm vụ trọng tâm 6 tháng cuối năm.';
const ATTEND = 'Dự hội nghị có đồng chí Lò Văn Pằng, Phó Trưởng Ban Dân vận Tỉnh ủy, cùng các đồng chí trong Ban Thường vụ Huyện ủy.';
const CHAIR = 'Đồng chí Hà Thị Nguyệt, Bí thư Huyện ủy chủ trì hội nghị.';
const GENERAL = 'Sáu tháng đầu năm, kinh tế của huyện tiếp tục ổn định, đời sống nhân dân từng bước được cải thiện.';
const OUTPUT = 'Tổng giá trị sản xuất ước đạt 3.120,5 tỷ đồng, tăng 6,4% so với cùng kỳ, đạt 47,9% kế hoạch năm.';
const CROPS = 'Sản lượng ngô đạt 12.400 tấn, năng suất bình quân 52,3 tạ/ha; toàn huyện trồng mới 640 ha rừng.';
const MEMBERS = 'Đảng bộ huyện kết nạp 58 đảng viên mới, đạt 52,7% chỉ tiêu năm.';
const FILLER = [
  'Lĩnh vực văn hóa, xã hội có nhiều chuyển biến tích cực.',
  'Quốc phòng, an ninh được giữ vững, trật tự an toàn xã hội được bảo đảm.',
  'Công tác dân vận, hoạt động của Mặt trận và các đoàn thể tiếp tục được đổi mới.',
  'Các đại biểu đã thảo luận, đóng góp nhiều ý kiến vào dự thảo báo cáo.',
];
const CLOSING = 'Phát biểu kết luận hội nghị, đồng chí Hà Thị Nguyệt yêu cầu các cấp ủy, chính quyền khắc phục ngay những chỉ tiêu đạt thấp, nhất là thu ngân sách và giải ngân vốn đầu tư công.';
const REPORT = ['Huyện ủy Hòa Lâm sơ kết công tác 6 tháng đầu năm', '', MEETING, ATTEND, CHAIR, GENERAL, OUTPUT, CROPS, MEMBERS, ...FILLER, CLOSING, 'Minh Khôi - VPHU'].join('\n');

const pick = (text: string, k: number): string[] => summarize(text, { sentences: k }).sentences.map((s) => s.text);

describe('summarize: the slots of a report summary', () => {
  it('fills meeting, chair, headline results and the closing instructions, in that spirit', () => {
    const t = pick(REPORT, 5);
    expect(t).toContain(MEETING);
    expect(t).toContain(CHAIR);
    expect(t).toContain(OUTPUT);
    expect(t).toContain(CLOSING);
  });

  it('prefers who chaired to who attended', () => {
    const t = pick(REPORT, 4);
    expect(t).toContain(CHAIR);
    expect(t).not.toContain(ATTEND);
  });

  it('a meeting sentence that mentions tasks does not stand in for the closing instructions', () => {
    // The meeting sentence says `bàn nhiệm vụ trọng tâm 6 tháng cuối năm`; the closing speech still gets its place.
    const t = pick(REPORT, 4);
    expect(t).toContain(MEETING);
    expect(t).toContain(CLOSING);
  });

  it('a share of the yearly quota reached is a result, not a target', () => {
    const sentences = splitSentences(REPORT);
    const doc = buildDocument(REPORT, { sentences, words: segment(REPORT) });
    const c = doc.candidates.find((x) => sentences[x.index]!.text === MEMBERS)!;
    expect(c.features.slots.results).toBeGreaterThan(0);
    expect(c.features.slots.ahead).toBeLessThan(0.8);
    const out = doc.candidates.find((x) => sentences[x.index]!.text === OUTPUT)!;
    expect(out.features.slots.results).toBe(1); // an aggregate indicator with figures
    expect(out.features.figures).toBeGreaterThan(0.5); // 3.120,5 tỷ đồng, 6,4%, 47,9%
  });

  it('reads figures from the words: numbers with units, decimals and percentages, not dates or years', () => {
    const text = 'Năm 2024, ngày 15-8 hội nghị họp. Huyện có 1.200 hộ, 35 xã, 4,5 tỷ đồng và 12% tăng trưởng. Các xã đạt 17/19 chỉ tiêu. Ngày 20/11 có 3 đoàn đến.';
    const sentences = splitSentences(text);
    const doc = buildDocument(text, { sentences, words: segment(text) });
    const [a, b, c, d] = doc.candidates;
    expect(a!.features.figures).toBe(0); // a year and a date
    expect(b!.features.figures).toBe(1); // 4 figures, saturated
    expect(c!.features.figures).toBe(0.25); // a share written as a fraction
    expect(d!.features.figures).toBe(0); // a date; `3 đoàn` is no headline figure
  });

  it('picks who was elected at a congress', () => {
    const ELECT = 'Đại hội đã bầu 27 đồng chí vào Ban Chấp hành Đảng bộ xã nhiệm kỳ 2025 - 2030; đồng chí Vi Văn Thắm được bầu giữ chức Bí thư Đảng ủy xã.';
    const text = [
      'Đại hội Đảng bộ xã Nậm Cang lần thứ I',
      '',
      'Ngày 20/8/2025, Đảng bộ xã Nậm Cang tổ chức Đại hội đại biểu lần thứ I, nhiệm kỳ 2025 - 2030.',
      'Xã được thành lập trên cơ sở hợp nhất ba xã cũ, có 24 chi bộ trực thuộc.',
      'Nhiệm kỳ qua, các đơn vị hoàn thành 15/17 chỉ tiêu chủ yếu; thu nhập bình quân đầu người đạt 48 triệu đồng.',
      'Văn hóa, xã hội có nhiều tiến bộ.',
      'Quốc phòng, an ninh được giữ vững.',
      ELECT,
      'Phương Lan - Văn phòng Đảng ủy xã',
    ].join('\n');
    expect(pick(text, 3)).toContain(ELECT);
  });
});

describe('summarize: news and layers', () => {
  const LEAD = 'Chiều 3/9, tại thành phố Bến Mới, Thành ủy tổ chức hội nghị nghe báo cáo tình hình thực hiện các công trình trọng điểm.';
  const NEWS = [
    'Thành ủy Bến Mới đôn đốc các công trình trọng điểm',
    '',
    LEAD,
    'Theo báo cáo, nhiều công trình trọng điểm của thành phố đang chậm tiến độ do vướng mặt bằng.',
    '"Chúng tôi sẽ kiểm điểm trách nhiệm từng đơn vị", ông Trần Minh Vũ nói.',
    'ông cũng đề nghị các sở, ngành phối hợp chặt chẽ hơn.',
    'Cuối buổi, lãnh đạo thành phố yêu cầu hoàn thành giải phóng mặt bằng các công trình trọng điểm trong quý IV.',
    'Trước đó, thành phố đã thành lập tổ công tác đặc biệt.',
  ].join('\n');

  // The learned scorer (news abstracts often quote) no longer rules quotes out; a lower-case run-on still is.
  it('on a news story the opening sentence leads and a lower-case run-on is not picked', () => {
    const t = pick(NEWS, 3);
    expect(t).toContain(LEAD);
    expect(t.some((s) => s.startsWith('ông'))).toBe(false);
  });

  it('summarizeParts with the layers of analyze gives what summarize gives', () => {
    for (const text of [REPORT, NEWS]) {
      const sentences = splitSentences(text);
      const viaParts = summarizeParts(text, { sentences, words: segment(text), entities: tagEntities(text) }, { sentences: 4 });
      expect(viaParts).toEqual(summarize(text, { sentences: 4 }));
    }
  });

  it('redundancy: a reworded copy of a picked sentence is not picked as well', () => {
    const text = [REPORT.split('\n')[0], '', MEETING, MEETING.replace('Ngày 18-7', 'Hôm 18-7'), CHAIR, OUTPUT, CLOSING, ...FILLER].join('\n');
    const t = pick(text, 4);
    expect(t.filter((s) => s.includes('hội nghị lần thứ 12'))).toHaveLength(1);
  });

  it('NFD input, new-style tones and doubled spaces give the same picks as the plain text', () => {
    const idx = (t: string): number[] => summarize(t, { sentences: 4 }).sentences.map((x) => x.index);
    const plain = idx(REPORT);
    expect(idx(REPORT.normalize('NFD'))).toEqual(plain);
    expect(idx(REPORT.replace(/ủy/g, 'uỷ').replace(/hòa/gi, (m) => (m[0] === 'H' ? 'Hoà' : 'hoà')))).toEqual(plain);
    expect(idx(REPORT.replace(/, /g, ',  '))).toEqual(plain);
  });

  it('picks sentences in a fixed order of scores and never more than asked', () => {
    const sentences = splitSentences(REPORT);
    const doc = buildDocument(REPORT, { sentences, words: segment(REPORT) });
    const picked = selectCandidates(doc, 3, DEFAULT_WEIGHTS);
    expect(picked).toHaveLength(3);
    expect(new Set(picked.map((p) => p.cand.index)).size).toBe(3);
  });

  it('a long document (LexRank on a window) still gives a valid summary, linear-time guard', () => {
    const big = Array.from({ length: 120 }, (_, i) => REPORT.replace(/Hòa Lâm/g, `Hòa Lâm ${i}`)).join('\n');
    const t0 = Date.now();
    const r = summarize(big, { sentences: 8 });
    expect(r.sentences).toHaveLength(8);
    for (const s of r.sentences) expect(big.slice(s.start, s.end)).toBe(s.text);
    expect(Date.now() - t0).toBeLessThan(60_000);
  });
});

describe('summarize: attendance, closing and chairing cues', () => {
  const doc = (text: string) => { const sentences = splitSentences(text); return buildDocument(text, { sentences, words: segment(text) }); };
  const feat = (text: string, needle: string) => { const d = doc(text); return d.candidates.find((c) => d.sentences[c.index]!.text.includes(needle))!.features; };
  const CONNECTED = 'Hội nghị được kết nối trực tuyến đến 64 điểm cầu ở các xã, thị trấn với gần 3.500 cán bộ, đảng viên tham dự.';
  const DRAFT = 'Dự thảo kế hoạch nêu 12 nhiệm vụ trọng tâm về phát triển kinh tế, văn hóa và xây dựng Đảng.';
  const CLOSE_MEETING = 'Kết luận cuộc họp, ông Trần Văn Định yêu cầu các xã hoàn thành thống kê thiệt hại trước ngày 20/11 và hỗ trợ các hộ bị sập nhà.';
  const PRESIDED = 'Bà Lê Thị Hạnh, Phó Chủ tịch HĐND huyện điều hành phiên bế mạc.';
  const text = ['Huyện Hòa Lâm họp bàn khắc phục hậu quả mưa lũ', '', MEETING, CONNECTED, PRESIDED, DRAFT, OUTPUT, CROPS, ...FILLER, CLOSE_MEETING].join('\n');

  it('marks sentences saying who attended, not drafts or who chaired', () => {
    expect(feat(text, 'điểm cầu').attendance).toBe(1);
    expect(feat(REPORT, 'Dự hội nghị có').attendance).toBe(1);
    expect(feat(text, 'Dự thảo kế hoạch').attendance).toBe(0);
    expect(feat(REPORT, 'chủ trì hội nghị').attendance).toBe(0);
  });

  it('leaves an attendance sentence out even right after the opening', () => {
    expect(pick(text, 5)).not.toContain(CONNECTED);
  });

  it('knows the chair who presides over a sitting and the conclusion of any kind of meeting', () => {
    expect(feat(text, 'điều hành phiên').slots.chair).toBe(1);
    expect(feat(text, 'Kết luận cuộc họp').slots.ahead).toBe(1);
    expect(pick(text, 4)).toContain(CLOSE_MEETING);
  });
});

describe('summarize: results relayed from the report, elections held, activities chaired', () => {
  const doc = (text: string) => { const sentences = splitSentences(text); return buildDocument(text, { sentences, words: segment(text) }); };
  const feat = (text: string, needle: string) => { const d = doc(text); return d.candidates.find((c) => d.sentences[c.index]!.text.includes(needle))!.features; };
  const RELAYED = 'Theo báo cáo, 9 tháng đầu năm, toàn xã thu hoạch 1.240 ha lúa, năng suất bình quân 6,1 tấn/ha.';
  const BALLOT = 'Xã đã tổ chức thành công cuộc bầu cử đại biểu Hội đồng nhân dân các cấp với 99,2% cử tri đi bầu.';
  const ACTIVITY = 'Năm qua, Mặt trận các cấp đã chủ trì tổ chức 312 cuộc giám sát và 95 hội nghị phản biện xã hội.';
  const text = ['Xã Tân Hòa sơ kết 9 tháng', '', MEETING, CHAIR, GENERAL, CROPS, RELAYED, BALLOT, ACTIVITY, ...FILLER, CLOSING].join('\n');

  it('a sentence relaying the report with figures opens the results', () => {
    expect(feat(text, 'Theo báo cáo').slots.results).toBe(1);
    expect(feat(text, 'Sản lượng ngô').slots.results).toBeLessThan(1);
    expect(pick(text, 4)).toContain(RELAYED);
  });

  it('an election held is not who was elected; chairing an activity is not chairing the meeting', () => {
    expect(feat(text, 'cuộc bầu cử').slots.elected).toBe(0);
    expect(feat(text, 'cuộc giám sát').slots.chair).toBe(0);
    expect(feat(text, 'chủ trì hội nghị').slots.chair).toBe(1);
  });
});

describe('summarize: the tasks ahead come from the tasks section, not from a plan named among the results', () => {
  const doc = (text: string) => { const sentences = splitSentences(text); return buildDocument(text, { sentences, words: segment(text) }); };
  const feat = (text: string, needle: string) => { const d = doc(text); return d.candidates.find((c) => d.sentences[c.index]!.text.includes(needle))!.features; };
  const PASSING = 'Đẩy nhanh tiến độ các công trình chuyển tiếp, nhất là Nhà văn hóa huyện để phục vụ Đại hội sắp tới.';
  const ANNOUNCE = 'Tại hội nghị, các đại biểu đã thảo luận, thống nhất các nhiệm vụ trọng tâm 6 tháng cuối năm.';
  const TASK1 = 'Tập trung chỉ đạo sản xuất vụ mùa, bảo đảm khung thời vụ.';
  const TASK2 = 'Nhiệm vụ quan trọng là lãnh đạo tổ chức thành công Đại hội Đảng bộ huyện.';
  const text = ['Huyện ủy Hòa Lâm sơ kết 6 tháng', '', MEETING, CHAIR, GENERAL, OUTPUT, CROPS, PASSING, MEMBERS, ...FILLER, ANNOUNCE, TASK1, TASK2].join('\n');

  it('finds where the tasks section starts', () => {
    const d = doc(text);
    const at = d.candidates[d.aheadFrom]!;
    expect(d.sentences[at.index]!.text).toBe(ANNOUNCE);
    expect(doc(REPORT).aheadFrom).toBeGreaterThan(0); // the closing speech opens it
  });

  it('a plan named among the results fills the slot weakly, the section strongly', () => {
    expect(feat(text, 'Đại hội sắp tới').slots.ahead).toBeLessThan(0.5);
    expect(feat(text, 'thống nhất các nhiệm vụ').slots.ahead).toBe(1);
    expect(feat(text, 'Nhiệm vụ quan trọng').slots.ahead).toBeGreaterThan(0.5);
    const t = pick(text, 5);
    expect(t).not.toContain(PASSING);
    expect(t.some((s) => [ANNOUNCE, TASK1, TASK2].includes(s))).toBe(true);
  });

  it('a year after the report year opens the section; the report year does not', () => {
    const yearly = (y: number) => ['Huyện ủy Hòa Lâm tổng kết năm 2020', '', 'Ngày 18-12, Ban Chấp hành Đảng bộ huyện Hòa Lâm tổ chức hội nghị tổng kết công tác năm 2020.', CHAIR, GENERAL, OUTPUT, CROPS, ...FILLER, `Về kế hoạch năm ${y}, huyện tập trung phát triển nông nghiệp hàng hóa.`, TASK1].join('\n');
    const later = doc(yearly(2021));
    expect(later.sentences[later.candidates[later.aheadFrom]!.index]!.text).toContain('năm 2021');
    expect(doc(yearly(2020)).aheadFrom).toBe(-1);
  });

  it('without a tasks section the ahead cues count as before', () => {
    const plain = ['Huyện ủy Hòa Lâm sơ kết 6 tháng', '', MEETING, CHAIR, GENERAL, OUTPUT, PASSING, ...FILLER].join('\n');
    expect(doc(plain).aheadFrom).toBe(-1);
    expect(feat(plain, 'Đại hội sắp tới').slots.ahead).toBe(0.8);
  });
});
