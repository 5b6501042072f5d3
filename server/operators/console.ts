import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { Logger } from '../log.js';
import { ConsoleAuth } from './console-auth.js';
import { consoleRoutes } from './console-routes.js';
import { ConsoleSessions } from './console-session.js';
import { developmentProvider } from './dev-provider.js';
import { OidcSignIn } from './oidc-sign-in.js';
import type { Operator } from './operator.js';

type Route = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>;

/** The operators' console's sign-in, as the rest of SSPS sees it. */
export interface OperatorConsole {
  /** The CONSOLE_ROUTES (login, callback, logout, session); undefined in production without OIDC_ISSUER, where /operaciones answers 404. */
  routes: Route | undefined;
  /** The development provider under /dev-oidc, when SSPS runs it. */
  devProvider: Route | undefined;
  /** Who is signed in for any request (reads need the session; anything else its CSRF token too), or null. */
  operatorFromRequest(req: IncomingMessage): Promise<Operator | null>;
  /** For /graphql's context: see ConsoleAuth.graphqlOperator. */
  graphqlOperator(req: IncomingMessage): Promise<Operator | null>;
  purgeExpired(): Promise<number>;
}

export function createConsole(config: Config, db: Database, log: Logger): OperatorConsole {
  const { provider, publicUrl, rolesClaim, scopes, idleSeconds, maxSeconds } = config.console;
  if (!provider) {
    return { routes: undefined, devProvider: undefined, operatorFromRequest: async () => null, graphqlOperator: async () => null, purgeExpired: async () => 0 };
  }
  const redirectUri = `${publicUrl}/operaciones/callback`;
  const dev = provider.kind === 'development' ? developmentProvider(publicUrl, redirectUri, log) : undefined;
  const { issuer, clientId, clientSecret } = dev ?? (provider as Extract<typeof provider, { kind: 'oidc' }>);
  const signIn = new OidcSignIn({ issuer, clientId, clientSecret, redirectUri, scopes, rolesClaim, allowHttp: config.env !== 'production' }, config.secret);
  const sessions = new ConsoleSessions(db, config.secret, { idleSeconds, maxSeconds });
  const auth = new ConsoleAuth(sessions, publicUrl);
  return {
    routes: consoleRoutes({ auth, signIn, maxSeconds, log }),
    devProvider: dev && ((req, res) => dev.handle(req, res)),
    operatorFromRequest: (req) => auth.operatorFromRequest(req),
    graphqlOperator: (req) => auth.graphqlOperator(req),
    purgeExpired: () => sessions.purgeExpired(),
  };
}
