import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** What became of an approved transaction a payment provider reported (server/payments/). */
export const PAYMENT_OUTCOMES = ['APPLIED', 'AMOUNT_MISMATCH', 'UNKNOWN_REFERENCE', 'NOT_AWAITING_PAYMENT'] as const;
export type PaymentOutcome = (typeof PAYMENT_OUTCOMES)[number];

/**
 * An approved transaction reported by a payment provider, once: the unique index on the
 * provider's transaction id makes a replayed or concurrent event a no-op. Anything but APPLIED
 * is a discrepancy the operators' console shows (the request's page and its queue row).
 */
@Entity('payment_event')
@Index('uq_payment_event_transaction', ['provider', 'transactionId'], { unique: true })
@Index('ix_payment_event_request', ['requestId'])
@Index('ix_payment_event_received', ['receivedAt'])
export class PaymentEvent {
  @PrimaryGeneratedColumn({ type: 'int', name: 'id' })
  id!: number;

  @Column({ type: 'varchar', length: 16, name: 'provider' })
  provider!: string;

  @Column({ type: 'varchar', length: 64, name: 'transaction_id' })
  transactionId!: string;

  /** The payment reference as the provider reported it (an order number, when it names one). */
  @Column({ type: 'varchar', length: 64, name: 'reference' })
  reference!: string;

  @Column({ type: 'bigint', name: 'amount_in_cents', transformer: { to: (v: number) => v, from: (v: string | number | null) => (v === null ? null : Number(v)) } })
  amountInCents!: number;

  /** The request the reference names; null when it names none. */
  @Column({ type: 'int', name: 'request_id', nullable: true })
  requestId!: number | null;

  /** What that request costs, in cents, when it names one. */
  @Column({ type: 'bigint', name: 'expected_cents', nullable: true, transformer: { to: (v: number | null) => v, from: (v: string | number | null) => (v === null ? null : Number(v)) } })
  expectedCents!: number | null;

  @Column({ type: 'varchar', length: 24, name: 'outcome' })
  outcome!: PaymentOutcome;

  @Column({ type: 'datetime', name: 'received_at' })
  receivedAt!: Date;
}
