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
import { forget, live, readSaved, save, screenOf, type Screen } from './saved-lookup';

type View = { name: 'form' } | { name: 'results'; lookup: Lookup } | { name: 'detail'; lookup: Lookup; handle: string; orderNumber?: string };

interface Props {
  t: Messages;
  language: Language;
  orgName: string;
  newRequestUrl: string;
}

/**
 * The manual's section 4, screen by screen: the form, the requests (or none, under the form), a
 * request's detail. Each screen after the form is a history entry of the same URL, so the
 * browser's Back (or the page's own) returns to the results and then to the form with what was
 * typed, without a new CAPTCHA while the lookup's handles are alive (see saved-lookup.ts).
 */
export function LookupFlow({ t, language, orgName, newRequestUrl }: Props) {
  const client = useClient();
  const [view, setView] = useState<View>({ name: 'form' });
  const [idType, setIdType] = useState<IdType>('CC');
  const [idNumber, setIdNumber] = useState('');
  const [touched, setTouched] = useState(false);
  const [token, setToken] = useState<string | null>(null);
  const [error, setError] = useState<PageError | null>(null);
  const [empty, setEmpty] = useState<Lookup | null>(null);
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

  // The screen a history entry names, from what this tab saved: on Back and Forward, and on a reload.
  useEffect(() => {
    const expired = (): PageError => ({ code: 'LOOKUP_EXPIRED', message: t.lookup.expired });
    function show(state: unknown, restoring: boolean) {
      // An expired lookup is dropped at once: nothing of it stays in the tab or refills the form.
      const stored = readSaved();
      const saved = stored && live(stored) ? stored : null;
      if (stored && !saved) forget();
      if (saved) {
        setIdType(saved.idType);
        setIdNumber(saved.idNumber);
      }
      const screen = screenOf(state);
      if (!screen) {
        if (!restoring) setView({ name: 'form' });
        return;
      }
      if (!saved) {
        window.history.replaceState(null, '');
        setView({ name: 'form' });
        setError(expired());
        return;
      }
      setError(null);
      if (screen.consulta === 'results') setView({ name: 'results', lookup: saved.lookup });
      else setView({ name: 'detail', lookup: saved.lookup, handle: screen.handle, orderNumber: saved.orderNumbers[screen.handle] });
    }
    show(window.history.state, true);
    const onPop = (event: PopStateEvent) => show(event.state, false);
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [t]);

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
    setEmpty(null);
    // A new search: what the last one saved goes.
    forget();
    const result = await client.query(LookupDocument, { idType, idNumber, captchaToken: token }, { requestPolicy: 'network-only' }).toPromise();
    setBusy(false);
    // Spent (or refused) either way: the next lookup needs a new solve.
    captcha.current?.reset();
    if (result.error || !result.data) {
      setError(result.error ? describeError(result.error, t) : { code: 'UNKNOWN', message: t.errors.UNKNOWN });
      return;
    }
    const lookup = result.data.certificateRequests;
    if (!lookup.applicant || lookup.requests.length === 0) {
      setEmpty(lookup);
      return;
    }
    save({ idType, idNumber, lookup, orderNumbers: {} });
    window.history.pushState({ consulta: 'results' } satisfies Screen, '');
    setView({ name: 'results', lookup });
  }

  function openDetail(lookup: Lookup, handle: string, orderNumber?: string) {
    const saved = readSaved();
    if (saved && orderNumber) save({ ...saved, orderNumbers: { ...saved.orderNumbers, [handle]: orderNumber } });
    window.history.pushState({ consulta: 'detail', handle } satisfies Screen, '');
    setView({ name: 'detail', lookup, handle, orderNumber });
  }

  if (view.name === 'detail') {
    return <Detail t={t} language={language} handle={view.handle} orderNumber={view.orderNumber} newRequestUrl={newRequestUrl} onBack={() => window.history.back()} />;
  }

  if (view.name === 'results') {
    return <Results t={t} lookup={view.lookup} onDetail={(handle, orderNumber) => openDetail(view.lookup, handle, orderNumber)} onNewLookup={() => window.history.back()} />;
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
      {empty && <NoRequests t={t} orgName={orgName} newRequestUrl={empty.newRequestUrl || newRequestUrl} onExit={() => setEmpty(null)} />}
    </section>
  );
}
