import type { EntityManager } from 'typeorm';
import { NumberSequence } from '../../entities/index.js';
import { retryOnWriteConflict } from '../db/conflicts.js';
import type { Database } from '../db/database.js';

const DRAW_DEADLINE_MS = 10_000;

export interface RequestNumbers {
  requestNumber: number;
  orderNumber: number;
}

/**
 * Draws a new request's numbers from their counters (number_sequence), in a transaction of
 * its own: the counters' rows are held only for that instant, not for the whole submission.
 * Two draws never return the same number — InnoDB's row lock orders them on one server, and
 * on a multi-primary cluster the later commit is refused and draws again.
 */
export function drawNumbers(db: Database): Promise<RequestNumbers> {
  return retryOnWriteConflict(
    () =>
      db.run((ds) =>
        ds.transaction(async (m) => {
          await m.increment(NumberSequence, { name: 'request_number' }, 'nextValue', 1);
          await m.increment(NumberSequence, { name: 'order_number' }, 'nextValue', 1);
          const rows = await m.findBy(NumberSequence, {});
          const next = (name: string) => rows.find((r) => r.name === name)!.nextValue - 1;
          return { requestNumber: next('request_number'), orderNumber: next('order_number') };
        }),
        // Draws queue on the counters' rows: more than a read's deadline when many submit at once.
        DRAW_DEADLINE_MS,
      ),
    5,
  );
}

/**
 * The next CRL number (RFC 5280 §5.2.3), drawn like a request's numbers: unique and increasing
 * across every instance of a cluster. The counter started just above the signing second, the
 * number CRLs carried before it (migration CrlNumber), so the sequence only grows.
 */
export function drawCrlNumber(db: Database): Promise<number> {
  return retryOnWriteConflict(
    () =>
      db.run(
        (ds) =>
          ds.transaction(async (m) => {
            await m.increment(NumberSequence, { name: 'crl_number' }, 'nextValue', 1);
            const row = await m.findOneByOrFail(NumberSequence, { name: 'crl_number' });
            return row.nextValue - 1;
          }),
        DRAW_DEADLINE_MS,
      ),
    5,
  );
}

/** After rows were loaded with their own numbers (the demo data): the counters continue past them. */
export async function continueNumbers(m: EntityManager): Promise<void> {
  for (const [name, column] of [
    ['request_number', 'request_number'],
    ['order_number', 'order_number'],
  ] as const) {
    const [row] = (await m.query(`SELECT COALESCE(MAX(${column}), 0) + 1 AS next FROM certificate_request`)) as { next: number | string }[];
    const counter = await m.findOneBy(NumberSequence, { name });
    if (Number(row.next) > (counter?.nextValue ?? 0)) await m.save(NumberSequence, { name, nextValue: Number(row.next) });
  }
}
