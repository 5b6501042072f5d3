import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { RequestStatus, StepKind, StepState } from '../../entities/domain.js';
import { RequestEvent } from '../../entities/index.js';
import type { Database } from '../db/database.js';
import { toDate } from '../db/values.js';
import { stageOf, type Stage } from './machine.js';

export interface NewEvent {
  requestId: number;
  occurredAt: Date;
  actor: string;
  move: string;
  fromStage: string;
  toStage: string;
  reason: string | null;
}

/**
 * The key of the history's hash chain, derived from SSPS_SECRET with its own HKDF info: whoever
 * can write to the database but does not hold the secret cannot compute a matching hash.
 */
export class HistoryKey {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = Buffer.from(hkdfSync('sha256', secret, 'ssps', 'request-history/v1', 32));
  }

  /**
   * HMAC-SHA256 over the previous entry's hash and this entry's fields, as a JSON array (one
   * spelling for one entry). The time counts in whole seconds: MySQL's DATETIME keeps no more.
   */
  hash(previous: string | null, e: NewEvent): string {
    const fields = [previous, e.requestId, Math.floor(e.occurredAt.getTime() / 1000), e.actor, e.move, e.fromStage, e.toStage, e.reason];
    return createHmac('sha256', this.key).update(JSON.stringify(fields)).digest('hex');
  }
}

/**
 * The one way an entry enters request_event: chained to the request's newest entry. The caller
 * must already hold the request's row in the same transaction (a move has updated its `version`,
 * a submission has just inserted it), so two writers on one request are serialized by that row
 * and cannot both chain to the same parent.
 */
export async function appendEvent(m: EntityManager, key: HistoryKey, event: NewEvent): Promise<void> {
  // Stored to the second, so what is hashed is exactly what both databases keep.
  const occurredAt = new Date(Math.floor(event.occurredAt.getTime() / 1000) * 1000);
  const [previous]: { hash: string | null }[] = await m.query('SELECT hash FROM request_event WHERE request_id = ? ORDER BY id DESC LIMIT 1', [event.requestId]);
  const sealed = { ...event, occurredAt };
  await m.insert(RequestEvent, { ...sealed, hash: key.hash(previous?.hash ?? null, sealed) });
}

export interface BrokenEntry {
  requestNumber: string;
  /** Null when what is wrong is the end of the history rather than one entry. */
  entryId: number | null;
  occurredAt: Date | null;
  move: string | null;
  problem: 'UNSEALED' | 'MISMATCH' | 'TRUNCATED';
}

export interface VerifyResult {
  requests: number;
  entries: number;
  /** The first entry of each request whose chain is broken. */
  broken: BrokenEntry[];
}

interface EventRow {
  id: number;
  request_id: number;
  occurred_at: Date | string;
  actor: string;
  move: string;
  from_stage: string;
  to_stage: string;
  reason: string | null;
  hash: string | null;
}

interface RequestRow {
  id: number;
  request_number: number;
  status: RequestStatus;
  valid_to: Date | string | null;
  kind: StepKind | null;
  state: StepState | null;
  correction_expires_at: Date | string | null;
}

const BATCH = 500;

/**
 * Walks the chain of one request (by its number) or of every request that has a history.
 * An entry without a hash is never taken as intact: nulling a hash cannot hide an edit. The
 * newest entry must lead to the stage the request is at, so deleting the newest entries shows too.
 */
export async function verifyHistory(db: Database, key: HistoryKey, requestNumber?: string, now = new Date()): Promise<VerifyResult> {
  const result: VerifyResult = { requests: 0, entries: 0, broken: [] };
  let after = 0;
  for (;;) {
    const batch: { request_id: number }[] = await db.run((ds) =>
      ds.query(
        `SELECT DISTINCT e.request_id FROM request_event e JOIN certificate_request r ON r.id = e.request_id
          WHERE e.request_id > ? ${requestNumber === undefined ? '' : 'AND r.request_number = ?'}
          ORDER BY e.request_id LIMIT ${BATCH}`,
        requestNumber === undefined ? [after] : [after, Number(requestNumber)],
      ),
    );
    if (batch.length === 0) return result;
    const ids = batch.map((b) => b.request_id);
    const marks = ids.map(() => '?').join(',');
    const [requests, events] = await db.run(async (ds) => [
      (await ds.query(
        `SELECT r.id, r.request_number, r.status, r.valid_to, s.kind, s.state, c.expires_at AS correction_expires_at
           FROM certificate_request r LEFT JOIN request_step s ON s.request_id = r.id
           LEFT JOIN correction_request c ON c.open_request_id = r.id
          WHERE r.id IN (${marks})`,
        ids,
      )) as RequestRow[],
      (await ds.query(
        `SELECT id, request_id, occurred_at, actor, move, from_stage, to_stage, reason, hash FROM request_event
          WHERE request_id IN (${marks}) ORDER BY request_id, id`,
        ids,
      )) as EventRow[],
    ]);
    const stepsOf = groupBy(requests, (r) => r.id);
    const chainOf = groupBy(events, (e) => e.request_id);
    for (const id of ids) {
      const chain = chainOf.get(id) ?? [];
      result.requests++;
      result.entries += chain.length;
      const broken = verifyChain(key, stepsOf.get(id)!, chain, now);
      if (broken) result.broken.push(broken);
    }
    after = ids[ids.length - 1];
  }
}

function groupBy<T>(rows: T[], key: (row: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

function verifyChain(key: HistoryKey, request: RequestRow[], chain: EventRow[], now: Date): BrokenEntry | null {
  const requestNumber = String(request[0].request_number);
  let previous: string | null = null;
  for (const e of chain) {
    const occurredAt = toDate(e.occurred_at)!;
    const at = { requestNumber, entryId: e.id, occurredAt, move: e.move };
    if (!e.hash) return { ...at, problem: 'UNSEALED' };
    const expected = key.hash(previous, {
      requestId: e.request_id,
      occurredAt,
      actor: e.actor,
      move: e.move,
      fromStage: e.from_stage,
      toStage: e.to_stage,
      reason: e.reason,
    });
    if (!/^[0-9a-f]{64}$/.test(e.hash) || !timingSafeEqual(Buffer.from(expected, 'hex'), Buffer.from(e.hash, 'hex'))) return { ...at, problem: 'MISMATCH' };
    previous = e.hash;
  }
  const steps = new Map(request.filter((r) => r.kind).map((r) => [r.kind!, r.state!]));
  // Expiry is no move: an expired certificate's history ends where it was issued, and an
  // expired correction's where it was asked (an open correction counts here, expired or not).
  const correcting = request[0].correction_expires_at !== null;
  const stage: Stage = stageOf(request[0].status, steps, toDate(request[0].valid_to), now, correcting);
  const expected = stage === 'EXPIRED' ? 'ISSUED' : stage;
  const last = chain[chain.length - 1];
  if (last.to_stage !== expected) return { requestNumber, entryId: null, occurredAt: null, move: null, problem: 'TRUNCATED' };
  return null;
}
