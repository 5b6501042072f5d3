import { createHash, randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { IsNull, MoreThan, Not, type EntityManager } from 'typeorm';
import { CorrectionRequest, RequestDocument } from '../../entities/index.js';
import { parseFilename, refused, type Admission, type DocumentService, type StoredDocument } from '../applications/documents.js';
import { DOCUMENT_KINDS, type DocumentKind } from '../applications/requirements.js';
import type { Database } from '../db/database.js';
import { toDate } from '../db/values.js';
import type { Operator } from '../operators/operator.js';
import type { Pseudonymizer } from '../privacy.js';
import type { RateLimits } from '../ratelimit/limits.js';
import { Refusal, type ErrorCode } from '../refusals.js';
import { queueEmail } from '../notifications/outbox.js';
import type { HistoryKey } from './history.js';
import { CORRECTION } from './machine.js';
import { recipientOf, recordMove, type StepWrite } from './moves.js';
import { requestNotification } from './notification.js';
import { MoveRefused, STAGE_TEXT, type MoveResult } from './refusals.js';
import { claimRequest, requestState } from './request-state.js';

/** How long an applicant has to upload what was asked. */
export const CORRECTION_TTL_MS = 7 * 86_400_000;
/** The page the e-mail links to; the token goes in the fragment, which browsers never send. */
export const CORRECTION_PAGE = '/solicitud/correccion';
const TOKEN = /^Bearer ([A-Za-z0-9_-]{43})$/;

export interface CorrectionAsk {
  requestNumber: string;
  kinds: DocumentKind[];
  /** What the applicant reads: already checked (5–300 characters, nothing invisible). */
  reason: string;
}

/** request_document.draft_id of a correction's documents. */
export function correctionOwner(id: number): string {
  return `correction:${id}`;
}

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * An operator asks the applicant for corrected or missing documents, in the caller's
 * transaction: a correction_request with a fresh token (only its hash kept), the filing step
 * reopened (and the payment step back to pending), the history entry, and the e-mail with the
 * link to the request's confirmed address. A correction that expired unanswered is closed.
 */
export async function askForCorrection(m: EntityManager, historyKey: HistoryKey, input: CorrectionAsk, operator: Operator, publicUrl: string, now: Date): Promise<MoveResult> {
  const request = await requestState(m, input.requestNumber, now);
  if (!CORRECTION.from.includes(request.stage)) {
    throw new MoveRefused('ILLEGAL', `No se puede pedir una corrección de la solicitud ${input.requestNumber}: está ${STAGE_TEXT[request.stage]}. Solo se piden documentos antes de verificar el pago.`);
  }
  if (!request.contactEmail) {
    throw new MoveRefused('ILLEGAL', `La solicitud ${input.requestNumber} no tiene un correo confirmado al que enviar el enlace; comuníquese con el solicitante por otro medio.`);
  }
  // First the version: the request's row orders this ask against any other move on it.
  await claimRequest(m, request, input.requestNumber);
  if (request.openCorrectionId) await m.update(CorrectionRequest, { id: request.openCorrectionId }, { openRequestId: null });
  const kinds = DOCUMENT_KINDS.filter((k) => input.kinds.includes(k));
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + CORRECTION_TTL_MS);
  await m.insert(CorrectionRequest, {
    requestId: request.id,
    openRequestId: request.id,
    kinds: kinds.join(','),
    reason: input.reason,
    requestedById: operator.id,
    requestedByName: operator.name,
    requestedAt: now,
    tokenHash: tokenHash(token),
    expiresAt,
    completedAt: null,
  });
  const steps: StepWrite[] = [{ kind: 'FILING', state: 'IN_PROGRESS', text: { code: 'correctionAsked', params: { reason: input.reason.replace(/[.\s]+$/, '') } } }];
  if (request.steps.has('PAYMENT')) steps.push({ kind: 'PAYMENT', state: 'PENDING', text: { code: 'pendingPayment' } });
  await recordMove(
    m,
    historyKey,
    {
      requestId: request.id,
      requestNumber: input.requestNumber,
      actor: operator.name,
      move: 'request-correction',
      from: request.stage,
      to: CORRECTION.to,
      effect: { steps, reason: `${kinds.join(', ')}: ${input.reason}` },
      existingSteps: new Set(request.steps.keys()),
      recipient: null,
    },
    now,
  );
  const link = `${publicUrl}${CORRECTION_PAGE}#${token}`;
  const email = requestNotification(
    { kind: 'correction', correction: { kinds, reason: input.reason, link, expiresAt } },
    { language: request.contactLanguage, requestNumber: input.requestNumber, orderNumber: request.orderNumber, publicUrl },
  );
  await queueEmail(m, { requestId: request.id, recipient: request.contactEmail, ...email }, now);
  return { requestNumber: input.requestNumber, stage: CORRECTION.to, serialNumber: null };
}

