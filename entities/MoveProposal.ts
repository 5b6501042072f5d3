import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const PROPOSAL_OUTCOMES = ['APPROVED', 'DECLINED'] as const;
export type ProposalOutcome = (typeof PROPOSAL_OUTCOMES)[number];

/**
 * Four eyes: a delivery or a revocation proposed by one operator, carried out only when a
 * supervisor other than the proposer approves it. `open_request_id` holds the request's id
 * while the proposal is open and NULL once it is decided; its unique index is what keeps a
 * request to one open proposal even when two instances propose at once (both databases
 * allow any number of NULLs in a unique index).
 */
@Entity('move_proposal')
@Index('uq_move_proposal_open_request', ['openRequestId'], { unique: true })
@Index('ix_move_proposal_request', ['requestId'])
export class MoveProposal {
  @PrimaryGeneratedColumn({ type: 'int', name: 'id' })
  id!: number;

  @Column({ type: 'int', name: 'request_id' })
  requestId!: number;

  @Column({ type: 'int', name: 'open_request_id', nullable: true })
  openRequestId!: number | null;

  /** The move proposed: `deliver` or `revoke`. */
  @Column({ type: 'varchar', length: 24, name: 'move' })
  move!: string;

  /** A revocation's RFC 5280 reason; null for a delivery. */
  @Column({ type: 'varchar', length: 32, name: 'reason', nullable: true })
  reason!: string | null;

  /** The operator's stable id (`oidc:<sub>`, `key:<partner id>`, `ops-cli:<name>`): what four eyes compares. */
  @Column({ type: 'varchar', length: 255, name: 'proposed_by_id' })
  proposedById!: string;

  @Column({ type: 'varchar', length: 80, name: 'proposed_by_name' })
  proposedByName!: string;

  @Column({ type: 'datetime', name: 'proposed_at' })
  proposedAt!: Date;

  @Column({ type: 'varchar', length: 255, name: 'decided_by_id', nullable: true })
  decidedById!: string | null;

  @Column({ type: 'varchar', length: 80, name: 'decided_by_name', nullable: true })
  decidedByName!: string | null;

  @Column({ type: 'datetime', name: 'decided_at', nullable: true })
  decidedAt!: Date | null;

  @Column({ type: 'varchar', length: 16, name: 'outcome', nullable: true })
  outcome!: ProposalOutcome | null;

  /** Why a supervisor declined it. */
  @Column({ type: 'varchar', length: 300, name: 'decline_reason', nullable: true })
  declineReason!: string | null;

  /** Optimistic lock: of two supervisors deciding at once, one wins. */
  @Column({ type: 'int', name: 'version', default: 1 })
  version!: number;
}
