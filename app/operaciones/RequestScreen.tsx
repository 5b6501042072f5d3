'use client';

import { useQuery } from '@urql/next';
import Link from 'next/link';
import { useEffect, useRef } from 'react';
import { graphql } from '../../graphql/generated/client';
import type { ConsoleRequestPageQuery } from '../../graphql/generated/client/graphql';
import { format, type Messages } from '../i18n';
import { ageText, consoleErrorMessage, displayDate, displayDateTime, displayInstantDate, displaySize } from './console-format';
import type { ConsoleSession } from './ConsoleShell';
import { Moves } from './Moves';
import { PaymentDiscrepancies } from './PaymentDiscrepancies';
import { DueMark } from './QueueScreen';

const RequestDocument = graphql(`
  query ConsoleRequestPage($requestNumber: String!) {
    consoleRequest(requestNumber: $requestNumber) {
      requestNumber
      orderNumber
      applicant { idType idNumber fullName }
      contactEmail
      contactPhone
      holderName
      company
      project
      certificateType
      status
      stage
      filedAt
      filedOn
      ageBusinessDays
      dueState
      expectedFrom
      expectedBy
      serialNumber
      validFrom
      validTo
      revokedAt
      documents { id kind mediaType size uploadedAt url }
      steps { kind modifiedOn information state }
      history { occurredAt actor move fromStage toStage reason }
      paymentDiscrepancies { provider transactionId reference kind amountCop expectedCop requestNumber receivedAt }
    }
    openProposals(requestNumber: $requestNumber) { id move reason proposedBy proposedAt }
  }
`);

export type ConsoleRequestData = ConsoleRequestPageQuery['consoleRequest'];
export type OpenProposal = ConsoleRequestPageQuery['openProposals'][number];
type Session = Extract<ConsoleSession, { signedIn: true }>;

/** A request as an operator works it: who, what, its documents inline, its steps and history, and the moves its stage allows. */
export function RequestScreen({ t, session, requestNumber }: { t: Messages; session: Session; requestNumber: string }) {
  const c = t.console;
  const [{ data, error, fetching }, refetch] = useQuery({ query: RequestDocument, variables: { requestNumber }, requestPolicy: 'network-only' });
  const heading = useRef<HTMLHeadingElement>(null);
  const loaded = data !== undefined || error !== undefined;
  useEffect(() => {
    if (loaded) heading.current?.focus();
  }, [loaded]);

  const title = (
    <h2 id="request-title" ref={heading} tabIndex={-1}>
      {format(c.request.title, { requestNumber })}
    </h2>
  );
  const back = (
    <p>
      <Link href="/operaciones">{c.request.back}</Link>
    </p>
  );

  if (!data) {
    return (
      <section aria-labelledby="request-title" className="console-section">
        {back}
        {title}
        {fetching || !error ? (
          <p role="status">{c.loadingData}</p>
        ) : (
          <p className="alert" role="alert">
            {error.graphQLErrors[0]?.extensions?.code === 'NOT_FOUND' ? format(c.request.notFound, { requestNumber }) : consoleErrorMessage(error, c)}
          </p>
        )}
      </section>
    );
  }

  const request = data.consoleRequest;
  const proposal = data.openProposals[0] ?? null;
  const r = c.request;
  const none = r.none;
  return (
    <section aria-labelledby="request-title" className="console-section">
      {back}
      {title}
      <div className="request-grid">
        <div>
          <h3>{r.summary}</h3>
          <dl className="facts">
            <dt>{r.stage}</dt>
            <dd>
              <strong>{c.stages[request.stage]}</strong>
            </dd>
            <dt>{r.status}</dt>
            <dd>{t.statuses[request.status]}</dd>
            <dt>{r.type}</dt>
            <dd>{request.certificateType}</dd>
            <dt>{r.orderNumber}</dt>
            <dd>{request.orderNumber}</dd>
            <dt>{r.filedOn}</dt>
            <dd>{displayDate(request.filedOn)}</dd>
            <dt>{r.age}</dt>
            <dd>{ageText(request.ageBusinessDays, c)}</dd>
            {request.dueState && (
              <>
                <dt>{r.due}</dt>
                <dd>
                  <DueMark t={c} dueState={request.dueState} />
                  {request.expectedFrom && request.expectedBy && (
                    <>
                      {' — '}
                      {format(r.expected, { from: displayDate(request.expectedFrom), by: displayDate(request.expectedBy) })}
                    </>
                  )}
                </dd>
              </>
            )}
            <dt>{r.serial}</dt>
            <dd>{request.serialNumber ? <code className="serial__value">{request.serialNumber}</code> : none}</dd>
            {request.validFrom && request.validTo && (
              <>
                <dt>{r.validity}</dt>
                <dd>
                  {format(r.validityRange, { from: displayInstantDate(request.validFrom), to: displayInstantDate(request.validTo) })}
                  {request.revokedAt && <> — {format(r.revokedOn, { date: displayInstantDate(request.revokedAt) })}</>}
                </dd>
              </>
            )}
          </dl>
        </div>
        <div>
          <h3>{r.applicantTitle}</h3>
          <dl className="facts">
            <dt>{r.idDocument}</dt>
            <dd>
              {t.idTypes[request.applicant.idType]} {request.applicant.idNumber}
            </dd>
            <dt>{r.name}</dt>
            <dd>{request.applicant.fullName}</dd>
            <dt>{r.email}</dt>
            <dd>{request.contactEmail ?? none}</dd>
            <dt>{r.phone}</dt>
            <dd>{request.contactPhone ?? none}</dd>
            <dt>{r.holder}</dt>
            <dd>{request.holderName}</dd>
            <dt>{r.company}</dt>
            <dd>{request.company ?? none}</dd>
            <dt>{r.project}</dt>
            <dd>{request.project ?? none}</dd>
          </dl>
        </div>
      </div>

      {proposal && <ProposalNotice t={t} proposal={proposal} session={session} />}
      <PaymentDiscrepancies level={3} t={t} items={request.paymentDiscrepancies} title={c.payments.requestTitle} id="request-payments" />

      <h3>{r.documentsTitle}</h3>
      {request.documents.length === 0 ? (
        <p>{r.noDocuments}</p>
      ) : (
        <div className="documents-inline">
          {request.documents.map((d) => {
            const kind = t.apply.documents[d.kind];
            return (
              <figure key={d.id} className="document-view">
                <figcaption>
                  <strong>{kind}</strong> — {format(r.documentMeta, { type: d.mediaType, size: displaySize(d.size), date: displayDateTime(d.uploadedAt) })}{' '}
                  <a href={d.url} target="_blank" rel="noopener">
                    {format(r.documentOpen, { kind })}
                  </a>
                </figcaption>
                {d.mediaType === 'application/pdf' ? (
                  <iframe src={d.url} title={format(r.documentFrame, { kind, requestNumber })} className="document-view__frame" />
                ) : (
                  <img src={d.url} alt={format(r.documentFrame, { kind, requestNumber })} className="document-view__image" />
                )}
              </figure>
            );
          })}
        </div>
      )}

      <Moves t={t} session={session} request={request} proposal={proposal} onMoved={() => refetch({ requestPolicy: 'network-only' })} />

      <Steps t={t} request={request} />
      <History t={t} request={request} />
    </section>
  );
}

