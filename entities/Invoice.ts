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

  /** The amounts invoiced, in whole pesos, as priced when the payment was verified; null on invoices from before prices existed. */
  @Column({ type: 'int', name: 'subtotal_cop', nullable: true })
  subtotalCop!: number | null;

  @Column({ type: 'int', name: 'vat_cop', nullable: true })
  vatCop!: number | null;

  @Column({ type: 'int', name: 'total_cop', nullable: true })
  totalCop!: number | null;

  /** DIAN's CUFE of the electronic invoice (SHA-384, 96 lowercase hex), when the operator recorded one. */
  @Column({ type: 'varchar', length: 96, name: 'cufe', nullable: true })
  cufe!: string | null;
}
