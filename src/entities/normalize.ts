/**
 * STUB: normalised form of an entity span: abbreviations expanded (HU → Huyện ủy, UBND → Ủy ban nhân dân …),
 * tone placement unified to ủy/hòa/thủy/khóa. Returns undefined when nothing changes beyond tone placement.
 */
export function normalizeEntityText(_text: string): string | undefined {
  return undefined;
}
