import Link from 'next/link';
import type { PaymentDiscrepancyKind } from '../../graphql/generated/client/graphql';
import { format, type Messages } from '../i18n';
import { formatCop } from '../consulta/format';
import { displayDateTime } from './console-format';

export interface Discrepancy {
  provider: string;
  transactionId: string;
  reference: string;
  kind: PaymentDiscrepancyKind;
  amountCop: number;
  expectedCop?: number | null;
  requestNumber?: string | null;
  receivedAt: string;
}

/** Payments a gateway reported that verified nothing: what an operator must look at (refund, or verify by hand). */
export function PaymentDiscrepancies({ t, items, title, intro, id, level }: { t: Messages; items: Discrepancy[]; title: string; intro?: string; id: string; level: 2 | 3 }) {
  const p = t.console.payments;
  if (items.length === 0) return null;
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section aria-labelledby={id} className="payment payment-discrepancies">
      <Heading id={id}>
        <span aria-hidden="true">⚠ </span>
        {title}
      </Heading>
      {intro && <p>{intro}</p>}
      <div className="table-wrap">
        <table className="table table--stack payments-table">
          <thead>
            <tr>
              <th scope="col">{p.columns.receivedAt}</th>
              <th scope="col">{p.columns.kind}</th>
              <th scope="col">{p.columns.request}</th>
              <th scope="col">{p.columns.reference}</th>
              <th scope="col">{p.columns.amount}</th>
              <th scope="col">{p.columns.expected}</th>
              <th scope="col">{p.columns.transaction}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((d) => (
              <tr key={`${d.provider}-${d.transactionId}`}>
                <td data-label={p.columns.receivedAt}>{displayDateTime(d.receivedAt)}</td>
                <td data-label={p.columns.kind}>{p.kinds[d.kind]}</td>
                <td data-label={p.columns.request}>
                  {d.requestNumber ? (
                    <Link href={`/operaciones/solicitud/${d.requestNumber}`} aria-label={format(t.console.queue.open, { requestNumber: d.requestNumber })}>
                      {d.requestNumber}
                    </Link>
                  ) : (
                    '—'
                  )}
                </td>
                <td data-label={p.columns.reference}>{d.reference}</td>
                <td data-label={p.columns.amount}>{formatCop(d.amountCop)}</td>
                <td data-label={p.columns.expected}>{d.expectedCop == null ? '—' : formatCop(d.expectedCop)}</td>
                <td data-label={p.columns.transaction}>
                  {d.provider} <code>{d.transactionId}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
