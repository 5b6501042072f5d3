import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.js';
import { projectRoot } from '../../server/paths.js';

const SECRET = 'k'.repeat(40);
let dataDir: string;

beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'ssps-config-'));
});
afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

/** loadConfig reads a plain object; NODE_ENV may be left out (it defaults to development). */
function asEnv(vars: Record<string, string>): NodeJS.ProcessEnv {
  return vars as unknown as NodeJS.ProcessEnv;
}
function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return asEnv({ SSPS_SECRET: SECRET, SSPS_DATA_DIR: dataDir, ...extra });
}

/** The ConfigError loadConfig throws; fails the test when it does not throw one. */
function configError(e: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(e);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    const message = (err as ConfigError).message;
    expect(message).toMatch(/^Invalid configuration: /);
    expect(message).not.toMatch(/[\r\n]/);
    return err as ConfigError;
  }
  throw new Error('loadConfig did not throw');
}

describe('loadConfig: DATABASE_URL', () => {
  it('defaults to sqlite in the data directory', () => {
    expect(loadConfig(env()).database).toEqual({ kind: 'sqlite', path: path.join(dataDir, 'ssps.sqlite') });
  });

  it('takes a sqlite: path, absolute or relative to the project', () => {
    expect(loadConfig(env({ DATABASE_URL: 'sqlite:/tmp/x.sqlite' })).database).toEqual({ kind: 'sqlite', path: '/tmp/x.sqlite' });
    expect(loadConfig(env({ DATABASE_URL: 'sqlite:///tmp/x.sqlite' })).database).toEqual({ kind: 'sqlite', path: '/tmp/x.sqlite' });
    expect(loadConfig(env({ DATABASE_URL: 'sqlite:./data/x.sqlite' })).database).toEqual({
      kind: 'sqlite',
      path: path.resolve(projectRoot, 'data/x.sqlite'),
    });
  });

  it('takes a mysql:// or mariadb:// URL', () => {
    expect(loadConfig(env({ DATABASE_URL: 'mysql://root@127.0.0.1:3306/test' })).database).toEqual({
      kind: 'mysql',
      url: 'mysql://root@127.0.0.1:3306/test',
    });
    expect(loadConfig(env({ DATABASE_URL: 'mariadb://root@db:3306/ssps' })).database).toEqual({
      kind: 'mysql',
      url: 'mysql://root@db:3306/ssps',
    });
  });

  it.each(['postgres://x', 'mysql://', 'mysql://root@127.0.0.1:3306', 'mysql://root@127.0.0.1:3306/', 'sqlite:'])(
    'rejects %j on one line naming DATABASE_URL',
    (url) => {
      expect(configError(env({ DATABASE_URL: url })).message).toContain('DATABASE_URL');
    },
  );

  it('does not echo a password from a rejected URL', () => {
    expect(configError(env({ DATABASE_URL: 'postgres://app:hunter2@db/ssps' })).message).not.toContain('hunter2');
    expect(configError(env({ DATABASE_URL: 'mysql://app:hunter2@db' })).message).not.toContain('hunter2');
  });
});

describe('loadConfig: SSPS_SECRET', () => {
  it('uses the given secret', () => {
    expect(loadConfig(env()).secret).toBe(SECRET);
  });

  it('requires a secret in production, even when a development secret file exists', () => {
    writeFileSync(path.join(dataDir, 'secret'), `${'d'.repeat(64)}\n`);
    const e = asEnv({ NODE_ENV: 'production', SSPS_DATA_DIR: dataDir });
    expect(configError(e).message).toContain('SSPS_SECRET');
  });

  it('generates a development secret once, keeps it in <dataDir>/secret and reuses it', () => {
    const e = asEnv({ NODE_ENV: 'development', SSPS_DATA_DIR: dataDir });
    const first = loadConfig(e).secret;
    expect(first.length).toBeGreaterThanOrEqual(32);
    const file = path.join(dataDir, 'secret');
    expect(readFileSync(file, 'utf8').trim()).toBe(first);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadConfig(e).secret).toBe(first);
  });

  it('creates a missing data directory for the development secret', () => {
    const nested = path.join(dataDir, 'a', 'b');
    const secret = loadConfig(asEnv({ SSPS_DATA_DIR: nested })).secret;
    expect(readFileSync(path.join(nested, 'secret'), 'utf8').trim()).toBe(secret);
  });

  it('rejects a secret shorter than 32 characters', () => {
    expect(configError(env({ SSPS_SECRET: 'k'.repeat(31) })).message).toContain('SSPS_SECRET');
  });
});

