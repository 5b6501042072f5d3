import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { openDatabase } from '../../server/db/data-source.js';
import { synthesize, SYNTH_ID_BASE } from '../../server/demo/synth.js';
import { consultationsQuery } from '../../server/audit/audit-log.js';
import { DETAIL_SQL, LOOKUP_SQL } from '../../server/requests/lookup-service.js';
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
    if (database.name === 'mysql') await ds.query('ANALYZE TABLE applicant, certificate_request, request_step, certificate_type, lookup_audit');
    else await ds.query('ANALYZE');
  }, 120_000);
  afterAll(async () => {
    await ds?.destroy();
    await created?.drop();
  });

  async function plan(sql: string, params: unknown[]): Promise<string[]> {
    if (database.name === 'mysql') {
      const rows = (await ds.query(`EXPLAIN ${sql}`, params)) as { table: string; type: string; key: string | null }[];
      return rows.map((r) => `${r.table}:${r.type}:${r.key}`);
    }
    const rows = (await ds.query(`EXPLAIN QUERY PLAN ${sql}`, params)) as { detail: string }[];
    return rows.map((r) => r.detail);
  }

  function expectIndexOnly(steps: string[]) {
    expect(steps.length).toBeGreaterThan(0);
    for (const step of steps) {
      if (database.name === 'mysql') {
        expect(step, step).not.toMatch(/:ALL:|:index:|:null$/);
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

  it("reads a person's consultations by a range of ix_lookup_audit_occurred_identity, never a scan", async () => {
    const { sql, parameters } = consultationsQuery('h42', new Date(Date.now() - 30 * 86_400_000));
    const steps = await plan(sql, parameters);
    expect(steps.join(' ')).toMatch(/ix_lookup_audit_occurred_identity/);
    if (database.name === 'mysql') for (const step of steps) expect(step, step).not.toMatch(/:ALL:|:index:/);
    else for (const step of steps) expect(step, step).not.toMatch(/^SCAN /);
  });
});
