import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { StepKind, StepState } from './domain.js';
import type { CertificateRequest } from './CertificateRequest.js';

/** Paso: one row per step and request; the detail reads them all by the (request_id, kind) index. */
@Entity('request_step')
@Index('uq_request_step_kind', ['requestId', 'kind'], { unique: true })
export class RequestStep {
  @PrimaryGeneratedColumn({ type: 'int', name: 'id' })
  id!: number;

  @Column({ type: 'int', name: 'request_id' })
  requestId!: number;

  @ManyToOne('CertificateRequest', (r: CertificateRequest) => r.steps, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id', foreignKeyConstraintName: 'fk_request_step_request' })
  request!: CertificateRequest;

  @Column({ type: 'varchar', length: 16, name: 'kind' })
  kind!: StepKind;

  @Column({ type: 'varchar', length: 16, name: 'state' })
  state!: StepState;

  @Column({ type: 'datetime', name: 'modified_at', nullable: true })
  modifiedAt!: Date | null;

  /** The sentence the applicant reads in "Información", in Spanish (as partners have always read it). */
  @Column({ type: 'varchar', length: 500, name: 'information' })
  information!: string;

  /**
   * The sentence's key in STEP_TEXT (server/lifecycle/step-texts.ts), so it reads in the reader's
   * language; null for a sentence that is none of them, which is shown as stored.
   */
  @Column({ type: 'varchar', length: 32, name: 'text_code', nullable: true })
  textCode!: string | null;

  /** The sentence's `{placeholders}` as a JSON object (an operator's reason, as typed). */
  @Column({ type: 'varchar', length: 1000, name: 'text_params', nullable: true })
  textParams!: string | null;

  @Column({ type: 'varchar', length: 500, name: 'invoice_url', nullable: true })
  invoiceUrl!: string | null;
}
