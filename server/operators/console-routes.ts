import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, sendJson } from '../http/io.js';
import type { Logger } from '../log.js';
import { appendCookie, readCookie, serializeCookie, type ConsoleAuth } from './console-auth.js';
import { htmlPage, sendHtml } from './console-pages.js';
import { CONSOLE_HOME, FLOW_TTL_SECONDS, SignInFailed, type OidcSignIn } from './oidc-sign-in.js';

/** The console's routes on SSPS's own server, before Next.js. */
export const CONSOLE_ROUTES = ['/operaciones/login', '/operaciones/callback', '/operaciones/logout', '/operaciones/session'] as const;

// Sent only to the callback, and gone once it has been read.
const FLOW_COOKIE = 'ssps-console-flow';
const FLOW_PATH = '/operaciones/callback';

export interface ConsoleRouteOptions {
  auth: ConsoleAuth;
  signIn: OidcSignIn;
  maxSeconds: number;
  log: Logger;
}

/**
 * GET /operaciones/login (to the provider; `returnTo` a console path), GET /operaciones/callback
 * (the provider's answer: a session, or a page saying why not), POST /operaciones/logout (with the
 * CSRF token), GET /operaciones/session (who is signed in, and the CSRF token, as JSON).
 * Nothing here logs a URL: the callback's carries the authorization code.
 */
export function consoleRoutes({ auth, signIn, maxSeconds, log }: ConsoleRouteOptions) {
  const secure = auth.publicUrl.startsWith('https:');

  async function login(req: IncomingMessage, res: ServerResponse, url: URL) {
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, { error: 'method not allowed' }, { allow: 'GET' });
    let started: { location: string; flow: string };
    try {
      started = await signIn.start(url.searchParams.get('returnTo') ?? CONSOLE_HOME);
    } catch (error) {
      return failed(res, error);
    }
    appendCookie(res, serializeCookie(FLOW_COOKIE, started.flow, { path: FLOW_PATH, maxAge: FLOW_TTL_SECONDS, secure }));
    res.writeHead(303, { location: started.location, 'content-length': '0' });
    res.end();
  }

  async function callback(req: IncomingMessage, res: ServerResponse, url: URL) {
    if (req.method !== 'GET') return sendJson(res, 405, { error: 'method not allowed' }, { allow: 'GET' });
    // The flow is spent whatever happens: a second try starts again.
    appendCookie(res, serializeCookie(FLOW_COOKIE, '', { path: FLOW_PATH, maxAge: 0, secure }));
    const callbackUrl = new URL(`${url.pathname}${url.search}`, auth.publicUrl);
    let result: Awaited<ReturnType<OidcSignIn['finish']>>;
    try {
      result = await signIn.finish(callbackUrl, readCookie(req, FLOW_COOKIE));
    } catch (error) {
      return failed(res, error);
    }
    if (!result.operator) {
      log.info('console sign-in refused: no console role');
      return sendHtml(res, 403, htmlPage('Sin acceso', NO_ROLE));
    }
    const { cookie } = await auth.sessions.start(result.operator);
    auth.setSessionCookie(res, cookie, maxSeconds);
    log.info({ roles: result.operator.roles }, 'console sign-in');
    res.writeHead(303, { location: result.returnTo, 'content-length': '0' });
    res.end();
  }

  async function logout(req: IncomingMessage, res: ServerResponse) {
    if (req.method !== 'POST') return sendJson(res, 405, { error: 'method not allowed' }, { allow: 'POST' });
    const cookie = auth.sessionCookie(req);
    // The page's form sends the token as a field; a script may send the header instead.
    const form = new URLSearchParams((await readBody(req, 4096)) ?? '');
    // A cookie that no longer opens ends nothing and needs no token: it is just cleared.
    if (cookie && auth.sessions.csrfTokenFor(cookie) !== null && !auth.csrfValid(req, cookie, form.get('csrf') ?? undefined)) {
      return sendHtml(res, 403, htmlPage('Sin verificar', CSRF_REFUSED));
    }
    if (cookie) await auth.sessions.end(cookie);
    auth.clearSessionCookie(res);
    res.writeHead(303, { location: CONSOLE_HOME, 'content-length': '0' });
    res.end();
  }

  async function session(req: IncomingMessage, res: ServerResponse) {
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, { error: 'method not allowed' }, { allow: 'GET' });
    const live = auth.sameOrigin(req) ? await auth.session(req) : null;
    if (!live) {
      if (auth.sessionCookie(req)) auth.clearSessionCookie(res);
      return sendJson(res, 200, { signedIn: false, loginUrl: '/operaciones/login' });
    }
    const { name, roles } = live.operator;
    return sendJson(res, 200, { signedIn: true, operator: { name, roles }, csrfToken: live.csrfToken });
  }

  function failed(res: ServerResponse, error: unknown) {
    if (!(error instanceof SignInFailed)) throw error;
    // The reason and the library's error code only: never the URL, which holds the code.
    log.warn({ reason: error.reason, err: error.cause }, 'console sign-in failed');
    if (error.reason === 'PROVIDER_UNAVAILABLE') return sendHtml(res, 503, htmlPage('Ingreso no disponible', PROVIDER_DOWN));
    return sendHtml(res, 400, htmlPage('Ingreso no completado', SIGN_IN_FAILED));
  }

  const routes: Record<(typeof CONSOLE_ROUTES)[number], (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>> = {
    '/operaciones/login': login,
    '/operaciones/callback': callback,
    '/operaciones/logout': logout,
    '/operaciones/session': session,
  };
  return (req: IncomingMessage, res: ServerResponse, url: URL) => routes[url.pathname as (typeof CONSOLE_ROUTES)[number]](req, res, url);
}

const AGAIN = '<a class="button" href="/operaciones/login">Ingresar de nuevo <span lang="en">/ Sign in again</span></a>';

const NO_ROLE = `<h1>No tiene acceso a la consola de operadores</h1>
<p>Su usuario no tiene el rol <code>ssps-operator</code> ni <code>ssps-supervisor</code>. Si debe trabajar en la consola, pida el rol al administrador de identidades de la entidad.</p>
<h2 lang="en">No access to the operators' console</h2>
<p lang="en">Your account holds neither the <code>ssps-operator</code> nor the <code>ssps-supervisor</code> role. If you should work in the console, ask the institution's identity administrator for it.</p>
<p><a href="/">Volver al inicio <span lang="en">/ Back to the home page</span></a></p>`;

const SIGN_IN_FAILED = `<h1>No se pudo completar el ingreso</h1>
<p>El ingreso venció, se abrió en otra pestaña o el proveedor de identidad lo rechazó. Vuelva a intentarlo.</p>
<p lang="en">The sign-in expired, was started in another tab, or the identity provider refused it. Please try again.</p>
${AGAIN}`;

const PROVIDER_DOWN = `<h1>El ingreso no está disponible</h1>
<p>El proveedor de identidad de la entidad no responde. Intente de nuevo en unos minutos.</p>
<p lang="en">The institution's identity provider does not answer. Please try again in a few minutes.</p>
${AGAIN}`;

const CSRF_REFUSED = `<h1>No se pudo verificar la petición</h1>
<p>Recargue la consola e intente salir de nuevo.</p>
<p lang="en">The request could not be verified. Reload the console and sign out again.</p>
<p><a class="button" href="/operaciones">Volver a la consola <span lang="en">/ Back to the console</span></a></p>`;
