'use client';

import { useClient } from '@urql/next';
import Link from 'next/link';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { graphql } from '../../graphql/generated/client';
import type { ApplyInfoQuery, DocumentKind, IdType } from '../../graphql/generated/client/graphql';
import { normalizeIdNumber } from '../../graphql/id-number';
import { format, type Language, type Messages } from '../i18n';
import { IdNumberFields } from '../components/IdNumberFields';
import { AltchaField, type AltchaHandle } from '../consulta/AltchaField';
import { describeError } from '../consulta/errors';
import { useFocusOnMount } from '../consulta/useFocusOnMount';

const ApplyInfoDocument = graphql(`
  query ApplyInfo {
    currentTerms { version }
    certificateTypes { code name requiresCompany documents }
  }
`);

const StartDocument = graphql(`
  mutation StartApplication($captchaToken: String!, $termsVersion: String!, $email: String!) {
    startApplication(captchaToken: $captchaToken, termsVersion: $termsVersion, email: $email) { id expiresAt email emailConfirmed codeExpiresAt }
  }
`);

const SubmitDocument = graphql(`
  mutation SubmitApplication($draftId: ID!, $application: ApplicationInput!) {
    submitApplication(draftId: $draftId, application: $application) { requestNumber orderNumber }
  }
`);

const MAX_MB = 5;

type Info = ApplyInfoQuery;
type FieldErrors = Record<string, string>;
type Upload = { state: 'uploading' } | { state: 'done'; name: string } | { state: 'error'; message: string };

/** The manual's precondition (section 3): accept the terms, then apply — here, on SSPS itself. */
export function ApplyFlow({ t, language }: { t: Messages; language: Language }) {
  const client = useClient();
  const [info, setInfo] = useState<Info | null>(null);
  const [draftId, setDraftId] = useState<string | null>(null);
  const [done, setDone] = useState<{ requestNumber: string; orderNumber: string } | null>(null);

  useEffect(() => {
    void client
      .query(ApplyInfoDocument, {}, { requestPolicy: 'network-only' })
      .toPromise()
      .then((r) => r.data && setInfo(r.data));
  }, [client]);

  if (done) return <Done t={t} {...done} />;
  if (!draftId) return <TermsStep t={t} language={language} version={info?.currentTerms.version ?? null} onStarted={setDraftId} />;
  return <ApplicationForm t={t} info={info!} draftId={draftId} onDone={setDone} onExpired={() => setDraftId(null)} />;
}

