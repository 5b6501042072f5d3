import { messages } from '../messages.js';
import { RateLimited, ServiceUnavailableError } from '../refusals.js';

export interface HttpRefusal {
  status: number;
  headers: Record<string, string>;
  message: string;
  /** `code` first, then what a client switches on: the same as the GraphQL error's extensions. */
  extensions: Record<string, unknown>;
}

/** The HTTP answer to a spent budget or the database's absence, for the routes outside /graphql; null for anything else. */
export function httpRefusal(error: unknown): HttpRefusal | null {
  if (error instanceof ServiceUnavailableError) return { status: 503, headers: {}, message: messages.SERVICE_UNAVAILABLE, extensions: { code: error.code } };
  if (error instanceof RateLimited) {
    return { status: 429, headers: { 'retry-after': String(error.retryAfterSeconds) }, message: error.message, extensions: { code: error.code, retryAfterSeconds: error.retryAfterSeconds } };
  }
  return null;
}
