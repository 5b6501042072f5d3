import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsoleSession } from '../../entities/index.js';
import { FLOW_BYTES, FLOW_SEALER_INFO, VERIFIER_BYTES } from '../../server/operators/oidc-sign-in.js';
import { Sealer } from '../../server/sealed.js';
import { testDatabases } from '../support/databases.js';
import { CookieJar, startTestProvider, type TestProvider } from '../support/oidc.js';
import { freePort, startCompiledServer } from '../support/process.js';
import { capturedLog, startServer, TEST_SECRET, type StartedServer } from '../support/server.js';

const HISTORY = `query ($n: String!) { requestHistory(requestNumber: $n) { move actor } }`;
const COOKIE = 'ssps-console';

// The test provider's people: the roles travel in a `groups` claim (OIDC_ROLES_CLAIM=groups).
const ACCOUNTS = {
  'op-1': { password: 'clave-op', name: 'Marta Operaria', groups: ['ssps-operator', 'otro-sistema'] },
  'sup-1': { password: 'clave-sup', preferred_username: 'jefe.turno', groups: ['ssps-supervisor'] },
  'none-1': { password: 'clave-none', name: 'Sin Rol', groups: ['contabilidad'] },
};

/**
 * Follows a sign-in as a browser would: SSPS's login, the provider's form, back to the callback.
 * Returns the callback's answer, or (`stopAtCallback`) the callback URL without visiting it.
 */
async function signIn(baseUrl: string, jar: CookieJar, username: string, password: string, { returnTo, stopAtCallback = false }: { returnTo?: string; stopAtCallback?: boolean } = {}) {
  const start = await jar.fetch(`${baseUrl}/operaciones/login${returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : ''}`);
  expect(start.status).toBe(303);
  const form = await jar.follow(start.headers.get('location')!);
  expect(form.res.status).toBe(200);
  const toCallback = await jar.follow(
    form.url,
    { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ username, password }) },
    (next) => next.startsWith(`${baseUrl}/operaciones/callback`),
  );
  expect(toCallback.url).toMatch(/\/operaciones\/callback\?.*code=/);
  if (stopAtCallback) return { callbackUrl: toCallback.url, res: toCallback.res };
  return { callbackUrl: toCallback.url, res: await jar.fetch(toCallback.url) };
}

async function sessionOf(baseUrl: string, jar: CookieJar) {
  const res = await jar.fetch(`${baseUrl}/operaciones/session`);
  expect(res.status).toBe(200);
  return (await res.json()) as { signedIn: boolean; operator?: { name: string; roles: string[] }; csrfToken?: string };
}

