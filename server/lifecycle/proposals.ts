import type { EntityManager } from 'typeorm';
import { MoveProposal, type ProposalOutcome } from '../../entities/index.js';
import type { Database } from '../db/database.js';
import { toDate } from '../db/values.js';
import { isSupervisor, type Operator } from '../operators/operator.js';
import { appendEvent, type HistoryKey } from './history.js';
import { allowed, type SupervisedMove } from './machine.js';
import type { MoveInput } from './moves.js';
import { illegalMove, MoveRefused, SupervisorRequired, type ProposalView } from './refusals.js';
import { claimRequest, requestState } from './request-state.js';

/** A supervised move as proposed: deliver, or revoke with its reason. */
export type ProposedMove = { move: 'deliver'; requestNumber: string; actor: string } | Extract<MoveInput, { move: 'revoke' }>;

interface ProposalRow {
  id: number;
  request_number: number;
  move: string;
  reason: string | null;
  proposed_by_id: string;
  proposed_by_name: string;
  proposed_at: Date | string;
  decided_by_name: string | null;
  decided_at: Date | string | null;
  outcome: ProposalOutcome | null;
  decline_reason: string | null;
  version: number;
}

const SELECT = `SELECT p.id, r.request_number, p.move, p.reason, p.proposed_by_id, p.proposed_by_name, p.proposed_at,
                       p.decided_by_name, p.decided_at, p.outcome, p.decline_reason, p.version
                  FROM move_proposal p JOIN certificate_request r ON r.id = p.request_id`;

function view(row: ProposalRow): ProposalView {
  return {
    id: String(row.id),
    requestNumber: String(row.request_number),
    move: row.move,
    reason: row.reason,
    proposedBy: row.proposed_by_name,
    proposedAt: toDate(row.proposed_at)!,
    decidedBy: row.decided_by_name,
    decidedAt: toDate(row.decided_at),
    outcome: row.outcome,
    declineReason: row.decline_reason,
  };
}

const WHAT: Record<SupervisedMove, string> = { deliver: 'entrega', revoke: 'revocación' };

/**
 * Opens a proposal for a supervised move the request's stage allows, in the caller's
 * transaction: the stage does not move, the history records the proposal under the proposer.
 * A second open proposal for the request is refused (PROPOSAL_OPEN). Two proposals at once:
 * the request's version orders them (the loser is refused with CONFLICT), and the unique index
 * on `open_request_id` has the last word.
 */
export async function openProposal(m: EntityManager, historyKey: HistoryKey, input: ProposedMove, proposer: Operator, now: Date): Promise<ProposalView> {
  const request = await requestState(m, input.requestNumber, now);
  if (!allowed(input.move, request.stage)) throw illegalMove(input.move, input.requestNumber, request.stage);
  const [open]: { id: number }[] = await m.query('SELECT id FROM move_proposal WHERE open_request_id = ?', [request.id]);
  if (open) throw proposalOpen(input.requestNumber, open.id);
  await claimRequest(m, request, input.requestNumber);
  const reason = input.move === 'revoke' ? input.reason : null;
  const inserted = await m.insert(MoveProposal, {
    requestId: request.id,
    openRequestId: request.id,
    move: input.move,
    reason,
    proposedById: proposer.id,
    proposedByName: proposer.name,
    proposedAt: now,
    decidedById: null,
    decidedByName: null,
    decidedAt: null,
    outcome: null,
    declineReason: null,
    version: 1,
  });
  const id = Number(inserted.identifiers[0].id);
  await appendEvent(m, historyKey, {
    requestId: request.id,
    occurredAt: now,
    actor: proposer.name,
    move: `propose-${input.move}`,
    fromStage: request.stage,
    toStage: request.stage,
    reason: `Propuesta ${id}${reason ? `: ${reason}` : ''}`,
  });
  return (await proposalById(m, String(id)))!;
}

/**
 * Closes an open proposal with a supervisor's decision, in the caller's transaction: only a
 * supervisor, only someone other than the proposer, only while it is open. The request is
 * claimed first, then the proposal closed conditionally on its version: of two supervisors
 * deciding at once exactly one does, the other is refused with CONFLICT. Returns the
 * move to carry out (for an approval) and the closed proposal.
 */
