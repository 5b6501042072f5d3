import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { StepKind, StepState } from '../../entities/domain.js';
import { bogotaDay } from '../../server/calendar/bogota.js';
import { addBusinessDays, businessDaysBetween, dueState } from '../../server/calendar/business-days.js';
import { toDate } from '../../server/db/values.js';
import { seed } from '../../server/demo/seed.js';
import type { Scenario, ScenarioRequest } from '../../server/demo/scenarios.js';
import { stageOf } from '../../server/lifecycle/machine.js';
import { queueStage } from '../../server/lifecycle/queue.js';
import { STEP_TEXT } from '../../server/lifecycle/step-texts.js';
import { confirmedDraft, SUBMIT } from '../support/applying.js';
import { solvedToken } from '../support/captcha.js';
import { testDatabases } from '../support/databases.js';
import { cleanPdf, png } from '../support/documents.js';
import { serverFor } from '../support/server.js';
import type { Operator } from '../../server/operators/operator.js';

// A person signed in with the supervisor's role: approves what an operator's key proposed.
const SUPERVISOR: Operator = { id: 'oidc:supervisora-consola', name: 'Supervisora Consola', roles: ['ssps-operator', 'ssps-supervisor'], via: 'session' };

const COUNTS = `query ($type: String) { consoleQueueCounts(certificateType: $type) { stage count due overdue } }`;
const QUEUE = `query ($stage: QueueStage!, $type: String, $due: DueState, $first: Int, $after: String) {
  consoleQueue(stage: $stage, certificateType: $type, dueState: $due, first: $first, after: $after) {
    items { requestNumber orderNumber stage filedAt filedOn since ageBusinessDays dueState applicantName holderName company certificateType }
    nextCursor
  }
}`;
const SEARCH = `query ($text: String!, $first: Int, $after: String) {
  consoleSearch(text: $text, first: $first, after: $after) {
    items { requestNumber orderNumber applicant { idType idNumber fullName } holderName certificateType stage filedOn matchedBy }
    searchedAs
    nextCursor
  }
}`;
const REQUEST = `query ($n: String!) {
  consoleRequest(requestNumber: $n) {
    requestNumber orderNumber applicant { idType idNumber fullName } contactEmail contactPhone holderName company project
    certificateType certificateTypeCode status stage filedAt filedOn ageBusinessDays dueState expectedFrom expectedBy
    serialNumber validFrom validTo revokedAt
    documents { id kind mediaType size sha256 uploadedAt url }
    steps { kind state information modifiedOn }
    history { occurredAt actor move fromStage toStage reason }
  }
}`;
const ACTIVITY = `query ($operator: String, $from: Date, $to: Date, $first: Int, $after: String) {
  consoleActivity(operator: $operator, from: $from, to: $to, first: $first, after: $after) {
    items { kind occurredAt operator requestNumber move fromStage toStage reason documentId documentKind }
    nextCursor
  }
}`;
const MOVE = {
  file: `mutation ($n: String!) { r: fileRequest(requestNumber: $n) { stage } }`,
  pay: `mutation ($n: String!, $i: String!) { r: verifyPayment(requestNumber: $n, invoiceNumber: $i) { stage } }`,
  approve: `mutation ($n: String!) { r: approveRequest(requestNumber: $n) { stage } }`,
  reject: `mutation ($n: String!, $why: String!) { r: rejectRequest(requestNumber: $n, reason: $why) { stage } }`,
  deliver: `mutation ($n: String!) { r: deliverCertificate(requestNumber: $n) { stage proposal { id } } }`,
  revoke: `mutation ($n: String!, $why: RevocationReason!) { r: revokeCertificate(requestNumber: $n, reason: $why) { stage proposal { id } } }`,
};

interface QueueItem {
  requestNumber: string;
  stage: string;
  filedAt: string;
  filedOn: string;
  ageBusinessDays: number;
  dueState: string | null;
  applicantName: string;
  certificateType: string;
}
interface Hit {
  requestNumber: string;
  applicant: { idType: string; idNumber: string; fullName: string };
  matchedBy: string[];
}
interface Activity {
  kind: string;
  occurredAt: string;
  operator: string;
  requestNumber: string;
  move: string | null;
  documentId: string | null;
  documentKind: string | null;
}

