'use client';

import { useClient, useQuery } from '@urql/next';
import Link from 'next/link';
import { useId, useState } from 'react';
import { graphql } from '../../graphql/generated/client';
import type { ConsoleQueueQuery, DueState, QueueStage } from '../../graphql/generated/client/graphql';
import { format, type Messages } from '../i18n';
import { ageText, consoleErrorMessage, displayDate } from './console-format';
import { PaymentDiscrepancies } from './PaymentDiscrepancies';
import { SearchBox } from './SearchBox';
import { pageOf, useFocusOnMore, usePages } from './usePages';

const OverviewDocument = graphql(`
  query ConsoleQueueOverview($certificateType: String) {
    consoleQueueCounts(certificateType: $certificateType) { stage count due overdue }
    consoleCertificateTypes { code name }
    consolePaymentDiscrepancies { provider transactionId reference kind amountCop expectedCop requestNumber receivedAt }
  }
`);

const QueueDocument = graphql(`
  query ConsoleQueue($stage: QueueStage!, $certificateType: String, $dueState: DueState, $after: String) {
    consoleQueue(stage: $stage, certificateType: $certificateType, dueState: $dueState, after: $after) {
      items { requestNumber filedOn ageBusinessDays dueState applicantName certificateType paymentDiscrepancy }
      nextCursor
    }
  }
`);

type Entry = ConsoleQueueQuery['consoleQueue']['items'][number];

/** The stages an operator works, in the order a request meets them, then where requests end. */
export const QUEUE_STAGES: QueueStage[] = [
  'AWAITING_FILING',
  'AWAITING_CORRECTION',
  'AWAITING_PAYMENT',
  'AWAITING_APPROVAL',
  'AWAITING_DELIVERY',
  'REJECTED',
  'ISSUED',
  'REVOKED',
  'CANCELLED',
];
const WAITING: QueueStage[] = ['AWAITING_FILING', 'AWAITING_CORRECTION', 'AWAITING_PAYMENT', 'AWAITING_APPROVAL', 'AWAITING_DELIVERY'];
const DUE_STATES: DueState[] = ['ON_TIME', 'DUE', 'OVERDUE'];

