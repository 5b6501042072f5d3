import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchMysqlDatabase } from '../../server/db/scratch.js';
import { confirmedDraft, lastCodeSentTo, openDraft, SUBMIT } from '../support/applying.js';
import { solvedToken } from '../support/captcha.js';
import { cleanPdf } from '../support/documents.js';
import { testDatabases, type TestDatabase } from '../support/databases.js';
import { capturedLog, serverFor, startServer, type TestServer } from '../support/server.js';
import { TcpProxy } from '../support/tcp-proxy.js';

const LOOKUP = `query ($type: IdType!, $n: String!, $t: String) { certificateRequests(idType: $type, idNumber: $n, captchaToken: $t) { requests { id requestNumber } } }`;
const DETAIL = `query ($id: ID!) { requestDetail(id: $id) { steps { kind invoiceUrl } } }`;
const FILE = `mutation ($n: String!) { r: fileRequest(requestNumber: $n) { stage } }`;
const PAY = `mutation ($n: String!, $i: String!) { r: verifyPayment(requestNumber: $n, invoiceNumber: $i) { stage } }`;
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2_000, 0x20), Buffer.from('\n%%EOF\n')]);

// The demo scenarios' people whose data the failing statements carry (server/demo/scenarios.ts).
const LUISA = ['52123456', 'LUISA FERNANDA', 'PRUEBA MORA', 'luisa.prueba@example.com'];
const JUAN = ['80234567', 'JUAN PABLO', 'MUESTRA ROJAS', 'juan.muestra@example.com'];
const APPLICANT = { idType: 'CC', idNumber: '1098765499', fullName: 'SOFÍA ISABEL EJEMPLO NIETO', phone: '+57 300 123 4567', certificateType: 'PERSONA_NATURAL' };
const EMAIL = 'sofia.ejemplo@example.com';

interface LogLine {
  level: number;
  msg: string;
  err?: { type: string; message: string };
}

const lines = (text: string): LogLine[] => text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as LogLine);

/** Each value, and the ID number also as the digits a log might show of it, must appear nowhere. */
function expectNone(text: string, values: string[]) {
  for (const value of values) expect(text, `the log contains ${value}`).not.toContain(value);
}

/** A statement the database refuses whenever a row goes into `table`, as a broken trigger would. */
async function failInsertsInto(server: TestServer, table: string): Promise<() => Promise<void>> {
  const sql =
    server.config.database.kind === 'sqlite'
      ? `CREATE TRIGGER tr_test_refuse BEFORE INSERT ON ${table} BEGIN SELECT RAISE(ABORT, 'refused by test trigger'); END`
      : `CREATE TRIGGER tr_test_refuse BEFORE INSERT ON ${table} FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'refused by test trigger'`;
  await server.ssps.db.run((ds) => ds.query(sql));
  return () => server.ssps.db.run((ds) => ds.query('DROP TRIGGER tr_test_refuse'));
}

/**
 * An application as the API takes it: a draft (one CAPTCHA) whose e-mail is confirmed with its
 * code, its document, the submission. Returns what the caller sent that must not be logged.
 */
async function submitApplication(server: TestServer): Promise<{ code: string; sent: string[] }> {
  const draft = await confirmedDraft(server, EMAIL);
  const emailCode = await lastCodeSentTo(server, EMAIL);
  expect((await fetch(`${server.url}/applications/${draft}/documents/ID_DOCUMENT`, { method: 'PUT', body: new Uint8Array(await cleanPdf()) })).status).toBe(201);
  const res = await server.gql(SUBMIT, { d: draft, a: APPLICANT });
  return { code: res.errors?.[0].extensions?.code ?? 'OK', sent: [draft, emailCode, APPLICANT.idNumber, APPLICANT.fullName, EMAIL, APPLICANT.phone] };
}

