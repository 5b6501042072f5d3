import { randomBytes } from 'node:crypto';
import { IsNull, LessThan, MoreThan, QueryFailedError, type EntityManager } from 'typeorm';
import { z } from 'zod';
import { normalizeIdNumber, type IdType } from '../../graphql/id-number.js';
import {
  Applicant,
  ApplicationDraft,
  CertificateRequest,
  CertificateType,
  NotificationOutbox,
  RequestDocument,
  RequestEvent,
  RequestStep,
} from '../../entities/index.js';
import type { Database } from '../db/database.js';
import { STEP_TEXT } from '../requests/step-texts.js';
import type { DocumentService } from './documents.js';
import { REQUIRED_DOCUMENTS, TERMS_VERSION } from './requirements.js';

export const DRAFT_TTL_MS = 2 * 3_600_000;

/** A refusal of the applicant's input, field by field, in Spanish; nothing was written. */
export class ApplicationRefused extends Error {
  constructor(
    readonly code: 'BAD_USER_INPUT' | 'NOT_FOUND',
    readonly fields: { field: string; message: string }[],
  ) {
    super(fields.map((f) => `${f.field}: ${f.message}`).join('; '));
  }
}

const text = (min: number, max: number, label: string) =>
  z
    .string()
    .trim()
    .min(min, `${label}: escriba al menos ${min} caracteres.`)
    .max(max, `${label}: use como máximo ${max} caracteres.`)
    .refine((v) => ![...v].some((c) => c.charCodeAt(0) < 0x20), `${label}: no use caracteres de control.`);

const applicationSchema = z.object({
  idType: z.enum(['CC', 'CE', 'NIT', 'PA', 'PEP', 'PPT']),
  idNumber: z.string(),
  fullName: text(3, 200, 'Nombre completo'),
  email: z.string().trim().max(254).email('Correo electrónico: escriba una dirección válida, por ejemplo nombre@dominio.co.'),
  phone: z.string().trim().regex(/^\+?[0-9 ()-]{7,20}$/, 'Teléfono: escriba entre 7 y 20 dígitos (puede empezar por +57).'),
  holderName: text(3, 200, 'Nombre del titular').optional().nullable(),
  certificateType: z.string(),
  company: text(2, 200, 'Empresa').optional().nullable(),
  project: text(2, 200, 'Proyecto').optional().nullable(),
});

export type ApplicationInput = z.input<typeof applicationSchema>;

/** The applicant's side: open a draft, upload its documents, submit it — the last in one transaction. */
export class ApplicationService {
  constructor(
    private readonly db: Database,
    private readonly documents: DocumentService,
  ) {}

  async start(termsVersion: string, clientNetwork: string, now = new Date()): Promise<ApplicationDraft> {
    if (termsVersion !== TERMS_VERSION) {
      throw new ApplicationRefused('BAD_USER_INPUT', [{ field: 'termsVersion', message: `Acepte la versión vigente de los términos (${TERMS_VERSION}).` }]);
    }
    const draft = Object.assign(new ApplicationDraft(), {
      id: randomBytes(32).toString('base64url'),
      createdAt: now,
      expiresAt: new Date(now.getTime() + DRAFT_TTL_MS),
      termsVersion,
      termsAcceptedAt: now,
      clientNetwork,
      requestId: null,
    });
    await this.db.run((ds) => ds.getRepository(ApplicationDraft).insert(draft));
    return draft;
  }

