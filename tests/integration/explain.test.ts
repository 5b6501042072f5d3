import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { openDatabase } from '../../server/db/data-source.js';
import { synthesize, SYNTH_ID_BASE } from '../../server/demo/synth.js';
import { consultationsQuery } from '../../server/audit/audit-log.js';
import { DETAIL_SQL, DETAIL_STATEMENT, LOOKUP_SQL, LOOKUP_STATEMENT } from '../../server/requests/lookup-service.js';
import { activityQuery, exactSearchQuery, exactTerms, nameSearchQuery, queueQuery } from '../../server/console/console-service.js';
import { testDatabases } from '../support/databases.js';

// The lookup and the detail must stay index point reads however many people there are:
// the plans are read from the database itself, on enough synthetic data to make a scan tempting.
describe.each(testDatabases())('query plans on $name', (database) => {
  let created: Awaited<ReturnType<typeof database.create>>;
  let ds: DataSource;
  beforeAll(async () => {
    created = await database.create();
    ds = await openDatabase({ database: created.config, timeoutMs: 10_000 });
    await synthesize(ds, 3_000);
    // A year of audit: a few hundred entries a day, each of someone else.
    const values: unknown[] = [];
    for (let i = 0; i < 20_000; i++) {
      const at = new Date(Date.now() - (i % 365) * 86_400_000 - i).toISOString().replace('T', ' ').slice(0, 23);
      values.push(at, `h${i % 5_000}`);
    }
    for (let i = 0; i < values.length; i += 2 * 500) {
      const chunk = values.slice(i, i + 2 * 500);
      await ds.query(
        `INSERT INTO lookup_audit (occurred_at, kind, identity_hash, client_network, outcome, result_count) VALUES ${Array(chunk.length / 2).fill("(?, 'LOOKUP', ?, '10.0.0.0/24', 'OK', 1)").join(', ')}`,
        chunk,
      );
    }
    // The operators' activity: a few moves for each of the first thousands of requests, by twenty operators.
    const events: unknown[] = [];
    for (let i = 0; i < 6_000; i++) {
      const at = new Date(Date.now() - (6_000 - i) * 600_000).toISOString().replace('T', ' ').slice(0, 19);
      events.push(1 + (i % 9_000), at, `operador-${i % 20}`);
    }
    for (let i = 0; i < events.length; i += 3 * 500) {
      const chunk = events.slice(i, i + 3 * 500);
      await ds.query(
        `INSERT INTO request_event (request_id, occurred_at, actor, move, from_stage, to_stage) VALUES ${Array(chunk.length / 3).fill("(?, ?, ?, 'approve', 'AWAITING_APPROVAL', 'AWAITING_DELIVERY')").join(', ')}`,
        chunk,
      );
    }
    if (database.name === 'mysql') await ds.query('ANALYZE TABLE applicant, certificate_request, request_step, certificate_type, lookup_audit, request_queue, request_event');
    else await ds.query('ANALYZE');
  }, 120_000);
  afterAll(async () => {
    await ds?.destroy();
    await created?.drop();
  });

  async function plan(sql: string, params: unknown[]): Promise<string[]> {
    if (database.name === 'mysql') {
      const rows = (await ds.query(`EXPLAIN ${sql}`, params)) as { table: string; type: string; key: string | null; Extra: string | null }[];
      return rows.map((r) => `${r.table}:${r.type}:${r.key}:${r.Extra ?? ''}`);
    }
    const rows = (await ds.query(`EXPLAIN QUERY PLAN ${sql}`, params)) as { detail: string }[];
    return rows.map((r) => r.detail);
  }

  function expectIndexOnly(steps: string[]) {
    expect(steps.length).toBeGreaterThan(0);
    for (const step of steps) {
      if (database.name === 'mysql') {
        expect(step, step).not.toMatch(/:ALL:|:index:|:null:/);
      } else {
        // Sorting one person's few requests newest first is fine; reading a table through is not.
        expect(step, step).toMatch(/^SEARCH .* USING (INTEGER PRIMARY KEY|(COVERING )?INDEX)|^USE TEMP B-TREE FOR ORDER BY$/);
      }
    }
  }

  it('reads the lookup through uq_applicant_identity and the requests\' indexes, never a scan', async () => {
    const steps = await plan(LOOKUP_SQL, ['CC', String(SYNTH_ID_BASE + 1234)]);
    expectIndexOnly(steps);
    expect(steps.join(' ')).toMatch(/uq_applicant_identity/);
  });

  it('reads the detail by primary key and uq_request_step_kind, never a scan', async () => {
    const [{ id, applicant_id }] = (await ds.query('SELECT id, applicant_id FROM certificate_request ORDER BY id DESC LIMIT 1')) as { id: number; applicant_id: number }[];
    const steps = await plan(DETAIL_SQL, [id, applicant_id]);
    expectIndexOnly(steps);
    expect(steps.join(' ')).toMatch(/uq_request_step_kind|ix_request|PRIMARY|INTEGER PRIMARY KEY/);
  });

  // Concurrent lookups and details share a statement on MySQL/MariaDB (db/read-batch.ts): each
  // of its parts must be read as the single statement is; only their union is sorted.
  if (database.name === 'mysql') {
    it('reads every part of a batched lookup and detail by the same indexes', async () => {
      const lookup = await plan(LOOKUP_STATEMENT.batch(4), [0, 1, 2, 3].flatMap((i) => ['CC', String(SYNTH_ID_BASE + 100 * i)]));
      const parts = lookup.filter((step) => !step.startsWith('<union'));
      expectIndexOnly(parts);
      expect(parts.filter((step) => step.includes('uq_applicant_identity'))).toHaveLength(4);
      const requests = (await ds.query('SELECT id, applicant_id FROM certificate_request ORDER BY id LIMIT 4')) as { id: number; applicant_id: number }[];
      const detail = await plan(DETAIL_STATEMENT.batch(4), requests.flatMap((r) => [r.id, r.applicant_id]));
      const detailParts = detail.filter((step) => !step.startsWith('<union'));
      expectIndexOnly(detailParts);
      expect(detailParts.filter((step) => step.includes('uq_request_step_kind'))).toHaveLength(4);
    });
  }

  it("reads a person's consultations by a range of ix_lookup_audit_occurred_identity, never a scan", async () => {
    const { sql, parameters } = consultationsQuery('h42', new Date(Date.now() - 30 * 86_400_000));
    const steps = await plan(sql, parameters);
    expect(steps.join(' ')).toMatch(/ix_lookup_audit_occurred_identity/);
    if (database.name === 'mysql') for (const step of steps) expect(step, step).not.toMatch(/:ALL:|:index:/);
    else for (const step of steps) expect(step, step).not.toMatch(/^SCAN /);
  });

  // The console's queue, search and activity: read by their own indexes at any size, never a
  // scan of the requests; the queue's order comes from its index, never a sort.
  describe("the operators' console", () => {
    const kind = () => (database.name === 'mysql' ? 'mysql' : 'sqlite') as 'mysql' | 'sqlite';

    function expectNoScan(steps: string[]) {
      for (const step of steps) {
        if (database.name === 'mysql') expect(step, step).not.toMatch(/^(q|r|a|t|e|v|d|certificate_request|applicant):(ALL|index):/);
        else expect(step, step).not.toMatch(/^SCAN (q|r|a|t|e|v|d|certificate_request|applicant)\b(?! USING COVERING INDEX)/);
      }
    }

    // The page is picked from request_queue alone (a derived table of at most first + 1 rows, `q`), in
    // its index's order; only then joined. certificate_type is a catalog of six rows.
    function expectQueuePage(steps: string[], index: RegExp) {
      const text = steps.join('\n');
      if (database.name === 'mysql') {
        const page = steps.find((step) => step.startsWith('q:'));
        expect(page, text).toMatch(/^q:(ref|range):ix_request_queue_stage/);
        expect(page, text).toMatch(index);
        expect(page, text).not.toMatch(/filesort|temporary/);
        for (const step of steps) expect(step, text).not.toMatch(/^(r|a):(ALL|index):/);
      } else {
        expect(text).toMatch(new RegExp(`^SEARCH q USING INDEX ${index.source}`, 'm'));
        expect(text).not.toMatch(/TEMP B-TREE/);
        for (const step of steps) expect(step, text).not.toMatch(/^SCAN (r|a|t)\b/);
      }
    }

    it('reads one stage of the queue in its index order, filtered by type and due state too', async () => {
      const now = new Date();
      const plain = queueQuery({ stage: 'AWAITING_PAYMENT' }, 50, now);
      expectQueuePage(await plan(plain.sql, plain.parameters), /ix_request_queue_stage\b/);
      // With a type, either of the queue's indexes serves (which one depends on how selective the type is).
      const filtered = queueQuery({ stage: 'AWAITING_PAYMENT', certificateType: 'PERSONA_NATURAL', dueState: 'OVERDUE' }, 50, now);
      expectQueuePage(await plan(filtered.sql, filtered.parameters), /ix_request_queue_stage/);
      const [{ request_id }] = (await ds.query("SELECT request_id FROM request_queue WHERE stage = 'AWAITING_PAYMENT' ORDER BY filed_at, request_id LIMIT 1 OFFSET 100")) as { request_id: number }[];
      const [{ filed_at }] = (await ds.query('SELECT filed_at FROM request_queue WHERE request_id = ?', [request_id])) as { filed_at: string | Date }[];
      const after = Buffer.from(JSON.stringify([new Date(typeof filed_at === 'string' ? `${filed_at.replace(' ', 'T')}Z` : filed_at).getTime(), request_id])).toString('base64url');
      const next = queueQuery({ stage: 'AWAITING_PAYMENT', after }, 50, now);
      expectQueuePage(await plan(next.sql, next.parameters), /ix_request_queue_stage\b/);
    });

    it('searches names by a range of ix_applicant_full_name, and numbers, IDs and serials each by its own index', async () => {
      // The page of people is a derived table of at most `first + 1` rows (`a`), read from a range of the name's index.
      const byName = nameSearchQuery(kind(), 'PERSONA SINTETICA 12', 20, null);
      const nameSteps = await plan(byName.sql, byName.parameters);
      expect(nameSteps.join('\n')).toMatch(database.name === 'mysql' ? /^applicant:range:ix_applicant_full_name:/m : /^SEARCH applicant USING (COVERING )?INDEX ix_applicant_full_name \(full_name>\? AND full_name<\?\)/m);
      expectNoScan(nameSteps.filter((step) => !/^(SCAN a|<derived\d+>:ALL)/.test(step)));

      // A synthetic request's number, which is also a valid cédula: every branch of the union is a point or range read.
      const [{ request_number }] = (await ds.query('SELECT request_number FROM certificate_request ORDER BY id LIMIT 1 OFFSET 500')) as { request_number: number }[];
      const exact = exactSearchQuery(exactTerms(String(request_number)), 20, null);
      const exactSteps = await plan(exact.sql!, exact.parameters);
      expectNoScan(exactSteps);
      const joined = exactSteps.join(' ');
      for (const index of ['uq_certificate_request_number', 'ix_certificate_request_order', 'uq_certificate_request_serial']) expect(joined, exactSteps.join('\n')).toMatch(index);
      // MySQL probes a unique key while planning: an identity nobody has shows as "no matching row in const table".
      expect(joined).toMatch(database.name === 'mysql' ? /uq_applicant_identity|no matching row in const table/ : /uq_applicant_identity/);
    });

    it("reads the activity by ix_request_event_occurred, or by ix_request_event_actor for one operator's", async () => {
      // All of it: the time index walked backwards, stopping after a page — a walk, never a sort.
      const all = activityQuery('MOVE', null, { from: null, to: null }, null, 50);
      const allSteps = await plan(all.sql, all.parameters);
      expect(allSteps[0]).toMatch(database.name === 'mysql' ? /^e:(index|range):ix_request_event_occurred:/ : /^SCAN e USING INDEX ix_request_event_occurred/);
      expectNoScan(allSteps.slice(1));
      expect(allSteps.join(' ')).not.toMatch(/filesort|TEMP B-TREE/);
      const one = activityQuery('MOVE', 'operador-7', { from: new Date(Date.now() - 7 * 86_400_000), to: new Date() }, null, 50);
      const oneSteps = await plan(one.sql, one.parameters);
      expectNoScan(oneSteps);
      expect(oneSteps.join(' ')).toMatch(/ix_request_event_actor/);
      expect(oneSteps.join(' ')).not.toMatch(/filesort|TEMP B-TREE/);
    });
  });
});
