import type { Entity } from '../../types.js';
import type { DocContext } from '../context.js';

/** STUB: PROVINCE, DISTRICT and COMMUNE spans linked to official units (owned by the gazetteer work). */
export function tagAdminUnits(_ctx: DocContext): Entity[] {
  return [];
}
