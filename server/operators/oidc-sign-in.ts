import { randomBytes } from 'node:crypto';
import * as oidc from 'openid-client';
import { Sealer } from '../sealed.js';
import type { Operator, OperatorRole } from './operator.js';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string | undefined;
  /** `${SSPS_PUBLIC_URL}/operaciones/callback`. */
  redirectUri: string;
  scopes: string;
  /** The claim (or dotted path) that lists the person's roles. */
  rolesClaim: string;
  /** An http:// issuer is accepted outside production only (config.ts refuses it in production). */
  allowHttp: boolean;
}

/** Why a sign-in did not complete: the operator is asked to start again (or to wait, when the provider is down). */
export class SignInFailed extends Error {
  constructor(
    readonly reason: 'FLOW_MISSING' | 'PROVIDER_UNAVAILABLE' | 'REJECTED',
    cause?: unknown,
  ) {
    super(`sign-in failed: ${reason}`, { cause });
  }
}

// The flow cookie's sealed payload: the PKCE verifier, the state and the nonce (random bytes,
// sent base64url), and where to return (length, then the path, zero-padded).
export const VERIFIER_BYTES = 32;
const STATE_BYTES = 16;
const NONCE_BYTES = 16;
const RETURN_TO_BYTES = 256;
export const FLOW_BYTES = VERIFIER_BYTES + STATE_BYTES + NONCE_BYTES + 2 + RETURN_TO_BYTES;
export const FLOW_SEALER_INFO = 'ssps console sign-in flow';
/** How long an operator has between leaving for the provider and coming back. */
export const FLOW_TTL_SECONDS = 600;
export const CONSOLE_HOME = '/operaciones';

/**
 * The authorization code flow with PKCE, state and nonce (openid-client). What the callback needs
 * to check the answer — the PKCE verifier, the state, the nonce and where to return — travels in a
 * cookie sealed under SSPS_SECRET, so any instance can finish a sign-in another one started.
 */
export class OidcSignIn {
  private discovered: Promise<oidc.Configuration> | null = null;
  private readonly flowSealer: Sealer;

  constructor(
    private readonly settings: OidcSettings,
    secret: string,
  ) {
    this.flowSealer = new Sealer(secret, FLOW_SEALER_INFO, FLOW_BYTES, FLOW_TTL_SECONDS);
  }

  /** Where to send the operator's browser, and the flow cookie to set. */
  async start(returnTo: string): Promise<{ location: string; flow: string }> {
    const config = await this.configuration();
    const verifier = randomBytes(VERIFIER_BYTES);
    const state = randomBytes(STATE_BYTES);
    const nonce = randomBytes(NONCE_BYTES);
    const target = Buffer.alloc(RETURN_TO_BYTES);
    const length = target.write(safeReturnTo(returnTo));
    const payload = Buffer.concat([verifier, state, nonce, Buffer.from([length >> 8, length & 0xff]), target]);
    const location = oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.settings.redirectUri,
      scope: this.settings.scopes,
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier.toString('base64url')),
      code_challenge_method: 'S256',
      state: state.toString('base64url'),
      nonce: nonce.toString('base64url'),
    });
    return { location: location.href, flow: this.flowSealer.seal(payload) };
  }

  /**
   * Exchanges the callback's code (checking state, PKCE and nonce) and reads who signed in: the
   * operator, or null when the person holds neither console role; and where to return.
   */
  async finish(callbackUrl: URL, flow: string | null): Promise<{ operator: Operator | null; returnTo: string }> {
    const opened = flow ? this.flowSealer.open(flow) : null;
    if (!opened) throw new SignInFailed('FLOW_MISSING');
    const p = opened.payload;
    let offset = 0;
    const take = (n: number) => p.subarray(offset, (offset += n));
    const verifier = take(VERIFIER_BYTES).toString('base64url');
    const state = take(STATE_BYTES).toString('base64url');
    const nonce = take(NONCE_BYTES).toString('base64url');
    const length = take(2).readUInt16BE(0);
    const returnTo = safeReturnTo(take(RETURN_TO_BYTES).subarray(0, length).toString());
    const config = await this.configuration();
    let claims: Record<string, unknown>;
    try {
      const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, { pkceCodeVerifier: verifier, expectedState: state, expectedNonce: nonce, idTokenExpected: true });
      const idClaims: Record<string, unknown> = tokens.claims() ?? {};
      claims = { ...idClaims };
      const missing = !claimAt(idClaims, this.settings.rolesClaim) || (!idClaims.name && !idClaims.preferred_username);
      // Many providers put only `sub` in the ID token of a code flow and the rest in UserInfo.
      if (missing && config.serverMetadata().userinfo_endpoint) {
        const info = await oidc.fetchUserInfo(config, tokens.access_token, String(idClaims.sub));
        claims = { ...info, ...idClaims };
      }
    } catch (error) {
      throw new SignInFailed('REJECTED', error);
    }
    return { operator: operatorFromClaims(claims, this.settings.rolesClaim), returnTo };
  }

  /** The provider's metadata, discovered once (and again after a failure, so a provider that was down is found when it is back). */
  private configuration(): Promise<oidc.Configuration> {
    if (!this.discovered) {
      const { issuer, clientId, clientSecret, allowHttp } = this.settings;
      this.discovered = oidc
        .discovery(new URL(issuer), clientId, undefined, clientSecret ? oidc.ClientSecretPost(clientSecret) : oidc.None(), {
          execute: allowHttp && issuer.startsWith('http:') ? [oidc.allowInsecureRequests] : [],
          timeout: 10,
        })
        .catch((error: unknown) => {
          this.discovered = null;
          throw new SignInFailed('PROVIDER_UNAVAILABLE', error);
        });
    }
    return this.discovered;
  }
}

/** A path of the console to return to after signing in; anything else (another site, another page) is the console's home. */
export function safeReturnTo(value: string | null | undefined): string {
  if (!value || value.length > RETURN_TO_BYTES || Buffer.byteLength(value) > RETURN_TO_BYTES) return CONSOLE_HOME;
  if (!/^\/operaciones(?:[/?#]|$)/.test(value) || /[\\\s]|\/\//.test(value)) return CONSOLE_HOME;
  return value;
}

/**
 * The operator a token's claims describe: `oidc:<sub>`, the name from `name` (else
 * `preferred_username`), and the console roles; null without either role. A supervisor also
 * works the queue.
 */
export function operatorFromClaims(claims: Record<string, unknown>, rolesClaim: string): Operator | null {
  const sub = typeof claims.sub === 'string' ? claims.sub : '';
  if (!sub) return null;
  const value = claimAt(claims, rolesClaim);
  const granted = Array.isArray(value) ? value.filter((r): r is string => typeof r === 'string') : typeof value === 'string' ? value.split(/[\s,]+/) : [];
  const roles: OperatorRole[] = granted.includes('ssps-supervisor') ? ['ssps-operator', 'ssps-supervisor'] : granted.includes('ssps-operator') ? ['ssps-operator'] : [];
  if (roles.length === 0) return null;
  const named = [claims.name, claims.preferred_username].find((v): v is string => typeof v === 'string' && v.trim() !== '');
  return { id: `oidc:${sub}`, name: (named ?? sub).trim().slice(0, 200), roles, via: 'session' };
}

function claimAt(claims: Record<string, unknown>, path: string): unknown {
  // A claim whose own name holds dots (as some providers' URL-named claims do) is read as it is first.
  if (path in claims) return claims[path];
  return path.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), claims);
}
