import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AltchaCaptcha } from '../captcha/altcha.js';
import type { Database } from '../db/database.js';
import type { Logger } from '../log.js';
import { sendJson } from './io.js';

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

export interface SecurityOptions {
  corsOrigins: string[];
  trustProxy: number;
  /** Next.js in development mode needs eval for its refresh runtime. */
  webDev: boolean;
}

/** One port: /graphql, /captcha/challenge, /healthz and /readyz here; every other path to Next.js. */
export function createHttpServer(routes: Routes): Server {
  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    Promise.resolve(route(routes, req, res, url)).catch((err: unknown) => {
      routes.log.error({ err, path: url.pathname }, 'request failed');
      if (!res.headersSent) sendJson(res, 500, { error: 'internal' });
      else res.destroy();
    });
  });
}

async function route(routes: Routes, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  switch (url.pathname) {
    case '/graphql':
      return routes.graphql(req, res, url);
    case '/captcha/challenge':
      if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, { error: 'method not allowed' }, { allow: 'GET' });
      return sendJson(res, 200, await routes.captcha.challenge());
    case '/healthz':
      return sendJson(res, 200, { status: 'ok' });
    case '/readyz': {
      const ready = await routes.db.ping();
      return sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'database unavailable' });
    }
    default:
      if (routes.web) return routes.web(req, res, url);
      return sendJson(res, 404, { error: 'not found' });
  }
}
