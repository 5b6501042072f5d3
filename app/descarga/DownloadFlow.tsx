'use client';

import { useClient } from '@urql/next';
import Link from 'next/link';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { graphql } from '../../graphql/generated/client';
import type { CertificateDownloadQuery } from '../../graphql/generated/client/graphql';
import { useFocusOnMount } from '../components/useFocusOnMount';
import { format, type Language, type Messages } from '../i18n';
import type { KeyKind } from './keystore';

const DownloadDocument = graphql(`
  query CertificateDownload($token: String!) {
    certificateDownload(token: $token) { requestNumber holderName certificateType validFrom validTo expiresAt }
  }
`);

const IssueDocument = graphql(`
  mutation IssueCertificate($token: String!, $csr: String!) {
    issueCertificate(token: $token, csr: $csr) { requestNumber serialNumber certificate chain }
  }
`);

type Link = CertificateDownloadQuery['certificateDownload'];
type Screen = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'open'; link: Link } | { state: 'done'; link: Link; file: string; url: string };

/** Saves bytes as a file download, from memory: nothing goes to a server. */
function save(url: string, file: string) {
  const a = document.createElement('a');
  a.href = url;
  a.download = file;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/**
 * The applicant's side of a delivery: the token is read from the fragment and sent only in a
 * POST body; the key pair is generated here and only the CSR leaves; the PKCS#12 is built here.
 */
export function DownloadFlow({ t, language }: { t: Messages; language: Language }) {
  const client = useClient();
  const [screen, setScreen] = useState<Screen>({ state: 'loading' });
  const [kind, setKind] = useState<KeyKind>('RSA');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problem, setProblem] = useState<{ field: 'password' | 'confirm' | null; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const token = useRef('');
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const alert = useRef<HTMLDivElement>(null);
  const done = useRef<HTMLDivElement>(null);
  const ids = { password: useId(), confirm: useId(), kind: useId() };

  useEffect(() => {
    token.current ||= window.location.hash.slice(1);
    // Out of the address bar and the history once read: the link is in the e-mail.
    window.history.replaceState(null, '', window.location.pathname);
    if (!/^[A-Za-z0-9_-]{43}$/.test(token.current)) return setScreen({ state: 'failed', message: t.download.noToken });
    void client
      .query(DownloadDocument, { token: token.current }, { requestPolicy: 'network-only' })
      .toPromise()
      .then((r) => {
        if (r.data) return setScreen({ state: 'open', link: r.data.certificateDownload });
        setScreen({ state: 'failed', message: r.error?.graphQLErrors[0]?.message ?? t.download.failed });
      });
  }, [client, t]);

  useEffect(() => {
    if (screen.state === 'failed') alert.current?.focus();
    if (screen.state === 'done') done.current?.focus();
  }, [screen]);
  useEffect(() => {
    if (problem) alert.current?.focus();
  }, [problem]);

  const dateOf = (iso: string, time = false) =>
    new Date(iso).toLocaleString(language === 'es' ? 'es-CO' : 'en-GB', { timeZone: 'America/Bogota', day: '2-digit', month: '2-digit', year: 'numeric', ...(time ? { hour: '2-digit', minute: '2-digit', hour12: false } : {}) });

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (screen.state !== 'open' || busy) return;
    const keystore = await import('./keystore');
    const weak = keystore.passwordProblem(password);
    if (weak) return setProblem({ field: 'password', message: weak === 'NOT_ASCII' ? t.download.passwordAscii : t.download.passwordShort });
    if (password !== confirm) return setProblem({ field: 'confirm', message: t.download.passwordMismatch });
    if (!globalThis.crypto?.subtle) return setProblem({ field: null, message: t.download.unsupported });
    setProblem(null);
    setBusy(true);
    try {
      const { keys, csr } = await keystore.keyAndCsr(kind);
      const result = await client.mutation(IssueDocument, { token: token.current, csr }).toPromise();
      const issued = result.data?.issueCertificate;
      if (!issued) {
        const refusal = result.error?.graphQLErrors[0];
        // A link that no longer opens ends the page; anything else may be tried again.
        if (refusal?.extensions?.field === 'token') return setScreen({ state: 'failed', message: refusal.message });
        return setProblem({ field: null, message: refusal?.message ?? t.download.failed });
      }
      const p12 = await keystore.pkcs12({ privateKey: keys.privateKey, certificate: issued.certificate, chain: issued.chain, password, friendlyName: `${screen.link.holderName} (${issued.requestNumber})` });
      const file = `certificado-${issued.requestNumber}.p12`;
      const url = URL.createObjectURL(new Blob([p12], { type: 'application/x-pkcs12' }));
      save(url, file);
      setPassword('');
      setConfirm('');
      setScreen({ state: 'done', link: screen.link, file, url });
    } catch {
      setProblem({ field: null, message: t.download.failed });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="download-title">
      <h1 id="download-title" ref={heading} tabIndex={-1}>
        {t.download.title}
      </h1>
      {screen.state === 'loading' && <p role="status">{t.download.loading}</p>}
      {screen.state === 'failed' && (
        <div className="alert" role="alert" tabIndex={-1} ref={alert}>
          <p className="alert__title">{t.download.errorTitle}</p>
          <p>{screen.message}</p>
          <Link href="/consulta">{t.download.lookupLink}</Link>
        </div>
      )}
      {(screen.state === 'open' || screen.state === 'done') && (
        <div className="notice">
          <p>
            <strong>{format(t.download.request, { requestNumber: screen.link.requestNumber })}</strong>
          </p>
          <p>
            {t.download.holder}: {screen.link.holderName}
            <br />
            {t.download.type}: {screen.link.certificateType}
            <br />
            {t.download.validity}: {format(t.download.validityValue, { from: dateOf(screen.link.validFrom), to: dateOf(screen.link.validTo) })}
          </p>
        </div>
      )}
      {screen.state === 'done' && (
        <div className="notice" role="status" tabIndex={-1} ref={done}>
          <h2>{t.download.doneTitle}</h2>
          <p>{format(t.download.done, { file: screen.file })}</p>
          <p>{t.download.doneWarning}</p>
          <button type="button" className="button" onClick={() => save(screen.url, screen.file)}>
            {t.download.saveAgain}
          </button>
        </div>
      )}
      {screen.state === 'open' && (
        <form className="form" onSubmit={(e) => void submit(e)} noValidate>
          <p>{format(t.download.linkUntil, { date: dateOf(screen.link.expiresAt, true) })}</p>
          <h2>{t.download.howTitle}</h2>
          <p>{t.download.how}</p>
          {problem && (
            <div className="alert" role="alert" tabIndex={-1} ref={alert}>
              <p>{problem.message}</p>
            </div>
          )}
          <fieldset className="field">
            <legend className="field__label">{t.download.keyKind}</legend>
            {(['RSA', 'EC'] as const).map((k) => (
              <div key={k} className="field--check">
                <input id={`${ids.kind}-${k}`} type="radio" name="keyKind" value={k} checked={kind === k} onChange={() => setKind(k)} />
                <label htmlFor={`${ids.kind}-${k}`}>{k === 'RSA' ? t.download.rsa : t.download.ec}</label>
              </div>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor={ids.password}>{t.download.password}</label>
            <input
              id={ids.password}
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={(e) => { setPassword(e.target.value); setProblem(null); }}
              aria-invalid={problem?.field === 'password' ? true : undefined}
              aria-describedby={`${ids.password}-hint`}
            />
            <p id={`${ids.password}-hint`} className="field__hint">
              {t.download.passwordHint}
            </p>
          </div>
          <div className="field">
            <label htmlFor={ids.confirm}>{t.download.confirm}</label>
            <input id={ids.confirm} type="password" autoComplete="new-password" value={confirm} onChange={(e) => { setConfirm(e.target.value); setProblem(null); }} aria-invalid={problem?.field === 'confirm' ? true : undefined} />
          </div>
          <button type="submit" className="button" disabled={busy}>
            {busy ? t.download.working : t.download.submit}
          </button>
          {busy && <p role="status">{t.download.working}</p>}
        </form>
      )}
    </section>
  );
}
