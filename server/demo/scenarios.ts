import type { IdType, RequestStatus, StepKind, StepState } from '../../entities/domain.js';
import { STEP_TEXT as TEXT } from '../lifecycle/step-texts.js';

/**
 * Demo data as named scenarios (one person each). The people are fictional; the
 * manual's request, order and serial numbers are kept so its walkthrough can be
 * followed step by step. Dates of live states are relative to the day of seeding,
 * so "vigente" stays vigente and "vencido" stays vencido whenever the demo is loaded.
 */
export interface ScenarioStep {
  kind: StepKind;
  state: StepState;
  at: Date;
  information: string;
  invoiceUrl?: string;
}

export interface ScenarioRequest {
  requestNumber: number;
  orderNumber: number;
  holderName?: string;
  company?: string;
  project?: string;
  certificateType: CertificateTypeCode;
  status: RequestStatus;
  issuedAt?: Date;
  serialNumber?: string;
  validFrom?: Date;
  validTo?: Date;
  revokedAt?: Date;
  revocationReason?: string;
  steps: ScenarioStep[];
}

export interface Scenario {
  name: string;
  description: string;
  applicant: { idType: IdType; idNumber: string; fullName: string; email: string } | null;
  /** For a scenario without a person: the document that finds nothing. */
  lookup: { idType: IdType; idNumber: string };
  requests: ScenarioRequest[];
}

export const CERTIFICATE_TYPES = [
  { code: 'PERSONA_NATURAL', name: 'Persona Natural', validityDays: 730, requiresCompany: false },
  { code: 'PROFESIONAL_TITULADO', name: 'Profesional Titulado', validityDays: 730, requiresCompany: false },
  { code: 'PERTENENCIA_EMPRESA', name: 'Pertenencia a Empresa', validityDays: 730, requiresCompany: true },
  { code: 'REPRESENTANTE_LEGAL', name: 'Representante Legal', validityDays: 730, requiresCompany: true },
  { code: 'FUNCION_PUBLICA', name: 'Función Pública', validityDays: 730, requiresCompany: true },
  { code: 'PERSONA_JURIDICA', name: 'Persona Jurídica', validityDays: 365, requiresCompany: true },
] as const;

export type CertificateTypeCode = (typeof CERTIFICATE_TYPES)[number]['code'];


// Noon in Bogotá (UTC-5), so a date never slides to the day before or after.
function day(isoDate: string): Date {
  return new Date(`${isoDate}T17:00:00Z`);
}

function daysFrom(base: Date, days: number): Date {
  const d = new Date(base);
  d.setUTCDate(d.getUTCDate() + days);
  d.setUTCHours(17, 0, 0, 0);
  return d;
}

const step = (kind: StepKind, state: StepState, at: Date, information: string): ScenarioStep => ({ kind, state, at, information });

/** A request that went all the way: filed, paid, approved, delivered, and then valid (or revoked). */
function issued(filedAt: Date, validityDays: number) {
  const paidAt = daysFrom(filedAt, 1);
  const approvedAt = daysFrom(filedAt, 2);
  const issuedAt = daysFrom(filedAt, 3);
  return {
    issuedAt,
    validFrom: issuedAt,
    validTo: daysFrom(issuedAt, validityDays),
    steps: [
      step('FILING', 'COMPLETED', filedAt, TEXT.filed),
      step('PAYMENT', 'COMPLETED', paidAt, TEXT.paid),
      step('APPROVAL', 'COMPLETED', approvedAt, TEXT.approved),
      step('DELIVERY', 'COMPLETED', issuedAt, TEXT.delivered),
      step('VALIDITY', 'VALID', issuedAt, TEXT.valid),
    ],
  };
}

