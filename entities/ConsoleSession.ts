import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * An operator signed in to the console. The cookie holds the session's random id sealed under
 * SSPS_SECRET; this row is what makes it live, so signing out (deleting it) ends the session on
 * every instance, and a copy of the cookie kept from before is refused. Only a hash of the id is
 * stored: a read of this table gives nobody a session.
 */
@Entity('console_session')
@Index('ix_console_session_expires', ['expiresAt'])
export class ConsoleSession {
  /** SHA-256 of the session id, hex. */
  @PrimaryColumn({ type: 'varchar', length: 64, name: 'id_hash' })
  idHash!: string;

  /** `oidc:<sub>`, as Operator.id. */
  @Column({ type: 'varchar', length: 300, name: 'operator_id' })
  operatorId!: string;

  @Column({ type: 'varchar', length: 200, name: 'operator_name' })
  operatorName!: string;

  /** The roles granted at sign-in, space-separated. */
  @Column({ type: 'varchar', length: 100, name: 'roles' })
  roles!: string;

  @Column({ type: 'datetime', name: 'created_at' })
  createdAt!: Date;

  /** The last use, moved forward as the session is used (the idle timeout counts from it). */
  @Column({ type: 'datetime', name: 'last_seen_at' })
  lastSeenAt!: Date;

  /** The absolute end (CONSOLE_MAX_HOURS after sign-in), however busy the session. */
  @Column({ type: 'datetime', name: 'expires_at' })
  expiresAt!: Date;
}
