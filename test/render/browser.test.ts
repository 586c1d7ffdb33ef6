// The HTML view in a real browser (Debian's chromium driven by playwright-core, no browser download): the CLI's page
// and the served page, built from the package (dist/, or a private build when dist/ is older than src/). Screenshots
// go to .tmp/render-artefacts/ (gitignored).
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type BrowserContext, type Frame, type Page } from 'playwright-core';
import { analyze, tagEntities } from '../../src/index.js';
import { ROOT, privateBuild } from '../cli/helpers.js';

// Browser globals, used only inside page.evaluate callbacks (the project's tsconfig has no DOM library).
declare const document: any;
declare const window: any;
declare function getComputedStyle(element: unknown, pseudo: string): { content: string };

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const ARTEFACTS = join(ROOT, '.tmp', 'render-artefacts');
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// The sample report with planted markup: if any of it ran, window.__pwned would be set.
const PLANTED = `<script>window.__pwned = 1</script> "><img src=x onerror="window.__pwned = 2"> '><svg onload="window.__pwned = 3">`;
const TEXT = `${PLANTED}\n${readFileSync(join(ROOT, 'examples', 'data', 'sample-report.txt'), 'utf8')}\r\nGhi chú: ${PLANTED} & xã Phúc Đồng.\n`;

/** The newest modification time under a folder. */
function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** The built CLI: the package's dist/cli.js when it is up to date, else a private build of the sources. */
function builtCli(): string {
  const dist = join(ROOT, 'dist', 'cli.js');
  if (existsSync(dist) && statSync(dist).mtimeMs >= newest(join(ROOT, 'src'))) return dist;
  return privateBuild('render').cli;
}

/** What a page (or frame) shows: its marks, summary marks, officials rows, and whether planted markup ran. */
async function inspect(frame: Page | Frame, sent: string): Promise<{ marks: string[]; whole: number; misplaced: string[]; elements: number; summary: number; officials: number; text: string; planted: number; pwned: unknown }> {
  return frame.evaluate((sent: string) => {
    const box = document.getElementById('text')!;
    const whole = [...box.querySelectorAll('mark[data-type]:not([data-cont])')].filter((m) => !box.querySelector(`mark[data-cont][data-start="${m.getAttribute('data-start')}"][data-end="${m.getAttribute('data-end')}"]`));
    return {
      // a whole mark shows exactly its slice of the text
      misplaced: whole.filter((m) => m.textContent !== sent.slice(Number(m.getAttribute('data-start')), Number(m.getAttribute('data-end')))).map((m) => m.outerHTML),
      whole: whole.length,
      elements: box.querySelectorAll('*').length,
      marks: [...box.querySelectorAll('mark[data-type]:not([data-cont])')].map((m) => `${m.getAttribute('data-type')}@${m.getAttribute('data-start')}-${m.getAttribute('data-end')}`),
      summary: box.querySelectorAll('[data-summary].head').length,
      officials: document.querySelectorAll('table.officials tbody tr').length,
      text: box.textContent ?? '',
      planted: document.querySelectorAll('main script, main img, main svg, [onerror], [onload]').length,
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
    };
  }, sent);
}

/** Opening tags in the text box of a rendered document: the parsed page has as many elements when nothing was re-nested. */
const openingTags = (html: string): number => (/<div class="text" id="text" lang="vi">([\s\S]*?)<\/div><\/section>/.exec(html)![1]!.match(/<(?:mark|span)\b/g) ?? []).length;