export type CorrectionProblem = 'TOKEN_MISSING' | 'TOKEN_UNKNOWN' | 'TOKEN_EXPIRED' | 'TOKEN_USED' | 'KIND_NOT_ASKED';

const PROBLEM: Record<CorrectionProblem, { code: ErrorCode; status: number; message: string }> = {
  TOKEN_MISSING: { code: 'UNAUTHENTICATED', status: 401, message: 'Abra el enlace que le enviamos por correo: sin él no podemos recibir sus documentos.' },
  TOKEN_UNKNOWN: { code: 'NOT_FOUND', status: 404, message: 'El enlace no es válido. Ábralo tal como llegó en el correo que le enviamos, sin cambiarlo.' },
  TOKEN_EXPIRED: { code: 'FAILED_PRECONDITION', status: 410, message: 'El enlace venció (dura 7 días). Comuníquese con nuestro Call Center para que le enviemos uno nuevo.' },
  TOKEN_USED: { code: 'FAILED_PRECONDITION', status: 410, message: 'Este enlace ya no está vigente: recibimos los documentos que le pedimos, o su solicitud siguió su trámite. Consulte su estado en "Conozca el estado del trámite de su firma".' },
  KIND_NOT_ASKED: { code: 'BAD_USER_INPUT', status: 400, message: 'No le pedimos ese documento: suba solo los documentos que indica la página.' },
};

/** A correction link refused; nothing was kept. */
export class CorrectionRefused extends Refusal {
  readonly code: ErrorCode;
  readonly status: number;

  constructor(readonly problem: CorrectionProblem) {
    super(PROBLEM[problem].message, { field: problem === 'KIND_NOT_ASKED' ? 'kind' : 'token', reason: problem });
    this.code = PROBLEM[problem].code;
    this.status = PROBLEM[problem].status;
  }
}

/** What the correction page shows: the request, why, and each kind asked with whether it arrived. */
export interface CorrectionView {
  requestNumber: string;
  reason: string;
  expiresAt: Date;
  kinds: { kind: DocumentKind; received: boolean }[];
  complete: boolean;
}

interface CorrectionRow {
  id: number;
  request_id: number;
  request_number: number;
  open_request_id: number | null;
  kinds: string;
  reason: string;
  expires_at: Date | string;
  completed_at: Date | string | null;
}

/** A correction as its token opens it. */
export interface OpenCorrection {
  id: number;
  requestId: number;
  requestNumber: string;
  kinds: DocumentKind[];
  reason: string;
  expiresAt: Date;
}

/**
 * The applicant's side of a correction: the link's token opens one correction of one request,
 * for the kinds asked, until every one has arrived or it expires. Uploads go through the
 * applications' documents (admission before the body, limits, isolated inspection, the store).
 */
export class CorrectionService {
  constructor(
    private readonly db: Database,
    private readonly documents: DocumentService,
    private readonly historyKey: HistoryKey,
    private readonly pseudonyms: Pseudonymizer,
    private readonly limits: RateLimits,
    /** The origin of the links in the applicant's e-mails (SSPS_PUBLIC_URL). */
    private readonly publicUrl: string,
  ) {}

  async view(authorization: string | undefined, ip: string, now = new Date()): Promise<CorrectionView> {
    const correction = await this.open(authorization, ip, now);
    const received = await this.db.run((ds) => receivedKinds(ds.manager, correction.id));
    return viewOf(correction, received);
  }

  /** Everything decided before the body is read: the token, the kind, then the documents' own admission. */
  async admit(authorization: string | undefined, kind: string, filenameHeader: string | undefined, declaredBytes: number | null, ip: string, now = new Date()): Promise<{ admission: Admission; correction: OpenCorrection }> {
    if (!(DOCUMENT_KINDS as readonly string[]).includes(kind)) throw refused('UNKNOWN_KIND');
    const correction = await this.open(authorization, ip, now);
    if (!correction.kinds.includes(kind as DocumentKind)) throw new CorrectionRefused('KIND_NOT_ASKED');
    const originalName = parseFilename(filenameHeader);
    const admission = await this.documents.admitFor(correctionOwner(correction.id), kind as DocumentKind, originalName, declaredBytes, {
      name: 'correctionUpload',
      key: this.pseudonyms.value('correction', String(correction.id)),
      seconds: CORRECTION_TTL_MS / 1000,
    });
    return { admission, correction };
  }

