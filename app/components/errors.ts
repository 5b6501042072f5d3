import type { CombinedError } from '@urql/next';
import type { IdNumberProblem } from '../../graphql/id-number';
import { format, type Messages } from '../i18n';

export type ErrorCode = 'CAPTCHA_MISSING' | 'CAPTCHA_INVALID' | 'CAPTCHA_REUSED' | 'RATE_LIMITED' | 'BAD_USER_INPUT' | 'SERVICE_UNAVAILABLE' | 'NETWORK' | 'NOT_FOUND' | 'LOOKUP_EXPIRED' | 'UNKNOWN';

export interface PageError {
  code: ErrorCode;
  message: string;
}

/** Turns what the API answered into the sentence the applicant reads; the API's `extensions.code` decides, never its wording. */
export function describeError(error: CombinedError, t: Messages): PageError {
  const first = error.graphQLErrors[0];
  const code = first?.extensions?.code;
  if (!first) {
    const status = (error.response as Response | undefined)?.status;
    if (status === 429) return rateLimited(Number((error.response as Response).headers.get('retry-after')), t);
    return { code: 'NETWORK', message: t.errors.NETWORK };
  }
  switch (code) {
    case 'CAPTCHA_INVALID':
    case 'CAPTCHA_REUSED':
    case 'SERVICE_UNAVAILABLE':
    case 'NOT_FOUND':
      return { code, message: t.errors[code] };
    case 'RATE_LIMITED':
      return rateLimited(Number(first.extensions.retryAfterSeconds), t);
    case 'BAD_USER_INPUT': {
      const reason = first.extensions.reason as IdNumberProblem | undefined;
      const detail = reason && reason in t.idNumberProblems ? t.idNumberProblems[reason] : '';
      const limits = { min: Number(first.extensions.min), max: Number(first.extensions.max) };
      return { code, message: format(t.errors.BAD_USER_INPUT, { reason: format(detail, limits) }) };
    }
    default:
      return { code: 'UNKNOWN', message: t.errors.UNKNOWN };
  }
}

function rateLimited(seconds: number, t: Messages): PageError {
  return { code: 'RATE_LIMITED', message: format(t.errors.RATE_LIMITED, { wait: waitText(seconds, t) }) };
}

export function waitText(seconds: number, t: Messages): string {
  const s = Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : 60;
  if (s < 60) return s === 1 ? t.wait.second : format(t.wait.seconds, { n: s });
  const m = Math.ceil(s / 60);
  return m === 1 ? t.wait.minute : format(t.wait.minutes, { n: m });
}
