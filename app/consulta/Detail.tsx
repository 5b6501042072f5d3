'use client';

import { useQuery, type CombinedError } from '@urql/next';
import { useState } from 'react';
import { graphql } from '../../graphql/generated/client';
import type { RequestDetailQuery } from '../../graphql/generated/client/graphql';
import { format, type Language, type Messages } from '../i18n';
import { describeError } from '../components/errors';
import { useFocusOnMount } from '../components/useFocusOnMount';
import { displayDate, displayInstantDate } from './format';

const DetailDocument = graphql(`
  query RequestDetail($handle: ID!, $orderNumber: String, $language: Language) {
    requestDetail(id: $handle, orderNumber: $orderNumber, language: $language) {
      requestNumber
      holderName
      serialNumber
      expectedFrom
      expectedBy
      validFrom
      validTo
      steps { kind modifiedOn information state invoiceUrl }
    }
  }
`);

/**
 * Not suspended: a component that suspends on its first render is mounted afresh when the data
 * arrives, and with 'network-only' the fresh one sent the query again — two detail reads (and
 * two audit entries) per click. Each click mounts this once and reads once.
 */
const NO_SUSPENSE = { suspense: false };

interface Props {
  t: Messages;
  orderNumber?: string;
  newRequestUrl: string;
  onBack: () => void;
}

/** "Ver Detalle": reads the request's detail, then shows it. */
export function Detail({ handle, language, ...props }: Props & { handle: string; language: Language }) {
  // The steps' sentences in the reader's language (the API answers Spanish unless asked).
  const variables = { handle, orderNumber: props.orderNumber, language: language === 'en' ? ('EN' as const) : ('ES' as const) };
  const [{ data, error, fetching }] = useQuery({ query: DetailDocument, variables, requestPolicy: 'network-only', context: NO_SUSPENSE });
  if (fetching || (!data && !error)) return <p role="status">{props.t.detail.loading}</p>;
  return <DetailView {...props} detail={data?.requestDetail} error={error} />;
}

/** The request's serial number and its five steps; mounted with its data, so focus goes to its heading. */
function DetailView({ t, orderNumber, newRequestUrl, onBack, detail, error }: Props & { detail: RequestDetailQuery['requestDetail'] | undefined; error: CombinedError | undefined }) {
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const back = (
    <button type="button" className="button button--secondary" onClick={onBack}>
      {t.detail.back}
    </button>
  );

  if (!detail) {
    const described = error ? describeError(error, t) : { code: 'NOT_FOUND', message: t.errors.NOT_FOUND };
    // With the second factor on, a wrong order number is the likelier cause than an expired link.
    const problem = described.code === 'NOT_FOUND' && orderNumber !== undefined ? { ...described, message: t.errors.NOT_FOUND_ORDER } : described;
    return (
      <section aria-labelledby="detail-title">
        <h1 id="detail-title" ref={heading} tabIndex={-1}>
          {t.detail.title}
        </h1>
        <div className="alert" role="alert" data-code={problem.code}>
          <p>{problem.message}</p>
        </div>
        {back}
      </section>
    );
  }

  const c = t.detail.columns;
  let stepNumber = 0;
  return (
    <section aria-labelledby="detail-title">
      <h1 id="detail-title" ref={heading} tabIndex={-1}>
        {t.detail.title}
      </h1>
      <p className="applicant-line">{format(t.detail.request, { requestNumber: detail.requestNumber, name: detail.holderName })}</p>
      {detail.serialNumber ? (
        <Serial t={t} serial={detail.serialNumber} />
      ) : (
        <p className="serial">
          {t.detail.serial}
          {t.detail.noSerial}
        </p>
      )}
      {detail.expectedFrom && detail.expectedBy && (
        <p className="notice">{format(t.detail.expected, { from: displayDate(detail.expectedFrom), by: displayDate(detail.expectedBy) })}</p>
      )}
      {detail.validFrom && detail.validTo && (
        <p>{format(t.detail.validityDates, { from: displayInstantDate(detail.validFrom), to: displayInstantDate(detail.validTo) })}</p>
      )}
      <div className="table-wrap">
        <table className="table table--stack">
          <caption className="visually-hidden">{t.detail.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{c.step}</th>
              <th scope="col">{c.description}</th>
              <th scope="col">{c.modified}</th>
              <th scope="col">{c.information}</th>
              <th scope="col">{c.state}</th>
            </tr>
          </thead>
          <tbody>
            {detail.steps.map((step) => {
              const name = step.kind === 'VALIDITY' ? t.detail.validity : format(t.detail.stepName, { n: ++stepNumber });
              return (
                <tr key={step.kind}>
                  <th scope="row" data-label={c.step}>
                    {name}
                  </th>
                  <td data-label={c.description}>{t.stepKinds[step.kind]}</td>
                  <td data-label={c.modified}>{displayDate(step.modifiedOn)}</td>
                  <td data-label={c.information}>
                    <span>
                      {step.information}
                      {step.invoiceUrl && (
                        <>
                          {' '}
                          {t.detail.invoice}
                          <a href={step.invoiceUrl} target="_blank" rel="noopener">
                            {t.detail.invoiceLink}
                          </a>
                        </>
                      )}
                    </span>
                  </td>
                  <td data-label={c.state}>
                    <span className={`status status--${step.state.toLowerCase()}`}>{t.stepStates[step.state]}</span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {detail.steps.some((step) => step.state === 'REJECTED') && (
        <p className="notice">
          {t.detail.rejectedNew}
          <a href={newRequestUrl}>{t.detail.rejectedNewLink}</a>.
        </p>
      )}
      <p className="note">{t.detail.note}</p>
      {back}
    </section>
  );
}

function Serial({ t, serial }: { t: Messages; serial: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <p className="serial">
      {t.detail.serial}
      <code className="serial__value">{serial}</code>{' '}
      <button
        type="button"
        className="copy-button"
        aria-label={t.detail.copyLabel}
        onClick={async () => {
          await navigator.clipboard.writeText(serial);
          setCopied(true);
        }}
      >
        {t.detail.copy}
      </button>
      <span role="status" className="copy-status">
        {copied ? t.detail.copied : ''}
      </span>
    </p>
  );
}
