/** The terms an applicant accepts before applying (manual, section 3: "AceptoLosTerminos"). */
export const TERMS_VERSION = '2026-11';

/** How long a draft lives after it is opened: its e-mail code, its documents and its submission. */
export const DRAFT_TTL_MS = 2 * 3_600_000;

export const DOCUMENT_KINDS = ['ID_DOCUMENT', 'PROFESSIONAL_CARD', 'CHAMBER_CERTIFICATE', 'APPOINTMENT_ACT', 'RUT'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** The supporting documents each certificate type needs, by catalog code. */
export const REQUIRED_DOCUMENTS: Record<string, DocumentKind[]> = {
  PERSONA_NATURAL: ['ID_DOCUMENT'],
  PROFESIONAL_TITULADO: ['ID_DOCUMENT', 'PROFESSIONAL_CARD'],
  PERTENENCIA_EMPRESA: ['ID_DOCUMENT', 'CHAMBER_CERTIFICATE'],
  REPRESENTANTE_LEGAL: ['ID_DOCUMENT', 'CHAMBER_CERTIFICATE'],
  FUNCION_PUBLICA: ['ID_DOCUMENT', 'APPOINTMENT_ACT'],
  PERSONA_JURIDICA: ['ID_DOCUMENT', 'CHAMBER_CERTIFICATE', 'RUT'],
};

export const MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type MediaType = (typeof MEDIA_TYPES)[number];

/** What the bytes are, whatever the file was called or the client claimed: the formats' own signatures. */
export function sniff(bytes: Buffer): MediaType | null {
  if (bytes.length >= 5 && bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  return null;
}
