import Link from 'next/link';
import { format, type Messages } from '../i18n';
import { useFocusOnMount } from '../components/useFocusOnMount';
import type { Submitted } from './ApplicationForm';
import { PaymentDue } from './Payment';

/** The confirmation: the numbers to keep, what to pay and how, and the way to follow the request. */
export function Done({ t, requestNumber, orderNumber, payment }: { t: Messages } & Submitted) {
  const heading = useFocusOnMount<HTMLHeadingElement>();
  return (
    <section aria-labelledby="apply-done">
      <h1 id="apply-done" ref={heading} tabIndex={-1}>
        {t.apply.doneTitle}
      </h1>
      <p className="notice">{format(t.apply.done, { requestNumber, orderNumber })}</p>
      <PaymentDue t={t} due={payment} />
      <Link className="button" href="/consulta">
        {t.apply.lookupLink}
      </Link>
    </section>
  );
}
