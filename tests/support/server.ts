import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { generateDevelopmentCa } from '../../server/certificates/issuing-ca.js';
import { createSsps, type Ssps } from '../../server/app.js';
import { loadConfig, type Config } from '../../server/config.js';
import { seed } from '../../server/demo/seed.js';
import { createLogger, type Logger } from '../../server/log.js';
import type { TestDatabase } from './databases.js';

export const TEST_SECRET = 'test-secret-0123456789abcdef0123456789abcdef';

export interface TestServer {
  url: string;
  /** The DATABASE_URL of its database: start a second instance on it to act as one more behind a load balancer. */
  databaseUrl: string;
  ssps: Ssps;
  config: Config;
  gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GqlResponse<T>>;
  close(): Promise<void>;
}

export interface GqlResponse<T> {
  status: number;
  data: T | null | undefined;
  errors?: { message: string; extensions?: Record<string, unknown> & { code?: string } }[];
}

/** The real server (API only, no Next.js), on a fresh database, listening on a free port. */
export async function startServer(
  database: TestDatabase,
  env: Record<string, string> = {},
  existing?: { url: string },
  { waitForDatabase = true, log }: { waitForDatabase?: boolean; log?: Logger } = {},
): Promise<TestServer & { dropDatabase: () => Promise<void> }> {
  const created = existing ? { url: existing.url, drop: async () => {} } : await database.create();
  // Production needs the issuing CA's files (config.ts): a test CA stands for the authority's.
  if (env.NODE_ENV === 'production' && !env.CA_CERT_FILE) env = { ...env, ...(await testCaFiles()) };
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: created.url,
    SSPS_SECRET: TEST_SECRET,
    SSPS_WEB: '0',
    SSPS_DEMO_DATA: '1',
    CAPTCHA_COST: '50',
    CAPTCHA_MAX_COUNTER: '20',
    LOG_LEVEL: 'silent',
    // Generous by default; the rate-limit tests set their own.
    RATE_LIMIT_LOOKUP_IP: '10000/1m',
    RATE_LIMIT_LOOKUP_IDENTITY: '10000/1m',
    RATE_LIMIT_DETAIL_IP: '10000/1m',
    RATE_LIMIT_CHALLENGE_IP: '10000/1m',
    RATE_LIMIT_DRAFT_IP: '10000/1m',
    RATE_LIMIT_CODE_EMAIL: '10000/1m',
    RATE_LIMIT_CAPTCHA_FAILURES_IP: '10000/1m',
    ...env,
  });
  const ssps = await createSsps(config, log ?? createLogger(config.logLevel));
  const address = await ssps.listen();
  if (waitForDatabase) {
    await ssps.db.start();
    // The embedded database seeds itself at start; MySQL gets the same scenarios explicitly.
    // Seeding is many statements: it gets more than a lookup's deadline on a busy machine.
    if (config.database.kind === 'mysql' && config.demoData) await ssps.db.run((ds) => seed(ds), 60_000);
  }
  const url = `http://127.0.0.1:${address.port}`;
  return {
    url,
    databaseUrl: created.url,
    ssps,
    config,
    gql: async (query, variables, headers = {}) => {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, ...((await res.json()) as object) } as GqlResponse<never>;
    },
    close: () => ssps.close(),
    dropDatabase: created.drop,
  };
}

export type StartedServer = TestServer & { dropDatabase: () => Promise<void> };

/** The server's logger at its most talkative, writing to memory: what it would have written to stdout. */
export function capturedLog(): { log: Logger; text: () => string } {
  const lines: string[] = [];
  return { log: createLogger('trace', { write: (line: string) => void lines.push(line) }), text: () => lines.join('') };
}

/**
 * For a test file: the real server on a fresh database, started before the file's tests and
 * closed (its database dropped) after. The value stands for the server once `beforeAll` ran.
 */
export function serverFor(database: TestDatabase, env: Record<string, string> = {}, { log }: { log?: Logger } = {}): StartedServer {
  let started: StartedServer | undefined;
  beforeAll(async () => {
    started = await startServer(database, env, undefined, { log });
  });
  afterAll(async () => {
    await started?.close();
    await started?.dropDatabase();
  });
  return new Proxy({} as StartedServer, {
    get(_target, key) {
      if (!started) throw new Error('the server starts in beforeAll');
      return started[key as keyof StartedServer];
    },
  });
}

let testCa: Promise<Record<string, string>> | undefined;

/** CA_CERT_FILE and CA_KEY_FILE of a CA made once per test process, for servers started in production. */
export function testCaFiles(): Promise<Record<string, string>> {
  testCa ??= (async () => {
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'ssps-test-ca-')), 'ca');
    await generateDevelopmentCa(dir, 'SSPS pruebas');
    return { CA_CERT_FILE: path.join(dir, 'ca.crt'), CA_KEY_FILE: path.join(dir, 'ca.key') };
  })();
  return testCa;
}
