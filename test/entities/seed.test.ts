// The seed report (Huyện ủy Quảng Trạch, 2020) from the development data in ../shared: its officials, communes and
// organisations must all be found. The file is not part of the repository (development data only), so the test
// skips cleanly where ../shared is absent.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractOfficials, tagEntities } from '../../src/entities/index.js';
import { foldKey } from '../../src/text/tone.js';

const SEED = join(resolve(__dirname, '../..'), '..', 'shared', 'corpus', 'dev', 'seed-quang-trach-2020.gold.json');
interface Gold {
  text: string;
  entities: Array<{ start: number; end: number; type: string; text: string; link?: { code: string; era?: string; level?: string } }>;
  officials: Array<{ person: string; positions: string[] }>;
}

describe.skipIf(!existsSync(SEED))('seed report (../shared/corpus/dev)', () => {
  const gold = existsSync(SEED) ? (JSON.parse(readFileSync(SEED, 'utf8')) as Gold) : undefined;
  const ents = gold ? tagEntities(gold.text) : [];
  const key = (e: { start: number; end: number; type: string }) => `${e.type} ${e.start}:${e.end}`;

  it('finds every official with every position', () => {
    const found = new Set(extractOfficials(gold!.text).flatMap((o) => o.positions.map((p) => `${foldKey(o.person)}|${foldKey(p)}`)));
    const want = gold!.officials.flatMap((o) => o.positions.map((p) => `${foldKey(o.person)}|${foldKey(p)}`));
    expect(want.length).toBeGreaterThan(0);
    for (const pair of want) expect(found, pair).toContain(pair);
  });

  it('finds every commune, linked to the right unit and era', () => {
    const communes = gold!.entities.filter((e) => e.type === 'COMMUNE');
    expect(communes.length).toBeGreaterThan(0);
    for (const g of communes) {
      const e = ents.find((x) => key(x) === key(g));
      expect(e, g.text).toBeDefined();
      const link = e!.value as { code: string; era: string };
      expect(link.code).toBe(g.link!.code);
      expect(link.era).toBe(g.link!.era ?? g.link!.level);
    }
  });

  it('finds every organisation, person and position span', () => {
    const sys = new Set(ents.map(key));
    for (const g of gold!.entities.filter((e) => ['ORGANIZATION', 'PERSON', 'POSITION'].includes(e.type))) expect(sys, g.text).toContain(key(g));
  });

  it('does not tag places as persons or years as places', () => {
    for (const e of ents) {
      if (e.type === 'PERSON') expect(e.text).not.toMatch(/Quảng Trạch|Quảng Bình/);
      if (['LOCATION', 'PROVINCE', 'DISTRICT', 'COMMUNE'].includes(e.type)) expect(e.text).not.toMatch(/năm \d{4}/);
    }
  });
});