export async function closeProposal(
  m: EntityManager,
  historyKey: HistoryKey,
  id: string,
  supervisor: Operator,
  decision: { outcome: 'APPROVED' } | { outcome: 'DECLINED'; reason: string },
  now: Date,
): Promise<{ move: ProposedMove; proposal: ProposalView; requestId: number }> {
  if (!isSupervisor(supervisor)) throw new SupervisorRequired();
  const row = await proposalRow(m, id);
  if (!row) throw new MoveRefused('NOT_FOUND', `No existe la propuesta ${id}.`);
  if (row.outcome) throw closed(row);
  if (samePerson(row, supervisor)) {
    throw new MoveRefused('SAME_PERSON', `La propuesta ${id} la hizo ${row.proposed_by_name}: debe aprobarla o declinarla otro supervisor.`);
  }
  const requestNumber = String(row.request_number);
  const request = await requestState(m, requestNumber, now);
  const move = (row.move === 'revoke' ? { move: 'revoke', requestNumber, actor: row.proposed_by_name, reason: row.reason } : { move: 'deliver', requestNumber, actor: row.proposed_by_name }) as ProposedMove;
  // A move the request no longer allows (a certificate expired meanwhile) is not carried out; the proposal stays open to be declined.
  if (decision.outcome === 'APPROVED' && !allowed(move.move, request.stage)) throw illegalMove(move.move, requestNumber, request.stage);
  await claimRequest(m, request, requestNumber);
  const declineReason = decision.outcome === 'DECLINED' ? decision.reason : null;
  const decided = await m
    .createQueryBuilder()
    .update(MoveProposal)
    .set({ openRequestId: null, outcome: decision.outcome, decidedById: supervisor.id, decidedByName: supervisor.name, decidedAt: now, declineReason, version: () => 'version + 1' })
    .where('id = :id AND version = :version AND outcome IS NULL', { id: row.id, version: row.version })
    .execute();
  // Decided at the same moment by someone else (what this transaction read does not show it yet).
  if (decided.affected !== 1) throw proposalConflict(id);
  await appendEvent(m, historyKey, {
    requestId: request.id,
    occurredAt: now,
    actor: supervisor.name,
    move: decision.outcome === 'APPROVED' ? 'approve-proposal' : 'decline-proposal',
    fromStage: request.stage,
    toStage: request.stage,
    reason: `Propuesta ${row.id} (${WHAT[move.move]}) de ${row.proposed_by_name}${declineReason ? `: ${declineReason}` : ''}`,
  });
  return { move, proposal: (await proposalById(m, id))!, requestId: request.id };
}

/** The open proposals, oldest first; of one request when its number is given. */
export async function openProposals(db: Database, requestNumber?: string): Promise<ProposalView[]> {
  if (requestNumber !== undefined && !/^\d{1,9}$/.test(requestNumber)) return [];
  const rows: ProposalRow[] = await db.run((ds) =>
    ds.query(`${SELECT} WHERE p.open_request_id IS NOT NULL ${requestNumber === undefined ? '' : 'AND r.request_number = ?'} ORDER BY p.proposed_at, p.id`, requestNumber === undefined ? [] : [Number(requestNumber)]),
  );
  return rows.map(view);
}

export async function proposalById(m: EntityManager, id: string): Promise<ProposalView | null> {
  const row = await proposalRow(m, id);
  return row ? view(row) : null;
}

/** A decision that lost to another decision, or to another move on the proposal's request, made at the same time. */
export function proposalConflict(id: string): MoveRefused {
  return new MoveRefused('CONFLICT', `Otra persona decidió la propuesta ${id}, o modificó su solicitud, al mismo tiempo; consulte su estado y vuelva a intentarlo.`);
}

/** What deciding a proposal rests on (see requestSeen): the proposal's version and its request's. */
export async function proposalSeen(m: EntityManager, id: string): Promise<string | null> {
  if (!/^\d{1,9}$/.test(id)) return null;
  const [row]: { proposal_version: number; version: number; full_name: string }[] = await m.query(
    `SELECT p.version AS proposal_version, r.version, a.full_name
       FROM move_proposal p JOIN certificate_request r ON r.id = p.request_id JOIN applicant a ON a.id = r.applicant_id
      WHERE p.id = ?`,
    [Number(id)],
  );
  return row ? JSON.stringify([Number(row.proposal_version), Number(row.version), row.full_name]) : null;
}

function proposalOpen(requestNumber: string, id?: number): MoveRefused {
  return new MoveRefused('PROPOSAL_OPEN', `La solicitud ${requestNumber} ya tiene una propuesta abierta${id ? ` (${id})` : ''}: un supervisor debe aprobarla o declinarla antes de proponer otra.`);
}

async function proposalRow(m: EntityManager, id: string): Promise<ProposalRow | null> {
  if (!/^\d{1,9}$/.test(id)) return null;
  const [row]: ProposalRow[] = await m.query(`${SELECT} WHERE p.id = ?`, [Number(id)]);
  return row ?? null;
}

/**
 * The same person: the same operator id, or — from the command line, where whoever runs the
 * server names themselves — the proposer's name (with or without the `ops-cli:` mark).
 */
function samePerson(row: ProposalRow, supervisor: Operator): boolean {
  if (row.proposed_by_id === supervisor.id) return true;
  if (supervisor.via !== 'cli') return false;
  const bare = (name: string) => name.replace(/^ops-cli:/, '').normalize('NFC').trim().toLocaleLowerCase('es-CO');
  return bare(row.proposed_by_name) === bare(supervisor.name);
}

function closed(row: ProposalRow | null): MoveRefused {
  const outcome = row?.outcome === 'APPROVED' ? 'aprobada' : 'declinada';
  return new MoveRefused('PROPOSAL_CLOSED', `La propuesta ${row?.id ?? ''} ya fue ${outcome}${row?.decided_by_name ? ` por ${row.decided_by_name}` : ''}; no hay nada más que decidir.`);
}
