'use client';

import { useClient } from '@urql/next';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { graphql } from '../../graphql/generated/client';
import { format, type Language, type Messages } from '../i18n';
import { AltchaField, type AltchaHandle } from '../components/AltchaField';
import { describeError } from '../components/errors';

const StartDocument = graphql(`
  mutation StartApplication($captchaToken: String!, $termsVersion: String!, $email: String!) {
    startApplication(captchaToken: $captchaToken, termsVersion: $termsVersion, email: $email) { id expiresAt email emailConfirmed codeExpiresAt }
  }
`);

export interface OpenedDraft {
  id: string;
  email: string;
  emailConfirmed: boolean;
}

const looksLikeEmail = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());

/** Accept the terms, give the e-mail the request will write to, and pass the CAPTCHA: one per application. */
export function TermsStep({ t, language, version, notice, initialEmail = '', onStarted }: { t: Messages; language: Language; version: string | null; notice: string | null; initialEmail?: string; onStarted: (draft: OpenedDraft) => void }) {
  const client = useClient();
  const [accepted, setAccepted] = useState(false);
  const [email, setEmail] = useState(initialEmail);
  const [emailProblem, setEmailProblem] = useState<string | null>(null);
  const [token, setToken] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const captcha = useRef<AltchaHandle>(null);
  const alert = useRef<HTMLDivElement>(null);
  const ids = { terms: useId(), captcha: useId(), email: useId() };

  useEffect(() => {
    if (error) alert.current?.focus();
  }, [error]);

  async function start(event: FormEvent) {
    event.preventDefault();
    if (!accepted) return setError(t.apply.mustAccept);
    if (!looksLikeEmail(email)) {
      setEmailProblem(t.apply.emailInvalid);
      return setError(t.apply.emailInvalid);
    }
    if (!token) return setError(t.errors.CAPTCHA_MISSING);
    if (!version) return;
    setBusy(true);
    const result = await client.mutation(StartDocument, { captchaToken: token, termsVersion: version, email: email.trim() }).toPromise();
    setBusy(false);
    const first = result.error?.graphQLErrors[0];
    if (first?.extensions?.field === 'email') {
      // The CAPTCHA was not spent: the applicant only fixes the address.
      setEmailProblem(t.apply.emailInvalid);
      return setError(t.apply.emailInvalid);
    }
    captcha.current?.reset();
    setToken(null);
    if (result.error || !result.data) return setError(result.error ? describeError(result.error, t).message : t.errors.UNKNOWN);
    onStarted(result.data.startApplication);
  }

  return (
    <section aria-labelledby="apply-title">
      <h1 id="apply-title">{t.apply.title}</h1>
      {notice && !error && (
        <div className="alert" role="alert">
          <p>{notice}</p>
        </div>
      )}
      {error && (
        <div className="alert" role="alert" tabIndex={-1} ref={alert}>
          <p>{error}</p>
        </div>
      )}
      <form className="form" onSubmit={start} noValidate>
        <h2>{t.apply.termsTitle}</h2>
        <p id={ids.terms}>{t.apply.terms}</p>
        <p>
          {t.legal.read}
          <a href="/terminos" target="_blank" rel="noopener">
            {t.legal.termsLink}
          </a>
          {t.legal.and}
          <a href="/privacidad" target="_blank" rel="noopener">
            {t.legal.privacyLink}
          </a>
          {t.legal.after}
        </p>
        <div className="field field--check">
          <input id={`${ids.terms}-accept`} type="checkbox" checked={accepted} onChange={(e) => setAccepted(e.target.checked)} aria-describedby={ids.terms} />
          <label htmlFor={`${ids.terms}-accept`}>{format(t.apply.acceptTerms, { version: version ?? '…' })}</label>
        </div>
        <div className="field">
          <label htmlFor={ids.email}>{t.apply.email}</label>
          <input
            id={ids.email}
            name="email"
            type="email"
            autoComplete="email"
            value={email}
            onChange={(e) => {
              setEmail(e.target.value);
              if (emailProblem && looksLikeEmail(e.target.value)) {
                setEmailProblem(null);
                if (error === t.apply.emailInvalid) setError(null);
              }
            }}
            aria-invalid={emailProblem ? true : undefined}
            aria-describedby={emailProblem ? `${ids.email}-error ${ids.email}-hint` : `${ids.email}-hint`}
          />
          <p id={`${ids.email}-hint`} className="field__hint">
            {t.apply.emailHint}
          </p>
          {emailProblem && (
            <p id={`${ids.email}-error`} className="field__error">
              {emailProblem}
            </p>
          )}
        </div>
        <div className="field">
          <p id={ids.captcha} className="field__label">
            {t.lookup.captchaLabel}
          </p>
          <AltchaField ref={captcha} language={language} labelId={ids.captcha} onToken={setToken} />
        </div>
        <button className="button" type="submit" disabled={busy || !version}>
          {t.apply.start}
        </button>
      </form>
    </section>
  );
}

