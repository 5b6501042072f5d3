import { ApolloServer } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLFormattedError } from 'graphql';
import { messages } from '../messages.js';
import { ServiceUnavailableError } from '../refusals.js';
import { scrub, type Logger } from '../log.js';
import { applicationResolvers } from '../applications/application-resolvers.js';
import { certificateResolvers } from '../certificates/certificate-resolvers.js';
import { consoleResolvers } from '../console/console-resolvers.js';
import { lifecycleResolvers } from '../lifecycle/lifecycle-resolvers.js';
import { requestResolvers } from '../requests/lookup-resolvers.js';
import type { GraphQLContext } from './context.js';
import { jitGateway } from './jit.js';
import { KnownOperations } from './known-operations.js';
import { queryLimits } from './limits.js';
import { withRefusalsMapped } from './refusals.js';
import { DateScalar, DateTimeScalar } from './scalars.js';
import { loadTypeDefs } from './schema.js';

/**
 * graphql-js suggests names of the schema in its refusals ("Did you mean the enum value \"CC\"?",
 * "Did you mean \"requestDetail\"?"): with introspection off, they would hand out the schema
 * piece by piece.
 */
function withoutSuggestions(message: string): string {
  return message.replace(/\s*Did you mean [^?]*\?/g, '');
}

const OWN_CODES = new Set(['BAD_USER_INPUT', 'CAPTCHA_INVALID', 'CAPTCHA_REUSED', 'RATE_LIMITED', 'NOT_FOUND', 'UNAUTHENTICATED', 'FORBIDDEN', 'FAILED_PRECONDITION', 'SERVICE_UNAVAILABLE']);
// Apollo's own refusals of a malformed operation: the code stays, the message gets a Spanish lead.
const REQUEST_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'BAD_USER_INPUT', 'PERSISTED_QUERY_NOT_SUPPORTED', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE', 'INTROSPECTION_DISABLED']);

/** Apollo Server with our schema, limits and error masking; with the fast path, also the operations it has accepted (known-operations.ts). */
export function createApollo({ production, log, fastPath = true }: { production: boolean; log: Logger; fastPath?: boolean }): { apollo: ApolloServer<GraphQLContext>; known: KnownOperations | null } {
  const limits = queryLimits<GraphQLContext>();
  const schema = makeExecutableSchema({
    typeDefs: loadTypeDefs(),
    resolvers: [...[requestResolvers, lifecycleResolvers, applicationResolvers, consoleResolvers, certificateResolvers].map(withRefusalsMapped), { Date: DateScalar, DateTime: DateTimeScalar }],
  });
  const known = fastPath ? new KnownOperations() : null;
  const apollo = new ApolloServer<GraphQLContext>({
    // Our schema, executed by compiled operations (jit.ts) instead of graphql-js's interpreter;
    // without the fast path, Apollo's plain path (tests/integration/differential.test.ts holds them equal).
    ...(known ? { gateway: jitGateway(schema, known) } : { schema }),
    introspection: !production,
    includeStacktraceInErrorResponses: !production,
    csrfPrevention: true,
    // server/main.ts owns shutdown (it must flush the audit); Apollo's own signal handler would race it.
    stopOnTerminationSignals: false,
    allowBatchedHttpRequests: false,
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    // Our pages and partners send their operations in full; automatic persisted queries would
    // only add refusals Apollo raises without a code.
    persistedQueries: false,
    // No cache hints in our schema: Apollo's cache-control plugin would only cost a hook per
    // resolved field. Every API answer is `Cache-Control: no-store` (server/http/security.ts).
    // We are no federated subgraph: no inline traces either.
    plugins: [...limits.plugins, ApolloServerPluginCacheControlDisabled(), ApolloServerPluginInlineTraceDisabled(), ...(production ? [ApolloServerPluginLandingPageDisabled()] : [])],
    formatError: (formatted, error) => formatError(formatted, error, log),
    logger: apolloLogger(log),
  });
  return { apollo, known };
}

/** Apollo's own reports ("Unexpected error processing request: …" with the error's message) go through our logger, scrubbed. */
function apolloLogger(log: Logger) {
  const write = (level: 'debug' | 'info' | 'warn' | 'error') => (message?: unknown) =>
    message instanceof Error ? log[level]({ err: message }, 'Apollo Server') : log[level](scrub(String(message)));
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}

export function formatError(formatted: GraphQLFormattedError, error: unknown, log: Logger): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof ServiceUnavailableError) {
    return { message: messages.SERVICE_UNAVAILABLE, path: formatted.path, extensions: { code: 'SERVICE_UNAVAILABLE' } };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && OWN_CODES.has(code)) {
    // Refusals from the context (an API key) reach here with Apollo's prefix; the applicant needs only the sentence.
    return { ...formatted, message: withoutSuggestions(formatted.message.replace(/^Context creation failed: /, '')) };
  }
  if (formatted.extensions?.validationErrorCode === 'INTROSPECTION_DISABLED') {
    // Apollo's own sentence names the server software.
    return { message: `${messages.INVALID_QUERY}: ${messages.INTROSPECTION_DISABLED}`, locations: formatted.locations, extensions: { code } };
  }
  if (typeof code === 'string' && REQUEST_CODES.has(code)) {
    return { ...formatted, message: `${messages.INVALID_QUERY}: ${withoutSuggestions(formatted.message)}` };
  }
  log.error({ err: original }, 'unexpected error in a GraphQL operation');
  return { message: messages.INTERNAL_SERVER_ERROR, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
