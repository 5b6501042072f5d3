import type { IdNumberProblem } from '../graphql/id-number.js';
import { messages } from './messages.js';

/** The stable `extensions.code` values of the contract (README, Errors); clients switch on these, never on messages. */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'CAPTCHA_INVALID'
  | 'CAPTCHA_REUSED'
  | 'RATE_LIMITED'
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'FAILED_PRECONDITION'
  | 'SERVICE_UNAVAILABLE'
  /** HTTP only: the uploads' storage is full (507). */
  | 'INSUFFICIENT_STORAGE'
  | 'INTERNAL_SERVER_ERROR';

/**
 * Why the service will not do what it was asked, in the domain's words: a code of the
 * contract, a sentence the person can act on (es-CO) and the facts a client switches on.
 * Services throw these and know nothing of the transport; server/graphql/refusals.ts and
 * server/http/refusals.ts turn them into answers.
 */
export abstract class Refusal extends Error {
  abstract readonly code: ErrorCode;

  constructor(
    message: string,
    /** What a client reads besides the code (`field`, `reason`, bounds…). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export class BadInput extends Refusal {
  readonly code = 'BAD_USER_INPUT';
}

/** Unknown, forged or expired: one answer, so nothing can be probed. */
export class NotFound extends Refusal {
  readonly code = 'NOT_FOUND';

  constructor(message: string = messages.NOT_FOUND, details: Record<string, unknown> = {}) {
    super(message, details);
  }
}

export type CaptchaProblem = 'MISSING' | 'INVALID' | 'REUSED';

export class CaptchaRefused extends Refusal {
  readonly code: ErrorCode;

  constructor(
    readonly problem: CaptchaProblem,
    /** The verifier's reason for an invalid token (MALFORMED, EXPIRED, FORGED, WRONG_SOLUTION). */
    reason?: string,
  ) {
    super(messages[problem === 'MISSING' ? 'CAPTCHA_MISSING' : problem === 'INVALID' ? 'CAPTCHA_INVALID' : 'CAPTCHA_REUSED'], {
      field: 'captchaToken',
      ...(reason ? { reason } : {}),
    });
    this.code = problem === 'REUSED' ? 'CAPTCHA_REUSED' : 'CAPTCHA_INVALID';
  }
}

/**
 * No live key behind the caller's `Authorization` header (UNKNOWN_KEY), an operation that needs
 * a key (KEY_REQUIRED) or an operator, by console session or key (OPERATOR_REQUIRED), or a
 * console session that has ended (SESSION_ENDED).
 */
export class Unauthenticated extends Refusal {
  readonly code = 'UNAUTHENTICATED';

  constructor(readonly problem: 'UNKNOWN_KEY' | 'KEY_REQUIRED' | 'OPERATOR_REQUIRED' | 'SESSION_ENDED') {
    super(messages[problem === 'UNKNOWN_KEY' ? 'UNAUTHENTICATED' : problem], problem === 'SESSION_ENDED' ? { reason: problem } : {});
  }
}

/** A partner's key, but not an operator's; or a console request without its CSRF token or from another origin (CSRF). */
export class Forbidden extends Refusal {
  readonly code = 'FORBIDDEN';

  constructor(reason?: 'CSRF') {
    super(reason === 'CSRF' ? messages.CONSOLE_CSRF : messages.OPERATORS_ONLY, reason ? { reason } : {});
  }
}

/** A budget spent (server/ratelimit); the caller may try again after `retryAfterSeconds`. */
export class RateLimited extends Refusal {
  readonly code = 'RATE_LIMITED';

  constructor(readonly retryAfterSeconds: number) {
    super(messages.RATE_LIMITED.replace('{wait}', waitText(retryAfterSeconds)), { retryAfterSeconds });
  }
}

/** "30 segundos", "2 minutos": how long a person is asked to wait. */
export function waitText(seconds: number): string {
  return seconds < 60 ? `${seconds} segundos` : `${Math.ceil(seconds / 60)} minutos`;
}

/** The database (or the counters' store) did not answer in time: not the caller's fault, and worth retrying. */
export class ServiceUnavailableError extends Error {
  readonly code = 'SERVICE_UNAVAILABLE';

  constructor(cause?: unknown) {
    super('database unavailable', { cause });
  }
}

export function badIdNumber(problem: IdNumberProblem, bounds: { min?: number; max?: number }): BadInput {
  const message = messages.ID_NUMBER[problem].replace('{min}', String(bounds.min)).replace('{max}', String(bounds.max));
  const limits = problem === 'LENGTH' ? { min: bounds.min, max: bounds.max } : {};
  return new BadInput(message, { field: 'idNumber', reason: problem, ...limits });
}
