import type { EntityManager } from 'typeorm';
import { CertificateRequest, type RequestStatus, type StepKind, type StepState } from '../../entities/index.js';
import { toDate } from '../db/values.js';
import { stageOf, type Stage } from './machine.js';
import { MoveRefused } from './refusals.js';
import type { Language } from './step-texts.js';

/** A request as a move reads it, inside the move's transaction. */
export interface RequestState {
  id: number;
  version: number;
  validityDays: number;
  /** The certificate type's code, which prices the request (server/payments/prices.ts). */
  certificateTypeCode: string;
  /** The address confirmed when applying: a request's e-mails go there only. */
  contactEmail: string | null;
  /** The language the applicant applied in: the request's e-mails are written in it. */
  contactLanguage: Language;
  orderNumber: string;
  applicantId: number;
  /** The applicant's recorded name, as the lookup shows it. */
  fullName: string;
  steps: Map<StepKind, StepState>;
  stage: Stage;
  /** The open correction_request's id, expired or not (a new move from AWAITING_FILING closes an expired one). */
  openCorrectionId: number | null;
}

interface Row {
  id: number;
  status: RequestStatus;
  version: number;
  valid_to: Date | string | null;
  validity_days: number;
  type_code: string;
  contact_email: string | null;
  contact_language: string | null;
  order_number: number;
  applicant_id: number;
  full_name: string;
  kind: StepKind | null;
  state: StepState | null;
  correction_id: number | null;
  correction_expires_at: Date | string | null;
}

/** The request `requestNumber` names and the stage it is at; MoveRefused NOT_FOUND when there is none. */
export async function requestState(m: EntityManager, requestNumber: string, now: Date): Promise<RequestState> {
  const notFound = () => new MoveRefused('NOT_FOUND', `No existe la solicitud ${requestNumber}.`);
  if (!/^\d{1,9}$/.test(requestNumber)) throw notFound();
  const rows: Row[] = await m.query(
    `SELECT r.id, r.status, r.version, r.valid_to, t.validity_days, t.code AS type_code, r.contact_email, r.contact_language, r.order_number, r.applicant_id, a.full_name, s.kind, s.state,
            c.id AS correction_id, c.expires_at AS correction_expires_at
       FROM certificate_request r
       JOIN certificate_type t ON t.id = r.certificate_type_id
       JOIN applicant a ON a.id = r.applicant_id
       LEFT JOIN request_step s ON s.request_id = r.id
       LEFT JOIN correction_request c ON c.open_request_id = r.id
      WHERE r.request_number = ?`,
    [Number(requestNumber)],
  );
  if (rows.length === 0) throw notFound();
  const [row] = rows;
  const steps = new Map(rows.filter((r) => r.kind).map((r) => [r.kind!, r.state!]));
  return {
    id: row.id,
    version: row.version,
    validityDays: row.validity_days,
    certificateTypeCode: row.type_code,
    contactEmail: row.contact_email,
    contactLanguage: row.contact_language === 'en' ? 'en' : 'es',
    orderNumber: String(row.order_number),
    applicantId: row.applicant_id,
    fullName: row.full_name,
    steps,
    stage: stageOf(row.status, steps, toDate(row.valid_to), now, correctionOpen(row.correction_expires_at, now)),
    openCorrectionId: row.correction_id,
  };
}

/** An open correction counts until it expires; then the request is back in the queue at AWAITING_FILING. */
export function correctionOpen(expiresAt: Date | string | null, now: Date): boolean {
  const at = toDate(expiresAt);
  return at !== null && at.getTime() > now.getTime();
}

/**
 * Takes the request for this move, only if nobody moved it since it was read (optimistic lock
 * on `version`): of two moves at once, one wins and the other is refused with CONFLICT. A move
 * claims before it writes anything else, so the request's row orders racing moves before any
 * unique index (an invoice, an open proposal or correction) can: on one server the loser's
 * UPDATE waits for the winner's commit and then matches no row.
 */
export async function claimRequest(m: EntityManager, request: RequestState, requestNumber: string): Promise<void> {
  const updated = await m
    .createQueryBuilder()
    .update(CertificateRequest)
    .set({ version: () => 'version + 1' })
    .where('id = :id AND version = :version', { id: request.id, version: request.version })
    .execute();
  if (updated.affected !== 1) throw moveConflict(requestNumber);
}

/** The refusal of a move that lost to another move on the same request made at the same time. */
export function moveConflict(requestNumber: string): MoveRefused {
  return new MoveRefused('CONFLICT', `Otra persona modificó la solicitud ${requestNumber} al mismo tiempo; consulte su estado y vuelva a intentarlo.`);
}

/**
 * What a move's decision rests on, read first in its transaction: the request's version and
 * the applicant's recorded name (a name correction through another request of the same person
 * changes no version of this one). A repeated try must find exactly this, or it lost to
 * another move (server/lifecycle/lifecycle-service.ts, `write`). Null when there is no such request.
 */
export async function requestSeen(m: EntityManager, requestNumber: string): Promise<string | null> {
  if (!/^\d{1,9}$/.test(requestNumber)) return null;
  const [row]: { version: number; full_name: string }[] = await m.query(
    'SELECT r.version, a.full_name FROM certificate_request r JOIN applicant a ON a.id = r.applicant_id WHERE r.request_number = ?',
    [Number(requestNumber)],
  );
  return row ? JSON.stringify([Number(row.version), row.full_name]) : null;
}
