import { describe, expect, it } from 'vitest';
import { contrastRatio, relativeLuminance, PAGE_COLOUR, SUMMARY_BG, SUMMARY_INK, TEXT_COLOUR, TYPE_STYLES } from '../../src/render/index.js';
import { CSS } from '../../src/render/style.js';
import type { EntityType } from '../../src/index.js';

const TYPES: EntityType[] = ['PERSON', 'POSITION', 'ORGANIZATION', 'PROVINCE', 'DISTRICT', 'COMMUNE', 'LOCATION', 'EVENT', 'DOCUMENT', 'DATE', 'MONEY', 'PERCENT', 'QUANTITY'];

describe('WCAG contrast of the view', () => {
  it('computes the WCAG ratio (21 for black on white, 1 for a colour on itself, 4.48 for #777 on white)', () => {
    expect(relativeLuminance('#ffffff')).toBe(1);
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 6);
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 6);
    expect(contrastRatio('#3a7bd5', '#3a7bd5')).toBe(1);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it.each(TYPES)('%s: text on its background ≥ 7 (AAA), its label ≥ 4.5 (AA), its underline ≥ 3 against the page', (t) => {
    const s = TYPE_STYLES[t];
    expect(contrastRatio(TEXT_COLOUR, s.bg)).toBeGreaterThanOrEqual(7);
    expect(contrastRatio(s.ink, s.bg)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(s.ink, PAGE_COLOUR)).toBeGreaterThanOrEqual(3);
    // a mark inside a summary sentence: the label still reads against the summary background around it
    expect(contrastRatio(s.ink, SUMMARY_BG)).toBeGreaterThanOrEqual(4.5);
  });

  it('summary sentences: text ≥ 7 and marker ≥ 4.5 on their background', () => {
    expect(contrastRatio(TEXT_COLOUR, SUMMARY_BG)).toBeGreaterThanOrEqual(7);
    expect(contrastRatio(SUMMARY_INK, SUMMARY_BG)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(TEXT_COLOUR, PAGE_COLOUR)).toBeGreaterThanOrEqual(7);
  });

  it('every type has its own colour and its own text label (readable without colour), and the style sheet uses them', () => {
    expect(Object.keys(TYPE_STYLES).sort()).toEqual([...TYPES].sort());
    expect(new Set(TYPES.map((t) => TYPE_STYLES[t].bg)).size).toBe(TYPES.length);
    expect(new Set(TYPES.map((t) => TYPE_STYLES[t].label)).size).toBe(TYPES.length);
    for (const t of TYPES) expect(CSS).toContain(`.t-${t}{background:${TYPE_STYLES[t].bg};border-bottom-color:${TYPE_STYLES[t].ink}}`);
  });
});
