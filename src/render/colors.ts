// Colours of the HTML view: one per entity type, chosen for WCAG contrast (checked by test/render/colors.test.ts).
import type { EntityType } from '../types.js';

/** How one entity type is drawn: background, ink (label and border) and its legend text. */
export interface TypeStyle {
  /** Background of the marked text (a light tint). */
  readonly bg: string;
  /** Dark ink of the same hue: the short label and the underline. */
  readonly ink: string;
  /** Short label shown after each mark and in the legend (readable without colour). */
  readonly label: string;
  /** What the type means, for the legend. */
  readonly name: string;
}

/** Colour of the running text (on the page and on every mark background). */
export const TEXT_COLOUR = '#1a1a1a';
/** Page background. */
export const PAGE_COLOUR = '#ffffff';
/** Background of the summary sentences in the text. */
export const SUMMARY_BG = '#fffaeb';
/** Ink of the summary marker (underline and number). */
export const SUMMARY_INK = '#7a4a00';

/** One style per entity type. */
export const TYPE_STYLES: Readonly<Record<EntityType, TypeStyle>> = {
  PERSON: { bg: '#ffd9d9', ink: '#9b1c1c', label: 'PER', name: 'person' },
  POSITION: { bg: '#ffe4c4', ink: '#8a3b00', label: 'POS', name: 'position' },
  ORGANIZATION: { bg: '#dbe8ff', ink: '#1e4a9b', label: 'ORG', name: 'organisation' },
  PROVINCE: { bg: '#d3f2d3', ink: '#1d5e1d', label: 'PROV', name: 'province' },
  DISTRICT: { bg: '#cdeee5', ink: '#145a48', label: 'DIST', name: 'district' },
  COMMUNE: { bg: '#e6f6c8', ink: '#3f5a0f', label: 'COMM', name: 'commune' },
  LOCATION: { bg: '#d4f0f4', ink: '#0f5763', label: 'LOC', name: 'other place' },
  EVENT: { bg: '#eadfff', ink: '#5a2a9b', label: 'EVT', name: 'event' },
  DOCUMENT: { bg: '#f7dcf1', ink: '#82206e', label: 'DOC', name: 'document' },
  DATE: { bg: '#e8e8e8', ink: '#404040', label: 'DATE', name: 'date or period' },
  MONEY: { bg: '#fff0a6', ink: '#6b5200', label: 'MON', name: 'money' },
  PERCENT: { bg: '#ffe3ea', ink: '#8f1f44', label: 'PCT', name: 'percent' },
  QUANTITY: { bg: '#e2e4ff', ink: '#3a3f9b', label: 'QTY', name: 'quantity' },
};

function channel(c: number): number {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

/**
 * WCAG 2 relative luminance of a `#rrggbb` colour.
 *
 * @example
 * ```ts
 * relativeLuminance('#ffffff'); // 1
 * ```
 */
export function relativeLuminance(hex: string): number {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new TypeError(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = [m[1]!, m[2]!, m[3]!].map((x) => channel(parseInt(x, 16)));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/**
 * WCAG 2 contrast ratio of two `#rrggbb` colours, from 1 (same) to 21 (black on white).
 *
 * @example
 * ```ts
 * contrastRatio('#000000', '#ffffff'); // 21
 * ```
 */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}
