import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Catalog of certificate types ("Profesional Titulado", "Persona Jurídica", …). */
@Entity('certificate_type')
@Index('uq_certificate_type_code', ['code'], { unique: true })
export class CertificateType {
  @PrimaryGeneratedColumn({ type: 'int', name: 'id' })
  id!: number;

  @Column({ type: 'varchar', length: 40, name: 'code' })
  code!: string;

  @Column({ type: 'varchar', length: 100, name: 'name' })
  name!: string;

  @Column({ type: 'int', name: 'validity_days' })
  validityDays!: number;

  @Column({ type: 'boolean', name: 'requires_company', default: false })
  requiresCompany!: boolean;
}
