'use client';

import { useEffect, useState, type ReactNode } from 'react';
import { format, type Messages } from '../i18n';

/** What GET /operaciones/session answers: who is signed in, and the CSRF token the console's requests carry. */
export type ConsoleSession =
  | { signedIn: false; loginUrl: string }
  | { signedIn: true; operator: { name: string; roles: string[] }; csrfToken: string };

/**
 * The console's frame: signed out, a button to sign in; signed in, the operator's name and roles,
 * a button to sign out, and `children` (the console's screens) given the session, whose
 * `csrfToken` goes in the `x-csrf-token` header of every /graphql request.
 */
export function ConsoleShell({ t, children }: { t: Messages['console']; children?: (session: Extract<ConsoleSession, { signedIn: true }>) => ReactNode }) {
  const [session, setSession] = useState<ConsoleSession | 'loading' | 'failed'>('loading');

  useEffect(() => {
    fetch('/operaciones/session', { cache: 'no-store' })
      .then((res) => (res.ok ? (res.json() as Promise<ConsoleSession>) : Promise.reject(new Error(String(res.status)))))
      .then(setSession, () => setSession('failed'));
  }, []);

  if (session === 'loading') return <p aria-live="polite">{t.loading}</p>;
  if (session === 'failed') return <p role="alert">{t.unavailable}</p>;
  if (!session.signedIn) {
    return (
      <section aria-labelledby="console-title">
        <h1 id="console-title">{t.title}</h1>
        <p>{t.signedOut}</p>
        <a className="button" href={session.loginUrl}>
          {t.signIn}
        </a>
      </section>
    );
  }
  const { name, roles } = session.operator;
  return (
    <section aria-labelledby="console-title">
      <h1 id="console-title">{t.title}</h1>
      <div className="console-operator">
        <p>{format(t.signedInAs, { name })}</p>
        <p>
          {t.rolesLabel}: {roles.map((role) => t.roles[role] ?? role).join(', ')}
        </p>
        <form method="post" action="/operaciones/logout">
          <input type="hidden" name="csrf" value={session.csrfToken} />
          <button type="submit" className="button button--secondary">
            {t.signOut}
          </button>
        </form>
      </div>
      {children?.(session)}
    </section>
  );
}
