import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pinoHttp } from 'pino-http';
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
 * One line per request (pino-http): its id (a valid X-Request-Id, or a new one, echoed in the
 * response), method, route (never the URL: paths carry draft ids and tokens, queries carry an
 * OIDC code), status, duration and the GraphQL operation's name and outcome. Never variables,
 * bodies, headers or addresses.
 */
export function accessLog(log: Logger): (req: IncomingMessage, res: ServerResponse) => void {
  const line = (req: IncomingMessage, res: ObservedResponse, took: number) => ({
    method: req.method,
    route: routeOf(req.url),
    status: res.statusCode,
    durationMs: took,
    ...(res.graphql ? { operation: res.graphql.operation, code: res.graphql.code } : {}),
  });
  return pinoHttp({
    logger: log,
    genReqId: (req, res) => {
      const id = requestIdOf(req);
      res.setHeader('x-request-id', id);
      return id;
    },
    // The line carries only what `line` returns and the request id, under our own name for it.
    quietReqLogger: true,
    quietResLogger: true,
    customAttributeKeys: { reqId: 'requestId' },
    wrapSerializers: false,
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
    customSuccessMessage: () => 'request',
    customErrorMessage: () => 'request',
    customSuccessObject: (req, res, value: { responseTime: number }) => line(req, res, value.responseTime),
    customErrorObject: (req, res, _error, value: { responseTime: number }) => line(req, res, value.responseTime),
  });
}
