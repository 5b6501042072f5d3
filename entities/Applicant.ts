import { Column, CreateDateColumn, Entity, Index, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import type { IdType } from './domain.js';
import type { CertificateRequest } from './CertificateRequest.js';

/** Solicitante. The public lookup reads it by the unique (id_type, id_number) index. */
@Entity('applicant')
@Index('uq_applicant_identity', ['idType', 'idNumber'], { unique: true })
// The operators' search by name: a prefix of the stored (upper-case NFC) name.
@Index('ix_applicant_full_name', ['fullName'])
export class Applicant {
  @PrimaryGeneratedColumn({ type: 'int', name: 'id' })
  id!: number;

  @Column({ type: 'varchar', length: 8, name: 'id_type' })
  idType!: IdType;

  @Column({ type: 'varchar', length: 20, name: 'id_number' })
  idNumber!: string;

  @Column({ type: 'varchar', length: 200, name: 'full_name' })
  fullName!: string;

  @Column({ type: 'varchar', length: 254, name: 'email', nullable: true })
  email!: string | null;

  @Column({ type: 'varchar', length: 20, name: 'phone', nullable: true })
  phone!: string | null;

  @CreateDateColumn({ type: 'datetime', name: 'created_at' })
  createdAt!: Date;

  @OneToMany('CertificateRequest', (r: CertificateRequest) => r.applicant)
  requests!: CertificateRequest[];
}
