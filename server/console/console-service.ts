import type { Readable } from 'node:stream';
import { ID_TYPES, normalizeIdNumber, type IdType } from '../../graphql/id-number.js';
import { DocumentView, RequestEvent, STEP_KINDS, type RequestStatus, type StepKind, type StepState } from '../../entities/index.js';
import type { DocumentStore } from '../applications/document-store.js';
import type { DocumentKind } from '../applications/requirements.js';
import { addDays, bogotaDay, isDay, startOfBogotaDay } from '../calendar/bogota.js';
import { businessDaysBetween, dueCutoffs, dueState, expectedWindow, type DueState } from '../calendar/business-days.js';
import type { Database } from '../db/database.js';
import { toDate, utcDatetime } from '../db/values.js';
import type { InvoiceLinks } from '../lifecycle/invoice.js';
import { stageOf, type Stage } from '../lifecycle/machine.js';
import { OPEN_STAGES, QUEUE_STAGES, type QueueStage } from '../lifecycle/queue.js';
import { correctionOpen } from '../lifecycle/request-state.js';
import { serialCandidates } from '../lifecycle/serial.js';
import { pendingStep, validityStep, type StepView } from '../lifecycle/step-texts.js';
import { recordText } from '../names.js';
import type { Operator } from '../operators/operator.js';
import type { PaymentDiscrepancy, PaymentService } from '../payments/payment-service.js';
import { BadInput, NotFound } from '../refusals.js';
import { messages } from '../messages.js';

const CONSOLE_MESSAGES = messages.CONSOLE;

/** Where an operator's browser reads a supporting document (served by documents-route.ts). */
export const DOCUMENTS_PATH = '/operaciones/documentos/';

const MAX_PAGE = 100;

export interface Page<T> {
  items: T[];
  /** Pass as `after` for the next page; null on the last one. */
  nextCursor: string | null;
}

export interface Age {
  filedAt: Date;
  /** Business days after the filing day, up to today — or, for a request no longer waiting, up to the day it left the queue's open stages. */
  ageBusinessDays: number;
  /** Null once the request no longer waits on the authority (issued, revoked, rejected, cancelled). */
  dueState: DueState | null;
}

export interface QueueEntry extends Age {
  requestNumber: string;
  orderNumber: string;
  stage: QueueStage;
  since: Date;
  applicantName: string;
  holderName: string;
  company: string | null;
  certificateType: string;
  /** A payment provider reported a payment for it that did not match (server/payments/). */
  paymentDiscrepancy: boolean;
}

export interface StageCount {
  stage: QueueStage;
  count: number;
  /** Waiting 5 to 8 business days (open stages only; 0 for the others). */
  due: number;
  /** Waiting more than 8 business days. */
  overdue: number;
}

export interface QueueFilter {
  stage: QueueStage;
  /** A certificate type's code (PERSONA_NATURAL, …). */
  certificateType?: string | null;
  dueState?: DueState | null;
  first?: number | null;
  after?: string | null;
}

export type SearchMatch = 'ID_NUMBER' | 'NAME' | 'REQUEST_NUMBER' | 'ORDER_NUMBER' | 'SERIAL_NUMBER';

export interface SearchHit {
  requestNumber: string;
  orderNumber: string;
  applicant: { idType: IdType; idNumber: string; fullName: string };
  holderName: string;
  certificateType: string;
  stage: QueueStage | null;
  filedAt: Date;
  matchedBy: SearchMatch[];
}

export interface SearchResult extends Page<SearchHit> {
  /** What the text was taken for: NAME alone, or the exact kinds tried. */
  searchedAs: SearchMatch[];
}

export interface ConsoleDocument {
  id: string;
  kind: DocumentKind;
  mediaType: string;
  size: number;
  sha256: string;
  uploadedAt: Date;
  url: string;
}

