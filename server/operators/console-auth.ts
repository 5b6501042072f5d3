import type { IncomingMessage, ServerResponse } from 'node:http';
import { Forbidden, Unauthenticated } from '../refusals.js';
import type { ConsoleSessions, LiveSession } from './console-session.js';
import type { Operator } from './operator.js';

export const CSRF_HEADER = 'x-csrf-token';

/**
 * Who is signed in to the console, for any request: the session cookie (HttpOnly, SameSite=Lax,
 * Secure over https, `__Host-` prefixed there), and for anything but a read the CSRF token in
 * `x-csrf-token` and an Origin, when the browser sends one, equal to SSPS_PUBLIC_URL.
 */
export class ConsoleAuth {
  readonly cookieName: string;
  private readonly secure: boolean;

  constructor(
    readonly sessions: ConsoleSessions,
    readonly publicUrl: string,
  ) {
    this.secure = publicUrl.startsWith('https:');
    // __Host-: the browser keeps it only if Secure, for the whole site and no other domain.
    this.cookieName = this.secure ? '__Host-ssps-console' : 'ssps-console';
  }

  sessionCookie(req: IncomingMessage): string | null {
    return readCookie(req, this.cookieName);
  }

  setSessionCookie(res: ServerResponse, value: string, maxAgeSeconds: number): void {
    appendCookie(res, serializeCookie(this.cookieName, value, { path: '/', maxAge: maxAgeSeconds, secure: this.secure }));
  }

  clearSessionCookie(res: ServerResponse): void {
    appendCookie(res, serializeCookie(this.cookieName, '', { path: '/', maxAge: 0, secure: this.secure }));
  }

  /** True when the request carries no Origin (not every client sends one) or ours. */
  sameOrigin(req: IncomingMessage): boolean {
    const origin = req.headers.origin;
    return origin === undefined || origin === this.publicUrl;
  }

  /** The request's CSRF token, from the header (or a form's field, passed by the caller). */
  csrfValid(req: IncomingMessage, cookie: string, formToken?: string): boolean {
    const header = req.headers[CSRF_HEADER];
    const token = typeof header === 'string' ? header : formToken;
    return token !== undefined && this.sameOrigin(req) && this.sessions.csrfMatches(cookie, token);
  }

  /** The live session of the request's cookie (its idle timer moved forward), or null. */
  async session(req: IncomingMessage): Promise<LiveSession | null> {
    const cookie = this.sessionCookie(req);
    return cookie ? this.sessions.resume(cookie) : null;
  }

  /**
   * The operator signed in to the console, for any route: a read (GET, HEAD) needs the session
   * alone — SameSite=Lax keeps other sites' subrequests from carrying the cookie — and anything
   * else the CSRF token and our origin too. Null when nobody is, or the request does not qualify.
   */
  async operatorFromRequest(req: IncomingMessage): Promise<Operator | null> {
    const cookie = this.sessionCookie(req);
    if (!cookie || !this.sameOrigin(req)) return null;
    const read = req.method === 'GET' || req.method === 'HEAD';
    if (!read && !this.csrfValid(req, cookie)) return null;
    return (await this.sessions.resume(cookie))?.operator ?? null;
  }

  /**
   * The console operator behind a /graphql request. A cookie without the CSRF header does not
   * authenticate: the request goes on as anonymous (the public pages, which never send it, keep
   * working for a signed-in operator). With the header, a wrong token or a foreign Origin is
   * refused (Forbidden) and a session that ended (signed out, idle, too old, forged) is
   * Unauthenticated, so the console can send its operator to sign in again.
   */
  async graphqlOperator(req: IncomingMessage): Promise<Operator | null> {
    const cookie = this.sessionCookie(req);
    const header = req.headers[CSRF_HEADER];
    if (!cookie || header === undefined) return null;
    if (!this.sameOrigin(req)) throw new Forbidden('CSRF');
    if (this.sessions.csrfTokenFor(cookie) === null) throw new Unauthenticated('SESSION_ENDED');
    if (!this.csrfValid(req, cookie)) throw new Forbidden('CSRF');
    const live = await this.sessions.resume(cookie);
    if (!live) throw new Unauthenticated('SESSION_ENDED');
    return live.operator;
  }
}

/** One cookie's value from the Cookie header (RFC 6265, section 5.4), or null. */
export function readCookie(req: IncomingMessage, name: string): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  for (const pair of header.split(';')) {
    const eq = pair.indexOf('=');
    if (eq !== -1 && pair.slice(0, eq).trim() === name) return pair.slice(eq + 1).trim() || null;
  }
  return null;
}

export function serializeCookie(name: string, value: string, options: { path: string; maxAge: number; secure: boolean }): string {
  return [`${name}=${value}`, `Path=${options.path}`, `Max-Age=${options.maxAge}`, 'HttpOnly', 'SameSite=Lax', ...(options.secure ? ['Secure'] : [])].join('; ');
}

export function appendCookie(res: ServerResponse, cookie: string): void {
  const existing = res.getHeader('set-cookie');
  const list = Array.isArray(existing) ? existing : typeof existing === 'string' ? [existing] : [];
  res.setHeader('set-cookie', [...list, cookie]);
}