export function buildScenarios(now = new Date()): Scenario[] {
  const ago = (days: number) => daysFrom(now, -days);
  return [
    {
      name: 'manual-revoked',
      description: 'The manual\'s walkthrough (section 4): one finished request whose certificate was revoked.',
      applicant: { idType: 'CC', idNumber: '1013592259', fullName: 'CARLOS ANDRÉS EJEMPLO DÍAZ', email: 'carlos.ejemplo@example.com' },
      lookup: { idType: 'CC', idNumber: '1013592259' },
      requests: [
        {
          requestNumber: 434070,
          orderNumber: 434043,
          company: 'CERTICAMARA PRUEBAS 2016',
          project: 'OTROS',
          certificateType: 'PROFESIONAL_TITULADO',
          status: 'COMPLETED',
          issuedAt: day('2016-08-03'),
          serialNumber: '3b00cdd4a8d648335efb415e3b273bd8',
          validFrom: day('2016-08-03'),
          validTo: day('2018-08-03'),
          revokedAt: day('2016-10-04'),
          revocationReason: 'superseded',
          steps: [
            step('FILING', 'COMPLETED', day('2016-08-01'), TEXT.filed),
            step('PAYMENT', 'COMPLETED', day('2016-08-02'), TEXT.paid),
            step('APPROVAL', 'COMPLETED', day('2016-08-02'), TEXT.approved),
            step('DELIVERY', 'COMPLETED', day('2016-08-03'), TEXT.delivered),
            step('VALIDITY', 'REVOKED', day('2016-10-04'), TEXT.revoked),
          ],
        },
      ],
    },
    {
      name: 'no-requests',
      description: 'The manual\'s section 4.3: nobody registered with this cédula.',
      applicant: null,
      lookup: { idType: 'CC', idNumber: '14444524' },
      requests: [],
    },
    {
      name: 'filing-in-review',
      description: 'Documents received, filing under review (Paso1 in progress).',
      applicant: { idType: 'CC', idNumber: '52123456', fullName: 'LUISA FERNANDA PRUEBA MORA', email: 'luisa.prueba@example.com' },
      lookup: { idType: 'CC', idNumber: '52123456' },
      requests: [
        {
          requestNumber: 512001,
          orderNumber: 511950,
          certificateType: 'PERSONA_NATURAL',
          status: 'IN_PROGRESS',
          steps: [step('FILING', 'IN_PROGRESS', ago(1), TEXT.filingReview)],
        },
      ],
    },
    {
      name: 'payment-in-review',
      description: 'Filed; payment being verified (Paso2 in progress).',
      applicant: { idType: 'CC', idNumber: '80234567', fullName: 'JUAN PABLO MUESTRA ROJAS', email: 'juan.muestra@example.com' },
      lookup: { idType: 'CC', idNumber: '80234567' },
      requests: [
        {
          requestNumber: 512002,
          orderNumber: 511951,
          company: 'FERRETERÍA EJEMPLO S.A.S.',
          project: 'FACTURACIÓN ELECTRÓNICA',
          certificateType: 'PERTENENCIA_EMPRESA',
          status: 'IN_PROGRESS',
          steps: [step('FILING', 'COMPLETED', ago(3), TEXT.filed), step('PAYMENT', 'IN_PROGRESS', ago(2), TEXT.paymentReview)],
        },
      ],
    },
    {
      name: 'approval-in-review',
      description: 'A foreigner (cédula de extranjería) whose request awaits approval (Paso3 in progress).',
      applicant: { idType: 'CE', idNumber: '456789', fullName: 'ANA SOFÍA DEMO VARGAS', email: 'ana.demo@example.com' },
      lookup: { idType: 'CE', idNumber: '456789' },
      requests: [
        {
          requestNumber: 512003,
          orderNumber: 511952,
          certificateType: 'PROFESIONAL_TITULADO',
          status: 'IN_PROGRESS',
          steps: [
            step('FILING', 'COMPLETED', ago(5), TEXT.filed),
            step('PAYMENT', 'COMPLETED', ago(4), TEXT.paid),
            step('APPROVAL', 'IN_PROGRESS', ago(3), TEXT.approvalReview),
          ],
        },
      ],
    },
    {
      name: 'delivery-pending',
      description: 'Approved; the certificate is ready to download (Paso4 in progress).',
      applicant: { idType: 'CC', idNumber: '1020304050', fullName: 'DIEGO ALEJANDRO FICTICIO LÓPEZ', email: 'diego.ficticio@example.com' },
      lookup: { idType: 'CC', idNumber: '1020304050' },
      requests: [
        {
          requestNumber: 512004,
          orderNumber: 511953,
          company: 'ALCALDÍA MUNICIPAL DE PRUEBA',
          project: 'CONTRATACIÓN PÚBLICA',
          certificateType: 'FUNCION_PUBLICA',
          status: 'IN_PROGRESS',
          steps: [
            step('FILING', 'COMPLETED', ago(6), TEXT.filed),
            step('PAYMENT', 'COMPLETED', ago(5), TEXT.paid),
            step('APPROVAL', 'COMPLETED', ago(4), TEXT.approved),
            step('DELIVERY', 'IN_PROGRESS', ago(4), TEXT.deliveryReady),
          ],
        },
      ],
    },
    {
      name: 'rejected',
      description: 'Rejected at approval, with the reason the applicant reads.',
      applicant: { idType: 'CC', idNumber: '39876543', fullName: 'PAOLA ANDREA INVENTADA CASTRO', email: 'paola.inventada@example.com' },
      lookup: { idType: 'CC', idNumber: '39876543' },
      requests: [
        {
          requestNumber: 512005,
          orderNumber: 511954,
          certificateType: 'PERSONA_NATURAL',
          status: 'REJECTED',
          steps: [
            step('FILING', 'COMPLETED', ago(20), TEXT.filed),
            step('PAYMENT', 'COMPLETED', ago(19), TEXT.paid),
            step('APPROVAL', 'REJECTED', ago(17), 'Su solicitud fue rechazada: la copia del documento de identidad no es legible. Inicie una nueva solicitud con el documento escaneado a color.'),
          ],
        },
      ],
    },
    {
      name: 'valid-passport',
      description: 'A passport holder with a valid certificate.',
      applicant: { idType: 'PA', idNumber: 'AB123456', fullName: 'JOHN EXAMPLE SMITH', email: 'john.example@example.com' },
      lookup: { idType: 'PA', idNumber: 'AB123456' },
      requests: [
        {
          requestNumber: 512006,
          orderNumber: 511955,
          company: 'EXAMPLE TRADING COLOMBIA S.A.S.',
          project: 'COMERCIO EXTERIOR',
          certificateType: 'REPRESENTANTE_LEGAL',
          status: 'COMPLETED',
          serialNumber: 'eb6b808e930fb73037717bdab05b064b',
          ...issued(ago(90), 730),
        },
      ],
    },
    {
      name: 'expired',
      description: 'A PPT holder whose certificate has expired (Vencido follows from the validity dates).',
      applicant: { idType: 'PPT', idNumber: '4567890', fullName: 'MARÍA JOSÉ EJEMPLO PÉREZ', email: 'maria.ejemplo@example.com' },
      lookup: { idType: 'PPT', idNumber: '4567890' },
      requests: [
        {
          requestNumber: 498210,
          orderNumber: 498100,
          certificateType: 'PERSONA_NATURAL',
          status: 'COMPLETED',
          serialNumber: 'dca4de6d87e0e923072b49af077a96a9',
          ...issued(ago(800), 730),
        },
      ],
    },
    {
      name: 'several-requests',
      description: 'One person, three requests: an expired certificate, its valid renewal, and a new one in progress.',
      applicant: { idType: 'CC', idNumber: '71234567', fullName: 'JORGE IVÁN MUESTRA ARANGO', email: 'jorge.muestra@example.com' },
      lookup: { idType: 'CC', idNumber: '71234567' },
      requests: [
        {
          requestNumber: 471530,
          orderNumber: 471488,
          company: 'CONSTRUCTORA DEMO LTDA.',
          project: 'LICITACIONES',
          certificateType: 'PERTENENCIA_EMPRESA',
          status: 'COMPLETED',
          serialNumber: 'b0b69d383c78c9678b8e31d48b99f1b7',
          ...issued(ago(1200), 730),
        },
        {
          requestNumber: 503377,
          orderNumber: 503301,
          company: 'CONSTRUCTORA DEMO LTDA.',
          project: 'LICITACIONES',
          certificateType: 'PERTENENCIA_EMPRESA',
          status: 'COMPLETED',
          serialNumber: '10254eafb1fb83da7dc1f59ddc457347',
          ...issued(ago(400), 730),
        },
        {
          requestNumber: 512007,
          orderNumber: 511956,
          certificateType: 'PROFESIONAL_TITULADO',
          status: 'IN_PROGRESS',
          steps: [step('FILING', 'COMPLETED', ago(2), TEXT.filed), step('PAYMENT', 'IN_PROGRESS', ago(1), TEXT.paymentReview)],
        },
      ],
    },
    {
      name: 'company-nit',
      description: 'A company (NIT with check digit) with a valid Persona Jurídica certificate and a cancelled request.',
      applicant: { idType: 'NIT', idNumber: '900123456-8', fullName: 'COMERCIALIZADORA EJEMPLO S.A.S.', email: 'tramites@comercializadora-ejemplo.example' },
      lookup: { idType: 'NIT', idNumber: '900123456-8' },
      requests: [
        {
          requestNumber: 509880,
          orderNumber: 509812,
          company: 'COMERCIALIZADORA EJEMPLO S.A.S.',
          project: 'FACTURACIÓN ELECTRÓNICA',
          certificateType: 'PERSONA_JURIDICA',
          status: 'COMPLETED',
          serialNumber: '95f7db4b50dd0b7ad3b248b796300c9d',
          ...issued(ago(60), 365),
        },
        {
          requestNumber: 510112,
          orderNumber: 510045,
          company: 'COMERCIALIZADORA EJEMPLO S.A.S.',
          project: 'NÓMINA ELECTRÓNICA',
          certificateType: 'PERSONA_JURIDICA',
          status: 'CANCELLED',
          steps: [
            step('FILING', 'COMPLETED', ago(45), TEXT.filed),
            step('PAYMENT', 'REJECTED', ago(30), 'Su solicitud fue cancelada porque no se recibió el pago en el plazo establecido.'),
          ],
        },
      ],
    },
  ];
}
