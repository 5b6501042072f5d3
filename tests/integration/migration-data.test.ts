import { describe, expect, it } from 'vitest';
import { createDataSource, detectFlavor } from '../../server/db/data-source.js';
import { mysqlMigrations } from '../../server/db/migrations/mysql/index.js';
import { sqliteMigrations } from '../../server/db/migrations/sqlite/index.js';
import { testDatabases } from '../support/databases.js';

// What the migrations of issue 11 do to data already there: a database upgraded in place.
describe.each(testDatabases())('upgrading existing requests on $name', (database) => {
  it('sends old requests’ e-mails where their filing e-mail went, and keeps every recorded reason', async () => {
    const created = await database.create();
    const flavor = created.config.kind === 'mysql' ? await detectFlavor(created.config.url, 5_000) : undefined;
    const dataSource = createDataSource({ database: created.config, flavor, timeoutMs: 5_000 });
    await dataSource.initialize();
    const runner = dataSource.createQueryRunner();
    const reason = `Documento ilegible ${'·'.repeat(400)}`;
    try {
      let stored = false;
      for (const Migration of database.name === 'mysql' ? mysqlMigrations : sqliteMigrations) {
        // The data goes in as the release before this one left it: before contact_email existed.
        if (!stored && (await runner.hasTable('request_event')) && (await runner.hasColumn('applicant', 'phone')) && !(await runner.hasColumn('certificate_request', 'contact_email'))) {
          await runner.query("INSERT INTO certificate_type (id, code, name, validity_days, requires_company) VALUES (1, 'PERSONA_NATURAL', 'Persona Natural', 730, 0)");
          // The person's address on record was overwritten by a later application (the old bug).
          await runner.query("INSERT INTO applicant (id, id_type, id_number, full_name, email, phone, created_at) VALUES (1, 'CC', '52123456', 'LUISA PRUEBA', 'overwritten@example.com', '+57 300 000 0000', '2026-10-01 10:00:00')");
          for (const [id, number] of [[1, 700001], [2, 700002]]) {
            await runner.query(
              "INSERT INTO certificate_request (id, request_number, order_number, applicant_id, holder_name, certificate_type_id, status, version, created_at, updated_at) VALUES (?, ?, ?, 1, 'LUISA PRUEBA', 1, 'IN_PROGRESS', 1, '2026-10-01 10:00:00', '2026-10-01 10:00:00')",
              [id, number, number - 27],
            );
          }
          await runner.query("INSERT INTO notification_outbox (request_id, recipient, subject, body, created_at, attempts) VALUES (1, 'luisa@example.com', 'Radicación', 'Radicada', '2026-10-01 10:00:00', 1)");
          await runner.query("INSERT INTO request_event (request_id, occurred_at, actor, move, from_stage, to_stage, reason) VALUES (1, '2026-10-02 10:00:00', 'operadora', 'reject', 'AWAITING_PAYMENT', 'REJECTED', ?)", [reason.slice(0, 500)]);
          stored = true;
        }
        await new Migration().up(runner);
      }
      expect(stored).toBe(true);
      const requests = (await runner.query('SELECT request_number, contact_email, contact_phone FROM certificate_request ORDER BY id')) as { request_number: number; contact_email: string; contact_phone: string }[];
      expect(requests.map((r) => [Number(r.request_number), r.contact_email, r.contact_phone])).toEqual([
        [700001, 'luisa@example.com', '+57 300 000 0000'],
        [700002, 'overwritten@example.com', '+57 300 000 0000'],
      ]);
      expect(await runner.query('SELECT reason FROM request_event')).toEqual([{ reason: reason.slice(0, 500) }]);
    } finally {
      await runner.release();
      await dataSource.destroy();
      await created.drop();
    }
  });
});
