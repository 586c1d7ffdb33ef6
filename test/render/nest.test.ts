import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { nestMarkup, type MarkSpan } from '../../src/render/nest.js';

interface Parsed {
  text: string;
  pieces: { id: number; head: boolean; start: number; end: number }[];
}

/** Parses the test markup (`<x i=N h=0|1>` … `</x>`), failing on any unbalanced tag. */
function parse(markup: string): Parsed {
  const stack: { id: number; head: boolean; start: number }[] = [];
  const pieces: Parsed['pieces'] = [];
  let text = '';
  for (const m of markup.matchAll(/<x i=(\d+) h=([01])>|<\/x>|[^<]+/g)) {
    if (m[0] === '</x>') {
      const top = stack.pop();
      if (!top) throw new Error('closing tag without an open element');
      pieces.push({ ...top, end: text.length });
    } else if (m[1] !== undefined) stack.push({ id: Number(m[1]), head: m[2] === '1', start: text.length });
    else text += m[0];
  }
  if (stack.length) throw new Error('unclosed element');
  return { text, pieces };
}

const spanOf = (id: number, start: number, end: number, layer: number): MarkSpan => ({
  start,
  end,
  layer,
  open: (first) => `<x i=${id} h=${first ? 1 : 0}>`,
  close: '</x>',
});

describe('nestMarkup', () => {
  it('nests contained spans and cuts a crossing one into pieces, the first one being the head', () => {
    const out = nestMarkup('abcdef', [spanOf(0, 0, 4, 0), spanOf(1, 1, 2, 0), spanOf(2, 3, 6, 0)], (s) => s);
    expect(out).toBe('<x i=0 h=1>a<x i=1 h=1>b</x>c<x i=2 h=1>d</x></x><x i=2 h=0>ef</x>');
  });

  it('cuts a lower layer (summary) rather than a higher one (entity)', () => {
    const out = nestMarkup('abcdef', [spanOf(0, 2, 5, 0), spanOf(1, 0, 3, 1)], (s) => s);
    expect(out).toBe('<x i=1 h=1>ab</x><x i=0 h=1><x i=1 h=0>c</x>de</x>f');
  });

  it('puts the lower layer outside when two spans cover the same text, and keeps empty and touching spans', () => {
    expect(nestMarkup('ab', [spanOf(0, 0, 2, 0), spanOf(1, 0, 2, 1)], (s) => s)).toBe('<x i=1 h=1><x i=0 h=1>ab</x></x>');
    expect(nestMarkup('ab', [spanOf(0, 0, 1, 0), spanOf(1, 1, 2, 0), spanOf(2, 1, 1, 0)], (s) => s)).toBe('<x i=0 h=1>a</x><x i=1 h=1><x i=2 h=1></x>b</x>');
  });

  it('any spans give balanced markup with the text intact and every span tiled by its pieces', () => {
    const arb = fc
      .string({ unit: fc.constantFrom('a', 'b', ' ', '<', '&', '\r'), maxLength: 40 })
      .chain((text) =>
        fc.tuple(
          fc.constant(text),
          fc.array(fc.tuple(fc.nat(text.length), fc.nat(text.length), fc.integer({ min: 0, max: 2 })), { maxLength: 14 }),
        ),
      );
    fc.assert(
      fc.property(arb, ([text, raw]) => {
        const spans = raw.map(([a, b, layer], id) => spanOf(id, Math.min(a, b), Math.max(a, b), layer));
        const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
        const parsed = parse(nestMarkup(text, spans, esc));
        expect(parsed.text.replace(/&lt;/g, '<').replace(/&amp;/g, '&')).toBe(text);
        spans.forEach((s, id) => {
          const mine = parsed.pieces.filter((p) => p.id === id).sort((a, b) => a.start - b.start);
          expect(mine.filter((p) => p.head)).toHaveLength(1);
          expect(mine[0]!.head).toBe(true);
          // pieces tile [start, end) with no gap (positions measured in the escaped text, so compare via the escaped prefix)
          const at = (i: number): number => esc(text.slice(0, i)).length;
          expect(mine[0]!.start).toBe(at(s.start));
          expect(mine[mine.length - 1]!.end).toBe(at(s.end));
          for (let k = 1; k < mine.length; k++) expect(mine[k]!.start).toBe(mine[k - 1]!.end);
        });
      }),
      { numRuns: 400 },
    );
  });
});
