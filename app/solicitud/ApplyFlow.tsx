'use client';

import { useClient } from '@urql/next';
import { useEffect, useState } from 'react';
import type { Language, Messages } from '../i18n';
import { ApplicationForm, type Submitted } from './ApplicationForm';
import { ApplyInfoDocument, type Info } from './apply-info';
import { Done } from './Done';
import { EmailCodeStep } from './EmailCodeStep';
import { RenewalDocument, renewalToken, type Renewal } from './renewal';
import { TermsStep, type OpenedDraft } from './TermsStep';


/**
 * The manual's precondition (section 3), here on SSPS itself: accept the terms and give an
 * e-mail, prove it with the code sent there, then fill the application and its documents.
 */
export function ApplyFlow({ t, language }: { t: Messages; language: Language }) {
  const client = useClient();
  const [info, setInfo] = useState<Info | null>(null);
  const [draft, setDraft] = useState<OpenedDraft | null>(null);
  const [restartNotice, setRestartNotice] = useState<string | null>(null);
  const [done, setDone] = useState<Submitted | null>(null);
  const [renewal, setRenewal] = useState<Renewal | null>(null);
  const [renewalProblem, setRenewalProblem] = useState<'invalid' | 'unavailable' | null>(null);

  useEffect(() => {
    void client
      .query(ApplyInfoDocument, {}, { requestPolicy: 'network-only' })
      .toPromise()
      .then((r) => r.data && setInfo(r.data));
    // A reminder's renewal link: /solicitud#renovar=<token>; the token is sent in a POST body only.
    const token = renewalToken(window.location.hash);
    if (token) window.history.replaceState(null, '', window.location.pathname);
    if (token) {
      void client
        .query(RenewalDocument, { token }, { requestPolicy: 'network-only' })
        .toPromise()
        .then((r) => {
          if (r.data?.renewalApplication) return setRenewal(r.data.renewalApplication);
          // Said, not left silent: a link that no longer opens (expired, altered, or the
          // certificate revoked), or one we could not read now; the form is there to fill in.
          setRenewalProblem(r.error?.graphQLErrors.some((e) => e.extensions?.code === 'NOT_FOUND') ? 'invalid' : 'unavailable');
        });
    }
  }, [client]);

  const restart = (notice: string | null) => {
    setRestartNotice(notice);
    setDraft(null);
  };

  if (done) return <Done t={t} {...done} />;
  if (!draft) {
    return (
      <TermsStep
        t={t}
        language={language}
        version={info?.currentTerms.version ?? null}
        initialEmail={renewal?.email ?? ''}
        key={renewal ? 'renewal' : 'new'}
        notice={restartNotice ?? (renewalProblem && (renewalProblem === 'invalid' ? t.apply.renewalInvalid : t.apply.renewalUnavailable))}
        onStarted={(opened) => {
          setRestartNotice(null);
          setRenewalProblem(null);
          setDraft(opened);
        }}
      />
    );
  }
  if (!draft.emailConfirmed) return <EmailCodeStep t={t} draft={draft} onConfirmed={() => setDraft({ ...draft, emailConfirmed: true })} onRestart={restart} />;
  return <ApplicationForm t={t} language={language} info={info!} draftId={draft.id} email={draft.email} prefill={renewal} onDone={setDone} onExpired={() => restart(t.apply.expired)} />;
}
