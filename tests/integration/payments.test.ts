import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { print } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ApplyInfoDocument, ConsoleQueueOverviewDocument, ConsoleRequestPageDocument } from '../../graphql/generated/client/graphql.js';
import { seed } from '../../server/demo/seed.js';
import { InvoiceLinks } from '../../server/lifecycle/invoice.js';
import { projectRoot } from '../../server/paths.js';
import { confirmedDraft, SUBMIT } from '../support/applying.js';
import { testDatabases } from '../support/databases.js';
import { cleanPdf } from '../support/documents.js';
import { raceScenario } from '../support/racing.js';
import { capturedLog, serverFor, TEST_SECRET, type StartedServer } from '../support/server.js';
import { signedWompiEvent } from '../support/wompi.js';

const run = promisify(execFile);

const SECRET = 'test_events_2b9f1c0e7d6a4b3c8e5f';
const LINK = 'https://checkout.example.com/pse?ref={reference}&amount-in-cents={amountInCents}&cop={amountCop}';
// PERSONA_NATURAL at the demo price: 160.000 + 19 % IVA (30.400) = 190.400 pesos.
const TOTAL_CENTS = 19_040_000;

const HISTORY = `query ($n: String!) { requestHistory(requestNumber: $n) { move actor fromStage toStage reason } }`;
const CONSOLE_REQUEST = `query ($n: String!) { consoleRequest(requestNumber: $n) { stage paymentDiscrepancies { provider transactionId reference kind amountCop expectedCop requestNumber receivedAt } } }`;
const QUEUE = `query { consoleQueue(stage: AWAITING_PAYMENT) { items { requestNumber paymentDiscrepancy } } }`;
const DISCREPANCIES = `query { consolePaymentDiscrepancies { transactionId reference kind requestNumber amountCop expectedCop } }`;

/** An event signed with the secret this file's server holds, unless told otherwise. */
const wompiEvent = (t: Parameters<typeof signedWompiEvent>[0], secret = SECRET) => signedWompiEvent(t, secret);

