import { STEP_KINDS, type IdType, type RequestStatus, type StepKind, type StepState } from '../../entities/domain.js';
import type { Database } from '../db/database.js';
import { BatchedStatement } from '../db/read-batch.js';
import { toDate } from '../db/values.js';
import type { InvoiceLinks } from '../lifecycle/invoice.js';
import type { HandleCodec } from './handle.js';
import { closedStep, pendingStep, storedSentence, validityStep, type Language, type StepView } from '../lifecycle/step-texts.js';
import { bogotaDay } from '../calendar/bogota.js';
import { expectedWindow } from '../calendar/business-days.js';
import { stageOf } from '../lifecycle/machine.js';
import { OPEN_STAGES, queueStage } from '../lifecycle/queue.js';

export interface LookupResult {
  applicant: { idType: IdType; idNumber: string; fullName: string } | null;
  requests: RequestSummary[];
  /** When the handles of this lookup stop opening a detail; null when there are none. */
  handlesExpireAt: Date | null;
}

export interface RequestSummary {
  handle: string;
  orderNumber: string;
  requestNumber: string;
  issuedAt: Date | null;
  holderName: string;
  company: string | null;
  project: string | null;
  certificateType: string;
  status: RequestStatus;
}

export interface RequestDetail {
  requestNumber: string;
  holderName: string;
  serialNumber: string | null;
  steps: StepView[];
  /**
   * The manual's promise, "su trámite tarda entre cinco y ocho días hábiles": the filing day plus 5
   * and plus 8 Colombian business days, while the request waits on the authority; null after.
   */
  expectedFrom: string | null;
  expectedBy: string | null;
  /** The certificate's validity, once issued. */
  validFrom: Date | null;
  validTo: Date | null;
}

interface LookupRow {
  applicant_id: number;
  id_type: IdType;
  id_number: string;
  full_name: string;
  request_id: number | null;
  order_number: number | null;
  request_number: number | null;
  issued_at: Date | string | null;
  holder_name: string | null;
  company: string | null;
  project: string | null;
  certificate_type: string | null;
  status: RequestStatus | null;
}

export interface FoundDetail {
  detail: RequestDetail;
  requestId: number;
  /** Whose request it is, for the audit. */
  applicant: { idType: IdType; idNumber: string };
}

interface DetailRow {
  request_number: number;
  order_number: number;
  status: RequestStatus;
  created_at: Date | string;
  valid_from: Date | string | null;
  id_type: IdType;
  id_number: string;
  holder_name: string;
  serial_number: string | null;
  valid_to: Date | string | null;
  kind: StepKind | null;
  state: StepState | null;
  modified_at: Date | string | null;
  information: string | null;
  text_code: string | null;
  text_params: string | null;
  invoice_url: string | null;
}

// One statement each: the lookup is a point read on uq_applicant_identity joined to the
// person's requests; the detail is the request and its steps, by primary key and
// uq_request_step_kind. Concurrent callers share a round trip (db/read-batch.ts).
export const LOOKUP_STATEMENT = new BatchedStatement(
  `a.id AS applicant_id, a.id_type, a.id_number, a.full_name,
         r.id AS request_id, r.order_number, r.request_number, r.issued_at, r.holder_name,
         r.company, r.project, t.name AS certificate_type, r.status`,
  `FROM applicant a
    LEFT JOIN certificate_request r ON r.applicant_id = a.id
    LEFT JOIN certificate_type t ON t.id = r.certificate_type_id
   WHERE a.id_type = ? AND a.id_number = ?`,
  { single: 'r.request_number DESC', byOutputNames: 'request_number DESC' },
);

export const DETAIL_STATEMENT = new BatchedStatement(
  `r.request_number, r.order_number, r.status, r.created_at, r.holder_name, r.serial_number, r.valid_from, r.valid_to, a.id_type, a.id_number,
         s.kind, s.state, s.modified_at, s.information, s.text_code, s.text_params, s.invoice_url`,
  `FROM certificate_request r
    JOIN applicant a ON a.id = r.applicant_id
    LEFT JOIN request_step s ON s.request_id = r.id
   WHERE r.id = ? AND r.applicant_id = ?`,
);

/** Each statement for one caller (the benchmark's floor runs the same). */
export const LOOKUP_SQL = LOOKUP_STATEMENT.single;
export const DETAIL_SQL = DETAIL_STATEMENT.single;