  async submit(draftId: string, input: ApplicationInput, now = new Date()): Promise<{ requestNumber: string; orderNumber: string }> {
    const parsed = applicationSchema.safeParse(input);
    const problems = parsed.success ? [] : parsed.error.issues.map((i) => ({ field: String(i.path[0]), message: i.message }));
    const id = normalizeIdNumber(input.idType as IdType, input.idNumber ?? '');
    if (!id.ok) problems.push({ field: 'idNumber', message: 'Número de identificación: revise que corresponda al tipo de documento.' });
    const type = await this.db.run((ds) => ds.getRepository(CertificateType).findOneBy({ code: input.certificateType }));
    if (!type) problems.push({ field: 'certificateType', message: 'Tipo de certificado: elija uno del catálogo.' });
    if (type?.requiresCompany && !input.company?.trim()) problems.push({ field: 'company', message: `Empresa: el certificado ${type.name} la requiere.` });
    if (problems.length > 0 || !parsed.success || !id.ok || !type) throw new ApplicationRefused('BAD_USER_INPUT', problems);
    const data = parsed.data;

    const documents = await this.db.run((ds) => ds.getRepository(RequestDocument).findBy({ draftId }));
    const missing = (REQUIRED_DOCUMENTS[type.code] ?? []).filter((kind) => !documents.some((d) => d.kind === kind));
    if (missing.length > 0) {
      throw new ApplicationRefused('BAD_USER_INPUT', missing.map((kind) => ({ field: `documents.${kind}`, message: `Falta el documento ${kind}.` })));
    }

    for (let attempt = 0; ; attempt++) {
      try {
        return await this.db.run(
          (ds) =>
            ds.transaction(async (m) => {
              const draft = await m.findOneBy(ApplicationDraft, { id: draftId, requestId: IsNull(), expiresAt: MoreThan(now) });
              if (!draft) throw new ApplicationRefused('NOT_FOUND', [{ field: 'draftId', message: 'La solicitud en preparación no existe, ya se radicó o venció. Empiece de nuevo.' }]);
              const applicant = await upsertApplicant(m, data.idType, id.idNumber, { fullName: data.fullName, email: data.email, phone: data.phone });
              const numbers = await nextNumbers(m);
              const request = await m.save(
                CertificateRequest,
                m.create(CertificateRequest, {
                  ...numbers,
                  applicantId: applicant.id,
                  holderName: data.holderName?.trim() || data.fullName,
                  company: data.company ?? null,
                  project: data.project ?? null,
                  certificateTypeId: type.id,
                  status: 'IN_PROGRESS',
                }),
              );
              await m.insert(RequestStep, [
                { requestId: request.id, kind: 'FILING', state: 'COMPLETED', modifiedAt: now, information: STEP_TEXT.filed, invoiceUrl: null },
                { requestId: request.id, kind: 'PAYMENT', state: 'IN_PROGRESS', modifiedAt: now, information: STEP_TEXT.paymentReview, invoiceUrl: null },
              ]);
              await m.update(RequestDocument, { draftId }, { requestId: request.id });
              await m.update(ApplicationDraft, { id: draftId }, { requestId: request.id });
              await m.insert(RequestEvent, { requestId: request.id, occurredAt: now, actor: 'applicant', move: 'apply', fromStage: 'AWAITING_FILING', toStage: 'AWAITING_PAYMENT', reason: `Términos ${draft.termsVersion}` });
              await m.insert(NotificationOutbox, {
                requestId: request.id,
                recipient: data.email,
                subject: `Su solicitud ${request.requestNumber}: Radicación de documentos`,
                body: `${STEP_TEXT.filed} Número de solicitud ${request.requestNumber}, orden de pedido ${request.orderNumber}.\n\nPuede consultar el estado de su trámite en la opción "Conozca el estado del trámite de su firma".`,
                createdAt: now,
                sentAt: null,
                attempts: 0,
                lastError: null,
              });
              return { requestNumber: String(request.requestNumber), orderNumber: String(request.orderNumber) };
            }),
          10_000,
        );
      } catch (error) {
        // Two submissions drew the same next number: the unique index refused one; it draws again.
        if (attempt < 3 && isDuplicate(error)) continue;
        throw error;
      }
    }
  }

  async purgeExpired(now = new Date()): Promise<number> {
    const result = await this.db.run((ds) => ds.getRepository(ApplicationDraft).delete({ expiresAt: LessThan(now), requestId: IsNull() }));
    await this.documents.purgeAbandoned(now);
    return result.affected ?? 0;
  }
}

/** A person who applies again keeps one record; their latest name, e-mail and phone win. */
async function upsertApplicant(m: EntityManager, idType: IdType, idNumber: string, contact: { fullName: string; email: string; phone: string }): Promise<Applicant> {
  const existing = await m.findOneBy(Applicant, { idType, idNumber });
  if (existing) {
    await m.update(Applicant, { id: existing.id }, contact);
    return existing;
  }
  return m.save(Applicant, m.create(Applicant, { idType, idNumber, ...contact }));
}

async function nextNumbers(m: EntityManager): Promise<{ requestNumber: number; orderNumber: number }> {
  const [row] = (await m.query('SELECT MAX(request_number) AS r, MAX(order_number) AS o FROM certificate_request')) as { r: number | null; o: number | null }[];
  return { requestNumber: Number(row.r ?? 600_000) + 1, orderNumber: Number(row.o ?? 600_000) + 1 };
}

function isDuplicate(error: unknown): boolean {
  const code = error instanceof QueryFailedError ? (error.driverError as { code?: string }).code : undefined;
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}
