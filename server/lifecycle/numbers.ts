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
 * The next CRL number (RFC 5280 §5.2.3), and what `read` reads in the same transaction (the
 * revoked certificates): a CRL with a greater number never lists less than one with a smaller.
 * Drawn like a request's numbers, so unique and increasing across every instance of a cluster,
 * and never below the current second — what CRL numbers were before this counter — so the
 * sequence keeps growing through a rolling upgrade, an instance whose clock ran ahead, or a
 * restored backup that set the counter back.
 */
export function drawCrlNumber<T>(db: Database, now: Date, read: (m: EntityManager) => Promise<T>): Promise<{ crlNumber: number; read: T }> {
  const second = Math.floor(now.getTime() / 1000);
  return retryOnWriteConflict(
    () =>
      db.run(
        (ds) =>
          ds.transaction(async (m) => {
            // The increment takes the counter's row first: whoever draws after waits, then reads after.
            await m.increment(NumberSequence, { name: 'crl_number' }, 'nextValue', 1);
            let crlNumber = (await m.findOneByOrFail(NumberSequence, { name: 'crl_number' })).nextValue - 1;
            if (crlNumber < second) {
              crlNumber = second;
              await m.update(NumberSequence, { name: 'crl_number' }, { nextValue: second + 1 });
            }
            return { crlNumber, read: await read(m) };
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
