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
}