function ProposalNotice({ t, proposal, session }: { t: Messages; proposal: OpenProposal; session: Session }) {
  const r = t.console.request;
  const own = proposal.proposedBy === session.operator.name;
  return (
    <div className="notice proposal">
      <h3>{r.proposalTitle}</h3>
      <p>
        {format(r.proposal, {
          move: t.console.moveNames[proposal.move] ?? proposal.move,
          name: proposal.proposedBy,
          date: displayDateTime(proposal.proposedAt),
        })}
      </p>
      {proposal.reason && <p>{format(r.proposalReason, { reason: t.console.revocationReasons[proposal.reason] ?? proposal.reason })}</p>}
      <p>
        <strong>{own ? r.proposalOwn : r.proposalNeedsSupervisor}</strong>
      </p>
    </div>
  );
}

function Steps({ t, request }: { t: Messages; request: ConsoleRequestData }) {
  const col = t.detail.columns;
  let n = 0;
  return (
    <>
      <h3>{t.console.request.stepsTitle}</h3>
      <div className="table-wrap">
        <table className="table table--stack">
          <caption className="visually-hidden">{t.console.request.stepsTitle}</caption>
          <thead>
            <tr>
              <th scope="col">{col.step}</th>
              <th scope="col">{col.description}</th>
              <th scope="col">{col.modified}</th>
              <th scope="col">{col.information}</th>
              <th scope="col">{col.state}</th>
            </tr>
          </thead>
          <tbody>
            {request.steps.map((step) => (
              <tr key={step.kind}>
                <th scope="row" data-label={col.step}>
                  {step.kind === 'VALIDITY' ? t.detail.validity : format(t.detail.stepName, { n: ++n })}
                </th>
                <td data-label={col.description}>{t.stepKinds[step.kind]}</td>
                <td data-label={col.modified}>{displayDate(step.modifiedOn)}</td>
                <td data-label={col.information}>{step.information}</td>
                <td data-label={col.state}>
                  <span className={`status status--${step.state.toLowerCase()}`}>{t.stepStates[step.state]}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function History({ t, request }: { t: Messages; request: ConsoleRequestData }) {
  const c = t.console;
  const col = c.request.historyColumns;
  return (
    <>
      <h3>{c.request.historyTitle}</h3>
      <div className="table-wrap">
        <table className="table table--stack history">
          <caption className="visually-hidden">{c.request.historyTitle}</caption>
          <thead>
            <tr>
              <th scope="col">{col.when}</th>
              <th scope="col">{col.who}</th>
              <th scope="col">{col.move}</th>
              <th scope="col">{col.stages}</th>
              <th scope="col">{col.reason}</th>
            </tr>
          </thead>
          <tbody>
            {request.history.map((event, i) => (
              <tr key={i}>
                <td data-label={col.when}>{displayDateTime(event.occurredAt)}</td>
                <td data-label={col.who}>{event.actor === 'applicant' ? c.request.applicantActor : event.actor}</td>
                <td data-label={col.move}>{c.moveNames[event.move] ?? event.move}</td>
                <td data-label={col.stages}>
                  {event.fromStage === event.toStage ? c.stages[event.toStage] : format(c.activity.stages, { from: c.stages[event.fromStage], to: c.stages[event.toStage] })}
                </td>
                <td data-label={col.reason}>{event.reason ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
