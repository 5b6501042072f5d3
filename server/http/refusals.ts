import { messages } from '../messages.js';
import { Forbidden, NotFound, RateLimited, ServiceUnavailableError, Unauthenticated } from '../refusals.js';

export interface HttpRefusal {
  status: number;
  headers: Record<string, string>;
  message: string;
  /** `code` first, then what a client switches on: the same as the GraphQL error's extensions. */
  extensions: Record<string, unknown>;
}

/** The HTTP answer to a spent budget, the database's absence, or a caller not let in, for the routes outside /graphql; null for anything else. */
export function httpRefusal(error: unknown): HttpRefusal | null {
  if (error instanceof ServiceUnavailableError) return { status: 503, headers: {}, message: messages.SERVICE_UNAVAILABLE, extensions: { code: error.code } };
  if (error instanceof RateLimited) {
    return { status: 429, headers: { 'retry-after': String(error.retryAfterSeconds) }, message: error.message, extensions: { code: error.code, retryAfterSeconds: error.retryAfterSeconds } };
  }
  if (error instanceof Unauthenticated) return { status: 401, headers: { 'www-authenticate': 'Bearer' }, message: error.message, extensions: { code: error.code } };
  if (error instanceof Forbidden) return { status: 403, headers: {}, message: error.message, extensions: { code: error.code } };
  if (error instanceof NotFound) return { status: 404, headers: {}, message: error.message, extensions: { code: error.code, ...error.details } };
  return null;
}
