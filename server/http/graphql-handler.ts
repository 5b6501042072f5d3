import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { IncomingMessage } from 'node:http';
import type { GraphQLContext } from '../graphql/context.js';
import { contextError } from '../graphql/refusals.js';
import { messages } from '../messages.js';
import type { ObservedResponse } from '../observability/access-log.js';
import { traced, tracingOn } from '../observability/tracing.js';
import { readBody, sendJson } from './io.js';

/**
 * The whole Apollo integration: read the body (bounded), build the context, write
 * the response. No framework sits between Node's http server and Apollo.
 */
export function graphqlHandler(
  apollo: ApolloServer<GraphQLContext>,
  context: (req: IncomingMessage) => Promise<GraphQLContext>,
  maxBodyBytes: number,
) {
  return async (req: IncomingMessage, res: ObservedResponse, url: URL): Promise<void> => {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    let body: unknown = undefined;
    if (req.method === 'POST') {
      const raw = await readBody(req, maxBodyBytes);
      if (raw === null) {
        res.graphql = { operation: null, code: 'BAD_REQUEST' };
        return sendJson(res, 413, { errors: [{ message: messages.PAYLOAD_TOO_LARGE, extensions: { code: 'BAD_REQUEST' } }] });
      }
      body = raw;
      if (/^application\/(graphql-response\+)?json\b/i.test(headers.get('content-type') ?? '')) {
        try {
          body = JSON.parse(raw);
        } catch {
          res.graphql = { operation: null, code: 'BAD_REQUEST' };
          return sendJson(res, 400, {
            errors: [{ message: `${messages.INVALID_QUERY}: el cuerpo no es JSON válido.`, extensions: { code: 'BAD_REQUEST' } }],
          });
        }
      }
    }
    const operation = operationName(body, url);
    const execute = () => apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
      // Apollo reads the HTTP status (401, 503) from the error before formatError runs: translated here.
      context: () =>
        context(req).catch((error: unknown) => {
          throw contextError(error);
        }),
    });
    const response = tracingOn() ? await traced(`graphql ${operation ?? 'anonymous'}`, { 'graphql.operation.name': operation ?? '' }, execute) : await execute();
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.graphql = { operation, code: outcome(response.body.string) };
      res.end(response.body.string);
      return;
    }
    res.graphql = { operation, code: 'OK' };
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };
}

/** The operation's name: the request's `operationName`, else the name its document gives the first operation. */
function operationName(body: unknown, url: URL): string | null {
  const fields = body && typeof body === 'object' ? (body as { operationName?: unknown; query?: unknown }) : { operationName: url.searchParams.get('operationName'), query: url.searchParams.get('query') };
  if (typeof fields.operationName === 'string' && fields.operationName) return fields.operationName;
  const query = typeof fields.query === 'string' ? fields.query : typeof body === 'string' ? body : '';
  return /^\s*(?:query|mutation|subscription)\s+([A-Za-z_][A-Za-z0-9_]*)/.exec(query)?.[1] ?? null;
}

/** OK, or the first error's code; the answer is parsed only when it holds errors (rare on the hot path). */
function outcome(answer: string): string {
  if (!answer.includes('"errors"')) return 'OK';
  try {
    const { errors } = JSON.parse(answer) as { errors?: { extensions?: { code?: unknown } }[] };
    if (!errors?.length) return 'OK';
    const code = errors[0].extensions?.code;
    return typeof code === 'string' ? code : 'ERROR';
  } catch {
    return 'ERROR';
  }
}
