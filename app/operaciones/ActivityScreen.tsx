'use client';

import { useClient } from '@urql/next';
import Link from 'next/link';
import { useId, useState, type FormEvent } from 'react';
import { graphql } from '../../graphql/generated/client';
import type { ConsoleActivityQuery } from '../../graphql/generated/client/graphql';
import { format, type Messages } from '../i18n';
import { consoleErrorMessage, displayDateTime } from './console-format';
import { useFocusOnMount } from '../components/useFocusOnMount';
import { pageOf, useFocusOnMore, usePages } from './usePages';

const ActivityDocument = graphql(`
  query ConsoleActivity($operator: String, $from: Date, $to: Date, $after: String) {
    consoleActivity(operator: $operator, from: $from, to: $to, after: $after) {
      items { kind occurredAt operator requestNumber move fromStage toStage reason documentKind }
      nextCursor
    }
  }
`);

type Entry = ConsoleActivityQuery['consoleActivity']['items'][number];
interface Filter {
  operator: string | null;
  from: string | null;
  to: string | null;
}

/** Every operator's moves and document views, newest first; filtered by operator and by Bogotá dates. */
export function ActivityScreen({ t }: { t: Messages }) {
  const c = t.console;
  const a = c.activity;
  const client = useClient();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const [filter, setFilter] = useState<Filter>({ operator: null, from: null, to: null });
  const id = useId();

  const pages = usePages<Entry>(JSON.stringify(filter), async (after) =>
    pageOf(await client.query(ActivityDocument, { ...filter, after }, { requestPolicy: 'network-only' }).toPromise(), (d) => d.consoleActivity),
  );

  const focusMore = useFocusOnMore(pages.items.length);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const value = (name: string) => String(data.get(name) ?? '').trim() || null;
    setFilter({ operator: value('operator'), from: value('from'), to: value('to') });
  }

  const col = a.columns;
  return (
    <section aria-labelledby="activity-title" className="console-section">
      <h2 id="activity-title" ref={heading} tabIndex={-1}>
        {a.title}
      </h2>
      <form className="console-filters" onSubmit={submit} aria-label={c.queue.filtersLabel}>
        <div className="field">
          <label htmlFor={`${id}-operator`}>{a.operator}</label>
          <input id={`${id}-operator`} name="operator" autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor={`${id}-from`}>{a.from}</label>
          <input id={`${id}-from`} name="from" type="date" />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>{a.to}</label>
          <input id={`${id}-to`} name="to" type="date" />
        </div>
        <button type="submit" className="button">
          {a.submit}
        </button>
      </form>
      {pages.loading === 'first' && <p role="status">{c.loadingData}</p>}
      {pages.error && (
        <p className="alert" role="alert">
          {consoleErrorMessage(pages.error, c)}
        </p>
      )}
      {pages.loading !== 'first' && !pages.error && pages.items.length === 0 && <p role="status">{a.empty}</p>}
      {pages.items.length > 0 && (
        <div className="table-wrap">
          <table className="table table--stack console-table activity">
            <caption>{a.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{col.when}</th>
                <th scope="col">{col.operator}</th>
                <th scope="col">{col.request}</th>
                <th scope="col">{col.action}</th>
                <th scope="col">{col.detail}</th>
              </tr>
            </thead>
            <tbody ref={focusMore.body}>
              {pages.items.map((entry, i) => (
                <tr key={i}>
                  <td data-label={col.when}>{displayDateTime(entry.occurredAt)}</td>
                  <td data-label={col.operator}>{entry.operator}</td>
                  <td data-label={col.request}>
                    <Link href={`/operaciones/solicitud/${entry.requestNumber}`}>{entry.requestNumber}</Link>
                  </td>
                  <td data-label={col.action}>{entry.kind === 'MOVE' ? (c.moveNames[entry.move ?? ''] ?? entry.move) : a.viewedDocument}</td>
                  <td data-label={col.detail}>
                    {entry.kind === 'MOVE'
                      ? [entry.fromStage && entry.toStage && entry.fromStage !== entry.toStage ? format(a.stages, { from: c.stages[entry.fromStage], to: c.stages[entry.toStage] }) : null, entry.reason]
                          .filter(Boolean)
                          .join(' — ')
                      : entry.documentKind && t.apply.documents[entry.documentKind]}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages.hasMore && (
        <button type="button" className="button button--secondary" disabled={pages.loading !== null} onClick={() => {
              focusMore.mark();
              pages.more();
            }}>
          {pages.loading === 'more' ? c.moreLoading : c.more}
        </button>
      )}
    </section>
  );
}
