/** A regular-expression alternation `(?:a|b|…)` of word-set entries, in their written order, regex characters escaped. */
export function alt(words: Iterable<string>): string {
  return `(?:${[...words].map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})`;
}
