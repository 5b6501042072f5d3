import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** History: every move on a request — who, when, from which state to which, and why. */
@Entity('request_event')
@Index('ix_request_event_request', ['requestId', 'occurredAt'])
// The operators' activity, newest first: all of it, or one operator's.
@Index('ix_request_event_occurred', ['occurredAt'])
@Index('ix_request_event_actor', ['actor', 'occurredAt'])
export class RequestEvent {
  @PrimaryGeneratedColumn({ type: 'int', name: 'id' })
  id!: number;

  @Column({ type: 'int', name: 'request_id' })
  requestId!: number;

  @Column({ type: 'datetime', name: 'occurred_at' })
  occurredAt!: Date;

  /** The operator's key name, or `ops-cli:<name>` (--as or SSPS_OPERATOR) for the command line, or `applicant`. */
  @Column({ type: 'varchar', length: 80, name: 'actor' })
  actor!: string;

  @Column({ type: 'varchar', length: 24, name: 'move' })
  move!: string;

  /** The request's stage before and after, e.g. AWAITING_PAYMENT → AWAITING_APPROVAL. */
  @Column({ type: 'varchar', length: 24, name: 'from_stage' })
  fromStage!: string;

  @Column({ type: 'varchar', length: 24, name: 'to_stage' })
  toStage!: string;

  @Column({ type: 'varchar', length: 1000, name: 'reason', nullable: true })
  reason!: string | null;

  /**
   * HMAC-SHA256 (hex) chaining this entry to the request's previous one (server/lifecycle/history.ts).
   * Null only on entries written before the chain existed, which verify-history reports as unsealed.
   */
  @Column({ type: 'varchar', length: 64, name: 'hash', nullable: true })
  hash!: string | null;
}
