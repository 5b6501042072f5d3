import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Transactional outbox: the e-mail for a step change is written in the same transaction as
 * the change, so there is never a change without its e-mail nor an e-mail without its change.
 * A sender delivers it through SMTP when SMTP_URL is set; otherwise it stays here.
 */
@Entity('notification_outbox')
@Index('ix_notification_outbox_pending', ['sentAt', 'id'])
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
}
