import type { StepKind, StepState } from '../../entities/domain.js';

/** One of a request's five steps as the applicant reads it. */
export interface StepView {
  kind: StepKind;
  state: StepState;
  modifiedAt: Date | null;
  information: string;
  invoiceUrl: string | null;
}

/** The sentences operators' moves leave in "Información" (the manual's, where it shows one). */
export const STEP_TEXT = {
  filed: 'Su solicitud fue radicada con éxito.',
  filingReview: 'Sus documentos fueron recibidos y están en revisión.',
  paid: 'Su pago fue verificado con éxito.',
  paymentReview: 'Estamos verificando su pago.',
  approved: 'Su solicitud fue aprobada con éxito.',
  approvalReview: 'Su solicitud está en proceso de aprobación.',
  delivered: 'Su certificado de firma digital fue descargado con éxito',
  deliveryReady: 'Su certificado de firma digital está listo para descarga.',
  valid: 'Su certificado de firma digital se encuentra vigente.',
  revoked: 'Su certificado de firma digital ha sido revocado.',
  rejected: 'Su solicitud fue rechazada: {reason}',
  correctionAsked: 'Le pedimos enviar de nuevo algunos documentos: {reason}. Revise su correo electrónico.',
} as const;

// Sentences for the rows the applicant reads in "Información" when no operator has written one yet.
const PENDING: Record<Exclude<StepKind, 'VALIDITY'>, string> = {
  FILING: 'Su solicitud está pendiente de radicación.',
  PAYMENT: 'Su pago está pendiente de verificación.',
  APPROVAL: 'Su solicitud está pendiente de aprobación.',
  DELIVERY: 'Su certificado de firma digital está pendiente de entrega.',
};

export const NOT_ISSUED = 'Su certificado de firma digital aún no ha sido emitido.';
export const EXPIRED = 'Su certificado de firma digital se encuentra vencido.';

export function pendingText(kind: Exclude<StepKind, 'VALIDITY'>): string {
  return PENDING[kind];
}

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
