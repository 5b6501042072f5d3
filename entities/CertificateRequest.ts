import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { RequestStatus } from './domain.js';
import type { Applicant } from './Applicant.js';
import type { CertificateType } from './CertificateType.js';
import type { RequestStep } from './RequestStep.js';

/** Solicitud. `id` is internal; applicants see `requestNumber` and reach a detail only through a handle. */
@Entity('certificate_request')
@Index('ix_certificate_request_applicant', ['applicantId'])
@Index('uq_certificate_request_number', ['requestNumber'], { unique: true })
@Index('uq_certificate_request_serial', ['serialNumber'], { unique: true })
// The operators' search by order number.
@Index('ix_certificate_request_order', ['orderNumber'])
// The CRL's check for new revocations reads the revoked requests only.
@Index('ix_certificate_request_revoked', ['revokedAt'])
export class CertificateRequest {
  @PrimaryGeneratedColumn({ type: 'int', name: 'id' })
  id!: number;

  @Column({ type: 'int', name: 'request_number' })
  requestNumber!: number;

  @Column({ type: 'int', name: 'order_number' })
  orderNumber!: number;

  @Column({ type: 'int', name: 'applicant_id' })
  applicantId!: number;

  @ManyToOne('Applicant', (a: Applicant) => a.requests, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'applicant_id', foreignKeyConstraintName: 'fk_certificate_request_applicant' })
  applicant!: Applicant;

  @Column({ type: 'varchar', length: 200, name: 'holder_name' })
  holderName!: string;

  @Column({ type: 'varchar', length: 200, name: 'company', nullable: true })
  company!: string | null;

  @Column({ type: 'varchar', length: 200, name: 'project', nullable: true })
  project!: string | null;

  @Column({ type: 'int', name: 'certificate_type_id' })
  certificateTypeId!: number;

  @ManyToOne('CertificateType', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'certificate_type_id', foreignKeyConstraintName: 'fk_certificate_request_type' })
  certificateType!: CertificateType;

  @Column({ type: 'varchar', length: 16, name: 'status' })
  status!: RequestStatus;

  /** Fecha emisión: when the certificate was issued. */
  @Column({ type: 'datetime', name: 'issued_at', nullable: true })
  issuedAt!: Date | null;

  /** 16 random bytes, lowercase hex (the manual's 3b00cdd4a8d648335efb415e3b273bd8). */
  @Column({ type: 'varchar', length: 32, name: 'serial_number', nullable: true })
  serialNumber!: string | null;

  @Column({ type: 'datetime', name: 'valid_from', nullable: true })
  validFrom!: Date | null;

  @Column({ type: 'datetime', name: 'valid_to', nullable: true })
  validTo!: Date | null;

  @Column({ type: 'datetime', name: 'revoked_at', nullable: true })
  revokedAt!: Date | null;

  /** RFC 5280 §5.3.1 CRLReason name, e.g. keyCompromise. */
  @Column({ type: 'varchar', length: 32, name: 'revocation_reason', nullable: true })
  revocationReason!: string | null;

  /**
   * Where this request's e-mails go: the address the applicant confirmed when applying, and
   * the phone given then. They belong to the request, never to the person: another
   * application with the same ID number cannot redirect them.
   */
  @Column({ type: 'varchar', length: 254, name: 'contact_email', nullable: true })
  contactEmail!: string | null;

  @Column({ type: 'varchar', length: 20, name: 'contact_phone', nullable: true })
  contactPhone!: string | null;

  /** The language the applicant applied in (es, en): the request's e-mails are written in it. */
  @Column({ type: 'varchar', length: 2, name: 'contact_language', default: 'es' })
  contactLanguage!: 'es' | 'en';

  /** Optimistic lock: every move updates `WHERE version = <read version>`, so of two concurrent moves one wins. */
  @Column({ type: 'int', name: 'version', default: 1 })
  version!: number;

  @CreateDateColumn({ type: 'datetime', name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'datetime', name: 'updated_at' })
  updatedAt!: Date;

  @OneToMany('RequestStep', (s: RequestStep) => s.request)
  steps!: RequestStep[];
}
