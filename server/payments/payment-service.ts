import { PaymentEvent, type PaymentOutcome } from '../../entities/index.js';
import { isDuplicateKey } from '../db/conflicts.js';
import type { Database } from '../db/database.js';
import { toDate } from '../db/values.js';
import { MoveRefused, type LifecycleService } from '../lifecycle/lifecycle-service.js';
import type { PriceList } from './prices.js';
import type { WompiTransaction } from './wompi-events.js';

/** The actor the history records for a payment a provider confirmed. */
export const WOMPI_ACTOR = 'wompi';

/** What became of an event: its transaction's outcome, IGNORED (not approved) or REPLAY (already received). */
export type EventOutcome = PaymentOutcome | 'IGNORED' | 'REPLAY';

/** A provider's report an operator must look at: anything but a payment applied. */
export interface PaymentDiscrepancy {
  provider: string;
  transactionId: string;
  reference: string;
  amountInCents: number;
  expectedCents: number | null;
  outcome: Exclude<PaymentOutcome, 'APPLIED'>;
  requestNumber: string | null;
  receivedAt: Date;
}

interface DiscrepancyRow {
  provider: string;
  transaction_id: string;
  reference: string;
  amount_in_cents: number | string;
  expected_cents: number | string | null;
  outcome: Exclude<PaymentOutcome, 'APPLIED'>;
  request_number: number | null;
  received_at: Date | string;
}

/**
 * Payments a provider confirms. An approved transaction whose reference is a request's order
 * number and whose amount is that request's total moves Paso2 exactly as an operator's
 * verify-payment does (the lifecycle's move, actor `wompi`, invoice number W-<transaction id>),
 * and its record is written in the move's transaction. Each transaction counts once: its record's
 * unique index turns a replay, or the same event twice at once, into a no-op.
 */
export class PaymentService {
  constructor(
    private readonly db: Database,
    private readonly lifecycle: LifecycleService,
    private readonly prices: PriceList,
  ) {}

  async receive(provider: typeof WOMPI_ACTOR, t: WompiTransaction, now = new Date()): Promise<EventOutcome> {
    if (t.status !== 'APPROVED') return 'IGNORED';
    if (await this.received(provider, t.id)) return 'REPLAY';
    const base = { provider, transactionId: t.id, reference: t.reference, amountInCents: t.amountInCents, receivedAt: now };
    const [request] = /^\d{1,9}$/.test(t.reference)
      ? await this.db.read<{ id: number; request_number: number; code: string }>(
          'SELECT r.id, r.request_number, t.code FROM certificate_request r JOIN certificate_type t ON t.id = r.certificate_type_id WHERE r.order_number = ?',
          [Number(t.reference)],
        )
      : [];
    if (!request) return this.record({ ...base, requestId: null, expectedCents: null, outcome: 'UNKNOWN_REFERENCE' });
    const expectedCents = this.prices.priceOf(request.code).totalCop * 100;
    const known = { ...base, requestId: request.id, expectedCents };
    if (t.amountInCents !== expectedCents) return this.record({ ...known, outcome: 'AMOUNT_MISMATCH' });
    try {
      await this.lifecycle.apply({ move: 'verify-payment', requestNumber: String(request.request_number), actor: provider, invoiceNumber: `W-${t.id}` }, now, async (m) => {
        await m.insert(PaymentEvent, { ...known, outcome: 'APPLIED' });
      });
      return 'APPLIED';
    } catch (error) {
      if (!(error instanceof MoveRefused)) throw error;
      // Lost to the same event arriving at once, or the request is past waiting for payment (paid twice, rejected…).
      if (await this.received(provider, t.id)) return 'REPLAY';
      if (error.reason === 'ILLEGAL') return this.record({ ...known, outcome: 'NOT_AWAITING_PAYMENT' });
      throw error;
    }
  }

  /** The latest discrepancies, newest first; of one request when `requestId` is given. */
  async discrepancies(options: { requestId?: number; first?: number } = {}): Promise<PaymentDiscrepancy[]> {
    const first = Math.min(Math.max(options.first ?? 20, 1), 100);
    const rows = await this.db.read<DiscrepancyRow>(
      `SELECT p.provider, p.transaction_id, p.reference, p.amount_in_cents, p.expected_cents, p.outcome, r.request_number, p.received_at
         FROM payment_event p LEFT JOIN certificate_request r ON r.id = p.request_id
        WHERE p.outcome <> 'APPLIED'${options.requestId === undefined ? '' : ' AND p.request_id = ?'}
        ORDER BY p.received_at DESC, p.id DESC
        LIMIT ${first}`,
      options.requestId === undefined ? [] : [options.requestId],
    );
    return rows.map((r) => ({
      provider: r.provider,
      transactionId: r.transaction_id,
      reference: r.reference,
      amountInCents: Number(r.amount_in_cents),
      expectedCents: r.expected_cents === null ? null : Number(r.expected_cents),
      outcome: r.outcome,
      requestNumber: r.request_number === null ? null : String(r.request_number),
      receivedAt: toDate(r.received_at)!,
    }));
  }

  private async received(provider: string, transactionId: string): Promise<boolean> {
    return this.db.run((ds) => ds.getRepository(PaymentEvent).existsBy({ provider, transactionId }));
  }

  private async record(event: Omit<PaymentEvent, 'id'>): Promise<EventOutcome> {
    try {
      await this.db.run((ds) => ds.getRepository(PaymentEvent).insert(event));
      return event.outcome;
    } catch (error) {
      if (isDuplicateKey(error)) return 'REPLAY';
      throw error;
    }
  }
}
