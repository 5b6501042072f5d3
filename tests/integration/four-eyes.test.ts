import { beforeAll, describe, expect, it } from 'vitest';
import { HistoryKey, verifyHistory } from '../../server/lifecycle/history.js';
import { MoveRefused } from '../../server/lifecycle/refusals.js';
import { ServiceUnavailableError } from '../../server/refusals.js';
import type { Operator } from '../../server/operators/operator.js';
import { testDatabases } from '../support/databases.js';
import { serverFor, startServer, TEST_SECRET } from '../support/server.js';

const DELIVER = `mutation ($n: String!) { r: deliverCertificate(requestNumber: $n) { requestNumber stage serialNumber proposal { id requestNumber move reason proposedBy outcome } } }`;
const REVOKE = `mutation ($n: String!, $why: RevocationReason!) { r: revokeCertificate(requestNumber: $n, reason: $why) { stage proposal { id move reason proposedBy } } }`;
const APPROVE = `mutation ($id: ID!) { r: approveProposal(id: $id) { stage serialNumber } }`;
const DECLINE = `mutation ($id: ID!, $why: String!) { r: declineProposal(id: $id, reason: $why) { stage } }`;
const OPEN = `query ($n: String) { openProposals(requestNumber: $n) { id requestNumber move proposedBy } }`;
const HISTORY = `query ($n: String!) { requestHistory(requestNumber: $n) { move actor fromStage toStage reason } }`;

// People signed in with the supervisor's role (until sign-in merges, the service is called with them directly).
const ANA: Operator = { id: 'oidc:ana', name: 'Supervisora Ana', roles: ['ssps-operator', 'ssps-supervisor'], via: 'session' };
const BETO: Operator = { id: 'oidc:beto', name: 'Supervisor Beto', roles: ['ssps-operator', 'ssps-supervisor'], via: 'session' };
const CARLA: Operator = { id: 'oidc:carla', name: 'Operadora Carla', roles: ['ssps-operator'], via: 'session' };

type Refused = { reason?: string; code?: string };

