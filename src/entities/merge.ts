// Merging the entity layers into ONE flat, sorted, non-overlapping list (spec rule 1).
//
// Policy:
//   1. Every layer proposes spans: the named-entity rules (PERSON … DOCUMENT), the measures (DATE, MONEY,
//      PERCENT, QUANTITY) and the administrative units (PROVINCE, DISTRICT, COMMUNE).
//   2. Outermost meaningful span wins: a span that contains another drops the inner one (a DATE inside an EVENT
//      name, a DISTRICT inside `Huyện ủy Quảng Trạch`, an ORGANIZATION inside a POSITION).
//   3. On a partial overlap the longer span wins; for equal lengths the higher priority wins (`prio`: bylines and
//      names with a cue 3–4, parsed named spans 2, admin units 2, weak named guesses 1, measures 2), then the
//      earlier span.
//   4. A weak PERSON guess (no cue, no title) that covers the same text as an administrative unit loses to it, so
//      `Quảng Trạch` or `Hà Tĩnh` are places, never persons.
// Implemented as a greedy pass over spans sorted by (length desc, prio desc, start asc), accepting a span when it
// overlaps no accepted span; accepted spans are kept sorted in an array with binary-search insertion.
import type { Entity, EntityType } from '../types.js';

/** A span proposed by one layer with its merge priority. */
export interface MergeCandidate {
  readonly start: number;
  readonly end: number;
  readonly type: EntityType;
  readonly source: string;
  readonly prio: number;
  readonly entity?: Entity;
}

/** Resolves overlaps (see the policy above) and returns the accepted candidates sorted by start. */
export function mergeSpans(cands: readonly MergeCandidate[]): MergeCandidate[] {
  const order = cands
    .filter((c) => c.end > c.start)
    .map((c, idx) => ({ c, idx }))
    .sort((a, b) => {
      const la = a.c.end - a.c.start;
      const lb = b.c.end - b.c.start;
      if (la !== lb) return lb - la;
      if (a.c.prio !== b.c.prio) return b.c.prio - a.c.prio;
      if (a.c.start !== b.c.start) return a.c.start - b.c.start;
      return a.idx - b.idx;
    });
  const acc: MergeCandidate[] = [];
  for (const { c } of order) {
    // first accepted span with start >= c.start
    let lo = 0;
    let hi = acc.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (acc[mid]!.start < c.start) lo = mid + 1;
      else hi = mid;
    }
    const prev = lo > 0 ? acc[lo - 1] : undefined;
    const next = acc[lo];
    if (prev && prev.end > c.start) continue;
    if (next && next.start < c.end) continue;
    acc.splice(lo, 0, c);
  }
  return acc;
}
