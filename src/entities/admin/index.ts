import type { Entity } from '../../types.js';
import { withDocFacts, type DocContext } from '../context.js';
import { findAdminUnits } from './tagger.js';

export { findAdminUnits } from './tagger.js';
export { documentEra, type EraFacts } from './era.js';
export {
  lookupUnits,
  isAdminName,
  maxAdminNamePieces,
  type AdminLink,
  type AdminRef,
  type AdminLevel,
  type AdminEra,
  type AdminChange,
  type LookupOptions,
} from './gazetteer.js';

/**
 * PROVINCE, DISTRICT and COMMUNE spans of a document, each linked (`value`) to the official unit when the
 * context (the report's own province/district, the address around the mention, the report's date) makes it
 * unambiguous. Places inside organisation names are left to the organisation layer (`Huyện ủy Quảng Trạch`).
 *
 * @example
 * ```ts
 * const text = 'Huyện ủy Quảng Trạch chỉ đạo xã Quảng Kim, Quảng Thanh dồn điền đổi thửa.';
 * tagAdminUnits({ text, tokens: tokenize(text) }).map((e) => `${e.type}:${e.text}`);
 * // ['COMMUNE:xã Quảng Kim', 'COMMUNE:Quảng Thanh']
 * ```
 */
export function tagAdminUnits(ctx: DocContext): Entity[] {
  const full = withDocFacts(ctx);
  return findAdminUnits(full.text, full.tokens, full);
}
