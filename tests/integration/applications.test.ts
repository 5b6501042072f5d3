import { existsSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { confirmedDraft, START, SUBMIT } from '../support/applying.js';
import { solvedToken } from '../support/captcha.js';
import { testDatabases } from '../support/databases.js';
import { cleanPdf, png } from '../support/documents.js';
import { serverFor } from '../support/server.js';

type Answer = { status: number; errors?: { message: string; extensions?: Record<string, unknown> }[] };

const LOOKUP = `query ($n: String!, $t: String) { certificateRequests(idType: CC, idNumber: $n, captchaToken: $t) { applicant { fullName } requests { id requestNumber orderNumber certificateType status } } }`;
const DETAIL = `query ($id: ID!) { requestDetail(id: $id) { steps { kind state information } } }`;

// Real files: the server reads their signatures to decide their type, and parses them.
let PDF: Buffer;
beforeAll(async () => {
  PDF = await cleanPdf();
});
const PNG = png(600, 400);
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(500, 0x90)]);

const person = (idNumber: string) => ({
  idType: 'CC',
  idNumber,
  fullName: 'SOFÍA ISABEL EJEMPLO NIETO',
  phone: '+57 300 123 4567',
  certificateType: 'PROFESIONAL_TITULADO',
});

describe.each(testDatabases())('applying on $name', (database) => {
  const server = serverFor(database);

  let drafts = 0;
  const draft = (email = `applicant${++drafts}@example.com`) => confirmedDraft(server, email);

  async function upload(draftId: string, kind: string, bytes: Buffer, contentType = 'application/pdf', name = 'documento.pdf') {
    const res = await fetch(`${server.url}/applications/${draftId}/documents/${kind}`, {
      method: 'PUT',
      headers: { 'content-type': contentType, 'x-filename': encodeURIComponent(name) },
      body: new Uint8Array(bytes),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> & { errors?: { extensions: { code: string } }[] } };
  }

  const count = async (table: string) => Number(((await server.ssps.db.run((ds) => ds.query(`SELECT COUNT(*) AS n FROM ${table}`))) as { n: number }[])[0].n);

  it('files an application with its documents, and the lookup shows it at once', async () => {
    const id = await draft('sofia.ejemplo@example.com');
    expect(await upload(id, 'ID_DOCUMENT', PDF)).toMatchObject({ status: 201, body: { kind: 'ID_DOCUMENT', mediaType: 'application/pdf', size: PDF.length } });
    const card = await upload(id, 'PROFESSIONAL_CARD', PNG, 'application/octet-stream', 'tarjeta.bin');
    expect(card).toMatchObject({ status: 201, body: { mediaType: 'image/png' } });
    const [{ storage_key: key }] = (await server.ssps.db.run((ds) => ds.query("SELECT storage_key FROM request_document WHERE draft_id = ? AND kind = 'PROFESSIONAL_CARD'", [id]))) as { storage_key: string }[];
    // Kept in the database every instance shares (DOCUMENT_STORE=database, the default), not on this instance's disk.
    const [{ n }] = (await server.ssps.db.run((ds) => ds.query('SELECT COUNT(*) AS n FROM document_blob WHERE storage_key = ?', [key]))) as { n: number | string }[];
    expect(Number(n)).toBe(1);
    expect(existsSync(path.join(server.config.dataDir, 'documents', key.slice(0, 2), key))).toBe(false);

    const res = await server.gql<{ submitApplication: { requestNumber: string; orderNumber: string } }>(SUBMIT, { d: id, a: person('1098765432') });
    expect(res.errors).toBeUndefined();
    const { requestNumber, orderNumber } = res.data!.submitApplication;
    expect(Number(requestNumber)).toBeGreaterThan(512007);

    const lookup = await server.gql<{ certificateRequests: { applicant: { fullName: string }; requests: { id: string; requestNumber: string; orderNumber: string; certificateType: string; status: string }[] } }>(LOOKUP, {
      n: '1098765432',
      t: await solvedToken(server.url),
    });
    const [row] = lookup.data!.certificateRequests.requests;
    expect(row).toMatchObject({ requestNumber, orderNumber, certificateType: 'Profesional Titulado', status: 'IN_PROGRESS' });
    const detail = await server.gql<{ requestDetail: { steps: { kind: string; state: string; information: string }[] } }>(DETAIL, { id: row.id });
    expect(detail.data!.requestDetail.steps.slice(0, 2)).toEqual([
      { kind: 'FILING', state: 'COMPLETED', information: 'Su solicitud fue radicada con éxito.' },
      { kind: 'PAYMENT', state: 'IN_PROGRESS', information: 'Estamos verificando su pago.' },
    ]);
    const recorded = (await server.ssps.db.run((ds) =>
      ds.query('SELECT d.terms_version, e.move, o.recipient FROM application_draft d JOIN request_event e ON e.request_id = d.request_id JOIN notification_outbox o ON o.request_id = d.request_id WHERE d.id = ?', [id]),
    )) as { terms_version: string; move: string; recipient: string }[];
    expect(recorded).toEqual([{ terms_version: '2026-11', move: 'apply', recipient: 'sofia.ejemplo@example.com' }]);
    const contact = await server.ssps.db.run((ds) => ds.query("SELECT full_name, email, phone FROM applicant WHERE id_type = 'CC' AND id_number = ?", ['1098765432']));
    expect(contact).toEqual([{ full_name: 'SOFÍA ISABEL EJEMPLO NIETO', email: 'sofia.ejemplo@example.com', phone: '+57 300 123 4567' }]);

    // The draft is closed: neither another upload nor a second submission.
    expect((await upload(id, 'ID_DOCUMENT', PDF)).status).toBe(404);
    expect((await server.gql(SUBMIT, { d: id, a: person('1098765432') })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('needs the current terms and one solved CAPTCHA per application', async () => {
    const e = 'terms@example.com';
    const token = await solvedToken(server.url);
    // Input is checked before the CAPTCHA is spent: the same token still opens a draft after.
    const wrongTerms: Answer = await server.gql(START, { t: token, v: '2019-01', e });
    expect(wrongTerms.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'termsVersion' });
    expect((await server.gql(START, { t: token, v: '2026-11', e: 'no es correo' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
    expect((await server.gql(START, { t: 'forged', v: '2026-11', e })).errors?.[0].extensions?.code).toBe('CAPTCHA_INVALID');
    expect((await server.gql(START, { t: token, v: '2026-11', e })).errors).toBeUndefined();
    expect((await server.gql(START, { t: token, v: '2026-11', e })).errors?.[0].extensions?.code).toBe('CAPTCHA_REUSED');
  });

  it('judges a document by its bytes: an executable called .pdf is refused and nothing is kept', async () => {
    const id = await draft();
    const before = await count('request_document');
    const lying = await upload(id, 'ID_DOCUMENT', EXE, 'application/pdf', 'cedula.pdf');
    expect(lying.status).toBe(415);
    expect(lying.body.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect((await upload(id, 'ID_DOCUMENT', Buffer.from('hola, soy un PNG'), 'image/png', 'foto.png')).status).toBe(415);
    expect((await upload(id, 'ID_DOCUMENT', Buffer.concat([PDF, Buffer.alloc(6 * 1_048_576)]))).status).toBe(413);
    expect((await upload(id, 'PASSPORT_SCAN', PDF)).status).toBe(400);
    expect((await upload('x'.repeat(43), 'ID_DOCUMENT', PDF)).status).toBe(404);
    expect(await count('request_document')).toBe(before);
  });

  it('refuses invalid input field by field, in Spanish, and writes nothing', async () => {
    const id = await draft();
    await upload(id, 'ID_DOCUMENT', PDF);
    const requests = await count('certificate_request');
    const bad: Answer = await server.gql(SUBMIT, {
      d: id,
      a: { ...person('12A45'), email: 'otro@example.com', phone: '12', certificateType: 'PERTENENCIA_EMPRESA' },
    });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const fields = (bad.errors?.[0].extensions?.fields as { field: string; message: string }[]).map((f) => f.field).sort();
    expect(fields).toEqual(['company', 'email', 'idNumber', 'phone']);
    expect(bad.errors?.[0].message).toMatch(/Correo electrónico/);

    const missing: Answer = await server.gql(SUBMIT, { d: id, a: person('1098765433') });
    expect((missing.errors?.[0].extensions?.fields as { field: string }[]).map((f) => f.field)).toEqual(['documents.PROFESSIONAL_CARD']);
    expect(await count('certificate_request')).toBe(requests);
  });

  it('leaves nothing behind when the submission fails halfway, and the draft can be submitted after', async () => {
    const id = await draft();
    await upload(id, 'ID_DOCUMENT', PDF);
    await upload(id, 'PROFESSIONAL_CARD', PNG);
    const before = { requests: await count('certificate_request'), steps: await count('request_step'), applicants: await count('applicant') };
    const trigger =
      database.name === 'mysql'
        ? "CREATE TRIGGER fail_apply BEFORE INSERT ON request_event FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'boom'"
        : "CREATE TRIGGER fail_apply BEFORE INSERT ON request_event BEGIN SELECT RAISE(ABORT, 'boom'); END";
    await server.ssps.db.run((ds) => ds.query(trigger));
    try {
      expect((await server.gql(SUBMIT, { d: id, a: person('1098765434') })).errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      await server.ssps.db.run((ds) => ds.query('DROP TRIGGER fail_apply'));
    }
    expect({ requests: await count('certificate_request'), steps: await count('request_step'), applicants: await count('applicant') }).toEqual(before);
    expect((await server.gql(SUBMIT, { d: id, a: person('1098765434') })).errors).toBeUndefined();
  });

  it('gives simultaneous applications different numbers', async () => {
    const ids = await Promise.all([draft(), draft(), draft()]);
    for (const id of ids) {
      await upload(id, 'ID_DOCUMENT', PDF);
      await upload(id, 'PROFESSIONAL_CARD', PNG);
    }
    const results = await Promise.all(ids.map((id, i) => server.gql<{ submitApplication: { requestNumber: string } }>(SUBMIT, { d: id, a: person(`10987654${40 + i}`) })));
    const numbers = results.map((r) => r.data?.submitApplication.requestNumber);
    expect(new Set(numbers).size).toBe(3);
    expect(numbers.every(Boolean)).toBe(true);
  });
});
