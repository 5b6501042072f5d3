import { randomBytes } from 'node:crypto';
import { IsNull, LessThan, MoreThan, Not, type EntityManager } from 'typeorm';
import { z } from 'zod';
import { ID_TYPES, normalizeIdNumber, type IdType } from '../../graphql/id-number.js';
import {
  Applicant,
  ApplicationDraft,
  CertificateRequest,
  CertificateType,
  NotificationOutbox,
  RequestDocument,
} from '../../entities/index.js';
import { deleteInBatches } from '../db/batches.js';
import { isDuplicateKey, isWriteConflict, pauseAfterConflict } from '../db/conflicts.js';
import type { Database } from '../db/database.js';
import { recordText, type RecordTextProblem } from '../names.js';
import { ApplicationRefused } from './application-refused.js';
import type { HistoryKey } from '../lifecycle/history.js';
import { recordSubmission } from '../lifecycle/moves.js';
import { type PaymentDue, type Price, type PriceList } from '../payments/prices.js';
import { DOCUMENT_NAME } from '../lifecycle/notification.js';
import type { Language } from '../lifecycle/step-texts.js';
import { drawNumbers } from '../lifecycle/numbers.js';
import type { DocumentService } from './documents.js';
import { EMAIL_CODE, EmailCodes, queueCodeEmail } from './email-code.js';
import { DRAFT_TTL_MS, REQUIRED_DOCUMENTS, TERMS_VERSION, type DocumentKind } from './requirements.js';

export { ApplicationRefused } from './application-refused.js';

const DRAFT_GONE = 'La solicitud en preparación no existe, ya se radicó o venció. Empiece de nuevo.';
const draftGone = () => new ApplicationRefused('NOT_FOUND', [{ field: 'draftId', message: DRAFT_GONE }]);

const emailSchema = z.string().trim().toLowerCase().max(254).email('Correo electrónico: escriba una dirección válida, por ejemplo nombre@dominio.co.');

const applicationSchema = z.object({
  idType: z.enum(ID_TYPES),
  idNumber: z.string(),
  fullName: z.string(),
  email: z.string().optional().nullable(),
  phone: z.string().trim().regex(/^(?=.{7,20}$)\+?[0-9 ()-]+$/, 'Teléfono: escriba entre 7 y 20 caracteres: dígitos, espacios, guiones o paréntesis (puede empezar por +57).'),
  holderName: z.string().optional().nullable(),
  certificateType: z.string(),
  company: z.string().optional().nullable(),
  project: z.string().optional().nullable(),
});

export type ApplicationInput = z.input<typeof applicationSchema>;

const TEXT_PROBLEM: Record<RecordTextProblem, (label: string, min: number, max: number) => string> = {
  LENGTH: (label, min, max) => `${label}: escriba entre ${min} y ${max} caracteres.`,
  INVISIBLE_CHARACTERS: (label) => `${label}: quite los caracteres invisibles o de control (por ejemplo, espacios de ancho cero o marcas de dirección del texto).`,
  TOO_FEW_LETTERS: (label) => `${label}: escriba al menos dos letras.`,
};

/** A name (two letters or more) or other text of the record, normalized; a problem goes to `problems`. */
function normalized(
  problems: { field: string; message: string }[],
  field: string,
  label: string,
  value: string | null | undefined,
  bounds: { min: number; max: number; letters?: number },
): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const checked = recordText(value, bounds);
  if (checked.ok) return checked.value;
  problems.push({ field, message: TEXT_PROBLEM[checked.problem](label, bounds.min, bounds.max) });
  return null;
}

/** What the applicant's page needs to know of a draft. */
export interface DraftView {
  id: string;
  expiresAt: Date;
  termsVersion: string;
  email: string;
  emailConfirmed: boolean;
  codeExpiresAt: Date | null;
}

function view(draft: ApplicationDraft): DraftView {
  return {
    id: draft.id,
    expiresAt: draft.expiresAt,
    termsVersion: draft.termsVersion,
    email: draft.email ?? '',
    emailConfirmed: draft.emailConfirmedAt !== null,
    codeExpiresAt: draft.emailConfirmedAt ? null : draft.emailCodeExpiresAt,
  };
}

/** The applicant's side: open a draft, confirm its e-mail, upload its documents, submit it — the last in one transaction. */
export class ApplicationService {
  private readonly codes: EmailCodes;

