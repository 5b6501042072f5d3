import { Refusal } from '../refusals.js';
import type { Move, Stage } from './machine.js';

const VERB: Record<Move, string> = {
  file: 'radicar',
  'verify-payment': 'verificar el pago de',
  approve: 'aprobar',
  reject: 'rechazar',
  deliver: 'entregar',
  revoke: 'revocar',
};

/** A stage as a sentence ends: "la solicitud está …". */
export const STAGE_TEXT: Record<Stage, string> = {
  AWAITING_FILING: 'en radicación de documentos',
  AWAITING_CORRECTION: 'esperando los documentos corregidos que se pidieron al solicitante',
  AWAITING_PAYMENT: 'pendiente de la verificación del pago',
  AWAITING_APPROVAL: 'pendiente de aprobación',
  AWAITING_DELIVERY: 'pendiente de entrega',
  ISSUED: 'con su certificado vigente',
  EXPIRED: 'con su certificado vencido',
  REVOKED: 'con su certificado revocado',
  REJECTED: 'rechazada',
  CANCELLED: 'cancelada',
};

/** The refusal of a move the request's stage does not allow, saying why. */
export function illegalMove(move: Move, requestNumber: string, stage: Stage): MoveRefused {
  return new MoveRefused('ILLEGAL', `No se puede ${VERB[move]} la solicitud ${requestNumber}: está ${STAGE_TEXT[stage]}.`);
}

/** A four-eyes proposal as the console and the API read it (server/lifecycle/proposals.ts). */
export interface ProposalView {
  id: string;
  requestNumber: string;
  move: string;
  reason: string | null;
  proposedBy: string;
  proposedAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  outcome: 'APPROVED' | 'DECLINED' | null;
  declineReason: string | null;
}

export interface MoveResult {
  requestNumber: string;
  stage: Stage;
  serialNumber: string | null;
  /** The proposal the answer is about: the one a supervised move opened, or the one just decided. */
  proposal?: ProposalView | null;
}

export type MoveProblem = 'NOT_FOUND' | 'ILLEGAL' | 'CONFLICT' | 'SAME_PERSON' | 'PROPOSAL_CLOSED' | 'PROPOSAL_OPEN' | 'CORRECTION_OPEN';

/** Why a move did not happen; nothing was written. */
export class MoveRefused extends Refusal {
  readonly code: 'NOT_FOUND' | 'FAILED_PRECONDITION';

  constructor(
    readonly reason: MoveProblem,
    message: string,
  ) {
    super(message, reason === 'NOT_FOUND' ? {} : { reason });
    this.code = reason === 'NOT_FOUND' ? 'NOT_FOUND' : 'FAILED_PRECONDITION';
  }
}

/** Deciding a proposal takes the ssps-supervisor role, which operator API keys never hold. */
export class SupervisorRequired extends Refusal {
  readonly code = 'FORBIDDEN';

  constructor() {
    super('Solo un supervisor (rol ssps-supervisor) puede aprobar o declinar una propuesta de entrega o revocación.', { reason: 'SUPERVISOR_REQUIRED' });
  }
}
