'use client';

import Link from 'next/link';
import { useCallback, useState } from 'react';
import type { Messages } from '../i18n';
import { ActivityScreen } from './ActivityScreen';
import { ConsoleGraphql, signInAgainUrl } from './ConsoleGraphql';
import { ConsoleShell, type ConsoleSession } from './ConsoleShell';
import { QueueScreen } from './QueueScreen';
import { RequestScreen } from './RequestScreen';

export type ConsoleScreen = { name: 'queue' } | { name: 'request'; requestNumber: string } | { name: 'activity' };

/**
 * A console page: the shell (who is signed in), the console's navigation, and one screen, its
 * GraphQL requests carrying the session's CSRF token. When the session has ended the operator is
 * told so and sent to sign in again, back to this page afterwards.
 */
export function ConsoleFrame({ t, screen }: { t: Messages; screen: ConsoleScreen }) {
  const [ended, setEnded] = useState(false);
  const onSessionEnded = useCallback(() => {
    setEnded(true);
    window.location.assign(signInAgainUrl(window.location.pathname));
  }, []);
  return (
    <ConsoleShell t={t.console}>
      {(session: Extract<ConsoleSession, { signedIn: true }>) =>
        ended ? (
          <p role="alert" className="alert">
            {t.console.sessionEnded}
          </p>
        ) : (
          <ConsoleGraphql csrfToken={session.csrfToken} onSessionEnded={onSessionEnded}>
            <nav className="console-nav" aria-label={t.console.nav.label}>
              <Link href="/operaciones" aria-current={screen.name === 'queue' ? 'page' : undefined}>
                {t.console.nav.queue}
              </Link>
              <Link href="/operaciones/actividad" aria-current={screen.name === 'activity' ? 'page' : undefined}>
                {t.console.nav.activity}
              </Link>
            </nav>
            {screen.name === 'queue' && <QueueScreen t={t} />}
            {screen.name === 'request' && <RequestScreen t={t} session={session} requestNumber={screen.requestNumber} />}
            {screen.name === 'activity' && <ActivityScreen t={t} />}
          </ConsoleGraphql>
        )
      }
    </ConsoleShell>
  );
}