describe.each(testDatabases())('four eyes on deliveries and revocations on $name', (database) => {
  const server = serverFor(database);
  let operator: Record<string, string>;

  beforeAll(async () => {
    operator = { authorization: `Bearer ${(await server.ssps.partners.create('operador-4', { role: 'operator', ratePerMinute: 10_000 })).key}` };
  });

  const gql = <T = { r: Record<string, unknown> }>(query: string, variables: Record<string, unknown>) => server.gql<T>(query, variables, operator);
  const stageOf = async (n: string) => (await server.ssps.db.run((ds) => ds.query('SELECT version FROM certificate_request WHERE request_number = ?', [Number(n)]))) as { version: number }[];
  const refusal = (promise: Promise<unknown>) => promise.then(() => ({}) as Refused, (e: unknown) => e as Refused);

  async function propose(n: string): Promise<string> {
    const res = await gql<{ r: { stage: string; serialNumber: string | null; proposal: { id: string } } }>(DELIVER, { n });
    expect(res.errors).toBeUndefined();
    return res.data!.r.proposal.id;
  }

  it('carries out a delivery and then a revocation only when another supervisor approves (scenario delivery-pending)', async () => {
    const proposed = await gql<{ r: { stage: string; serialNumber: string | null; proposal: Record<string, unknown> } }>(DELIVER, { n: '512004' });
    expect(proposed.data!.r).toMatchObject({ requestNumber: '512004', stage: 'AWAITING_DELIVERY', serialNumber: null, proposal: { requestNumber: '512004', move: 'deliver', reason: null, proposedBy: 'operador-4', outcome: null } });
    const id = (proposed.data!.r.proposal as { id: string }).id;
    expect((await gql(OPEN, {})).data).toEqual({ openProposals: [{ id, requestNumber: '512004', move: 'deliver', proposedBy: 'operador-4' }] });

    const delivered = await server.ssps.lifecycle.approveProposal(id, ANA);
    expect(delivered).toMatchObject({ stage: 'ISSUED', serialNumber: expect.stringMatching(/^[0-7][0-9a-f]{31}$/), proposal: { id, outcome: 'APPROVED', decidedBy: 'Supervisora Ana' } });
    expect((await gql(OPEN, { n: '512004' })).data).toEqual({ openProposals: [] });

    const revoking = await gql<{ r: { stage: string; proposal: { id: string; reason: string } } }>(REVOKE, { n: '512004', why: 'keyCompromise' });
    expect(revoking.data!.r).toMatchObject({ stage: 'ISSUED', proposal: { move: 'revoke', reason: 'keyCompromise', proposedBy: 'operador-4' } });
    expect((await server.ssps.lifecycle.approveProposal(revoking.data!.r.proposal.id, BETO)).stage).toBe('REVOKED');

    // The history shows who proposed and who approved each move, and its chain is intact.
    const history = await gql<{ requestHistory: { move: string; actor: string; toStage: string }[] }>(HISTORY, { n: '512004' });
    expect(history.data!.requestHistory.map((e) => [e.move, e.actor, e.toStage])).toEqual([
      ['propose-deliver', 'operador-4', 'AWAITING_DELIVERY'],
      ['approve-proposal', 'Supervisora Ana', 'AWAITING_DELIVERY'],
      ['deliver', 'operador-4', 'ISSUED'],
      ['propose-revoke', 'operador-4', 'ISSUED'],
      ['approve-proposal', 'Supervisor Beto', 'ISSUED'],
      ['revoke', 'operador-4', 'REVOKED'],
    ]);
    const verified = await verifyHistory(server.ssps.db, new HistoryKey(TEST_SECRET), '512004');
    expect(verified).toMatchObject({ requests: 1, entries: 6, broken: [] });
  });

  it('never lets the proposer approve, nor anyone without the supervisor role (scenario valid-passport)', async () => {
    const own = await server.ssps.lifecycle.propose({ move: 'revoke', requestNumber: '512006', actor: ANA.name, reason: 'superseded' }, ANA);
    const id = own.proposal!.id;
    const before = await stageOf('512006');

    expect(await refusal(server.ssps.lifecycle.approveProposal(id, ANA))).toMatchObject({ code: 'FAILED_PRECONDITION', reason: 'SAME_PERSON' });
    // The same person under another display name is still the same operator id.
    expect(await refusal(server.ssps.lifecycle.approveProposal(id, { ...ANA, name: 'Ana (otra pestaña)' }))).toMatchObject({ reason: 'SAME_PERSON' });
    expect(await refusal(server.ssps.lifecycle.approveProposal(id, CARLA))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusal(server.ssps.lifecycle.declineProposal(id, 'no corresponde', CARLA))).toMatchObject({ code: 'FORBIDDEN' });

    // Operator keys never hold the supervisor role: FORBIDDEN, HTTP 403.
    const byKey = await gql(APPROVE, { id });
    expect([byKey.status, byKey.errors?.[0].extensions?.code, byKey.errors?.[0].extensions?.reason]).toEqual([403, 'FORBIDDEN', 'SUPERVISOR_REQUIRED']);
    expect(byKey.errors?.[0].message).toContain('Solo un supervisor');
    expect((await server.gql(APPROVE, { id })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

    expect(await stageOf('512006')).toEqual(before);
    expect((await gql(OPEN, { n: '512006' })).data).toEqual({ openProposals: [{ id, requestNumber: '512006', move: 'revoke', proposedBy: 'Supervisora Ana' }] });
    expect((await server.ssps.lifecycle.approveProposal(id, BETO)).stage).toBe('REVOKED');
  });

  it('changes nothing but the history when a proposal is declined, and closes it (scenario several-requests)', async () => {
    const proposed = await gql<{ r: { proposal: { id: string } } }>(REVOKE, { n: '503377', why: 'affiliationChanged' });
    const id = proposed.data!.r.proposal.id;
    const before = await stageOf('503377');
    const declined = await server.ssps.lifecycle.declineProposal(id, 'El titular sigue vinculado a la empresa.', ANA);
    expect(declined).toMatchObject({ requestNumber: '503377', stage: 'ISSUED', serialNumber: null, proposal: { outcome: 'DECLINED', decidedBy: 'Supervisora Ana', declineReason: 'El titular sigue vinculado a la empresa.' } });
    const [{ version }] = await stageOf('503377');
    expect(version).toBe(before[0].version + 1);
    const [request] = (await server.ssps.db.run((ds) => ds.query('SELECT status, revoked_at FROM certificate_request WHERE request_number = 503377'))) as { status: string; revoked_at: unknown }[];
    expect(request).toEqual({ status: 'COMPLETED', revoked_at: null });

    expect(await refusal(server.ssps.lifecycle.approveProposal(id, BETO))).toMatchObject({ code: 'FAILED_PRECONDITION', reason: 'PROPOSAL_CLOSED' });
    expect(await refusal(server.ssps.lifecycle.declineProposal(id, 'otra vez no', BETO))).toMatchObject({ code: 'FAILED_PRECONDITION', reason: 'PROPOSAL_CLOSED' });
    expect((await gql(DECLINE, { id: '999999', why: 'no existe' })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await refusal(server.ssps.lifecycle.declineProposal('999999', 'no existe', ANA))).toMatchObject({ code: 'NOT_FOUND' });
    const history = await gql<{ requestHistory: { move: string; actor: string; reason: string }[] }>(HISTORY, { n: '503377' });
    expect(history.data!.requestHistory.map((e) => [e.move, e.actor, e.reason])).toEqual([
      ['propose-revoke', 'operador-4', `Propuesta ${id}: affiliationChanged`],
      ['decline-proposal', 'Supervisora Ana', `Propuesta ${id} (revocación) de operador-4: El titular sigue vinculado a la empresa.`],
    ]);
    expect(await verifyHistory(server.ssps.db, new HistoryKey(TEST_SECRET), '503377')).toMatchObject({ broken: [] });
  });

  it('refuses a second open proposal for a request, even from two instances at once (scenario company-nit)', async () => {
    const other = await startServer(database, {}, { url: server.databaseUrl });
    try {
      const results = await Promise.all([gql(REVOKE, { n: '509880', why: 'superseded' }), other.gql(REVOKE, { n: '509880', why: 'keyCompromise' }, operator)]);
      const outcomes = results.map((r) => (r.errors ? `${r.errors[0].extensions?.code}:${r.errors[0].extensions?.reason}` : 'OK')).sort();
      // The loser raced the winner (CONFLICT), or arrived once its proposal was open (PROPOSAL_OPEN).
      expect(outcomes).toEqual([expect.stringMatching(/^FAILED_PRECONDITION:(PROPOSAL_OPEN|CONFLICT)$/), 'OK']);
      const again = await gql(REVOKE, { n: '509880', why: 'unspecified' });
      expect(again.errors?.[0]).toMatchObject({ message: expect.stringContaining('ya tiene una propuesta abierta'), extensions: { code: 'FAILED_PRECONDITION', reason: 'PROPOSAL_OPEN' } });
      expect(((await gql<{ openProposals: unknown[] }>(OPEN, { n: '509880' })).data!.openProposals)).toHaveLength(1);
    } finally {
      await other.close();
    }
  });

  it('lets exactly one of two supervisors approving at once carry the move out (scenario approval-in-review)', async () => {
    expect((await gql(`mutation { r: approveRequest(requestNumber: "512003") { stage } }`, {})).errors).toBeUndefined();
    const id = await propose('512003');
    const other = await startServer(database, {}, { url: server.databaseUrl });
    try {
      const results = await Promise.allSettled([server.ssps.lifecycle.approveProposal(id, ANA), other.ssps.lifecycle.approveProposal(id, BETO)]);
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect([won.length, lost.length]).toEqual([1, 1]);
      // MariaDB makes the second wait on the first's row lock, then finds the proposal decided.
      // Two processes on one SQLite file: SQLite refuses the second writer outright (SQLITE_BUSY).
      if (database.name === 'sqlite' && lost[0].reason instanceof ServiceUnavailableError) expect(lost[0].reason.code).toBe('SERVICE_UNAVAILABLE');
      else expect(lost[0].reason).toMatchObject({ code: 'FAILED_PRECONDITION', reason: expect.stringMatching(/^(PROPOSAL_CLOSED|CONFLICT)$/) });
      expect(lost[0].reason instanceof MoveRefused || lost[0].reason instanceof ServiceUnavailableError).toBe(true);
      const history = await gql<{ requestHistory: { move: string }[] }>(HISTORY, { n: '512003' });
      expect(history.data!.requestHistory.map((e) => e.move)).toEqual(['approve', 'propose-deliver', 'approve-proposal', 'deliver']);
      const serials = (await server.ssps.db.run((ds) => ds.query('SELECT serial_number FROM certificate_request WHERE request_number = 512003'))) as { serial_number: string }[];
      expect(serials[0].serial_number).toMatch(/^[0-9a-f]{32}$/);
    } finally {
      await other.close();
    }
  });

  it('only proposes what the stage allows (scenarios filing-in-review, expired)', async () => {
    const early = await gql(DELIVER, { n: '512001' });
    expect(early.errors?.[0]).toMatchObject({ message: expect.stringMatching(/^No se puede entregar la solicitud 512001/), extensions: { code: 'FAILED_PRECONDITION', reason: 'ILLEGAL' } });
    expect((await gql(REVOKE, { n: '498210', why: 'superseded' })).errors?.[0].extensions?.reason).toBe('ILLEGAL');
    expect((await gql<{ openProposals: unknown[] }>(OPEN, {})).data!.openProposals.filter((p) => (p as { requestNumber: string }).requestNumber === '512001')).toEqual([]);
  });
});
