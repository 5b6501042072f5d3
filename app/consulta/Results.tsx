'use client';

import { useId, useState, type FormEvent } from 'react';
import { format, type Messages } from '../i18n';
import { useFocusOnMount } from '../components/useFocusOnMount';
import { displayDate } from './format';
import type { Lookup } from './lookup';

interface Props {
  t: Messages;
  lookup: Lookup;
  onDetail: (handle: string, orderNumber?: string) => void;
  onNewLookup: () => void;
}

export function Results({ t, lookup, onDetail, onNewLookup }: Props) {
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const [asking, setAsking] = useState<{ handle: string; requestNumber: string } | null>(null);
  const applicant = lookup.applicant!;
  const c = t.results.columns;
  return (
    <section aria-labelledby="results-title">
      <h1 id="results-title" ref={heading} tabIndex={-1} className="applicant-line">
        {format(t.results.header, { idType: t.idTypes[applicant.idType].toUpperCase(), idNumber: applicant.idNumber, name: applicant.fullName })}
      </h1>
      <p className="note">{t.results.note}</p>
      <div className="table-wrap">
        <table className="table table--stack">
          <caption className="visually-hidden">{t.results.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{c.orderNumber}</th>
              <th scope="col">{c.requestNumber}</th>
              <th scope="col">{c.issuedOn}</th>
              <th scope="col">{c.holderName}</th>
              <th scope="col">{c.company}</th>
              <th scope="col">{c.project}</th>
              <th scope="col">{c.certificateType}</th>
              <th scope="col">{c.status}</th>
              <th scope="col">{c.detail}</th>
            </tr>
          </thead>
          <tbody>
            {lookup.requests.map((r) => (
              <tr key={r.requestNumber}>
                <td data-label={c.orderNumber}>{r.orderNumber}</td>
                <th scope="row" data-label={c.requestNumber}>
                  {r.requestNumber}
                </th>
                <td data-label={c.issuedOn}>{displayDate(r.issuedOn)}</td>
                <td data-label={c.holderName}>{r.holderName}</td>
                <td data-label={c.company}>{r.company}</td>
                <td data-label={c.project}>{r.project}</td>
                <td data-label={c.certificateType}>{r.certificateType}</td>
                <td data-label={c.status}>
                  <span className={`status status--${r.status.toLowerCase()}`}>{t.statuses[r.status]}</span>
                </td>
                <td data-label={c.detail}>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => (lookup.detailNeedsOrderNumber ? setAsking({ handle: r.handle, requestNumber: r.requestNumber }) : onDetail(r.handle))}
                    aria-label={format(t.results.viewDetailLabel, { requestNumber: r.requestNumber })}
                  >
                    {t.results.viewDetail}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {asking && (
        <OrderNumberPrompt
          key={asking.handle}
          t={t}
          requestNumber={asking.requestNumber}
          onSubmit={(orderNumber) => onDetail(asking.handle, orderNumber)}
          onCancel={() => setAsking(null)}
        />
      )}
      <button type="button" className="button button--secondary" onClick={onNewLookup}>
        {t.results.newLookup}
      </button>
    </section>
  );
}

/** LOOKUP_SECOND_FACTOR=order-number: the detail opens only with the request's order number. */
function OrderNumberPrompt({ t, requestNumber, onSubmit, onCancel }: { t: Messages; requestNumber: string; onSubmit: (orderNumber: string) => void; onCancel: () => void }) {
  const [value, setValue] = useState('');
  const input = useFocusOnMount<HTMLInputElement>();
  const ids = { prompt: useId(), input: useId() };
  function submit(event: FormEvent) {
    event.preventDefault();
    if (value.trim()) onSubmit(value.trim());
    else input.current?.focus();
  }
  return (
    <form className="form order-prompt" onSubmit={submit} aria-describedby={ids.prompt}>
      <p id={ids.prompt}>{format(t.results.orderNumberPrompt, { requestNumber })}</p>
      <div className="field">
        <label htmlFor={ids.input}>{t.results.orderNumberLabel}</label>
        <input ref={input} id={ids.input} name="orderNumber" inputMode="numeric" autoComplete="off" value={value} onChange={(e) => setValue(e.target.value)} required />
      </div>
      <button className="button" type="submit">
        {t.results.orderNumberSubmit}
      </button>{' '}
      <button className="button button--secondary" type="button" onClick={onCancel}>
        {t.results.cancel}
      </button>
    </form>
  );
}
