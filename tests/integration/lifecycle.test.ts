import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { NotificationOutbox } from '../../entities/index.js';
import type { Operator } from '../../server/operators/operator.js';
import { solvedToken } from '../support/captcha.js';
import { testDatabases } from '../support/databases.js';
import { serverFor, startServer } from '../support/server.js';

type Gql = { errors?: { message: string; extensions?: Record<string, unknown> }[]; data?: unknown; status: number };

const LOOKUP = `query ($type: IdType!, $n: String!, $t: String) { certificateRequests(idType: $type, idNumber: $n, captchaToken: $t) { requests { id requestNumber status } } }`;
const DETAIL = `query ($id: ID!) { requestDetail(id: $id) { serialNumber steps { kind state information invoiceUrl } history { move fromStage toStage actor reason } openProposal { move proposedBy } } }`;
const MOVE = {
  file: `mutation ($n: String!) { r: fileRequest(requestNumber: $n) { requestNumber stage serialNumber } }`,
  pay: `mutation ($n: String!, $i: String!) { r: verifyPayment(requestNumber: $n, invoiceNumber: $i) { requestNumber stage serialNumber } }`,
  approve: `mutation ($n: String!) { r: approveRequest(requestNumber: $n) { requestNumber stage serialNumber } }`,
  reject: `mutation ($n: String!, $why: String!) { r: rejectRequest(requestNumber: $n, reason: $why) { requestNumber stage serialNumber } }`,
  deliver: `mutation ($n: String!) { r: deliverCertificate(requestNumber: $n) { requestNumber stage serialNumber proposal { id } } }`,
  revoke: `mutation ($n: String!, $why: RevocationReason!) { r: revokeCertificate(requestNumber: $n, reason: $why) { requestNumber stage serialNumber proposal { id } } }`,
};
/** Until people sign in with roles, a supervisor approves through the service (four eyes: never the proposer). */
const SUPERVISOR: Operator = { id: 'oidc:supervisora-1', name: 'Supervisora Ana', roles: ['ssps-operator', 'ssps-supervisor'], via: 'session' };
const BY_SERIAL = `query ($s: String!) { certificateBySerial(serial: $s) { serialNumber requestNumber state validFrom validTo revokedAt revocationReason } }`;

