import { Refusal } from '../refusals.js';

/** A refusal of the applicant's input, field by field, in Spanish; nothing was written. */
export class ApplicationRefused extends Refusal {
  constructor(
    readonly code: 'BAD_USER_INPUT' | 'NOT_FOUND' | 'FAILED_PRECONDITION' | 'RATE_LIMITED',
    readonly fields: { field: string; message: string }[],
    /** What a client switches on besides the code: `reason`, `attemptsLeft`, `retryAfterSeconds`. */
    override readonly details: { reason?: string; attemptsLeft?: number; retryAfterSeconds?: number } = {},
  ) {
    super(fields.map((f) => `${f.field}: ${f.message}`).join('; '), details);
  }
}
