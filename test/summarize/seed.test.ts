// The seed report of the dev corpus (issue 5): its default summary holds the meeting, the figures of the results and
// the tasks ahead. Checked by content, not by sentence indexes. Reads ../shared (beside the repo) and skips cleanly
// where it is absent: nothing of it is copied into the repo.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/summarize/index.js';
import { splitSentences } from '../../src/sentences/index.js';
import { tagEntities } from '../../src/entities/index.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SEED = `${ROOT}../shared/corpus/dev/seed-quang-trach-2020.gold.json`;

/** A sentence that announces the tasks of the coming period. */
const ANNOUNCES_TASKS = /(?:nhiệm vụ|phương hướng|giải pháp)[^.;]{0,80}(?:(?:6|sáu) tháng cuối năm|những tháng cuối năm|thời gian tới)/iu;
const MEETING_WORDS = /tổ chức (?:hội nghị|đại hội|kỳ họp)/iu;

describe.skipIf(!existsSync(SEED))('summarize: the seed report (issue 5)', () => {
  const text = existsSync(SEED) ? (JSON.parse(readFileSync(SEED, 'utf8')) as { text: string }).text : '';
  const summary = summarize(text);
  const entities = tagEntities(text);
  const entitiesIn = (s: { start: number; end: number }): string[] => entities.filter((e) => e.start >= s.start && e.end <= s.end).map((e) => e.type);

  it('contains the meeting sentence: the body, the meeting and its date', () => {
    const meeting = summary.sentences.find((s) => {
      const types = entitiesIn(s);
      return types.includes('ORGANIZATION') && types.includes('DATE') && (types.includes('EVENT') || MEETING_WORDS.test(s.text));
    });
    expect(meeting).toBeDefined();
  });

  it('contains a sentence with the figures of the results', () => {
    const withFigures = summary.sentences.filter((s) => entitiesIn(s).some((t) => t === 'MONEY' || t === 'PERCENT' || t === 'QUANTITY'));
    expect(withFigures.length).toBeGreaterThanOrEqual(1);
  });

  it('contains a sentence of the tasks ahead: in the section that announces the coming period, not in the results', () => {
    const sentences = splitSentences(text);
    // The meeting sentence itself names the tasks it is held for; the tasks section comes after it.
    const meetingAt = sentences.findIndex((s) => MEETING_WORDS.test(s.text));
    const announce = sentences.findIndex((s, i) => i > meetingAt && ANNOUNCES_TASKS.test(s.text));
    expect(meetingAt).toBeGreaterThanOrEqual(0);
    expect(announce).toBeGreaterThan(meetingAt);
    // The results come between the meeting and the tasks: the figures picked lie before the tasks section.
    const figures = summary.sentences.filter((s) => entitiesIn(s).some((t) => t === 'MONEY' || t === 'PERCENT'));
    expect(figures.some((s) => s.index > meetingAt && s.index < announce)).toBe(true);
    const tasks = summary.sentences.filter((s) => s.index >= announce);
    expect(tasks.length).toBeGreaterThanOrEqual(1);
    expect(tasks.some((s) => /nhiệm vụ|lãnh đạo|chỉ đạo|tập trung|yêu cầu|đề nghị/iu.test(s.text))).toBe(true);
  });
});
