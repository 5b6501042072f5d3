import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';

export interface SecurityOptions {
  /** Partner portals' origins allowed to call /graphql from a browser. */
  corsOrigins: string[];
  /** How many reverse proxies in front; 0 believes no X-Forwarded-* header. */
  trustProxy: number;
  /** Next.js in development mode needs eval for its refresh runtime. */
  webDev: boolean;
}

/** A page is whatever Next.js answers (HTML, its static files); everything else is the API's own JSON. */
export type ResponseKind = 'page' | 'api';

// On every answer: the API's JSON and the pages alike (OWASP's REST Security Cheat Sheet).
const COMMON_HEADERS: [string, string][] = [
  ['x-content-type-options', 'nosniff'],
  ['x-frame-options', 'DENY'],
];

// What governs a document — where it sends its referrer, which browser features it may use,
// its browsing-context group — means nothing on a JSON answer, so only pages carry it.
const PAGE_HEADERS: [string, string][] = [
  // Nothing personal ever sits in our URLs (ID numbers and tokens travel in POST bodies), so
  // sending our origin, and only the origin, to the site where a new request starts costs nothing.
  ['referrer-policy', 'strict-origin-when-cross-origin'],
  ['cross-origin-opener-policy', 'same-origin'],
  // clipboard-write stays allowed: the detail page copies the serial number.
  [
    'permissions-policy',
    'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), hid=(), bluetooth=(), midi=(), display-capture=(), accelerometer=(), gyroscope=(), magnetometer=(), browsing-topics=()',
  ],
];

const HSTS = 'max-age=31536000; includeSubDomains';
const API_POLICY = "default-src 'none'; frame-ancestors 'none'";

/**
 * Sets the headers every response carries, before any handler writes. For a page it also
 * puts the policy on the incoming request: Next.js reads the nonce from the request's
 * Content-Security-Policy header and stamps it on every <script> it renders.
 */
export function applySecurityHeaders(req: IncomingMessage, res: ServerResponse, kind: ResponseKind, options: SecurityOptions): void {
  for (const [name, value] of COMMON_HEADERS) res.setHeader(name, value);
  if (cameOverTls(req, options.trustProxy)) res.setHeader('strict-transport-security', HSTS);
  if (kind === 'api') {
    res.setHeader('content-security-policy', API_POLICY);
    // Lookups name people: no browser or shared cache keeps an API answer (a handler may narrow it further).
    res.setHeader('cache-control', 'no-store');
    return;
  }
  for (const [name, value] of PAGE_HEADERS) res.setHeader(name, value);
  const policy = pagePolicy(randomBytes(16).toString('base64'), options.webDev);
  req.headers['content-security-policy'] = policy;
  res.setHeader('content-security-policy', policy);
}

/**
 * 'strict-dynamic' lets the scripts Next.js loads on demand (ALTCHA's included) run because a
 * nonced script loaded them. ALTCHA solves in workers made from blob: URLs and styles its
 * widget inline, hence worker-src blob: and style-src 'unsafe-inline' — never for scripts.
 */
export function pagePolicy(nonce: string, webDev: boolean): string {
  const scripts = ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(webDev ? ["'unsafe-eval'"] : [])];
  return [
    "default-src 'self'",
    `script-src ${scripts.join(' ')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * X-Forwarded-Proto is believed only with a proxy in front (TRUST_PROXY), as client-ip.ts
 * believes X-Forwarded-For; its first value is the scheme the outermost proxy saw.
 */
function cameOverTls(req: IncomingMessage, trustProxy: number): boolean {
  if ((req.socket as Partial<TLSSocket>).encrypted === true) return true;
  if (trustProxy === 0) return false;
  const header = req.headers['x-forwarded-proto'];
  const first = (Array.isArray(header) ? header[0] : header)?.split(',')[0];
  return first?.trim().toLowerCase() === 'https';
}

const CORS_PREFLIGHT_HEADERS: Record<string, string> = {
  'access-control-allow-methods': 'POST, GET, OPTIONS',
  'access-control-allow-headers': 'authorization, content-type, apollo-require-preflight',
  'access-control-max-age': '600',
};

/**
 * CORS for /graphql: open to the configured partner origins, closed to every other. A request
 * from any other origin gets no Access-Control-* header, so the browser keeps the answer from
 * the page that asked; its preflight gets 403 at once. Requests are never refused for their
 * Origin alone: our own pages send one on every POST and, behind a proxy, it need not match
 * the Host we see; forged simple requests are Apollo's CSRF prevention's to refuse.
 *
 * Returns true when it has answered the request itself (a preflight).
 */
export function applyCors(req: IncomingMessage, res: ServerResponse, allowedOrigins: readonly string[]): boolean {
  // With no partner origin configured the answer never depends on Origin, and says so by omission.
  if (allowedOrigins.length > 0) res.setHeader('vary', 'Origin');
  const origin = req.headers.origin;
  const allowed = origin !== undefined && allowedOrigins.includes(origin);
  if (allowed) res.setHeader('access-control-allow-origin', origin);
  const preflight = req.method === 'OPTIONS' && origin !== undefined && req.headers['access-control-request-method'] !== undefined;
  if (!preflight) return false;
  if (allowed) {
    res.writeHead(204, CORS_PREFLIGHT_HEADERS);
  } else {
    res.writeHead(403);
  }
  res.end();
  return true;
}
