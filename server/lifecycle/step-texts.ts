import type { StepKind, StepState } from '../../entities/domain.js';

/** The languages an applicant reads SSPS in: Spanish (es-CO) first, English too. */
export type Language = 'es' | 'en';

/** One of a request's five steps as the applicant reads it. */
export interface StepView {
  kind: StepKind;
  state: StepState;
  modifiedAt: Date | null;
  information: string;
  invoiceUrl: string | null;
}

/**
 * The sentences operators' moves leave in "Información" (the manual's, where it shows one).
 * request_step stores the sentence's key (text_code) and its parameters (text_params), and the
 * Spanish sentence too (information), so every reader can have it in their own language.
 */
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
  cancelledUnpaid: 'Su solicitud fue cancelada porque no se recibió el pago en el plazo establecido.',
  // For the rows no operator has written yet.
  pendingFiling: 'Su solicitud está pendiente de radicación.',
  pendingPayment: 'Su pago está pendiente de verificación.',
  pendingApproval: 'Su solicitud está pendiente de aprobación.',
  pendingDelivery: 'Su certificado de firma digital está pendiente de entrega.',
} as const;

export type StepTextCode = keyof typeof STEP_TEXT;

const STEP_TEXT_EN: Record<StepTextCode, string> = {
  filed: 'Your request was filed successfully.',
  filingReview: 'Your documents were received and are being reviewed.',
  paid: 'Your payment was verified successfully.',
  paymentReview: 'We are verifying your payment.',
  approved: 'Your request was approved successfully.',
  approvalReview: 'Your request is being approved.',
  delivered: 'Your digital signature certificate was downloaded successfully',
  deliveryReady: 'Your digital signature certificate is ready for download.',
  valid: 'Your digital signature certificate is valid.',
  revoked: 'Your digital signature certificate has been revoked.',
  rejected: 'Your request was rejected: {reason}',
  correctionAsked: 'We asked you to send some documents again: {reason}. Please check your e-mail.',
  cancelledUnpaid: 'Your request was cancelled because the payment was not received in time.',
  pendingFiling: 'Your request is waiting to be filed.',
  pendingPayment: 'Your payment is waiting to be verified.',
  pendingApproval: 'Your request is waiting for approval.',
  pendingDelivery: 'Your digital signature certificate is waiting to be delivered.',
};

/** A step's sentence as stored: its key and the values of its `{placeholders}` (free text an operator typed stays as typed). */
export interface StepText {
  code: StepTextCode;
  params?: Record<string, string>;
}

function fill(template: string, params: Record<string, string> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => params[key] ?? whole);
}

export function stepSentence(text: StepText, language: Language = 'es'): string {
  return fill((language === 'en' ? STEP_TEXT_EN : STEP_TEXT)[text.code], text.params);
}

/**
 * The code of a Spanish sentence stored before codes were (or written by hand, as the demo's):
 * the known sentence it is, with its parameters; null for any other text, which is shown as typed.
 */
export function stepTextOf(information: string): StepText | null {
  for (const code of Object.keys(STEP_TEXT) as StepTextCode[]) {
    const template = STEP_TEXT[code];
    const names: string[] = [];
    const pattern = template
      .split(/\{(\w+)\}/)
      .map((part, i) => {
        if (i % 2 === 0) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        names.push(part);
        return '([\\s\\S]+?)';
      })
      .join('');
    const match = new RegExp(`^${pattern}$`).exec(information);
    if (match) return names.length ? { code, params: Object.fromEntries(names.map((n, i) => [n, match[i + 1]])) } : { code };
  }
  return null;
}

/** request_step's text_code and text_params for a sentence (both null for text that is no known sentence). */
export function storedText(text: StepText | null): { textCode: string | null; textParams: string | null } {
  return { textCode: text?.code ?? null, textParams: text?.params ? JSON.stringify(text.params) : null };
}

/** How a stored step's sentence reads in `language`: from its code when it has one, else exactly as stored. */
export function storedSentence(row: { information: string; textCode: string | null; textParams: string | null }, language: Language): string {
  if (language === 'es' || !row.textCode || !(row.textCode in STEP_TEXT)) return row.information;
  let params: Record<string, string> | undefined;
  try {
    params = row.textParams ? (JSON.parse(row.textParams) as Record<string, string>) : undefined;
  } catch {
    return row.information;
  }
  return stepSentence({ code: row.textCode as StepTextCode, params }, language);
}

const PENDING: Record<Exclude<StepKind, 'VALIDITY'>, StepTextCode> = {
  FILING: 'pendingFiling',
  PAYMENT: 'pendingPayment',
  APPROVAL: 'pendingApproval',
  DELIVERY: 'pendingDelivery',
};

const NOT_ISSUED = { es: 'Su certificado de firma digital aún no ha sido emitido.', en: 'Your digital signature certificate has not been issued yet.' };
const EXPIRED = { es: 'Su certificado de firma digital se encuentra vencido.', en: 'Your digital signature certificate has expired.' };
/** After a rejection or a cancellation, for the steps that will never come. */
const CLOSED = {
  es: { REJECTED: 'No aplica: la solicitud fue rechazada.', CANCELLED: 'No aplica: la solicitud fue cancelada.' },
  en: { REJECTED: 'Does not apply: the request was rejected.', CANCELLED: 'Does not apply: the request was cancelled.' },
};

export function pendingStep(kind: Exclude<StepKind, 'VALIDITY'>, language: Language = 'es'): StepView {
  return { kind, state: 'PENDING', modifiedAt: null, information: stepSentence({ code: PENDING[kind] }, language), invoiceUrl: null };
}

/** A step a rejected or cancelled request will never reach: closed, with a sentence saying why. */
export function closedStep(kind: StepKind, why: 'REJECTED' | 'CANCELLED', language: Language = 'es'): StepView {
  return { kind, state: 'CLOSED', modifiedAt: null, information: CLOSED[language][why], invoiceUrl: null };
}

/** Vencido is not stored: a valid certificate expires by itself once `valid_to` has passed. */
export function validityStep(stored: StepView | null, validTo: Date | null, now: Date, language: Language = 'es'): StepView {
  if (!stored) return { kind: 'VALIDITY', state: 'NOT_ISSUED', modifiedAt: null, information: NOT_ISSUED[language], invoiceUrl: null };
  if (stored.state === 'VALID' && validTo && validTo.getTime() <= now.getTime()) {
    return { kind: 'VALIDITY', state: 'EXPIRED', modifiedAt: validTo, information: EXPIRED[language], invoiceUrl: null };
  }
  return stored;
}