function TermsStep({ t, language, version, onStarted }: { t: Messages; language: Language; version: string | null; onStarted: (id: string) => void }) {
  const client = useClient();
  const [accepted, setAccepted] = useState(false);
  const [token, setToken] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const captcha = useRef<AltchaHandle>(null);
  const alert = useRef<HTMLDivElement>(null);
  const ids = { terms: useId(), captcha: useId() };

  useEffect(() => {
    if (error) alert.current?.focus();
  }, [error]);

  async function start(event: FormEvent) {
    event.preventDefault();
    if (!accepted) return setError(t.apply.mustAccept);
    if (!token) return setError(t.errors.CAPTCHA_MISSING);
    if (!version) return;
    setBusy(true);
    const result = await client.mutation(StartDocument, { captchaToken: token, termsVersion: version }).toPromise();
    setBusy(false);
    captcha.current?.reset();
    if (result.error || !result.data) return setError(result.error ? describeError(result.error, t).message : t.errors.UNKNOWN);
    onStarted(result.data.startApplication.id);
  }

  return (
    <section aria-labelledby="apply-title">
      <h1 id="apply-title">{t.apply.title}</h1>
      {error && (
        <div className="alert" role="alert" tabIndex={-1} ref={alert}>
          <p>{error}</p>
        </div>
      )}
      <form className="form" onSubmit={start} noValidate>
        <h2>{t.apply.termsTitle}</h2>
        <p id={ids.terms}>{t.apply.terms}</p>
        <div className="field field--check">
          <input id={`${ids.terms}-accept`} type="checkbox" checked={accepted} onChange={(e) => setAccepted(e.target.checked)} aria-describedby={ids.terms} />
          <label htmlFor={`${ids.terms}-accept`}>{format(t.apply.acceptTerms, { version: version ?? '…' })}</label>
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

function ApplicationForm({ t, info, draftId, onDone, onExpired }: { t: Messages; info: Info; draftId: string; onDone: (r: { requestNumber: string; orderNumber: string }) => void; onExpired: () => void }) {
  const client = useClient();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const [values, setValues] = useState({ idType: 'CC' as IdType, idNumber: '', fullName: '', email: '', phone: '', holderName: '', certificateType: info.certificateTypes[0]?.code ?? '', company: '', project: '' });
  const [uploads, setUploads] = useState<Partial<Record<DocumentKind, Upload>>>({});
  const [errors, setErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const alert = useRef<HTMLDivElement>(null);
  const base = useId();
  const type = info.certificateTypes.find((c) => c.code === values.certificateType);
  const idCheck = normalizeIdNumber(values.idType, values.idNumber);
  const idProblem = values.idNumber && !idCheck.ok ? format(t.idNumberProblems[idCheck.problem], { min: idCheck.min ?? '', max: idCheck.max ?? '' }) : null;

  useEffect(() => {
    if (summary) alert.current?.focus();
  }, [summary]);

  const set = (name: keyof typeof values) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: e.target.value }));

  async function upload(kind: DocumentKind, file: File | undefined) {
    if (!file) return;
    setUploads((u) => ({ ...u, [kind]: { state: 'uploading' } }));
    const res = await fetch(`/applications/${draftId}/documents/${kind}`, { method: 'PUT', body: file, headers: { 'x-filename': encodeURIComponent(file.name) } }).catch(() => null);
    if (res?.ok) return setUploads((u) => ({ ...u, [kind]: { state: 'done', name: file.name } }));
    if (res?.status === 404) return onExpired();
    const body = (await res?.json().catch(() => null)) as { errors?: { message: string }[] } | null;
    setUploads((u) => ({ ...u, [kind]: { state: 'error', message: body?.errors?.[0]?.message ?? t.errors.NETWORK } }));
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const { holderName, company, project, ...rest } = values;
    const application = { ...rest, holderName: holderName || null, company: company || null, project: project || null };
    const result = await client.mutation(SubmitDocument, { draftId, application }).toPromise();
    setBusy(false);
    const first = result.error?.graphQLErrors[0];
    if (first?.extensions?.code === 'NOT_FOUND') return onExpired();
    if (result.error || !result.data) {
      const fields = (first?.extensions?.fields as { field: string; message: string }[] | undefined) ?? [];
      setErrors(Object.fromEntries(fields.map((f) => [f.field, f.message])));
      return setSummary(fields.length ? fields.map((f) => f.message).join(' ') : describeError(result.error!, t).message);
    }
    onDone(result.data.submitApplication);
  }

  const field = (name: keyof typeof values, label: string, props: { type?: string; autoComplete?: string; optional?: boolean } = {}) => {
    const id = `${base}-${name}`;
    const problem = errors[name];
    return (
      <div className="field">
        <label htmlFor={id}>
          {label} {props.optional && <span className="field__hint">{t.apply.optional}</span>}
        </label>
        <input id={id} name={name} type={props.type ?? 'text'} autoComplete={props.autoComplete} value={values[name]} onChange={set(name)} aria-invalid={problem ? true : undefined} aria-describedby={problem ? `${id}-error` : undefined} />
        {problem && (
          <p id={`${id}-error`} className="field__error">
            {problem}
          </p>
        )}
      </div>
    );
  };

  return (
    <section aria-labelledby="apply-form-title">
      <h1 id="apply-form-title" ref={heading} tabIndex={-1}>
        {t.apply.formTitle}
      </h1>
      {summary && (
        <div className="alert" role="alert" tabIndex={-1} ref={alert}>
          <p className="alert__title">{t.apply.errorTitle}</p>
          <p>{summary}</p>
        </div>
      )}
      <form className="form" onSubmit={submit} noValidate>
        <IdNumberFields
          t={t}
          idType={values.idType}
          idNumber={values.idNumber}
          onIdType={(idType) => setValues((v) => ({ ...v, idType }))}
          onIdNumber={(idNumber) => setValues((v) => ({ ...v, idNumber }))}
          problem={idProblem ?? errors.idNumber ?? null}
        />
        {field('fullName', t.apply.fullName, { autoComplete: 'name' })}
        {field('email', t.apply.email, { type: 'email', autoComplete: 'email' })}
        {field('phone', t.apply.phone, { type: 'tel', autoComplete: 'tel' })}
        {field('holderName', t.apply.holderName, { optional: true })}
        <div className="field">
          <label htmlFor={`${base}-certificateType`}>{t.apply.certificateType}</label>
          <select id={`${base}-certificateType`} name="certificateType" value={values.certificateType} onChange={set('certificateType')}>
            {info.certificateTypes.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        {field('company', t.apply.company, { autoComplete: 'organization', optional: !type?.requiresCompany })}
        {field('project', t.apply.project, { optional: true })}
        <fieldset className="documents">
          <legend>{t.apply.documentsTitle}</legend>
          <p className="field__hint">{format(t.apply.documentsHint, { mb: MAX_MB })}</p>
          {type?.documents.map((kind) => {
            const id = `${base}-doc-${kind}`;
            const status = uploads[kind];
            const problem = status?.state === 'error' ? status.message : errors[`documents.${kind}`];
            return (
              <div className="field" key={kind}>
                <label htmlFor={id}>{t.apply.documents[kind]}</label>
                <input id={id} type="file" accept="application/pdf,image/jpeg,image/png" onChange={(e) => void upload(kind, e.target.files?.[0])} aria-describedby={`${id}-status`} />
                <p id={`${id}-status`} role="status" className={problem ? 'field__error' : 'field__hint'}>
                  {problem ?? (status?.state === 'uploading' ? t.apply.uploading : status?.state === 'done' ? format(t.apply.uploaded, { name: status.name }) : '')}
                </p>
              </div>
            );
          })}
        </fieldset>
        <button className="button" type="submit" disabled={busy}>
          {busy ? t.apply.submitting : t.apply.submit}
        </button>
      </form>
    </section>
  );
}

function Done({ t, requestNumber, orderNumber }: { t: Messages; requestNumber: string; orderNumber: string }) {
  const heading = useFocusOnMount<HTMLHeadingElement>();
  return (
    <section aria-labelledby="apply-done">
      <h1 id="apply-done" ref={heading} tabIndex={-1}>
        {t.apply.doneTitle}
      </h1>
      <p className="notice">{format(t.apply.done, { requestNumber, orderNumber })}</p>
      <Link className="button" href="/consulta">
        {t.apply.lookupLink}
      </Link>
    </section>
  );
}
