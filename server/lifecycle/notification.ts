import type { DocumentKind } from '../applications/requirements.js';
import type { Language } from './step-texts.js';
import { formatCop, type PaymentDue } from '../payments/prices.js';
import { escapeHtml } from '../html.js';

/** The supporting documents' names, Spanish and English, as an applicant reads them (never their codes). */
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

/** How to pay, in the submission's e-mail: the amounts, the reference (the order number) and the configured ways to pay. */
export type PaymentInstructions = PaymentDue;

/**
 * What happened to a request, for its applicant. Each kind has its subject; the optional fields
 * are what a step adds when there is one (the payment instructions, the invoice, the download link).
 */
export type RequestEvent =
  | { kind: 'filed'; payment?: PaymentInstructions }
  | { kind: 'filingReview' }
  | { kind: 'paid'; invoiceUrl?: string }
  | { kind: 'approved' }
  | { kind: 'rejected'; reason: string }
  | { kind: 'deliveryReady'; downloadUrl?: string; downloadExpiresAt?: Date }
  | { kind: 'revoked' }
  | { kind: 'expiring'; validTo: Date; renewalUrl: string }
  | { kind: 'correction'; correction: CorrectionAsked }
  | { kind: 'nameCorrected'; nameCorrectedTo: string; reason: string };

/** Whom the e-mail is for and where its links lead. */
export interface Addressee {
  language: Language;
  requestNumber: string;
  orderNumber: string;
  /** The origin links start with (SSPS_PUBLIC_URL). */
  publicUrl: string;
}

export interface RenderedEmail {
  subject: string;
  /** The plain-text part. */
  body: string;
  html: string;
}

/** A paragraph, a link (label and address) or a list; plain text and HTML are both written from these. */
type Block = { p: string } | { link: string; href: string } | { list: string[] } | { strong: string };

const LOOKUP_PATH = '/consulta';

function day(date: Date, language: Language): string {
  return date.toLocaleDateString(language === 'en' ? 'en-GB' : 'es-CO', { timeZone: 'America/Bogota', day: '2-digit', month: '2-digit', year: 'numeric' });
}

interface Content {
  subject: string;
  blocks: Block[];
}

type Words = (event: RequestEvent, a: Addressee) => Content;

