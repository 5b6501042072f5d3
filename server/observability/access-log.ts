import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../log.js';
import type { Metrics } from './metrics.js';
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
 * Per request, once its answer is done (or abandoned): one access-log line and its metrics, from
 * one clock reading and one route name. The line holds its id (a valid X-Request-Id, or a new
 * one, echoed in the response), method, route (never the URL: paths carry draft ids and tokens,
 * queries carry an OIDC code), status, duration and the GraphQL operation's name and outcome;
 * never variables, bodies, headers or addresses. Written by hand rather than through pino-http:
 * pino-http made two child loggers per request, each serialized and redacted, which cost more
 * than the line itself on the lookup's hot path (BENCHMARKS.md).
 */
export function observeRequests(log: Logger | null, metrics: Metrics | null): (req: IncomingMessage, res: ServerResponse) => void {
  // With no line to write and nothing to count, a request's id is still echoed for the client's own logs.
  if (!log && !metrics) return (req, res) => res.setHeader('x-request-id', requestIdOf(req));
  return (req, res) => {
    const started = performance.now();
    const requestId = requestIdOf(req);
    res.setHeader('x-request-id', requestId);
    res.once('close', () => {
      const status = res.statusCode;
      const took = performance.now() - started;
      const route = routeOf(req.url);
      const graphql = (res as ObservedResponse).graphql;
      if (metrics) {
        const code = String(status);
        metrics.httpRequests.inc({ route, method: req.method ?? '', status: code });
        metrics.httpDuration.observe({ route, status: code }, took / 1000);
        if (graphql) metrics.graphqlOperations.inc({ operation: metrics.operationLabel(graphql.operation), code: graphql.code });
      }
      const level = status >= 500 ? 'error' : 'info';
      if (!log?.isLevelEnabled(level)) return;
      log[level]({ requestId, method: req.method, route, status, durationMs: Math.round(took), ...(graphql ? { operation: graphql.operation, code: graphql.code } : {}) }, 'request');
    });
  };
}