/** The public status lookup: who has which requests, and where each one stands. */
export class RequestService {
  constructor(
    private readonly db: Database,
    private readonly handles: HandleCodec,
    /** Seals each step's invoice link as the detail is read, so the link expires with the handle. */
    private readonly invoiceLinks: InvoiceLinks,
    /** With 'order-number', the detail needs the order number too, and the lookup shows only its last digits. */
    private readonly secondFactor: 'none' | 'order-number' = 'none',
  ) {}

  get needsOrderNumber(): boolean {
    return this.secondFactor === 'order-number';
  }

  /** `idNumber` must already be normalized (see graphql/id-number.ts). */
  async lookup(idType: IdType, idNumber: string): Promise<LookupResult> {
    const rows = await this.db.readBatched<LookupRow>(LOOKUP_STATEMENT, [idType, idNumber]);
    if (rows.length === 0) return { applicant: null, requests: [], handlesExpireAt: null };
    const first = rows[0];
    const lookupId = this.handles.newLookupId();
    const now = Date.now();
    const requests = rows
      .filter((r) => r.request_id !== null)
      .map((r) => ({
        handle: this.handles.issue({ requestId: r.request_id!, applicantId: first.applicant_id, lookupId }, now),
        orderNumber: this.needsOrderNumber ? maskOrderNumber(String(r.order_number)) : String(r.order_number),
        requestNumber: String(r.request_number),
        issuedAt: toDate(r.issued_at),
        holderName: r.holder_name!,
        company: r.company,
        project: r.project,
        certificateType: r.certificate_type!,
        status: r.status!,
      }));
    return { applicant: { idType: first.id_type, idNumber: first.id_number, fullName: first.full_name }, requests, handlesExpireAt: requests.length ? new Date(now + this.handles.ttlSeconds * 1000) : null };
  }

  /**
   * Null for a handle that is not live or names nothing — or, with the second factor on, for
   * a wrong order number: the caller cannot tell which.
   */
  async detail(handle: string, orderNumber?: string | null, language: Language = 'es', now = new Date()): Promise<FoundDetail | null> {
    const opened = this.handles.open(handle, now.getTime());
    if (!opened) return null;
    const rows = await this.db.readBatched<DetailRow>(DETAIL_STATEMENT, [opened.requestId, opened.applicantId]);
    if (rows.length === 0) return null;
    if (this.needsOrderNumber && String(rows[0].order_number) !== (orderNumber ?? '').trim()) return null;
    const byKind = new Map(rows.filter((r) => r.kind !== null).map((r) => [r.kind!, r]));
    const validTo = toDate(rows[0].valid_to);
    const view = (row: DetailRow): StepView => ({
      kind: row.kind!,
      state: row.state!,
      modifiedAt: toDate(row.modified_at),
      information: storedSentence({ information: row.information!, textCode: row.text_code, textParams: row.text_params }, language),
      invoiceUrl: row.invoice_url ? this.invoiceLinks.link(row.invoice_url, now.getTime()) : null,
    });
    // After a rejection or a cancellation nothing is pending any more: the steps never reached are closed.
    const status = rows[0].status;
    const closed = status === 'REJECTED' || status === 'CANCELLED' ? status : null;
    const steps = STEP_KINDS.map((kind): StepView => {
      const row = byKind.get(kind);
      if (closed && (!row || row.state === 'PENDING')) return closedStep(kind, closed, language);
      if (kind === 'VALIDITY') return validityStep(row ? view(row) : null, validTo, now, language);
      return row ? view(row) : pendingStep(kind, language);
    });
    // Computed here, in memory (the holidays are cached per year): the detail stays one round trip.
    const stage = stageOf(rows[0].status, new Map([...byKind].map(([kind, row]) => [kind, row.state!])), validTo, now);
    const window = OPEN_STAGES.includes(queueStage(stage)) ? expectedWindow(bogotaDay(toDate(rows[0].created_at)!)) : null;
    const validFrom = toDate(rows[0].valid_from);
    return {
      detail: {
        requestNumber: String(rows[0].request_number),
        holderName: rows[0].holder_name,
        serialNumber: rows[0].serial_number,
        steps,
        expectedFrom: window?.from ?? null,
        expectedBy: window?.by ?? null,
        validFrom,
        validTo: validFrom ? validTo : null,
      },
      requestId: opened.requestId,
      applicant: { idType: rows[0].id_type, idNumber: rows[0].id_number },
    };
  }
}

/** Enough for the applicant to tell their orders apart, not enough to answer the second factor. */
function maskOrderNumber(orderNumber: string): string {
  return `${'•'.repeat(Math.max(0, orderNumber.length - 2))}${orderNumber.slice(-2)}`;
}
