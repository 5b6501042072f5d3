import { formatCop } from '../consulta/format';
import { format, type Messages } from '../i18n';
import type { Info } from './apply-info';

type CertificateType = Info['certificateTypes'][number];

/** Before applying, beside the chosen type: what it costs with IVA, and the ways to pay. */
export function PriceAndHowToPay({ t, type, instructions, id }: { t: Messages; type: CertificateType | undefined; instructions: Info['paymentInstructions']; id: string }) {
  const p = t.apply.payment;
  if (!type) return null;
  return (
    <section className="payment" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{p.title}</h2>
      <p id={id} aria-live="polite">
        {format(p.price, { name: type.name, total: formatCop(type.totalCop), price: formatCop(type.priceCop), vat: formatCop(type.vatCop), vatPercent: instructions.vatPercent })}
      </p>
      <ul>
        <li>{p.reference}</li>
        {instructions.bankAccount && <li>{format(p.bank, { bankAccount: instructions.bankAccount })}</li>}
        {instructions.linkTemplate && <li>{p.online}</li>}
      </ul>
    </section>
  );
}

export interface Due {
  reference: string;
  priceCop: number;
  vatCop: number;
  totalCop: number;
  bankAccount?: string | null;
  link?: string | null;
}

/** On the confirmation: the amount, the reference (the order number) and how to pay it. */
export function PaymentDue({ t, due }: { t: Messages; due: Due }) {
  const p = t.apply.payment;
  return (
    <section className="payment" aria-labelledby="apply-payment">
      <h2 id="apply-payment">{p.doneTitle}</h2>
      <p>{format(p.amountDue, { total: formatCop(due.totalCop), price: formatCop(due.priceCop), vat: formatCop(due.vatCop) })}</p>
      <p>{format(p.doneReference, { reference: due.reference })}</p>
      {due.bankAccount && <p>{format(p.bank, { bankAccount: due.bankAccount })}</p>}
      {due.link && (
        <p>
          <a className="button" href={due.link} rel="noopener noreferrer" target="_blank">
            {p.payOnline}
          </a>
        </p>
      )}
      <p>{p.afterPaying}</p>
    </section>
  );
}
