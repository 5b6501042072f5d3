import type { StepKind } from '../../entities/domain.js';

/** The steps' names as the manual writes them (Paso1 … Paso4, Vigencia). */
export const STEP_NAME: Record<StepKind, string> = {
  FILING: 'Radicación de documentos',
  PAYMENT: 'Verificación de pago',
  APPROVAL: 'Aprobación de solicitud',
  DELIVERY: 'Entrega de certificado',
  VALIDITY: 'Vigencia',
};

const LOOKUP_HINT = 'Puede consultar el estado de su trámite en la opción "Conozca el estado del trámite de su firma".';

/**
 * The one place a request's e-mail to its applicant is worded: a step that changed (with the
 * sentence the lookup now shows, and anything the step adds), or a correction of the record.
 */
export function requestNotification(requestNumber: string | number, about: { step: StepKind; information: string; detail?: string } | { nameCorrectedTo: string; reason: string }) {
  if ('step' in about) {
    return {
      subject: `Su solicitud ${requestNumber}: ${STEP_NAME[about.step]}`,
      body: `${about.information}${about.detail ? ` ${about.detail}` : ''}\n\n${LOOKUP_HINT}`,
    };
  }
  return {
    subject: `Su solicitud ${requestNumber}: corrección del nombre registrado`,
    body: `Corregimos el nombre registrado del solicitante: ahora es ${about.nameCorrectedTo}. Motivo: ${about.reason}\n\nSi usted no pidió esta corrección, comuníquese con nuestro Call Center.`,
  };
}
