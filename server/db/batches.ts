import { In, type EntityTarget, type FindOptionsWhere, type ObjectLiteral } from 'typeorm';
import type { Database } from './database.js';

/** Rows per DELETE: each batch is a short statement of its own, so a purge never holds a big table's locks for long. */
export const PURGE_BATCH = 1_000;

/**
 * Deletes what `where` matches, PURGE_BATCH rows at a time (their keys read first, then
 * deleted by key: SQLite has no DELETE … LIMIT), until none is left; returns how many.
 */
export async function deleteInBatches<E extends ObjectLiteral>(db: Database, entity: EntityTarget<E>, where: FindOptionsWhere<E>, key: keyof E & string): Promise<number> {
  let deleted = 0;
  for (;;) {
    const rows = await db.run((ds) => ds.getRepository(entity).find({ select: { [key]: true } as never, where, take: PURGE_BATCH }));
    if (rows.length === 0) return deleted;
    const result = await db.run((ds) => ds.getRepository(entity).delete({ [key]: In(rows.map((r) => r[key])) } as FindOptionsWhere<E>));
    deleted += result.affected ?? rows.length;
    if (rows.length < PURGE_BATCH) return deleted;
  }
}
