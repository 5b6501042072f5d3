import type { EntityManager } from 'typeorm';
import { Applicant, CertificateRequest, type RequestStatus, type StepKind, type StepState } from '../../entities/index.js';
import { toDate } from '../db/values.js';
import { appendEvent, type HistoryKey } from './history.js';
import { stageOf } from './machine.js';
import { MoveRefused, type MoveResult } from './refusals.js';
import { requestNotification } from './notification.js';
import { queueEmail } from '../notifications/outbox.js';

export interface NameCorrection {
  requestNumber: string;
  actor: string;
  /** Already normalized (server/names.ts personName). */
  fullName: string;
  reason: string;
}

interface Row {
  id: number;
  status: RequestStatus;
  version: number;
  valid_to: Date | string | null;
  applicant_id: number;
  full_name: string;
  kind: StepKind | null;
  state: StepState | null;
}

/**
 * The one way the name the lookup shows for a person changes: an operator, naming the request
 * whose documents prove it, with a reason. Recorded in that request's history (names before and
 * after); the request's stage does not move, but its version does, so the correction is ordered
 * with the other moves on it. Holder names of requests already filed are left as they were filed.
 */
export async function correctApplicantName(m: EntityManager, historyKey: HistoryKey, input: NameCorrection, now: Date): Promise<MoveResult> {
  const notFound = () => new MoveRefused('NOT_FOUND', `No existe la solicitud ${input.requestNumber}.`);
  if (!/^\d{1,9}$/.test(input.requestNumber)) throw notFound();
  const rows: Row[] = await m.query(
    `SELECT r.id, r.status, r.version, r.valid_to, r.applicant_id, a.full_name, s.kind, s.state
       FROM certificate_request r
       JOIN applicant a ON a.id = r.applicant_id
       LEFT JOIN request_step s ON s.request_id = r.id
      WHERE r.request_number = ?`,
    [Number(input.requestNumber)],
  );
  if (rows.length === 0) throw notFound();
  const request = rows[0];
  if (request.full_name === input.fullName) {
    throw new MoveRefused('ILLEGAL', `El nombre registrado del solicitante de la solicitud ${input.requestNumber} ya es ${input.fullName}.`);
  }
  const stage = stageOf(request.status, new Map(rows.filter((r) => r.kind).map((r) => [r.kind!, r.state!])), toDate(request.valid_to), now);
  const updated = await m
    .createQueryBuilder()
    .update(CertificateRequest)
    .set({ version: () => 'version + 1' })
    .where('id = :id AND version = :version', { id: request.id, version: request.version })
    .execute();
  if (updated.affected !== 1) {
    throw new MoveRefused('CONFLICT', `Otra persona modificó la solicitud ${input.requestNumber} al mismo tiempo; consulte su estado y vuelva a intentarlo.`);
  }
  // Conditional on the name read: of two corrections through two requests, one wins and the
  // history's "before" is always the name that was really replaced.
  const renamed = await m.update(Applicant, { id: request.applicant_id, fullName: request.full_name }, { fullName: input.fullName });
  if (renamed.affected !== 1) {
    throw new MoveRefused('CONFLICT', `Otra persona corrigió el nombre de este solicitante al mismo tiempo; consulte el nombre registrado y vuelva a intentarlo.`);
  }
  await appendEvent(m, historyKey, {
    requestId: request.id,
    occurredAt: now,
    actor: input.actor,
    move: 'correct-name',
    fromStage: stage,
    toStage: stage,
    reason: `Nombre registrado: «${request.full_name}» → «${input.fullName}». Motivo: ${input.reason}`,
  });
  // Everyone who applied for this person hears of it, at the address each confirmed: a
  // correction asked for by an impostor does not go unnoticed.
  const addresses: { request_id: number; contact_email: string }[] = await m.query(
    'SELECT MIN(id) AS request_id, contact_email FROM certificate_request WHERE applicant_id = ? AND contact_email IS NOT NULL GROUP BY contact_email',
    [request.applicant_id],
  );
  for (const { request_id, contact_email } of addresses) {
    await queueEmail(m, { requestId: request_id, recipient: contact_email, ...requestNotification(input.requestNumber, { nameCorrectedTo: input.fullName, reason: input.reason }) }, now);
  }
  return { requestNumber: input.requestNumber, stage, serialNumber: null };
}
