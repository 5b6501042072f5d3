'use client';

import { cacheExchange, createClient, fetchExchange, mapExchange, ssrExchange, UrqlProvider, type CombinedError } from '@urql/next';
import { useMemo, type ReactNode } from 'react';

/** The console's own way back in: sign in again, then return to the page the session ended on. */
export function signInAgainUrl(pathname: string): string {
  return `/operaciones/login?returnTo=${encodeURIComponent(pathname)}`;
}

/** An ended session (signed out elsewhere, idle, too old) answers UNAUTHENTICATED; so does a console request with no session at all. */
export function sessionEnded(error: CombinedError): boolean {
  return error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
}

/**
 * urql for the console's screens: the session cookie travels by itself (same origin); the CSRF
 * token of /operaciones/session goes in `x-csrf-token` on every request, without which the
 * server ignores the cookie. Not suspended: the screens show their own loading states, and a
 * suspending query mounted afresh would send itself again. A request refused because the session
 * ended calls `onSessionEnded` (which sends the operator to sign in again).
 */
export function ConsoleGraphql({ csrfToken, onSessionEnded, children }: { csrfToken: string; onSessionEnded: () => void; children: ReactNode }) {
  const [client, ssr] = useMemo(() => {
    const ssr = ssrExchange({ isClient: typeof window !== 'undefined' });
    const client = createClient({
      url: '/graphql',
      exchanges: [
        cacheExchange,
        mapExchange({
          onError(error) {
            if (sessionEnded(error)) onSessionEnded();
          },
        }),
        ssr,
        fetchExchange,
      ],
      preferGetMethod: false,
      suspense: false,
      fetchOptions: { headers: { 'x-csrf-token': csrfToken } },
    });
    return [client, ssr];
  }, [csrfToken, onSessionEnded]);
  return (
    <UrqlProvider client={client} ssr={ssr}>
      {children}
    </UrqlProvider>
  );
}
