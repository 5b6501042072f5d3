import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { IncomingMessage } from 'node:http';
import type { GraphQLContext } from '../graphql/context.js';
import { EXECUTED, type Executed, type KnownOperation, type KnownOperations } from '../graphql/known-operations.js';
import { contextError } from '../graphql/refusals.js';
import { messages } from '../messages.js';
import type { ObservedResponse } from '../observability/access-log.js';
import { traced, tracingOn } from '../observability/tracing.js';
import { readBody, sendJson } from './io.js';

/** A POST body as the fast path takes it: Apollo's own fields and nothing else. */
interface OperationBody {
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

/** What either path answers: a status (200 when absent), headers and the whole body. */
interface Answer {
  status?: number;
  /** Known without reading the body: the fast path answers only clean results. */
  code?: 'OK';
  headers: Iterable<[string, string]>;
  body: { kind: 'complete'; string: string } | { kind: 'chunked'; asyncIterator: AsyncIterableIterator<string> };
}

/**
 * The whole Apollo integration: read the body (bounded), build the context, write
 * the response. No framework sits between Node's http server and Apollo. An operation Apollo
 * has already accepted is answered by the fast path (server/graphql/known-operations.ts).
 */
export function graphqlHandler(
  apollo: ApolloServer<GraphQLContext>,
  context: (req: IncomingMessage) => Promise<GraphQLContext>,
  maxBodyBytes: number,
  known: KnownOperations | null = null,
) {
  // Apollo reads the HTTP status (401, 503) from the error before formatError runs: translated here.
  const contextFor = (req: IncomingMessage) =>
    context(req).catch((error: unknown) => {
      throw contextError(error);
    });

  const viaApollo = (req: IncomingMessage, url: URL, body: unknown, contextValue: () => Promise<GraphQLContext>): Promise<Answer> => {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    return apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body }, context: contextValue });
  };

  /**
   * A known operation: run compiled, answered here when clean; a refused context or a result with
   * an error goes to Apollo (the result as executed: nothing runs twice), which answers as always.
   */
  const viaKnown = async (req: IncomingMessage, url: URL, body: OperationBody, operation: KnownOperation, contentType: string): Promise<Answer> => {
    let contextValue: GraphQLContext;
    try {
      contextValue = await contextFor(req);
    } catch (error) {
      known!.counts.handedOver++;
      return viaApollo(req, url, body, () => Promise.reject(error));
    }
    const operationName = operation.name;
    let executed: Executed;
    try {
      const result = await operation.run(contextValue, body.variables ?? {});
      if (result.errors === undefined && result.extensions === undefined && result.data) {
        known!.counts.fast++;
        // As Apollo writes a single result (prettyJSONStringify of errors, data, extensions).
        return { code: 'OK', headers: [['content-type', contentType]], body: { kind: 'complete', string: `${JSON.stringify({ data: result.data })}\n` } };
      }
      executed = { operationName, result };
    } catch (thrown) {
      // Apollo answers what an execution threw (masked, 500) as it would had it run it.
      executed = { operationName, thrown };
    }
    known!.counts.handedOver++;
    return viaApollo(req, url, body, () => Promise.resolve(Object.assign(contextValue, { [EXECUTED]: executed })));
  };

  return async (req: IncomingMessage, res: ObservedResponse, url: URL): Promise<void> => {
    let body: unknown = undefined;
    let json = false;
    if (req.method === 'POST') {
      const raw = await readBody(req, maxBodyBytes);
      if (raw === null) {
        res.graphql = { operation: null, code: 'BAD_REQUEST' };
        return sendJson(res, 413, { errors: [{ message: messages.PAYLOAD_TOO_LARGE, extensions: { code: 'BAD_REQUEST' } }] });
      }
      body = raw;
      const contentType = req.headers['content-type'] ?? '';
      if (/^application\/(graphql-response\+)?json\b/i.test(contentType)) {
        try {
          body = JSON.parse(raw);
        } catch {
          res.graphql = { operation: null, code: 'BAD_REQUEST' };
          return sendJson(res, 400, {
            errors: [{ message: `${messages.INVALID_QUERY}: el cuerpo no es JSON válido.`, extensions: { code: 'BAD_REQUEST' } }],
          });
        }
        // Only plain JSON, which Apollo's CSRF prevention lets through as it is (a type no form can send).
        json = /^application\/json\s*(;|$)/i.test(contentType);
      }
    }
    const operation = operationName(body, url);
    const fast = known && json ? knownOperation(known, body, req.headers.accept) : null;
    const execute = () => (fast ? viaKnown(req, url, body as OperationBody, fast.operation, fast.contentType) : viaApollo(req, url, body, () => contextFor(req)));
    const response = tracingOn() ? await traced(`graphql ${operation ?? 'anonymous'}`, { 'graphql.operation.name': operation ?? '' }, execute) : await execute();
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.graphql = { operation, code: (response as Answer).code ?? outcome(response.body.string) };
      res.end(response.body.string);
      return;
    }
    res.graphql = { operation, code: 'OK' };
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };
}

/**
 * The known operation a request names, when the request is one the fast path answers exactly as
 * Apollo would: a JSON object with a query Apollo has accepted, an operation name it was accepted
 * under, variables that are an object (or none), no extensions, and an Accept Apollo can honour.
 */
function knownOperation(known: KnownOperations, body: unknown, accept: string | undefined): { operation: KnownOperation; contentType: string } | null {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return null;
  const { query, operationName, variables } = body as Record<string, unknown>;
  if (typeof query !== 'string' || 'extensions' in body) return null;
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return null;
  if (variables !== undefined && variables !== null && (typeof variables !== 'object' || Array.isArray(variables))) return null;
  for (const key in body) if (key !== 'query' && key !== 'operationName' && key !== 'variables') return null;
  const operation = known.find(query, operationName);
  if (!operation) return null;
  const contentType = known.contentTypeFor(accept);
  return contentType ? { operation, contentType } : null;
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
