import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The certificate issued for a request, from the applicant's own key (server/certificates/).
 * One per request: the unique index is the last word when two downloads race.
 */
@Entity('issued_certificate')
@Index('uq_issued_certificate_request', ['requestId'], { unique: true })
export class IssuedCertificate {
  @PrimaryGeneratedColumn({ type: 'int', name: 'id' })
  id!: number;

  @Column({ type: 'int', name: 'request_id' })
  requestId!: number;

  /** The request's serial number (lowercase hex), which the certificate carries. */
  @Column({ type: 'varchar', length: 32, name: 'serial_number' })
  serialNumber!: string;

  /** The certificate, PEM. */
  @Column({ type: 'text', name: 'certificate' })
  certificate!: string;

  @Column({ type: 'datetime', name: 'issued_at' })
  issuedAt!: Date;
}