  constructor(
    private readonly db: Database,
    private readonly documents: DocumentService,
    secret: string,
    private readonly historyKey: HistoryKey,
    private readonly prices: PriceList,
    /** The origin of the links in the applicant's e-mails (SSPS_PUBLIC_URL). */
    private readonly publicUrl: string,
    /** The version of the terms in force (legal/terminos.*.txt or SSPS_LEGAL_DIR): the one an application must accept. */
    readonly termsVersion: string = TERMS_VERSION,
  ) {
    this.codes = new EmailCodes(secret);
  }

  /** The certificates one can apply for, with the documents each asks for. */
  async certificateTypes(): Promise<({ code: string; name: string; requiresCompany: boolean; documents: DocumentKind[] } & Price)[]> {
    const types = await this.db.run((ds) => ds.getRepository(CertificateType).find({ order: { id: 'ASC' } }));
    return types.map((t) => ({ code: t.code, name: t.name, requiresCompany: t.requiresCompany, documents: REQUIRED_DOCUMENTS[t.code] ?? ['ID_DOCUMENT'], ...this.prices.priceOf(t.code) }));
  }

  /** How requests are paid (shown before applying): the reference is each request's order number. */
  paymentInstructions(): { vatPercent: number; bankAccount: string | null; linkTemplate: string | null } {
    return { vatPercent: this.prices.vatPercent, bankAccount: this.prices.bankAccount, linkTemplate: this.prices.linkTemplate };
  }

  /** The input of startApplication, checked before the CAPTCHA is spent: a typo must not cost a solved one. Returns the address to use. */
  checkStart(termsVersion: string, email: string): string {
    const problems: { field: string; message: string }[] = [];
    if (termsVersion !== this.termsVersion) problems.push({ field: 'termsVersion', message: `Acepte la versión vigente de los términos (${this.termsVersion}).` });
    const address = emailSchema.safeParse(email);
    if (!address.success) problems.push({ field: 'email', message: address.error.issues[0].message });
    if (problems.length > 0 || !address.success) throw new ApplicationRefused('BAD_USER_INPUT', problems);
    return address.data;
  }

  /** Opens a draft for `email` (from checkStart) and queues the code that confirms it, in one transaction. */
  async start(termsVersion: string, email: string, clientNetwork: string, now = new Date()): Promise<DraftView> {
    const id = randomBytes(32).toString('base64url');
    const code = this.codes.draw();
    const draft = Object.assign(new ApplicationDraft(), {
      id,
      createdAt: now,
      expiresAt: new Date(now.getTime() + DRAFT_TTL_MS),
      termsVersion,
      termsAcceptedAt: now,
      clientNetwork,
      requestId: null,
      email,
      emailCodeHash: this.codes.hash(id, code),
      emailCodeExpiresAt: new Date(now.getTime() + EMAIL_CODE.ttlMs),
      emailCodeSentAt: now,
      emailCodesSent: 1,
      emailCodeAttempts: 0,
      emailConfirmedAt: null,
    });
    await this.db.run((ds) =>
      ds.transaction(async (m) => {
        await m.insert(ApplicationDraft, draft);
        await queueCodeEmail(m, email, code, now);
      }),
    );
    return view(draft);
  }

