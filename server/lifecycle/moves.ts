import { randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { CertificateRequest, Invoice, RequestStep, type StepKind, type StepState } from '../../entities/index.js';
import { openDownloadLink } from '../certificates/download-links.js';
import { queueEmail } from '../notifications/outbox.js';
import type { Price } from '../payments/prices.js';
import { appendEvent, type HistoryKey } from './history.js';
import { storedInvoiceUrl } from './invoice.js';
import { waitingStep, type Move, type RevocationReason, type Stage } from './machine.js';
import { requestNotification, type PaymentInstructions, type RequestEvent } from './notification.js';
import { placeInQueue } from './queue.js';
import { stepSentence, storedText, type Language, type StepText } from './step-texts.js';

export type MoveInput =
  | { move: 'file' | 'approve' | 'deliver'; requestNumber: string; actor: string }
  | { move: 'verify-payment'; requestNumber: string; actor: string; invoiceNumber: string; cufe?: string | null }
  | { move: 'reject'; requestNumber: string; actor: string; reason: string }
  | { move: 'revoke'; requestNumber: string; actor: string; reason: RevocationReason };

export interface StepWrite {
  kind: StepKind;
  state: StepState;
  /** The sentence, as a code and its parameters: stored so, and in Spanish (request_step.information). */
  text: StepText;
  invoiceUrl?: string;
}

/** What a move does besides moving the stage: the steps it writes, the request's columns it sets, the reason it records. */
export interface Effect {
  steps: StepWrite[];
  request?: Partial<CertificateRequest>;
  reason?: string;
  /** What the applicant's e-mail tells; none for a move the applicant is told of otherwise (a correction asked). */
  email?: RequestEvent;
}

/** Where a delivery's download link points and how long it lives (SSPS_PUBLIC_URL, DOWNLOAD_TTL_HOURS). */
export interface DeliverySettings {
  publicUrl: string;
  downloadTtlHours: number;
}

interface MoveContext {
  m: EntityManager;
  requestId: number;
  validityDays: number;
  /** What the request costs (its type's price): what its invoice states. */
  price: Price;
  from: Stage;
  now: Date;
  delivery: DeliverySettings;
  /** The full address of a stored invoice's link for the payment's e-mail (InvoiceLinks.emailLink); none, the e-mail points to the lookup. */
  invoiceEmailLink?: (stored: string) => string | null;
}

type Effects = { [K in Move]: (input: Extract<MoveInput, { move: K }>, c: MoveContext) => Effect | Promise<Effect> };

/** Paso1 done, Paso2 under way: what filing leaves, whether an operator files or the applicant's submission does. */
const FILED: StepWrite[] = [
  { kind: 'FILING', state: 'COMPLETED', text: { code: 'filed' } },
  { kind: 'PAYMENT', state: 'IN_PROGRESS', text: { code: 'paymentReview' } },
];

/** Each move's effects, as data; which move is allowed from which stage is machine.ts's to say. */
export const EFFECTS: Effects = {
  file: () => ({ steps: FILED, email: { kind: 'filed' } }),
  'verify-payment': async (input, c) => {
    const token = randomBytes(32).toString('base64url');
    const stored = storedInvoiceUrl(token);
    await c.m.insert(Invoice, {
      requestId: c.requestId,
      invoiceNumber: input.invoiceNumber,
      token,
      issuedAt: c.now,
      subtotalCop: c.price.priceCop,
      vatCop: c.price.vatCop,
      totalCop: c.price.totalCop,
      cufe: input.cufe ?? null,
    });
    return {
      reason: `Factura ${input.invoiceNumber}`,
      steps: [
        { kind: 'PAYMENT', state: 'COMPLETED', text: { code: 'paid' }, invoiceUrl: stored },
        { kind: 'APPROVAL', state: 'IN_PROGRESS', text: { code: 'approvalReview' } },
      ],
      email: { kind: 'paid', invoiceUrl: c.invoiceEmailLink?.(stored) ?? undefined },
    };
  },
  approve: () => ({
    steps: [
      { kind: 'APPROVAL', state: 'COMPLETED', text: { code: 'approved' } },
      { kind: 'DELIVERY', state: 'IN_PROGRESS', text: { code: 'deliveryReady' } },
    ],
    email: { kind: 'approved' },
  }),
  reject: (input, c) => ({
    reason: input.reason,
    request: { status: 'REJECTED' },
    steps: [{ kind: waitingStep(c.from), state: 'REJECTED', text: { code: 'rejected', params: { reason: input.reason } } }],
    email: { kind: 'rejected', reason: input.reason },
  }),
  // The certificate is issued when the applicant downloads it (server/certificates/): until
  // then Paso4 says it is ready, and the e-mail carries the single-use link.
  deliver: async (_input, c) => {
    const serialNumber = await newSerial(c.m);
    const download = await openDownloadLink(c.m, c.requestId, c.delivery.publicUrl, c.delivery.downloadTtlHours, c.now);
    return {
      request: { status: 'COMPLETED', serialNumber, issuedAt: c.now, validFrom: c.now, validTo: new Date(c.now.getTime() + c.validityDays * 86_400_000) },
      steps: [
        { kind: 'DELIVERY', state: 'IN_PROGRESS', text: { code: 'deliveryReady' } },
        { kind: 'VALIDITY', state: 'VALID', text: { code: 'valid' } },
      ],
      email: { kind: 'deliveryReady', downloadUrl: download.link, downloadExpiresAt: download.expiresAt },
    };
  },
  revoke: (input, c) => ({
    reason: input.reason,
    request: { revokedAt: c.now, revocationReason: input.reason },
    steps: [{ kind: 'VALIDITY', state: 'REVOKED', text: { code: 'revoked' } }],
    email: { kind: 'revoked' },
  }),
};

export function effectOf(input: MoveInput, c: MoveContext): Effect | Promise<Effect> {
  return (EFFECTS[input.move] as (input: MoveInput, c: MoveContext) => Effect | Promise<Effect>)(input, c);
}

/** Where a move's e-mail goes, in which language, with which numbers and links. */
export interface Recipient {
  email: string;
  language: Language;
  orderNumber: string;
  publicUrl: string;
}

/** A request's recipient, when it has a confirmed address (requests from before confirmed addresses may have none). */
export function recipientOf(request: { contactEmail: string | null; contactLanguage: Language; orderNumber: string }, publicUrl: string): Recipient | null {
  return request.contactEmail ? { email: request.contactEmail, language: request.contactLanguage, orderNumber: request.orderNumber, publicUrl } : null;
}

/**
 * Writes what a move leaves in the caller's transaction: its steps (updated where they exist),
 * its history entry — after the request's row was written, which orders it in the chain — its
 * place in the operators' queue, and the e-mail telling the request's confirmed address what happened.
 */
export async function recordMove(
  m: EntityManager,
  historyKey: HistoryKey,
  move: { requestId: number; requestNumber: string; actor: string; move: string; from: Stage; to: Stage; effect: Effect; existingSteps: Set<StepKind>; recipient: Recipient | null },
  now: Date,
): Promise<void> {
  for (const write of move.effect.steps) {
    const values = {
      state: write.state,
      information: stepSentence(write.text, 'es'),
      ...storedText(write.text),
      modifiedAt: now,
      invoiceUrl: write.invoiceUrl ?? null,
    };
    if (move.existingSteps.has(write.kind)) await m.update(RequestStep, { requestId: move.requestId, kind: write.kind }, values);
    else await m.insert(RequestStep, { requestId: move.requestId, kind: write.kind, ...values });
  }
  await appendEvent(m, historyKey, { requestId: move.requestId, occurredAt: now, actor: move.actor, move: move.move, fromStage: move.from, toStage: move.to, reason: move.effect.reason ?? null });
  // A move that keeps the stage (a correction of the record) keeps the request's place and its `since`.
  if (move.to !== move.from) await placeInQueue(m, move.requestId, move.to, now);
  const { recipient } = move;
  if (recipient && move.effect.email) {
    const email = requestNotification(move.effect.email, { language: recipient.language, requestNumber: move.requestNumber, orderNumber: recipient.orderNumber, publicUrl: recipient.publicUrl });
    await queueEmail(m, { requestId: move.requestId, recipient: recipient.email, ...email }, now);
  }
}

/**
 * The applicant's submission is a move too: a new request, filed by its applicant. It leaves
 * what an operator's `file` leaves, and is recorded as `apply`, in the submission's transaction.
 */
export function recordSubmission(
  m: EntityManager,
  historyKey: HistoryKey,
  submission: { requestId: number; requestNumber: string; termsVersion: string; recipient: Recipient; payment?: PaymentInstructions },
  now: Date,
): Promise<void> {
  return recordMove(
    m,
    historyKey,
    {
      requestId: submission.requestId,
      requestNumber: submission.requestNumber,
      actor: 'applicant',
      move: 'apply',
      from: 'AWAITING_FILING',
      to: 'AWAITING_PAYMENT',
      effect: { steps: FILED, reason: `Términos ${submission.termsVersion}`, email: { kind: 'filed', payment: submission.payment } },
      existingSteps: new Set(),
      recipient: submission.recipient,
    },
    now,
  );
}

/**
 * 16 bytes from the CSPRNG, top bit cleared so the DER INTEGER is positive (RFC 5280 §4.1.2.2),
 * lowercase hex. A collision is as good as impossible; it is checked anyway, and the unique
 * index is the last word.
 */
async function newSerial(m: EntityManager): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const bytes = randomBytes(16);
    bytes[0] &= 0x7f;
    const serial = bytes.toString('hex');
    if (!(await m.existsBy(CertificateRequest, { serialNumber: serial }))) return serial;
  }
  throw new Error('could not draw a unique serial number');
}
