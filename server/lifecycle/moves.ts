import { randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { CertificateRequest, Invoice, RequestStep, type StepKind, type StepState } from '../../entities/index.js';
import { openDownloadLink, type DownloadLink } from '../certificates/download-links.js';
import { queueEmail } from '../notifications/outbox.js';
import { appendEvent, type HistoryKey } from './history.js';
import { storedInvoiceUrl } from './invoice.js';
import { waitingStep, type Move, type RevocationReason, type Stage } from './machine.js';
import { requestNotification } from './notification.js';
import { placeInQueue } from './queue.js';
import { STEP_TEXT } from './step-texts.js';

export type MoveInput =
  | { move: 'file' | 'approve' | 'deliver'; requestNumber: string; actor: string }
  | { move: 'verify-payment'; requestNumber: string; actor: string; invoiceNumber: string }
  | { move: 'reject'; requestNumber: string; actor: string; reason: string }
  | { move: 'revoke'; requestNumber: string; actor: string; reason: RevocationReason };

export interface StepWrite {
  kind: StepKind;
  state: StepState;
  information: string;
  invoiceUrl?: string;
}

/** What a move does besides moving the stage: the steps it writes, the request's columns it sets, the reason it records. */
export interface Effect {
  steps: StepWrite[];
  request?: Partial<CertificateRequest>;
  reason?: string;
  /** A delivery's download link, told in its e-mail. */
  download?: DownloadLink;
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
  from: Stage;
  now: Date;
  delivery: DeliverySettings;
}

type Effects = { [K in Move]: (input: Extract<MoveInput, { move: K }>, c: MoveContext) => Effect | Promise<Effect> };

/** Paso1 done, Paso2 under way: what filing leaves, whether an operator files or the applicant's submission does. */
const FILED: StepWrite[] = [
  { kind: 'FILING', state: 'COMPLETED', information: STEP_TEXT.filed },
  { kind: 'PAYMENT', state: 'IN_PROGRESS', information: STEP_TEXT.paymentReview },
];

/** Each move's effects, as data; which move is allowed from which stage is machine.ts's to say. */
export const EFFECTS: Effects = {
  file: () => ({ steps: FILED }),
  'verify-payment': async (input, c) => {
    const token = randomBytes(32).toString('base64url');
    await c.m.insert(Invoice, { requestId: c.requestId, invoiceNumber: input.invoiceNumber, token, issuedAt: c.now });
    return {
      reason: `Factura ${input.invoiceNumber}`,
      steps: [
        { kind: 'PAYMENT', state: 'COMPLETED', information: STEP_TEXT.paid, invoiceUrl: storedInvoiceUrl(token) },
        { kind: 'APPROVAL', state: 'IN_PROGRESS', information: STEP_TEXT.approvalReview },
      ],
    };
  },
  approve: () => ({
    steps: [
      { kind: 'APPROVAL', state: 'COMPLETED', information: STEP_TEXT.approved },
      { kind: 'DELIVERY', state: 'IN_PROGRESS', information: STEP_TEXT.deliveryReady },
    ],
  }),
  reject: (input, c) => ({
    reason: input.reason,
    request: { status: 'REJECTED' },
    steps: [{ kind: waitingStep(c.from), state: 'REJECTED', information: STEP_TEXT.rejected.replace('{reason}', input.reason) }],
  }),
  // The certificate is issued when the applicant downloads it (server/certificates/): until
  // then Paso4 says it is ready, and the e-mail carries the single-use link.
  deliver: async (_input, c) => ({
    request: {
      status: 'COMPLETED',
      serialNumber: await newSerial(c.m),
      issuedAt: c.now,
      validFrom: c.now,
      validTo: new Date(c.now.getTime() + c.validityDays * 86_400_000),
    },
    steps: [
      { kind: 'DELIVERY', state: 'IN_PROGRESS', information: STEP_TEXT.deliveryReady },
      { kind: 'VALIDITY', state: 'VALID', information: STEP_TEXT.valid },
    ],
    download: await openDownloadLink(c.m, c.requestId, c.delivery.publicUrl, c.delivery.downloadTtlHours, c.now),
  }),
  revoke: (input, c) => ({
    reason: input.reason,
    request: { revokedAt: c.now, revocationReason: input.reason },
    steps: [{ kind: 'VALIDITY', state: 'REVOKED', information: STEP_TEXT.revoked }],
  }),
};

export function effectOf(input: MoveInput, c: MoveContext): Effect | Promise<Effect> {
  return (EFFECTS[input.move] as (input: MoveInput, c: MoveContext) => Effect | Promise<Effect>)(input, c);
}

/**
 * Writes what a move leaves in the caller's transaction: its steps (updated where they exist),
 * its history entry — after the request's row was written, which orders it in the chain — its
 * place in the operators' queue, and the e-mail telling the request's confirmed address of its first step.
 */
export async function recordMove(
  m: EntityManager,
  historyKey: HistoryKey,
  move: { requestId: number; requestNumber: string; actor: string; move: string; from: Stage; to: Stage; effect: Effect; existingSteps: Set<StepKind>; recipient: string | null; detail?: string },
  now: Date,
): Promise<void> {
  for (const write of move.effect.steps) {
    const values = { state: write.state, information: write.information, modifiedAt: now, invoiceUrl: write.invoiceUrl ?? null };
    if (move.existingSteps.has(write.kind)) await m.update(RequestStep, { requestId: move.requestId, kind: write.kind }, values);
    else await m.insert(RequestStep, { requestId: move.requestId, kind: write.kind, ...values });
  }
  await appendEvent(m, historyKey, { requestId: move.requestId, occurredAt: now, actor: move.actor, move: move.move, fromStage: move.from, toStage: move.to, reason: move.effect.reason ?? null });
  // A move that keeps the stage (a correction of the record) keeps the request's place and its `since`.
  if (move.to !== move.from) await placeInQueue(m, move.requestId, move.to, now);
  if (move.recipient) {
    const [changed] = move.effect.steps;
    await queueEmail(m, { requestId: move.requestId, recipient: move.recipient, ...requestNotification(move.requestNumber, { step: changed.kind, information: changed.information, detail: move.detail, download: move.effect.download }) }, now);
  }
}

/**
 * The applicant's submission is a move too: a new request, filed by its applicant. It leaves
 * what an operator's `file` leaves, and is recorded as `apply`, in the submission's transaction.
 */
export function recordSubmission(
  m: EntityManager,
  historyKey: HistoryKey,
  submission: { requestId: number; requestNumber: string; orderNumber: string; termsVersion: string; recipient: string },
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
      effect: { steps: FILED, reason: `Términos ${submission.termsVersion}` },
      existingSteps: new Set(),
      recipient: submission.recipient,
      detail: `Número de solicitud ${submission.requestNumber}, orden de pedido ${submission.orderNumber}.`,
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
