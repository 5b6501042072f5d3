import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { messages } from '../messages.js';
import { RateLimited, ServiceUnavailableError } from '../refusals.js';
import type { Database } from '../db/database.js';
import type { Logger } from '../log.js';
import { observeRequests } from '../observability/access-log.js';
import type { Metrics } from '../observability/metrics.js';
import { routeOf } from '../observability/routes.js';
import { SpanKind, traced, tracingOn } from '../observability/tracing.js';
import { sendJson } from './io.js';
import { httpRefusal } from './refusals.js';
import { applyCors, applySecurityHeaders, type SecurityOptions } from './security.js';

export type { SecurityOptions } from './security.js';

export type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void> | void;

export interface Routes {
  graphql: Handler;
  /** A new CAPTCHA challenge for this client, or RateLimited past its limit. */
  challenge: (req: IncomingMessage) => Promise<unknown>;
  /** PUT /applications/{draftId}/documents/{kind}: a supporting document's bytes. */
  upload: Handler;
  /** /corrections/…: a correction link's view and uploads (Authorization: Bearer <token>). */
  correction: Handler;
  /** POST /payments/wompi/events: a payment provider's signed events (server/payments/). */
  payments?: Handler;
  /** GET /operaciones/documentos/{documentId}: a supporting document, for operators. */
  documents?: Handler;
  /** GET /pki/crl and /pki/ca.crt: the CRL and the issuing CA's certificate (server/certificates/pki-routes.ts). */
  pki?: Handler;
  /** The invoice PDF behind a live sealed link, or null; RateLimited past the client's budget. */
  invoice: (link: string, req: IncomingMessage) => Promise<Uint8Array | null>;
  db: Database;
  /** Next.js's request handler; absent when the server runs API-only (SSPS_WEB=0). */
  web?: Handler;
  /** The operators' console's sign-in; absent when the console is off, and then /operaciones answers 404. */
  console?: { routes: Handler; paths: readonly string[]; devProvider?: { prefix: string; handler: Handler } };
  log: Logger;
  security: SecurityOptions;
  /** The access log, metrics and spans of every request (server/observability/). */
  observe?: { accessLog: boolean; metrics: Metrics | null; metricsToken: string | null };
  /** True once the instance is stopping: /readyz answers 503 so the load balancer sends no more. */
  stopping?: () => boolean;
}

/** One port: /graphql, /captcha/challenge, /healthz, /readyz, payment events, invoices, uploads, corrections, operators' documents, the console's sign-in (and the development provider) here; every other path to Next.js. */
export function createHttpServer(routes: Routes): Server {
  const api = apiRoutes(routes);
  const respond = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const handler = api.get(url.pathname) ?? prefixRoute(routes, url.pathname) ?? routes.web ?? notFound;
    applySecurityHeaders(req, res, handler === routes.web ? 'page' : 'api', routes.security);
    await handler(req, res, url);
  };
  const observe = observeRequests(routes.observe?.accessLog ? routes.log : null, routes.observe?.metrics ?? null);
  return createServer((req, res) => {
    observe(req, res);
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      // A request target no URL parser accepts (`//[`) would otherwise escape as an uncaught error and end the process.
      applySecurityHeaders(req, res, 'api', routes.security);
      return sendJson(res, 400, { error: 'bad request target' });
    }
    const route = tracingOn() ? routeOf(url.pathname) : '';
    const answering = tracingOn() ? traced(`${req.method} ${route}`, { 'http.request.method': req.method ?? '', 'http.route': route }, () => respond(req, res, url), SpanKind.SERVER) : respond(req, res, url);
    answering.catch((err: unknown) => {
      const route = `/${url.pathname.split('/')[1]}`;
      if (err instanceof ServiceUnavailableError) {
        // The database did not answer in time: the client may try again, as /graphql says.
        routes.log.warn({ route }, 'database unavailable');
        if (!res.headersSent) return sendJson(res, 503, { errors: [{ message: messages.SERVICE_UNAVAILABLE, extensions: { code: 'SERVICE_UNAVAILABLE' } }] }, { 'retry-after': '5' });
        return res.destroy();
      }
      // Only the path's first segment: the rest may be a draft id or an invoice token.
      routes.log.error({ err, route }, 'request failed');
      if (!res.headersSent) sendJson(res, 500, { error: 'internal' });
      else res.destroy();
    });
  });
}

