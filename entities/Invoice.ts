import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** The invoice of a verified payment; its PDF is generated on request at /invoices/<token>. */
@Entity('invoice')
@Index('uq_invoice_request', ['requestId'], { unique: true })
@Index('uq_invoice_token', ['token'], { unique: true })
export class Invoice {
  @PrimaryGeneratedColumn({ type: 'int', name: 'id' })
  id!: number;

  @Column({ type: 'int', name: 'request_id' })
  requestId!: number;

  @Column({ type: 'varchar', length: 40, name: 'invoice_number' })
  invoiceNumber!: string;

  /** Random and unguessable: the invoice names a person, so its address must not be walkable. */
  @Column({ type: 'varchar', length: 43, name: 'token' })
  token!: string;

  @Column({ type: 'datetime', name: 'issued_at' })
  issuedAt!: Date;
}
