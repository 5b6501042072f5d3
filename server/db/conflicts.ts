import { QueryFailedError } from 'typeorm';
import { ServiceUnavailableError } from '../refusals.js';

/** The driver's error code (mysql2's `ER_…`, better-sqlite3's `SQLITE_…`) behind a TypeORM error, or the error's own. */
export function driverCode(error: unknown): string | undefined {
  const source = error instanceof QueryFailedError ? (error.driverError as { code?: unknown }) : (error as { code?: unknown } | null);
  return typeof source?.code === 'string' ? source.code : undefined;
}

/** A unique index refused the row: someone else wrote the same key first. */
export function isDuplicateKey(error: unknown): boolean {
  const code = driverCode(error);
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/**
 * Two transactions wrote the same rows and this one lost: InnoDB's deadlock victim, or on a
 * multi-primary cluster (Galera) a commit refused by certification — which MariaDB also
 * reports as ER_LOCK_DEADLOCK. The transaction was rolled back whole; repeating it is safe
 * when it reads what it writes afresh. On SQLite, a transaction that read and then writes
 * while another connection is writing (SQLITE_BUSY, at once: waiting could deadlock) or has
 * written since its read (SQLITE_BUSY_SNAPSHOT) lost the same way.
 */
export function isWriteConflict(error: unknown): boolean {
  const code = driverCode(error);
  return code === 'ER_LOCK_DEADLOCK' || code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_SNAPSHOT';
}

/** Runs `work` again (up to `tries` times in all) when it lost a write conflict; only for work that is safe to repeat whole. */
export async function retryOnWriteConflict<T>(work: () => Promise<T>, tries = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= tries || !isWriteConflict(error)) throw error;
      await pauseAfterConflict(attempt);
    }
  }
}

/** A short, random pause, longer after each lost try, so the winners of a race are done before the next try. */
export function pauseAfterConflict(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt));
}

/**
 * A transaction that lost a race it may repeat: a write conflict or a duplicate key, also when
 * SQLite's busy writer reached the caller as SERVICE_UNAVAILABLE (server/db/database.ts).
 */
export function lostRace(error: unknown): boolean {
  const cause = error instanceof ServiceUnavailableError ? error.cause : error;
  return isWriteConflict(cause) || isDuplicateKey(cause);
}
