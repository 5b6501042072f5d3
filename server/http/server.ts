import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AltchaCaptcha } from '../captcha/altcha.js';
import type { Database } from '../db/database.js';
import type { Logger } from '../log.js';
import { sendJson } from './io.js';
import { applyCors, applySecurityHeaders, type SecurityOptions } from './security.js';

export type { SecurityOptions } from './security.js';

export type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void> | void;

export interface Routes {
  graphql: Handler;
  captcha: AltchaCaptcha;
  db: Database;
  /** Next.js's request handler; absent when the server runs API-only (SSPS_WEB=0). */
  web?: Handler;
  log: Logger;
  security: SecurityOptions;
}

/** One port: /graphql, /captcha/challenge, /healthz and /readyz here; every other path to Next.js. */
export function createHttpServer(routes: Routes): Server {
  const api = apiRoutes(routes);
  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const handler = api.get(url.pathname) ?? routes.web ?? notFound;
    applySecurityHeaders(req, res, handler === routes.web ? 'page' : 'api', routes.security);
    Promise.resolve(handler(req, res, url)).catch((err: unknown) => {
      routes.log.error({ err, path: url.pathname }, 'request failed');
      if (!res.headersSent) sendJson(res, 500, { error: 'internal' });
      else res.destroy();
    });
  });
}

function apiRoutes({ graphql, captcha, db, security }: Routes): Map<string, Handler> {
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
        return sendJson(res, 200, await captcha.challenge());
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

const notFound: Handler = (_req, res) => sendJson(res, 404, { error: 'not found' });
