import { describe, expect, it } from 'vitest';
import { testDatabases } from '../support/databases.js';
import { upgradeWithData } from '../support/migrations.js';

// What the migrations do to data already there: a database upgraded in place.
describe.each(testDatabases())('upgrading existing data on $name', (database) => {
  it('sends old requests’ e-mails where their filing e-mail went, and keeps every recorded reason and every step', async () => {
    const reason = `Documento ilegible ${'·'.repeat(480)}`;
    const { seeded, found } = await upgradeWithData(
      database,
      // As the release before this one left it: before contact_email existed.
      async (runner) => (await runner.hasTable('request_event')) && (await runner.hasColumn('applicant', 'phone')) && !(await runner.hasColumn('certificate_request', 'contact_email')),
      async (runner) => {
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
        // Steps belong to their request: a migration that rebuilds certificate_request must keep them.
        for (const [request, kind, state, information] of [[1, 'FILING', 'COMPLETED', 'Su solicitud fue radicada con éxito.'], [1, 'PAYMENT', 'IN_PROGRESS', 'Estamos verificando su pago.'], [2, 'FILING', 'COMPLETED', 'Su solicitud fue radicada con éxito.']]) {
          await runner.query("INSERT INTO request_step (request_id, kind, state, modified_at, information) VALUES (?, ?, ?, '2026-10-01 10:00:00', ?)", [request, kind, state, information]);
        }
        await runner.query("INSERT INTO request_event (request_id, occurred_at, actor, move, from_stage, to_stage, reason) VALUES (1, '2026-10-02 10:00:00', 'operadora', 'reject', 'AWAITING_PAYMENT', 'REJECTED', ?)", [reason]);
      },
      async (runner) => ({
        requests: ((await runner.query('SELECT request_number, contact_email, contact_phone FROM certificate_request ORDER BY id')) as { request_number: number; contact_email: string; contact_phone: string }[]).map((r) => [
          Number(r.request_number),
          r.contact_email,
          r.contact_phone,
        ]),
        reasons: await runner.query('SELECT reason FROM request_event'),
        steps: ((await runner.query('SELECT request_id, kind, text_code FROM request_step ORDER BY id')) as { request_id: number; kind: string; text_code: string }[]).map((r) => [Number(r.request_id), r.kind, r.text_code]),
      }),
    );
    expect(seeded).toBe(true);
    expect(found.requests).toEqual([
      [700001, 'luisa@example.com', '+57 300 000 0000'],
      [700002, 'overwritten@example.com', '+57 300 000 0000'],
    ]);
    expect(found.reasons).toEqual([{ reason }]);
    expect(found.steps).toEqual([
      [1, 'FILING', 'filed'],
      [1, 'PAYMENT', 'paymentReview'],
      [2, 'FILING', 'filed'],
    ]);
  });

  it('gives a document stored before storage keys its SHA-256 as its key, the name of its file', async () => {
    const sha256 = 'ab'.repeat(32);
    const { seeded, found } = await upgradeWithData(
      database,
      async (runner) => (await runner.hasTable('request_document')) && !(await runner.hasColumn('request_document', 'storage_key')),
      async (runner) => {
        await runner.query(
          "INSERT INTO request_document (draft_id, request_id, kind, media_type, size, sha256, original_name, uploaded_at) VALUES (?, NULL, 'ID_DOCUMENT', 'application/pdf', 1000, ?, 'cedula.pdf', '2026-11-01 10:00:00')",
          ['d'.repeat(43), sha256],
        );
      },
      (runner) => runner.query('SELECT sha256, storage_key, original_name FROM request_document'),
    );
    expect(seeded).toBe(true);
    expect(found).toEqual([{ sha256, storage_key: sha256, original_name: 'cedula.pdf' }]);
  });
});
