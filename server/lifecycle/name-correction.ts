import type { EntityManager } from 'typeorm';
import { Applicant } from '../../entities/index.js';
import { appendEvent, type HistoryKey } from './history.js';
import { MoveRefused, type MoveResult } from './refusals.js';
import { claimRequest, requestState } from './request-state.js';
import { requestNotification } from './notification.js';
import { queueEmail } from '../notifications/outbox.js';

export interface NameCorrection {
  requestNumber: string;
  actor: string;
  /** Already normalized (server/names.ts personName). */
  fullName: string;
  reason: string;
}

/**
 * The one way the name the lookup shows for a person changes: an operator, naming the request
 * whose documents prove it, with a reason. Recorded in that request's history (names before and
 * after); the request's stage does not move, but its version does, so the correction is ordered
 * with the other moves on it. Holder names of requests already filed are left as they were filed.
 */
export async function correctApplicantName(m: EntityManager, historyKey: HistoryKey, input: NameCorrection, publicUrl: string, now: Date): Promise<MoveResult> {
  const request = await requestState(m, input.requestNumber, now);
  if (request.fullName === input.fullName) {
    throw new MoveRefused('ILLEGAL', `El nombre registrado del solicitante de la solicitud ${input.requestNumber} ya es ${input.fullName}.`);
  }
  const stage = request.stage;
  await claimRequest(m, request, input.requestNumber);
  // Conditional on the name read: of two corrections through two requests, one wins and the
  // history's "before" is always the name that was really replaced.
  const renamed = await m.update(Applicant, { id: request.applicantId, fullName: request.fullName }, { fullName: input.fullName });
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
    reason: `Nombre registrado: «${request.fullName}» → «${input.fullName}». Motivo: ${input.reason}`,
  });
  // Everyone who applied for this person hears of it, at the address each confirmed, about a
  // request of their own (never another's order number): a correction asked for by an impostor
  // does not go unnoticed.
  const addresses: { request_id: number; contact_email: string }[] = await m.query(
    'SELECT MIN(id) AS request_id, contact_email FROM certificate_request WHERE applicant_id = ? AND contact_email IS NOT NULL GROUP BY contact_email',
    [request.applicantId],
  );
  for (const { request_id, contact_email } of addresses) {
    const [own]: { request_number: number; order_number: number; contact_language: string | null }[] = await m.query(
      'SELECT request_number, order_number, contact_language FROM certificate_request WHERE id = ?',
      [request_id],
    );
    const email = requestNotification(
      { kind: 'nameCorrected', nameCorrectedTo: input.fullName, reason: input.reason },
      { language: own.contact_language === 'en' ? 'en' : 'es', requestNumber: String(own.request_number), orderNumber: String(own.order_number), publicUrl },
    );
    await queueEmail(m, { requestId: request_id, recipient: contact_email, ...email }, now);
  }
  return { requestNumber: input.requestNumber, stage, serialNumber: null };
}
