/**
 * The CAPTCHA seen by the rest of the server: something that hands out challenges
 * and something that checks a solved token once. ALTCHA is the built-in provider;
 * Turnstile, reCAPTCHA or hCaptcha fit behind the same `CaptchaVerifier`.
 */
export type CaptchaCheck =
  | { ok: true; /** Unique per solved challenge, the key of the replay guard. */ id: string; expiresAt: Date }
  | { ok: false; reason: 'MALFORMED' | 'EXPIRED' | 'FORGED' | 'WRONG_SOLUTION' };

export interface CaptchaVerifier {
  verify(token: string): Promise<CaptchaCheck>;
}

/** Records a used challenge id; false when it was already used (on any instance sharing the store). */
export interface UsedTokenStore {
  markUsed(id: string, expiresAt: Date): Promise<boolean>;
  purgeExpired(now?: Date): Promise<number>;
}