export interface ConsoleRequest extends Age {
  requestNumber: string;
  orderNumber: string;
  applicant: { idType: IdType; idNumber: string; fullName: string };
  contactEmail: string | null;
  contactPhone: string | null;
  holderName: string;
  company: string | null;
  project: string | null;
  certificateType: string;
  certificateTypeCode: string;
  status: RequestStatus;
  stage: Stage;
  expectedFrom: string | null;
  expectedBy: string | null;
  serialNumber: string | null;
  validFrom: Date | null;
  validTo: Date | null;
  revokedAt: Date | null;
  documents: ConsoleDocument[];
  steps: StepView[];
  /** What payment providers reported for it that did not match, newest first. */
  paymentDiscrepancies: PaymentDiscrepancy[];
  /** Oldest first. */
  history: RequestEvent[];
}

export type ActivityKind = 'MOVE' | 'DOCUMENT_VIEW';

export interface ActivityEntry {
  kind: ActivityKind;
  occurredAt: Date;
  operator: string;
  requestNumber: string;
  move: string | null;
  fromStage: Stage | null;
  toStage: Stage | null;
  reason: string | null;
  documentId: string | null;
  documentKind: DocumentKind | null;
}

export interface ActivityFilter {
  /** The operator's name as the history records it. */
  operator?: string | null;
  /** Bogotá dates, both included. */
  from?: string | null;
  to?: string | null;
  first?: number | null;
  after?: string | null;
}

export interface OpenedDocument {
  mediaType: string;
  size: number;
  kind: string;
  body: Readable;
}

interface QueueRow {
  request_id: number;
  stage: QueueStage;
  filed_at: Date | string;
  since: Date | string;
  request_number: number;
  order_number: number;
  holder_name: string;
  company: string | null;
  full_name: string;
  certificate_type: string;
  payment_discrepancy: number | string;
}

interface HitRow {
  request_id: number;
  applicant_id: number;
  request_number: number;
  order_number: number;
  serial_number: string | null;
  holder_name: string;
  id_type: IdType;
  id_number: string;
  full_name: string;
  certificate_type: string;
  stage: QueueStage | null;
  filed_at: Date | string;
}

interface RequestRow {
  id: number;
  request_number: number;
  order_number: number;
  holder_name: string;
  company: string | null;
  project: string | null;
  status: RequestStatus;
  serial_number: string | null;
  valid_from: Date | string | null;
  valid_to: Date | string | null;
  revoked_at: Date | string | null;
  contact_email: string | null;
  contact_phone: string | null;
  created_at: Date | string;
  id_type: IdType;
  id_number: string;
  full_name: string;
  type_code: string;
  type_name: string;
  since: Date | string | null;
  /** The open correction's expiry, if one is open: the request then waits at AWAITING_CORRECTION until it passes. */
  correction_expires_at: Date | string | null;
}


const HIT_COLUMNS = `
  SELECT r.id AS request_id, a.id AS applicant_id, r.request_number, r.order_number, r.serial_number, r.holder_name,
         a.id_type, a.id_number, a.full_name, t.name AS certificate_type, q.stage, r.created_at AS filed_at`;

/**
 * The operators' console, read side: the queue by stage, search, a request's page, the
 * activity, and the supporting documents. Every method expects an operator already checked
 * (the resolvers and the documents route call requireOperator or its HTTP equivalent).
 */
export class ConsoleService {
  constructor(
    private readonly db: Database,
    private readonly store: DocumentStore,
    private readonly invoiceLinks: InvoiceLinks,
    private readonly payments: PaymentService,
  ) {}

  async certificateTypes(): Promise<{ code: string; name: string }[]> {
    return this.db.read<{ code: string; name: string }>('SELECT code, name FROM certificate_type ORDER BY name', []);
  }

  /** How many requests each stage holds, and of the waiting ones how many are due or overdue. */
  async queueCounts(certificateType?: string | null, now = new Date()): Promise<StageCount[]> {
    const { dueBefore, overdueBefore } = dueCutoffs(now);
    const byType = certificateType ? ' WHERE certificate_type_id = (SELECT id FROM certificate_type WHERE code = ?)' : '';
    const rows = await this.db.read<{ stage: QueueStage; total: number | string; due: number | string | null; overdue: number | string | null }>(
      `SELECT stage, COUNT(*) AS total,
              SUM(CASE WHEN filed_at < ? AND filed_at >= ? THEN 1 ELSE 0 END) AS due,
              SUM(CASE WHEN filed_at < ? THEN 1 ELSE 0 END) AS overdue
         FROM request_queue${byType}
        GROUP BY stage`,
      [utcDatetime(dueBefore), utcDatetime(overdueBefore), utcDatetime(overdueBefore), ...(certificateType ? [certificateType] : [])],
    );
    const found = new Map(rows.map((r) => [r.stage, r]));
    return QUEUE_STAGES.map((stage) => {
      const row = found.get(stage);
      const open = OPEN_STAGES.includes(stage);
      return { stage, count: Number(row?.total ?? 0), due: open ? Number(row?.due ?? 0) : 0, overdue: open ? Number(row?.overdue ?? 0) : 0 };
    });
  }

