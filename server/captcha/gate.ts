import { appError, messages } from '../errors.js';
import type { CaptchaVerifier, UsedTokenStore } from './captcha.js';

/** One solved CAPTCHA, one lookup: verifies the token, then spends it. */
export class CaptchaGate {
  constructor(
    private readonly verifier: CaptchaVerifier,
    private readonly used: UsedTokenStore,
  ) {}

  async spend(token: string | null | undefined): Promise<void> {
    if (!token) throw appError('CAPTCHA_INVALID', messages.CAPTCHA_MISSING, { field: 'captchaToken' });
    const check = await this.verifier.verify(token);
    if (!check.ok) throw appError('CAPTCHA_INVALID', messages.CAPTCHA_INVALID, { field: 'captchaToken', reason: check.reason });
    if (!(await this.used.markUsed(check.id, check.expiresAt))) {
      throw appError('CAPTCHA_REUSED', messages.CAPTCHA_REUSED, { field: 'captchaToken' });
    }
  }
}
