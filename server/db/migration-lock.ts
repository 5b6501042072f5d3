import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { isDuplicateKey, isWriteConflict } from './conflicts.js';

/**
 * How long a lock lives without its holder renewing it (a crashed instance's lock lapses). A live
 * holder renews it every HOLD_MS / 4, however long its migrations take: one that copies a large
 * table (WideAuditKey) can run past any fixed allowance, and another instance must not start the
 * same migrations beside it.
 */
const HOLD_MS = 10 * 60_000;
const WAIT_STEP_MS = 250;

/**
 * Runs `work` (the migrations) while holding the database's one migration lock, so instances
 * started together on an empty database migrate once: the others wait, then find nothing left
 * to run. The lock is a row in `migration_lock` (its time in epoch milliseconds), created outside the migrations (they cannot
 * lock themselves). A row, not GET_LOCK(): a Galera cluster refuses GET_LOCK, and a row's
 * insert is ordered across its nodes like any write.
 */
export async function withMigrationLock<T>(ds: DataSource, work: () => Promise<T>, waitMs = 5 * 60_000, holdMs = HOLD_MS): Promise<T> {
  const mysql = ds.options.type !== 'better-sqlite3';
  await ds.query(
    mysql
      ? 'CREATE TABLE IF NOT EXISTS migration_lock (id INT NOT NULL PRIMARY KEY, owner VARCHAR(36) NOT NULL, held_until BIGINT NOT NULL) ENGINE=InnoDB'
      : 'CREATE TABLE IF NOT EXISTS migration_lock (id INTEGER NOT NULL PRIMARY KEY, owner VARCHAR(36) NOT NULL, held_until BIGINT NOT NULL)',
  );
  const owner = randomUUID();
  const deadline = Date.now() + waitMs;
  for (;;) {
    const now = Date.now();
    try {
      // A holder past its time is presumed dead; then the lock is taken.
      await ds.query('DELETE FROM migration_lock WHERE id = 1 AND held_until < ?', [now]);
      await ds.query('INSERT INTO migration_lock (id, owner, held_until) VALUES (1, ?, ?)', [owner, now + holdMs]);
      break;
    } catch (error) {
      if (!isDuplicateKey(error) && !isWriteConflict(error)) throw error;
      if (Date.now() > deadline) throw new Error('another instance has held the migration lock for too long', { cause: error });
      await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
    }
  }
  let renewing: Promise<unknown> = Promise.resolve();
  const renewal = setInterval(() => {
    // A failed renewal is not fatal: the next one tries again, and the lock lasts holdMs meanwhile.
    renewing = ds.query('UPDATE migration_lock SET held_until = ? WHERE id = 1 AND owner = ?', [Date.now() + holdMs, owner]).catch(() => {});
  }, holdMs / 4);
  try {
    return await work();
  } finally {
    clearInterval(renewal);
    await renewing;
    await ds.query('DELETE FROM migration_lock WHERE id = 1 AND owner = ?', [owner]);
  }
}
