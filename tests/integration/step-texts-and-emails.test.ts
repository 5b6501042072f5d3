import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmedDraft } from '../support/applying.js';
import { solvedToken } from '../support/captcha.js';
import { cleanPdf } from '../support/documents.js';
import { testDatabases } from '../support/databases.js';
import { upgradeWithData } from '../support/migrations.js';
import { startServer, type StartedServer } from '../support/server.js';
import { startSmtpPeer, type ReceivedMail } from '../support/smtp.js';

const LOOKUP = `query ($type: IdType!, $n: String!, $t: String) { certificateRequests(idType: $type, idNumber: $n, captchaToken: $t) { handlesExpireAt requests { id requestNumber } } }`;
const DETAIL = `query ($id: ID!, $lang: Language) { requestDetail(id: $id, language: $lang) { steps { kind state information } } }`;
const REJECT = `mutation ($n: String!, $why: String!) { r: rejectRequest(requestNumber: $n, reason: $why) { stage } }`;
const APPROVE = `mutation ($n: String!) { r: approveRequest(requestNumber: $n) { stage } }`;

/** The parts of a received multipart/alternative message, by content type. */
function parts(mail: ReceivedMail): { contentType: string; text: string; html: string } {
  const contentType = /^Content-Type: ([^;\r\n]+)/m.exec(mail.raw)![1];
  const part = (type: string) => new RegExp(`Content-Type: ${type}[^\\r\\n]*\\r?\\nContent-Transfer-Encoding: quoted-printable\\r?\\n\\r?\\n([\\s\\S]*?)\\r?\\n----`).exec(mail.raw)?.[1] ?? '';
  const decode = (qp: string) => Buffer.from(qp.replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
  return { contentType, text: decode(part('text/plain')), html: decode(part('text/html')) };
}

function subjectOf(mail: ReceivedMail): string {
  const line = /^Subject: (.*)$/m.exec(mail.raw)![1].trim();
  // nodemailer encodes non-ASCII subjects as RFC 2047 words.
  return line.replace(/=\?UTF-8\?Q\?(.*?)\?=\s*/gi, (_, q: string) => Buffer.from(q.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/g, (__, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'));
}

describe.each(testDatabases())('step sentences as codes, and e-mails in the applicant\'s language, on $name', (database) => {
  let smtp: Awaited<ReturnType<typeof startSmtpPeer>>;
  let server: StartedServer;
  let operator: Record<string, string>;

  beforeAll(async () => {
    smtp = await startSmtpPeer();
    server = await startServer(database, { SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, SMTP_FROM: 'SSPS <no-responder@ssps.example>', SSPS_PUBLIC_URL: 'https://ssps.example' });
    operator = { authorization: `Bearer ${(await server.ssps.partners.create('operador-textos', { role: 'operator', ratePerMinute: 10_000 })).key}` };
  });
  afterAll(async () => {
    await server?.close();
    await server?.dropDatabase();
    await smtp?.close();
  });

  async function detail(idType: string, idNumber: string, requestNumber: string, lang?: 'ES' | 'EN') {
    const lookup = await server.gql<{ certificateRequests: { handlesExpireAt: string; requests: { id: string; requestNumber: string }[] } }>(LOOKUP, { type: idType, n: idNumber, t: await solvedToken(server.url) });
    const found = lookup.data!.certificateRequests;
    const id = found.requests.find((r) => r.requestNumber === requestNumber)!.id;
    const read = await server.gql<{ requestDetail: { steps: { kind: string; state: string; information: string }[] } }>(DETAIL, lang ? { id, lang } : { id });
    expect(read.errors).toBeUndefined();
    return { steps: read.data!.requestDetail.steps, handlesExpireAt: found.handlesExpireAt };
  }

  it('stores a rejection as its code with the reason as typed, reads it in Spanish or English, and closes the steps never reached (scenario payment-in-review)', async () => {
    const reason = 'El comprobante <PSE> & el valor no coinciden';
    const rejected = await server.gql(REJECT, { n: '512002', why: reason }, operator);
    expect(rejected.errors).toBeUndefined();

    const [row] = await server.ssps.db.run((ds) =>
      ds.query("SELECT s.information, s.text_code, s.text_params FROM request_step s JOIN certificate_request r ON r.id = s.request_id WHERE r.request_number = 512002 AND s.kind = 'PAYMENT'"),
    );
    expect(row).toEqual({ information: `Su solicitud fue rechazada: ${reason}`, text_code: 'rejected', text_params: JSON.stringify({ reason }) });

    const spanish = await detail('CC', '80234567', '512002');
    // Partners that ask for no language read Spanish, as before.
    expect(spanish.steps.map((s) => [s.kind, s.state, s.information])).toEqual([
      ['FILING', 'COMPLETED', 'Su solicitud fue radicada con éxito.'],
      ['PAYMENT', 'REJECTED', `Su solicitud fue rechazada: ${reason}`],
      ['APPROVAL', 'CLOSED', 'No aplica: la solicitud fue rechazada.'],
      ['DELIVERY', 'CLOSED', 'No aplica: la solicitud fue rechazada.'],
      ['VALIDITY', 'CLOSED', 'No aplica: la solicitud fue rechazada.'],
    ]);
    expect(new Date(spanish.handlesExpireAt).getTime()).toBeGreaterThan(Date.now());
    expect((await detail('CC', '80234567', '512002', 'ES')).steps).toEqual(spanish.steps);

    const english = await detail('CC', '80234567', '512002', 'EN');
    expect(english.steps.map((s) => [s.kind, s.state, s.information])).toEqual([
      ['FILING', 'COMPLETED', 'Your request was filed successfully.'],
      ['PAYMENT', 'REJECTED', `Your request was rejected: ${reason}`],
      ['APPROVAL', 'CLOSED', 'Does not apply: the request was rejected.'],
      ['DELIVERY', 'CLOSED', 'Does not apply: the request was rejected.'],
      ['VALIDITY', 'CLOSED', 'Does not apply: the request was rejected.'],
    ]);

    // The e-mail: Spanish (the applicant applied in Spanish), text and HTML, the reason escaped in the HTML.
    smtp.received.length = 0;
    expect(await server.ssps.mailer!.deliver()).toBe(1);
    const [mail] = smtp.received;
    expect(mail.to).toEqual(['juan.muestra@example.com']);
    expect(subjectOf(mail)).toBe('Solicitud 512002 rechazada (orden de pedido 511951)');
    const { contentType, text, html } = parts(mail);
    expect(contentType).toBe('multipart/alternative');
    expect(text).toContain(`Motivo: ${reason}`);
    expect(text).toContain('https://ssps.example/consulta');
    expect(text).toContain('https://ssps.example/solicitud');
    expect(html).toContain('Motivo: El comprobante &#60;PSE&#62; &#38; el valor no coinciden');
    expect(html).not.toContain('<PSE>');
    expect(html).toContain('<a href="https://ssps.example/consulta">');
    // Nothing personal beyond what the applicant needs: no ID number, no name.
    expect(mail.raw).not.toContain('80234567');
    expect(mail.raw).not.toContain('JUAN PABLO');
  });

  it('writes the e-mail in English for an applicant who applied in English (scenario approval-in-review)', async () => {
    await server.ssps.db.run((ds) => ds.query("UPDATE certificate_request SET contact_language = 'en' WHERE request_number = 512003"));
    const approved = await server.gql(APPROVE, { n: '512003' }, operator);
    expect(approved.errors).toBeUndefined();
    smtp.received.length = 0;
    expect(await server.ssps.mailer!.deliver()).toBe(1);
    const [mail] = smtp.received;
    expect(subjectOf(mail)).toBe('Request 512003 approved (order 511952)');
    const { contentType, text, html } = parts(mail);
    expect(contentType).toBe('multipart/alternative');
    expect(text).toContain('Your request 512003 (order 511952) was approved.');
    expect(text).toContain('Check the status of your request: https://ssps.example/consulta');
    expect(html).toMatch(/^<!doctype html>\s*<html lang="en">/);
    expect(html).toContain('<a href="https://ssps.example/consulta">Check the status of your request</a>');
    expect(text).not.toMatch(/Su solicitud/);
  });

  it('records the language an application was made in, writes its filing e-mail in it, and names missing documents in words', async () => {
    const email = 'grace.example@example.com';
    const draftId = await confirmedDraft(server, email);
    const put = (kind: string) =>
      fetch(`${server.url}/applications/${draftId}/documents/${kind}`, { method: 'PUT', headers: { 'content-type': 'application/pdf', 'x-filename': 'doc.pdf' }, body: new Uint8Array(pdf) });
    const pdf = await cleanPdf();
    expect((await put('ID_DOCUMENT')).status).toBe(201);
    const submit = `mutation ($d: ID!, $a: ApplicationInput!, $l: Language) { submitApplication(draftId: $d, application: $a, language: $l) { requestNumber orderNumber } }`;
    const application = { idType: 'PA', idNumber: 'XY987654', fullName: 'GRACE EXAMPLE HOPPER', phone: '+57 300 765 4321', certificateType: 'PROFESIONAL_TITULADO' };
    const missing = await server.gql(submit, { d: draftId, a: application, l: 'EN' });
    expect(missing.errors?.[0].extensions?.fields).toEqual([{ field: 'documents.PROFESSIONAL_CARD', message: 'Falta el documento: Tarjeta profesional.' }]);
    expect((await put('PROFESSIONAL_CARD')).status).toBe(201);
    const filed = await server.gql<{ submitApplication: { requestNumber: string; orderNumber: string } }>(submit, { d: draftId, a: application, l: 'EN' });
    expect(filed.errors).toBeUndefined();
    const { requestNumber, orderNumber } = filed.data!.submitApplication;
    const [row] = await server.ssps.db.run((ds) => ds.query('SELECT contact_language FROM certificate_request WHERE request_number = ?', [Number(requestNumber)]));
    expect(row.contact_language).toBe('en');

    smtp.received.length = 0;
    await server.ssps.mailer!.deliver();
    const mail = smtp.received.find((m) => m.to.includes(email) && subjectOf(m).startsWith('Request'))!;
    expect(subjectOf(mail)).toBe(`Request ${requestNumber} filed (order ${orderNumber})`);
    const { text, html } = parts(mail);
    expect(text).toContain(`Your request ${requestNumber} (order ${orderNumber}) was filed successfully.`);
    expect(html).toContain('<a href="https://ssps.example/consulta">');
    expect(mail.raw).not.toContain('XY987654');
  });
});

describe.each(testDatabases())('upgrading stored step sentences to codes on $name', (database) => {
  it('gives known Spanish sentences their code and parameters, and leaves other text as typed', async () => {
    const reason = 'la copia del documento no es legible';
    const { seeded, found } = await upgradeWithData(
      database,
      // As the release before this one left it: steps without text codes.
      async (runner) => (await runner.hasTable('request_step')) && (await runner.hasTable('document_view')) && !(await runner.hasColumn('request_step', 'text_code')),
      async (runner) => {
        await runner.query("INSERT INTO certificate_type (id, code, name, validity_days, requires_company) VALUES (1, 'PERSONA_NATURAL', 'Persona Natural', 730, 0)");
        await runner.query("INSERT INTO applicant (id, id_type, id_number, full_name, email, phone, created_at) VALUES (1, 'CC', '52123456', 'LUISA PRUEBA', 'l@example.com', '+57 300 000 0000', '2026-10-01 10:00:00')");
        await runner.query(
          "INSERT INTO certificate_request (id, request_number, order_number, applicant_id, holder_name, certificate_type_id, status, version, created_at, updated_at) VALUES (1, 700001, 699990, 1, 'LUISA PRUEBA', 1, 'REJECTED', 1, '2026-10-01 10:00:00', '2026-10-01 10:00:00')",
        );
        const steps: [string, string, string][] = [
          ['FILING', 'COMPLETED', 'Su solicitud fue radicada con éxito.'],
          ['PAYMENT', 'COMPLETED', 'Su pago fue verificado con éxito.'],
          ['APPROVAL', 'REJECTED', `Su solicitud fue rechazada: ${reason}`],
          ['DELIVERY', 'PENDING', 'Texto escrito a mano por una operadora.'],
        ];
        for (const [kind, state, information] of steps) {
          await runner.query("INSERT INTO request_step (request_id, kind, state, modified_at, information) VALUES (1, ?, ?, '2026-10-02 10:00:00', ?)", [kind, state, information]);
        }
      },
      async (runner) => ({
        steps: ((await runner.query('SELECT kind, information, text_code, text_params FROM request_step ORDER BY id')) as Record<string, unknown>[]).map((r) => [r.kind, r.text_code, r.text_params, r.information]),
        language: ((await runner.query('SELECT contact_language FROM certificate_request')) as { contact_language: string }[]).map((r) => r.contact_language),
      }),
    );
    expect(seeded).toBe(true);
    expect(found.steps).toEqual([
      ['FILING', 'filed', null, 'Su solicitud fue radicada con éxito.'],
      ['PAYMENT', 'paid', null, 'Su pago fue verificado con éxito.'],
      ['APPROVAL', 'rejected', JSON.stringify({ reason }), `Su solicitud fue rechazada: ${reason}`],
      ['DELIVERY', null, null, 'Texto escrito a mano por una operadora.'],
    ]);
    // Requests filed before the language was recorded were filed in Spanish, the only language then.
    expect(found.language).toEqual(['es']);
  });
});