const DAY = 86_400_000;
const noonAgo = (now: Date, days: number) => new Date(Math.floor((now.getTime() - days * DAY) / DAY) * DAY + 17 * 3_600_000);

/**
 * Scenario `queue-ages`: one person with five requests awaiting approval, filed 40, 20, 12, 3 and 0
 * days ago, two of them Función Pública; and scenario `paging-names`: three people whose names share
 * a prefix nobody else's has.
 */
function consoleScenarios(now: Date): Scenario[] {
  const waiting = (requestNumber: number, daysAgo: number, certificateType: ScenarioRequest['certificateType']): ScenarioRequest => ({
    requestNumber,
    orderNumber: requestNumber - 100_000,
    certificateType,
    status: 'IN_PROGRESS',
    steps: [
      { kind: 'FILING', state: 'COMPLETED', at: noonAgo(now, daysAgo), information: STEP_TEXT.filed },
      { kind: 'PAYMENT', state: 'COMPLETED', at: noonAgo(now, daysAgo), information: STEP_TEXT.paid },
      { kind: 'APPROVAL', state: 'IN_PROGRESS', at: noonAgo(now, daysAgo), information: STEP_TEXT.approvalReview },
    ],
  });
  const person = (name: string, idNumber: string, requests: ScenarioRequest[]): Scenario => ({
    name,
    description: name,
    applicant: { idType: 'CC', idNumber, fullName: name, email: `${idNumber}@example.com` },
    lookup: { idType: 'CC', idNumber },
    requests,
  });
  return [
    person('QUEUE EDADES PRUEBA', '61000001', [
      waiting(820001, 40, 'PERSONA_NATURAL'),
      waiting(820002, 20, 'FUNCION_PUBLICA'),
      waiting(820003, 12, 'PERSONA_NATURAL'),
      waiting(820004, 3, 'FUNCION_PUBLICA'),
      waiting(820005, 0, 'PERSONA_NATURAL'),
    ]),
    person('ZUÑIGA PAGINA UNO', '61000002', [waiting(820011, 2, 'PERSONA_NATURAL')]),
    person('ZUÑIGA PAGINA DOS', '61000003', [waiting(820012, 2, 'PERSONA_NATURAL'), waiting(820013, 1, 'PERSONA_NATURAL')]),
    person('ZUÑIGA PAGINA TRES', '61000004', [waiting(820014, 2, 'PERSONA_NATURAL')]),
  ];
}

