// The service's web page (GET /) and the HTML answer of POST /analyze.
//
// The server renders: the page's script posts the text to POST /analyze with `Accept: text/html`, and the server
// answers with the document of `render(analysis)` (the same code and the same page as `vietnlp analyze --format
// html`), which the page shows in a sandboxed iframe (no scripts, own origin), under a Content-Security-Policy that
// allows only this page's own script and the two style sheets (by hash), and connections to this server.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CSS as VIEW_CSS } from '../render/style.js';

const PAGE_CSS = `
body{margin:0;font:16px/1.5 system-ui,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;color:#1a1a1a;background:#ffffff}
main{max-width:64rem;margin:0 auto;padding:1rem 1.25rem}
h1{font-size:1.3rem}
label{display:block;font-weight:700;margin-bottom:.3rem}
textarea{width:100%;font:inherit;padding:.5rem;border:1px solid #767676;border-radius:4px}
button{font:inherit;font-weight:700;padding:.45rem 1.2rem;background:#0b4fa8;color:#ffffff;border:0;border-radius:4px;cursor:pointer}
:focus-visible{outline:3px solid #0b4fa8;outline-offset:2px}
button:focus-visible{outline-color:#1a1a1a}
.hint{color:#4a4a4a;margin-left:.6rem}
#status{margin-left:.6rem}
iframe{width:100%;height:85vh;border:1px solid #c8c8c8;border-radius:6px;margin-top:.6rem}
`;

// The page's whole script: send the text, show the rendered document. Ctrl+Enter in the text box submits too.
const PAGE_SCRIPT = `
const form = document.getElementById('form');
const text = document.getElementById('text');
const view = document.getElementById('view');
const status = document.getElementById('status');
form.addEventListener('submit', async (event) => {
  event.preventDefault();
  status.textContent = 'Analysing…';
  try {
    const res = await fetch('analyze', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/html' },
      body: JSON.stringify({ text: text.value }),
    });
    if (!res.ok) {
      const body = await res.json().catch(() => null);
      status.textContent = 'Error: ' + (body && body.error ? body.error.message : 'HTTP ' + res.status);
      return;
    }
    view.srcdoc = await res.text();
    view.hidden = false;
    status.textContent = 'Done: the analysis is shown below.';
  } catch (e) {
    status.textContent = 'Error: ' + e.message;
  }
});
text.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) form.requestSubmit();
});
`;

const hash = (s: string): string => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;

/** CSP of the page: its own script and styles by hash, fetches to this server, the view's style in the iframe. */
export const PAGE_CSP = [
  "default-src 'none'",
  `script-src ${hash(PAGE_SCRIPT)}`,
  `style-src ${hash(PAGE_CSS)} ${hash(VIEW_CSS)}`,
  "connect-src 'self'",
  "frame-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** CSP of a rendered view: no script at all, only its own style sheet. */
export const VIEW_CSP = `default-src 'none'; style-src ${hash(VIEW_CSS)}; base-uri 'none'; form-action 'none'`;

/** The page of GET /: a text box, an Analyse button, the view. */
export const PAGE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>vietnlp · see the analysis</title>
<style>${PAGE_CSS}</style>
</head>
<body>
<main>
<h1>vietnlp · see the analysis of a report</h1>
<form id="form" method="post" action="analyze">
<label for="text">Report text</label>
<textarea id="text" name="text" rows="12" lang="vi" required></textarea>
<p><button type="submit" id="analyse">Analyse</button><span class="hint">or Ctrl+Enter in the text box</span><span id="status" role="status" aria-live="polite"></span></p>
</form>
<noscript><p>The Analyse button needs JavaScript. Without it: <code>vietnlp analyze --format html FILE &gt; report.html</code>.</p></noscript>
<iframe id="view" title="Analysis" sandbox="" hidden></iframe>
</main>
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;

function sendHtml(res: ServerResponse, status: number, html: string, csp: string, head: boolean): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': String(Buffer.byteLength(html)),
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  });
  res.end(head ? undefined : html);
}

/** Answers GET / and HEAD / with the page. */
export function sendPage(res: ServerResponse, method: string): void {
  sendHtml(res, 200, PAGE_HTML, PAGE_CSP, method === 'HEAD');
}

/** Whether the client asks for HTML (`Accept: text/html` before any JSON type). */
export function acceptsHtml(req: IncomingMessage): boolean {
  const accept = String(req.headers.accept ?? '');
  const html = accept.search(/\btext\/html\b/i);
  const json = accept.search(/\bapplication\/(?:[\w.+-]+\+)?json\b/i);
  return html >= 0 && (json < 0 || html < json);
}

/** Sends the HTML view of POST /analyze (rendered in the worker thread, see `WorkerRequest.view`). */
export function sendAnalysisPage(res: ServerResponse, html: string): void {
  sendHtml(res, 200, html, VIEW_CSP, false);
}
