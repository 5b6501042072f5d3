'use client';

import { useClient } from '@urql/next';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Renewal } from './renewal';
import { graphql } from '../../graphql/generated/client';
import type { DocumentKind, IdType } from '../../graphql/generated/client/graphql';
import { normalizeIdNumber } from '../../graphql/id-number';
import { format, type Language, type Messages } from '../i18n';
import { IdNumberFields } from '../components/IdNumberFields';
import { describeError } from '../components/errors';
import { useFocusOnMount } from '../components/useFocusOnMount';
import type { Info } from './apply-info';
import { PriceAndHowToPay, type Due } from './Payment';

export interface Submitted {
  requestNumber: string;
  orderNumber: string;
  payment: Due;
}

const SubmitDocument = graphql(`
  mutation SubmitApplication($draftId: ID!, $application: ApplicationInput!, $language: Language) {
    submitApplication(draftId: $draftId, application: $application, language: $language) {
      requestNumber
      orderNumber
      payment { reference priceCop vatCop totalCop bankAccount link }
    }
  }
`);

const MAX_MB = 5;

type FieldErrors = Record<string, string>;
type Upload = { state: 'uploading' } | { state: 'done'; name: string } | { state: 'error'; message: string };

/** The application itself: who applies, for which certificate, and its documents, each uploaded as it is chosen. */
export function ApplicationForm({ t, language, info, draftId, email, prefill, onDone, onExpired }: { t: Messages; language: Language; info: Info; draftId: string; email: string; prefill?: Renewal | null; onDone: (r: Submitted) => void; onExpired: () => void }) {
  const client = useClient();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  // A renewal (the reminder's link) starts from the expiring request's data.
  const [values, setValues] = useState({
    idType: (prefill?.idType ?? 'CC') as IdType,
    idNumber: prefill?.idNumber ?? '',
    fullName: prefill?.fullName ?? '',
    phone: '',
    holderName: '',
    certificateType: prefill && info.certificateTypes.some((c) => c.code === prefill.certificateType) ? prefill.certificateType : (info.certificateTypes[0]?.code ?? ''),
    company: prefill?.company ?? '',
    project: prefill?.project ?? '',
  });
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

  // A field's error goes as soon as the field is changed: it was about what was there before.
  const set = (name: keyof typeof values) => (e: { target: { value: string } }) => {
    setValues((v) => ({ ...v, [name]: e.target.value }));
    setErrors((all) => {
      if (!(name in all)) return all;
      const { [name]: _gone, ...rest } = all;
      return rest;
    });
  };

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
    const result = await client.mutation(SubmitDocument, { draftId, application, language: language === 'en' ? 'EN' : 'ES' }).toPromise();
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
        <p className="notice">{format(t.apply.emailConfirmed, { email })}</p>
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
        <PriceAndHowToPay t={t} type={type} instructions={info.paymentInstructions} id={`${base}-price`} />
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

