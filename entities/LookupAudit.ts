import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const AUDIT_KINDS = ['LOOKUP', 'DETAIL', 'SERIAL'] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

/**
 * Who consulted whose data (Ley 1581 de 2012, art. 4(f)–(g) and the holder's right to know):
 * one row per lookup, detail read or partner's serial check, written off the request's path.
 */
@Entity('lookup_audit')
// One index, led by time: every write lands at its end, in pages that stay in memory. An index
// led by the identity's hash put each write at a random place in an index as large as the
// retention period, which cost the database more than the lookup itself (BENCHMARKS.md). The
// purge reads it by time; a person's consultations, by time and then hash, within the index.
@Index('ix_lookup_audit_occurred_identity', ['occurredAt', 'identityHash'])
export class LookupAudit {
  // 64-bit on both drivers: SQLite's INTEGER key is; on MySQL the data source widens it to
  // bigint (server/db/data-source.ts), since every request draws one. Read back as a string there.
  @PrimaryGeneratedColumn({ type: 'int', name: 'id' })
  id!: number | string;

  @Column({ type: 'datetime', name: 'occurred_at' })
  occurredAt!: Date;

  @Column({ type: 'varchar', length: 8, name: 'kind' })
  kind!: AuditKind;

  /** Keyed hash (HMAC-SHA256 under SSPS_SECRET) of id type and number: no readable ID numbers at rest. */
  @Column({ type: 'varchar', length: 64, name: 'identity_hash', nullable: true })
  identityHash!: string | null;

  /** The request read, for detail reads and serial checks. */
  @Column({ type: 'int', name: 'request_id', nullable: true })
  requestId!: number | null;

  /** Null for an anonymous (CAPTCHA) caller. */
  @Column({ type: 'int', name: 'partner_id', nullable: true })
  partnerId!: number | null;

  /** The client's network, not its address: IPv4 /24, IPv6 /48. */
  @Column({ type: 'varchar', length: 64, name: 'client_network' })
  clientNetwork!: string;

  /** OK, or the refusal's code (RATE_LIMITED, CAPTCHA_INVALID, NOT_FOUND…). */
  @Column({ type: 'varchar', length: 24, name: 'outcome' })
  outcome!: string;

  @Column({ type: 'int', name: 'result_count' })
  resultCount!: number;
}