  /** One stage's requests, oldest filing first, by keyset on (filed_at, request_id). */
  async queue(filter: QueueFilter, now = new Date()): Promise<Page<QueueEntry>> {
    const first = pageSize(filter.first, 50);
    const { sql, parameters } = queueQuery(filter, first, now);
    const rows = await this.db.read<QueueRow>(sql, parameters);
    const today = bogotaDay(now);
    const items = rows.slice(0, first).map((row): QueueEntry => {
      const filedAt = toDate(row.filed_at)!;
      const since = toDate(row.since)!;
      return {
        requestNumber: String(row.request_number),
        orderNumber: String(row.order_number),
        stage: row.stage,
        since,
        applicantName: row.full_name,
        holderName: row.holder_name,
        company: row.company,
        certificateType: row.certificate_type,
        paymentDiscrepancy: Number(row.payment_discrepancy) > 0,
        ...age(filedAt, row.stage, since, today),
      };
    });
    const last = rows.length > first ? rows[first - 1] : null;
    return { items, nextCursor: last ? encodeCursor([toDate(last.filed_at)!.getTime(), last.request_id]) : null };
  }

  /**
   * One text box. Text without digits is a name: a prefix of the recorded (upper-case NFC)
   * name, a page holding the requests of `first` people in name order. Text with digits is tried,
   * each exactly, as an ID number of every type it is valid for (normalized as the lookup does),
   * a request number, an order number and a serial number (hex in any case, with colons or
   * spaces, or decimal); the requests found come newest first.
   */
  async search(text: string, first?: number | null, after?: string | null): Promise<SearchResult> {
    const size = pageSize(first, 20);
    const trimmed = text.normalize('NFC').trim();
    if (trimmed.length === 0 || trimmed.length > 200 || /[\p{Cc}\p{Cf}]/u.test(trimmed)) {
      throw new BadInput(CONSOLE_MESSAGES.SEARCH_TEXT, { field: 'text' });
    }
    // A serial with no digit at all (32 hex letters) is as good as impossible, but is still not a name.
    const serialLike = /^(0x)?[0-9a-f]{16,}$/i.test(trimmed.replace(/[\s:]/g, ''));
    if (!/\d/.test(trimmed) && !serialLike) return this.searchByName(trimmed, size, after);
    return this.searchExact(trimmed, size, after);
  }

  private async searchByName(text: string, size: number, after?: string | null): Promise<SearchResult> {
    const name = recordText(text, { min: 2, max: 200, letters: 2 });
    if (!name.ok) throw new BadInput(CONSOLE_MESSAGES.SEARCH_NAME, { field: 'text', reason: name.problem });
    let cursor: { name: string; applicantId: number } | null = null;
    if (after) {
      const [applicantId] = decodeCursor(after, 1);
      const [row] = await this.db.read<{ full_name: string }>('SELECT full_name FROM applicant WHERE id = ?', [applicantId]);
      if (!row) throw badCursor();
      cursor = { name: row.full_name, applicantId };
    }
    const { sql, parameters } = nameSearchQuery(this.db.kind, name.value, size, cursor);
    const rows = await this.db.read<HitRow>(sql, parameters);
    const people = [...new Set(rows.map((r) => r.applicant_id))];
    const kept = new Set(people.slice(0, size));
    const items = rows.filter((r) => kept.has(r.applicant_id)).map((r) => hit(r, ['NAME']));
    return { items, searchedAs: ['NAME'], nextCursor: people.length > size ? encodeCursor([people[size - 1]]) : null };
  }

