// Makes docs/view.png, the README's picture of the HTML view: the sample report rendered by the built package,
// opened in Debian's chromium (playwright-core, no browser download), a commune's tooltip open.
//   npm run build && node docs/screenshot.mjs
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { render } from '../dist/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const html = join(root, '.tmp', 'docs', 'sample-report.html');
mkdirSync(dirname(html), { recursive: true });
writeFileSync(html, render(readFileSync(join(root, 'examples', 'data', 'sample-report.txt'), 'utf8')));

const profile = mkdtempSync(join(tmpdir(), 'vietnlp-shot-'));
const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const context = await chromium.launchPersistentContext(profile, { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args, viewport: { width: 820, height: 3000 } });
try {
  const page = await context.newPage();
  await page.goto(pathToFileURL(html).href);
  // the viewport holds the whole page, so nothing scrolls and element boxes are page coordinates
  const commune = page.locator('mark[data-type="COMMUNE"]').nth(1);
  await commune.hover();
  const top = await page.evaluate(() => document.querySelector('.legend').getBoundingClientRect().top);
  const tip = (await commune.boundingBox()).y + 132;
  await page.screenshot({ path: join(root, 'docs', 'view.png'), clip: { x: 0, y: top - 8, width: 820, height: tip - top + 8 } });
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
