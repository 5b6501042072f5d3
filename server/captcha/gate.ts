import type { RateLimits } from '../ratelimit/limits.js';
import { CaptchaRefused } from '../refusals.js';
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
    /** Told each token's outcome (the metrics). */
    private readonly onOutcome: (outcome: 'SOLVED' | CaptchaRefused['problem']) => void = () => {},
  ) {}

  async spend(token: string | null | undefined, ip: string): Promise<void> {
    if (!token) return this.refuse(ip, new CaptchaRefused('MISSING'));
    const check = await this.verifier.verify(token);
    if (!check.ok) return this.refuse(ip, new CaptchaRefused('INVALID', check.reason));
    if (!(await this.used.markUsed(check.id, check.expiresAt))) return this.refuse(ip, new CaptchaRefused('REUSED'));
    this.onOutcome('SOLVED');
  }

  /** Counts the failure; past the bucket's limit the answer is RateLimited instead of the refusal. */
  private async refuse(ip: string, refusal: CaptchaRefused): Promise<never> {
    this.onOutcome(refusal.problem);
    await this.limits.consumeClient('captchaFailureIp', ip);
    throw refusal;
  }
}