  private async searchExact(text: string, size: number, after?: string | null): Promise<SearchResult> {
    const terms = exactTerms(text);
    const before = after ? decodeCursor(after, 1)[0] : null;
    const { sql, parameters } = exactSearchQuery(terms, size, before);
    const rows = sql ? await this.db.read<HitRow>(sql, parameters) : [];
    const items = rows.slice(0, size).map((r) => hit(r, matchesOf(r, terms)));
    return { items, searchedAs: terms.kinds, nextCursor: rows.length > size ? encodeCursor([rows[size - 1].request_number]) : null };
  }

  /** A request's page; NOT_FOUND for a number that names none. */
  async request(requestNumber: string, now = new Date()): Promise<ConsoleRequest> {
    if (!/^\d{1,9}$/.test(requestNumber)) throw new NotFound(CONSOLE_MESSAGES.REQUEST_NOT_FOUND.replace('{n}', requestNumber.slice(0, 20)), { field: 'requestNumber' });
    const [row] = await this.db.read<RequestRow>(
      `SELECT r.id, r.request_number, r.order_number, r.holder_name, r.company, r.project, r.status, r.serial_number,
              r.valid_from, r.valid_to, r.revoked_at, r.contact_email, r.contact_phone, r.created_at,
              a.id_type, a.id_number, a.full_name, t.code AS type_code, t.name AS type_name, q.since,
              c.expires_at AS correction_expires_at
         FROM certificate_request r
         JOIN applicant a ON a.id = r.applicant_id
         JOIN certificate_type t ON t.id = r.certificate_type_id
         LEFT JOIN request_queue q ON q.request_id = r.id
         LEFT JOIN correction_request c ON c.open_request_id = r.id
        WHERE r.request_number = ?`,
      [Number(requestNumber)],
    );
    if (!row) throw new NotFound(CONSOLE_MESSAGES.REQUEST_NOT_FOUND.replace('{n}', requestNumber), { field: 'requestNumber' });
    const [steps, documents, history, paymentDiscrepancies] = await Promise.all([
      this.db.read<{ kind: StepKind; state: StepState; modified_at: Date | string | null; information: string; invoice_url: string | null }>(
        'SELECT kind, state, modified_at, information, invoice_url FROM request_step WHERE request_id = ?',
        [row.id],
      ),
      this.db.read<{ id: number; kind: DocumentKind; media_type: string; size: number; sha256: string; uploaded_at: Date | string }>(
        'SELECT id, kind, media_type, size, sha256, uploaded_at FROM request_document WHERE request_id = ? ORDER BY uploaded_at, id',
        [row.id],
      ),
      this.db.run((ds) => ds.getRepository(RequestEvent).find({ where: { requestId: row.id }, order: { occurredAt: 'ASC', id: 'ASC' } })),
      this.payments.discrepancies({ requestId: row.id }),
    ]);
    const validTo = toDate(row.valid_to);
    const stepStates = new Map(steps.map((s) => [s.kind, s.state]));
    const stage = stageOf(row.status, stepStates, validTo, now, correctionOpen(row.correction_expires_at, now));
    const byKind = new Map(steps.map((s) => [s.kind, s]));
    const view = (s: (typeof steps)[number]): StepView => ({
      kind: s.kind,
      state: s.state,
      modifiedAt: toDate(s.modified_at),
      information: s.information,
      invoiceUrl: s.invoice_url ? this.invoiceLinks.link(s.invoice_url, now.getTime()) : null,
    });
    const filedAt = toDate(row.created_at)!;
    const since = toDate(row.since) ?? filedAt;
    const queueStage = stage === 'EXPIRED' ? 'ISSUED' : stage;
    const window = OPEN_STAGES.includes(queueStage) ? expectedWindow(bogotaDay(filedAt)) : null;
    return {
      requestNumber: String(row.request_number),
      orderNumber: String(row.order_number),
      applicant: { idType: row.id_type, idNumber: row.id_number, fullName: row.full_name },
      contactEmail: row.contact_email,
      contactPhone: row.contact_phone,
      holderName: row.holder_name,
      company: row.company,
      project: row.project,
      certificateType: row.type_name,
      certificateTypeCode: row.type_code,
      status: row.status,
      stage,
      ...age(filedAt, queueStage, since, bogotaDay(now)),
      expectedFrom: window?.from ?? null,
      expectedBy: window?.by ?? null,
      serialNumber: row.serial_number,
      validFrom: toDate(row.valid_from),
      validTo,
      revokedAt: toDate(row.revoked_at),
      documents: documents.map((d) => ({
        id: String(d.id),
        kind: d.kind,
        mediaType: d.media_type,
        size: Number(d.size),
        sha256: d.sha256,
        uploadedAt: toDate(d.uploaded_at)!,
        url: `${DOCUMENTS_PATH}${d.id}`,
      })),
      steps: STEP_KINDS.map((kind): StepView => {
        const s = byKind.get(kind);
        if (kind === 'VALIDITY') return validityStep(s ? view(s) : null, validTo, now);
        return s ? view(s) : pendingStep(kind);
      }),
      history,
      paymentDiscrepancies,
    };
  }

