// Properly nested markup from spans that may nest, touch or cross.
//
// Spans come in layers, highest priority first (entities, then summary sentences). A span is kept whole unless it
// crosses a span already placed (of its own or a higher layer); then it is cut at the crossing points, so the pieces
// nest. The first piece of a span is its "head" (it carries the span's attributes and id); later pieces are
// continuations. The result is a laminar set of pieces, written out with a stack: tags always close in order.

/** One span to mark: `[start, end)` into the text, with the tags of its element. */
export interface MarkSpan {
  readonly start: number;
  readonly end: number;
  /** 0 = highest priority (never cut for a lower layer). */
  readonly layer: number;
  /** Opening tag of the head piece (`first`) or of a continuation piece. */
  open(first: boolean): string;
  /** Closing tag. */
  readonly close: string;
}

interface Piece {
  readonly start: number;
  readonly end: number;
  readonly span: MarkSpan;
  readonly first: boolean;
  readonly seq: number;
}

/** Index of the first element of `list` (sorted by start) whose start is >= `pos`. */
function lowerBound(list: readonly Piece[], pos: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]!.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Placed pieces of one layer, sorted by start, with the longest length (to bound the overlap search). */
interface Placed {
  readonly list: Piece[];
  maxLen: number;
}

/** Points strictly inside `[s, e)` where a placed piece crosses it. */
function crossings(placed: readonly Placed[], s: number, e: number): number[] {
  const cuts: number[] = [];
  for (const p of placed) {
    const hi = lowerBound(p.list, e);
    for (let i = hi - 1; i >= 0; i--) {
      const a = p.list[i]!;
      if (a.start + p.maxLen <= s) break; // no earlier piece reaches past s
      if (a.start < s && a.end > s && a.end < e) cuts.push(a.end);
      else if (a.start > s && a.start < e && a.end > e) cuts.push(a.start);
    }
  }
  return [...new Set(cuts)].sort((x, y) => x - y);
}

/** Cuts every span where it crosses an earlier-placed one; returns the laminar pieces. */
function placePieces(spans: readonly MarkSpan[]): Piece[] {
  const order = spans
    .map((span, i) => ({ span, i }))
    .sort((a, b) => a.span.layer - b.span.layer || a.span.start - b.span.start || b.span.end - a.span.end || a.i - b.i);
  const layers = new Map<number, Placed>();
  const all: Piece[] = [];
  for (const { span } of order) {
    const cuts = crossings([...layers.values()], span.start, span.end);
    const bounds = [span.start, ...cuts, span.end];
    let mine = layers.get(span.layer);
    if (!mine) layers.set(span.layer, (mine = { list: [], maxLen: 0 }));
    for (let k = 0; k + 1 < bounds.length; k++) {
      const piece: Piece = { start: bounds[k]!, end: bounds[k + 1]!, span, first: k === 0, seq: all.length };
      mine.list.splice(lowerBound(mine.list, piece.start), 0, piece);
      mine.maxLen = Math.max(mine.maxLen, piece.end - piece.start);
      all.push(piece);
    }
  }
  return all;
}

/**
 * Writes `text` with every span marked, as properly nested markup. `escape` turns text into markup.
 * Spans must lie within the text (`0 <= start <= end <= text.length`).
 *
 * @example
 * ```ts
 * const b = (layer: number) => ({ layer, open: () => '<b>', close: '</b>' });
 * nestMarkup('abcd', [{ start: 0, end: 2, ...b(0) }, { start: 1, end: 3, ...b(0) }], (s) => s); // '<b>a<b>b</b></b><b>c</b>d'
 * ```
 */
export function nestMarkup(text: string, spans: readonly MarkSpan[], escape: (s: string) => string): string {
  const pieces = placePieces(spans).sort(
    (a, b) => a.start - b.start || b.end - a.end || b.span.layer - a.span.layer || a.seq - b.seq,
  );
  const out: string[] = [];
  const stack: Piece[] = [];
  let pos = 0;
  const closeUpTo = (limit: number): void => {
    while (stack.length && stack[stack.length - 1]!.end <= limit) {
      const top = stack.pop()!;
      if (top.end > pos) out.push(escape(text.slice(pos, top.end)));
      pos = Math.max(pos, top.end);
      out.push(top.span.close);
    }
  };
  for (const p of pieces) {
    closeUpTo(p.start);
    if (p.start > pos) out.push(escape(text.slice(pos, p.start)));
    pos = Math.max(pos, p.start);
    out.push(p.span.open(p.first));
    stack.push(p);
  }
  closeUpTo(Infinity);
  if (pos < text.length) out.push(escape(text.slice(pos)));
  return out.join('');
}