describe.skipIf(!existsSync(CHROMIUM) && !process.env['CI'])('the HTML view in chromium', () => {
  let context: BrowserContext;
  let profile: string;
  let work: string;
  let cli: string;
  const expected = analyze(TEXT);
  const entities = tagEntities(TEXT).map((e) => `${e.type}@${e.start}-${e.end}`);

  beforeAll(async () => {
    mkdirSync(ARTEFACTS, { recursive: true });
    work = mkdtempSync(join(tmpdir(), 'vietnlp-render-'));
    profile = join(work, 'profile');
    cli = builtCli();
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: { width: 1100, height: 900 } });
  });
  afterAll(async () => {
    await context?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('opens the page of `vietnlp analyze --format html FILE`: every entity marked, markup shown as text', async () => {
    const file = join(work, 'report.txt');
    writeFileSync(file, TEXT);
    const html = execFileSync(process.execPath, [cli, 'analyze', '--format', 'html', file], { encoding: 'utf8', maxBuffer: 1 << 26 });
    const out = join(ARTEFACTS, 'cli.html');
    writeFileSync(out, html);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('dialog', (d) => void d.dismiss().then(() => errors.push(`dialog ${d.message()}`)));
    await page.goto(pathToFileURL(out).href);
    const seen = await inspect(page, TEXT);
    expect(seen.marks).toEqual(entities);
    expect(seen.whole).toBe(entities.length); // the flat layer: no entity is cut
    expect(seen.misplaced).toEqual([]);
    expect(seen.elements).toBe(openingTags(html));
    expect(seen.marks.length).toBeGreaterThan(20);
    expect(seen.summary).toBe(expected.summary.sentences.length);
    expect(seen.officials).toBe(expected.officials.length);
    expect(seen.text).toBe(TEXT); // the text as given, \r\n and planted markup included
    expect(seen.planted).toBe(0);
    expect(seen.pwned).toBeUndefined();
    expect(await page.title()).toContain('<script>');
    expect(errors).toEqual([]);
    // the tooltip of a commune (CSS only) shows its code and 2025 successor on keyboard focus
    const commune = page.locator('mark[data-type="COMMUNE"]').first();
    await commune.focus();
    const tip = await commune.evaluate((m) => getComputedStyle(m, '::before').content);
    expect(tip).toMatch(/code \d{5}/);
    await page.screenshot({ path: join(ARTEFACTS, 'cli.png'), fullPage: true });
    await page.close();
  });

  it('serves a page whose form, used from the keyboard, shows the same view from POST /analyze', async () => {
    const server: ChildProcess = spawn(process.execPath, [cli, 'serve', '--port', '0', '--host', '127.0.0.1'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let buf = '';
        const timer = setTimeout(() => reject(new Error(`the server did not start: ${buf}`)), 30_000);
        server.stdout!.on('data', (c: Buffer) => {
          const m = /listening on (http:\/\/\S+)/.exec((buf += c.toString()));
          if (m) {
            clearTimeout(timer);
            resolve(m[1]!);
          }
        });
        server.once('exit', (code) => reject(new Error(`the server exited with ${code}`)));
      });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text()))); // CSP violations land here
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      const res = await page.goto(`${url}/`);
      expect(res?.headers()['content-security-policy']).toContain("default-src 'none'");
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('text');
      await page.keyboard.insertText(TEXT);
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('analyse');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => /Done/.test(document.getElementById('status')?.textContent ?? ''), undefined, { timeout: 30_000 });
      const frame = await (await page.$('#view'))!.contentFrame();
      await frame!.waitForSelector('#text');
      const sent = TEXT.replace(/\r\n/g, '\n'); // a textarea's value normalises line breaks
      const seen = await inspect(frame!, sent);
      expect(seen.misplaced).toEqual([]);
      expect(seen.text).toBe(sent);
      expect(seen.marks).toEqual(tagEntities(sent).map((e) => `${e.type}@${e.start}-${e.end}`));
      expect(seen.summary).toBe(analyze(sent).summary.sentences.length);
      expect(seen.planted).toBe(0);
      expect(seen.pwned).toBeUndefined();
      expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
      expect(requests.every((r) => r.startsWith(url) || r.startsWith('about:'))).toBe(true); // offline: no CDN, nothing else
      expect(errors).toEqual([]);
      await page.screenshot({ path: join(ARTEFACTS, 'served.png'), fullPage: true });
      await page.close();
    } finally {
      server.kill('SIGTERM');
      if (server.exitCode === null) {
        await new Promise<void>((resolve) => {
          const t = setTimeout(() => (server.kill('SIGKILL'), resolve()), 10_000);
          server.once('exit', () => (clearTimeout(t), resolve()));
        });
      }
    }
  });
});
