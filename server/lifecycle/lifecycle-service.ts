import { randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { CertificateRequest, Invoice, RequestEvent, RequestStep, type RequestStatus, type StepKind, type StepState } from '../../entities/index.js';
import type { Database } from '../db/database.js';
import { toDate } from '../db/values.js';
import { STEP_TEXT } from './step-texts.js';
import { correctApplicantName, type NameCorrection } from './name-correction.js';
import { MoveRefused, type MoveResult } from './refusals.js';
import { appendEvent, type HistoryKey } from './history.js';
import { storedInvoiceUrl } from './invoice.js';
import { allowed, stageOf, TRANSITIONS, waitingStep, type Move, type RevocationReason, type Stage } from './machine.js';
import { requestNotification } from './notification.js';
import { queueEmail } from '../notifications/outbox.js';

export type MoveInput =
  | { move: 'file' | 'approve' | 'deliver'; requestNumber: string; actor: string }
  | { move: 'verify-payment'; requestNumber: string; actor: string; invoiceNumber: string }
  | { move: 'reject'; requestNumber: string; actor: string; reason: string }
  | { move: 'revoke'; requestNumber: string; actor: string; reason: RevocationReason };

export { MoveRefused, type MoveResult } from './refusals.js';

const VERB: Record<Move, string> = {
  file: 'radicar',
  'verify-payment': 'verificar el pago de',
  approve: 'aprobar',
  reject: 'rechazar',
  deliver: 'entregar',
  revoke: 'revocar',
};

export const STAGE_TEXT: Record<Stage, string> = {
  AWAITING_FILING: 'en radicación de documentos',
  AWAITING_PAYMENT: 'pendiente de la verificación del pago',
  AWAITING_APPROVAL: 'pendiente de aprobación',
  AWAITING_DELIVERY: 'pendiente de entrega',
  ISSUED: 'con su certificado vigente',
  EXPIRED: 'con su certificado vencido',
  REVOKED: 'con su certificado revocado',
  REJECTED: 'rechazada',
  CANCELLED: 'cancelada',
};

interface Row {
  id: number;
  status: RequestStatus;
  version: number;
  valid_to: Date | string | null;
  validity_days: number;
  /** The address confirmed when applying: a request's e-mails go there only. */
  contact_email: string | null;
  kind: StepKind | null;
  state: StepState | null;
}

interface StepWrite {
  kind: StepKind;
  state: StepState;
  information: string;
  invoiceUrl?: string;
}

// Moves may wait on another operator's row lock; they get longer than a lookup.
const MOVE_DEADLINE_MS = 10_000;

/** The authority's side of a request: the moves, each in one transaction with its history and its e-mail. */
export class LifecycleService {
  constructor(
    private readonly db: Database,
    private readonly historyKey: HistoryKey,
  ) {}

  async apply(input: MoveInput, now = new Date()): Promise<MoveResult> {
    return this.db.run((ds) => ds.transaction((m) => this.applyIn(m, input, now)), MOVE_DEADLINE_MS);
  }

  private async applyIn(m: EntityManager, input: MoveInput, now: Date): Promise<MoveResult> {
    if (!/^\d{1,9}$/.test(input.requestNumber)) throw new MoveRefused('NOT_FOUND', `No existe la solicitud ${input.requestNumber}.`);
    const rows: Row[] = await m.query(
      `SELECT r.id, r.status, r.version, r.valid_to, t.validity_days, r.contact_email, s.kind, s.state
         FROM certificate_request r
         JOIN certificate_type t ON t.id = r.certificate_type_id
         LEFT JOIN request_step s ON s.request_id = r.id
        WHERE r.request_number = ?`,
      [Number(input.requestNumber)],
    );
    if (rows.length === 0) {
      throw new MoveRefused('NOT_FOUND', `No existe la solicitud ${input.requestNumber}.`);
    }
    const request = rows[0];
    const steps = new Map(rows.filter((r) => r.kind).map((r) => [r.kind!, r.state!]));
    const from = stageOf(request.status, steps, toDate(request.valid_to), now);
    if (!allowed(input.move, from)) {
      throw new MoveRefused('ILLEGAL', `No se puede ${VERB[input.move]} la solicitud ${input.requestNumber}: está ${STAGE_TEXT[from]}.`);
    }
    const to = TRANSITIONS[input.move].to;

    const update: Partial<CertificateRequest> = {};
    const writes: StepWrite[] = [];
    let reason: string | null = null;
    switch (input.move) {
      case 'file':
        writes.push({ kind: 'FILING', state: 'COMPLETED', information: STEP_TEXT.filed }, { kind: 'PAYMENT', state: 'IN_PROGRESS', information: STEP_TEXT.paymentReview });
        break;
      case 'verify-payment': {
        const token = randomBytes(32).toString('base64url');
        await m.insert(Invoice, { requestId: request.id, invoiceNumber: input.invoiceNumber, token, issuedAt: now });
        reason = `Factura ${input.invoiceNumber}`;
        writes.push(
          { kind: 'PAYMENT', state: 'COMPLETED', information: STEP_TEXT.paid, invoiceUrl: storedInvoiceUrl(token) },
          { kind: 'APPROVAL', state: 'IN_PROGRESS', information: STEP_TEXT.approvalReview },
        );
        break;
      }
      case 'approve':
        writes.push({ kind: 'APPROVAL', state: 'COMPLETED', information: STEP_TEXT.approved }, { kind: 'DELIVERY', state: 'IN_PROGRESS', information: STEP_TEXT.deliveryReady });
        break;
      case 'reject':
        reason = input.reason;
        update.status = 'REJECTED';
        writes.push({ kind: waitingStep(from), state: 'REJECTED', information: STEP_TEXT.rejected.replace('{reason}', input.reason) });
        break;
      case 'deliver':
        Object.assign(update, {
          status: 'COMPLETED',
          serialNumber: await newSerial(m),
          issuedAt: now,
          validFrom: now,
          validTo: new Date(now.getTime() + request.validity_days * 86_400_000),
        });
        writes.push({ kind: 'DELIVERY', state: 'COMPLETED', information: STEP_TEXT.delivered }, { kind: 'VALIDITY', state: 'VALID', information: STEP_TEXT.valid });
        break;
      case 'revoke':
        reason = input.reason;
        Object.assign(update, { revokedAt: now, revocationReason: input.reason });
        writes.push({ kind: 'VALIDITY', state: 'REVOKED', information: STEP_TEXT.revoked });
        break;
    }

    const updated = await m
      .createQueryBuilder()
      .update(CertificateRequest)
      .set({ ...update, version: () => 'version + 1' })
      .where('id = :id AND version = :version', { id: request.id, version: request.version })
      .execute();
    if (updated.affected !== 1) {
      throw new MoveRefused('CONFLICT', `Otra persona modificó la solicitud ${input.requestNumber} al mismo tiempo; consulte su estado y vuelva a intentarlo.`);
    }
    for (const write of writes) {
      const values = { state: write.state, information: write.information, modifiedAt: now, invoiceUrl: write.invoiceUrl ?? null };
      if (steps.has(write.kind)) await m.update(RequestStep, { requestId: request.id, kind: write.kind }, values);
      else await m.insert(RequestStep, { requestId: request.id, kind: write.kind, ...values });
    }
    // After the version update: the request's row now serializes this move's place in the chain.
    await appendEvent(m, this.historyKey, { requestId: request.id, occurredAt: now, actor: input.actor, move: input.move, fromStage: from, toStage: to, reason });
    if (request.contact_email) {
      const changed = writes[0];
      await queueEmail(m, { requestId: request.id, recipient: request.contact_email, ...requestNotification(input.requestNumber, { step: changed.kind, information: changed.information }) }, now);
    }
    return { requestNumber: input.requestNumber, stage: to, serialNumber: (update.serialNumber as string | undefined) ?? null };
  }

  /** An operator's correction of the applicant's recorded name (see name-correction.ts). */
  async correctName(input: NameCorrection, now = new Date()): Promise<MoveResult> {
    return this.db.run((ds) => ds.transaction((m) => correctApplicantName(m, this.historyKey, input, now)), MOVE_DEADLINE_MS);
  }

  async history(requestNumber: string): Promise<RequestEvent[]> {
    if (!/^\d{1,9}$/.test(requestNumber)) return [];
    return this.db.run((ds) =>
      ds
        .getRepository(RequestEvent)
        .createQueryBuilder('e')
        .innerJoin(CertificateRequest, 'r', 'r.id = e.request_id')
        .where('r.request_number = :n', { n: Number(requestNumber) })
        .orderBy('e.occurred_at', 'ASC')
        .addOrderBy('e.id', 'ASC')
        .getMany(),
    );
  }
}

/**
 * 16 bytes from the CSPRNG, top bit cleared so the DER INTEGER is positive (RFC 5280 §4.1.2.2),
 * lowercase hex. A collision is as good as impossible; it is checked anyway, and the unique
 * index is the last word.
 */
async function newSerial(m: EntityManager): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const bytes = randomBytes(16);
    bytes[0] &= 0x7f;
    const serial = bytes.toString('hex');
    if (!(await m.existsBy(CertificateRequest, { serialNumber: serial }))) return serial;
  }
  throw new Error('could not draw a unique serial number');
}