describe('loadConfig: other variables', () => {
  it.each(['abc', '70000', '-1', '80.5'])('rejects PORT=%s naming PORT', (port) => {
    expect(configError(env({ PORT: port })).message).toContain('PORT');
  });

  it('reports several problems on the same line', () => {
    const message = configError(env({ PORT: 'abc', DATABASE_URL: 'postgres://x' })).message;
    expect(message).toContain('PORT');
    expect(message).toContain('DATABASE_URL');
  });

  it('takes a storage quota of documents (10 GiB unless set) no smaller than the largest document', () => {
    expect(loadConfig(env()).documentsQuotaBytes).toBe(10_737_418_240);
    expect(loadConfig(env({ DOCUMENTS_QUOTA_BYTES: '1073741824' })).documentsQuotaBytes).toBe(1_073_741_824);
    expect(configError(env({ DOCUMENTS_QUOTA_BYTES: 'mucho' })).message).toContain('DOCUMENTS_QUOTA_BYTES');
    expect(configError(env({ DOCUMENTS_QUOTA_BYTES: '1000000' })).message).toContain('DOCUMENTS_QUOTA_BYTES: must be at least DOCUMENT_MAX_BYTES');
  });

  it('reads numbers and flags from strings', () => {
    const config = loadConfig(env({ PORT: '8080', SSPS_DEMO_DATA: 'no', CAPTCHA_COST: '100' }));
    expect(config.port).toBe(8080);
    expect(config.demoData).toBe(false);
    expect(config.captcha.cost).toBe(100);
    expect(config.dataDir).toBe(dataDir);
  });
});

describe("loadConfig: the operators' console", () => {
  const IDP = { OIDC_ISSUER: 'https://login.example.com/realms/ssps', OIDC_CLIENT_ID: 'ssps', OIDC_CLIENT_SECRET: 's3cr3t' };

  it('runs the development provider outside production, at http://localhost:<port> unless SSPS_PUBLIC_URL says otherwise', () => {
    const console = loadConfig(env({ PORT: '8080' })).console;
    expect(console).toMatchObject({ publicUrl: 'http://localhost:8080', provider: { kind: 'development' }, rolesClaim: 'roles', idleSeconds: 900, maxSeconds: 36_000 });
    expect(loadConfig(env({ SSPS_PUBLIC_URL: 'https://ssps.example.com/' })).console.publicUrl).toBe('https://ssps.example.com');
  });

  it("uses the institution's provider when OIDC_ISSUER is set, and has no console in production without it", () => {
    expect(loadConfig(env({ ...IDP, CONSOLE_IDLE_MINUTES: '5', CONSOLE_MAX_HOURS: '8' })).console).toMatchObject({
      provider: { kind: 'oidc', issuer: IDP.OIDC_ISSUER, clientId: 'ssps', clientSecret: 's3cr3t' },
      idleSeconds: 300,
      maxSeconds: 28_800,
    });
    expect(loadConfig(env({ NODE_ENV: 'production', CA_CERT_FILE: 'ca.crt', CA_KEY_FILE: 'ca.key' })).console.provider).toBeNull();
  });

  it('refuses a public URL with a path, an issuer without a client, and in production an http issuer or a missing SSPS_PUBLIC_URL', () => {
    expect(configError(env({ SSPS_PUBLIC_URL: 'https://ssps.example.com/consola' })).message).toContain('SSPS_PUBLIC_URL: expected the origin');
    expect(configError(env({ OIDC_ISSUER: IDP.OIDC_ISSUER })).message).toContain('OIDC_CLIENT_ID: required with OIDC_ISSUER');
    expect(configError(env({ ...IDP, NODE_ENV: 'production' })).message).toContain('SSPS_PUBLIC_URL: required in production with OIDC_ISSUER');
    expect(configError(env({ ...IDP, OIDC_ISSUER: 'http://login.example.com', NODE_ENV: 'production', SSPS_PUBLIC_URL: 'https://ssps.example.com' })).message).toContain(
      'OIDC_ISSUER: must be https:// in production',
    );
    expect(configError(env({ CONSOLE_IDLE_MINUTES: '0' })).message).toContain('CONSOLE_IDLE_MINUTES');
  });
});

