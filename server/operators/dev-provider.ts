import { createHash, generateKeyPair, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import Provider, { interactionPolicy, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { readBody } from '../http/io.js';
import type { Logger } from '../log.js';
import { escapeHtml } from '../html.js';
import { htmlPage, sendHtml } from './console-pages.js';

/** Where the development provider is mounted on SSPS's own server. */
export const DEV_OIDC_PATH = '/dev-oidc';
const CLIENT_ID = 'ssps-console';

interface DemoAccount {
  password: string;
  name: string;
  roles: string[];
}

/** The demo operators (README, The operators' console); fictional people, development only. */
export const DEMO_ACCOUNTS: Record<string, DemoAccount> = {
  laura: { password: 'operadora-demo', name: 'Laura Operadora', roles: ['ssps-operator'] },
  andres: { password: 'supervisor-demo', name: 'Andrés Supervisor', roles: ['ssps-supervisor'] },
  pedro: { password: 'visitante-demo', name: 'Pedro Visitante', roles: [] },
};

export interface DevelopmentProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Every request under /dev-oidc. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

/**
 * A development OpenID provider (oidc-provider) inside SSPS, so `npm start` lets a newcomer sign
 * in to the console with the demo operators; the console signs in through it exactly as through
 * the institution's. Never in production (config.ts gives no provider there without OIDC_ISSUER).
 * It asks for the password at every sign-in, so one can switch between the demo operators.
 * Built on first use: a start that never opens the console pays nothing for it.
 */
export function developmentProvider(publicUrl: string, redirectUri: string, log: Logger): DevelopmentProvider {
  const issuer = `${publicUrl}${DEV_OIDC_PATH}`;
  const clientSecret = randomBytes(32).toString('base64url');
  let provider: Promise<Provider> | undefined;
  const started = () => (provider ??= createProvider(issuer, redirectUri, clientSecret));

  return {
    issuer,
    clientId: CLIENT_ID,
    clientSecret,
    async handle(req, res) {
      const oidc = await started();
      const path = (req.url ?? '/').slice(DEV_OIDC_PATH.length).split('?')[0];
      if (path.startsWith('/interaction/')) return interaction(oidc, req, res, log);
      // Mounted under a prefix: oidc-provider reads the prefix from originalUrl (as under Express).
      Object.assign(req, { originalUrl: req.url, url: req.url!.slice(DEV_OIDC_PATH.length) || '/' });
      await new Promise<void>((resolve) => {
        res.once('close', resolve);
        res.once('finish', resolve);
        void oidc.callback()(req, res);
      });
    },
  };
}

async function createProvider(issuer: string, redirectUri: string, clientSecret: string): Promise<Provider> {
  const { privateKey } = await promisify(generateKeyPair)('rsa', { modulusLength: 2048 });
  const policy = interactionPolicy.base();
  // Ask at every sign-in, whatever the provider remembers of the browser.
  policy.get('login')!.checks.add(new interactionPolicy.Check('dev_every_time', 'the development provider asks every time', (ctx) => !ctx.oidc.result?.login));
  const configuration: Configuration = {
    clients: [{ client_id: CLIENT_ID, client_secret: clientSecret, redirect_uris: [redirectUri], token_endpoint_auth_method: 'client_secret_post' }],
    jwks: { keys: [{ ...(privateKey.export({ format: 'jwk' }) as Record<string, string>), kid: 'dev', alg: 'RS256', use: 'sig' }] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    claims: { openid: ['sub'], profile: ['name', 'preferred_username', 'roles'] },
    findAccount: (_ctx, id) => {
      const account = DEMO_ACCOUNTS[id];
      if (!account) return undefined;
      return { accountId: id, claims: () => ({ sub: id, name: account.name, preferred_username: id, roles: account.roles }) };
    },
    features: { devInteractions: { enabled: false } },
    ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    interactions: { policy, url: (_ctx, interaction) => `${DEV_OIDC_PATH}/interaction/${interaction.uid}` },
    // SSPS is this provider's only client: its sign-in needs no consent screen.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const clientId = ctx.oidc.client!.clientId;
      const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session!.grantIdFor(clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId, accountId: ctx.oidc.session!.accountId });
      grant.addOIDCScope('openid profile');
      await grant.save();
      return grant;
    },
  };
  return new Provider(issuer, configuration);
}

/** The login form of an interaction: GET shows it, POST checks the demo password. */
async function interaction(provider: Provider, req: IncomingMessage, res: ServerResponse, log: Logger): Promise<void> {
  try {
    await provider.interactionDetails(req, res);
  } catch {
    return sendHtml(res, 400, devPage('<p>Este ingreso ya no es válido. <a href="/operaciones/login">Vuelva a empezar</a>.</p><p lang="en">This sign-in is no longer valid. <a href="/operaciones/login">Start again</a>.</p>'));
  }
  if (req.method === 'GET') return sendHtml(res, 200, devPage(form(req.url!)));
  if (req.method !== 'POST') return sendHtml(res, 405, devPage('<p>Método no permitido.</p>'));
  const body = new URLSearchParams((await readBody(req, 4096)) ?? '');
  const username = (body.get('username') ?? '').trim().toLowerCase();
  const account = DEMO_ACCOUNTS[username];
  if (!account || !samePassword(account.password, body.get('password') ?? '')) {
    return sendHtml(res, 401, devPage(form(req.url!, 'Usuario o contraseña incorrectos. / Wrong username or password.')));
  }
  log.info('development provider: demo sign-in');
  await provider.interactionFinished(req, res, { login: { accountId: username } }, { mergeWithLastSubmission: false });
}

function samePassword(expected: string, given: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(expected), digest(given));
}

function form(action: string, error?: string): string {
  return `<h1>Proveedor de identidad de desarrollo</h1>
<p>Solo para desarrollo: ingrese como uno de los operadores de demostración (README). <span lang="en">Development only: sign in as one of the demo operators.</span></p>
${error ? `<p role="alert" class="error">${escapeHtml(error)}</p>` : ''}
<form method="post" action="${escapeHtml(action)}">
  <label for="username">Usuario <span lang="en">(username)</span></label>
  <input id="username" name="username" autocomplete="username" required autofocus>
  <label for="password">Contraseña <span lang="en">(password)</span></label>
  <input id="password" name="password" type="password" autocomplete="current-password" required>
  <button type="submit">Ingresar</button>
</form>`;
}

function devPage(body: string): string {
  return htmlPage('Ingreso de desarrollo', body);
}
