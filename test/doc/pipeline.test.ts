import { describe, expect, it } from 'vitest';
import { createDoc, runPipeline, type Component, type LayerName } from '../../src/doc/index.js';

function recorder(log: string[], name: LayerName, needs: LayerName[] = []): Component {
  return { name, needs, run: () => void log.push(name) };
}

describe('runPipeline', () => {
  it('runs the wanted layers and their dependencies once each, in the declared order', () => {
    const log: string[] = [];
    const comps = {
      summary: recorder(log, 'summary', ['sentences', 'words']),
      words: recorder(log, 'words'),
      sentences: recorder(log, 'sentences', ['layout']),
      layout: recorder(log, 'layout'),
      named: recorder(log, 'named', ['measures', 'admin']),
      measures: recorder(log, 'measures'),
      admin: recorder(log, 'admin'),
      officials: recorder(log, 'officials', ['named']),
    };
    const doc = createDoc('Huyện ủy họp.');
    runPipeline(doc, comps, ['summary', 'officials']);
    expect(log).toEqual(['layout', 'sentences', 'words', 'measures', 'admin', 'named', 'officials', 'summary']);
    runPipeline(doc, comps, ['named', 'summary']);
    expect(log.length).toBe(8); // nothing runs twice on one document
    const other: string[] = [];
    runPipeline(createDoc('x'), { ...comps, measures: recorder(other, 'measures'), admin: recorder(other, 'admin'), named: recorder(other, 'named', ['measures', 'admin']) }, ['named']);
    expect(other).toEqual(['measures', 'admin', 'named']);
  });

  it('refuses a missing component or a dependency on a later layer', () => {
    expect(() => runPipeline(createDoc('x'), {}, ['words'])).toThrow(/no component for layer words/);
    expect(() => runPipeline(createDoc('x'), { layout: recorder([], 'layout', ['summary']), summary: recorder([], 'summary') }, ['layout'])).toThrow(/comes later/);
  });
});