  /**
   * Receives one document of a correction. The one that completes it closes the correction and
   * puts the request back at AWAITING_FILING, with its history entry and e-mail, in the
   * transaction that records the document.
   */
  async receive(admitted: { admission: Admission; correction: OpenCorrection }, body: Readable): Promise<StoredDocument & Pick<CorrectionView, 'kinds' | 'complete'>> {
    const { correction } = admitted;
    let received: DocumentKind[] = [];
    const stored = await this.documents.receive(admitted.admission, body, async (m, document) => {
      const now = document.uploadedAt;
      // Locked, so two uploads finishing at once count each other's documents.
      const lock = m.connection.options.type === 'better-sqlite3' ? undefined : ({ mode: 'pessimistic_write' } as const);
      const open = await m.findOne(CorrectionRequest, { where: { id: correction.id, openRequestId: Not(IsNull()), expiresAt: MoreThan(now) }, lock });
      if (!open) throw new CorrectionRefused('TOKEN_USED');
      const previous = await m.findOneBy(RequestDocument, { draftId: document.draftId, kind: document.kind });
      if (previous) await m.delete(RequestDocument, { id: previous.id });
      await m.insert(RequestDocument, { ...document, requestId: correction.requestId });
      received = await receivedKinds(m, correction.id);
      if (correction.kinds.every((k) => received.includes(k))) await this.complete(m, correction, now);
      return previous?.storageKey;
    });
    const { kinds, complete } = viewOf(correction, received);
    return { ...stored, kinds, complete };
  }

  private async complete(m: EntityManager, correction: OpenCorrection, now: Date): Promise<void> {
    await m.update(CorrectionRequest, { id: correction.id }, { openRequestId: null, completedAt: now });
    const request = await requestState(m, correction.requestNumber, now);
    await claimRequest(m, request, correction.requestNumber);
    await recordMove(
      m,
      this.historyKey,
      {
        requestId: request.id,
        requestNumber: correction.requestNumber,
        actor: 'applicant',
        move: 'correction-received',
        from: CORRECTION.to,
        to: CORRECTION.back,
        effect: { steps: [{ kind: 'FILING', state: 'IN_PROGRESS', text: { code: 'filingReview' } }], reason: `Documentos recibidos: ${correction.kinds.join(', ')}`, email: { kind: 'filingReview' } },
        existingSteps: new Set(request.steps.keys()),
        recipient: recipientOf(request, this.publicUrl),
      },
      now,
    );
  }

  /** The correction the `Authorization: Bearer <token>` header opens; refused tokens spend the client's budget. */
  private async open(authorization: string | undefined, ip: string, now: Date): Promise<OpenCorrection> {
    const token = TOKEN.exec(authorization ?? '')?.[1];
    if (!token) throw new CorrectionRefused('TOKEN_MISSING');
    const [row]: CorrectionRow[] = await this.db.run((ds) =>
      ds.query(
        `SELECT c.id, c.request_id, r.request_number, c.open_request_id, c.kinds, c.reason, c.expires_at, c.completed_at
           FROM correction_request c JOIN certificate_request r ON r.id = c.request_id WHERE c.token_hash = ?`,
        [tokenHash(token)],
      ),
    );
    if (!row) {
      // Guessing a 256-bit token is hopeless; the budget keeps the attempts from costing the database.
      await this.limits.consumeClient('captchaFailureIp', ip, 'correction-token');
      throw new CorrectionRefused('TOKEN_UNKNOWN');
    }
    if (row.completed_at !== null || row.open_request_id === null) throw new CorrectionRefused('TOKEN_USED');
    const expiresAt = toDate(row.expires_at)!;
    if (expiresAt.getTime() <= now.getTime()) throw new CorrectionRefused('TOKEN_EXPIRED');
    return { id: row.id, requestId: row.request_id, requestNumber: String(row.request_number), kinds: row.kinds.split(',') as DocumentKind[], reason: row.reason, expiresAt };
  }
}

async function receivedKinds(m: EntityManager, id: number): Promise<DocumentKind[]> {
  const rows: { kind: DocumentKind }[] = await m.query('SELECT DISTINCT kind FROM request_document WHERE draft_id = ?', [correctionOwner(id)]);
  return rows.map((r) => r.kind);
}

function viewOf(correction: OpenCorrection, received: DocumentKind[]): CorrectionView {
  const kinds = correction.kinds.map((kind) => ({ kind, received: received.includes(kind) }));
  return { requestNumber: correction.requestNumber, reason: correction.reason, expiresAt: correction.expiresAt, kinds, complete: kinds.every((k) => k.received) };
}
