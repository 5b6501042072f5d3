'use client';

import { cacheExchange, createClient, fetchExchange, ssrExchange, UrqlProvider } from '@urql/next';
import { useMemo, type ReactNode } from 'react';

/**
 * The pages' one way to the API: urql on same-origin /graphql. Always POST (preferGetMethod
 * false): an ID number or a CAPTCHA token must never travel in a URL, where logs keep it.
 */
export function GraphqlProvider({ children }: { children: ReactNode }) {
  const [client, ssr] = useMemo(() => {
    const ssr = ssrExchange({ isClient: typeof window !== 'undefined' });
    const client = createClient({
      url: '/graphql',
      exchanges: [cacheExchange, ssr, fetchExchange],
      preferGetMethod: false,
      suspense: true,
    });
    return [client, ssr];
  }, []);
  return (
    <UrqlProvider client={client} ssr={ssr}>
      {children}
    </UrqlProvider>
  );
}
