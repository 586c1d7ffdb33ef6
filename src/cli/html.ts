// `--format html` of `vietnlp analyze`: one file → its HTML view (render); several files or a folder → one page with
// an index and each document's view (renderMany). Results are collected and written at the end.
import { render, renderMany, type RenderInput, type RenderItem } from '../render/index.js';

/** Collects the analyses of a run and writes the page. */
export function htmlCollector(): { add(id: unknown, analysis: unknown): void; fail(id: unknown, message: string): void; page(single: boolean): string } {
  const items: RenderItem[] = [];
  return {
    add: (id, analysis) => void items.push({ id: String(id), input: analysis as RenderInput }),
    fail: (id, message) => void items.push({ id: String(id), error: message }),
    page: (single) => {
      const only = items[0];
      if (single) return only && 'input' in only ? render(only.input) : '';
      return renderMany(items);
    },
  };
}
