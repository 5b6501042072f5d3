import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A reminder that a certificate expires soon, e-mailed once: the unique (request, days) pair is
 * what keeps two instances, or two runs, from sending the same reminder twice.
 */
@Entity('expiry_reminder')
@Index('uq_expiry_reminder_request_days', ['requestId', 'daysBefore'], { unique: true })
export class ExpiryReminder {
  @PrimaryGeneratedColumn({ type: 'int', name: 'id' })
  id!: number;

  @Column({ type: 'int', name: 'request_id' })
  requestId!: number;

  /** 30 or 7: how many days before valid_to it is sent. */
  @Column({ type: 'int', name: 'days_before' })
  daysBefore!: number;

  @Column({ type: 'datetime', name: 'sent_at' })
  sentAt!: Date;
}
