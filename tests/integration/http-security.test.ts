import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pagePolicy } from '../../server/http/security.js';
import { testDatabases } from '../support/databases.js';
import { startServer, type TestServer } from '../support/server.js';

const PORTAL = 'https://portal.example.com';
const FOREIGN = 'https://evil.example.net';
const TYPENAME = JSON.stringify({ query: '{ __typename }' });

function accessControlHeaders(res: Response): string[] {
  return [...res.headers.keys()].filter((name) => name.startsWith('access-control-'));
}

function expectHardened(res: Response): void {
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('x-frame-options')).toBe('DENY');
  expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
  // A JSON answer is no document: the headers that govern one are the pages' (tests/e2e/csp.test.ts).
  for (const pageOnly of ['referrer-policy', 'cross-origin-opener-policy', 'permissions-policy']) expect(res.headers.get(pageOnly), pageOnly).toBeNull();
  // Lookups name people: no browser or proxy cache may keep an API answer.
  expect(res.headers.get('cache-control')).toBe('no-store');
}

describe.each(testDatabases())('HTTP hardening on $name', (database) => {
  let proxied: TestServer & { dropDatabase: () => Promise<void> };
  let direct: TestServer;

  beforeAll(async () => {
    proxied = await startServer(database, { CORS_ORIGINS: `${PORTAL}, https://other-partner.example.org`, TRUST_PROXY: '1' });
    direct = await startServer(database, { TRUST_PROXY: '0' }, { url: proxied.databaseUrl });
  });
  afterAll(async () => {
    await direct?.close();
    await proxied?.close();
    await proxied?.dropDatabase();
  });

  const post = (server: TestServer, headers: Record<string, string> = {}, body = TYPENAME) =>
    fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  it('hardens every API response: /graphql, /captcha/challenge, /healthz, /readyz and a 404', async () => {
    const responses = await Promise.all([
      post(proxied),
      fetch(`${proxied.url}/captcha/challenge`),
      fetch(`${proxied.url}/healthz`),
      fetch(`${proxied.url}/readyz`),
      fetch(`${proxied.url}/no-such-page`),
      fetch(`${proxied.url}/captcha/challenge`, { method: 'POST' }),
    ]);
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 404, 405]);
    for (const res of responses) expectHardened(res);
  });

  it('sends HSTS only over TLS: X-Forwarded-Proto is believed from a trusted proxy and from no one else', async () => {
    const hsts = async (server: TestServer, headers: Record<string, string>) =>
      (await fetch(`${server.url}/healthz`, { headers })).headers.get('strict-transport-security');

    expect(await hsts(proxied, { 'x-forwarded-proto': 'https' })).toBe('max-age=31536000; includeSubDomains');
    expect(await hsts(proxied, { 'x-forwarded-proto': 'http' })).toBeNull();
    expect(await hsts(proxied, {})).toBeNull();
    expect(await hsts(direct, { 'x-forwarded-proto': 'https' })).toBeNull();
    expect((await post(proxied, { 'x-forwarded-proto': 'https' })).headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
  });

  it('lets a configured partner origin through CORS: preflight, then the request', async () => {
    const preflight = await fetch(`${proxied.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: PORTAL, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(PORTAL);
    expect(preflight.headers.get('access-control-allow-methods')).toBe('POST, GET, OPTIONS');
    expect(preflight.headers.get('access-control-allow-headers')).toBe('authorization, content-type, apollo-require-preflight');
    expect(preflight.headers.get('access-control-max-age')).toBe('600');
    expect(preflight.headers.get('vary')).toMatch(/\bOrigin\b/);
    expectHardened(preflight);

    const res = await post(proxied, { origin: PORTAL });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
    expect(res.headers.get('access-control-allow-origin')).toBe(PORTAL);
    expect(res.headers.get('vary')).toMatch(/\bOrigin\b/);
  });

  it('keeps CORS closed to any other origin: no Access-Control-* header, and its preflight refused', async () => {
    for (const origin of [FOREIGN, `${PORTAL}.evil.example.net`, 'http://portal.example.com', 'null']) {
      const preflight = await fetch(`${proxied.url}/graphql`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
      expect(preflight.status, origin).toBe(403);
      expect(accessControlHeaders(preflight), origin).toEqual([]);

      const res = await post(proxied, { origin });
      expect(accessControlHeaders(res), origin).toEqual([]);
    }
    // With no partner origin configured, no answer depends on Origin.
    expect((await post(direct, { origin: PORTAL })).headers.get('vary')).toBeNull();
    // With no partner configured, even the portal is a stranger.
    const closed = await fetch(`${direct.url}/graphql`, { method: 'OPTIONS', headers: { origin: PORTAL, 'access-control-request-method': 'POST' } });
    expect(closed.status).toBe(403);
    expect(accessControlHeaders(closed)).toEqual([]);
  });

  it('keeps working for our own pages: same origin, or no Origin at all', async () => {
    for (const headers of [{ origin: proxied.url }, {}] as Record<string, string>[]) {
      const res = await post(proxied, headers);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
    }
  });

  it('refuses a forged simple request (CSRF): text/plain POST, or GET without a preflight header', async () => {
    const plain = await post(proxied, { 'content-type': 'text/plain', origin: FOREIGN });
    expect(plain.status).toBe(400);
    expect(await plain.text()).toMatch(/Cross-Site Request Forgery/);
    expect(accessControlHeaders(plain)).toEqual([]);

    const form = await post(proxied, { 'content-type': 'application/x-www-form-urlencoded' }, 'query=%7B__typename%7D');
    expect(form.status).toBe(400);

    const query = `${proxied.url}/graphql?query=${encodeURIComponent('{ __typename }')}`;
    const get = await fetch(query);
    expect(get.status).toBe(400);
    expect(await get.text()).toMatch(/Cross-Site Request Forgery/);
    // The same GET with the header only a preflighted request can carry goes through.
    const preflighted = await fetch(query, { headers: { 'apollo-require-preflight': 'true' } });
    expect(preflighted.status).toBe(200);
    expect(await preflighted.json()).toEqual({ data: { __typename: 'Query' } });
  });
});

describe("the pages' policy", () => {
  const scriptSources = (policy: string) => policy.split('; ').find((d) => d.startsWith('script-src '))?.split(' ') ?? [];

  it("allows eval only to Next.js's development mode, and inline scripts never", () => {
    const built = scriptSources(pagePolicy('bm9uY2U=', false));
    const dev = scriptSources(pagePolicy('bm9uY2U=', true));
    expect(built).toEqual(['script-src', "'self'", "'nonce-bm9uY2U='", "'strict-dynamic'"]);
    expect(dev).toEqual([...built, "'unsafe-eval'"]);
  });
});
