import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * rate-limiter-flexible's counters when they live in the database (no REDIS_URL): the
 * table its MySQL and SQLite stores expect, created by our migrations rather than by the
 * library, so the schema has one author.
 */
@Entity('rate_limit')
export class RateLimitCounter {
  @PrimaryColumn({ type: 'varchar', length: 255, name: 'key' })
  key!: string;

  @Column({ type: 'int', name: 'points', default: 0 })
  points!: number;

  @Column({ type: 'bigint', name: 'expire', nullable: true })
  expire!: string | null;
}
