import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GraphQLContext } from '../graphql/context.js';
import { contextError } from '../graphql/refusals.js';
import { messages } from '../messages.js';
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
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    let body: unknown = undefined;
    if (req.method === 'POST') {
      const raw = await readBody(req, maxBodyBytes);
      if (raw === null) {
        return sendJson(res, 413, { errors: [{ message: messages.PAYLOAD_TOO_LARGE, extensions: { code: 'BAD_REQUEST' } }] });
      }
      body = raw;
      if (/^application\/(graphql-response\+)?json\b/i.test(headers.get('content-type') ?? '')) {
        try {
          body = JSON.parse(raw);
        } catch {
          return sendJson(res, 400, {
            errors: [{ message: `${messages.INVALID_QUERY}: el cuerpo no es JSON válido.`, extensions: { code: 'BAD_REQUEST' } }],
          });
        }
      }
    }
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
      // Apollo reads the HTTP status (401, 503) from the error before formatError runs: translated here.
      context: () =>
        context(req).catch((error: unknown) => {
          throw contextError(error);
        }),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };
}
