import type { EntityManager } from 'typeorm';
import { CertificateRequest, RequestEvent } from '../../entities/index.js';
import type { Database } from '../db/database.js';
import type { HistoryKey } from './history.js';
import { allowed, TRANSITIONS, type Move, type Stage } from './machine.js';
import { effectOf, recordMove, type MoveInput } from './moves.js';
import { correctApplicantName, type NameCorrection } from './name-correction.js';
import { MoveRefused, type MoveResult } from './refusals.js';
import { claimRequest, requestState } from './request-state.js';

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
    const request = await requestState(m, input.requestNumber, now);
    const from = request.stage;
    if (!allowed(input.move, from)) {
      throw new MoveRefused('ILLEGAL', `No se puede ${VERB[input.move]} la solicitud ${input.requestNumber}: está ${STAGE_TEXT[from]}.`);
    }
    const to = TRANSITIONS[input.move].to;

    const effect = await effectOf(input, { m, requestId: request.id, validityDays: request.validityDays, from, now });
    await claimRequest(m, request, input.requestNumber, effect.request);
    // After the version update: the request's row now serializes this move's place in the chain.
    await recordMove(
      m,
      this.historyKey,
      { requestId: request.id, requestNumber: input.requestNumber, actor: input.actor, move: input.move, from, to, effect, existingSteps: new Set(request.steps.keys()), recipient: request.contactEmail },
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
