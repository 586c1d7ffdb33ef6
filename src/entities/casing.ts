import { truecase } from '../text/casing.js';
import type { Entity, Official } from '../types.js';

// The casing hook of the entity layer: text with case-degenerate stretches (all lower case, or lines in capitals)
// is tagged on its truecased shadow (same length, so every offset holds), and each span's `text` is then taken from
// the original string. `normalized` comes out in proper case: the tagger's own normalisation of the shadow, or the
// shadow span when the original differs from it only by case. Mixed-case text goes straight to the tagger.

/**
 * The entities of a truecased shadow with each span's `text` taken from the original string (same offsets);
 * `normalized` keeps the proper-case form.
 * @example
 * ```ts
 * restoreCase('ubnd tỉnh', [{ type: 'ORGANIZATION', text: 'UBND tỉnh', start: 0, end: 9, source: 'x' }])[0]!.text; // 'ubnd tỉnh'
 * ```
 */
export function restoreCase(text: string, ents: readonly Entity[]): Entity[] {
  return ents.map((e) => {
    const original = text.slice(e.start, e.end);
    if (original === e.text) return e;
    return { ...e, text: original, normalized: e.normalized ?? e.text };
  });
}

/** `tag(text)`, run on the truecased shadow when `text` has case-degenerate stretches. */
export function tagCased(text: string, tag: (t: string) => Entity[]): Entity[] {
  const shadow = truecase(text);
  return shadow === text ? tag(text) : restoreCase(text, tag(shadow));
}

/** The officials of `text` read off the truecased shadow (names and posts in proper case; offsets unchanged). */
export function officialsCased(text: string, tag: (t: string) => Entity[], officials: (t: string, ents: readonly Entity[]) => Official[]): Official[] {
  const shadow = truecase(text);
  return officials(shadow, tag(shadow));
}