const es: Words = (event, a) => {
  const ids = `solicitud ${a.requestNumber} (orden de pedido ${a.orderNumber})`;
  const lookup: Block[] = [{ p: 'Puede consultar el estado de su trámite en cualquier momento con su tipo y número de identificación:' }, { link: 'Conozca el estado del trámite de su firma', href: `${a.publicUrl}${LOOKUP_PATH}` }];
  switch (event.kind) {
    case 'filed':
      return {
        subject: `Solicitud ${a.requestNumber} radicada (orden de pedido ${a.orderNumber})`,
        blocks: [
          { p: `Su ${ids} fue radicada con éxito.` },
          ...(event.payment
            ? [
                { strong: 'Cómo pagar' },
                {
                  list: [
                    `Valor a pagar: ${formatCop(event.payment.totalCop)} (subtotal ${formatCop(event.payment.priceCop)} + IVA ${formatCop(event.payment.vatCop)})`,
                    `Referencia de pago: ${event.payment.reference} (su número de orden de pedido)`,
                    ...(event.payment.bankAccount ? [`Consignación o transferencia: ${event.payment.bankAccount}, indicando la referencia`] : []),
                  ],
                },
                ...(event.payment.link ? [{ link: 'Pagar en línea (PSE)', href: event.payment.link }] : []),
              ]
            : [{ p: 'El siguiente paso es el pago: cuando lo verifiquemos le escribiremos de nuevo.' }]),
          ...lookup,
        ],
      };
    case 'filingReview':
      return { subject: `Solicitud ${a.requestNumber}: documentos recibidos (orden de pedido ${a.orderNumber})`, blocks: [{ p: `Recibimos los documentos de su ${ids}; están en revisión.` }, ...lookup] };
    case 'paid':
      return {
        subject: `Solicitud ${a.requestNumber}: pago verificado (orden de pedido ${a.orderNumber})`,
        blocks: [
          { p: `Verificamos el pago de su ${ids}. Ahora su solicitud está en proceso de aprobación.` },
          ...(event.invoiceUrl ? [{ link: 'Descargar la factura', href: event.invoiceUrl }] : [{ p: 'Su factura está disponible en el detalle de la solicitud, en la consulta del estado.' }]),
          ...lookup,
        ],
      };
    case 'approved':
      return { subject: `Solicitud ${a.requestNumber} aprobada (orden de pedido ${a.orderNumber})`, blocks: [{ p: `Su ${ids} fue aprobada con éxito. Le escribiremos cuando su certificado esté listo para descarga.` }, ...lookup] };
    case 'rejected':
      return {
        subject: `Solicitud ${a.requestNumber} rechazada (orden de pedido ${a.orderNumber})`,
        blocks: [{ p: `Su ${ids} fue rechazada.` }, { p: `Motivo: ${event.reason}` }, { p: 'Puede iniciar una nueva solicitud:' }, { link: 'Nueva solicitud', href: `${a.publicUrl}/solicitud` }, ...lookup],
      };
    case 'deliveryReady':
      return {
        subject: `Solicitud ${a.requestNumber}: certificado listo para descarga (orden de pedido ${a.orderNumber})`,
        blocks: [
          { p: `Su certificado de firma digital de la ${ids} está listo para descarga.` },
          ...(event.downloadUrl
            ? [
                { p: `Descárguelo en este enlace, de un solo uso${event.downloadExpiresAt ? `, válido hasta el ${day(event.downloadExpiresAt, 'es')}` : ''}. No lo comparta.` },
                { link: 'Descargar mi certificado', href: event.downloadUrl },
                { p: 'Su navegador genera la clave privada, que nunca sale de su equipo, y guarda un archivo .p12 protegido con la contraseña que usted elija.' },
              ]
            : []),
          ...lookup,
        ],
      };
    case 'revoked':
      return { subject: `Solicitud ${a.requestNumber}: certificado revocado (orden de pedido ${a.orderNumber})`, blocks: [{ p: `El certificado de firma digital de su ${ids} fue revocado y ya no es válido.` }, { p: 'Si usted no pidió la revocación, comuníquese con nuestro Call Center.' }, ...lookup] };
    case 'expiring':
      return {
        subject: `Solicitud ${a.requestNumber}: su certificado está por vencer (orden de pedido ${a.orderNumber})`,
        blocks: [{ p: `El certificado de firma digital de su ${ids} vence el ${day(event.validTo, 'es')}.` }, { p: 'Renuévelo a tiempo: la solicitud de renovación ya trae sus datos.' }, { link: 'Renovar mi certificado', href: event.renewalUrl }, ...lookup],
      };
    case 'correction': {
      const { kinds, reason, link, expiresAt } = event.correction;
      return {
        subject: `Solicitud ${a.requestNumber}: necesitamos documentos corregidos (orden de pedido ${a.orderNumber})`,
        blocks: [
          { p: `Para continuar con su ${ids} necesitamos que nos envíe de nuevo estos documentos:` },
          { list: kinds.map((k) => DOCUMENT_NAME[k].es) },
          { p: `Motivo: ${reason}` },
          { p: `Súbalos en este enlace, válido hasta el ${day(expiresAt, 'es')} y solo para esta solicitud:` },
          { link: 'Enviar los documentos', href: link },
          { p: 'Cuando recibamos todos, su solicitud vuelve a revisión. No comparta este enlace.' },
        ],
      };
    }
    case 'nameCorrected':
      return {
        subject: `Solicitud ${a.requestNumber}: corrección del nombre registrado (orden de pedido ${a.orderNumber})`,
        blocks: [{ p: `Corregimos el nombre registrado del solicitante: ahora es ${event.nameCorrectedTo}.` }, { p: `Motivo: ${event.reason}` }, { p: 'Si usted no pidió esta corrección, comuníquese con nuestro Call Center.' }, ...lookup],
      };
  }
};

