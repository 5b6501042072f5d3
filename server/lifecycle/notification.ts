import type { StepKind } from '../../entities/domain.js';
import type { DocumentKind } from '../applications/requirements.js';

/** The steps' names as the manual writes them (Paso1 … Paso4, Vigencia). */
export const STEP_NAME: Record<StepKind, string> = {
  FILING: 'Radicación de documentos',
  PAYMENT: 'Verificación de pago',
  APPROVAL: 'Aprobación de solicitud',
  DELIVERY: 'Entrega de certificado',
  VALIDITY: 'Vigencia',
};

/** The supporting documents' names, Spanish and English, as an applicant reads them in an e-mail. */
export const DOCUMENT_NAME: Record<DocumentKind, { es: string; en: string }> = {
  ID_DOCUMENT: { es: 'Documento de identidad', en: 'Identity document' },
  PROFESSIONAL_CARD: { es: 'Tarjeta profesional', en: 'Professional card' },
  CHAMBER_CERTIFICATE: { es: 'Certificado de existencia y representación legal (Cámara de Comercio)', en: 'Certificate of incorporation and legal representation (Chamber of Commerce)' },
  APPOINTMENT_ACT: { es: 'Acto administrativo de nombramiento o posesión', en: 'Appointment or swearing-in act' },
  RUT: { es: 'Registro Único Tributario (RUT)', en: 'Tax registration (RUT)' },
};

export interface CorrectionAsked {
  kinds: DocumentKind[];
  reason: string;
  /** The page's address with the token in its fragment (never sent to a server). */
  link: string;
  expiresAt: Date;
}

const LOOKUP_HINT = 'Puede consultar el estado de su trámite en la opción "Conozca el estado del trámite de su firma".';

/**
 * The one place a request's e-mail to its applicant is worded: a step that changed (with the
 * sentence the lookup now shows, and anything the step adds), or a correction of the record.
 */
export function requestNotification(
  requestNumber: string | number,
  about: { step: StepKind; information: string; detail?: string; payment?: string } | { nameCorrectedTo: string; reason: string } | { correction: CorrectionAsked },
) {
  if ('correction' in about) {
    const { kinds, reason, link, expiresAt } = about.correction;
    const until = expiresAt.toLocaleDateString('es-CO', { timeZone: 'America/Bogota', day: '2-digit', month: '2-digit', year: 'numeric' });
    return {
      subject: `Su solicitud ${requestNumber}: necesitamos documentos corregidos`,
      body: [
        `Para continuar con su solicitud ${requestNumber} necesitamos que nos envíe de nuevo estos documentos:`,
        ...kinds.map((k) => `- ${DOCUMENT_NAME[k].es}`),
        `Motivo: ${reason}`,
        '',
        `Súbalos en este enlace, válido hasta el ${until} y solo para esta solicitud:`,
        link,
        'Cuando recibamos todos, su solicitud vuelve a revisión. No comparta este enlace.',
        '',
        `To continue with your request ${requestNumber} we need you to send these documents again:`,
        ...kinds.map((k) => `- ${DOCUMENT_NAME[k].en}`),
        `Reason (in Spanish): ${reason}`,
        `Upload them at the link above, valid until ${until} and only for this request. Once all have arrived, your request is reviewed again. Do not share this link.`,
      ].join('\n'),
    };
  }
  if ('step' in about) {
    return {
      subject: `Su solicitud ${requestNumber}: ${STEP_NAME[about.step]}`,
      body: `${about.information}${about.detail ? ` ${about.detail}` : ''}${about.payment ? `\n\n${about.payment}` : ''}\n\n${LOOKUP_HINT}`,
    };
  }
  return {
    subject: `Su solicitud ${requestNumber}: corrección del nombre registrado`,
    body: `Corregimos el nombre registrado del solicitante: ahora es ${about.nameCorrectedTo}. Motivo: ${about.reason}\n\nSi usted no pidió esta corrección, comuníquese con nuestro Call Center.`,
  };
}