function apiRoutes(routes: Routes): Map<string, Handler> {
  const { graphql, challenge, db, security } = routes;
  return new Map<string, Handler>([
    ...(routes.console?.paths.map((p): [string, Handler] => [p, routes.console!.routes]) ?? []),
    [
      '/graphql',
      (req, res, url) => {
        const answeredPreflight = applyCors(req, res, security.corsOrigins);
        if (!answeredPreflight) return graphql(req, res, url);
      },
    ],
    [
      '/captcha/challenge',
      async (req, res) => {
        if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, { error: 'method not allowed' }, { allow: 'GET' });
        try {
          return sendJson(res, 200, await challenge(req));
        } catch (error) {
          return sendRefusal(res, error);
        }
      },
    ],
    ...(routes.payments ? [['/payments/wompi/events', routes.payments] as [string, Handler]] : []),
    ['/healthz', (_req, res) => sendJson(res, 200, { status: 'ok' })],
    [
      '/readyz',
      async (_req, res) => {
        if (routes.stopping?.()) return sendJson(res, 503, { status: 'stopping' });
        const ready = await db.ping();
        return sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'database unavailable' });
      },
    ],
    ...(routes.observe?.metrics && routes.observe.metricsToken ? [['/metrics', metricsRoute(routes.observe.metrics, routes.observe.metricsToken)] as [string, Handler]] : []),
  ]);
}

/** GET /metrics on the main port, for a scraper holding METRICS_TOKEN (Authorization: Bearer). */
export function metricsRoute(metrics: Metrics, token: string | null): Handler {
  const expected = token ? createHash('sha256').update(token).digest() : null;
  return async (req, res) => {
    if (expected) {
      const given = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? '';
      if (!timingSafeEqual(createHash('sha256').update(given).digest(), expected)) return sendJson(res, 401, { error: 'unauthorized' }, { 'www-authenticate': 'Bearer' });
    }
    res.writeHead(200, { 'content-type': metrics.contentType, 'cache-control': 'no-store' });
    res.end(await metrics.text());
  };
}

/** The routes known by their path's first segment; /operaciones' pages are Next.js's only while the console is on. */
function prefixRoute(routes: Routes, pathname: string): Handler | undefined {
  if (pathname.startsWith('/invoices/')) return invoiceRoute(routes);
  if (pathname.startsWith('/applications/')) return routes.upload;
  if (pathname.startsWith('/corrections/')) return routes.correction;
  if (pathname.startsWith('/operaciones/documentos/')) return routes.documents;
  if (pathname.startsWith('/pki/')) return routes.pki;
  const dev = routes.console?.devProvider;
  if (dev && (pathname === dev.prefix || pathname.startsWith(`${dev.prefix}/`))) return dev.handler;
  if (!routes.console && (pathname === '/operaciones' || pathname.startsWith('/operaciones/'))) return notFound;
  return undefined;
}

/** GET /invoices/<token>: the payment step's invoice, as a PDF. */
function invoiceRoute(routes: Routes): Handler {
  return async (req, res, url) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, { error: 'method not allowed' }, { allow: 'GET' });
    let pdf: Uint8Array | null;
    try {
      pdf = await routes.invoice(url.pathname.slice('/invoices/'.length), req);
    } catch (error) {
      return sendRefusal(res, error);
    }
    if (!pdf) return sendJson(res, 404, { error: 'not found' });
    res.writeHead(200, {
      'content-type': 'application/pdf',
      'content-length': String(pdf.byteLength),
      'content-disposition': 'inline; filename="factura.pdf"',
      // It names a person: no shared cache may keep it.
      'cache-control': 'private, no-store',
    });
    res.end(Buffer.from(pdf));
  };
}

/** These two routes answer a spent budget in their own short shape; the database's absence goes to the catch-all (with Retry-After). */
function sendRefusal(res: ServerResponse, error: unknown): void {
  const refusal = error instanceof RateLimited ? httpRefusal(error) : null;
  if (!refusal) throw error;
  sendJson(res, refusal.status, { error: 'rate limited', ...refusal.extensions }, refusal.headers);
}

const notFound: Handler = (_req, res) => sendJson(res, 404, { error: 'not found' });
