import type { StepKind } from '../../entities/domain.js';
import type { StepView } from './service.js';

// Sentences for the rows the applicant reads in "Información" when no operator has written one yet.
const PENDING: Record<Exclude<StepKind, 'VALIDITY'>, string> = {
  FILING: 'Su solicitud está pendiente de radicación.',
  PAYMENT: 'Su pago está pendiente de verificación.',
  APPROVAL: 'Su solicitud está pendiente de aprobación.',
  DELIVERY: 'Su certificado de firma digital está pendiente de entrega.',
};

export const NOT_ISSUED = 'Su certificado de firma digital aún no ha sido emitido.';
export const EXPIRED = 'Su certificado de firma digital se encuentra vencido.';

export function pendingStep(kind: Exclude<StepKind, 'VALIDITY'>): StepView {
  return { kind, state: 'PENDING', modifiedAt: null, information: PENDING[kind], invoiceUrl: null };
}

/** Vencido is not stored: a valid certificate expires by itself once `valid_to` has passed. */
export function validityStep(stored: StepView | null, validTo: Date | null, now: Date): StepView {
  if (!stored) return { kind: 'VALIDITY', state: 'NOT_ISSUED', modifiedAt: null, information: NOT_ISSUED, invoiceUrl: null };
  if (stored.state === 'VALID' && validTo && validTo.getTime() <= now.getTime()) {
    return { kind: 'VALIDITY', state: 'EXPIRED', modifiedAt: validTo, information: EXPIRED, invoiceUrl: null };
  }
  return stored;
}
