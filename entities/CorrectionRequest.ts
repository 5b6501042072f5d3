import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An operator's request that the applicant upload missing or better documents. While it is
 * open (`open_request_id` set, unique: one open correction per request) and not expired the
 * request's stage is AWAITING_CORRECTION (server/lifecycle/machine.ts). The applicant's link
 * carries a random token; only its SHA-256 is kept. The documents received are the
 * request_document rows whose `draft_id` is `correction:<id>`.
 */
@Entity('correction_request')
@Index('uq_correction_request_open_request', ['openRequestId'], { unique: true })
@Index('uq_correction_request_token_hash', ['tokenHash'], { unique: true })
@Index('ix_correction_request_request', ['requestId'])
export class CorrectionRequest {
  @PrimaryGeneratedColumn({ type: 'int', name: 'id' })
  id!: number;

  @Column({ type: 'int', name: 'request_id' })
  requestId!: number;

  @Column({ type: 'int', name: 'open_request_id', nullable: true })
  openRequestId!: number | null;

  /** The document kinds asked for, comma-separated (server/applications/requirements.ts DOCUMENT_KINDS). */
  @Column({ type: 'varchar', length: 200, name: 'kinds' })
  kinds!: string;

  /** What the applicant reads: why these documents are needed. */
  @Column({ type: 'varchar', length: 300, name: 'reason' })
  reason!: string;

  @Column({ type: 'varchar', length: 255, name: 'requested_by_id' })
  requestedById!: string;

  @Column({ type: 'varchar', length: 80, name: 'requested_by_name' })
  requestedByName!: string;

  @Column({ type: 'datetime', name: 'requested_at' })
  requestedAt!: Date;

  /** SHA-256 (hex) of the link's token. */
  @Column({ type: 'varchar', length: 64, name: 'token_hash' })
  tokenHash!: string;

  @Column({ type: 'datetime', name: 'expires_at' })
  expiresAt!: Date;

  /** When the last document asked for arrived; the token stops working then. */
  @Column({ type: 'datetime', name: 'completed_at', nullable: true })
  completedAt!: Date | null;
}