describe.each(testDatabases())("the operators' console on $name", (database) => {
  const server = serverFor(database);
  let operator: Record<string, string>;
  let second: Record<string, string>;
  let partner: Record<string, string>;
  const now = new Date();

  beforeAll(async () => {
    operator = { authorization: `Bearer ${(await server.ssps.partners.create('operadora-consola', { role: 'operator', ratePerMinute: 10_000 })).key}` };
    second = { authorization: `Bearer ${(await server.ssps.partners.create('operador-segundo', { role: 'operator', ratePerMinute: 10_000 })).key}` };
    partner = { authorization: `Bearer ${(await server.ssps.partners.create('portal-consola', { ratePerMinute: 10_000 })).key}` };
    await server.ssps.db.run((ds) => seed(ds, consoleScenarios(now)), 60_000);
  });

  const gql = <T>(query: string, variables: Record<string, unknown> = {}, headers = operator) => server.gql<T>(query, variables, headers);

  async function move(query: string, variables: Record<string, string>, headers = operator) {
    const res = await gql<{ r: { stage: string } }>(query, variables, headers);
    expect(res.errors).toBeUndefined();
    return res.data!.r.stage;
  }

  /** A delivery or revocation: proposed by the operator's key, carried out when a supervisor approves it (four eyes). */
  async function fourEyes(query: string, variables: Record<string, string>) {
    const res = await gql<{ r: { stage: string; proposal: { id: string } } }>(query, variables);
    expect(res.errors).toBeUndefined();
    return (await server.ssps.lifecycle.approveProposal(res.data!.r.proposal.id, SUPERVISOR)).stage;
  }

  /** Every request's stage as machine.ts derives it from status and steps, beside its row in request_queue. */
  async function stagesSideBySide(): Promise<{ requestNumber: string; derived: string; queued: string | null }[]> {
    const rows = (await server.ssps.db.run((ds) =>
      ds.query(
        `SELECT r.request_number, r.status, r.valid_to, s.kind, s.state, q.stage AS queued
           FROM certificate_request r LEFT JOIN request_step s ON s.request_id = r.id LEFT JOIN request_queue q ON q.request_id = r.id`,
      ),
    )) as { request_number: number; status: 'IN_PROGRESS'; valid_to: string | Date | null; kind: StepKind | null; state: StepState | null; queued: string | null }[];
    const byRequest = new Map<number, typeof rows>();
    for (const row of rows) byRequest.set(row.request_number, [...(byRequest.get(row.request_number) ?? []), row]);
    return [...byRequest.values()].map((steps) => {
      const [first] = steps;
      const stage = stageOf(first.status, new Map(steps.filter((s) => s.kind).map((s) => [s.kind!, s.state!])), toDate(first.valid_to), new Date());
      return { requestNumber: String(first.request_number), derived: queueStage(stage), queued: first.queued };
    });
  }

  async function expectQueueAgrees() {
    for (const row of await stagesSideBySide()) expect(row.queued, `request ${row.requestNumber}`).toBe(row.derived);
  }

  async function wholeQueue(variables: Record<string, unknown>, first: number): Promise<QueueItem[]> {
    const items: QueueItem[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 50; pages++) {
      const res: { errors?: unknown; data?: { consoleQueue: { items: QueueItem[]; nextCursor: string | null } } | null } = await gql<{ consoleQueue: { items: QueueItem[]; nextCursor: string | null } }>(QUEUE, { ...variables, first, after });
      expect(res.errors).toBeUndefined();
      const page: { items: QueueItem[]; nextCursor: string | null } = res.data!.consoleQueue;
      expect(page.items.length).toBeLessThanOrEqual(first);
      items.push(...page.items);
      if (!page.nextCursor) return items;
      after = page.nextCursor;
    }
    throw new Error('too many pages');
  }

  describe('the queue', () => {
    it('is backfilled for the demo scenarios and agrees with the derived stage of every request', async () => {
      await expectQueueAgrees();
    });

    it('keeps agreeing after every move, an applicant\'s submission included (scenarios filing-in-review, payment-in-review, and a new application)', async () => {
      const draft = await confirmedDraft(server, 'consola.solicitante@example.com');
      for (const [kind, bytes, type] of [['ID_DOCUMENT', await cleanPdf(), 'application/pdf'], ['PROFESSIONAL_CARD', png(40, 30), 'image/png']] as const) {
        const res = await fetch(`${server.url}/applications/${draft}/documents/${kind}`, { method: 'PUT', headers: { 'content-type': type }, body: new Uint8Array(bytes) });
        expect(res.status).toBe(201);
      }
      const submitted = await server.gql<{ submitApplication: { requestNumber: string } }>(SUBMIT, {
        d: draft,
        a: { idType: 'CC', idNumber: '1098700001', fullName: 'Mariana Consola Prueba', phone: '+57 300 765 4321', certificateType: 'PROFESIONAL_TITULADO' },
      });
      expect(submitted.errors).toBeUndefined();
      const n = submitted.data!.submitApplication.requestNumber;
      await expectQueueAgrees();
      expect(await move(MOVE.pay, { n, i: 'FE-9001' })).toBe('AWAITING_APPROVAL');
      await expectQueueAgrees();
      expect(await move(MOVE.approve, { n }, second)).toBe('AWAITING_DELIVERY');
      await expectQueueAgrees();
      expect(await move(MOVE.deliver, { n })).toBe('AWAITING_DELIVERY');
      await expectQueueAgrees();
      // The proposal is open: the delivery itself waits for the supervisor.
      const pending = await server.ssps.lifecycle.openProposals(n);
      expect((await server.ssps.lifecycle.approveProposal(String(pending[0].id), SUPERVISOR)).stage).toBe('ISSUED');
      await expectQueueAgrees();
      expect(await fourEyes(MOVE.revoke, { n, why: 'superseded' })).toBe('REVOKED');
      await expectQueueAgrees();
      expect(await move(MOVE.file, { n: '512001' })).toBe('AWAITING_PAYMENT');
      await expectQueueAgrees();
      expect(await move(MOVE.reject, { n: '512002', why: 'El soporte de pago no corresponde.' }, second)).toBe('REJECTED');
      await expectQueueAgrees();
      const rows = await stagesSideBySide();
      expect(rows.find((r) => r.requestNumber === n)?.queued).toBe('REVOKED');
    });

    it('counts every stage, and of the waiting ones those due and overdue', async () => {
      const res = await gql<{ consoleQueueCounts: { stage: string; count: number; due: number; overdue: number }[] }>(COUNTS);
      expect(res.errors).toBeUndefined();
      const counts = res.data!.consoleQueueCounts;
      expect(counts.map((c) => c.stage)).toEqual(['AWAITING_FILING', 'AWAITING_CORRECTION', 'AWAITING_PAYMENT', 'AWAITING_APPROVAL', 'AWAITING_DELIVERY', 'ISSUED', 'REVOKED', 'REJECTED', 'CANCELLED']);
      const derived = await stagesSideBySide();
      for (const c of counts) expect(c.count, c.stage).toBe(derived.filter((d) => d.derived === c.stage).length);
      const approval = counts.find((c) => c.stage === 'AWAITING_APPROVAL')!;
      const approvals = await wholeQueue({ stage: 'AWAITING_APPROVAL' }, 100);
      expect(approval.overdue).toBe(approvals.filter((i) => i.dueState === 'OVERDUE').length);
      expect(approval.due).toBe(approvals.filter((i) => i.dueState === 'DUE').length);
      // Filed 40 and 20 days ago: past 8 business days whatever the holidays.
      expect(approval.overdue).toBeGreaterThanOrEqual(2);
      expect(counts.find((c) => c.stage === 'ISSUED')).toMatchObject({ due: 0, overdue: 0 });

      const publicFunction = await gql<{ consoleQueueCounts: { stage: string; count: number }[] }>(COUNTS, { type: 'FUNCION_PUBLICA' });
      expect(publicFunction.data!.consoleQueueCounts.find((c) => c.stage === 'AWAITING_APPROVAL')?.count).toBe(2);
    });

    it('lists a stage oldest first, page by page, with business-day ages and due marks (scenario queue-ages)', async () => {
      const all = await wholeQueue({ stage: 'AWAITING_APPROVAL' }, 2);
      const filed = all.map((i) => Date.parse(i.filedAt));
      expect(filed).toEqual([...filed].sort((a, b) => a - b));
      expect(new Set(all.map((i) => i.requestNumber)).size).toBe(all.length);
      const mine = all.filter((i) => i.requestNumber.startsWith('82000'));
      expect(mine.map((i) => i.requestNumber)).toEqual(['820001', '820002', '820003', '820004', '820005']);
      const today = bogotaDay(new Date());
      for (const item of all) {
        expect(item.stage).toBe('AWAITING_APPROVAL');
        expect(item.filedOn).toBe(bogotaDay(new Date(item.filedAt)));
        expect(item.ageBusinessDays, item.requestNumber).toBe(businessDaysBetween(item.filedOn, today));
        expect(item.dueState).toBe(dueState(item.ageBusinessDays));
      }
      expect(mine[0]).toMatchObject({ dueState: 'OVERDUE', applicantName: 'QUEUE EDADES PRUEBA', certificateType: 'Persona Natural' });
      expect(mine[0].ageBusinessDays).toBeGreaterThanOrEqual(24);
      expect(mine[4]).toMatchObject({ dueState: 'ON_TIME' });
      expect(mine[4].ageBusinessDays).toBeLessThanOrEqual(1);
    });

    it('filters by certificate type and by due state, paginating the filtered list', async () => {
      const publicFunction = await wholeQueue({ stage: 'AWAITING_APPROVAL', type: 'FUNCION_PUBLICA' }, 1);
      expect(publicFunction.map((i) => i.requestNumber)).toEqual(['820002', '820004']);
      const all = await wholeQueue({ stage: 'AWAITING_APPROVAL' }, 100);
      for (const due of ['ON_TIME', 'DUE', 'OVERDUE']) {
        const filtered = await wholeQueue({ stage: 'AWAITING_APPROVAL', due }, 1);
        expect(filtered.map((i) => i.requestNumber), due).toEqual(all.filter((i) => i.dueState === due).map((i) => i.requestNumber));
      }
      const overdueOfType = await wholeQueue({ stage: 'AWAITING_APPROVAL', due: 'OVERDUE', type: 'FUNCION_PUBLICA' }, 5);
      expect(overdueOfType.map((i) => i.requestNumber)).toEqual(['820002']);
    });

    it('shows finished requests without a due mark, their age frozen where they finished', async () => {
      const rejected = await wholeQueue({ stage: 'REJECTED' }, 10);
      expect(rejected.length).toBeGreaterThan(0);
      for (const item of rejected) expect(item.dueState).toBeNull();
      const refused = await gql(QUEUE, { stage: 'ISSUED', due: 'OVERDUE' });
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'dueState' });
    });

    it('refuses pages out of bounds and cursors it did not write', async () => {
      expect((await gql(QUEUE, { stage: 'AWAITING_APPROVAL', first: 0 })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
      expect((await gql(QUEUE, { stage: 'AWAITING_APPROVAL', first: 101 })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
      expect((await gql(QUEUE, { stage: 'AWAITING_APPROVAL', after: 'bm90IGEgY3Vyc29y' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
      expect((await gql(QUEUE, { stage: 'AWAITING_APPROVAL', after: '%%%' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    });
  });

  describe('search', () => {
    async function search(text: string, first?: number, after?: string | null) {
      const res = await gql<{ consoleSearch: { items: Hit[]; searchedAs: string[]; nextCursor: string | null } }>(SEARCH, { text, first, after });
      expect(res.errors).toBeUndefined();
      return res.data!.consoleSearch;
    }

    it('finds by ID number, normalized as the lookup does (scenarios manual-revoked and company-nit)', async () => {
      for (const text of ['1013592259', '1.013.592.259', ' 1013592259 ']) {
        const found = await search(text);
        expect(found.items.map((i) => [i.requestNumber, i.matchedBy])).toEqual([['434070', ['ID_NUMBER']]]);
        expect(found.searchedAs).toContain('ID_NUMBER');
      }
      const nit = await search('900123456-8');
      expect(nit.items.length).toBeGreaterThan(0);
      for (const item of nit.items) expect(item.applicant).toMatchObject({ idType: 'NIT', idNumber: '900123456-8' });
      const passport = await search('ab123456');
      expect(passport.items.map((i) => i.applicant.idType)).toContain('PA');
    });

    it('finds by request number, order number and serial number in any format (scenario manual-revoked)', async () => {
      expect((await search('434070')).items.map((i) => [i.requestNumber, i.matchedBy])).toEqual([['434070', ['REQUEST_NUMBER']]]);
      expect((await search('434043')).items.map((i) => [i.requestNumber, i.matchedBy])).toEqual([['434070', ['ORDER_NUMBER']]]);
      const serial = '3b00cdd4a8d648335efb415e3b273bd8';
      const spellings = [
        serial,
        serial.toUpperCase(),
        serial.match(/../g)!.join(':').toUpperCase(),
        serial.match(/../g)!.join(' '),
        BigInt(`0x${serial}`).toString(10),
      ];
      for (const text of spellings) expect((await search(text)).items.map((i) => [i.requestNumber, i.matchedBy]), text).toEqual([['434070', ['SERIAL_NUMBER']]]);
    });

    it('finds by the beginning of the recorded name, in any case, a page of people at a time (scenario paging-names)', async () => {
      const carlos = await search('carlos andrés');
      expect(carlos.searchedAs).toEqual(['NAME']);
      expect(carlos.items.map((i) => [i.requestNumber, i.applicant.fullName, i.matchedBy])).toEqual([['434070', 'CARLOS ANDRÉS EJEMPLO DÍAZ', ['NAME']]]);

      const first = await search('zuñiga pagina', 2);
      expect(first.items.map((i) => i.applicant.fullName)).toEqual(['ZUÑIGA PAGINA DOS', 'ZUÑIGA PAGINA DOS', 'ZUÑIGA PAGINA TRES']);
      expect(first.items.slice(0, 2).map((i) => i.requestNumber)).toEqual(['820013', '820012']);
      expect(first.nextCursor).toBeTruthy();
      const second = await search('zuñiga pagina', 2, first.nextCursor);
      expect(second.items.map((i) => i.applicant.fullName)).toEqual(['ZUÑIGA PAGINA UNO']);
      expect(second.nextCursor).toBeNull();
      // The cursor names a person only by an internal number.
      expect(Buffer.from(first.nextCursor!, 'base64url').toString()).toMatch(/^\[\d+\]$/);
      expect((await search('NADIE SE LLAMA ASI')).items).toEqual([]);
    });

    it('pages exact matches newest first', async () => {
      // Scenario several-requests: CC 71234567 has three requests.
      const first = await search('71234567', 2);
      expect(first.items).toHaveLength(2);
      const rest = await search('71234567', 2, first.nextCursor);
      const numbers = [...first.items, ...rest.items].map((i) => Number(i.requestNumber));
      expect(numbers).toHaveLength(3);
      expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
      expect(rest.nextCursor).toBeNull();
    });

    it('refuses empty or unreadable text', async () => {
      expect((await gql(SEARCH, { text: '   ' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
      expect((await gql(SEARCH, { text: 'a' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
      expect((await gql(SEARCH, { text: 'ANA\u202eSOFIA' })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'text' });
    });
  });

  describe("a request's page and its documents", () => {
    type Page = {
      requestNumber: string;
      applicant: { idType: string; idNumber: string; fullName: string };
      contactEmail: string;
      contactPhone: string;
      stage: string;
      status: string;
      serialNumber: string | null;
      validFrom: string | null;
      documents: { id: string; kind: string; mediaType: string; size: number; sha256: string; uploadedAt: string; url: string }[];
      steps: { kind: string; state: string }[];
      history: { actor: string; move: string; fromStage: string; toStage: string; reason: string | null }[];
      ageBusinessDays: number;
      dueState: string | null;
      expectedFrom: string | null;
    };
    let page: Page;

    beforeAll(async () => {
      const [{ request_number }] = (await server.ssps.db.run((ds) =>
        ds.query("SELECT r.request_number FROM certificate_request r JOIN applicant a ON a.id = r.applicant_id WHERE a.id_number = '1098700001'"),
      )) as { request_number: number }[];
      const res = await gql<{ consoleRequest: Page }>(REQUEST, { n: String(request_number) });
      expect(res.errors).toBeUndefined();
      page = res.data!.consoleRequest;
    });

    it('shows the applicant, the contact, the stage, the five steps and the history with operator names', () => {
      expect(page.applicant).toEqual({ idType: 'CC', idNumber: '1098700001', fullName: 'MARIANA CONSOLA PRUEBA' });
      expect(page).toMatchObject({ contactEmail: 'consola.solicitante@example.com', contactPhone: '+57 300 765 4321', status: 'COMPLETED', stage: 'REVOKED', dueState: null, expectedFrom: null });
      expect(page.serialNumber).toMatch(/^[0-7][0-9a-f]{31}$/);
      expect(page.steps.map((s) => [s.kind, s.state])).toEqual([['FILING', 'COMPLETED'], ['PAYMENT', 'COMPLETED'], ['APPROVAL', 'COMPLETED'], ['DELIVERY', 'IN_PROGRESS'], ['VALIDITY', 'REVOKED']]);
      expect(page.history.map((e) => [e.move, e.actor, e.fromStage, e.toStage])).toEqual([
        ['apply', 'applicant', 'AWAITING_FILING', 'AWAITING_PAYMENT'],
        ['verify-payment', 'operadora-consola', 'AWAITING_PAYMENT', 'AWAITING_APPROVAL'],
        ['approve', 'operador-segundo', 'AWAITING_APPROVAL', 'AWAITING_DELIVERY'],
        ['propose-deliver', 'operadora-consola', 'AWAITING_DELIVERY', 'AWAITING_DELIVERY'],
        ['approve-proposal', 'Supervisora Consola', 'AWAITING_DELIVERY', 'AWAITING_DELIVERY'],
        ['deliver', 'operadora-consola', 'AWAITING_DELIVERY', 'ISSUED'],
        ['propose-revoke', 'operadora-consola', 'ISSUED', 'ISSUED'],
        ['approve-proposal', 'Supervisora Consola', 'ISSUED', 'ISSUED'],
        ['revoke', 'operadora-consola', 'ISSUED', 'REVOKED'],
      ]);
    });

    it('lists every uploaded document with its address, and an operator key reads its bytes inline, sandboxed, never cached', async () => {
      expect(page.documents.map((d) => [d.kind, d.mediaType])).toEqual([['ID_DOCUMENT', 'application/pdf'], ['PROFESSIONAL_CARD', 'image/png']]);
      for (const document of page.documents) {
        expect(document.url).toBe(`/operaciones/documentos/${document.id}`);
        const res = await fetch(`${server.url}${document.url}`, { headers: operator });
        expect(res.status).toBe(200);
        const bytes = Buffer.from(await res.arrayBuffer());
        expect(bytes.length).toBe(document.size);
        expect(createHash('sha256').update(bytes).digest('hex')).toBe(document.sha256);
        expect(res.headers.get('content-type')).toBe(document.mediaType);
        expect(res.headers.get('content-disposition')).toMatch(/^inline; filename="[a-z_]+\.(pdf|png)"$/);
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
        expect(res.headers.get('content-security-policy')).toMatch(/^sandbox; default-src 'none'/);
        expect(res.headers.get('cache-control')).toBe('no-store');
      }
    });

    it('refuses the documents to a partner key, to anonymous callers and to unknown keys, and answers 404 for ids that name none', async () => {
      const url = `${server.url}${page.documents[0].url}`;
      expect((await fetch(url, { headers: partner })).status).toBe(403);
      const anonymous = await fetch(url);
      expect(anonymous.status).toBe(401);
      expect(((await anonymous.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('UNAUTHENTICATED');
      expect((await fetch(url, { headers: { authorization: 'Bearer no-such-key' } })).status).toBe(401);
      for (const id of ['999999', 'abc', '1%2F..', '']) expect((await fetch(`${server.url}/operaciones/documentos/${id}`, { headers: operator })).status, id).toBe(404);
      expect((await fetch(url, { method: 'POST', headers: operator })).status).toBe(405);
    });

    it('answers NOT_FOUND for a request number that names none', async () => {
      expect((await gql(REQUEST, { n: '999999999' })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect((await gql(REQUEST, { n: 'abc' })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    });

    it('shows a waiting request with its age and the applicant\'s expected window (scenario queue-ages)', async () => {
      const res = await gql<{ consoleRequest: Page & { filedOn: string; expectedBy: string } }>(REQUEST, { n: '820001' });
      const waiting = res.data!.consoleRequest;
      expect(waiting).toMatchObject({ stage: 'AWAITING_APPROVAL', dueState: 'OVERDUE', documents: [] });
      expect(waiting.ageBusinessDays).toBe(businessDaysBetween(waiting.filedOn, bogotaDay(new Date())));
      expect(waiting.expectedFrom! < waiting.expectedBy).toBe(true);
    });
  });

  describe('activity', () => {
    async function activity(variables: Record<string, unknown>) {
      const res = await gql<{ consoleActivity: { items: Activity[]; nextCursor: string | null } }>(ACTIVITY, variables);
      expect(res.errors).toBeUndefined();
      return res.data!.consoleActivity;
    }

    it('lists every operator action newest first: moves and document views, never the applicants\' submissions', async () => {
      const { items } = await activity({ first: 100 });
      const times = items.map((i) => Date.parse(i.occurredAt));
      expect(times).toEqual([...times].sort((a, b) => b - a));
      expect(items.some((i) => i.operator === 'applicant')).toBe(false);
      const views = items.filter((i) => i.kind === 'DOCUMENT_VIEW');
      expect(views.length).toBeGreaterThanOrEqual(2);
      expect(views[0]).toMatchObject({ operator: 'operadora-consola', move: null });
      expect(views.map((v) => v.documentKind)).toEqual(expect.arrayContaining(['ID_DOCUMENT', 'PROFESSIONAL_CARD']));
      expect(items.filter((i) => i.kind === 'MOVE').map((i) => i.move)).toEqual(expect.arrayContaining(['verify-payment', 'approve', 'deliver', 'revoke', 'file', 'reject']));
    });

    it('pages with a cursor, and filters by operator and by Bogotá dates', async () => {
      const { items: all } = await activity({ first: 100 });
      const paged: Activity[] = [];
      let after: string | null = null;
      do {
        const page: { items: Activity[]; nextCursor: string | null } = await activity({ first: 3, after });
        paged.push(...page.items);
        after = page.nextCursor;
      } while (after);
      expect(paged).toEqual(all);

      const secondOnly = await activity({ operator: 'operador-segundo', first: 100 });
      expect(secondOnly.items.map((i) => i.move)).toEqual(['reject', 'approve']);
      const today = bogotaDay(new Date());
      expect((await activity({ from: today, to: today, first: 100 })).items).toEqual(all);
      const yesterday = bogotaDay(new Date(Date.now() - DAY));
      expect((await activity({ to: yesterday, first: 100 })).items).toEqual([]);
      expect((await gql(ACTIVITY, { from: today, to: yesterday })).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    });
  });

  it("tells the applicant when a waiting request should be ready, and a certificate's validity once issued (scenarios queue-ages and valid-passport)", async () => {
    const LOOKUP = `query ($type: IdType!, $n: String!, $t: String) { certificateRequests(idType: $type, idNumber: $n, captchaToken: $t) { requests { id requestNumber } } }`;
    const DETAIL = `query ($id: ID!) { requestDetail(id: $id) { requestNumber expectedFrom expectedBy validFrom validTo } }`;
    const details = async (type: string, n: string) => {
      const lookup = await server.gql<{ certificateRequests: { requests: { id: string; requestNumber: string }[] } }>(LOOKUP, { type, n, t: await solvedToken(server.url) }, {});
      return Promise.all(
        lookup.data!.certificateRequests.requests.map(async (r) => (await server.gql<{ requestDetail: Record<string, string | null> }>(DETAIL, { id: r.id }, {})).data!.requestDetail),
      );
    };
    const waiting = (await details('CC', '61000001')).find((d) => d.requestNumber === '820003')!;
    const filedOn = bogotaDay(noonAgo(now, 12));
    expect(waiting).toMatchObject({ expectedFrom: addBusinessDays(filedOn, 5), expectedBy: addBusinessDays(filedOn, 8), validFrom: null, validTo: null });
    const [valid] = await details('PA', 'AB123456');
    expect(valid).toMatchObject({ expectedFrom: null, expectedBy: null });
    expect(Date.parse(valid.validFrom!)).toBeLessThan(Date.parse(valid.validTo!));
  });

  it('is for operators only: a partner key is FORBIDDEN, anonymous callers UNAUTHENTICATED', async () => {
    for (const [query, variables] of [[COUNTS, {}], [QUEUE, { stage: 'AWAITING_PAYMENT' }], [SEARCH, { text: '434070' }], [REQUEST, { n: '434070' }], [ACTIVITY, {}]] as const) {
      expect((await gql(query, variables, partner)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await gql(query, variables, {})).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
  });
});
