// The pipeline runner: components `(doc) => void` in one declared order, each run at most once per document.
// The components themselves live with their layers (src/doc/layout.ts, src/sentences, src/segment, src/entities,
// src/summarize); src/analyze assembles them. This file knows only names, order and dependencies.

import type { Doc } from './index.js';

/** The layers in pipeline order. */
export const LAYERS = ['layout', 'sentences', 'words', 'measures', 'admin', 'named', 'officials', 'summary'] as const;
export type LayerName = (typeof LAYERS)[number];

/** A pipeline component: reads the document and the spans of earlier layers, adds its own to `doc.layers`. */
export interface Component {
  readonly name: LayerName;
  /** Layers that must have run before this one (they come earlier in {@link LAYERS}). */
  readonly needs: readonly LayerName[];
  readonly run: (doc: Doc) => void;
}

/** The components a pipeline can use, by layer name. */
export type Components = Partial<Record<LayerName, Component>>;

const ORDER: Readonly<Record<LayerName, number>> = Object.fromEntries(LAYERS.map((l, i) => [l, i])) as Record<LayerName, number>;

function mark(comps: Components, name: LayerName, wanted: Set<LayerName>): void {
  if (wanted.has(name)) return;
  const c = comps[name];
  if (!c) throw new Error(`pipeline: no component for layer ${name}`);
  wanted.add(name);
  for (const dep of c.needs) {
    if (ORDER[dep] >= ORDER[name]) throw new Error(`pipeline: layer ${name} needs ${dep}, which comes later`);
    mark(comps, dep, wanted);
  }
}

/**
 * Runs the components needed for the `want`ed layers (and their dependencies) on `doc`, in pipeline order,
 * skipping layers that already ran on this document. Returns the document.
 *
 * @example
 * ```ts
 * const doc = runPipeline(createDoc(text), components, ['named']);
 * doc.layers.entities; // the merged entity layer
 * ```
 */
export function runPipeline(doc: Doc, comps: Components, want: readonly LayerName[]): Doc {
  const wanted = new Set<LayerName>();
  for (const w of want) mark(comps, w, wanted);
  for (const name of LAYERS) {
    if (!wanted.has(name) || doc.ran.has(name)) continue;
    comps[name]!.run(doc);
    doc.ran.add(name);
  }
  return doc;
}
