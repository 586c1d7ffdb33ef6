// The service's page (GET /) and HTML answer (POST /analyze with Accept: text/html), over HTTP.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tagEntities } from '../../src/index.js';
import { startServer, type RunningService } from '../../src/service/index.js';

const TEXT = 'Ngày 09-7, Huyện ủy Quảng Trạch tổ chức hội nghị. Đồng chí Nguyễn Văn An, Bí thư Huyện ủy, chủ trì. <script>alert(1)</script>';
const sha = (s: string): string => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
const inline = (html: string, tag: string): string[] => [...html.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => m[1]!);

describe('service page', () => {
  let s: RunningService;
  beforeAll(async () => {
    s = await startServer({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await s.close();
  });

  it('GET / answers the page: a labelled text box, an Analyse button, no external asset, a CSP allowing its own script and style only', async () => {
    const res = await fetch(`${s.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await res.text();
    expect(html).toMatch(/<label for="text">[^<]+<\/label>\s*<textarea id="text"/);
    expect(html).toContain('<button type="submit" id="analyse">Analyse</button>');
    expect(html).not.toMatch(/https?:\/\/|\bsrc=/);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("connect-src 'self'");
    const scripts = inline(html, 'script');
    expect(scripts).toHaveLength(1);
    expect(scripts[0]!.split('\n').length).toBeLessThan(40); // small and readable
    expect(csp).toContain(`script-src ${sha(scripts[0]!)}`);
    for (const css of inline(html, 'style')) expect(csp).toContain(sha(css));
    expect((await fetch(`${s.url}/`, { method: 'HEAD' })).status).toBe(200);
    expect((await fetch(`${s.url}/`, { method: 'POST' })).status).toBe(404);
  });

  it('POST /analyze with Accept: text/html answers the view, with a CSP that allows its style and no script', async () => {
    const res = await fetch(`${s.url}/analyze`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/html' },
      body: JSON.stringify({ text: TEXT, options: { summary: { sentences: 1 } } }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await res.text();
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).not.toContain('script-src');
    expect(csp).toContain(`style-src ${sha(inline(html, 'style')[0]!)}`);
    // the page's CSP (inherited by its srcdoc iframe) allows this style sheet too
    expect((await fetch(`${s.url}/`)).headers.get('content-security-policy')).toContain(sha(inline(html, 'style')[0]!));
    expect(html.match(/<mark class="ent [^"]*" data-type/g)).toHaveLength(tagEntities(TEXT).length);
    expect(html.match(/class="sum head"/g)).toHaveLength(1);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>');
  });

  it('keeps JSON for JSON clients and for batches', async () => {
    const plain = await fetch(`${s.url}/analyze`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: TEXT }) });
    expect(plain.headers.get('content-type')).toContain('application/json');
    const prefersJson = await fetch(`${s.url}/analyze`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/html' }, body: JSON.stringify({ text: TEXT }) });
    expect(((await prefersJson.json()) as { result: { text: string } }).result.text).toBe(TEXT);
    const batch = await fetch(`${s.url}/analyze`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'text/html' }, body: JSON.stringify({ texts: [TEXT] }) });
    expect(((await batch.json()) as { results: unknown[] }).results).toHaveLength(1);
    const health = (await (await fetch(`${s.url}/health`)).json()) as { routes: string[] };
    expect(health.routes).toContain('GET /');
  });
});
