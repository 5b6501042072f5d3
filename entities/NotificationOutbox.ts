import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Transactional outbox: the e-mail for a step change is written in the same transaction as
 * the change, so there is never a change without its e-mail nor an e-mail without its change.
 * A sender delivers it through SMTP when SMTP_URL is set; otherwise it stays here. With
 * several instances, each message is claimed (a lease) before it is sent, so it goes out once;
 * a failed one waits longer before each retry, and after the last try stays as a dead letter.
 */
@Entity('notification_outbox')
@Index('ix_notification_outbox_due', ['sentAt', 'deadAt', 'nextAttemptAt'])
export class NotificationOutbox {
  @PrimaryGeneratedColumn({ type: 'int', name: 'id' })
  id!: number;

  /** Null for an e-mail sent before there is a request (an application's confirmation code). */
  @Column({ type: 'int', name: 'request_id', nullable: true })
  requestId!: number | null;

  @Column({ type: 'varchar', length: 254, name: 'recipient' })
  recipient!: string;

  @Column({ type: 'varchar', length: 200, name: 'subject' })
  subject!: string;

  @Column({ type: 'varchar', length: 4000, name: 'body' })
  body!: string;

  @Column({ type: 'datetime', name: 'created_at' })
  createdAt!: Date;

  @Column({ type: 'datetime', name: 'sent_at', nullable: true })
  sentAt!: Date | null;

  @Column({ type: 'int', name: 'attempts', default: 0 })
  attempts!: number;

  @Column({ type: 'varchar', length: 500, name: 'last_error', nullable: true })
  lastError!: string | null;

  /** Not before this instant: now when queued, later after each failure (exponential backoff). */
  @Column({ type: 'datetime', name: 'next_attempt_at' })
  nextAttemptAt!: Date;

  /** The instance sending it now, and until when its claim holds (a crashed sender's claim lapses). */
  @Column({ type: 'varchar', length: 36, name: 'lease_owner', nullable: true })
  leaseOwner!: string | null;

  @Column({ type: 'datetime', name: 'lease_until', nullable: true })
  leaseUntil!: Date | null;

  /** Set after the last failed try: a dead letter, kept for `npm run ops -- outbox` and the metrics. */
  @Column({ type: 'datetime', name: 'dead_at', nullable: true })
  deadAt!: Date | null;
}
