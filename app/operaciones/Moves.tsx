'use client';

import { useClient, type CombinedError } from '@urql/next';
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { graphql } from '../../graphql/generated/client';
import type { DocumentKind, RequestStage, RevocationReason } from '../../graphql/generated/client/graphql';
import { format, type Messages } from '../i18n';
import { consoleErrorMessage } from './console-format';
import type { ConsoleSession } from './ConsoleShell';
import type { ConsoleRequestPageQuery } from '../../graphql/generated/client/graphql';

// The request's page's data (RequestScreen's query): what the moves are offered from.
type ConsoleRequestData = ConsoleRequestPageQuery['consoleRequest'];
type OpenProposal = ConsoleRequestPageQuery['openProposals'][number];

const FileDocument = graphql(`
  mutation ConsoleFile($n: String!) { fileRequest(requestNumber: $n) { requestNumber stage } }
`);
const VerifyPaymentDocument = graphql(`
  mutation ConsoleVerifyPayment($n: String!, $invoice: String!, $cufe: String) { verifyPayment(requestNumber: $n, invoiceNumber: $invoice, cufe: $cufe) { requestNumber stage } }
`);
const ApproveDocument = graphql(`
  mutation ConsoleApprove($n: String!) { approveRequest(requestNumber: $n) { requestNumber stage } }
`);
const RejectDocument = graphql(`
  mutation ConsoleReject($n: String!, $reason: String!) { rejectRequest(requestNumber: $n, reason: $reason) { requestNumber stage } }
`);
const DeliverDocument = graphql(`
  mutation ConsoleDeliver($n: String!) { deliverCertificate(requestNumber: $n) { requestNumber stage proposal { id } } }
`);
const RevokeDocument = graphql(`
  mutation ConsoleRevoke($n: String!, $reason: RevocationReason!) { revokeCertificate(requestNumber: $n, reason: $reason) { requestNumber stage proposal { id } } }
`);
const ResendDownloadDocument = graphql(`
  mutation ConsoleResendDownload($n: String!) { resendDownloadLink(requestNumber: $n) { requestNumber expiresAt } }
`);
const ApproveProposalDocument = graphql(`
  mutation ConsoleApproveProposal($id: ID!) { approveProposal(id: $id) { requestNumber stage serialNumber } }
`);
const DeclineProposalDocument = graphql(`
  mutation ConsoleDeclineProposal($id: ID!, $reason: String!) { declineProposal(id: $id, reason: $reason) { requestNumber stage } }
`);
const CorrectionDocument = graphql(`
  mutation ConsoleRequestCorrection($n: String!, $kinds: [DocumentKind!]!, $reason: String!) {
    requestCorrection(requestNumber: $n, kinds: $kinds, reason: $reason) { requestNumber stage }
  }
`);
const CorrectNameDocument = graphql(`
  mutation ConsoleCorrectName($n: String!, $name: String!, $reason: String!) {
    correctApplicantName(requestNumber: $n, fullName: $name, reason: $reason) { requestNumber stage }
  }
`);

// The state machine's own rules (server/lifecycle/machine.ts), mirrored so that only the moves a
// stage allows are offered; the server still decides, and its refusal is shown as it answers.
const REJECTABLE: RequestStage[] = ['AWAITING_FILING', 'AWAITING_CORRECTION', 'AWAITING_PAYMENT', 'AWAITING_APPROVAL'];
const CORRECTABLE: RequestStage[] = ['AWAITING_FILING', 'AWAITING_PAYMENT'];
const REVOCATION_REASONS: RevocationReason[] = ['unspecified', 'keyCompromise', 'cACompromise', 'affiliationChanged', 'superseded', 'cessationOfOperation', 'privilegeWithdrawn', 'aACompromise'];
const DOCUMENT_KINDS: DocumentKind[] = ['ID_DOCUMENT', 'PROFESSIONAL_CARD', 'CHAMBER_CERTIFICATE', 'APPOINTMENT_ACT', 'RUT'];

type Outcome = { kind: 'done' | 'refused'; text: string; n: number };
type Run = (exec: () => Promise<{ error?: CombinedError }>, done: string) => Promise<boolean>;

interface Props {
  t: Messages;
  session: Extract<ConsoleSession, { signedIn: true }>;
  request: ConsoleRequestData;
  proposal: OpenProposal | null;
  onMoved: () => void;
}

/**
 * The moves the request's stage allows, each a form with what the state machine needs. After a
 * move the page reads the request again and the outcome is announced (a status, or the refusal's
 * own sentence as an alert), focus moving to it since the form may be gone with the stage.
 */