/** The console's home: search, then one stage of the queue at a time, oldest filing first. */
export function QueueScreen({ t }: { t: Messages }) {
  const c = t.console;
  const client = useClient();
  const [stage, setStage] = useState<QueueStage>('AWAITING_FILING');
  const [certificateType, setCertificateType] = useState('');
  const [dueState, setDueState] = useState<DueState | ''>('');
  const waiting = WAITING.includes(stage);
  const typeId = useId();
  const dueId = useId();

  const [overview] = useQuery({ query: OverviewDocument, variables: { certificateType: certificateType || null }, requestPolicy: 'cache-and-network' });
  const counts = new Map(overview.data?.consoleQueueCounts.map((s) => [s.stage, s]));

  const filters = { stage, certificateType: certificateType || null, dueState: waiting && dueState ? dueState : null };
  const pages = usePages<Entry>(JSON.stringify(filters), async (after) =>
    pageOf(await client.query(QueueDocument, { ...filters, after }, { requestPolicy: 'network-only' }).toPromise(), (d) => d.consoleQueue),
  );

  const focusMore = useFocusOnMore(pages.items.length);

  const stageName = c.stages[stage];
  return (
    <>
      <SearchBox t={t} />
      <PaymentDiscrepancies level={2} t={t} items={overview.data?.consolePaymentDiscrepancies ?? []} title={c.payments.title} intro={c.payments.intro} id="payments-title" />
      <section aria-labelledby="queue-title" className="console-section">
        <h2 id="queue-title">{c.queue.title}</h2>
        <div role="group" aria-label={c.queue.stagesLabel} className="stage-tabs">
          {QUEUE_STAGES.map((s) => {
            const count = counts.get(s);
            const late = count && (count.due > 0 || count.overdue > 0) ? format(c.queue.stageDue, { due: count.due, overdue: count.overdue }) : null;
            return (
              <button key={s} type="button" className="stage-tab" aria-pressed={s === stage} onClick={() => setStage(s)}>
                <span className="stage-tab__name">{c.stages[s]}</span> <span className="stage-tab__count">{count?.count ?? '…'}</span>
                {late && <span className="stage-tab__late">{late}</span>}
              </button>
            );
          })}
        </div>
        {overview.error && (
          <p className="alert" role="alert">
            {consoleErrorMessage(overview.error, c)}
          </p>
        )}
        <form className="console-filters" onSubmit={(e) => e.preventDefault()} aria-label={c.queue.filtersLabel}>
          <div className="field">
            <label htmlFor={typeId}>{c.queue.type}</label>
            <select id={typeId} value={certificateType} onChange={(e) => setCertificateType(e.target.value)}>
              <option value="">{c.queue.allTypes}</option>
              {overview.data?.consoleCertificateTypes.map((type) => (
                <option key={type.code} value={type.code}>
                  {type.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={dueId}>{c.queue.dueState}</label>
            <select id={dueId} value={dueState} disabled={!waiting} aria-describedby={waiting ? undefined : `${dueId}-hint`} onChange={(e) => setDueState(e.target.value as DueState | '')}>
              <option value="">{c.queue.allDueStates}</option>
              {DUE_STATES.map((d) => (
                <option key={d} value={d}>
                  {c.dueStates[d]}
                </option>
              ))}
            </select>
            {!waiting && (
              <p id={`${dueId}-hint`} className="field__hint">
                {c.queue.dueOnlyWaiting}
              </p>
            )}
          </div>
        </form>
        {pages.loading === 'first' && <p role="status">{c.loadingData}</p>}
        {pages.error && (
          <p className="alert" role="alert">
            {consoleErrorMessage(pages.error, c)}
          </p>
        )}
        {pages.loading !== 'first' && !pages.error && pages.items.length === 0 && <p role="status">{c.queue.empty}</p>}
        {pages.items.length > 0 && (
          <div className="table-wrap">
            <table className="table table--stack console-table">
              <caption>{format(c.queue.caption, { stage: stageName })}</caption>
              <thead>
                <tr>
                  <th scope="col">{c.queue.columns.requestNumber}</th>
                  <th scope="col">{c.queue.columns.applicant}</th>
                  <th scope="col">{c.queue.columns.type}</th>
                  <th scope="col">{c.queue.columns.filedOn}</th>
                  <th scope="col">{c.queue.columns.age}</th>
                  <th scope="col">{c.queue.columns.due}</th>
                </tr>
              </thead>
              <tbody ref={focusMore.body}>
                {pages.items.map((entry) => (
                  <tr key={entry.requestNumber}>
                    <th scope="row" data-label={c.queue.columns.requestNumber}>
                      <Link href={`/operaciones/solicitud/${entry.requestNumber}`} aria-label={format(c.queue.open, { requestNumber: entry.requestNumber })}>
                        {entry.requestNumber}
                      </Link>
                      {entry.paymentDiscrepancy && (
                        <span className="due due--overdue payment-flag">
                          {' '}
                          <span aria-hidden="true">⚠ </span>
                          {c.payments.flag}
                        </span>
                      )}
                    </th>
                    <td data-label={c.queue.columns.applicant}>{entry.applicantName}</td>
                    <td data-label={c.queue.columns.type}>{entry.certificateType}</td>
                    <td data-label={c.queue.columns.filedOn}>{displayDate(entry.filedOn)}</td>
                    <td data-label={c.queue.columns.age}>{ageText(entry.ageBusinessDays, c)}</td>
                    <td data-label={c.queue.columns.due}>{entry.dueState ? <DueMark t={c} dueState={entry.dueState} /> : null}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {pages.hasMore && (
          <button
            type="button"
            className="button button--secondary"
            disabled={pages.loading !== null}
            aria-busy={pages.loading === 'more'}
            onClick={() => {
              focusMore.mark();
              pages.more();
            }}
          >
            {pages.loading === 'more' ? c.moreLoading : c.more}
          </button>
        )}
      </section>
    </>
  );
}

/** A deadline in words (and a mark for the eye): never color alone. */
export function DueMark({ t, dueState }: { t: Messages['console']; dueState: DueState }) {
  return (
    <span className={`due due--${dueState.toLowerCase()}`}>
      {dueState !== 'ON_TIME' && <span aria-hidden="true">⚠ </span>}
      {t.dueMarks[dueState]}
    </span>
  );
}