describe.each(testDatabases())('the life of a request on $name', (database) => {
  const server = serverFor(database);
  let operator: Record<string, string>;
  let partner: Record<string, string>;

  beforeAll(async () => {
    operator = { authorization: `Bearer ${(await server.ssps.partners.create('operador-1', { role: 'operator', ratePerMinute: 10_000 })).key}` };
    partner = { authorization: `Bearer ${(await server.ssps.partners.create('portal-1', { ratePerMinute: 10_000 })).key}` };
  });

  const op = (query: string, variables: Record<string, string>, headers = operator) =>
    server.gql<{ r: { stage: string; serialNumber: string | null; proposal: { id: string } | null } }>(query, variables, headers);

  /** Proposes a delivery or revocation as the operator's key, and has a supervisor approve it. */
  async function proposeAndApprove(query: string, variables: Record<string, string>) {
    const proposed = await op(query, variables);
    expect(proposed.errors).toBeUndefined();
    return server.ssps.lifecycle.approveProposal(proposed.data!.r.proposal!.id, SUPERVISOR);
  }

  /** What the public lookup shows of a request, as an applicant reads it (or an operator, with the history). */
  async function publicDetail(document: string, requestNumber: string, headers: Record<string, string> = {}) {
    const [type, idNumber] = document.includes(' ') ? document.split(' ') : ['CC', document];
    const lookup = await server.gql<{ certificateRequests: { requests: { id: string; requestNumber: string; status: string }[] } }>(LOOKUP, {
      type,
      n: idNumber,
      t: await solvedToken(server.url),
    });
    const row = lookup.data!.certificateRequests.requests.find((r) => r.requestNumber === requestNumber)!;
    const detail = await server.gql<{ requestDetail: { serialNumber: string | null; steps: { kind: string; state: string; information: string; invoiceUrl: string | null }[]; history: unknown[] | null; openProposal: unknown } }>(
      DETAIL,
      { id: row.id },
      headers,
    );
    return { status: row.status, ...detail.data!.requestDetail };
  }

  async function outbox(requestNumber: string) {
    return server.ssps.db.run((ds) =>
      ds.getRepository(NotificationOutbox).createQueryBuilder('o').innerJoin('certificate_request', 'r', 'r.id = o.request_id').where('r.request_number = :n', { n: Number(requestNumber) }).orderBy('o.id').getMany(),
    );
  }

  it('pays, approves, delivers and revokes, and the public lookup shows each step (scenario payment-in-review)', async () => {
    expect((await op(MOVE.pay, { n: '512002', i: 'FE-0001' })).data?.r.stage).toBe('AWAITING_APPROVAL');
    let seen = await publicDetail('80234567', '512002');
    expect(seen.steps.map((s) => s.state)).toEqual(['COMPLETED', 'COMPLETED', 'IN_PROGRESS', 'PENDING', 'NOT_ISSUED']);
    const invoiceUrl = seen.steps[1].invoiceUrl!;
    expect(invoiceUrl).toMatch(/^\/invoices\/[A-Za-z0-9_-]{103}$/);
    const invoice = await fetch(`${server.url}${invoiceUrl}`);
    expect([invoice.status, invoice.headers.get('content-type'), invoice.headers.get('cache-control')]).toEqual([200, 'application/pdf', 'private, no-store']);
    const pdf = Buffer.from(await invoice.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await PDFDocument.load(pdf)).getTitle()).toBe('Factura FE-0001');
    expect((await fetch(`${server.url}/invoices/${'A'.repeat(87)}`)).status).toBe(404);

    expect((await op(MOVE.approve, { n: '512002' })).data?.r.stage).toBe('AWAITING_DELIVERY');
    const delivered = await proposeAndApprove(MOVE.deliver, { n: '512002' });
    expect(delivered.stage).toBe('ISSUED');
    const serial = delivered.serialNumber!;
    expect(serial).toMatch(/^[0-7][0-9a-f]{31}$/);

    seen = await publicDetail('80234567', '512002');
    expect(seen.status).toBe('COMPLETED');
    expect(seen.serialNumber).toBe(serial);
    // Paso4 waits for the applicant's download (tests/integration/certificates.test.ts).
    expect(seen.steps.map((s) => [s.kind, s.state])).toEqual([
      ['FILING', 'COMPLETED'], ['PAYMENT', 'COMPLETED'], ['APPROVAL', 'COMPLETED'], ['DELIVERY', 'IN_PROGRESS'], ['VALIDITY', 'VALID'],
    ]);
    expect(seen.history).toBeNull();
    expect(seen.openProposal).toBeNull();

    const status = await server.gql<{ certificateBySerial: { state: string; requestNumber: string; validFrom: string; validTo: string } }>(BY_SERIAL, { s: serial.toUpperCase().match(/../g)!.join(':') }, partner);
    expect(status.data?.certificateBySerial).toMatchObject({ state: 'VALID', requestNumber: '512002' });
    // Pertenencia a Empresa: 730 days.
    const days = (Date.parse(status.data!.certificateBySerial.validTo) - Date.parse(status.data!.certificateBySerial.validFrom)) / 86_400_000;
    expect(days).toBe(730);
    expect((await server.gql(BY_SERIAL, { s: BigInt(`0x${serial}`).toString(10) }, partner)).data).toMatchObject({ certificateBySerial: { serialNumber: serial } });

    expect((await proposeAndApprove(MOVE.revoke, { n: '512002', why: 'keyCompromise' })).stage).toBe('REVOKED');
    seen = await publicDetail('80234567', '512002', operator);
    expect(seen.steps[4]).toMatchObject({ kind: 'VALIDITY', state: 'REVOKED', information: 'Su certificado de firma digital ha sido revocado.' });
    expect(seen.history).toEqual([
      { move: 'verify-payment', fromStage: 'AWAITING_PAYMENT', toStage: 'AWAITING_APPROVAL', actor: 'operador-1', reason: 'Factura FE-0001' },
      { move: 'approve', fromStage: 'AWAITING_APPROVAL', toStage: 'AWAITING_DELIVERY', actor: 'operador-1', reason: null },
      { move: 'propose-deliver', fromStage: 'AWAITING_DELIVERY', toStage: 'AWAITING_DELIVERY', actor: 'operador-1', reason: expect.stringMatching(/^Propuesta \d+$/) },
      { move: 'approve-proposal', fromStage: 'AWAITING_DELIVERY', toStage: 'AWAITING_DELIVERY', actor: 'Supervisora Ana', reason: expect.stringMatching(/^Propuesta \d+ \(entrega\) de operador-1$/) },
      { move: 'deliver', fromStage: 'AWAITING_DELIVERY', toStage: 'ISSUED', actor: 'operador-1', reason: null },
      { move: 'propose-revoke', fromStage: 'ISSUED', toStage: 'ISSUED', actor: 'operador-1', reason: expect.stringMatching(/^Propuesta \d+: keyCompromise$/) },
      { move: 'approve-proposal', fromStage: 'ISSUED', toStage: 'ISSUED', actor: 'Supervisora Ana', reason: expect.stringMatching(/^Propuesta \d+ \(revocación\) de operador-1$/) },
      { move: 'revoke', fromStage: 'ISSUED', toStage: 'REVOKED', actor: 'operador-1', reason: 'keyCompromise' },
    ]);
    expect((await server.gql(BY_SERIAL, { s: serial }, partner)).data).toMatchObject({ certificateBySerial: { state: 'REVOKED', revocationReason: 'keyCompromise' } });

    const mails = await outbox('512002');
    expect(mails.map((m) => [m.recipient, m.subject, m.sentAt])).toEqual([
      ['juan.muestra@example.com', 'Solicitud 512002: pago verificado (orden de pedido 511951)', null],
      ['juan.muestra@example.com', 'Solicitud 512002 aprobada (orden de pedido 511951)', null],
      ['juan.muestra@example.com', 'Solicitud 512002: certificado listo para descarga (orden de pedido 511951)', null],
      ['juan.muestra@example.com', 'Solicitud 512002: certificado revocado (orden de pedido 511951)', null],
    ]);
  });

  it('rejects with the reason the applicant reads (scenario filing-in-review)', async () => {
    const reason = 'la copia de la cédula no es legible; radique una nueva solicitud';
    expect((await op(MOVE.reject, { n: '512001', why: reason })).data?.r.stage).toBe('REJECTED');
    const seen = await publicDetail('52123456', '512001');
    expect(seen.status).toBe('REJECTED');
    expect(seen.steps[0]).toMatchObject({ kind: 'FILING', state: 'REJECTED', information: `Su solicitud fue rechazada: ${reason}` });
  });

  it('refuses every illegal move with FAILED_PRECONDITION and changes nothing', async () => {
    const before = await publicDetail('CE 456789', '512003', operator);
    const illegal: [string, Record<string, string>][] = [
      [MOVE.deliver, { n: '512003' }], // before approval
      [MOVE.pay, { n: '512003', i: 'FE-9' }], // paid already
      [MOVE.revoke, { n: '512003', why: 'superseded' }], // nothing issued
      [MOVE.file, { n: '512003' }],
      [MOVE.approve, { n: '512005' }], // rejected
      [MOVE.revoke, { n: '512005', why: 'superseded' }], // rejected
      [MOVE.revoke, { n: '434070', why: 'keyCompromise' }], // revoked already
      [MOVE.deliver, { n: '498210' }], // expired
    ];
    for (const [query, variables] of illegal) {
      const res: Gql = await op(query, variables);
      expect(res.errors?.[0].extensions?.code, `${query} ${JSON.stringify(variables)}`).toBe('FAILED_PRECONDITION');
      expect(res.errors?.[0].message).toMatch(/^No se puede /);
    }
    for (const n of ['999999', 'abc', '1 OR 1=1', '']) expect((await op(MOVE.approve, { n })).errors?.[0].extensions?.code, n).toBe('NOT_FOUND');
    expect(await publicDetail('CE 456789', '512003', operator)).toEqual(before);
  });

  it('lets only operators move requests', async () => {
    expect((await op(MOVE.approve, { n: '512003' }, {})).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const asPartner: Gql = await op(MOVE.approve, { n: '512003' }, partner);
    expect([asPartner.status, asPartner.errors?.[0].extensions?.code]).toEqual([403, 'FORBIDDEN']);
    expect((await server.gql(BY_SERIAL, { s: '3b00cdd4a8d648335efb415e3b273bd8' })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('lets exactly one of two operators acting at once win', async () => {
    const other = await startServer(database, {}, { url: server.databaseUrl });
    try {
      const results = await Promise.all([op(MOVE.approve, { n: '512003' }), other.gql(MOVE.approve, { n: '512003' }, operator)]);
      const outcomes = results.map((r: Gql) => (r.errors ? r.errors[0].extensions?.code : 'OK')).sort();
      expect(outcomes).toEqual(['FAILED_PRECONDITION', 'OK']);
      const history = await server.gql<{ requestHistory: { move: string }[] }>(`query { requestHistory(requestNumber: "512003") { move } }`, {}, operator);
      expect(history.data!.requestHistory).toEqual([{ move: 'approve' }]);
    } finally {
      await other.close();
    }
  });

  it('leaves nothing behind when a move fails halfway', async () => {
    const proposed = await op(MOVE.deliver, { n: '512004' });
    expect(proposed.data?.r).toMatchObject({ stage: 'AWAITING_DELIVERY', serialNumber: null });
    const proposal = proposed.data!.r.proposal!.id;
    const before = await publicDetail('1020304050', '512004', operator);
    expect(before.openProposal).toEqual({ move: 'deliver', proposedBy: 'operador-1' });
    const mailsBefore = (await outbox('512004')).length;
    // The last write of a move (its e-mail) fails: the serial, the steps and the history must roll back with it.
    const trigger =
      database.name === 'mysql'
        ? "CREATE TRIGGER fail_outbox BEFORE INSERT ON notification_outbox FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'boom'"
        : "CREATE TRIGGER fail_outbox BEFORE INSERT ON notification_outbox BEGIN SELECT RAISE(ABORT, 'boom'); END";
    await server.ssps.db.run((ds) => ds.query(trigger));
    try {
      // The approval and the delivery it carries out are one transaction: the decision rolls back too.
      await expect(server.ssps.lifecycle.approveProposal(proposal, SUPERVISOR)).rejects.toThrow(/boom/);
    } finally {
      await server.ssps.db.run((ds) => ds.query('DROP TRIGGER fail_outbox'));
    }
    expect(await publicDetail('1020304050', '512004', operator)).toEqual(before);
    expect((await outbox('512004')).length).toBe(mailsBefore);
    expect((await server.ssps.lifecycle.approveProposal(proposal, SUPERVISOR)).stage).toBe('ISSUED');
  });
});
