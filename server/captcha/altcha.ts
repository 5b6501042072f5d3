import { createChallenge, randomInt, verifySolution, type Challenge, type Payload } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { createHmac } from 'node:crypto';
import type { CaptchaCheck, CaptchaVerifier } from './captcha.js';

export interface AltchaOptions {
  secret: string;
  /** PBKDF2 iterations per attempt. */
  cost: number;
  /** The solution's counter is drawn from [maxCounter/3, maxCounter]: the attempts a browser makes. */
  maxCounter: number;
  ttlSeconds: number;
}

const ALGORITHM = 'PBKDF2/SHA-256';

/** Self-hosted proof of work (altcha-lib v2): no outside calls, works offline. */
export class AltchaCaptcha implements CaptchaVerifier {
  private readonly signatureSecret: string;
  private readonly keySignatureSecret: string;

  constructor(private readonly options: AltchaOptions) {
    this.signatureSecret = createHmac('sha256', options.secret).update('altcha-signature').digest('hex');
    this.keySignatureSecret = createHmac('sha256', options.secret).update('altcha-key-signature').digest('hex');
  }

  /** What GET /captcha/challenge answers: the widget's `challengeurl`. */
  async challenge(now = Date.now()): Promise<Challenge> {
    const { cost, maxCounter, ttlSeconds } = this.options;
    return createChallenge({
      algorithm: ALGORITHM,
      cost,
      counter: randomInt(maxCounter, Math.max(1, Math.floor(maxCounter / 3))),
      deriveKey,
      expiresAt: Math.floor(now / 1000) + ttlSeconds,
      hmacSignatureSecret: this.signatureSecret,
      hmacKeySignatureSecret: this.keySignatureSecret,
    });
  }

  async verify(token: string): Promise<CaptchaCheck> {
    const payload = parsePayload(token);
    if (!payload) return { ok: false, reason: 'MALFORMED' };
    const { challenge, solution } = payload;
    if (challenge.parameters.algorithm !== ALGORITHM) return { ok: false, reason: 'FORGED' };
    let result;
    try {
      result = await verifySolution({
        challenge,
        solution,
        deriveKey,
        hmacSignatureSecret: this.signatureSecret,
        hmacKeySignatureSecret: this.keySignatureSecret,
      });
    } catch {
      return { ok: false, reason: 'MALFORMED' };
    }
    if (result.expired) return { ok: false, reason: 'EXPIRED' };
    if (result.invalidSignature) return { ok: false, reason: 'FORGED' };
    if (!result.verified) return { ok: false, reason: 'WRONG_SOLUTION' };
    const expiresAt = challenge.parameters.expiresAt;
    // Only signed challenges with an expiry are issued here; anything else is not ours.
    if (!expiresAt) return { ok: false, reason: 'FORGED' };
    return { ok: true, id: challenge.parameters.nonce, expiresAt: new Date(expiresAt * 1000) };
  }
}

/** The widget's value: base64 of `{ challenge, solution }`. Anything else is malformed. */
function parsePayload(token: string): Payload | null {
  if (token.length > 4096 || !/^[A-Za-z0-9+/=_-]+$/.test(token)) return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(token, 'base64').toString('utf8'));
  } catch {
    return null;
  }
  if (!isRecord(value) || !isRecord(value.challenge) || !isRecord(value.solution)) return null;
  const parameters = value.challenge.parameters;
  if (!isRecord(parameters) || typeof parameters.nonce !== 'string' || !/^[0-9a-f]{8,64}$/.test(parameters.nonce)) return null;
  if (typeof parameters.algorithm !== 'string' || typeof value.challenge.signature !== 'string') return null;
  if (typeof value.solution.counter !== 'number' || typeof value.solution.derivedKey !== 'string') return null;
  return value as unknown as Payload;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