  /**
   * Checks the code sent to the draft's e-mail. Each try is counted before the code is compared,
   * by one conditional UPDATE, so concurrent guesses cannot exceed the five a draft allows.
   */
  async confirmEmail(draftId: string, code: string, now = new Date()): Promise<DraftView> {
    const draft = await this.liveDraft(draftId, now);
    if (draft.emailConfirmedAt) return view(draft);
    const given = code.replace(/\s/g, '');
    if (!/^\d{6}$/.test(given)) {
      throw new ApplicationRefused('BAD_USER_INPUT', [{ field: 'code', message: 'Escriba los 6 dígitos del código que le enviamos por correo.' }], { reason: 'CODE_FORMAT' });
    }
    if (!draft.emailCodeExpiresAt || draft.emailCodeExpiresAt.getTime() <= now.getTime()) {
      throw new ApplicationRefused('FAILED_PRECONDITION', [{ field: 'code', message: 'El código venció (dura 15 minutos). Pida uno nuevo con "Reenviar el código".' }], { reason: 'CODE_EXPIRED' });
    }
    const counted = await this.db.run((ds) =>
      ds
        .createQueryBuilder()
        .update(ApplicationDraft)
        .set({ emailCodeAttempts: () => 'email_code_attempts + 1' })
        .where('id = :id AND email_code_attempts < :max AND email_confirmed_at IS NULL', { id: draftId, max: EMAIL_CODE.maxAttempts })
        .execute(),
    );
    if (counted.affected !== 1) return this.afterRace(draftId, now);
    if (this.codes.matches(draftId, given, draft.emailCodeHash)) {
      // Only the code still current, on a draft still open: a resend or a voiding in between wins.
      const confirmed = await this.db.run((ds) =>
        ds
          .createQueryBuilder()
          .update(ApplicationDraft)
          .set({ emailConfirmedAt: now, emailCodeHash: null })
          .where('id = :id AND email_code_hash = :hash AND email_confirmed_at IS NULL AND expires_at > :now AND request_id IS NULL', { id: draftId, hash: draft.emailCodeHash, now })
          .execute(),
      );
      if (confirmed.affected === 1) return view({ ...draft, emailConfirmedAt: now });
      return this.afterRace(draftId, now);
    }
    // Read back, not computed from what was read before: concurrent guesses each see their own count.
    const [{ attempts }] = await this.db.run((ds) =>
      ds.getRepository(ApplicationDraft).createQueryBuilder('d').select('d.email_code_attempts', 'attempts').where('d.id = :id', { id: draftId }).getRawMany<{ attempts: number }>(),
    );
    const attemptsLeft = EMAIL_CODE.maxAttempts - Number(attempts);
    if (attemptsLeft <= 0) await this.void(draftId, now);
    throw attemptsLeft <= 0 ? voided() : new ApplicationRefused('BAD_USER_INPUT', [{ field: 'code', message: `El código no coincide. Le quedan ${attemptsLeft} intentos.` }], { reason: 'CODE_WRONG', attemptsLeft });
  }

  /**
   * A new code to the same address (the previous one stops working); limited in number and pace,
   * and by `spendEmail`, the address's own budget of codes (RATE_LIMIT_CODE_EMAIL).
   */
  async resendCode(draftId: string, spendEmail: (email: string) => Promise<void>, now = new Date()): Promise<DraftView> {
    const draft = await this.liveDraft(draftId, now);
    if (draft.emailConfirmedAt) return view(draft);
    if (draft.emailCodesSent >= EMAIL_CODE.maxSends) {
      throw new ApplicationRefused('FAILED_PRECONDITION', [{ field: 'draftId', message: 'Ya le enviamos el código varias veces. Revise su carpeta de correo no deseado, o empiece de nuevo con otra dirección.' }], { reason: 'RESEND_LIMIT' });
    }
    const wait = (draft.emailCodeSentAt?.getTime() ?? 0) + EMAIL_CODE.resendAfterMs - now.getTime();
    if (wait > 0) {
      const retryAfterSeconds = Math.ceil(wait / 1000);
      throw new ApplicationRefused('RATE_LIMITED', [{ field: 'draftId', message: `Espere ${retryAfterSeconds} segundos antes de pedir otro código.` }], { retryAfterSeconds });
    }
    await spendEmail(draft.email!);
    const code = this.codes.draw();
    const changes = { emailCodeHash: this.codes.hash(draftId, code), emailCodeExpiresAt: new Date(now.getTime() + EMAIL_CODE.ttlMs), emailCodeSentAt: now, emailCodesSent: draft.emailCodesSent + 1 };
    await this.db.run((ds) =>
      ds.transaction(async (m) => {
        // Conditional on what was read: of two resends at once, one sends.
        const sent = await m
          .createQueryBuilder()
          .update(ApplicationDraft)
          .set(changes)
          .where('id = :id AND email_codes_sent = :sent AND email_confirmed_at IS NULL', { id: draftId, sent: draft.emailCodesSent })
          .execute();
        if (sent.affected !== 1) throw new ApplicationRefused('RATE_LIMITED', [{ field: 'draftId', message: 'Ya enviamos un código nuevo; revise su correo.' }], { retryAfterSeconds: 60 });
        await queueCodeEmail(m, draft.email!, code, now);
      }),
    );
    return view({ ...draft, ...changes });
  }

