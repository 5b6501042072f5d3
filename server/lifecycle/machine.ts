import type { RequestStatus, StepKind, StepState } from '../../entities/domain.js';

/**
 * The one place that decides which move is allowed from which stage. A request's stage is
 * derived from its status and steps, never stored, so it cannot disagree with them.
 */
export const STAGES = [
  'AWAITING_FILING',
  'AWAITING_CORRECTION',
  'AWAITING_PAYMENT',
  'AWAITING_APPROVAL',
  'AWAITING_DELIVERY',
  'ISSUED',
  'EXPIRED',
  'REVOKED',
  'REJECTED',
  'CANCELLED',
] as const;
export type Stage = (typeof STAGES)[number];

export const MOVES = ['file', 'verify-payment', 'approve', 'reject', 'deliver', 'revoke'] as const;
export type Move = (typeof MOVES)[number];

export const TRANSITIONS: Record<Move, { from: readonly Stage[]; to: Stage }> = {
  file: { from: ['AWAITING_FILING'], to: 'AWAITING_PAYMENT' },
  'verify-payment': { from: ['AWAITING_PAYMENT'], to: 'AWAITING_APPROVAL' },
  approve: { from: ['AWAITING_APPROVAL'], to: 'AWAITING_DELIVERY' },
  reject: { from: ['AWAITING_FILING', 'AWAITING_CORRECTION', 'AWAITING_PAYMENT', 'AWAITING_APPROVAL'], to: 'REJECTED' },
  deliver: { from: ['AWAITING_DELIVERY'], to: 'ISSUED' },
  // Nothing leaves REVOKED: a revoked certificate is never reactivated.
  revoke: { from: ['ISSUED'], to: 'REVOKED' },
};

/**
 * Moves carried out only when a supervisor other than the proposer approves them (four eyes,
 * server/lifecycle/proposals.ts): they put a certificate in someone's hands or take it away.
 */
export const SUPERVISED_MOVES = ['deliver', 'revoke'] as const satisfies readonly Move[];
export type SupervisedMove = (typeof SUPERVISED_MOVES)[number];

export function isSupervised(move: Move): move is SupervisedMove {
  return (SUPERVISED_MOVES as readonly Move[]).includes(move);
}

/**
 * Asking the applicant for a correction (server/lifecycle/corrections.ts), and its arrival.
 * Only while the documents are still under review: before payment is verified (a submitted
 * application waits at AWAITING_PAYMENT, where operators check the documents against the ID
 * number). Later the payment and its invoice rest on the documents as they were, and an
 * issued certificate is revoked, not corrected. The request waits outside the working queue
 * until every kind asked has arrived, then is back at AWAITING_FILING to be filed again.
 */
export const CORRECTION = { from: ['AWAITING_FILING', 'AWAITING_PAYMENT'] as readonly Stage[], to: 'AWAITING_CORRECTION', back: 'AWAITING_FILING' } as const;

/**
 * RFC 5280 §5.3.1 CRLReason values an operator may give. certificateHold and removeFromCRL
 * are left out: they exist to suspend and reinstate, and a revocation here is final.
 */
export const REVOCATION_REASONS = [
  'unspecified',
  'keyCompromise',
  'cACompromise',
  'affiliationChanged',
  'superseded',
  'cessationOfOperation',
  'privilegeWithdrawn',
  'aACompromise',
] as const;
export type RevocationReason = (typeof REVOCATION_REASONS)[number];

/** `awaitingCorrection`: the request has an open, unexpired correction_request. */
export function stageOf(status: RequestStatus, steps: Map<StepKind, StepState>, validTo: Date | null, now: Date, awaitingCorrection = false): Stage {
  if (status === 'REJECTED') return 'REJECTED';
  if (status === 'CANCELLED') return 'CANCELLED';
  const validity = steps.get('VALIDITY');
  if (validity === 'REVOKED') return 'REVOKED';
  if (validity === 'VALID') return validTo && validTo.getTime() <= now.getTime() ? 'EXPIRED' : 'ISSUED';
  if (steps.get('FILING') !== 'COMPLETED') return awaitingCorrection ? 'AWAITING_CORRECTION' : 'AWAITING_FILING';
  if (steps.get('PAYMENT') !== 'COMPLETED') return 'AWAITING_PAYMENT';
  if (steps.get('APPROVAL') !== 'COMPLETED') return 'AWAITING_APPROVAL';
  return 'AWAITING_DELIVERY';
}

export function allowed(move: Move, stage: Stage): boolean {
  return TRANSITIONS[move].from.includes(stage);
}

/** The step a rejection lands on: the one the request is waiting at. */
export function waitingStep(stage: Stage): StepKind {
  switch (stage) {
    case 'AWAITING_FILING':
    case 'AWAITING_CORRECTION':
      return 'FILING';
    case 'AWAITING_PAYMENT':
      return 'PAYMENT';
    default:
      return 'APPROVAL';
  }
}
