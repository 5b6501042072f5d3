import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seed } from '../../server/demo/seed.js';
import { HistoryKey, verifyHistory } from '../../server/lifecycle/history.js';
import type { Stage } from '../../server/lifecycle/machine.js';
import { requestState } from '../../server/lifecycle/request-state.js';
import type { Operator } from '../../server/operators/operator.js';
import { testDatabases } from '../support/databases.js';
import { outcome, raceScenario, type Seeded } from '../support/racing.js';
import { startServer, TEST_SECRET, type StartedServer, type TestServer } from '../support/server.js';

const MOVE = {
  file: `mutation ($n: String!) { r: fileRequest(requestNumber: $n) { stage } }`,
  pay: `mutation ($n: String!, $i: String!) { r: verifyPayment(requestNumber: $n, invoiceNumber: $i) { stage } }`,
  approve: `mutation ($n: String!) { r: approveRequest(requestNumber: $n) { stage } }`,
  reject: `mutation ($n: String!, $why: String!) { r: rejectRequest(requestNumber: $n, reason: $why) { stage } }`,
  deliver: `mutation ($n: String!) { r: deliverCertificate(requestNumber: $n) { stage proposal { id } } }`,
  revoke: `mutation ($n: String!, $why: RevocationReason!) { r: revokeCertificate(requestNumber: $n, reason: $why) { stage proposal { id } } }`,
  ask: `mutation ($n: String!, $k: [DocumentKind!]!, $why: String!) { r: requestCorrection(requestNumber: $n, kinds: $k, reason: $why) { stage } }`,
  name: `mutation ($n: String!, $name: String!, $why: String!) { r: correctApplicantName(requestNumber: $n, fullName: $name, reason: $why) { stage } }`,
};
const HISTORY = `query ($n: String!) { requestHistory(requestNumber: $n) { move actor fromStage toStage } }`;

const SUPERVISORS: Operator[] = ['ana', 'beto', 'carla', 'dario'].map((who) => ({ id: `oidc:${who}`, name: `Supervisor ${who}`, roles: ['ssps-operator', 'ssps-supervisor'], via: 'session' }));
const PROPOSER: Operator = { id: 'oidc:proponente', name: 'Proponente', roles: ['ssps-operator', 'ssps-supervisor'], via: 'session' };

/** Racers per request, taking turns between the two instances. */
const RACERS = 4;
/** Requests raced per kind of race: more chances for the racers to really overlap. */
const ROUNDS = 2;

