import type { Entity, Official } from '../types.js';

/** STUB: officials (person + positions) from a text and its flat entity layer (owned by the officials work). */
export function officialsFromEntities(_text: string, _entities: readonly Entity[]): Official[] {
  return [];
}
