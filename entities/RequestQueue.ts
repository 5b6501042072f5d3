import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The operators' queue: each request's stage, kept beside the status and steps it is derived
 * from (server/lifecycle/machine.ts) so that a stage can be read by index at any scale. Written
 * only by the lifecycle's one writing path (server/lifecycle/queue.ts), in the transaction of
 * every move and submission. An expired certificate stays ISSUED here: expiry is the passing of
 * `valid_to`, not a move, and the console derives it when it reads.
 */
@Entity('request_queue')
@Index('ix_request_queue_stage', ['stage', 'filedAt', 'requestId'])
@Index('ix_request_queue_stage_type', ['stage', 'certificateTypeId', 'filedAt', 'requestId'])
export class RequestQueue {
  @PrimaryColumn({ type: 'int', name: 'request_id' })
  requestId!: number;

  @Column({ type: 'varchar', length: 24, name: 'stage' })
  stage!: string;

  /** When the request was filed (its creation, which is its submission): ages count from here. */
  @Column({ type: 'datetime', name: 'filed_at' })
  filedAt!: Date;

  /** When it reached its stage. */
  @Column({ type: 'datetime', name: 'since' })
  since!: Date;

  @Column({ type: 'int', name: 'certificate_type_id' })
  certificateTypeId!: number;
}
