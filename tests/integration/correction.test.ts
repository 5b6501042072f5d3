import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HistoryKey, verifyHistory } from '../../server/lifecycle/history.js';
import { cleanPdf } from '../support/documents.js';
import { testDatabases } from '../support/databases.js';
import { capturedLog, startServer, TEST_SECRET, type StartedServer } from '../support/server.js';
import { startSmtpPeer } from '../support/smtp.js';

const ASK = `mutation ($n: String!, $k: [DocumentKind!]!, $why: String!) { r: requestCorrection(requestNumber: $n, kinds: $k, reason: $why) { requestNumber stage } }`;
const HISTORY = `query ($n: String!) { requestHistory(requestNumber: $n) { move actor fromStage toStage reason } }`;
const CONSOLE_STAGE = `query ($n: String!) { consoleRequest(requestNumber: $n) { stage } }`;
const FILE = `mutation ($n: String!) { r: fileRequest(requestNumber: $n) { stage } }`;
const PUBLIC_URL = 'https://solicitudes.example.co';
const LINK = /https:\/\/solicitudes\.example\.co\/solicitud\/correccion#([A-Za-z0-9_-]{43})/;

interface Answer {
  status: number;
  body: { errors?: { message: string; extensions: Record<string, unknown> }[] } & Record<string, unknown>;
}