  /** Payments providers reported that matched no request waiting for them, newest first (the queue's list). */
  paymentDiscrepancies(first?: number | null): Promise<PaymentDiscrepancy[]> {
    return this.payments.discrepancies({ first: first ?? 20 });
  }

  /**
   * Every operator's actions, newest first: the moves of the history (not the applicants' own
   * submissions) and the documents opened. Two keyset reads, one per table, merged here.
   */
  async activity(filter: ActivityFilter): Promise<Page<ActivityEntry>> {
    const first = pageSize(filter.first, 50);
    const range = dayRange(filter.from, filter.to);
    const operator = filter.operator?.trim() || null;
    const cursor = filter.after ? activityCursor(filter.after) : null;
    const moves = activityQuery('MOVE', operator, range, cursor, first);
    const views = activityQuery('DOCUMENT_VIEW', operator, range, cursor, first);
    const [moveRows, viewRows] = await Promise.all([this.db.read<ActivityRow>(moves.sql, moves.parameters), this.db.read<ActivityRow>(views.sql, views.parameters)]);
    const merged = [...moveRows.map((r) => ({ r, kind: 'MOVE' as const })), ...viewRows.map((r) => ({ r, kind: 'DOCUMENT_VIEW' as const }))]
      .map(({ r, kind }) => ({ r, kind, at: toDate(r.occurred_at)! }))
      .sort((x, y) => y.at.getTime() - x.at.getTime() || RANK[y.kind] - RANK[x.kind] || y.r.id - x.r.id);
    const page = merged.slice(0, first);
    const last = merged.length > first ? page[page.length - 1] : null;
    return {
      items: page.map(({ r, kind, at }) => ({
        kind,
        occurredAt: at,
        operator: r.operator,
        requestNumber: String(r.request_number),
        move: kind === 'MOVE' ? r.move : null,
        fromStage: kind === 'MOVE' ? r.from_stage : null,
        toStage: kind === 'MOVE' ? r.to_stage : null,
        reason: kind === 'MOVE' ? r.reason : null,
        documentId: kind === 'DOCUMENT_VIEW' ? String(r.document_id) : null,
        documentKind: kind === 'DOCUMENT_VIEW' ? r.document_kind : null,
      })),
      nextCursor: last ? encodeCursor([last.at.getTime(), RANK[last.kind], last.r.id]) : null,
    };
  }

  /**
   * A request's supporting document for an operator, its view recorded first (who, which, when):
   * null for an id that names no document of a request (drafts' documents are nobody's yet).
   */
  async openDocument(operator: Operator, documentId: string, now = new Date()): Promise<OpenedDocument | null> {
    if (!/^\d{1,9}$/.test(documentId)) return null;
    const [doc] = await this.db.read<{ id: number; request_id: number; kind: string; media_type: string; size: number; storage_key: string }>(
      'SELECT id, request_id, kind, media_type, size, storage_key FROM request_document WHERE id = ? AND request_id IS NOT NULL',
      [Number(documentId)],
    );
    if (!doc) return null;
    const body = await this.store.read(doc.storage_key);
    if (!body) return null;
    try {
      await this.db.run((ds) =>
        ds.getRepository(DocumentView).insert({
          documentId: doc.id,
          requestId: doc.request_id,
          operatorId: operator.id,
          operatorName: operator.name.slice(0, 80),
          // To the second, as request_event keeps its times: the activity orders both alike.
          viewedAt: new Date(Math.floor(now.getTime() / 1000) * 1000),
        }),
      );
    } catch (error) {
      body.destroy();
      throw error;
    }
    return { mediaType: doc.media_type, size: Number(doc.size), kind: doc.kind, body };
  }
}

