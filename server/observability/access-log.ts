import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../log.js';
import { routeOf } from './routes.js';

/** What the GraphQL adapter learns of an operation, for the access log and the metrics. */
export interface GraphqlOutcome {
  operation: string | null;
  /** OK, or the first error's code. */
  code: string;
}

export type ObservedResponse = ServerResponse & { graphql?: GraphqlOutcome };

// A client's X-Request-Id is kept only when it looks like an id, never like data.
const VALID_ID = /^[A-Za-z0-9._:-]{8,128}$/;

export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && VALID_ID.test(given) ? given : randomUUID();
}

/**
 * One line per request: its id (a valid X-Request-Id, or a new one, echoed in the response),
 * method, route (never the URL: paths carry draft ids and tokens, queries carry an OIDC code),
 * status, duration and the GraphQL operation's name and outcome. Never variables, bodies,
 * headers or addresses. Written by hand rather than through pino-http: pino-http made two child
 * loggers per request, each serialized and redacted, which cost more than the line itself on
 * the lookup's hot path (BENCHMARKS.md); this writes one flat object, once the answer is done.
 */
export function accessLog(log: Logger): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const started = performance.now();
    const requestId = requestIdOf(req);
    res.setHeader('x-request-id', requestId);
    res.once('close', () => {
      const status = res.statusCode;
      const level = status >= 500 ? 'error' : 'info';
      if (!log.isLevelEnabled(level)) return;
      const graphql = (res as ObservedResponse).graphql;
      const line = {
        requestId,
        method: req.method,
        route: routeOf(req.url),
        status,
        durationMs: Math.round(performance.now() - started),
        ...(graphql ? { operation: graphql.operation, code: graphql.code } : {}),
      };
      log[level](line, 'request');
    });
  };
}
