import type { RequestStatus, StepKind, StepState } from '../../entities/domain.js';

/**
 * The one place that decides which move is allowed from which stage. A request's stage is
 * derived from its status and steps, never stored, so it cannot disagree with them.
 */
export const STAGES = [
  'AWAITING_FILING',
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
  reject: { from: ['AWAITING_FILING', 'AWAITING_PAYMENT', 'AWAITING_APPROVAL'], to: 'REJECTED' },
  deliver: { from: ['AWAITING_DELIVERY'], to: 'ISSUED' },
  // Nothing leaves REVOKED: a revoked certificate is never reactivated.
  revoke: { from: ['ISSUED'], to: 'REVOKED' },
};

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

export function stageOf(status: RequestStatus, steps: Map<StepKind, StepState>, validTo: Date | null, now: Date): Stage {
  if (status === 'REJECTED') return 'REJECTED';
  if (status === 'CANCELLED') return 'CANCELLED';
  const validity = steps.get('VALIDITY');
  if (validity === 'REVOKED') return 'REVOKED';
  if (validity === 'VALID') return validTo && validTo.getTime() <= now.getTime() ? 'EXPIRED' : 'ISSUED';
  if (steps.get('FILING') !== 'COMPLETED') return 'AWAITING_FILING';
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
      return 'FILING';
    case 'AWAITING_PAYMENT':
      return 'PAYMENT';
    default:
      return 'APPROVAL';
  }
}
