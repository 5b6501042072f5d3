import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const PARTNER_ROLES = ['partner', 'operator'] as const;
export type PartnerRole = (typeof PARTNER_ROLES)[number];

/**
 * A partner portal (or an operator's tool) that calls the API with an API key instead of
 * a CAPTCHA. Only the key's SHA-256 is kept: the key itself is shown once, at creation.
 */
@Entity('partner')
@Index('uq_partner_name', ['name'], { unique: true })
@Index('uq_partner_key_hash', ['keyHash'], { unique: true })
export class Partner {
  @PrimaryGeneratedColumn({ type: 'int', name: 'id' })
  id!: number;

  @Column({ type: 'varchar', length: 80, name: 'name' })
  name!: string;

  @Column({ type: 'varchar', length: 16, name: 'role', default: 'partner' })
  role!: PartnerRole;

  /** SHA-256 of the key, hex. Keys carry ≥ 128 random bits, so a fast hash cannot be reversed. */
  @Column({ type: 'varchar', length: 64, name: 'key_hash' })
  keyHash!: string;

  /** The key's first characters, to tell keys apart in listings. */
  @Column({ type: 'varchar', length: 16, name: 'key_prefix' })
  keyPrefix!: string;

  /** Lookups and detail reads a minute. */
  @Column({ type: 'int', name: 'rate_per_minute' })
  ratePerMinute!: number;

  @CreateDateColumn({ type: 'datetime', name: 'created_at' })
  createdAt!: Date;

  @Column({ type: 'datetime', name: 'expires_at', nullable: true })
  expiresAt!: Date | null;

  @Column({ type: 'datetime', name: 'revoked_at', nullable: true })
  revokedAt!: Date | null;
}
