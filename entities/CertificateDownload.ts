import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A delivered certificate's download link. The e-mail carries a random token in the page's
 * fragment; only its SHA-256 is kept. One open link per request (`open_request_id`, unique,
 * NULL once used or replaced by a new link); used once, and only until `expires_at`.
 */
@Entity('certificate_download')
@Index('uq_certificate_download_open_request', ['openRequestId'], { unique: true })
@Index('uq_certificate_download_token_hash', ['tokenHash'], { unique: true })
@Index('ix_certificate_download_request', ['requestId'])
export class CertificateDownload {
  @PrimaryGeneratedColumn({ type: 'int', name: 'id' })
  id!: number;

  @Column({ type: 'int', name: 'request_id' })
  requestId!: number;

  @Column({ type: 'int', name: 'open_request_id', nullable: true })
  openRequestId!: number | null;

  /** SHA-256 (hex) of the link's token. */
  @Column({ type: 'varchar', length: 64, name: 'token_hash' })
  tokenHash!: string;

  @Column({ type: 'datetime', name: 'created_at' })
  createdAt!: Date;

  @Column({ type: 'datetime', name: 'expires_at' })
  expiresAt!: Date;

  /** When the certificate was issued through it; the link opens nothing after. */
  @Column({ type: 'datetime', name: 'used_at', nullable: true })
  usedAt!: Date | null;
}
