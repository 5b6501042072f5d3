import { createHash } from 'node:crypto';

let transactions = 0;

/** A transaction.updated event as Wompi sends it, signed as its documentation says (docs.wompi.co, Eventos). */
export function signedWompiEvent(t: { id?: string; reference: string; amountInCents: number; status?: string }, secret: string) {
  const transaction = {
    id: t.id ?? `1234-1700000000-${String(++transactions).padStart(5, '0')}`,
    created_at: '2026-11-29T15:00:00.000Z',
    finalized_at: '2026-11-29T15:00:03.000Z',
    amount_in_cents: t.amountInCents,
    reference: t.reference,
    customer_email: 'pagador@example.com',
    currency: 'COP',
    payment_method_type: 'PSE',
    payment_method: { type: 'PSE', user_type: 0, financial_institution_code: '1007' },
    status: t.status ?? 'APPROVED',
    status_message: null,
    shipping_address: null,
    redirect_url: null,
    payment_source_id: null,
    payment_link_id: null,
    customer_data: { full_name: 'Pagador Ejemplo', phone_number: '+573001234567' },
    billing_data: null,
  };
  const properties = ['transaction.id', 'transaction.status', 'transaction.amount_in_cents'];
  const timestamp = 1_764_428_400;
  const values = [transaction.id, transaction.status, transaction.amount_in_cents].join('');
  const checksum = createHash('sha256').update(`${values}${timestamp}${secret}`).digest('hex').toUpperCase();
  return {
    event: 'transaction.updated',
    data: { transaction },
    environment: 'test',
    signature: { properties, checksum },
    timestamp,
    sent_at: '2026-11-29T15:00:04.000Z',
  };
}