  /** Submits with the draft's confirmed e-mail; what is recorded of a person already known is never changed. */
  async submit(draftId: string, input: ApplicationInput, language: Language = 'es', now = new Date()): Promise<{ requestNumber: string; orderNumber: string; payment: PaymentDue }> {
    const draft = await this.liveDraft(draftId, now);
    if (!draft.emailConfirmedAt || !draft.email) {
      throw new ApplicationRefused('FAILED_PRECONDITION', [{ field: 'email', message: 'Confirme primero su correo electrónico con el código que le enviamos.' }], { reason: 'EMAIL_UNCONFIRMED' });
    }
    const email = draft.email;
    const parsed = applicationSchema.safeParse(input);
    const problems = parsed.success ? [] : parsed.error.issues.map((i) => ({ field: String(i.path[0]), message: i.message }));
    const fullName = normalized(problems, 'fullName', 'Nombre completo', input.fullName, { min: 2, max: 200, letters: 2 });
    if (fullName === null && !problems.some((p) => p.field === 'fullName')) problems.push({ field: 'fullName', message: 'Nombre completo: escríbalo como aparece en su documento.' });
    const holderName = normalized(problems, 'holderName', 'Nombre del titular', input.holderName, { min: 2, max: 200, letters: 2 });
    const company = normalized(problems, 'company', 'Empresa', input.company, { min: 2, max: 200 });
    const project = normalized(problems, 'project', 'Proyecto', input.project, { min: 2, max: 200 });
    if (input.email && emailSchema.safeParse(input.email).data !== email) {
      problems.push({ field: 'email', message: `Correo electrónico: la solicitud usa el correo que confirmó (${email}).` });
    }
    const id = normalizeIdNumber(input.idType as IdType, input.idNumber ?? '');
    if (!id.ok) problems.push({ field: 'idNumber', message: 'Número de identificación: revise que corresponda al tipo de documento.' });
    const type = await this.db.run((ds) => ds.getRepository(CertificateType).findOneBy({ code: input.certificateType }));
    if (!type) problems.push({ field: 'certificateType', message: 'Tipo de certificado: elija uno del catálogo.' });
    if (type?.requiresCompany && !company) problems.push({ field: 'company', message: `Empresa: el certificado ${type.name} la requiere.` });
    if (problems.length > 0 || !parsed.success || !id.ok || !type || !fullName) throw new ApplicationRefused('BAD_USER_INPUT', problems);
    const phone = parsed.data.phone;

    const documents = await this.db.run((ds) => ds.getRepository(RequestDocument).findBy({ draftId }));
    const missing = (REQUIRED_DOCUMENTS[type.code] ?? []).filter((kind) => !documents.some((d) => d.kind === kind));
    if (missing.length > 0) {
      throw new ApplicationRefused('BAD_USER_INPUT', missing.map((kind) => ({ field: `documents.${kind}`, message: `Falta el documento: ${DOCUMENT_NAME[kind].es}.` })));
    }

    // Drawn before the transaction: a failed submission leaves a gap in the numbers, never a duplicate.
    const numbers = await drawNumbers(this.db);
    const payment = this.prices.due(type.code, numbers.orderNumber);
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.db.run(
          (ds) =>
            ds.transaction(async (m) => {
              const open = await m.findOneBy(ApplicationDraft, { id: draftId, requestId: IsNull(), expiresAt: MoreThan(now), emailConfirmedAt: Not(IsNull()) });
              if (!open) throw draftGone();
              const applicant = await findOrCreateApplicant(m, parsed.data.idType, id.idNumber, { fullName, email, phone });
              const request = await m.save(
                CertificateRequest,
                m.create(CertificateRequest, {
                  ...numbers,
                  applicantId: applicant.id,
                  holderName: holderName ?? fullName,
                  company,
                  project,
                  certificateTypeId: type.id,
                  status: 'IN_PROGRESS',
                  contactEmail: email,
                  contactPhone: phone,
                  contactLanguage: language,
                }),
              );
              await m.update(RequestDocument, { draftId }, { requestId: request.id });
              // Claimed only if still unclaimed: of two submissions of one draft, one files.
              const claimed = await m.update(ApplicationDraft, { id: draftId, requestId: IsNull() }, { requestId: request.id });
              if (claimed.affected !== 1) throw draftGone();
              // The lifecycle's submission move, in this transaction: steps, history entry and e-mail.
              await recordSubmission(
                m,
                this.historyKey,
                {
                  requestId: request.id,
                  requestNumber: String(request.requestNumber),
                  termsVersion: open.termsVersion,
                  recipient: { email, language, orderNumber: String(request.orderNumber), publicUrl: this.publicUrl },
                  payment,
                },
                now,
              );
              return { requestNumber: String(request.requestNumber), orderNumber: String(request.orderNumber), payment };
            }),
          10_000,
        );
      } catch (error) {
        // Lost a race it can repeat: a first application for the same unknown person created them
        // first (the unique index), or on a cluster another node's commit touched the same rows.
        if (!(isDuplicateKey(error) || isWriteConflict(error))) throw error;
        if (attempt >= 3) {
          // Still losing after every try: if the draft was filed meanwhile (through another node), that is the answer.
          const filed = await this.db.run((ds) => ds.getRepository(ApplicationDraft).existsBy({ id: draftId, requestId: Not(IsNull()) }));
          throw filed ? draftGone() : error;
        }
        await pauseAfterConflict(attempt + 1);
      }
    }
  }

  /**
   * Code e-mails carry a live code: once it can no longer be used (15 minutes), the e-mail is
   * deleted from the outbox, sent or not, so the database keeps no usable code for long.
   */
  async purgeCodeEmails(now = new Date()): Promise<number> {
    return deleteInBatches(this.db, NotificationOutbox, { requestId: IsNull(), createdAt: LessThan(new Date(now.getTime() - EMAIL_CODE.ttlMs)) }, 'id');
  }

  async purgeExpired(now = new Date()): Promise<number> {
    const purged = await deleteInBatches(this.db, ApplicationDraft, { expiresAt: LessThan(now), requestId: IsNull() }, 'id');
    await this.documents.purgeAbandoned(now);
    return purged;
  }

  /** An open draft: not submitted, not expired, not voided. */
  private async liveDraft(draftId: string, now: Date): Promise<ApplicationDraft> {
    const draft = /^[A-Za-z0-9_-]{43}$/.test(draftId)
      ? await this.db.run((ds) => ds.getRepository(ApplicationDraft).findOneBy({ id: draftId, requestId: IsNull(), expiresAt: MoreThan(now) }))
      : null;
    // MariaDB compares the id without regard to case: only the exact token opens the draft.
    if (!draft || draft.id !== draftId) throw draftGone();
    return draft;
  }

  /** The draft changed while a code was checked: confirmed, voided, submitted, or given a new code. */
  private async afterRace(draftId: string, now: Date): Promise<DraftView> {
    const draft = await this.liveDraft(draftId, now);
    if (draft.emailConfirmedAt) return view(draft);
    if (draft.emailCodeAttempts < EMAIL_CODE.maxAttempts) {
      throw new ApplicationRefused('FAILED_PRECONDITION', [{ field: 'code', message: 'Le enviamos un código nuevo: escriba el último que recibió.' }], { reason: 'CODE_EXPIRED' });
    }
    await this.void(draftId, now);
    throw voided();
  }

  /** A voided draft expires now: nothing can use it, and the purge takes it and its documents. */
  private async void(draftId: string, now: Date): Promise<void> {
    await this.db.run((ds) => ds.getRepository(ApplicationDraft).update({ id: draftId, requestId: IsNull(), emailConfirmedAt: IsNull() }, { expiresAt: now, emailCodeHash: null }));
  }
}

/**
 * A person already known keeps their record exactly as it is: an application proves control of
 * an e-mail, not the identity behind an ID number, so it must not rename the person or redirect
 * their e-mails. Only an operator corrects a recorded name (correctApplicantName).
 */
async function findOrCreateApplicant(m: EntityManager, idType: IdType, idNumber: string, first: { fullName: string; email: string; phone: string }): Promise<Applicant> {
  const existing = await m.findOneBy(Applicant, { idType, idNumber });
  return existing ?? m.save(Applicant, m.create(Applicant, { idType, idNumber, ...first }));
}


function voided(): ApplicationRefused {
  return new ApplicationRefused('FAILED_PRECONDITION', [{ field: 'code', message: 'Escribió un código equivocado cinco veces: por seguridad anulamos esta solicitud en preparación. Empiece de nuevo.' }], { reason: 'DRAFT_VOIDED' });
}
