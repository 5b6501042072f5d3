import { GraphQLError } from 'graphql';
import { ApplicationRefused } from '../applications/application-refused.js';
import { messages } from '../messages.js';
import { RateLimited, Refusal, ServiceUnavailableError, Unauthenticated } from '../refusals.js';

// Refusals that also set the HTTP status (Apollo reads `extensions.http` before formatError runs).
const HTTP_STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, RATE_LIMITED: 429 };

/**
 * The one translation of the services' refusals into the contract's GraphQL errors (README,
 * Errors): the code, the sentence, the extensions a client switches on and, for a few, the
 * HTTP status. Anything else passes through untouched, for formatError to judge.
 */
export function toGraphQLError(error: unknown): unknown {
  if (!(error instanceof Refusal)) return error;
  if (error instanceof ApplicationRefused) {
    const message = error.fields.map((f) => f.message).join(' ');
    const field = error.fields[0]?.field;
    if (error.code === 'RATE_LIMITED') return refusal(message, 'RATE_LIMITED', { ...rateLimitedExtensions(error.details.retryAfterSeconds ?? 60), field });
    return refusal(message, error.code, { fields: error.fields, field, ...error.details });
  }
  if (error instanceof RateLimited) return refusal(error.message, error.code, rateLimitedExtensions(error.retryAfterSeconds));
  const status = HTTP_STATUS[error.code];
  // Only a key that names no partner is answered with a challenge (RFC 6750, section 3).
  const headers = error instanceof Unauthenticated && error.problem === 'UNKNOWN_KEY' ? { headers: new Map([['www-authenticate', 'Bearer']]) } : {};
  return refusal(error.message, error.code, { ...error.details, ...(status ? { http: { status, ...headers } } : {}) });
}

/**
 * For an error thrown while building the context (the caller's key): there is no operation
 * to answer, so the database's absence is a 503 here, where a resolver's is an error beside its data.
 */
export function contextError(error: unknown): unknown {
  if (error instanceof ServiceUnavailableError) return refusal(messages.SERVICE_UNAVAILABLE, error.code, { http: { status: 503 } });
  return toGraphQLError(error);
}

/** Every field resolver of `resolvers`, its refusals translated (scalars and other objects untouched). */
export function withRefusalsMapped<T extends object>(resolvers: T): T {
  return Object.fromEntries(
    Object.entries(resolvers).map(([type, fields]) => [type, Object.getPrototypeOf(fields) === Object.prototype ? mapFields(fields as Record<string, unknown>) : fields]),
  ) as T;
}

function mapFields(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).map(([name, resolve]) => [name, typeof resolve === 'function' ? mapped(resolve as (...args: unknown[]) => unknown) : resolve]));
}

function mapped(resolve: (...args: unknown[]) => unknown) {
  const rethrow = (error: unknown): never => {
    throw toGraphQLError(error);
  };
  return (...args: unknown[]) => {
    try {
      const result = resolve(...args);
      return result instanceof Promise ? result.catch(rethrow) : result;
    } catch (error) {
      return rethrow(error);
    }
  };
}

function rateLimitedExtensions(retryAfterSeconds: number) {
  return { retryAfterSeconds, http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) } };
}

function refusal(message: string, code: string, extensions: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions } });
}
