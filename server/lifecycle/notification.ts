import type { StepKind } from '../../entities/domain.js';
import type { DocumentKind } from '../applications/requirements.js';
import type { DownloadLink } from '../certificates/download-links.js';

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

/** A reminder before a certificate expires (server/certificates/expiry-reminders.ts). */
export interface ExpiryNotice {
  validTo: Date;
  daysBefore: number;
  /** The application page with the renewal token in its fragment. */
  renewalLink: string;
}

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
  about: { step: StepKind; information: string; detail?: string; download?: DownloadLink } | { nameCorrectedTo: string; reason: string } | { correction: CorrectionAsked } | { expiry: ExpiryNotice },
) {
  if ('expiry' in about) return expiryReminder(requestNumber, about.expiry);
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
      body: `${about.information}${about.detail ? ` ${about.detail}` : ''}${about.download ? downloadLines(about.download) : ''}\n\n${LOOKUP_HINT}`,
    };
  }
  return {
    subject: `Su solicitud ${requestNumber}: corrección del nombre registrado`,
    body: `Corregimos el nombre registrado del solicitante: ahora es ${about.nameCorrectedTo}. Motivo: ${about.reason}\n\nSi usted no pidió esta corrección, comuníquese con nuestro Call Center.`,
  };
}

/** The delivery e-mail's link (server/certificates/): one use, until the time it names (Bogotá). */
function downloadLines({ link, expiresAt }: DownloadLink): string {
  const until = expiresAt.toLocaleString('es-CO', { timeZone: 'America/Bogota', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });
  return [
    '',
    '',
    `Descargue su certificado en este enlace, válido una sola vez y hasta el ${until} (hora de Bogotá):`,
    link,
    'Su navegador genera la clave privada, que nunca sale de su equipo, y guarda un archivo .p12 protegido con la contraseña que usted elija. No comparta este enlace.',
    '',
    `Download your certificate at the link above, valid once and until ${until} (Bogotá time). Your browser generates the private key, which never leaves your computer, and saves a .p12 file protected by a password you choose. Do not share this link.`,
  ].join('\n');
}

function expiryReminder(requestNumber: string | number, { validTo, daysBefore, renewalLink }: ExpiryNotice) {
  const on = validTo.toLocaleDateString('es-CO', { timeZone: 'America/Bogota', day: '2-digit', month: '2-digit', year: 'numeric' });
  return {
    subject: `Su certificado vence el ${on} (solicitud ${requestNumber})`,
    body: [
      `Su certificado de firma digital de la solicitud ${requestNumber} vence el ${on}, en ${daysBefore} días o menos.`,
      'Para renovarlo, inicie la solicitud en este enlace: el formulario llegará con sus datos.',
      renewalLink,
      '',
      `Your digital-signature certificate of request ${requestNumber} expires on ${on}, in ${daysBefore} days or less. To renew it, start the application at the link above: the form comes filled with your data.`,
    ].join('\n'),
  };
}
