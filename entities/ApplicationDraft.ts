import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * An application being put together: opened by one solved CAPTCHA and the acceptance of the
 * terms, filled with documents, closed by the submission. Short-lived; its id is a random
 * token, the only key to its uploads.
 */
@Entity('application_draft')
@Index('ix_application_draft_expires', ['expiresAt'])
export class ApplicationDraft {
  @PrimaryColumn({ type: 'varchar', length: 43, name: 'id' })
  id!: string;

  @Column({ type: 'datetime', name: 'created_at' })
  createdAt!: Date;

  @Column({ type: 'datetime', name: 'expires_at' })
  expiresAt!: Date;

  /** Which version of the terms was accepted, when, and from which network (manual, section 3). */
  @Column({ type: 'varchar', length: 20, name: 'terms_version' })
  termsVersion!: string;

  @Column({ type: 'datetime', name: 'terms_accepted_at' })
  termsAcceptedAt!: Date;

  @Column({ type: 'varchar', length: 64, name: 'client_network' })
  clientNetwork!: string;

  @Column({ type: 'int', name: 'request_id', nullable: true })
  requestId!: number | null;

  /**
   * The applicant's e-mail, proven by a one-time code sent to it before the draft can be
   * submitted; the request's e-mails go only there. Only the code's keyed hash is kept.
   */
  @Column({ type: 'varchar', length: 254, name: 'email', nullable: true })
  email!: string | null;

  @Column({ type: 'varchar', length: 64, name: 'email_code_hash', nullable: true })
  emailCodeHash!: string | null;

  @Column({ type: 'datetime', name: 'email_code_expires_at', nullable: true })
  emailCodeExpiresAt!: Date | null;

  @Column({ type: 'datetime', name: 'email_code_sent_at', nullable: true })
  emailCodeSentAt!: Date | null;

  /** Codes sent, the first included: resends are limited. */
  @Column({ type: 'int', name: 'email_codes_sent', default: 0 })
  emailCodesSent!: number;

  /** Codes tried, over every code of the draft: a resend never grants more guesses. */
  @Column({ type: 'int', name: 'email_code_attempts', default: 0 })
  emailCodeAttempts!: number;

  @Column({ type: 'datetime', name: 'email_confirmed_at', nullable: true })
  emailConfirmedAt!: Date | null;
}
