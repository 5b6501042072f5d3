'use client';

import { useClient } from '@urql/next';
import Link from 'next/link';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { graphql } from '../../graphql/generated/client';
import type { ConsoleSearchQuery } from '../../graphql/generated/client/graphql';
import { format, type Messages } from '../i18n';
import { consoleErrorMessage, displayDate } from './console-format';
import { pageOf, useFocusOnMore, usePages } from './usePages';

// Sent in a POST body: an ID number or a name never sits in a URL.
const SearchDocument = graphql(`
  query ConsoleSearch($text: String!, $after: String) {
    consoleSearch(text: $text, after: $after) {
      items { requestNumber applicant { idType idNumber fullName } certificateType stage filedOn matchedBy }
      searchedAs
      nextCursor
    }
  }
`);

type Hit = ConsoleSearchQuery['consoleSearch']['items'][number];

/** One box for an ID number, a name, a request or order number, or a serial in any format. */
export function SearchBox({ t }: { t: Messages }) {
  const c = t.console;
  const client = useClient();
  const [text, setText] = useState('');
  // Each search is its own key, so searching the same text again reads again.
  const [searched, setSearched] = useState<{ text: string; n: number } | null>(null);
  const inputId = useId();
  const heading = useRef<HTMLHeadingElement>(null);

  const pages = usePages<Hit>(searched && `${searched.n}`, async (after) =>
    pageOf(await client.query(SearchDocument, { text: searched!.text, after }, { requestPolicy: 'network-only' }).toPromise(), (d) => d.consoleSearch),
  );

  const done = searched !== null && pages.loading !== 'first';
  useEffect(() => {
    if (done) heading.current?.focus();
  }, [done, searched]);

  const focusMore = useFocusOnMore(pages.items.length);

  function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = text.trim();
    if (!trimmed) return;
    setSearched((s) => ({ text: trimmed, n: (s?.n ?? 0) + 1 }));
  }

  return (
    <section aria-labelledby="search-title" className="console-section">
      <h2 id="search-title">{c.search.title}</h2>
      <form className="console-search" role="search" onSubmit={submit}>
        <div className="field">
          <label htmlFor={inputId}>{c.search.label}</label>
          <input id={inputId} type="search" value={text} onChange={(e) => setText(e.target.value)} aria-describedby={`${inputId}-hint`} autoComplete="off" spellCheck={false} />
          <p id={`${inputId}-hint`} className="field__hint">
            {c.search.hint}
          </p>
        </div>
        <button type="submit" className="button" disabled={pages.loading === 'first'}>
          {pages.loading === 'first' ? c.search.searching : c.search.submit}
        </button>
      </form>
      {searched && pages.loading === 'first' && <p role="status">{c.search.searching}</p>}
      {done && (
        <div className="search-results">
          <h3 ref={heading} tabIndex={-1}>
            {c.search.results}
          </h3>
          {pages.error ? (
            <p className="alert" role="alert">
              {consoleErrorMessage(pages.error, c)}
            </p>
          ) : (
            <p role="status">{pages.items.length === 0 ? format(c.search.none, { text: searched.text }) : format(c.search.found, { n: pages.items.length + (pages.hasMore ? '+' : '') })}</p>
          )}
          {pages.items.length > 0 && (
            <div className="table-wrap">
              <table className="table table--stack console-table">
                <caption className="visually-hidden">{c.search.results}</caption>
                <thead>
                  <tr>
                    <th scope="col">{c.search.columns.requestNumber}</th>
                    <th scope="col">{c.search.columns.applicant}</th>
                    <th scope="col">{c.search.columns.idNumber}</th>
                    <th scope="col">{c.search.columns.type}</th>
                    <th scope="col">{c.search.columns.stage}</th>
                    <th scope="col">{c.search.columns.filedOn}</th>
                    <th scope="col">{c.search.columns.matchedBy}</th>
                  </tr>
                </thead>
                <tbody ref={focusMore.body}>
                  {pages.items.map((hit) => (
                    <tr key={hit.requestNumber}>
                      <th scope="row" data-label={c.search.columns.requestNumber}>
                        <Link href={`/operaciones/solicitud/${hit.requestNumber}`} aria-label={format(c.queue.open, { requestNumber: hit.requestNumber })}>
                          {hit.requestNumber}
                        </Link>
                      </th>
                      <td data-label={c.search.columns.applicant}>{hit.applicant.fullName}</td>
                      <td data-label={c.search.columns.idNumber}>
                        {hit.applicant.idType} {hit.applicant.idNumber}
                      </td>
                      <td data-label={c.search.columns.type}>{hit.certificateType}</td>
                      <td data-label={c.search.columns.stage}>{hit.stage ? c.stages[hit.stage] : ''}</td>
                      <td data-label={c.search.columns.filedOn}>{displayDate(hit.filedOn)}</td>
                      <td data-label={c.search.columns.matchedBy}>{hit.matchedBy.map((m) => c.search.matchedBy[m]).join(', ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <div className="button-row">
            {pages.hasMore && (
              <button type="button" className="button button--secondary" disabled={pages.loading !== null} onClick={() => {
              focusMore.mark();
              pages.more();
            }}>
                {pages.loading === 'more' ? c.moreLoading : c.more}
              </button>
            )}
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                setSearched(null);
                setText('');
              }}
            >
              {c.search.clear}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