describe.each(testDatabases())('signing in to the operators\' console on $name', (database) => {
  let idp: TestProvider;
  let server: StartedServer;
  let base: string;
  const logged = capturedLog();

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    idp = await startTestProvider(`${base}/operaciones/callback`, ACCOUNTS);
    server = await startServer(
      database,
      { PORT: String(port), SSPS_PUBLIC_URL: base, OIDC_ISSUER: idp.issuer, OIDC_CLIENT_ID: idp.clientId, OIDC_CLIENT_SECRET: idp.clientSecret, OIDC_ROLES_CLAIM: 'groups' },
      undefined,
      { log: logged.log },
    );
  });
  afterAll(async () => {
    await server?.close();
    await server?.dropDatabase();
    await idp?.close();
  });

  /** A GraphQL request as the console's page sends it: the jar's cookie, the CSRF header, our Origin. */
  const consoleGql = (jar: CookieJar, csrf: string | undefined, headers: Record<string, string> = {}) =>
    server.gql<{ requestHistory: { move: string }[] }>(HISTORY, { n: '434070' }, { cookie: jar.header(base), origin: base, ...(csrf === undefined ? {} : { 'x-csrf-token': csrf }), ...headers });

  it('signs an operator in: a session cookie, the name and roles from the token, and operator queries with the CSRF token', async () => {
    const jar = new CookieJar();
    const { res, callbackUrl } = await signIn(base, jar, 'op-1', 'clave-op', { returnTo: '/operaciones/cola?estado=pago' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/operaciones/cola?estado=pago');
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith(`${COOKIE}=`))!;
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).not.toMatch(/Secure/); // SSPS_PUBLIC_URL is http here
    expect(setCookie).toMatch(/Max-Age=36000/);

    const session = await sessionOf(base, jar);
    expect(session).toMatchObject({ signedIn: true, operator: { name: 'Marta Operaria', roles: ['ssps-operator'] } });
    const history = await consoleGql(jar, session.csrfToken);
    expect(history.errors).toBeUndefined();
    expect(history.data?.requestHistory).toEqual(expect.any(Array));
    // The same query without the session is an anonymous caller's, and refused.
    expect((await server.gql(HISTORY, { n: '434070' })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

    // The protocol's code sits in the callback's URL; our log never writes it.
    const code = new URL(callbackUrl).searchParams.get('code')!;
    expect(logged.text()).toContain('console sign-in');
    expect(logged.text()).not.toContain(code);
    expect(logged.text()).not.toContain('Marta');
  });

  it('gives a supervisor both roles, named by preferred_username when the token has no name', async () => {
    const jar = new CookieJar();
    expect((await signIn(base, jar, 'sup-1', 'clave-sup')).res.headers.get('location')).toBe('/operaciones');
    expect(await sessionOf(base, jar)).toMatchObject({ signedIn: true, operator: { name: 'jefe.turno', roles: ['ssps-operator', 'ssps-supervisor'] } });
  });

  it('turns away a person without a console role: a page saying why, and no session', async () => {
    const jar = new CookieJar();
    const { res } = await signIn(base, jar, 'none-1', 'clave-none');
    expect(res.status).toBe(403);
    const page = await res.text();
    expect(page).toContain('No tiene acceso a la consola de operadores');
    expect(page).toContain("No access to the operators' console");
    expect(jar.get(base, COOKIE)).toBeUndefined();
    expect(await server.ssps.db.run((ds) => ds.getRepository(ConsoleSession).countBy({ operatorId: 'oidc:none-1' }))).toBe(0);
  });

  it('does not authenticate the cookie without its CSRF token, and refuses a wrong token or another origin', async () => {
    const jar = new CookieJar();
    await signIn(base, jar, 'op-1', 'clave-op');
    const { csrfToken } = await sessionOf(base, jar);

    const noHeader = await consoleGql(jar, undefined);
    expect(noHeader.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(noHeader.errors?.[0].message).toMatch(/consola de operadores/);

    const wrong = await consoleGql(jar, `${csrfToken!.slice(0, -2)}xx`);
    expect(wrong.status).toBe(403);
    expect(wrong.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN', reason: 'CSRF' } });
    expect(wrong.errors?.[0].message).toMatch(/token CSRF/);

    const foreign = await consoleGql(jar, csrfToken, { origin: 'https://evil.example' });
    expect(foreign.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN', reason: 'CSRF' } });

    // The public lookup still works for a signed-in operator's browser, which sends the cookie without the header.
    const publicQuery = await server.gql('{ certificateTypes { code } }', {}, { cookie: jar.header(base) });
    expect(publicQuery.errors).toBeUndefined();
  });

  it('refuses a forged or altered cookie', async () => {
    const jar = new CookieJar();
    await signIn(base, jar, 'op-1', 'clave-op');
    const { csrfToken } = await sessionOf(base, jar);
    const real = jar.get(base, COOKIE)!;
    const altered = `${real.slice(0, 10)}${real[10] === 'A' ? 'B' : 'A'}${real.slice(11)}`;
    const forgedJar = new CookieJar();
    for (const value of [altered, randomBytes(Math.floor(real.length * 0.75)).toString('base64url'), 'x']) {
      forgedJar.set(base, COOKIE, value);
      const res = await consoleGql(forgedJar, csrfToken);
      expect(res.errors?.[0].extensions?.code, value).toBe('UNAUTHENTICATED');
      expect((await sessionOf(base, forgedJar)).signedIn).toBe(false);
    }
  });

  it('ends a session idle past CONSOLE_IDLE_MINUTES, and one past its absolute lifetime', async () => {
    for (const column of ['lastSeenAt', 'expiresAt'] as const) {
      const jar = new CookieJar();
      await signIn(base, jar, 'op-1', 'clave-op');
      const { csrfToken } = await sessionOf(base, jar);
      expect((await consoleGql(jar, csrfToken)).errors).toBeUndefined();
      // Time passes: the session was last used 16 minutes ago (idle timeout 15), or its 10 hours are up.
      const past = new Date(Date.now() - (column === 'lastSeenAt' ? 16 * 60_000 : 1_000));
      await server.ssps.db.run((ds) => ds.getRepository(ConsoleSession).createQueryBuilder().update().set({ [column]: past }).where('operator_id = :id', { id: 'oidc:op-1' }).execute());
      const res = await consoleGql(jar, csrfToken);
      expect(res.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED', reason: 'SESSION_ENDED' } });
      expect(res.errors?.[0].message).toMatch(/terminó/);
      expect((await sessionOf(base, jar)).signedIn).toBe(false);
    }
  });

  it('signs out for real: the old cookie, replayed, is refused', async () => {
    const jar = new CookieJar();
    await signIn(base, jar, 'op-1', 'clave-op');
    const { csrfToken } = await sessionOf(base, jar);
    const oldCookie = jar.get(base, COOKIE)!;

    const noToken = await jar.fetch(`${base}/operaciones/logout`, { method: 'POST', headers: { origin: base } });
    expect(noToken.status).toBe(403);
    expect((await sessionOf(base, jar)).signedIn).toBe(true);

    const out = await jar.fetch(`${base}/operaciones/logout`, {
      method: 'POST',
      headers: { origin: base, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf: csrfToken! }),
    });
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/operaciones');
    expect(jar.get(base, COOKIE)).toBeUndefined();

    const replay = new CookieJar();
    replay.set(base, COOKIE, oldCookie);
    const res = await consoleGql(replay, csrfToken);
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await sessionOf(base, replay)).signedIn).toBe(false);
  });

  it('refuses a callback whose state, PKCE verifier or flow cookie does not match', async () => {
    // Another browser's answer (its code and state) delivered to this one: the state does not match.
    const victim = new CookieJar();
    await victim.fetch(`${base}/operaciones/login`);
    const attacker = new CookieJar();
    const { callbackUrl } = await signIn(base, attacker, 'op-1', 'clave-op', { stopAtCallback: true });
    const crossed = await victim.fetch(callbackUrl);
    expect(crossed.status).toBe(400);
    expect(await crossed.text()).toContain('No se pudo completar el ingreso');
    expect(victim.get(base, COOKIE)).toBeUndefined();

    // No flow cookie at all.
    const bare = await new CookieJar().fetch(callbackUrl);
    expect(bare.status).toBe(400);

    // The right state and nonce, but another PKCE verifier: the provider refuses the code.
    const jar = new CookieJar();
    const second = await signIn(base, jar, 'op-1', 'clave-op', { stopAtCallback: true });
    const sealer = new Sealer(TEST_SECRET, FLOW_SEALER_INFO, FLOW_BYTES, 600);
    const flow = sealer.open(jar.get(base, 'ssps-console-flow')!)!.payload;
    const tampered = Buffer.concat([randomBytes(VERIFIER_BYTES), flow.subarray(VERIFIER_BYTES)]);
    jar.set(base, 'ssps-console-flow', sealer.seal(tampered));
    const pkce = await jar.fetch(second.callbackUrl);
    expect(pkce.status).toBe(400);
    expect(jar.get(base, COOKIE)).toBeUndefined();

    // The same answer with its own flow succeeds once, and only once.
    const honest = new CookieJar();
    const third = await signIn(base, honest, 'op-1', 'clave-op', { stopAtCallback: true });
    const flowCookie = honest.get(base, 'ssps-console-flow')!;
    expect((await honest.fetch(third.callbackUrl)).status).toBe(303);
    honest.set(base, 'ssps-console-flow', flowCookie);
    expect((await honest.fetch(third.callbackUrl)).status).toBe(400);
  });

  it('keeps API keys working for machines, whatever cookie comes along', async () => {
    const { key } = await server.ssps.partners.create('robot-cola', { role: 'operator', ratePerMinute: 1000 });
    const res = await server.gql(HISTORY, { n: '434070' }, { authorization: `Bearer ${key}`, cookie: `${COOKIE}=basura` });
    expect(res.errors).toBeUndefined();
  });
});

describe("the operators' console out of the box", () => {
  it('runs the development provider under the npm start defaults, and its demo supervisor signs in', async () => {
    // No OIDC_ISSUER, no SSPS_PUBLIC_URL, no NODE_ENV: the embedded start (pages off: they are the browser test's).
    const server = await startCompiledServer({ SSPS_WEB: '0', CAPTCHA_COST: '50' });
    try {
      const base = server.url.replace('127.0.0.1', 'localhost'); // the default SSPS_PUBLIC_URL
      const discovery = await fetch(`${base}/dev-oidc/.well-known/openid-configuration`);
      expect(discovery.status).toBe(200);
      expect(((await discovery.json()) as { issuer: string }).issuer).toBe(`${base}/dev-oidc`);

      const jar = new CookieJar();
      const { res } = await signIn(base, jar, 'andres', 'supervisor-demo');
      expect(res.status).toBe(303);
      expect(await sessionOf(base, jar)).toMatchObject({ signedIn: true, operator: { name: 'Andrés Supervisor', roles: ['ssps-operator', 'ssps-supervisor'] } });

      // A wrong password stays on the form.
      const other = new CookieJar();
      const start = await other.fetch(`${base}/operaciones/login`);
      const form = await other.follow(start.headers.get('location')!);
      const wrong = await other.fetch(form.url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'username=andres&password=nope' });
      expect(wrong.status).toBe(401);
      expect(await wrong.text()).toContain('Usuario o contraseña incorrectos');
    } finally {
      await server.stop();
    }
  });

  it.each(testDatabases())('has no console in production without OIDC_ISSUER ($name)', async (database) => {
    const server = await startServer(database, { NODE_ENV: 'production' });
    try {
      for (const path of ['/operaciones/login', '/operaciones/session', '/operaciones/callback?code=x&state=y', '/operaciones', '/dev-oidc/.well-known/openid-configuration']) {
        expect((await fetch(`${server.url}${path}`)).status, path).toBe(404);
      }
      expect((await fetch(`${server.url}/operaciones/logout`, { method: 'POST' })).status).toBe(404);
    } finally {
      await server.close();
      await server.dropDatabase();
    }
  });
});
