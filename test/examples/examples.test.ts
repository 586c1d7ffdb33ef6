// Runs every example as a user would (`npx tsx examples/<name>.ts`) and checks what it prints.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractOfficials, tagEntities } from '../../src/index.js';

const ROOT = join(import.meta.dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const SAMPLE = join(ROOT, 'examples', 'data', 'sample-report.txt');

function example(name: string, args: string[] = []): string {
  return execFileSync(process.execPath, [TSX, join(ROOT, 'examples', `${name}.ts`), ...args], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

describe('examples', () => {
  it('seed-report prints segmentation, entities, officials and summary of the sample report', () => {
    const out = example('seed-report');
    for (const h of ['=== Segmentation', '=== Entities by type', '=== Officials', '=== Summary']) expect(out).toContain(h);
    expect(out).toMatch(/sample-report\.txt: \d+ characters, \d+ sentences, \d+ words/);
    expect(out).toMatch(/\S+_\S+/); // underscore-joined words
    const text = readFileSync(SAMPLE, 'utf8');
    for (const o of extractOfficials(text)) expect(out).toContain(o.person);
    for (const e of tagEntities(text).slice(0, 5)) expect(out).toContain(e.text.replace(/\s+/g, ' '));
    expect(out.split('=== Summary ===')[1]).toMatch(/•/);
    expect(out).toContain('=== Report ===');
  });

  it('officials-and-communes lists officials and administrative units', () => {
    const out = example('officials-and-communes', [SAMPLE]);
    expect(out).toContain('Officials:');
    expect(out).toContain('Administrative units:');
    const text = readFileSync(SAMPLE, 'utf8');
    for (const o of extractOfficials(text)) expect(out).toContain(o.person);
    for (const e of tagEntities(text).filter((x) => x.type === 'COMMUNE')) expect(out).toContain(e.text);
  });

  it('folder-to-ndjson writes one line per .txt file, in file order', () => {
    const out = example('folder-to-ndjson', [join(ROOT, 'examples', 'data'), '--task', 'segment']);
    const lines = out.trim().split('\n').map((l) => JSON.parse(l) as { id: string; result: unknown[] });
    expect(lines.map((l) => l.id.replace(/.*\//, ''))).toEqual(['commune-brief.txt', 'sample-report.txt']);
    for (const l of lines) expect(l.result.length).toBeGreaterThan(10);
  });

  it('http-client starts the service, calls it and stops it', () => {
    const out = example('http-client');
    expect(out).toMatch(/service at http:\/\/127\.0\.0\.1:\d+/);
    expect(out).toContain('health: ok');
    expect(out).toContain('POST /entities → 200');
    expect(out).toContain('POST /summarize (batch of 2) → 200');
    expect(out).toMatch(/POST \/segment with a typo → 400: unknown field "txt"/);
    expect(out.trim().endsWith('service stopped')).toBe(true);
  });
});