describe.each(testDatabases())('racing moves on $name, across two instances on one database', (database) => {
  let first: StartedServer;
  let second: TestServer;
  let operator: Record<string, string>;

  beforeAll(async () => {
    first = await startServer(database, { SSPS_DEMO_DATA: '0' });
    second = await startServer(database, { SSPS_DEMO_DATA: '0' }, { url: first.databaseUrl });
    operator = { authorization: `Bearer ${(await first.ssps.partners.create('operadores-en-carrera', { role: 'operator', ratePerMinute: 100_000 })).key}` };
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
    await first?.dropDatabase();
  });

  const instances = () => [first, second];

  /** Fresh requests at `stage`, one per round. */
  async function requestsAt(stage: Seeded): Promise<string[]> {
    const scenarios = Array.from({ length: ROUNDS }, () => raceScenario(stage));
    await first.ssps.db.run((ds) => seed(ds, scenarios), 30_000);
    return scenarios.map((s) => String(s.requests[0].requestNumber));
  }

  /** Every racer at once, each through one of the two instances in turn. */
  async function race(racers: ((server: TestServer, i: number) => Promise<string>)[]): Promise<string[]> {
    return Promise.all(racers.map((racer, i) => racer(instances()[i % 2], i)));
  }

  const viaGraphql = (query: string, variables: (i: number) => Record<string, unknown>) =>
    Array.from({ length: RACERS }, () => async (server: TestServer, i: number) => outcome(await server.gql(query, variables(i), operator)));

  async function history(n: string): Promise<{ move: string; actor: string; fromStage: string; toStage: string }[]> {
    const res = await first.gql<{ requestHistory: { move: string; actor: string; fromStage: string; toStage: string }[] }>(HISTORY, { n }, operator);
    expect(res.errors).toBeUndefined();
    return res.data!.requestHistory;
  }

  async function stageOf(n: string): Promise<Stage> {
    return first.ssps.db.run(async (ds) => (await requestState(ds.manager, n, new Date())).stage);
  }

  /**
   * Exactly one racer won; every other was refused with CONFLICT (it raced the winner) or, had
   * it arrived once the winner had committed, with what the new stage answers (`late`); never
   * an internal error. The history holds one entry per move won, and its chain is intact.
   */
  async function expectOneWinner(n: string, outcomes: string[], late: string, moves: string[], stage: Stage): Promise<void> {
    expect(outcomes.filter((o) => o === 'OK'), outcomes.join(', ')).toHaveLength(1);
    for (const o of outcomes.filter((o) => o !== 'OK')) expect(['FAILED_PRECONDITION:CONFLICT', `FAILED_PRECONDITION:${late}`], outcomes.join(', ')).toContain(o);
    expect((await history(n)).map((e) => e.move)).toEqual(moves);
    expect(await stageOf(n)).toBe(stage);
    expect(await verifyHistory(first.ssps.db, new HistoryKey(TEST_SECRET), n)).toMatchObject({ requests: 1, entries: moves.length, broken: [] });
  }

  const seen: string[] = [];
  const tally = (outcomes: string[]) => (seen.push(...outcomes), outcomes);

  it('files once', async () => {
    for (const n of await requestsAt('AWAITING_FILING')) {
      await expectOneWinner(n, tally(await race(viaGraphql(MOVE.file, () => ({ n })))), 'ILLEGAL', ['file'], 'AWAITING_PAYMENT');
    }
  });

  it('verifies a payment once, with one invoice, whether the racers give the same invoice number or different ones', async () => {
    for (const same of [true, false]) {
      for (const n of await requestsAt('AWAITING_PAYMENT')) {
        const outcomes = tally(await race(viaGraphql(MOVE.pay, (i) => ({ n, i: same ? `FV-${n}` : `FV-${n}-${i}` }))));
        await expectOneWinner(n, outcomes, 'ILLEGAL', ['verify-payment'], 'AWAITING_APPROVAL');
        const invoices = (await first.ssps.db.run((ds) =>
          ds.query('SELECT i.invoice_number FROM invoice i JOIN certificate_request r ON r.id = i.request_id WHERE r.request_number = ?', [Number(n)]),
        )) as { invoice_number: string }[];
        expect(invoices.map((i) => i.invoice_number)).toEqual([same ? `FV-${n}` : `FV-${n}-${outcomes.indexOf('OK')}`]);
      }
    }
  });

  it('approves once', async () => {
    for (const n of await requestsAt('AWAITING_APPROVAL')) {
      await expectOneWinner(n, tally(await race(viaGraphql(MOVE.approve, () => ({ n })))), 'ILLEGAL', ['approve'], 'AWAITING_DELIVERY');
    }
  });

  it('rejects once', async () => {
    for (const n of await requestsAt('AWAITING_APPROVAL')) {
      await expectOneWinner(n, tally(await race(viaGraphql(MOVE.reject, (i) => ({ n, why: `Documentos no válidos (${i})` })))), 'ILLEGAL', ['reject'], 'REJECTED');
    }
  });

  it('opens one proposal to deliver, and one to revoke', async () => {
    for (const n of await requestsAt('AWAITING_DELIVERY')) {
      await expectOneWinner(n, tally(await race(viaGraphql(MOVE.deliver, () => ({ n })))), 'PROPOSAL_OPEN', ['propose-deliver'], 'AWAITING_DELIVERY');
      expect(await first.ssps.lifecycle.openProposals(n)).toHaveLength(1);
    }
    for (const n of await requestsAt('ISSUED')) {
      await expectOneWinner(n, tally(await race(viaGraphql(MOVE.revoke, () => ({ n, why: 'keyCompromise' })))), 'PROPOSAL_OPEN', ['propose-revoke'], 'ISSUED');
      expect(await first.ssps.lifecycle.openProposals(n)).toHaveLength(1);
    }
  });

  it('decides a proposal once: three supervisors approving and one declining at once', async () => {
    for (const n of await requestsAt('AWAITING_DELIVERY')) {
      const { proposal } = await first.ssps.lifecycle.propose({ move: 'deliver', requestNumber: n, actor: PROPOSER.name }, PROPOSER);
      const id = proposal!.id;
      const racers = SUPERVISORS.map((supervisor, k) => async (server: TestServer) => {
        try {
          await (k === 3 ? server.ssps.lifecycle.declineProposal(id, 'No corresponde todavía', supervisor) : server.ssps.lifecycle.approveProposal(id, supervisor));
          return 'OK';
        } catch (error) {
          const e = error as { code?: string; reason?: string; message?: string };
          return `${e.code}:${e.reason ?? e.message}`;
        }
      });
      const outcomes = tally(await race(racers));
      const declined = outcomes[3] === 'OK';
      await expectOneWinner(n, outcomes, 'PROPOSAL_CLOSED', declined ? ['propose-deliver', 'decline-proposal'] : ['propose-deliver', 'approve-proposal', 'deliver'], declined ? 'AWAITING_DELIVERY' : 'ISSUED');
      expect(await first.ssps.lifecycle.openProposals(n)).toEqual([]);
    }
  });

  it('asks for a correction once', async () => {
    for (const n of await requestsAt('AWAITING_PAYMENT')) {
      const outcomes = tally(await race(viaGraphql(MOVE.ask, (i) => ({ n, k: ['ID_DOCUMENT'], why: `La cédula no se lee (${i})` }))));
      await expectOneWinner(n, outcomes, 'ILLEGAL', ['request-correction'], 'AWAITING_CORRECTION');
      const open = (await first.ssps.db.run((ds) =>
        ds.query('SELECT COUNT(*) AS n FROM correction_request c JOIN certificate_request r ON r.id = c.request_id WHERE r.request_number = ?', [Number(n)]),
      )) as { n: number | string }[];
      expect(Number(open[0].n)).toBe(1);
    }
  });

  it('corrects a name once', async () => {
    for (const n of await requestsAt('AWAITING_FILING')) {
      const outcomes = tally(await race(viaGraphql(MOVE.name, () => ({ n, name: 'PERSONA CARRERA CORREGIDA', why: 'La cédula muestra otro segundo apellido' }))));
      await expectOneWinner(n, outcomes, 'ILLEGAL', ['correct-name'], 'AWAITING_FILING');
    }
  });

  it('lets one of two moves that exclude each other win: approving and rejecting at once', async () => {
    for (const n of await requestsAt('AWAITING_APPROVAL')) {
      // Half approve, half reject; either leaves a stage the other does not allow.
      const racers = Array.from({ length: RACERS }, (_, i) => async (server: TestServer) =>
        outcome(await (i % 2 === 0 ? server.gql(MOVE.approve, { n }, operator) : server.gql(MOVE.reject, { n, why: 'Pago no identificado' }, operator))),
      );
      const outcomes = tally(await race(racers));
      const rejected = outcomes.indexOf('OK') % 2 === 1;
      await expectOneWinner(n, outcomes, 'ILLEGAL', [rejected ? 'reject' : 'approve'], rejected ? 'REJECTED' : 'AWAITING_DELIVERY');
    }
  });

  it('never answered a racer with an internal error', () => {
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.filter((o) => !/^(OK|FAILED_PRECONDITION:)/.test(o))).toEqual([]);
  });
});
