import type { Entity } from '../../types.js';
import type { DocContext } from '../context.js';

/** STUB: DATE, MONEY, PERCENT and QUANTITY spans with parsed values (owned by the measures work). */
export function tagMeasures(_ctx: DocContext): Entity[] {
  return [];
}