function age(filedAt: Date, stage: QueueStage, since: Date, today: string): Age {
  const open = OPEN_STAGES.includes(stage);
  const until = open ? today : bogotaDay(since);
  const days = businessDaysBetween(bogotaDay(filedAt), until);
  return { filedAt, ageBusinessDays: days, dueState: open ? dueState(days) : null };
}

function pageSize(first: number | null | undefined, fallback: number): number {
  const size = first ?? fallback;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE) throw new BadInput(CONSOLE_MESSAGES.PAGE_SIZE.replace('{max}', String(MAX_PAGE)), { field: 'first' });
  return size;
}

/** Cursors are opaque to clients: base64url of a short JSON array of numbers (never a name). */
function encodeCursor(values: number[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

function decodeCursor(cursor: string, length: number): number[] {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (!Array.isArray(values) || values.length !== length || !values.every((v) => Number.isSafeInteger(v) && v >= 0)) throw badCursor();
  return values as number[];
}

function badCursor(): BadInput {
  return new BadInput(CONSOLE_MESSAGES.CURSOR, { field: 'after' });
}

export function queueQuery(filter: QueueFilter, first: number, now: Date): { sql: string; parameters: unknown[] } {
  const where = ['q.stage = ?'];
  const parameters: unknown[] = [filter.stage];
  const add = (clause: string, ...values: unknown[]) => {
    where.push(clause);
    parameters.push(...values);
  };
  if (filter.certificateType) {
    where.push('q.certificate_type_id = (SELECT id FROM certificate_type WHERE code = ?)');
    parameters.push(filter.certificateType);
  }
  if (filter.dueState) {
    if (!OPEN_STAGES.includes(filter.stage)) throw new BadInput(CONSOLE_MESSAGES.DUE_STATE_OPEN_ONLY, { field: 'dueState' });
    const { dueBefore, overdueBefore } = dueCutoffs(now);
    if (filter.dueState === 'ON_TIME') add('q.filed_at >= ?', utcDatetime(dueBefore));
    else if (filter.dueState === 'DUE') add('q.filed_at < ? AND q.filed_at >= ?', utcDatetime(dueBefore), utcDatetime(overdueBefore));
    else add('q.filed_at < ?', utcDatetime(overdueBefore));
  }
  if (filter.after) {
    const [filedMs, requestId] = decodeCursor(filter.after, 2);
    const filed = utcDatetime(new Date(filedMs));
    where.push('(q.filed_at > ? OR (q.filed_at = ? AND q.request_id > ?))');
    parameters.push(filed, filed, requestId);
  }
  // The page is chosen from request_queue alone, in its index's order, before anything is joined:
  // given the joins, MariaDB would rather read a whole stage of a million requests through
  // another table's index and sort it (3.7 s for a page instead of milliseconds).
  return {
    sql: `
  SELECT q.request_id, q.stage, q.filed_at, q.since, r.request_number, r.order_number, r.holder_name, r.company,
         a.full_name, t.name AS certificate_type,
         (SELECT COUNT(*) FROM payment_event p WHERE p.request_id = q.request_id AND p.outcome <> 'APPLIED') AS payment_discrepancy
    FROM (SELECT q.request_id, q.stage, q.filed_at, q.since, q.certificate_type_id FROM request_queue q
           WHERE ${where.join(' AND ')}
           ORDER BY q.filed_at, q.request_id
           LIMIT ${first + 1}) q
    JOIN certificate_request r ON r.id = q.request_id
    JOIN applicant a ON a.id = r.applicant_id
    JOIN certificate_type t ON t.id = q.certificate_type_id
   ORDER BY q.filed_at, q.request_id`,
    parameters,
  };
}

export function nameSearchQuery(kind: Database['kind'], name: string, size: number, cursor: { name: string; applicantId: number } | null): { sql: string; parameters: unknown[] } {
  // MySQL/MariaDB range-scan LIKE 'prefix%' (and their collation matches JOSE with JOSÉ); SQLite
  // uses an index for LIKE only under NOCASE, so there the prefix is a range of the binary order.
  const prefix = kind === 'mysql' ? 'full_name LIKE ?' : 'full_name >= ? AND full_name < ?';
  const parameters: unknown[] = kind === 'mysql' ? [`${name.replace(/[\\%_]/g, (c) => `\\${c}`)}%`] : [name, `${name}\u{10FFFF}`];
  let keyset = '';
  if (cursor) {
    keyset = ' AND (full_name > ? OR (full_name = ? AND id > ?))';
    parameters.push(cursor.name, cursor.name, cursor.applicantId);
  }
  return {
    sql: `${HIT_COLUMNS}
      FROM (SELECT id, id_type, id_number, full_name FROM applicant WHERE ${prefix}${keyset} ORDER BY full_name, id LIMIT ${size + 1}) a
      JOIN certificate_request r ON r.applicant_id = a.id
      JOIN certificate_type t ON t.id = r.certificate_type_id
      LEFT JOIN request_queue q ON q.request_id = r.id
     ORDER BY a.full_name, a.id, r.request_number DESC`,
    parameters,
  };
}

export interface ExactTerms {
  kinds: SearchMatch[];
  identities: { idType: IdType; idNumber: string }[];
  number: number | null;
  serials: string[];
}

export function exactTerms(text: string): ExactTerms {
  const identities = ID_TYPES.flatMap((idType) => {
    const parsed = normalizeIdNumber(idType, text);
    return parsed.ok ? [{ idType, idNumber: parsed.idNumber }] : [];
  });
  const compact = text.replace(/[\s.]/g, '');
  const number = /^\d{1,9}$/.test(compact) ? Number(compact) : null;
  const serials = serialCandidates(text);
  const kinds: SearchMatch[] = [];
  if (identities.length > 0) kinds.push('ID_NUMBER');
  if (number !== null) kinds.push('REQUEST_NUMBER', 'ORDER_NUMBER');
  if (serials.length > 0) kinds.push('SERIAL_NUMBER');
  return { kinds, identities, number, serials };
}

/** Each way the text may name a request is one indexed branch of a UNION; the rows, newest first. */
export function exactSearchQuery(terms: ExactTerms, size: number, before: number | null): { sql: string | null; parameters: unknown[] } {
  const branches: string[] = [];
  const parameters: unknown[] = [];
  for (const identity of terms.identities) {
    branches.push('SELECT r.id FROM applicant a JOIN certificate_request r ON r.applicant_id = a.id WHERE a.id_type = ? AND a.id_number = ?');
    parameters.push(identity.idType, identity.idNumber);
  }
  if (terms.number !== null) {
    branches.push('SELECT id FROM certificate_request WHERE request_number = ?', 'SELECT id FROM certificate_request WHERE order_number = ?');
    parameters.push(terms.number, terms.number);
  }
  if (terms.serials.length > 0) {
    branches.push(`SELECT id FROM certificate_request WHERE serial_number IN (${terms.serials.map(() => '?').join(', ')})`);
    parameters.push(...terms.serials);
  }
  if (branches.length === 0) return { sql: null, parameters: [] };
  if (before !== null) parameters.push(before);
  return {
    sql: `${HIT_COLUMNS}
      FROM (${branches.join(' UNION ')}) m
      JOIN certificate_request r ON r.id = m.id
      JOIN applicant a ON a.id = r.applicant_id
      JOIN certificate_type t ON t.id = r.certificate_type_id
      LEFT JOIN request_queue q ON q.request_id = r.id
     ${before !== null ? 'WHERE r.request_number < ?' : ''}
     ORDER BY r.request_number DESC
     LIMIT ${size + 1}`,
    parameters,
  };
}

function matchesOf(row: HitRow, terms: ExactTerms): SearchMatch[] {
  const matched: SearchMatch[] = [];
  if (terms.identities.some((i) => i.idType === row.id_type && i.idNumber === row.id_number)) matched.push('ID_NUMBER');
  if (terms.number === Number(row.request_number)) matched.push('REQUEST_NUMBER');
  if (terms.number === Number(row.order_number)) matched.push('ORDER_NUMBER');
  if (row.serial_number && terms.serials.includes(row.serial_number)) matched.push('SERIAL_NUMBER');
  return matched;
}

function hit(row: HitRow, matchedBy: SearchMatch[]): SearchHit {
  return {
    requestNumber: String(row.request_number),
    orderNumber: String(row.order_number),
    applicant: { idType: row.id_type, idNumber: row.id_number, fullName: row.full_name },
    holderName: row.holder_name,
    certificateType: row.certificate_type,
    stage: row.stage,
    filedAt: toDate(row.filed_at)!,
    matchedBy,
  };
}

interface ActivityRow {
  id: number;
  occurred_at: Date | string;
  operator: string;
  request_number: number;
  move: string | null;
  from_stage: Stage | null;
  to_stage: Stage | null;
  reason: string | null;
  document_id: number | null;
  document_kind: DocumentKind | null;
}

// Ties on the same second: moves before document views, then the newest row first.
const RANK: Record<ActivityKind, number> = { MOVE: 1, DOCUMENT_VIEW: 0 };

interface ActivityCursor {
  at: Date;
  rank: number;
  id: number;
}

function activityCursor(after: string): ActivityCursor {
  const [ms, rank, id] = decodeCursor(after, 3);
  if (rank > 1) throw badCursor();
  return { at: new Date(ms), rank, id };
}

function dayRange(from?: string | null, to?: string | null): { from: Date | null; to: Date | null } {
  for (const [field, day] of [['from', from], ['to', to]] as const) {
    if (day && !isDay(day)) throw new BadInput(CONSOLE_MESSAGES.DATE, { field });
  }
  if (from && to && from > to) throw new BadInput(CONSOLE_MESSAGES.DATE_RANGE, { field: 'to' });
  return { from: from ? startOfBogotaDay(from) : null, to: to ? startOfBogotaDay(addDays(to, 1)) : null };
}

export function activityQuery(
  kind: ActivityKind,
  operator: string | null,
  range: { from: Date | null; to: Date | null },
  cursor: ActivityCursor | null,
  first: number,
): { sql: string; parameters: unknown[] } {
  const moves = kind === 'MOVE';
  const at = moves ? 'e.occurred_at' : 'v.viewed_at';
  const id = moves ? 'e.id' : 'v.id';
  const where: string[] = moves ? ["e.actor <> 'applicant'"] : [];
  const parameters: unknown[] = [];
  const add = (clause: string, ...values: unknown[]) => {
    where.push(clause);
    parameters.push(...values);
  };
  if (operator) {
    where.push(moves ? 'e.actor = ?' : 'v.operator_name = ?');
    parameters.push(operator);
  }
  if (range.from) add(`${at} >= ?`, utcDatetime(range.from));
  if (range.to) add(`${at} < ?`, utcDatetime(range.to));
  if (cursor) {
    const t = utcDatetime(cursor.at);
    const rank = RANK[kind];
    if (rank < cursor.rank) add(`${at} <= ?`, t);
    else if (rank > cursor.rank) add(`${at} < ?`, t);
    else add(`(${at} < ? OR (${at} = ? AND ${id} < ?))`, t, t, cursor.id);
  }
  const filter = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const sql = moves
    ? `SELECT e.id, e.occurred_at, e.actor AS operator, r.request_number, e.move, e.from_stage, e.to_stage, e.reason, NULL AS document_id, NULL AS document_kind
         FROM request_event e JOIN certificate_request r ON r.id = e.request_id
        ${filter}
        ORDER BY e.occurred_at DESC, e.id DESC
        LIMIT ${first + 1}`
    : `SELECT v.id, v.viewed_at AS occurred_at, v.operator_name AS operator, r.request_number, NULL AS move, NULL AS from_stage, NULL AS to_stage, NULL AS reason, v.document_id, d.kind AS document_kind
         FROM document_view v JOIN certificate_request r ON r.id = v.request_id JOIN request_document d ON d.id = v.document_id
        ${filter}
        ORDER BY v.viewed_at DESC, v.id DESC
        LIMIT ${first + 1}`;
  return { sql, parameters };
}
