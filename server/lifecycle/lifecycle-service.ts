import type { EntityManager } from 'typeorm';
import { CertificateRequest, RequestEvent, type RequestStatus, type StepKind, type StepState } from '../../entities/index.js';
import type { Database } from '../db/database.js';
import { toDate } from '../db/values.js';
import type { HistoryKey } from './history.js';
import { allowed, stageOf, TRANSITIONS, type Move, type Stage } from './machine.js';
import { effectOf, recordMove, type MoveInput } from './moves.js';
import { correctApplicantName, type NameCorrection } from './name-correction.js';
import { MoveRefused, type MoveResult } from './refusals.js';

export type { MoveInput } from './moves.js';
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

    const effect = await effectOf(input, { m, requestId: request.id, validityDays: request.validity_days, from, now });
    const updated = await m
      .createQueryBuilder()
      .update(CertificateRequest)
      .set({ ...effect.request, version: () => 'version + 1' })
      .where('id = :id AND version = :version', { id: request.id, version: request.version })
      .execute();
    if (updated.affected !== 1) {
      throw new MoveRefused('CONFLICT', `Otra persona modificó la solicitud ${input.requestNumber} al mismo tiempo; consulte su estado y vuelva a intentarlo.`);
    }
    // After the version update: the request's row now serializes this move's place in the chain.
    await recordMove(
      m,
      this.historyKey,
      { requestId: request.id, requestNumber: input.requestNumber, actor: input.actor, move: input.move, from, to, effect, existingSteps: new Set(steps.keys()), recipient: request.contact_email },
      now,
    );
    return { requestNumber: input.requestNumber, stage: to, serialNumber: effect.request?.serialNumber ?? null };
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
