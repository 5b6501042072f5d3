import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { openDatabase } from '../../server/db/data-source.js';
import { synthesize, SYNTH_ID_BASE } from '../../server/db/synth.js';
import { DETAIL_SQL, LOOKUP_SQL } from '../../server/requests/service.js';
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
    if (database.name === 'mysql') await ds.query('ANALYZE TABLE applicant, certificate_request, request_step, certificate_type');
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
});
