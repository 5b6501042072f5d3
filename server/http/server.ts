import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { messages } from '../messages.js';
import { RateLimited, ServiceUnavailableError } from '../refusals.js';
import type { Database } from '../db/database.js';
import type { Logger } from '../log.js';
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
  /** GET /operaciones/documentos/{documentId}: a supporting document, for operators. */
  documents?: Handler;
  /** The invoice PDF behind a live sealed link, or null; RateLimited past the client's budget. */
  invoice: (link: string, req: IncomingMessage) => Promise<Uint8Array | null>;
  db: Database;
  /** Next.js's request handler; absent when the server runs API-only (SSPS_WEB=0). */
  web?: Handler;
  log: Logger;
  security: SecurityOptions;
}

/** One port: /graphql, /captcha/challenge, /healthz, /readyz, invoices, uploads and operators' documents here; every other path to Next.js. */
export function createHttpServer(routes: Routes): Server {
  const api = apiRoutes(routes);
  const respond = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const handler = api.get(url.pathname) ?? prefixRoute(routes, url.pathname) ?? routes.web ?? notFound;
    applySecurityHeaders(req, res, handler === routes.web ? 'page' : 'api', routes.security);
    await handler(req, res, url);
  };
  return createServer((req, res) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      // A request target no URL parser accepts (`//[`) would otherwise escape as an uncaught error and end the process.
      applySecurityHeaders(req, res, 'api', routes.security);
      return sendJson(res, 400, { error: 'bad request target' });
    }
    respond(req, res, url).catch((err: unknown) => {
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

function apiRoutes({ graphql, challenge, db, security }: Routes): Map<string, Handler> {
  return new Map<string, Handler>([
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
    ['/healthz', (_req, res) => sendJson(res, 200, { status: 'ok' })],
    [
      '/readyz',
      async (_req, res) => {
        const ready = await db.ping();
        return sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'database unavailable' });
      },
    ],
  ]);
}

function prefixRoute(routes: Routes, pathname: string): Handler | undefined {
  if (pathname.startsWith('/invoices/')) return invoiceRoute(routes);
  if (pathname.startsWith('/applications/')) return routes.upload;
  if (pathname.startsWith('/operaciones/documentos/')) return routes.documents;
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
