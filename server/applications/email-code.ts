import { createHmac, hkdfSync, randomInt, timingSafeEqual } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { RateRule } from '../config.js';
import { queueEmail } from '../notifications/outbox.js';
import type { Pseudonymizer } from '../privacy.js';
import type { RateLimits } from '../ratelimit/limits.js';
import { RateLimited } from '../refusals.js';
import { ApplicationRefused } from './application-refused.js';

/** How an applicant proves they read the e-mail they give: a 6-digit code sent there. */
export const EMAIL_CODE = {
  ttlMs: 15 * 60_000,
  /** The fifth wrong code voids the draft: a million codes, five guesses. */
  maxAttempts: 5,
  /** Codes a draft may send, the first included. */
  maxSends: 4,
  resendAfterMs: 60_000,
  /** A mailbox's codes from all addresses together: this many times RATE_LIMIT_CODE_EMAIL. */
  mailboxFactor: 5,
} as const;

/**
 * Codes are kept only as an HMAC under a key derived from SSPS_SECRET, bound to their draft:
 * reading the table gives neither the code nor a way to try the million of them offline.
 */
export class EmailCodes {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = Buffer.from(hkdfSync('sha256', secret, 'ssps', 'email-code/v1', 32));
  }

  draw(): string {
    return String(randomInt(0, 1_000_000)).padStart(6, '0');
  }

  hash(draftId: string, code: string): string {
    return createHmac('sha256', this.key).update(`${draftId}:${code}`).digest('hex');
  }

  matches(draftId: string, code: string, storedHash: string | null): boolean {
    if (!storedHash) return false;
    const given = Buffer.from(this.hash(draftId, code), 'hex');
    const stored = Buffer.from(storedHash, 'hex');
    return given.length === stored.length && timingSafeEqual(given, stored);
  }
}

/** The code's e-mail, queued in the outbox in the caller's transaction (sent by SMTP when configured). */
export async function queueCodeEmail(m: EntityManager, recipient: string, code: string, now: Date): Promise<void> {
  await queueEmail(
    m,
    {
    requestId: null,
    recipient,
    subject: `Código de verificación de su solicitud: ${code}`,
    body: [
      `Su código para confirmar este correo en la solicitud de su certificado de firma digital es ${code}.`,
      'Escríbalo en la página de la solicitud. Vence en 15 minutos.',
      'No comparta este código con nadie: ni siquiera nuestros funcionarios se lo pedirán.',
      'Si usted no inició una solicitud, ignore este mensaje: sin el código nadie puede usar este correo.',
      '',
      `Your code to confirm this e-mail address for your digital-signature certificate application is ${code}.`,
      'It expires in 15 minutes. Never share it: not even our staff will ask for it. If you did not apply, ignore this message.',
    ].join('\n'),
    },
    now,
  );
}

/**
 * Spends one code e-mail to `email` asked from `ip`: per mailbox and asking address
 * (RATE_LIMIT_CODE_EMAIL), and per mailbox from everywhere (mailboxFactor times that), so nobody
 * can flood an inbox nor lock a stranger's address out from their own. ApplicationRefused past either.
 */
export function codeEmailBudget(limits: RateLimits, pseudonyms: Pseudonymizer, rule: RateRule) {
  const mailboxRule = { ...rule, points: rule.points * EMAIL_CODE.mailboxFactor };
  return async (email: string, ip: string): Promise<void> => {
    try {
      await limits.consumeClient('codeEmail', ip, email);
      await limits.consumeFixed('codeEmailAll', mailboxRule, pseudonyms.value('mailbox', email));
    } catch (error) {
      if (!(error instanceof RateLimited)) throw error;
      const message = 'Ya enviamos varios códigos a este correo. Revise su bandeja de entrada y la carpeta de correo no deseado, o espere antes de pedir otro.';
      throw new ApplicationRefused('RATE_LIMITED', [{ field: 'email', message }], { retryAfterSeconds: error.retryAfterSeconds });
    }
  };
}
