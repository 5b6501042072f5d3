import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFIRM, confirmedDraft, lastCodeSentTo, openDraft, RESEND, START, SUBMIT } from '../support/applying.js';
import { solvedToken } from '../support/captcha.js';
import { cleanPdf } from '../support/documents.js';
import { testDatabases } from '../support/databases.js';
import { startServer, type StartedServer } from '../support/server.js';
import { startSmtpPeer, type ReceivedMail } from '../support/smtp.js';

type Answer<T = unknown> = { status: number; data?: T | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };

const LOOKUP = `query ($type: IdType!, $n: String!, $t: String) { certificateRequests(idType: $type, idNumber: $n, captchaToken: $t) { applicant { fullName } requests { requestNumber holderName } } }`;
const APPROVE = `mutation ($n: String!) { approveRequest(requestNumber: $n) { stage } }`;
const CORRECT = `mutation ($n: String!, $name: String!, $why: String!) { correctApplicantName(requestNumber: $n, fullName: $name, reason: $why) { requestNumber stage } }`;
const HISTORY = `query ($n: String!) { requestHistory(requestNumber: $n) { move actor reason fromStage toStage } }`;

describe.each(testDatabases())('who an application may speak for, on $name', (database) => {
  let received: ReceivedMail[] = [];
  let smtp: Awaited<ReturnType<typeof startSmtpPeer>>;
  let server: StartedServer;
  let operator: Record<string, string>;

  beforeAll(async () => {
    smtp = await startSmtpPeer();
    received = smtp.received;
    server = await startServer(database, { SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, SMTP_FROM: 'SSPS <no-responder@ssps.example>' });
    operator = { authorization: `Bearer ${(await server.ssps.partners.create('operadora-identidad', { role: 'operator', ratePerMinute: 10_000 })).key}` };
  });
  afterAll(async () => {
    await server?.close();
    await server?.dropDatabase();
    await smtp?.close();
  });

  let pdf: Buffer;
  beforeAll(async () => {
    pdf = await cleanPdf();
  });
  const upload = (draftId: string) => fetch(`${server.url}/applications/${draftId}/documents/ID_DOCUMENT`, { method: 'PUT', body: new Uint8Array(pdf) });
  const lookup = async (type: string, n: string) =>
    (await server.gql<{ certificateRequests: { applicant: { fullName: string } | null; requests: { requestNumber: string; holderName: string }[] } }>(LOOKUP, { type, n, t: await solvedToken(server.url) })).data!
      .certificateRequests;
  const query = <T>(sql: string, params: unknown[] = []) => server.ssps.db.run((ds) => ds.query(sql, params)) as Promise<T[]>;
  // As each driver stores a datetime: mysql2 takes a Date, SQLite keeps UTC text.
  const datetime = (date: Date) => (database.name === 'mysql' ? date : date.toISOString().replace('T', ' ').replace('Z', ''));
  const application = (idNumber: string, fullName: string, extra: Record<string, unknown> = {}) => ({ idType: 'CC', idNumber, fullName, phone: '+57 311 000 0000', certificateType: 'PERSONA_NATURAL', ...extra });
  const mailTo = (address: string) => received.filter((m) => m.to.includes(address));

  it('never lets an application rename a known person or redirect their e-mails (scenario filing-in-review)', async () => {
    const victim = { idNumber: '52123456', name: 'LUISA FERNANDA PRUEBA MORA', email: 'luisa.prueba@example.com' };
    const attacker = 'atacante@example.com';
    const before = await query('SELECT full_name, email, phone FROM applicant WHERE id_number = ?', [victim.idNumber]);

    const draftId = await confirmedDraft(server, attacker);
    expect((await upload(draftId)).status).toBe(201);
    const filed = await server.gql<{ submitApplication: { requestNumber: string } }>(SUBMIT, { d: draftId, a: application(victim.idNumber, 'MALLORY SUPLANTADORA', { phone: '+57 300 666 6666' }) });
    expect(filed.errors).toBeUndefined();
    const requestNumber = filed.data!.submitApplication.requestNumber;

    // The person's record is untouched: the lookup still shows their name. (The new request's
    // holder is what its applicant typed, until operators check its documents.)
    expect(await query('SELECT full_name, email, phone FROM applicant WHERE id_number = ?', [victim.idNumber])).toEqual(before);
    const seen = await lookup('CC', victim.idNumber);
    expect(seen.applicant?.fullName).toBe(victim.name);
    expect(seen.requests.find((r) => r.requestNumber === requestNumber)?.holderName).toBe('MALLORY SUPLANTADORA');

    // The new request's e-mails go to the address that was proven for it; the victim's earlier
    // request keeps writing to the victim.
    expect(await query('SELECT contact_email, contact_phone FROM certificate_request WHERE request_number = ?', [Number(requestNumber)])).toEqual([
      { contact_email: attacker, contact_phone: '+57 300 666 6666' },
    ]);
    expect((await server.gql(`mutation { fileRequest(requestNumber: "512001") { stage } }`, {}, operator)).errors).toBeUndefined();
    expect((await server.gql(APPROVE, { n: '512001' }, operator)).errors?.[0].extensions?.code).toBe('FAILED_PRECONDITION');
    // And the attacker's own request writes to the attacker only, from its filing to its moves.
    expect((await server.gql(`mutation { verifyPayment(requestNumber: "${requestNumber}", invoiceNumber: "FE-9") { stage } }`, {}, operator)).errors).toBeUndefined();
    await server.ssps.mailer!.deliver();
    expect(mailTo(victim.email).some((m) => /^Subject: .*512001/m.test(m.raw))).toBe(true);
    expect(mailTo(attacker).some((m) => m.raw.includes('512001'))).toBe(false);
    expect(mailTo(attacker).filter((m) => new RegExp(`^Subject: .*${requestNumber}`, 'm').test(m.raw))).toHaveLength(2);
    expect(mailTo(victim.email).some((m) => m.raw.includes(requestNumber))).toBe(false);
  });

  it('sends a 6-digit code by e-mail and files only with the address it confirmed', async () => {
    const email = 'valentina.codigo@example.com';
    const started = await server.gql<{ startApplication: { id: string; email: string; emailConfirmed: boolean; codeExpiresAt: string } }>(START, { t: await solvedToken(server.url), v: '2026-11', e: ' Valentina.Codigo@Example.com ' });
    expect(started.data?.startApplication).toMatchObject({ email, emailConfirmed: false });
    const minutes = (Date.parse(started.data!.startApplication.codeExpiresAt) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);
    const draftId = started.data!.startApplication.id;
    // Until the e-mail is proven the draft takes no documents and cannot be submitted.
    expect((await upload(draftId)).status).toBe(404);

    const unconfirmed: Answer = await server.gql(SUBMIT, { d: draftId, a: application('1122000001', 'VALENTINA CÓDIGO') });
    expect(unconfirmed.errors?.[0].extensions).toMatchObject({ code: 'FAILED_PRECONDITION', reason: 'EMAIL_UNCONFIRMED' });

    await server.ssps.mailer!.deliver();
    const mail = mailTo(email).at(-1)!;
    const text = mail.raw;
    const code = / es (\d{6})\./.exec(text)![1];
    expect(text).toMatch(/Vence en 15 minutos/);
    // Only a keyed hash of the code is stored.
    const [stored] = await query<{ email_code_hash: string }>('SELECT email_code_hash FROM application_draft WHERE id = ?', [draftId]);
    expect(stored.email_code_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.email_code_hash).not.toContain(code);

    const wrong: Answer = await server.gql(CONFIRM, { d: draftId, c: code === '000000' ? '000001' : '000000' });
    expect(wrong.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CODE_WRONG', attemptsLeft: 4, field: 'code' });
    expect(((await server.gql(CONFIRM, { d: draftId, c: '12ab' })) as Answer).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CODE_FORMAT' });
    const right = await server.gql<{ confirmApplicationEmail: { emailConfirmed: boolean } }>(CONFIRM, { d: draftId, c: `${code.slice(0, 3)} ${code.slice(3)}` });
    expect(right.data?.confirmApplicationEmail.emailConfirmed).toBe(true);
    expect((await upload(draftId)).status).toBe(201);

    const otherAddress: Answer = await server.gql(SUBMIT, { d: draftId, a: application('1122000001', 'VALENTINA CÓDIGO', { email: 'otra@example.com' }) });
    expect(otherAddress.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
    const filed = await server.gql<{ submitApplication: { requestNumber: string } }>(SUBMIT, { d: draftId, a: application('1122000001', 'VALENTINA CÓDIGO') });
    expect(filed.errors).toBeUndefined();
    const requestNumber = filed.data!.submitApplication.requestNumber;
    await server.ssps.mailer!.deliver();
    expect(mailTo(email).some((m) => new RegExp(`^Subject: .*${requestNumber}`, 'm').test(m.raw))).toBe(true);
  });

  it('draws a new code for each draft, good for that draft only', async () => {
    const emails = ['a.codigo@example.com', 'b.codigo@example.com', 'c.codigo@example.com', 'd.codigo@example.com'];
    const drafts = [];
    for (const email of emails) drafts.push(await openDraft(server, email));
    const codes = await Promise.all(emails.map((e) => lastCodeSentTo(server, e)));
    expect(new Set(codes).size).toBeGreaterThan(1);
    // A's code does not confirm B (unless both drew the same, one chance in a million).
    if (codes[0] !== codes[1]) expect(((await server.gql(CONFIRM, { d: drafts[1], c: codes[0] })) as Answer).errors?.[0].extensions?.reason).toBe('CODE_WRONG');
    // Only the exact draft id opens it (MariaDB compares text without regard to case).
    const flipped = drafts[2].replace(/[a-z]/, (c) => c.toUpperCase());
    if (flipped !== drafts[2]) expect(((await server.gql(CONFIRM, { d: flipped, c: codes[2] })) as Answer).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(((await server.gql(CONFIRM, { d: drafts[2], c: codes[2] })) as Answer).errors).toBeUndefined();
  });

  it('refuses a phone longer than its column on every database, field by field', async () => {
    const draftId = await confirmedDraft(server, 'telefono@example.com');
    await upload(draftId);
    const long: Answer = await server.gql(SUBMIT, { d: draftId, a: application('1122000003', 'TELÉFONO LARGO', { phone: `+${'3'.repeat(20)}` }) });
    expect((long.errors?.[0].extensions?.fields as { field: string }[]).map((f) => f.field)).toEqual(['phone']);
  });

  it('voids the draft at the fifth wrong code, however many are sent at once', async () => {
    const email = 'adivina@example.com';
    const draftId = await openDraft(server, email);
    const code = await lastCodeSentTo(server, email);
    const wrong = code === '111111' ? '222222' : '111111';
    const answers = await Promise.all(Array.from({ length: 12 }, () => server.gql(CONFIRM, { d: draftId, c: wrong }) as Promise<Answer>));
    const reasons = answers.map((a) => a.errors?.[0].extensions?.reason ?? a.errors?.[0].extensions?.code);
    expect(reasons.filter((r) => r === 'CODE_WRONG').length).toBeLessThanOrEqual(4);
    expect(reasons).toContain('DRAFT_VOIDED');
    const [row] = await query<{ email_code_attempts: number }>('SELECT email_code_attempts FROM application_draft WHERE id = ?', [draftId]);
    expect(Number(row.email_code_attempts)).toBe(5);
    // Even the right code cannot bring it back, and nothing can be uploaded to it.
    expect(((await server.gql(CONFIRM, { d: draftId, c: code })) as Answer).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await upload(draftId)).status).toBe(404);
  });

  it('lets a code expire after 15 minutes, and limits resends', async () => {
    const email = 'reenvio@example.com';
    const draftId = await openDraft(server, email);
    const first = await lastCodeSentTo(server, email);
    const tooSoon: Answer = await server.gql(RESEND, { d: draftId });
    expect(tooSoon.status).toBe(429);
    expect(tooSoon.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(Number(tooSoon.errors?.[0].extensions?.retryAfterSeconds)).toBeGreaterThan(50);

    // Sixteen minutes pass.
    const past = datetime(new Date(Date.now() - 16 * 60_000));
    await query('UPDATE application_draft SET email_code_expires_at = ?, email_code_sent_at = ? WHERE id = ?', [past, past, draftId]);
    expect(((await server.gql(CONFIRM, { d: draftId, c: first })) as Answer).errors?.[0].extensions).toMatchObject({ code: 'FAILED_PRECONDITION', reason: 'CODE_EXPIRED' });

    // Two resends at once: one sends.
    const both = (await Promise.all([server.gql(RESEND, { d: draftId }), server.gql(RESEND, { d: draftId })])) as Answer[];
    expect(both.filter((a) => !a.errors).length).toBe(1);
    for (let resend = 2; resend <= 3; resend++) {
      await query('UPDATE application_draft SET email_code_sent_at = ? WHERE id = ?', [past, draftId]);
      expect(((await server.gql(RESEND, { d: draftId })) as Answer).errors).toBeUndefined();
    }
    await query('UPDATE application_draft SET email_code_sent_at = ? WHERE id = ?', [past, draftId]);
    expect(((await server.gql(RESEND, { d: draftId })) as Answer).errors?.[0].extensions).toMatchObject({ code: 'FAILED_PRECONDITION', reason: 'RESEND_LIMIT' });
    // Only the last code sent works.
    const last = await lastCodeSentTo(server, email);
    if (first !== last) expect(((await server.gql(CONFIRM, { d: draftId, c: first })) as Answer).errors?.[0].extensions?.reason).toBe('CODE_WRONG');
    expect(((await server.gql(CONFIRM, { d: draftId, c: last })) as Answer).errors).toBeUndefined();
  });

  it('keeps counting wrong codes across a resend', async () => {
    const email = 'cuenta@example.com';
    const draftId = await openDraft(server, email);
    const wrongFor = (code: string) => (code === '111111' ? '222222' : '111111');
    const first = await lastCodeSentTo(server, email);
    for (let i = 0; i < 4; i++) await server.gql(CONFIRM, { d: draftId, c: wrongFor(first) });
    await query('UPDATE application_draft SET email_code_sent_at = ? WHERE id = ?', [datetime(new Date(Date.now() - 120_000)), draftId]);
    expect(((await server.gql(RESEND, { d: draftId })) as Answer).errors).toBeUndefined();
    const second = await lastCodeSentTo(server, email);
    expect(((await server.gql(CONFIRM, { d: draftId, c: wrongFor(second) })) as Answer).errors?.[0].extensions?.reason).toBe('DRAFT_VOIDED');
  });

  it('deletes a code e-mail from the outbox once its code has expired', async () => {
    const email = 'purga@example.com';
    await openDraft(server, email);
    const count = async () => Number((await query<{ n: number }>('SELECT COUNT(*) AS n FROM notification_outbox WHERE recipient = ?', [email]))[0].n);
    expect(await count()).toBe(1);
    await server.ssps.applications.purgeCodeEmails();
    expect(await count()).toBe(1);
    await server.ssps.applications.purgeCodeEmails(new Date(Date.now() + 16 * 60_000));
    expect(await count()).toBe(0);
  });

  it('stores names in NFC and upper case, and refuses invisible characters and names without two letters', async () => {
    const draftId = await confirmedDraft(server, 'nombres@example.com');
    await upload(draftId);
    const refusedName = async (fullName: string) => {
      const answer: Answer = await server.gql(SUBMIT, { d: draftId, a: application('1122000002', fullName) });
      return (answer.errors?.[0].extensions?.fields as { field: string }[] | undefined)?.map((f) => f.field);
    };
    expect(await refusedName('ANA\u202EAÍRAM')).toEqual(['fullName']);
    expect(await refusedName('ANA\u200BMARÍA')).toEqual(['fullName']);
    expect(await refusedName('ANA\u2028MARÍA')).toEqual(['fullName']);
    expect(await refusedName('ANA\u0007MARÍA')).toEqual(['fullName']);
    expect(await refusedName('JUAN\u3164PÉREZ')).toEqual(['fullName']);
    expect(await refusedName('ANA\uFE0F MARÍA')).toEqual(['fullName']);
    expect(await refusedName('ANA \uD800MARÍA')).toEqual(['fullName']);
    expect(await refusedName('\u3164\u3164')).toEqual(['fullName']);
    expect(await refusedName('X')).toEqual(['fullName']);
    expect(await refusedName('12 34')).toEqual(['fullName']);
    expect(await refusedName('A.')).toEqual(['fullName']);
    const holder: Answer = await server.gql(SUBMIT, { d: draftId, a: application('1122000002', 'ANA MARÍA', { holderName: 'JUAN\uFEFF' }) });
    expect((holder.errors?.[0].extensions?.fields as { field: string }[]).map((f) => f.field)).toEqual(['holderName']);

    // "josé  ñandú" with a decomposed é (e + U+0301): stored composed and in capitals.
    const filed: Answer = await server.gql(SUBMIT, { d: draftId, a: application('1122000002', '  jose\u0301   n\u0303andú  łukasz ', { company: 'ejemplo s.a.s.' }) });
    expect(filed.errors).toBeUndefined();
    const [person] = await query<{ full_name: string }>("SELECT full_name FROM applicant WHERE id_type = 'CC' AND id_number = ?", ['1122000002']);
    expect(person.full_name).toBe('JOSÉ ÑANDÚ ŁUKASZ');
    expect(person.full_name).toBe(person.full_name.normalize('NFC'));
    const [request] = await query<{ company: string; holder_name: string }>('SELECT company, holder_name FROM certificate_request r JOIN applicant a ON a.id = r.applicant_id WHERE a.id_number = ?', ['1122000002']);
    expect(request).toEqual({ company: 'EJEMPLO S.A.S.', holder_name: 'JOSÉ ÑANDÚ ŁUKASZ' });
  });

  it("changes the name the lookup shows only by an operator's correction, recorded in the history (scenario approval-in-review)", async () => {
    const why = 'El nombre quedó mal escrito; se verificó con la cédula.';
    const partner = { authorization: `Bearer ${(await server.ssps.partners.create('portal-nombres', { ratePerMinute: 10_000 })).key}` };
    expect(((await server.gql(CORRECT, { n: '512003', name: 'ANA SOFÍA DEMO VARGAS', why }, partner)) as Answer).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(((await server.gql(CORRECT, { n: '512003', name: 'ANA\u202ESOFÍA', why }, operator)) as Answer).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'fullName' });
    expect(((await server.gql(CORRECT, { n: '512003', name: 'ana sofía demo vargas', why }, operator)) as Answer).errors?.[0].extensions).toMatchObject({ code: 'FAILED_PRECONDITION', reason: 'ILLEGAL' });
    expect(((await server.gql(CORRECT, { n: '999999', name: 'OTRA PERSONA', why }, operator)) as Answer).errors?.[0].extensions?.code).toBe('NOT_FOUND');

    const corrected = await server.gql<{ correctApplicantName: { stage: string } }>(CORRECT, { n: '512003', name: 'ana sofía demo vargas de la cruz', why }, operator);
    expect(corrected.data?.correctApplicantName.stage).toBe('AWAITING_APPROVAL');
    const notices = await query<{ recipient: string; body: string }>("SELECT recipient, body FROM notification_outbox WHERE subject LIKE '%corrección del nombre%'");
    expect(notices).toEqual([{ recipient: 'ana.demo@example.com', body: expect.stringContaining('ANA SOFÍA DEMO VARGAS DE LA CRUZ') }]);
    expect(((await server.gql(CORRECT, { n: '512003', name: 'OTRO NOMBRE', why: 'Motivo \u202E invertido' }, operator)) as Answer).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect((await lookup('CE', '456789')).applicant?.fullName).toBe('ANA SOFÍA DEMO VARGAS DE LA CRUZ');
    const history = await server.gql<{ requestHistory: { move: string; actor: string; reason: string; fromStage: string; toStage: string }[] }>(HISTORY, { n: '512003' }, operator);
    expect(history.data!.requestHistory.at(-1)).toEqual({
      move: 'correct-name',
      actor: 'operadora-identidad',
      reason: `Nombre registrado: «ANA SOFÍA DEMO VARGAS» → «ANA SOFÍA DEMO VARGAS DE LA CRUZ». Motivo: ${why}`,
      fromStage: 'AWAITING_APPROVAL',
      toStage: 'AWAITING_APPROVAL',
    });
  });
});

describe.each(testDatabases())('opening drafts from one address, on $name', (database) => {
  let server: StartedServer;
  beforeAll(async () => {
    server = await startServer(database, { RATE_LIMIT_DRAFT_IP: '2/1h', RATE_LIMIT_CODE_EMAIL: '2/1d', RATE_LIMIT_CAPTCHA_FAILURES_IP: '100/1h' });
  });
  afterAll(async () => {
    await server?.close();
    await server?.dropDatabase();
  });

  it('opens at most RATE_LIMIT_DRAFT_IP drafts per address, and says how long to wait', async () => {
    // Forged tokens spend nothing of the address's drafts: the CAPTCHA is checked first.
    for (let i = 0; i < 3; i++) expect(((await server.gql(START, { t: 'forged', v: '2026-11', e: 'uno@example.com' })) as Answer).errors?.[0].extensions?.code).toBe('CAPTCHA_INVALID');
    await openDraft(server, 'uno@example.com');
    await openDraft(server, 'dos@example.com');
    const third: Answer = await server.gql(START, { t: await solvedToken(server.url), v: '2026-11', e: 'tres@example.com' });
    expect(third.status).toBe(429);
    expect(third.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(Number(third.errors?.[0].extensions?.retryAfterSeconds)).toBeGreaterThan(0);
    const mailed = await server.ssps.db.run((ds) => ds.query("SELECT COUNT(*) AS n FROM notification_outbox WHERE recipient = 'tres@example.com'"));
    expect(Number((mailed as { n: number }[])[0].n)).toBe(0);
  });

  it('sends at most RATE_LIMIT_CODE_EMAIL codes to one mailbox from one address, and five times that from all: nobody floods an inbox or locks a stranger out', async () => {
    // Clients at different addresses (a proxy in front saying so).
    const from = (ip: string) => ({ 'x-forwarded-for': ip });
    const other = await startServer(database, { RATE_LIMIT_CODE_EMAIL: '2/1d', TRUST_PROXY: '1' }, { url: server.databaseUrl }, { waitForDatabase: true });
    try {
      const start = async (ip: string) => (await other.gql(START, { t: await solvedToken(other.url), v: '2026-11', e: 'buzon@example.com' }, from(ip))) as Answer<{ startApplication: { id: string } }>;
      const first = await start('203.0.113.1');
      expect(first.errors).toBeUndefined();
      expect((await start('203.0.113.1')).errors).toBeUndefined();
      const third = await start('203.0.113.1');
      expect(third.status).toBe(429);
      expect(third.errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED', field: 'email' });
      expect(third.errors?.[0].message).toMatch(/Ya enviamos varios códigos a este correo/);
      // A resend from there is a code too.
      const past = new Date(Date.now() - 120_000);
      await other.ssps.db.run((ds) => ds.query('UPDATE application_draft SET email_code_sent_at = ? WHERE id = ?', [database.name === 'mysql' ? past : past.toISOString().replace('T', ' ').replace('Z', ''), first.data!.startApplication.id]));
      expect(((await other.gql(RESEND, { d: first.data!.startApplication.id }, from('203.0.113.1'))) as Answer).errors?.[0].extensions?.code).toBe('RATE_LIMITED');
      // The mailbox's owner, elsewhere, still gets codes, until the mailbox's own budget (10) is spent.
      for (let i = 1; i <= 8; i++) expect((await start(`198.51.100.${i}`)).errors, `client ${i}`).toBeUndefined();
      expect((await start('192.0.2.44')).errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    } finally {
      await other.close();
    }
  });
});