export function Moves({ t, session, request, proposal, onMoved }: Props) {
  const m = t.console.moves;
  const client = useClient();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const message = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (outcome) message.current?.focus();
  }, [outcome]);

  const n = request.requestNumber;
  const stage = request.stage;
  const supervisor = session.operator.roles.includes('ssps-supervisor');

  const run: Run = async (exec, done) => {
    setBusy(true);
    const result = await exec();
    setBusy(false);
    const count = (outcome?.n ?? 0) + 1;
    if (result.error) {
      setOutcome({ kind: 'refused', text: format(m.refused, { message: consoleErrorMessage(result.error, t.console) }), n: count });
      return false;
    }
    setOutcome({ kind: 'done', text: format(m.done, { what: done }), n: count });
    onMoved();
    return true;
  };

  const forms: ReactNode[] = [];
  if (proposal && supervisor && proposal.proposedBy !== session.operator.name) {
    forms.push(
      <MoveForm key="approve-proposal" title={m.approveProposal.submit} submit={m.approveProposal.submit} busy={busy} onSubmit={() => run(() => client.mutation(ApproveProposalDocument, { id: proposal.id }).toPromise(), m.approveProposal.done)} />,
      <MoveForm
        key="decline-proposal"
        title={m.declineProposal.submit}
        submit={m.declineProposal.submit}
        busy={busy}
        secondary
        onSubmit={(data) => run(() => client.mutation(DeclineProposalDocument, { id: proposal.id, reason: text(data, 'reason') }).toPromise(), m.declineProposal.done)}
      >
        <TextField name="reason" label={m.declineProposal.reason} multiline />
      </MoveForm>,
    );
  }
  if (stage === 'AWAITING_FILING') {
    forms.push(<MoveForm key="file" title={m.file.title} hint={m.file.hint} submit={m.file.submit} busy={busy} onSubmit={() => run(() => client.mutation(FileDocument, { n }).toPromise(), m.file.done)} />);
  }
  if (stage === 'AWAITING_PAYMENT') {
    forms.push(
      <MoveForm
        key="verify-payment"
        title={m.verifyPayment.title}
        submit={m.verifyPayment.submit}
        busy={busy}
        onSubmit={(data) =>
          run(() => client.mutation(VerifyPaymentDocument, { n, invoice: text(data, 'invoice'), cufe: text(data, 'cufe').trim() || null }).toPromise(), format(m.verifyPayment.done, { invoice: text(data, 'invoice') }))
        }
      >
        <TextField name="invoice" label={m.verifyPayment.invoice} hint={m.verifyPayment.invoiceHint} />
        <TextField name="cufe" label={m.verifyPayment.cufe} hint={m.verifyPayment.cufeHint} optional />
      </MoveForm>,
    );
  }
  if (stage === 'AWAITING_APPROVAL') {
    forms.push(<MoveForm key="approve" title={m.approve.title} hint={m.approve.hint} submit={m.approve.submit} busy={busy} onSubmit={() => run(() => client.mutation(ApproveDocument, { n }).toPromise(), m.approve.done)} />);
  }
  if (stage === 'AWAITING_DELIVERY' && !proposal) {
    forms.push(<MoveForm key="deliver" title={m.deliver.title} hint={m.deliver.hint} submit={m.deliver.submit} busy={busy} onSubmit={() => run(() => client.mutation(DeliverDocument, { n }).toPromise(), m.deliver.done)} />);
  }
  // Delivered, not yet downloaded (Paso4 still in progress): a new link, if the first expired or was lost.
  if (stage === 'ISSUED' && request.steps.some((s) => s.kind === 'DELIVERY' && s.state === 'IN_PROGRESS')) {
    forms.push(
      <MoveForm key="resend-download" title={m.resendDownload.title} hint={m.resendDownload.hint} submit={m.resendDownload.submit} busy={busy} onSubmit={() => run(() => client.mutation(ResendDownloadDocument, { n }).toPromise(), m.resendDownload.done)} />,
    );
  }
  if (stage === 'ISSUED' && !proposal) {
    forms.push(
      <MoveForm key="revoke" title={m.revoke.title} hint={m.revoke.hint} submit={m.revoke.submit} busy={busy} onSubmit={(data) => run(() => client.mutation(RevokeDocument, { n, reason: text(data, 'reason') as RevocationReason }).toPromise(), m.revoke.done)}>
        <SelectField name="reason" label={m.revoke.reason} options={REVOCATION_REASONS.map((r) => [r, t.console.revocationReasons[r]])} />
      </MoveForm>,
    );
  }
  if (CORRECTABLE.includes(stage)) {
    forms.push(<CorrectionForm key="correction" t={t} busy={busy} onSubmit={(kinds, reason) => run(() => client.mutation(CorrectionDocument, { n, kinds, reason }).toPromise(), m.correction.done)} />);
  }
  if (REJECTABLE.includes(stage)) {
    forms.push(
      <MoveForm key="reject" title={m.reject.title} submit={m.reject.submit} busy={busy} secondary onSubmit={(data) => run(() => client.mutation(RejectDocument, { n, reason: text(data, 'reason') }).toPromise(), m.reject.done)}>
        <TextField name="reason" label={m.reject.reason} multiline />
      </MoveForm>,
    );
  }
  forms.push(
    <MoveForm
      key="correct-name"
      title={m.correctName.title}
      submit={m.correctName.submit}
      busy={busy}
      secondary
      onSubmit={(data) => run(() => client.mutation(CorrectNameDocument, { n, name: text(data, 'name'), reason: text(data, 'reason') }).toPromise(), m.correctName.done)}
    >
      <TextField name="name" label={m.correctName.name} defaultValue={request.applicant.fullName} />
      <TextField name="reason" label={m.correctName.reason} />
    </MoveForm>,
  );

  return (
    <section aria-labelledby="moves-title" className="moves">
      <h3 id="moves-title">{m.title}</h3>
      <div role="status" aria-live="polite" className="move-outcome-region">
        {outcome?.kind === 'done' && (
          <p key={outcome.n} className="notice move-outcome" ref={message} tabIndex={-1}>
            {outcome.text}
          </p>
        )}
      </div>
      <div role="alert" className="move-outcome-region">
        {outcome?.kind === 'refused' && (
          <p key={outcome.n} className="alert move-outcome" ref={message} tabIndex={-1}>
            {outcome.text}
          </p>
        )}
      </div>
      <div className="move-forms">{forms}</div>
    </section>
  );
}

