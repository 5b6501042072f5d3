import type { GraphQLError } from 'graphql';
import { appError, messages, rateLimitedError } from '../errors.js';
import { RateLimitedError, type RateLimits } from '../ratelimit/limits.js';
import type { CaptchaVerifier, UsedTokenStore } from './captcha.js';

/**
 * One solved CAPTCHA, one lookup: verifies the token, then spends it. A missing, invalid or
 * reused token is counted in its own per-address bucket (RATE_LIMIT_CAPTCHA_FAILURES_IP),
 * never in a lookup budget, so sending garbage from a shared address cannot use up the
 * lookups of the people behind it.
 */
export class CaptchaGate {
  constructor(
    private readonly verifier: CaptchaVerifier,
    private readonly used: UsedTokenStore,
    private readonly limits: RateLimits,
  ) {}

  async spend(token: string | null | undefined, ip: string): Promise<void> {
    if (!token) return this.refuse(ip, appError('CAPTCHA_INVALID', messages.CAPTCHA_MISSING, { field: 'captchaToken' }));
    const check = await this.verifier.verify(token);
    if (!check.ok) return this.refuse(ip, appError('CAPTCHA_INVALID', messages.CAPTCHA_INVALID, { field: 'captchaToken', reason: check.reason }));
    if (!(await this.used.markUsed(check.id, check.expiresAt))) {
      return this.refuse(ip, appError('CAPTCHA_REUSED', messages.CAPTCHA_REUSED, { field: 'captchaToken' }));
    }
  }

  /** Counts the failure; past the bucket's limit the answer is RATE_LIMITED instead of the refusal. */
  private async refuse(ip: string, refusal: GraphQLError): Promise<never> {
    try {
      await this.limits.consumeClient('captchaFailureIp', ip);
    } catch (error) {
      if (error instanceof RateLimitedError) throw rateLimitedError(error.retryAfterSeconds);
      throw error;
    }
    throw refusal;
  }
}
