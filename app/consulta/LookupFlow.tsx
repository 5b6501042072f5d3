'use client';

import { useClient } from '@urql/next';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { IdType } from '../../graphql/generated/client/graphql';
import { normalizeIdNumber, type IdNumberResult } from '../../graphql/id-number';
import { format, type Language, type Messages } from '../i18n';
import { AltchaField, type AltchaHandle } from '../components/AltchaField';
import { describeError, type PageError } from '../components/errors';
import { IdNumberFields } from '../components/IdNumberFields';
import { Detail } from './Detail';
import { LookupDocument, type Lookup } from './lookup';
import { NoRequests } from './NoRequests';
import { Results } from './Results';

type View = { name: 'form' } | { name: 'results'; lookup: Lookup } | { name: 'detail'; lookup: Lookup; handle: string; orderNumber?: string };

interface Props {
  t: Messages;
  language: Language;
  orgName: string;
  newRequestUrl: string;
}

/** The manual's section 4, screen by screen: the form, the requests (or none), a request's detail. */
export function LookupFlow({ t, language, orgName, newRequestUrl }: Props) {
  const client = useClient();
  const [view, setView] = useState<View>({ name: 'form' });
  const [idType, setIdType] = useState<IdType>('CC');
  const [idNumber, setIdNumber] = useState('');
  const [touched, setTouched] = useState(false);
  const [token, setToken] = useState<string | null>(null);
  const [error, setError] = useState<PageError | null>(null);
  const [busy, setBusy] = useState(false);
  const captcha = useRef<AltchaHandle>(null);
  const errorBox = useRef<HTMLDivElement>(null);
  const numberInput = useRef<HTMLInputElement>(null);
  const captchaLabel = useId();

  const check: IdNumberResult = normalizeIdNumber(idType, idNumber);
  const problem = touched && !check.ok ? format(t.idNumberProblems[check.problem], { min: check.min ?? '', max: check.max ?? '' }) : null;

  useEffect(() => {
    if (error) errorBox.current?.focus();
  }, [error]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (!check.ok) {
      numberInput.current?.focus();
      return;
    }
    if (!token) {
      setError({ code: 'CAPTCHA_MISSING', message: t.errors.CAPTCHA_MISSING });
      return;
    }
    setBusy(true);
    setError(null);
    const result = await client.query(LookupDocument, { idType, idNumber, captchaToken: token }, { requestPolicy: 'network-only' }).toPromise();
    setBusy(false);
    // Spent (or refused) either way: the next lookup needs a new solve.
    captcha.current?.reset();
    if (result.error || !result.data) {
      setError(result.error ? describeError(result.error, t) : { code: 'UNKNOWN', message: t.errors.UNKNOWN });
      return;
    }
    setView({ name: 'results', lookup: result.data.certificateRequests });
  }

  function backToForm() {
    setView({ name: 'form' });
  }

  if (view.name === 'detail') {
    return <Detail t={t} handle={view.handle} orderNumber={view.orderNumber} onBack={() => setView({ name: 'results', lookup: view.lookup })} />;
  }

  if (view.name === 'results') {
    const { lookup } = view;
    if (!lookup.applicant || lookup.requests.length === 0) {
      return <NoRequests t={t} orgName={orgName} newRequestUrl={lookup.newRequestUrl || newRequestUrl} onExit={backToForm} />;
    }
    return (
      <Results t={t} lookup={lookup} onDetail={(handle, orderNumber) => setView({ name: 'detail', lookup, handle, orderNumber })} onNewLookup={backToForm} />
    );
  }

  return (
    <section aria-labelledby="lookup-title">
      <h1 id="lookup-title">{t.lookup.title}</h1>
      <p className="lead">{t.lookup.intro}</p>
      {error && (
        <div className="alert" role="alert" tabIndex={-1} ref={errorBox} data-code={error.code}>
          <p className="alert__title">{t.errors.title}</p>
          <p>{error.message}</p>
        </div>
      )}
      <form className="form" onSubmit={submit} noValidate>
        <IdNumberFields
          t={t}
          idType={idType}
          idNumber={idNumber}
          onIdType={setIdType}
          onIdNumber={(value) => {
            setIdNumber(value);
            setTouched(true);
          }}
          problem={problem}
          inputRef={numberInput}
        />
        <div className="field">
          <p id={captchaLabel} className="field__label">
            {t.lookup.captchaLabel}
          </p>
          <AltchaField ref={captcha} language={language} labelId={captchaLabel} onToken={setToken} />
        </div>
        <button className="button" type="submit" disabled={busy} aria-busy={busy}>
          {busy ? t.lookup.submitting : t.lookup.submit}
        </button>
      </form>
    </section>
  );
}