function text(data: FormData, name: string): string {
  return String(data.get(name) ?? '').trim();
}

function MoveForm({
  title,
  hint,
  submit,
  busy,
  secondary,
  onSubmit,
  children,
}: {
  title: string;
  hint?: string;
  submit: string;
  busy: boolean;
  secondary?: boolean;
  onSubmit: (data: FormData) => Promise<boolean>;
  children?: ReactNode;
}) {
  const id = useId();
  async function submitted(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    if (await onSubmit(new FormData(form))) form.reset();
  }
  return (
    <form className="move-card" aria-labelledby={`${id}-title`} onSubmit={submitted}>
      <h4 id={`${id}-title`}>{title}</h4>
      {hint && <p className="field__hint">{hint}</p>}
      {children}
      <button type="submit" className={secondary ? 'button button--secondary' : 'button'} disabled={busy}>
        {submit}
      </button>
    </form>
  );
}

function TextField({ name, label, hint, multiline, defaultValue, optional }: { name: string; label: string; hint?: string; multiline?: boolean; defaultValue?: string; optional?: boolean }) {
  const id = useId();
  const described = hint ? `${id}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea id={id} name={name} required rows={2} aria-describedby={described} defaultValue={defaultValue} />
      ) : (
        <input id={id} name={name} required={!optional} aria-describedby={described} defaultValue={defaultValue} autoComplete="off" spellCheck={false} />
      )}
      {hint && (
        <p id={described} className="field__hint">
          {hint}
        </p>
      )}
    </div>
  );
}

function SelectField({ name, label, options }: { name: string; label: string; options: [string, string][] }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} required>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

function CorrectionForm({ t, busy, onSubmit }: { t: Messages; busy: boolean; onSubmit: (kinds: DocumentKind[], reason: string) => Promise<boolean> }) {
  const m = t.console.moves.correction;
  const id = useId();
  const [problem, setProblem] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  async function submitted(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const kinds = data.getAll('kind').map(String) as DocumentKind[];
    setProblem(kinds.length === 0);
    if (kinds.length === 0) return first.current?.focus();
    if (await onSubmit(kinds, text(data, 'reason'))) form.reset();
  }
  return (
    <form className="move-card" aria-labelledby={`${id}-title`} onSubmit={submitted}>
      <h4 id={`${id}-title`}>{m.title}</h4>
      <fieldset className="documents" aria-describedby={problem ? `${id}-problem` : undefined}>
        <legend>{m.kinds}</legend>
        {DOCUMENT_KINDS.map((kind, i) => (
          <div className="field field--check" key={kind}>
            <input id={`${id}-${kind}`} type="checkbox" name="kind" value={kind} ref={i === 0 ? first : undefined} onChange={() => setProblem(false)} />
            <label htmlFor={`${id}-${kind}`}>{t.apply.documents[kind]}</label>
          </div>
        ))}
        {problem && (
          <p id={`${id}-problem`} className="field__error" role="alert">
            {m.pickKind}
          </p>
        )}
      </fieldset>
      <TextField name="reason" label={m.reason} multiline />
      <button type="submit" className="button" disabled={busy}>
        {m.submit}
      </button>
    </form>
  );
}