describe.each(testDatabases())('asking an applicant for a correction on $name', (database) => {
  const captured = capturedLog();
  let smtp: Awaited<ReturnType<typeof startSmtpPeer>>;
  let server: StartedServer;
  let operator: Record<string, string>;
  const tokens: string[] = [];

  beforeAll(async () => {
    smtp = await startSmtpPeer();
    server = await startServer(database, { SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, SSPS_PUBLIC_URL: PUBLIC_URL }, undefined, { log: captured.log });
    operator = { authorization: `Bearer ${(await server.ssps.partners.create('operadora-correcciones', { role: 'operator', ratePerMinute: 10_000 })).key}` };
  });
  afterAll(async () => {
    await server?.close();
    await server?.dropDatabase();
    await smtp?.close();
  });

  const gql = <T = { r: { stage: string } }>(query: string, variables: Record<string, unknown>) => server.gql<T>(query, variables, operator);

  /** The token of the newest e-mail to `address`, as the applicant's mail program shows the link. */
  async function tokenMailedTo(address: string): Promise<{ token: string; raw: string }> {
    await server.ssps.mailer!.deliver();
    const mail = smtp.received.filter((m) => m.to.includes(address)).at(-1)!;
    // The body is quoted-printable: its escaped bytes (=C3=A9 for é) read back as UTF-8.
    const raw = Buffer.from(mail.raw.replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8');
    const token = LINK.exec(raw)![1];
    tokens.push(token);
    return { token, raw };
  }

  async function call(method: string, path: string, token: string | null, body?: Buffer, filename = 'cedula.pdf'): Promise<Answer> {
    const headers: Record<string, string> = { 'x-filename': encodeURIComponent(filename) };
    if (token !== null) headers.authorization = `Bearer ${token}`;
    const res = await fetch(`${server.url}${path}`, { method, headers, body: body && new Uint8Array(body) });
    return { status: res.status, body: (await res.json()) as Answer['body'] };
  }
  const upload = (token: string | null, kind: string, bytes: Buffer) => call('PUT', `/corrections/documents/${kind}`, token, bytes);
  const current = (token: string | null) => call('GET', '/corrections/current', token);
  const moves = async (n: string) => (await gql<{ requestHistory: { move: string; actor: string; fromStage: string; toStage: string }[] }>(HISTORY, { n })).data!.requestHistory;

  it('e-mails a link, takes the documents asked through it, and puts the request back in the queue (scenario filing-in-review)', async () => {
    const asked = await gql(ASK, { n: '512001', k: ['ID_DOCUMENT'], why: 'La copia de la cédula no se lee: envíela escaneada por ambas caras' });
    expect(asked.errors).toBeUndefined();
    expect(asked.data!.r.stage).toBe('AWAITING_CORRECTION');
    // The console's page of the request says so too (it offers no filing while the applicant is asked).
    const consoleStage = async () => (await gql<{ consoleRequest: { stage: string } }>(CONSOLE_STAGE, { n: '512001' })).data?.consoleRequest.stage;
    expect(await consoleStage()).toBe('AWAITING_CORRECTION');
    // Out of the working queue: nothing moves it but the applicant's documents (or a rejection).
    const filing = await gql(FILE, { n: '512001' });
    expect(filing.errors?.[0]).toMatchObject({ message: expect.stringContaining('esperando los documentos corregidos'), extensions: { code: 'FAILED_PRECONDITION', reason: 'ILLEGAL' } });

    const { token, raw } = await tokenMailedTo('luisa.prueba@example.com');
    // In the language the applicant applied in (the demo's applied in Spanish).
    expect(raw).toContain('necesitamos que nos envíe de nuevo estos documentos');
    expect(raw).not.toContain('we need you to send these documents again');
    expect(raw).toContain('- Documento de identidad');
    expect(raw).toContain('La copia de la cédula no se lee');

    expect(await current(token)).toEqual({
      status: 200,
      body: { requestNumber: '512001', reason: 'La copia de la cédula no se lee: envíela escaneada por ambas caras', expiresAt: expect.any(String), kinds: [{ kind: 'ID_DOCUMENT', received: false }], complete: false },
    });
    const days = (Date.parse((await current(token)).body.expiresAt as string) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);

    const pdf = await cleanPdf('Cédula escaneada por ambas caras');
    const notAsked = await upload(token, 'RUT', pdf);
    expect([notAsked.status, notAsked.body.errors?.[0].extensions]).toEqual([400, { code: 'BAD_USER_INPUT', field: 'kind', reason: 'KIND_NOT_ASKED' }]);
    expect((await upload(token, 'PASSPORT', pdf)).body.errors?.[0].extensions).toMatchObject({ reason: 'UNKNOWN_KIND' });
    const notPdf = await upload(token, 'ID_DOCUMENT', Buffer.from('MZ this is a program'));
    expect([notPdf.status, notPdf.body.errors?.[0].extensions?.reason]).toEqual([415, 'UNSUPPORTED_TYPE']);

    const received = await upload(token, 'ID_DOCUMENT', pdf);
    expect(received).toMatchObject({ status: 201, body: { kind: 'ID_DOCUMENT', mediaType: 'application/pdf', kinds: [{ kind: 'ID_DOCUMENT', received: true }], complete: true } });
    const [document] = (await server.ssps.db.run((ds) =>
      ds.query("SELECT d.kind, d.sha256, d.original_name FROM request_document d JOIN certificate_request r ON r.id = d.request_id WHERE r.request_number = 512001 AND d.draft_id LIKE 'correction:%'"),
    )) as { kind: string; sha256: string; original_name: string }[];
    expect(document).toEqual({ kind: 'ID_DOCUMENT', sha256: received.body.sha256, original_name: 'cedula.pdf' });

    expect((await moves('512001')).map((e) => [e.move, e.actor, e.fromStage, e.toStage])).toEqual([
      ['request-correction', 'operadora-correcciones', 'AWAITING_FILING', 'AWAITING_CORRECTION'],
      ['correction-received', 'applicant', 'AWAITING_CORRECTION', 'AWAITING_FILING'],
    ]);
    // Back in the queue at AWAITING_FILING: filing it now works.
    expect(await consoleStage()).toBe('AWAITING_FILING');
    expect((await gql(FILE, { n: '512001' })).data?.r.stage).toBe('AWAITING_PAYMENT');
    expect(await verifyHistory(server.ssps.db, new HistoryKey(TEST_SECRET), '512001')).toMatchObject({ broken: [] });

    // A used link opens nothing more.
    for (const answer of [await current(token), await upload(token, 'ID_DOCUMENT', pdf)]) {
      expect([answer.status, answer.body.errors?.[0].extensions]).toEqual([410, { code: 'FAILED_PRECONDITION', field: 'token', reason: 'TOKEN_USED' }]);
    }
  });

  it('refuses a missing or wrong token, an expired link, and more uploads than the budget (scenario several-requests)', async () => {
    // At AWAITING_PAYMENT, where a submitted application's documents are checked.
    expect((await gql(ASK, { n: '512007', k: ['RUT', 'ID_DOCUMENT', 'RUT'], why: 'Falta el RUT y la cédula está vencida' })).data?.r.stage).toBe('AWAITING_CORRECTION');
    const { token } = await tokenMailedTo('jorge.muestra@example.com');
    const missing = await current(null);
    expect([missing.status, missing.body.errors?.[0].extensions?.code, missing.body.errors?.[0].message]).toEqual([401, 'UNAUTHENTICATED', expect.stringContaining('Abra el enlace')]);
    const wrong = await current(`${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`);
    expect([wrong.status, wrong.body.errors?.[0].extensions?.reason]).toEqual([404, 'TOKEN_UNKNOWN']);

    expect((await current(token)).body.kinds).toEqual([{ kind: 'ID_DOCUMENT', received: false }, { kind: 'RUT', received: false }]);
    const pdf = await cleanPdf('Cédula');
    for (let i = 0; i < 3; i++) expect((await upload(token, 'ID_DOCUMENT', pdf)).body).toMatchObject({ complete: false, kinds: [{ kind: 'ID_DOCUMENT', received: true }, { kind: 'RUT', received: false }] });
    const tooMany = await upload(token, 'ID_DOCUMENT', pdf);
    expect([tooMany.status, tooMany.body.errors?.[0].extensions?.code]).toEqual([429, 'RATE_LIMITED']);

    await server.ssps.db.run((ds) => ds.query("UPDATE correction_request SET expires_at = '2020-01-01 00:00:00' WHERE completed_at IS NULL AND open_request_id IS NOT NULL"));
    const expired = await upload(token, 'RUT', pdf);
    expect([expired.status, expired.body.errors?.[0].extensions?.reason]).toEqual([410, 'TOKEN_EXPIRED']);
    // Unanswered, the request is back in the queue; its history (ending at the ask) still verifies.
    expect((await moves('512007')).map((e) => e.move)).toEqual(['request-correction']);
    expect(await verifyHistory(server.ssps.db, new HistoryKey(TEST_SECRET), '512007')).toMatchObject({ broken: [] });
    expect((await gql(ASK, { n: '512007', k: ['RUT'], why: 'Falta el RUT, le enviamos un enlace nuevo' })).data?.r.stage).toBe('AWAITING_CORRECTION');
    const renewed = await tokenMailedTo('jorge.muestra@example.com');
    expect((await current(renewed.token)).body.kinds).toEqual([{ kind: 'RUT', received: false }]);
    expect((await current(token)).body.errors?.[0].extensions?.reason).toBe('TOKEN_USED');
  });

  it('asks only before payment is verified, with a reason and at least one kind (scenarios approval-in-review, valid-passport)', async () => {
    for (const n of ['512003', '512006']) {
      const refused = await gql(ASK, { n, k: ['ID_DOCUMENT'], why: 'Documento ilegible' });
      expect(refused.errors?.[0]).toMatchObject({ message: expect.stringContaining('No se puede pedir una corrección'), extensions: { code: 'FAILED_PRECONDITION', reason: 'ILLEGAL' } });
    }
    expect((await gql(ASK, { n: '512002', k: [], why: 'Documento ilegible' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'kinds' });
    expect((await gql(ASK, { n: '512002', k: ['ID_DOCUMENT'], why: 'no' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect((await server.gql(ASK, { n: '512002', k: ['ID_DOCUMENT'], why: 'Documento ilegible' })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  // Last: after every link above was used, refused and expired.
  it('never writes a token to the server log', () => {
    expect(tokens.length).toBeGreaterThanOrEqual(3);
    const log = captured.text();
    for (const token of tokens) expect(log).not.toContain(token);
  });
});