const en: Words = (event, a) => {
  const ids = `request ${a.requestNumber} (order ${a.orderNumber})`;
  const lookup: Block[] = [{ p: 'You can check the status of your request at any time with your ID type and number:' }, { link: 'Check the status of your request', href: `${a.publicUrl}${LOOKUP_PATH}` }];
  switch (event.kind) {
    case 'filed':
      return {
        subject: `Request ${a.requestNumber} filed (order ${a.orderNumber})`,
        blocks: [
          { p: `Your ${ids} was filed successfully.` },
          ...(event.payment
            ? [
                { strong: 'How to pay' },
                {
                  list: [
                    `Amount to pay: ${formatCop(event.payment.totalCop)} (subtotal ${formatCop(event.payment.priceCop)} + VAT ${formatCop(event.payment.vatCop)})`,
                    `Payment reference: ${event.payment.reference} (your order number)`,
                    ...(event.payment.bankAccount ? [`Bank deposit or transfer: ${event.payment.bankAccount}, quoting the reference`] : []),
                  ],
                },
                ...(event.payment.link ? [{ link: 'Pay online (PSE)', href: event.payment.link }] : []),
              ]
            : [{ p: 'The next step is the payment: we will write again once we have verified it.' }]),
          ...lookup,
        ],
      };
    case 'filingReview':
      return { subject: `Request ${a.requestNumber}: documents received (order ${a.orderNumber})`, blocks: [{ p: `We received the documents of your ${ids}; they are being reviewed.` }, ...lookup] };
    case 'paid':
      return {
        subject: `Request ${a.requestNumber}: payment verified (order ${a.orderNumber})`,
        blocks: [
          { p: `We verified the payment of your ${ids}. Your request is now being approved.` },
          ...(event.invoiceUrl ? [{ link: 'Download the invoice', href: event.invoiceUrl }] : [{ p: "Your invoice is in the request's detail, in the status lookup." }]),
          ...lookup,
        ],
      };
    case 'approved':
      return { subject: `Request ${a.requestNumber} approved (order ${a.orderNumber})`, blocks: [{ p: `Your ${ids} was approved. We will write again when your certificate is ready for download.` }, ...lookup] };
    case 'rejected':
      return {
        subject: `Request ${a.requestNumber} rejected (order ${a.orderNumber})`,
        blocks: [{ p: `Your ${ids} was rejected.` }, { p: `Reason (as written by our staff): ${event.reason}` }, { p: 'You can start a new request:' }, { link: 'New request', href: `${a.publicUrl}/solicitud` }, ...lookup],
      };
    case 'deliveryReady':
      return {
        subject: `Request ${a.requestNumber}: certificate ready for download (order ${a.orderNumber})`,
        blocks: [
          { p: `The digital signature certificate of your ${ids} is ready for download.` },
          ...(event.downloadUrl
            ? [
                { p: `Download it with this single-use link${event.downloadExpiresAt ? `, valid until ${day(event.downloadExpiresAt, 'en')}` : ''}. Do not share it.` },
                { link: 'Download my certificate', href: event.downloadUrl },
                { p: 'Your browser generates the private key, which never leaves your computer, and saves a .p12 file protected by a password you choose.' },
              ]
            : []),
          ...lookup,
        ],
      };
    case 'revoked':
      return { subject: `Request ${a.requestNumber}: certificate revoked (order ${a.orderNumber})`, blocks: [{ p: `The digital signature certificate of your ${ids} was revoked and is no longer valid.` }, { p: 'If you did not ask for it, please call our Call Center.' }, ...lookup] };
    case 'expiring':
      return {
        subject: `Request ${a.requestNumber}: your certificate is about to expire (order ${a.orderNumber})`,
        blocks: [{ p: `The digital signature certificate of your ${ids} expires on ${day(event.validTo, 'en')}.` }, { p: 'Renew it in time: the renewal application comes with your details filled in.' }, { link: 'Renew my certificate', href: event.renewalUrl }, ...lookup],
      };
    case 'correction': {
      const { kinds, reason, link, expiresAt } = event.correction;
      return {
        subject: `Request ${a.requestNumber}: we need corrected documents (order ${a.orderNumber})`,
        blocks: [
          { p: `To continue with your ${ids} we need you to send these documents again:` },
          { list: kinds.map((k) => DOCUMENT_NAME[k].en) },
          { p: `Reason (as written by our staff): ${reason}` },
          { p: `Upload them with this link, valid until ${day(expiresAt, 'en')} and only for this request:` },
          { link: 'Send the documents', href: link },
          { p: 'Once all have arrived, your request is reviewed again. Do not share this link.' },
        ],
      };
    }
    case 'nameCorrected':
      return {
        subject: `Request ${a.requestNumber}: correction of the recorded name (order ${a.orderNumber})`,
        blocks: [{ p: `We corrected the applicant's recorded name: it is now ${event.nameCorrectedTo}.` }, { p: `Reason (as written by our staff): ${event.reason}` }, { p: 'If you did not ask for this correction, please call our Call Center.' }, ...lookup],
      };
  }
};

const WORDS: Record<Language, Words> = { es, en };

function textOf(blocks: Block[]): string {
  return blocks
    .map((b) => ('p' in b ? b.p : 'strong' in b ? b.strong : 'list' in b ? b.list.map((item) => `- ${item}`).join('\n') : `${b.link}: ${b.href}`))
    .join('\n\n');
}

function htmlOf(subject: string, blocks: Block[], language: Language): string {
  const body = blocks
    .map((b) => {
      if ('p' in b) return `<p>${escapeHtml(b.p)}</p>`;
      if ('strong' in b) return `<h2 style="font-size:1.1em">${escapeHtml(b.strong)}</h2>`;
      if ('list' in b) return `<ul>${b.list.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
      // Only http(s) links: a stored value can never become a javascript: link.
      if (!/^https?:\/\//.test(b.href)) return `<p>${escapeHtml(b.link)}: ${escapeHtml(b.href)}</p>`;
      return `<p><a href="${escapeHtml(b.href)}">${escapeHtml(b.link)}</a></p>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="${language === 'en' ? 'en' : 'es-CO'}">
<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;line-height:1.5;color:#1a1a1a;max-width:40em">
${body}
</body>
</html>`;
}

/**
 * The one place a request's e-mail to its applicant is worded, in the language the applicant
 * applied in: a subject that says what happened, with the request and order numbers, and the
 * same content as plain text and as HTML (every value escaped).
 */
export function requestNotification(event: RequestEvent, addressee: Addressee): RenderedEmail {
  const { subject, blocks } = WORDS[addressee.language](event, addressee);
  return { subject, body: textOf(blocks), html: htmlOf(subject, blocks, addressee.language) };
}
