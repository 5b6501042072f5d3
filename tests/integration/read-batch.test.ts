import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../server/db/database.js';
import { BatchedStatement, ReadBatcher } from '../../server/db/read-batch.js';
import { synthesize, SYNTH_ID_BASE } from '../../server/demo/synth.js';
import { buildScenarios } from '../../server/demo/scenarios.js';
import { seed } from '../../server/demo/seed.js';
import { createLogger } from '../../server/log.js';
import { ServiceUnavailableError } from '../../server/refusals.js';
import { DETAIL_STATEMENT, LOOKUP_STATEMENT } from '../../server/requests/lookup-service.js';
import { testDatabases } from '../support/databases.js';
import { statementRecorder } from '../support/statements.js';
import { serverFor } from '../support/server.js';

/**
 * Concurrent lookups and details share round trips to MySQL/MariaDB (server/db/read-batch.ts).
 * What must hold: each caller gets exactly the rows its own statement returns alone — never a row
 * of another caller's — and a batch that fails or waits too long fails only as one read would.
 */

type Row = Record<string, unknown>;
const withoutSlot = (rows: Row[]) => rows.map(({ batch_slot: _slot, ...row }) => row);

describe.each(testDatabases())('reads in batches on $name', (database) => {
  describe('the database layer', () => {
    let created: Awaited<ReturnType<typeof database.create>>;
    const statements: string[] = [];
    const counter = statementRecorder(statements);
    let db: Database;
    let alone: Database;
    const open = async (readBatch?: number) => {
      const d = new Database({ config: created.config, deadlineMs: 5_000, log: createLogger('silent'), queryLogger: counter, readBatch });
      await d.start();
      return d;
    };

    // Identities that exist (with 2–4 requests, or none), one that does not, one asked twice in
    // the same batch, and one whose stored spelling differs in case from the one asked: the
    // database's collation decides whether it matches, alone and batched alike.
    const identities: [string, string][] = [
      ...Array.from({ length: 9 }, (_, i): [string, string] => ['CC', String(SYNTH_ID_BASE + i * 7)]),
      ['CC', '1013592259'],
      ['CC', '999999999'],
      ['CC', String(SYNTH_ID_BASE + 7)],
      ['PA', 'xk123456'],
      ['PA', 'XK123456'],
    ];

    beforeAll(async () => {
      created = await database.create();
      db = await open();
      alone = await open(1);
      await db.run(async (ds) => {
        await seed(ds);
        await synthesize(ds, 200);
        await ds.query("INSERT INTO applicant (id_type, id_number, full_name, created_at) VALUES ('PA', 'XK123456', 'PASAPORTE DE PRUEBA', '2026-01-05 10:00:00')");
      }, 60_000);
    }, 120_000);
    afterAll(async () => {
      await db?.close();
      await alone?.close();
      await created?.drop();
    });

    it('answers concurrent lookups with one statement, each caller exactly the rows it gets alone', async () => {
      const single = [];
      for (const identity of identities) single.push(await alone.read<Row>(LOOKUP_STATEMENT.single, identity));
      expect(single.filter((rows) => rows.length > 0).length).toBeGreaterThanOrEqual(11);

      statements.length = 0;
      const batched = await Promise.all(identities.map((identity) => db.readBatched<Row>(LOOKUP_STATEMENT, identity)));
      expect(batched.map(withoutSlot)).toEqual(single);
      // MySQL/MariaDB: one round trip for all fourteen; SQLite answers in-process, each alone.
      expect(statements).toHaveLength(database.name === 'mysql' ? 1 : identities.length);
      if (database.name === 'mysql') expect(statements[0]).toMatch(/UNION ALL/);
    });

    it('answers concurrent details with one statement, each the steps of its own request', async () => {
      const requests = await db.read<{ id: number; applicant_id: number }>('SELECT id, applicant_id FROM certificate_request ORDER BY id', []);
      // Every fifth request, one asked with another person's applicant id (finds nothing), and one that does not exist.
      const asked: [number, number][] = [...requests.filter((_, i) => i % 5 === 0).slice(0, 12).map((r): [number, number] => [r.id, r.applicant_id]), [requests[1].id, requests[40].applicant_id], [9_999_999, 1]];
      const single = [];
      for (const pair of asked) single.push(await alone.read<Row>(DETAIL_STATEMENT.single, pair));
      expect(single.map((rows) => rows.length > 0)).toEqual([...Array(12).fill(true), false, false]);
      expect(single.reduce((sum, rows) => sum + rows.length, 0)).toBeGreaterThan(30);

      statements.length = 0;
      // Lookups asked in the same turn go in a batch of their own, beside the details'.
      const [batched, lookups] = await Promise.all([
        Promise.all(asked.map((pair) => db.readBatched<Row>(DETAIL_STATEMENT, pair))),
        Promise.all(identities.slice(0, 3).map((identity) => db.readBatched<Row>(LOOKUP_STATEMENT, identity))),
      ]);
      // The detail's statement has no order of its own: compared as sets of rows.
      const sorted = (rows: Row[]) => withoutSlot(rows).sort((a, b) => String(a.kind).localeCompare(String(b.kind)));
      expect(batched.map(sorted)).toEqual(single.map(sorted));
      expect(lookups.map((rows) => rows[0].id_number)).toEqual(identities.slice(0, 3).map(([, n]) => n));
      expect(statements).toHaveLength(database.name === 'mysql' ? 2 : asked.length + 3);
    });

    it('spreads many callers over the free connections in batches of 8 to DB_READ_BATCH, and sends each alone with 1', async () => {
      const many = Array.from({ length: 40 }, (_, i): [string, string] => ['CC', String(SYNTH_ID_BASE + i)]);
      statements.length = 0;
      const batched = await Promise.all(many.map((identity) => db.readBatched<Row>(LOOKUP_STATEMENT, identity)));
      for (const [i, rows] of batched.entries()) {
        expect(rows.length).toBeGreaterThanOrEqual(2);
        for (const row of rows) expect(row.id_number).toBe(String(SYNTH_ID_BASE + i));
      }
      // Spread over the free connections (ten), in batches of at least eight: five of eight.
      expect(statements).toHaveLength(database.name === 'mysql' ? 5 : 40);
      if (database.name === 'mysql') expect(statements.map((s) => s.split('UNION ALL').length)).toEqual([8, 8, 8, 8, 8]);

      // With one connection, callers wait for it and go at most sixteen at a time.
      if (database.name === 'mysql') {
        const sizes: number[] = [];
        const oneConnection = new ReadBatcher((sql, parameters, deadlineMs) => {
          sizes.push(sql.split('UNION ALL').length);
          return db.prepared<unknown[]>(sql, parameters, deadlineMs);
        }, 16, 1, 5_000);
        const answers = await Promise.all(many.map((identity) => oneConnection.read<Row>(LOOKUP_STATEMENT, identity)));
        expect(answers.map((rows) => rows[0].id_number)).toEqual(many.map(([, n]) => n));
        expect(sizes).toEqual([16, 16, 8]);
      }

      statements.length = 0;
      await Promise.all(many.slice(0, 10).map((identity) => alone.readBatched<Row>(LOOKUP_STATEMENT, identity)));
      expect(statements).toHaveLength(10);
      expect(statements.join(' ')).not.toMatch(/UNION ALL/);
    });

    it('fails every caller of a failing batch with its error, and the next batch goes on', async () => {
      const broken = new BatchedStatement('a.no_such_column', 'FROM applicant a WHERE a.id = ?');
      const outcomes = await Promise.allSettled([1, 2, 3].map((id) => db.readBatched<Row>(broken, [id])));
      for (const outcome of outcomes) {
        expect(outcome.status).toBe('rejected');
        expect(String((outcome as PromiseRejectedResult).reason)).toMatch(/no_such_column/);
      }
      const after = await Promise.all(identities.slice(0, 3).map((identity) => db.readBatched<Row>(LOOKUP_STATEMENT, identity)));
      expect(after.map((rows) => rows[0].id_number)).toEqual(identities.slice(0, 3).map(([, n]) => n));
    });

    // MySQL/MariaDB only: there the reads are batched, and SLEEP holds a batch as long as asked.
    if (database.name === 'mysql') {
      it('counts the wait for a free connection in each caller’s deadline', async () => {
        // One batch at a time, a 300 ms deadline. The first batch holds the one connection for
        // 900 ms (its statement sleeps that long): its caller is refused when its own deadline
        // passes, and so is the second, queued behind it, which is never sent.
        const sent: string[] = [];
        const slow = new BatchedStatement('SLEEP(?) AS s', 'FROM DUAL');
        const batcher = new ReadBatcher((sql, parameters) => {
          sent.push(sql);
          return db.prepared<unknown[]>(sql, parameters, 5_000);
        }, 16, 1, 300);
        const first = batcher.read(slow, [0.9]).catch((e: unknown) => e);
        await new Promise((r) => setImmediate(r));
        const started = performance.now();
        const second = await batcher.read(slow, [0]).catch((e: unknown) => e);
        expect(second).toBeInstanceOf(ServiceUnavailableError);
        expect(await first).toBeInstanceOf(ServiceUnavailableError);
        // At their deadline, not when the connection is free again (900 ms).
        expect(performance.now() - started).toBeLessThan(800);
        expect(sent).toHaveLength(1);
      });

      it('sends a batch with its youngest caller’s time: an old caller is refused at its own deadline, the fresh ones are answered', async () => {
        // A 1 s deadline, one batch at a time. A first batch holds the connection for 600 ms;
        // caller A asks at once, five more 400 ms later. They go together at 600 ms and take
        // 600 ms more (B's part sleeps): A's deadline passes at 1,000 ms, the others' at 1,400.
        const slow = new BatchedStatement('SLEEP(?) AS s', 'FROM DUAL');
        const batcher = new ReadBatcher((sql, parameters, deadlineMs) => db.prepared<unknown[]>(sql, parameters, deadlineMs), 16, 1, 1_000);
        const hog = batcher.read(slow, [0.6]);
        await new Promise((r) => setImmediate(r));
        const a = batcher.read(slow, [0]).catch((e: unknown) => e);
        await new Promise((r) => setTimeout(r, 400));
        const fresh = [batcher.read(slow, [0.6]), ...Array.from({ length: 4 }, () => batcher.read(slow, [0]))];
        expect(await a).toBeInstanceOf(ServiceUnavailableError);
        expect((await Promise.all(fresh)).map((rows) => rows.length)).toEqual([1, 1, 1, 1, 1]);
        expect(await hog).toHaveLength(1);
      });

      it('takes the statements in turn when connections are scarce: lookups arriving all the time never starve the details', async () => {
        // One connection. A lookup and a detail wait; the lookup goes first and, while it is out,
        // another lookup arrives: the next connection goes to the detail that waited, not to it.
        const order: string[] = [];
        let more = true;
        const batcher = new ReadBatcher((sql, parameters, deadlineMs) => {
          order.push(sql.includes('FROM applicant a') ? 'lookup' : 'detail');
          if (more) {
            more = false;
            void batcher.read(LOOKUP_STATEMENT, identities[1]);
          }
          return db.prepared<unknown[]>(sql, parameters, deadlineMs);
        }, 16, 1, 5_000);
        const [request] = await db.read<{ id: number; applicant_id: number }>('SELECT id, applicant_id FROM certificate_request ORDER BY id LIMIT 1', []);
        await Promise.all([batcher.read(LOOKUP_STATEMENT, identities[0]), batcher.read(DETAIL_STATEMENT, [request.id, request.applicant_id])]);
        await new Promise((r) => setTimeout(r, 200));
        expect(order).toEqual(['lookup', 'detail', 'lookup']);
      });

      it('fails the whole batch, and answers no one, when a row names no caller of it', async () => {
        // A statement whose own column overrides the slot (mysql2 keeps the last of two names).
        const wrong = new BatchedStatement('a.id, 7 AS batch_slot', 'FROM applicant a WHERE a.id = ?');
        const outcomes = await Promise.allSettled([1, 2, 3].map((id) => db.readBatched<Row>(wrong, [id])));
        for (const outcome of outcomes) {
          expect(outcome.status).toBe('rejected');
          expect(String((outcome as PromiseRejectedResult).reason)).toMatch(/slot 7 of 3/);
        }
      });

      it('answers SERVICE_UNAVAILABLE, not an internal error, when the pool and its queue are full', async () => {
        // Ten connections asleep, 200 requests queued behind them (the pool's queueLimit): the next one is refused at once.
        const busy = Array.from({ length: 210 }, () => db.read('SELECT SLEEP(0.05) AS s', []).catch((e: unknown) => e));
        const refused = await db.read('SELECT 1 AS one', []).catch((e: unknown) => e);
        expect(refused).toBeInstanceOf(ServiceUnavailableError);
        await Promise.all(busy);
      });
    }
  });

  describe('through the API', () => {
    const METRICS_TOKEN = 'metrics-token-0123456789abcdef';
    const server = serverFor(database, { METRICS_TOKEN });
    const batchSizes = async () => {
      const text = await (await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
      const value = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? 0);
      const count = value('ssps_db_read_batch_size_count');
      return { batches: count, callers: value('ssps_db_read_batch_size_sum'), ofThreeOrMore: count - value('ssps_db_read_batch_size_bucket\\{le="2"\\}') };
    };

    it('answers every demo person asked at once with their own requests, as when each asks alone', async () => {
      const { key } = await server.ssps.partners.create('portal-lote', { ratePerMinute: 10_000 });
      const QUERY = `query ($t: IdType!, $n: String!) { certificateRequests(idType: $t, idNumber: $n) { applicant { idType idNumber fullName } requests { orderNumber requestNumber holderName company certificateType status } } }`;
      const people = buildScenarios().flatMap((s) => (s.applicant ? [s.applicant] : []));
      expect(people.length).toBeGreaterThanOrEqual(8);
      const ask = (p: { idType: string; idNumber: string }) => server.gql(QUERY, { t: p.idType, n: p.idNumber }, { authorization: `Bearer ${key}` });
      const alone = [];
      for (const p of people) alone.push(await ask(p));
      // Three times over, all at once: once to open the connections, then each round on them.
      expect(await Promise.all([...people, ...people, ...people].map(ask))).toEqual([...alone, ...alone, ...alone]);
      const before = await batchSizes();
      const together = await Promise.all([...people, ...people, ...people].map(ask));
      expect(together).toEqual([...alone, ...alone, ...alone]);
      const after = await batchSizes();
      // On MySQL/MariaDB they shared round trips (how many depends on how they arrived); SQLite reads in-process.
      if (database.name === 'mysql') {
        expect(after.callers - before.callers).toBe(3 * people.length);
        expect(after.ofThreeOrMore - before.ofThreeOrMore).toBeGreaterThan(0);
      } else expect(after.batches).toBe(0);
      for (const [i, answer] of alone.entries()) {
        expect(answer.errors).toBeUndefined();
        expect((answer.data as { certificateRequests: { applicant: { idNumber: string } } }).certificateRequests.applicant.idNumber).toBe(people[i].idNumber);
      }
    });
  });
});