describe.each(testDatabases())('nothing personal in the logs on $name', (database: TestDatabase) => {
  const captured = capturedLog();
  const server = serverFor(database, {}, { log: captured.log });
  let operatorKey: string;
  const operator = () => ({ authorization: `Bearer ${operatorKey}` });

  beforeAll(async () => {
    operatorKey = (await server.ssps.partners.create('operador-logs', { role: 'operator', ratePerMinute: 10_000 })).key;
  });

  it("logs an operator's move that the database refuses (a trigger raising, a unique index) without the statement's values", async () => {
    const before = captured.text().length;
    const restore = await failInsertsInto(server, 'notification_outbox');
    try {
      expect((await server.gql(FILE, { n: '512001' }, operator())).errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      await restore();
    }
    // The second e-mail to the same address breaks the index; MySQL quotes the address in its message.
    await server.ssps.db.run((ds) => ds.query('CREATE UNIQUE INDEX ux_test_recipient ON notification_outbox (recipient)'));
    try {
      expect((await server.gql(FILE, { n: '512001' }, operator())).errors).toBeUndefined();
      // A unique index refusing a move's write reads as a lost race: tried again, then refused as a conflict.
      expect((await server.gql(PAY, { n: '512001', i: 'FE-2026-000001' }, operator())).errors?.[0].extensions).toMatchObject({ code: 'FAILED_PRECONDITION', reason: 'CONFLICT' });
    } finally {
      await server.ssps.db.run((ds) => ds.query(server.config.database.kind === 'sqlite' ? 'DROP INDEX ux_test_recipient' : 'DROP INDEX ux_test_recipient ON notification_outbox'));
    }

    const text = captured.text().slice(before);
    const errors = lines(text).filter((l) => l.msg === 'unexpected error in a GraphQL operation');
    expect(errors.map((l) => l.err?.type)).toEqual(['QueryFailedError']);
    expect(errors[0].err?.message).toContain('refused by test trigger');
    expectNone(text, [...LUISA, operatorKey, 'INSERT', 'parameters']);
  });

  it('logs an invoice that cannot be read without its token, and answers a bad token 404 without logging it', async () => {
    expect((await server.gql(PAY, { n: '512002', i: 'FE-2026-000123' }, operator())).errors).toBeUndefined();
    const token = await solvedToken(server.url);
    const lookup = await server.gql<{ certificateRequests: { requests: { id: string; requestNumber: string }[] } }>(LOOKUP, { type: 'CC', n: '80234567', t: token });
    const handle = lookup.data!.certificateRequests.requests.find((r) => r.requestNumber === '512002')!.id;
    const detail = await server.gql<{ requestDetail: { steps: { kind: string; invoiceUrl: string | null }[] } }>(DETAIL, { id: handle });
    const invoiceUrl = detail.data!.requestDetail.steps.find((s) => s.kind === 'PAYMENT')!.invoiceUrl!;
    const invoiceToken = invoiceUrl.split('/').pop()!;
    expect((await fetch(`${server.url}${invoiceUrl}`)).status).toBe(200);

    const before = captured.text().length;
    expect((await fetch(`${server.url}/invoices/${invoiceToken.slice(0, -2)}zz`)).status).toBe(404);
    await server.ssps.db.run((ds) => ds.query('ALTER TABLE invoice RENAME TO invoice_gone'));
    try {
      expect((await fetch(`${server.url}${invoiceUrl}`)).status).toBe(500);
    } finally {
      await server.ssps.db.run((ds) => ds.query('ALTER TABLE invoice_gone RENAME TO invoice'));
    }
    const text = captured.text().slice(before);
    expect(lines(text).filter((l) => l.msg === 'request failed')).toHaveLength(1);
    expectNone(text, [invoiceToken, invoiceToken.slice(0, 12), token, handle, ...JUAN]);
  });

  it('logs a submission the database refuses without the applicant, the draft or the CAPTCHA token', async () => {
    const before = captured.text().length;
    const restore = await failInsertsInto(server, 'certificate_request');
    let sent: string[];
    try {
      const submitted = await submitApplication(server);
      expect(submitted.code).toBe('INTERNAL_SERVER_ERROR');
      sent = submitted.sent;
    } finally {
      await restore();
    }
    const text = captured.text().slice(before);
    expect(lines(text).filter((l) => l.msg === 'unexpected error in a GraphQL operation')).toHaveLength(1);
    expectNone(text, sent);
  });
});

const mysqlUrl = process.env.TEST_MYSQL_URL;

// SQLite is a file in the process: only a networked database can go away under a running server.
describe.runIf(testDatabases().some((d) => d.name === 'mysql'))('nothing personal in the logs when MySQL/MariaDB goes away mid-query', () => {
  const target = new URL(mysqlUrl ?? 'mysql://127.0.0.1:3306/');
  const proxy = new TcpProxy(target.hostname, Number(target.port || 3306));
  const captured = capturedLog();
  let scratch: { url: string; drop: () => Promise<void> };
  let server: TestServer;

  beforeAll(async () => {
    scratch = await createScratchMysqlDatabase(mysqlUrl!, 'ssps_logs');
    await proxy.start();
    const viaProxy = new URL(scratch.url);
    viaProxy.port = String(proxy.port);
    viaProxy.hostname = '127.0.0.1';
    server = await startServer(testDatabases().find((d) => d.name === 'mysql')!, {}, { url: viaProxy.toString() }, { log: captured.log });
  });
  afterAll(async () => {
    await server?.close();
    await proxy.stop();
    await scratch?.drop();
  });

  it('logs the failures, and none of the lookups, keys or e-mails that were in flight', async () => {
    const { key } = await server.ssps.partners.create('portal-logs', { ratePerMinute: 10_000 });
    const { key: operatorKey } = await server.ssps.partners.create('operador-down', { role: 'operator', ratePerMinute: 10_000 });
    const tokens = await Promise.all([1, 2, 3].map(() => solvedToken(server.url)));
    const draft = await openDraft(server, 'en-vuelo@example.com');
    const before = captured.text().length;

    // Lookups, a partner's and an operator's move (an e-mail to the applicant) in flight as the connections drop.
    const inFlight = Promise.all([
      ...tokens.map((t) => server.gql(LOOKUP, { type: 'CC', n: '52123456', t })),
      server.gql(LOOKUP, { type: 'CC', n: '80234567' }, { authorization: `Bearer ${key}` }),
      server.gql(FILE, { n: '512001' }, { authorization: `Bearer ${operatorKey}` }),
    ]);
    await proxy.stop();
    const answers = await inFlight;
    // A document for a draft, sent while the database is away.
    expect((await fetch(`${server.url}/applications/${draft}/documents/ID_DOCUMENT`, { method: 'PUT', body: new Uint8Array(PDF) })).status).toBe(503);
    for (const res of answers) expect(['SERVICE_UNAVAILABLE', 'UNAUTHENTICATED', undefined]).toContain(res.errors?.[0].extensions?.code);
    // The audit of those requests cannot be written while the database is away: that is logged.
    await server.ssps.audit.flush();

    await proxy.start();
    await expect.poll(() => server.ssps.db.ping(), { timeout: 20_000 }).toBe(true);
    await server.ssps.audit.flush();

    const text = captured.text().slice(before);
    expect(lines(text).some((l) => l.level >= 40 && l.err)).toBe(true);
    expectNone(text, [...tokens, draft, key, operatorKey, ...LUISA, ...JUAN]);
  });
});
