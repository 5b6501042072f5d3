'use client';

import { useClient } from '@urql/next';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { graphql } from '../../graphql/generated/client';
import { format, type Messages } from '../i18n';
import { describeError, waitText } from '../components/errors';
import { useFocusOnMount } from '../components/useFocusOnMount';
import type { OpenedDraft } from './TermsStep';

const ConfirmDocument = graphql(`
  mutation ConfirmApplicationEmail($draftId: ID!, $code: String!) {
    confirmApplicationEmail(draftId: $draftId, code: $code) { id emailConfirmed }
  }
`);

const ResendDocument = graphql(`
  mutation ResendApplicationEmailCode($draftId: ID!) {
    resendApplicationEmailCode(draftId: $draftId) { id emailConfirmed codeExpiresAt }
  }
`);

type Refusal = { code?: unknown; reason?: unknown; attemptsLeft?: unknown; retryAfterSeconds?: unknown };

/** Proves the applicant reads the e-mail they gave: the 6-digit code sent there. */
export function EmailCodeStep({ t, draft, onConfirmed, onRestart }: { t: Messages; draft: OpenedDraft; onConfirmed: () => void; onRestart: (notice: string | null) => void }) {
  const client = useClient();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState(format(t.apply.codeSent, { email: draft.email }));
  const [busy, setBusy] = useState(false);
  const alert = useRef<HTMLDivElement>(null);
  const id = useId();

  useEffect(() => {
    if (problem) alert.current?.focus();
  }, [problem]);

  /** The page's own sentence for each refusal; a voided or vanished draft sends the applicant back to the start. */
  function refused(extensions: Refusal | undefined, fallback: string) {
    const messages = t.apply.codeErrors;
    switch (extensions?.reason ?? extensions?.code) {
      case 'CODE_WRONG':
        return setProblem(format(messages.CODE_WRONG, { n: Number(extensions?.attemptsLeft) }));
      case 'CODE_FORMAT':
      case 'CODE_EXPIRED':
      case 'RESEND_LIMIT':
        return setProblem(messages[extensions!.reason as 'CODE_FORMAT' | 'CODE_EXPIRED' | 'RESEND_LIMIT']);
      case 'RATE_LIMITED':
        return setProblem(format(messages.RESEND_WAIT, { wait: waitText(Number(extensions?.retryAfterSeconds), t) }));
      case 'DRAFT_VOIDED':
        return onRestart(messages.DRAFT_VOIDED);
      case 'NOT_FOUND':
        return onRestart(t.apply.expired);
      default:
        return setProblem(fallback);
    }
  }

  async function confirm(event: FormEvent) {
    event.preventDefault();
    const digits = code.replace(/\s/g, '');
    if (!/^\d{6}$/.test(digits)) return setProblem(t.apply.codeErrors.CODE_FORMAT);
    setBusy(true);
    const result = await client.mutation(ConfirmDocument, { draftId: draft.id, code: digits }).toPromise();
    setBusy(false);
    if (result.data?.confirmApplicationEmail.emailConfirmed) return onConfirmed();
    setCode('');
    refused(result.error?.graphQLErrors[0]?.extensions as Refusal | undefined, result.error ? describeError(result.error, t).message : t.errors.UNKNOWN);
  }

  async function resend() {
    setBusy(true);
    const result = await client.mutation(ResendDocument, { draftId: draft.id }).toPromise();
    setBusy(false);
    if (result.data) {
      setProblem(null);
      return setStatus(format(t.apply.resent, { email: draft.email }));
    }
    refused(result.error?.graphQLErrors[0]?.extensions as Refusal | undefined, result.error ? describeError(result.error, t).message : t.errors.UNKNOWN);
  }

  return (
    <section aria-labelledby="apply-code-title">
      <h1 id="apply-code-title" ref={heading} tabIndex={-1}>
        {t.apply.codeTitle}
      </h1>
      <p className="notice" role="status">
        {status}
      </p>
      {problem && (
        <div className="alert" role="alert" tabIndex={-1} ref={alert}>
          <p>{problem}</p>
        </div>
      )}
      <form className="form" onSubmit={confirm} noValidate>
        <div className="field">
          <label htmlFor={id}>{t.apply.codeLabel}</label>
          <input
            id={id}
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={7}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            aria-invalid={problem ? true : undefined}
          />
        </div>
        <button className="button" type="submit" disabled={busy}>
          {busy ? t.apply.confirming : t.apply.confirm}
        </button>
        <button className="button button--secondary" type="button" onClick={() => void resend()} disabled={busy}>
          {t.apply.resend}
        </button>
        <button className="button button--secondary" type="button" onClick={() => onRestart(null)}>
          {t.apply.restart}
        </button>
      </form>
    </section>
  );
}