describe('loadConfig: paying', () => {
  it('has demo prices, IVA 19 %, a demo bank account, a fictional issuer and no Wompi secret by default', () => {
    const { payments } = loadConfig(env());
    expect(payments).toMatchObject({ vatPercent: 19, defaultPriceCop: 200_000, linkTemplate: null, wompiEventsSecret: null, issuer: { name: 'Certicámara S.A.', nit: '900000001-2' } });
    expect(payments.pricesCop.PERSONA_NATURAL).toBe(160_000);
  });

  it('reads CODE=pesos pairs, and names the variable of a bad value', () => {
    expect(loadConfig(env({ CERTIFICATE_PRICES_COP: 'PERSONA_NATURAL=99000, PERSONA_JURIDICA=1' })).payments.pricesCop).toEqual({ PERSONA_NATURAL: 99_000, PERSONA_JURIDICA: 1 });
    expect(configError(env({ CERTIFICATE_PRICES_COP: 'PERSONA_NATURAL=99.000' })).message).toMatch(/CERTIFICATE_PRICES_COP: "PERSONA_NATURAL=99.000" is not CODE=pesos/);
    expect(configError(env({ INVOICE_ISSUER_NIT: '900123456-7' })).message).toMatch(/INVOICE_ISSUER_NIT: the check digit/);
    expect(configError(env({ PAYMENT_LINK_TEMPLATE: 'http://pagos.example.com/{reference}' })).message).toMatch(/PAYMENT_LINK_TEMPLATE: expected an https:\/\/ link/);
    expect(configError(env({ VAT_PERCENT: '19.5' })).message).toMatch(/VAT_PERCENT/);
  });
});

describe('loadConfig: the issuing CA and the download links', () => {
  it('generates the CA under the data directory outside production, and links live 72 hours unless DOWNLOAD_TTL_HOURS says otherwise', () => {
    expect(loadConfig(env())).toMatchObject({ ca: { kind: 'generated', dir: path.join(dataDir, 'ca') }, downloadTtlHours: 72 });
    expect(loadConfig(env({ DOWNLOAD_TTL_HOURS: '24' })).downloadTtlHours).toBe(24);
    expect(configError(env({ DOWNLOAD_TTL_HOURS: '0' })).message).toContain('DOWNLOAD_TTL_HOURS');
  });

  it('takes the CA from CA_CERT_FILE and CA_KEY_FILE (both or neither), and requires them in production', () => {
    expect(loadConfig(env({ CA_CERT_FILE: '/etc/ssps/ca.crt', CA_KEY_FILE: '/etc/ssps/ca.key' })).ca).toEqual({ kind: 'files', certFile: '/etc/ssps/ca.crt', keyFile: '/etc/ssps/ca.key', chainFile: null });
    expect(configError(env({ CA_CERT_FILE: '/etc/ssps/ca.crt' })).message).toContain('CA_KEY_FILE');
    expect(configError(env({ NODE_ENV: 'production' })).message).toContain('CA_CERT_FILE, CA_KEY_FILE: required in production');
  });
});
