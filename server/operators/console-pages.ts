import { escapeHtml } from '../html.js';
import type { ServerResponse } from 'node:http';

// These few pages are static HTML with no script: their policy allows only their own inline style and forms to this site.
const PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

const STYLE = `body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}
h1{font-size:1.4rem}label{display:block;margin-top:1rem;font-weight:600}input{display:block;width:100%;padding:.5rem;font-size:1rem;box-sizing:border-box}
button,.button{display:inline-block;margin-top:1.25rem;padding:.6rem 1.2rem;font-size:1rem;background:#0b4f8a;color:#fff;border:0;border-radius:4px;text-decoration:none;cursor:pointer}
.error{color:#b00020;font-weight:600}[lang=en]{color:#555}`;

/** The sign-in's own pages (a refusal, the development provider's form): Spanish first, English too. */
export function htmlPage(title: string, body: string): string {
  return `<!doctype html><html lang="es-CO"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} — SSPS</title><style>${STYLE}</style></head><body>${body}</body></html>`;
}

export function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': String(Buffer.byteLength(html)),
    'cache-control': 'no-store',
    'content-security-policy': PAGE_POLICY,
    'referrer-policy': 'no-referrer',
  });
  res.end(html);
}

