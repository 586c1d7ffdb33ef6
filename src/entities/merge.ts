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
// overlaps no accepted span, run separately on each cluster of overlapping spans (same result, linearithmic).
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

interface Ranked {
  readonly c: MergeCandidate;
  readonly idx: number;
}

/** The greedy pass of the policy over one cluster of mutually overlapping candidates. */
function greedy(cluster: Ranked[]): MergeCandidate[] {
  const order = cluster.sort((a, b) => {
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

/**
 * Resolves overlaps (see the policy above) and returns the accepted candidates sorted by start. Candidates are
 * first cut into clusters of transitively overlapping spans (one sweep by start); the greedy pass runs inside each
 * cluster, so the cost stays O(n log n) on long documents (clusters are small: spans are bounded by their line).
 */
export function mergeSpans(cands: readonly MergeCandidate[]): MergeCandidate[] {
  const valid: Ranked[] = [];
  cands.forEach((c, idx) => {
    if (c.end > c.start) valid.push({ c, idx });
  });
  valid.sort((a, b) => a.c.start - b.c.start || a.idx - b.idx);
  const out: MergeCandidate[] = [];
  for (let i = 0; i < valid.length; ) {
    let j = i + 1;
    let maxEnd = valid[i]!.c.end;
    while (j < valid.length && valid[j]!.c.start < maxEnd) {
      maxEnd = Math.max(maxEnd, valid[j]!.c.end);
      j++;
    }
    if (j === i + 1) out.push(valid[i]!.c);
    else for (const c of greedy(valid.slice(i, j))) out.push(c);
    i = j;
  }
  return out;
}
