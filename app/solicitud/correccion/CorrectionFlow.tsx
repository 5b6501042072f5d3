'use client';

import Link from 'next/link';
import { useEffect, useId, useRef, useState } from 'react';
import type { DocumentKind } from '../../../graphql/generated/client/graphql';
import { format, type Language, type Messages } from '../../i18n';
import { useFocusOnMount } from '../../components/useFocusOnMount';

const MAX_MB = 5;

interface Correction {
  requestNumber: string;
  reason: string;
  expiresAt: string;
  kinds: { kind: DocumentKind; received: boolean }[];
  complete: boolean;
}

type Upload = { state: 'uploading' } | { state: 'done'; name: string } | { state: 'error'; message: string };
type Screen = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'open'; correction: Correction };

async function errorMessage(res: Response | null, fallback: string): Promise<string> {
  const body = (await res?.json().catch(() => null)) as { errors?: { message: string }[] } | null;
  return body?.errors?.[0]?.message ?? fallback;
}

/**
 * The applicant's side of a correction: the token is read from the fragment and sent only in
 * the Authorization header; each document asked is uploaded as it is chosen.
 */
export function CorrectionFlow({ t, language }: { t: Messages; language: Language }) {
  const [screen, setScreen] = useState<Screen>({ state: 'loading' });
  const [uploads, setUploads] = useState<Partial<Record<DocumentKind, Upload>>>({});
  const token = useRef('');
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const alert = useRef<HTMLDivElement>(null);
  const done = useRef<HTMLDivElement>(null);
  const base = useId();
  const networkError = language === 'es' ? 'No hay conexión con el servicio. Intente de nuevo.' : 'No connection to the service. Try again.';

  useEffect(() => {
    token.current ||= window.location.hash.slice(1);
    // Out of the address bar and the history once read: the link is in the e-mail.
    window.history.replaceState(null, '', window.location.pathname);
    if (!/^[A-Za-z0-9_-]{43}$/.test(token.current)) return setScreen({ state: 'failed', message: t.correction.noToken });
    void (async () => {
      const res = await fetch('/corrections/current', { headers: { authorization: `Bearer ${token.current}` }, cache: 'no-store' }).catch(() => null);
      if (res?.ok) return setScreen({ state: 'open', correction: (await res.json()) as Correction });
      setScreen({ state: 'failed', message: await errorMessage(res, networkError) });
    })();
  }, [t, networkError]);

  useEffect(() => {
    if (screen.state === 'failed') alert.current?.focus();
    if (screen.state === 'open' && screen.correction.complete) done.current?.focus();
  }, [screen]);

  async function upload(kind: DocumentKind, file: File | undefined) {
    if (!file || screen.state !== 'open') return;
    setUploads((u) => ({ ...u, [kind]: { state: 'uploading' } }));
    const res = await fetch(`/corrections/documents/${kind}`, {
      method: 'PUT',
      body: file,
      headers: { authorization: `Bearer ${token.current}`, 'x-filename': encodeURIComponent(file.name) },
    }).catch(() => null);
    if (res?.ok) {
      const answer = (await res.json()) as Pick<Correction, 'kinds' | 'complete'>;
      setUploads((u) => ({ ...u, [kind]: { state: 'done', name: file.name } }));
      return setScreen({ state: 'open', correction: { ...screen.correction, ...answer } });
    }
    const message = await errorMessage(res, networkError);
    setUploads((u) => ({ ...u, [kind]: { state: 'error', message } }));
  }

  const dateOf = (iso: string) => new Date(iso).toLocaleDateString(language === 'es' ? 'es-CO' : 'en-GB', { timeZone: 'America/Bogota', day: '2-digit', month: '2-digit', year: 'numeric' });

  return (
    <section aria-labelledby="correction-title">
      <h1 id="correction-title" ref={heading} tabIndex={-1}>
        {t.correction.title}
      </h1>
      {screen.state === 'loading' && <p role="status">{t.correction.loading}</p>}
      {screen.state === 'failed' && (
        <div className="alert" role="alert" tabIndex={-1} ref={alert}>
          <p className="alert__title">{t.correction.errorTitle}</p>
          <p>{screen.message}</p>
        </div>
      )}
      {screen.state === 'open' && (
        <>
          <p className="notice">{format(t.correction.request, { requestNumber: screen.correction.requestNumber })}</p>
          <h2>{t.correction.reasonLabel}</h2>
          <p>{screen.correction.reason}</p>
          <p>{format(t.correction.until, { date: dateOf(screen.correction.expiresAt) })}</p>
          {screen.correction.complete ? (
            <div className="notice" role="status" tabIndex={-1} ref={done}>
              <h2>{t.correction.doneTitle}</h2>
              <p>{format(t.correction.done, { requestNumber: screen.correction.requestNumber })}</p>
              <Link className="button" href="/consulta">
                {t.correction.lookupLink}
              </Link>
            </div>
          ) : (
            <fieldset className="documents">
              <legend>{t.correction.kindsTitle}</legend>
              <p className="field__hint">{format(t.correction.hint, { mb: MAX_MB })}</p>
              {screen.correction.kinds.map(({ kind, received }) => {
                const id = `${base}-${kind}`;
                const state = uploads[kind];
                return (
                  <div className="field" key={kind}>
                    <label htmlFor={id}>
                      {t.apply.documents[kind]} <span className="field__hint">({received ? t.correction.received : t.correction.pending})</span>
                    </label>
                    <input
                      id={id}
                      type="file"
                      accept="application/pdf,image/jpeg,image/png"
                      onChange={(e) => void upload(kind, e.target.files?.[0])}
                      aria-invalid={state?.state === 'error' ? true : undefined}
                      aria-describedby={state ? `${id}-state` : undefined}
                    />
                    {state?.state === 'error' ? (
                      <p id={`${id}-state`} className="field__error" role="alert">
                        {state.message}
                      </p>
                    ) : (
                      state && (
                        <p id={`${id}-state`} role="status">
                          {state.state === 'uploading' ? t.correction.uploading : format(t.correction.uploaded, { name: state.name })}
                        </p>
                      )
                    )}
                  </div>
                );
              })}
            </fieldset>
          )}
        </>
      )}
    </section>
  );
}