async function post(server: StartedServer, body: unknown, raw = false): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${server.url}/payments/wompi/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: raw ? (body as string) : JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe.each(testDatabases())('payments on $name', (database) => {
  const captured = capturedLog();
  const server = serverFor(database, { WOMPI_EVENTS_SECRET: SECRET, PAYMENT_LINK_TEMPLATE: LINK }, { log: captured.log });
  const operator = async () => ({ authorization: `Bearer ${(await server.ssps.partners.create(`operador-pagos-${Date.now()}`, { role: 'operator', ratePerMinute: 100_000 })).key}` });

  /** A fresh request waiting for its payment (PERSONA_NATURAL); its request and order numbers are the same. */
  async function awaitingPayment(): Promise<string> {
    const scenario = raceScenario('AWAITING_PAYMENT');
    await server.ssps.db.run((ds) => seed(ds, [scenario]), 30_000);
    return String(scenario.requests[0].orderNumber);
  }

  const stageOf = async (n: string, headers: Record<string, string>) =>
    (await server.gql<{ consoleRequest: { stage: string } }>(CONSOLE_REQUEST, { n }, headers)).data!.consoleRequest.stage;
  const paymentRows = async () => Number(((await server.ssps.db.run((ds) => ds.query('SELECT COUNT(*) AS n FROM payment_event'))) as { n: number }[])[0].n);

  it('prices each certificate type with IVA and says how to pay, before applying', async () => {
    const res = await server.gql<{ certificateTypes: { code: string; name: string; priceCop: number; vatCop: number; totalCop: number }[]; paymentInstructions: Record<string, unknown> }>(
      `{ certificateTypes { code name priceCop vatCop totalCop } paymentInstructions { vatPercent bankAccount linkTemplate } }`,
    );
    expect((await server.gql(print(ApplyInfoDocument))).errors).toBeUndefined();
    expect(res.errors).toBeUndefined();
    expect(res.data!.certificateTypes).toContainEqual({ code: 'PERSONA_NATURAL', name: 'Persona Natural', priceCop: 160_000, vatCop: 30_400, totalCop: 190_400 });
    expect(res.data!.certificateTypes).toContainEqual({ code: 'PERSONA_JURIDICA', name: 'Persona Jurídica', priceCop: 250_000, vatCop: 47_500, totalCop: 297_500 });
    for (const t of res.data!.certificateTypes) expect(t.totalCop).toBe(t.priceCop + Math.round(t.priceCop * 0.19));
    expect(res.data!.paymentInstructions).toEqual({ vatPercent: 19, bankAccount: expect.stringContaining('Bancolombia'), linkTemplate: LINK });
  });

  it('answers a submission with what to pay and how, and e-mails the same (the reference is the order number)', async () => {
    const draftId = await confirmedDraft(server, 'pagos-solicitante@example.com');
    const put = await fetch(`${server.url}/applications/${draftId}/documents/ID_DOCUMENT`, { method: 'PUT', headers: { 'x-filename': 'cedula.pdf' }, body: new Uint8Array(await cleanPdf()) });
    expect(put.status).toBe(201);
    const res = await server.gql<{ submitApplication: { orderNumber: string; payment: Record<string, unknown> } }>(
      SUBMIT.replace('orderNumber }', 'orderNumber payment { reference priceCop vatCop totalCop bankAccount link } }'),
      { d: draftId, a: { idType: 'CC', idNumber: '1098700001', fullName: 'MARTA PAGOS EJEMPLO', phone: '+57 300 555 0101', certificateType: 'PERSONA_NATURAL' } },
    );
    expect(res.errors).toBeUndefined();
    const { orderNumber, payment } = res.data!.submitApplication;
    expect(payment).toEqual({
      reference: orderNumber,
      priceCop: 160_000,
      vatCop: 30_400,
      totalCop: 190_400,
      bankAccount: expect.stringContaining('Bancolombia'),
      link: `https://checkout.example.com/pse?ref=${orderNumber}&amount-in-cents=${TOTAL_CENTS}&cop=190400`,
    });
    const [mail] = (await server.ssps.db.run((ds) => ds.query("SELECT body FROM notification_outbox WHERE recipient = 'pagos-solicitante@example.com' AND request_id IS NOT NULL"))) as { body: string }[];
    const body = mail.body.replace(/\u00a0/g, ' ');
    expect(body).toContain('Valor a pagar: $ 190.400 (subtotal $ 160.000 + IVA $ 30.400)');
    expect(body).toContain(`Referencia de pago: ${orderNumber}`);
    expect(body).toContain('Bancolombia');
    expect(body).toContain(`ref=${orderNumber}&amount-in-cents=${TOTAL_CENTS}`);
  });

  it('moves Paso2 for an approved transaction whose reference and amount match, as the provider (actor wompi), with an invoice', async () => {
    const headers = await operator();
    const n = await awaitingPayment();
    const event = wompiEvent({ reference: n, amountInCents: TOTAL_CENTS });
    expect(await post(server, event)).toEqual({ status: 200, body: { outcome: 'APPLIED' } });
    expect(await stageOf(n, headers)).toBe('AWAITING_APPROVAL');
    const history = await server.gql<{ requestHistory: { move: string; actor: string; toStage: string; reason: string }[] }>(HISTORY, { n }, headers);
    expect(history.data!.requestHistory.at(-1)).toEqual({ move: 'verify-payment', actor: 'wompi', fromStage: 'AWAITING_PAYMENT', toStage: 'AWAITING_APPROVAL', reason: `Factura W-${event.data.transaction.id}` });
    const [invoice] = (await server.ssps.db.run((ds) =>
      ds.query('SELECT i.invoice_number, i.subtotal_cop, i.vat_cop, i.total_cop FROM invoice i JOIN certificate_request r ON r.id = i.request_id WHERE r.order_number = ?', [Number(n)]),
    )) as Record<string, unknown>[];
    expect({ ...invoice, subtotal_cop: Number(invoice.subtotal_cop), vat_cop: Number(invoice.vat_cop), total_cop: Number(invoice.total_cop) }).toEqual({
      invoice_number: `W-${event.data.transaction.id}`,
      subtotal_cop: 160_000,
      vat_cop: 30_400,
      total_cop: 190_400,
    });
    // The payment's e-mail carries its own link to the invoice, alive for 30 days (not a page's few minutes).
    const [mail] = (await server.ssps.db.run((ds) =>
      ds.query("SELECT o.body FROM notification_outbox o JOIN certificate_request r ON r.id = o.request_id WHERE r.order_number = ? AND o.subject LIKE '%pago verificado%'", [Number(n)]),
    )) as { body: string }[];
    const link = /Descargar la factura: \S+?(\/invoices\/[A-Za-z0-9_-]+)/.exec(mail.body)![1];
    const pdf = await fetch(`${server.url}${link}`);
    expect([pdf.status, pdf.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    const sealed = link.split('/').at(-1)!;
    const links = new InvoiceLinks(TEST_SECRET, 600);
    expect(links.open(sealed, Date.now() + 29 * 86_400_000)).not.toBeNull();
    expect(links.open(sealed, Date.now() + 31 * 86_400_000)).toBeNull();

    // Replayed (Wompi retries until it reads a 200): nothing more happens, and it is still a 200.
    expect(await post(server, event)).toEqual({ status: 200, body: { outcome: 'REPLAY' } });
    const again = await server.gql<{ requestHistory: { move: string }[] }>(HISTORY, { n }, headers);
    expect(again.data!.requestHistory.filter((e) => e.move === 'verify-payment')).toHaveLength(1);

    // Nothing that names the payment or the payer reaches the log.
    const log = captured.text();
    expect(log).toContain('"outcome":"APPLIED"');
    for (const value of [event.data.transaction.id, 'pagador@example.com', 'Pagador Ejemplo', SECRET]) expect(log).not.toContain(value);
  });

  it('refuses a bad or missing signature with 401 and changes nothing', async () => {
    const headers = await operator();
    const n = await awaitingPayment();
    const before = await paymentRows();
    const forged = wompiEvent({ reference: n, amountInCents: TOTAL_CENTS }, 'not-the-secret');
    const tampered = wompiEvent({ reference: n, amountInCents: 100 });
    tampered.data.transaction.amount_in_cents = TOTAL_CENTS;
    const unsignedAmount = wompiEvent({ reference: n, amountInCents: TOTAL_CENTS });
    unsignedAmount.signature.properties = ['transaction.id', 'transaction.status'];
    unsignedAmount.signature.checksum = createHash('sha256').update(`${unsignedAmount.data.transaction.id}APPROVED${unsignedAmount.timestamp}${SECRET}`).digest('hex');
    const missingProperty = wompiEvent({ reference: n, amountInCents: TOTAL_CENTS });
    missingProperty.signature.properties = [...missingProperty.signature.properties, 'transaction.nowhere'];
    for (const event of [forged, tampered, unsignedAmount, missingProperty]) {
      expect(await post(server, event)).toEqual({ status: 401, body: { error: 'invalid signature', code: 'UNAUTHENTICATED', message: expect.stringContaining('La firma del evento no corresponde') } });
    }
    const noSignature = wompiEvent({ reference: n, amountInCents: TOTAL_CENTS }) as Partial<ReturnType<typeof wompiEvent>>;
    delete noSignature.signature;
    expect((await post(server, noSignature)).status).toBe(400);
    expect(await stageOf(n, headers)).toBe('AWAITING_PAYMENT');
    expect(await paymentRows()).toBe(before);
  });

  it('records an amount or reference that does not match for the operators: on the request, flagged in the queue, and listed', async () => {
    const headers = await operator();
    const n = await awaitingPayment();
    const short = wompiEvent({ reference: n, amountInCents: TOTAL_CENTS - 100_000 });
    expect(await post(server, short)).toEqual({ status: 200, body: { outcome: 'AMOUNT_MISMATCH' } });
    const stranger = wompiEvent({ reference: 'PEDIDO-QUE-NO-EXISTE', amountInCents: TOTAL_CENTS });
    expect(await post(server, stranger)).toEqual({ status: 200, body: { outcome: 'UNKNOWN_REFERENCE' } });

    const request = await server.gql<{ consoleRequest: { stage: string; paymentDiscrepancies: Record<string, unknown>[] } }>(CONSOLE_REQUEST, { n }, headers);
    expect(request.data!.consoleRequest.stage).toBe('AWAITING_PAYMENT');
    expect(request.data!.consoleRequest.paymentDiscrepancies).toEqual([
      { provider: 'wompi', transactionId: short.data.transaction.id, reference: n, kind: 'AMOUNT_MISMATCH', amountCop: 189_400, expectedCop: 190_400, requestNumber: n, receivedAt: expect.any(String) },
    ]);
    const queue = await server.gql<{ consoleQueue: { items: { requestNumber: string; paymentDiscrepancy: boolean }[] } }>(QUEUE, {}, headers);
    expect(queue.errors).toBeUndefined();
    expect(queue.data!.consoleQueue.items.find((i) => i.requestNumber === n)?.paymentDiscrepancy).toBe(true);
    expect(queue.data!.consoleQueue.items.filter((i) => i.requestNumber !== n).every((i) => !i.paymentDiscrepancy)).toBe(true);
    const list = await server.gql<{ consolePaymentDiscrepancies: Record<string, unknown>[] }>(DISCREPANCIES, {}, headers);
    expect(list.data!.consolePaymentDiscrepancies).toEqual(
      expect.arrayContaining([
        { transactionId: short.data.transaction.id, reference: n, kind: 'AMOUNT_MISMATCH', requestNumber: n, amountCop: 189_400, expectedCop: 190_400 },
        { transactionId: stranger.data.transaction.id, reference: 'PEDIDO-QUE-NO-EXISTE', kind: 'UNKNOWN_REFERENCE', requestNumber: null, amountCop: 190_400, expectedCop: null },
      ]),
    );
    // Operators only.
    expect((await server.gql(DISCREPANCIES)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    // What the console's pages ask, as they ask it (within the query limits).
    const overview = await server.gql<{ consolePaymentDiscrepancies: unknown[] }>(print(ConsoleQueueOverviewDocument), {}, headers);
    expect(overview.errors).toBeUndefined();
    expect(overview.data!.consolePaymentDiscrepancies.length).toBeGreaterThanOrEqual(2);
    const page = await server.gql<{ consoleRequest: { paymentDiscrepancies: unknown[] } }>(print(ConsoleRequestPageDocument), { requestNumber: n }, headers);
    expect(page.errors).toBeUndefined();
    expect(page.data!.consoleRequest.paymentDiscrepancies).toHaveLength(1);

    // A payment for a request no longer waiting for one (paid already) is recorded too.
    expect((await post(server, wompiEvent({ reference: n, amountInCents: TOTAL_CENTS }))).body.outcome).toBe('APPLIED');
    expect(await post(server, wompiEvent({ reference: n, amountInCents: TOTAL_CENTS }))).toEqual({ status: 200, body: { outcome: 'NOT_AWAITING_PAYMENT' } });
  });

  it('acknowledges a transaction that is not approved, or another event, and changes nothing', async () => {
    const headers = await operator();
    const n = await awaitingPayment();
    for (const status of ['PENDING', 'DECLINED', 'VOIDED', 'ERROR']) {
      expect(await post(server, wompiEvent({ reference: n, amountInCents: TOTAL_CENTS, status }))).toEqual({ status: 200, body: { outcome: 'IGNORED' } });
    }
    const other = { ...wompiEvent({ reference: n, amountInCents: TOTAL_CENTS }), event: 'nequi_token.updated' };
    expect(await post(server, other)).toEqual({ status: 200, body: { outcome: 'IGNORED' } });
    expect(await stageOf(n, headers)).toBe('AWAITING_PAYMENT');
  });

  it('moves once when the same event arrives several times at once', async () => {
    const headers = await operator();
    const n = await awaitingPayment();
    const event = wompiEvent({ reference: n, amountInCents: TOTAL_CENTS });
    const answers = await Promise.all(Array.from({ length: 4 }, () => post(server, event)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    expect(answers.map((a) => a.body.outcome).sort()).toEqual(['APPLIED', 'REPLAY', 'REPLAY', 'REPLAY']);
    const history = await server.gql<{ requestHistory: { move: string }[] }>(HISTORY, { n }, headers);
    expect(history.data!.requestHistory.filter((e) => e.move === 'verify-payment')).toHaveLength(1);
    expect(await stageOf(n, headers)).toBe('AWAITING_APPROVAL');
  });

  it('takes the CUFE from the command line too: a malformed one is refused with exit code 2, a good one is stored with the invoice', async () => {
    const n = await awaitingPayment();
    const cufe = createHash('sha384').update(`factura ${n}`).digest('hex');
    const ops = async (args: string[]) => {
      try {
        const { stdout } = await run(process.execPath, [path.join(projectRoot, 'dist/server/lifecycle/ops-cli.js'), ...args, '--as', 'Operadora Pagos'], {
          env: { ...process.env, NODE_ENV: 'test', DATABASE_URL: server.databaseUrl, SSPS_SECRET: TEST_SECRET },
          cwd: projectRoot,
        });
        return { code: 0, out: stdout };
      } catch (error) {
        const e = error as { code: number; stderr: string };
        return { code: e.code, out: e.stderr };
      }
    };
    expect(await ops(['verify-payment', n, '--invoice', 'SETP990000900', '--cufe', cufe.slice(1)])).toEqual({ code: 2, out: expect.stringContaining('El CUFE de la DIAN tiene 96 caracteres hexadecimales') });
    expect(await ops(['verify-payment', n, '--invoice', 'SETP990000900', '--cufe', cufe.toUpperCase()])).toMatchObject({ code: 0, out: expect.stringContaining('(AWAITING_APPROVAL)') });
    const [invoice] = (await server.ssps.db.run((ds) => ds.query('SELECT i.cufe, i.total_cop FROM invoice i JOIN certificate_request r ON r.id = i.request_id WHERE r.order_number = ?', [Number(n)]))) as { cufe: string; total_cop: number }[];
    expect({ ...invoice, total_cop: Number(invoice.total_cop) }).toEqual({ cufe, total_cop: 190_400 });
  }, 60_000);

  it('never answers 500 for what a client can send: bad JSON, wrong types, huge bodies, other methods', async () => {
    const n = await awaitingPayment();
    const good = wompiEvent({ reference: n, amountInCents: TOTAL_CENTS });
    const wrong = [
      '',
      '{',
      'null',
      '[]',
      '"transaction.updated"',
      JSON.stringify({ ...good, data: null }),
      JSON.stringify({ ...good, data: { transaction: { ...good.data.transaction, amount_in_cents: '19040000' } } }),
      JSON.stringify({ ...good, data: { transaction: { ...good.data.transaction, amount_in_cents: 1.5 } } }),
      JSON.stringify({ ...good, data: { transaction: { ...good.data.transaction, amount_in_cents: 1e300 } } }),
      JSON.stringify({ ...good, data: { transaction: { ...good.data.transaction, id: { $ne: 1 } } } }),
      JSON.stringify({ ...good, data: { transaction: { ...good.data.transaction, id: 'x'.repeat(500) } } }),
      JSON.stringify({ ...good, signature: { properties: 'transaction.id', checksum: good.signature.checksum } }),
      JSON.stringify({ ...good, signature: { properties: good.signature.properties, checksum: 'zz' } }),
      JSON.stringify({ ...good, timestamp: 'ayer' }),
      JSON.stringify({ ...good, signature: { ...good.signature, properties: ['__proto__.polluted', ...good.signature.properties] } }),
    ];
    for (const body of wrong) {
      const answer = await post(server, body, true);
      expect([400, 401], body.slice(0, 80)).toContain(answer.status);
      // Each refusal with its code and a sentence in Spanish.
      expect(answer.body.message, body.slice(0, 80)).toMatch(/^(La firma del evento|El cuerpo no es un evento de Wompi)/);
    }
    const huge = await post(server, JSON.stringify({ ...good, padding: 'x'.repeat(200_000) }), true);
    expect(huge).toMatchObject({ status: 413, body: { code: 'PAYLOAD_TOO_LARGE', message: expect.stringContaining('tamaño permitido') } });
    const get = await fetch(`${server.url}/payments/wompi/events`);
    expect(get.status).toBe(405);
    expect(await get.json()).toMatchObject({ code: 'METHOD_NOT_ALLOWED', message: 'Los eventos de pago se reciben solo por POST.' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe.each(testDatabases())('payment events without WOMPI_EVENTS_SECRET on $name', (database) => {
  const server = serverFor(database);

  it('refuses every event, clearly, and changes nothing (scenario payment-in-review)', async () => {
    const event = wompiEvent({ reference: '511951', amountInCents: 23_800_000 });
    const answer = await post(server, event);
    expect(answer.status).toBe(503);
    expect(answer.body).toMatchObject({ code: 'NOT_CONFIGURED', message: expect.stringContaining('WOMPI_EVENTS_SECRET') });
    const [row] = (await server.ssps.db.run((ds) => ds.query('SELECT COUNT(*) AS n FROM payment_event'))) as { n: number }[];
    expect(Number(row.n)).toBe(0);
  });
});
