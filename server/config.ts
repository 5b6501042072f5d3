import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { nitCheckDigit } from '../graphql/id-number.js';
import { loadLegalTexts, type LegalTexts } from './applications/legal-texts.js';
import { projectRoot } from './paths.js';

/** Where a new request starts: SSPS's own application page, or an external site (the manual's was …/SSPS/Solicitudes/Login.aspx). */
export const DEFAULT_NEW_REQUEST_URL = '/solicitud';

/** Demo prices before IVA, in pesos (CERTIFICATE_PRICES_COP). */
const DEFAULT_PRICES =
  'PERSONA_NATURAL=160000,PROFESIONAL_TITULADO=180000,PERTENENCIA_EMPRESA=200000,REPRESENTANTE_LEGAL=220000,FUNCION_PUBLICA=200000,PERSONA_JURIDICA=250000';

export type DatabaseConfig =
  | { kind: 'sqlite'; path: string }
  | { kind: 'mysql'; url: string };

const flag = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no'])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

export interface RateRule {
  points: number;
  seconds: number;
}

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** "20/10m": 20 per 10 minutes. */
const rate = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((v, ctx): RateRule => {
      const m = /^(\d+)\/(\d*)([smhd])$/.exec(v.trim());
      const points = m ? Number(m[1]) : NaN;
      const seconds = m ? Number(m[2] || 1) * UNITS[m[3]] : NaN;
      if (!m || points < 1 || seconds < 1) {
        ctx.addIssue({ code: 'custom', message: 'expected <count>/<period>, e.g. 20/10m (s, m, h or d)' });
        return z.NEVER;
      }
      return { points, seconds };
    });

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .transform((v, ctx): DatabaseConfig | undefined => {
      if (!v) return undefined;
      if (v.startsWith('sqlite:')) {
        const file = v.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
        if (!file) {
          ctx.addIssue({ code: 'custom', message: 'sqlite: needs a file path, e.g. sqlite:./data/ssps.sqlite' });
          return z.NEVER;
        }
        return { kind: 'sqlite', path: path.resolve(projectRoot, file) };
      }
      if (/^(mysql|mariadb):\/\//.test(v)) {
        try {
          const url = new URL(v.replace(/^mariadb:/, 'mysql:'));
          if (!url.hostname || url.pathname.length < 2) throw new Error('incomplete');
          return { kind: 'mysql', url: url.toString() };
        } catch {
          ctx.addIssue({ code: 'custom', message: 'expected mysql://user:password@host:3306/database' });
          return z.NEVER;
        }
      }
      ctx.addIssue({ code: 'custom', message: 'must start with sqlite: or mysql:// (e.g. mysql://user:password@host:3306/database)' });
      return z.NEVER;
    }),
  SSPS_DEMO_DATA: flag.default(true),
  SSPS_SECRET: z.string().min(32, 'must be at least 32 characters (e.g. `openssl rand -hex 32`)').optional(),
  SSPS_DATA_DIR: z.string().default('data'),
  /** The institution's terms and data-protection policy (terminos.es.txt …); the built-in legal/ texts otherwise. */
  SSPS_LEGAL_DIR: z.string().optional(),
  NEW_REQUEST_URL: z
    .string()
    .trim()
    .default(DEFAULT_NEW_REQUEST_URL)
    .refine((v) => /^\/(?!\/)/.test(v) || /^https?:\/\/[^\s]+$/.test(v), 'a path on this site (/solicitud) or an http(s) URL'),
  SSPS_ORG_NAME: z.string().trim().min(1).max(120).default('Certicámara S.A.'),
  SSPS_CALL_CENTER_BOGOTA: z.string().trim().min(1).max(40).default('7442727'),
  SSPS_CALL_CENTER_NATIONAL: z.string().trim().min(1).max(40).default('018000181531'),
  SSPS_BRAND_COLOR: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a #rrggbb colour').default('#0b4f8a'),
  SSPS_ACCENT_COLOR: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a #rrggbb colour').default('#c8102e'),
  CAPTCHA_COST: z.coerce.number().int().min(1).max(1_000_000).default(5_000),
  CAPTCHA_MAX_COUNTER: z.coerce.number().int().min(1).max(1_000_000).default(300),
  CAPTCHA_TTL_SECONDS: z.coerce.number().int().min(10).max(86_400).default(600),
  HANDLE_TTL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(1_800),
  DB_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(1_500),
  DB_READ_BATCH: z.coerce.number().int().min(1).max(32).default(16),
  MAX_BODY_BYTES: z.coerce.number().int().min(1_024).max(10_485_760).default(102_400),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: z
    .string()
    .default('0')
    .transform((v, ctx) => {
      if (/^(false|no)$/i.test(v)) return 0;
      if (/^(true|yes)$/i.test(v)) return 1;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0 || n > 10) {
        ctx.addIssue({ code: 'custom', message: 'true, false, or the number of proxies in front (0-10)' });
        return z.NEVER;
      }
      return n;
    }),
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((v, ctx) => {
      const origins = v.split(',').map((o) => o.trim()).filter(Boolean);
      for (const origin of origins) {
        let parsed: URL | null = null;
        try {
          parsed = new URL(origin);
        } catch {
          parsed = null;
        }
        if (!parsed || parsed.origin !== origin) {
          ctx.addIssue({ code: 'custom', message: `"${origin}" is not an origin like https://portal.example.com` });
          return z.NEVER;
        }
      }
      return origins;
    }),
  METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  METRICS_TOKEN: z.string().min(24, 'at least 24 characters (a random token: openssl rand -hex 24)').optional(),
  OTEL_EXPORTER_OTLP_ENDPOINT: z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || /^https?:\/\/[^\s]+$/.test(v), 'expected the OTLP/HTTP collector, like http://otel-collector:4318'),
  DOCUMENT_STORE: z.enum(['database', 'files']).default('database'),
  AUDIT_QUEUE_MAX: z.coerce.number().int().min(1).max(1_000_000).default(50_000),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(60_000).default(5_000),
  REDIS_URL: z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || /^rediss?:\/\//.test(v), 'expected redis://host:6379'),
  // Sized for an office of 20 behind one address (README, Rate limits).
  RATE_LIMIT_LOOKUP_IP: rate('100/10m'),
  RATE_LIMIT_LOOKUP_IDENTITY: rate('20/1h'),
  RATE_LIMIT_DETAIL_IP: rate('300/10m'),
  RATE_LIMIT_CHALLENGE_IP: rate('200/10m'),
  RATE_LIMIT_CAPTCHA_FAILURES_IP: rate('50/10m'),
  RATE_LIMIT_DRAFT_IP: rate('20/1h'),
  RATE_LIMIT_CODE_EMAIL: rate('10/1d'),
  PARTNER_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(600),
  AUDIT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3_650).default(365),
  LOOKUP_SECOND_FACTOR: z.enum(['none', 'order-number']).default('none'),
  SMTP_URL: z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || /^smtps?:\/\//.test(v), 'expected smtp://user:password@host:587 or smtps://…'),
  SMTP_FROM: z.string().trim().min(3).default('SSPS <no-responder@localhost>'),
  DOCUMENT_MAX_BYTES: z.coerce.number().int().min(10_240).max(52_428_800).default(5_242_880),
  DOCUMENTS_QUOTA_BYTES: z.coerce.number().int().min(10_240).default(10_737_418_240),
  SSPS_WEB: flag.default(true),
  GRAPHQL_FAST_PATH: flag.default(true),
  SSPS_WEB_DEV: flag.default(false),
  SSPS_PUBLIC_URL: z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || isOrigin(v), 'expected the origin operators reach, like https://ssps.example.com (no path)'),
  OIDC_ISSUER: z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || /^https?:\/\/[^\s]+$/.test(v), "expected the identity provider's issuer URL, like https://login.example.com/realms/ssps"),
  OIDC_CLIENT_ID: z.string().trim().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_ROLES_CLAIM: z.string().trim().regex(/^[\w:/-]+(\.[\w:/-]+)*$/, 'a claim name, or a dotted path such as realm_access.roles').default('roles'),
  OIDC_SCOPES: z.string().trim().regex(/(^|\s)openid(\s|$)/, 'must include openid').default('openid profile'),
  CONSOLE_IDLE_MINUTES: z.coerce.number().int().min(1).max(720).default(15),
  CONSOLE_MAX_HOURS: z.coerce.number().int().min(1).max(24).default(10),
  CERTIFICATE_PRICES_COP: z
    .string()
    .default(DEFAULT_PRICES)
    .transform((v, ctx) => {
      const prices: Record<string, number> = {};
      for (const pair of v.split(',').map((p) => p.trim()).filter(Boolean)) {
        const m = /^([A-Z][A-Z0-9_]{0,39})=(\d{1,9})$/.exec(pair);
        if (!m) {
          ctx.addIssue({ code: 'custom', message: `"${pair}" is not CODE=pesos, e.g. PERSONA_NATURAL=160000` });
          return z.NEVER;
        }
        prices[m[1]] = Number(m[2]);
      }
      return prices;
    }),
  CERTIFICATE_PRICE_DEFAULT_COP: z.coerce.number().int().min(0).max(999_999_999).default(200_000),
  VAT_PERCENT: z.coerce.number().int().min(0).max(100).default(19),
  PAYMENT_BANK_ACCOUNT: z.string().trim().max(300).default('Bancolombia, cuenta corriente 000-000000-00 (cuenta de demostración)'),
  PAYMENT_LINK_TEMPLATE: z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || /^https:\/\/[^\s]+$/.test(v), 'expected an https:// link, with {reference} and {amountInCents} or {amountCop} where they go'),
  INVOICE_ISSUER_NAME: z.string().trim().min(1).max(120).optional(),
  INVOICE_ISSUER_NIT: z.string().trim().regex(/^\d{6,10}-\d$/, 'a NIT with its check digit, e.g. 900123456-8')
    .refine((v) => nitCheckDigit(v.split('-')[0]) === Number(v.split('-')[1]), "the check digit does not match the NIT (DIAN's rule)")
    .default('900000001-2'),
  INVOICE_ISSUER_ADDRESS: z.string().trim().min(1).max(200).default('Calle 00 # 00-00, Bogotá D.C., Colombia'),
  WOMPI_EVENTS_SECRET: z.string().min(8, 'the events secret from Wompi\'s dashboard (Desarrolladores → Secretos)').optional(),
  CA_CERT_FILE: z.string().trim().optional(),
  CA_KEY_FILE: z.string().trim().optional(),
  CA_CHAIN_FILE: z.string().trim().optional(),
  DOWNLOAD_TTL_HOURS: z.coerce.number().int().min(1).max(720).default(72),
})
  .refine((e) => !e.CA_CERT_FILE === !e.CA_KEY_FILE, { path: ['CA_KEY_FILE'], message: 'CA_CERT_FILE and CA_KEY_FILE go together (the issuing CA\'s certificate and its private key, PEM)' })
  .refine((e) => !e.CA_CHAIN_FILE || e.CA_CERT_FILE, { path: ['CA_CHAIN_FILE'], message: 'needs CA_CERT_FILE and CA_KEY_FILE' })
  .refine((e) => e.DOCUMENTS_QUOTA_BYTES >= e.DOCUMENT_MAX_BYTES, { path: ['DOCUMENTS_QUOTA_BYTES'], message: 'must be at least DOCUMENT_MAX_BYTES' })
  .refine((e) => !e.OIDC_ISSUER || e.OIDC_CLIENT_ID, { path: ['OIDC_CLIENT_ID'], message: 'required with OIDC_ISSUER' })
  .refine((e) => e.NODE_ENV !== 'production' || !e.OIDC_ISSUER || e.SSPS_PUBLIC_URL, { path: ['SSPS_PUBLIC_URL'], message: 'required in production with OIDC_ISSUER (the origin operators reach, e.g. https://ssps.example.com)' })
  .refine((e) => e.NODE_ENV !== 'production' || !e.OIDC_ISSUER || e.OIDC_ISSUER.startsWith('https://'), { path: ['OIDC_ISSUER'], message: 'must be https:// in production' });

function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return /^https?:$/.test(url.protocol) && url.origin === value.replace(/\/$/, '');
  } catch {
    return false;
  }
}

/** What the pages show of the institution; published to app/ by the server (see app/site.ts). */
export interface SiteSettings {
  orgName: string;
  newRequestUrl: string;
  callCenter: { bogota: string; national: string };
  colors: { brand: string; accent: string };
  /** The terms and the data-protection policy, versioned, as /terminos and /privacidad show them. */
  legal: LegalTexts;
}

export interface Config {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  database: DatabaseConfig;
  demoData: boolean;
  secret: string;
  dataDir: string;
  site: SiteSettings;
  /** Where applicants and operators reach SSPS (SSPS_PUBLIC_URL, an origin): the origin of links in e-mails and of the console's sign-in. */
  publicUrl: string;
  captcha: { cost: number; maxCounter: number; ttlSeconds: number };
  handleTtlSeconds: number;
  dbTimeoutMs: number;
  /** The most concurrent lookups (or details) one round trip to MySQL/MariaDB answers; 1: each alone. */
  dbReadBatch: number;
  maxBodyBytes: number;
  logLevel: string;
  /** Counters live in Redis when set, otherwise in the database. */
  redisUrl: string | undefined;
  /** Prometheus's /metrics: on a port of its own, or on the main port behind a bearer token; neither, no /metrics. */
  metrics: { port: number | null; token: string | null };
  /** OpenTelemetry spans go to this OTLP/HTTP collector when set. */
  otlpEndpoint: string | undefined;
  /** On SIGTERM, how long /readyz answers 503 before the server stops taking connections (the load balancer's time to notice). */
  shutdownGraceMs: number;
  rateLimits: { lookupIp: RateRule; lookupIdentity: RateRule; detailIp: RateRule; challengeIp: RateRule; captchaFailureIp: RateRule; draftIp: RateRule; codeEmail: RateRule; partnerPerMinute: number };
  auditRetentionDays: number;
  /** Unwritten audit entries past which lookups are refused (SERVICE_UNAVAILABLE) until the audit catches up. */
  auditQueueMax: number;
  /** order-number: a request's detail also needs its order number (see README). */
  secondFactor: 'none' | 'order-number';
  /** E-mails of the outbox go out through this SMTP server; unset, they stay in the outbox table. */
  smtp: { url: string; from: string } | null;
  /** Where documents' bytes live: the database every instance shares (default), or files under the data directory (one instance, or a shared file system). */
  documentStore: 'database' | 'files';
  /** Largest supporting document accepted (bytes). */
  documentMaxBytes: number;
  /** Total bytes of stored documents past which uploads are refused (507). */
  documentsQuotaBytes: number;
  /** How many reverse proxies in front append to X-Forwarded-For; 0 trusts none (the socket's address is the client). */
  trustProxy: number;
  /** Partner portals' origins allowed to call /graphql from a browser; CORS is closed to every other. */
  corsOrigins: string[];
  /** The operators' console: sign-in through OpenID Connect and its sessions (README, The operators' console). */
  console: ConsoleConfig;
  /** Prices, how to pay, the invoice's issuer and the payment provider's events (server/payments/). */
  payments: PaymentsConfig;
  /**
   * The built-in issuing CA (server/certificates/): its certificate and key from files
   * (CA_CERT_FILE, CA_KEY_FILE, and CA_CHAIN_FILE for the CAs above it), or, outside
   * production only, generated once under the data directory.
   */
  ca: { kind: 'files'; certFile: string; keyFile: string; chainFile: string | null } | { kind: 'generated'; dir: string };
  /** How long a delivered certificate's download link lives (DOWNLOAD_TTL_HOURS). */
  downloadTtlHours: number;
  web: boolean;
  /** Operations compiled and run by the fast path (server/graphql/jit.ts); off: graphql-js's interpreter, Apollo's plain path. */
  graphqlFastPath: boolean;
  /** Next.js in development mode (compiles pages on request, hot reload): `npm run dev`. */
  webDev: boolean;
}

export interface PaymentsConfig {
  /** Prices before IVA by certificate type code, in pesos; a type not listed costs `defaultPriceCop`. */
  pricesCop: Record<string, number>;
  defaultPriceCop: number;
  vatPercent: number;
  bankAccount: string;
  /** An https link with {reference}, {amountInCents} and {amountCop} substituted (a PSE or checkout link); null when none. */
  linkTemplate: string | null;
  issuer: { name: string; nit: string; address: string };
  /** Wompi's events secret: without it POST /payments/wompi/events refuses every event. */
  wompiEventsSecret: string | null;
}

export interface ConsoleConfig {
  /** The origin operators reach (SSPS_PUBLIC_URL): the redirect URI's and the CSRF check's. */
  publicUrl: string;
  /**
   * The identity provider: the institution's (OIDC_ISSUER), the development one SSPS runs
   * itself (outside production without OIDC_ISSUER), or none, and then the console is off.
   */
  provider: { kind: 'oidc'; issuer: string; clientId: string; clientSecret: string | undefined } | { kind: 'development' } | null;
  rolesClaim: string;
  scopes: string;
  idleSeconds: number;
  maxSeconds: number;
}

export class ConfigError extends Error {}

/** Reads the environment once; every problem is reported on one line naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (SSPS_SECRET= copied from .env.example) means "not set".
  const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(projectRoot, e.SSPS_DATA_DIR);
  const secret = e.SSPS_SECRET ?? developmentSecret(e.NODE_ENV, dataDir);
  if (e.NODE_ENV === 'production' && !e.CA_CERT_FILE) {
    throw new ConfigError("Invalid configuration: CA_CERT_FILE, CA_KEY_FILE: required in production (the issuing CA's certificate and private key, PEM files; see README, Certificates)");
  }
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    database: e.DATABASE_URL ?? { kind: 'sqlite', path: path.join(dataDir, 'ssps.sqlite') },
    demoData: e.SSPS_DEMO_DATA,
    secret,
    dataDir,
    site: {
      orgName: e.SSPS_ORG_NAME,
      newRequestUrl: e.NEW_REQUEST_URL,
      callCenter: { bogota: e.SSPS_CALL_CENTER_BOGOTA, national: e.SSPS_CALL_CENTER_NATIONAL },
      colors: { brand: e.SSPS_BRAND_COLOR, accent: e.SSPS_ACCENT_COLOR },
      legal: loadLegalTexts(e.SSPS_LEGAL_DIR ? path.resolve(projectRoot, e.SSPS_LEGAL_DIR) : undefined),
    },
    publicUrl: (e.SSPS_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    captcha: { cost: e.CAPTCHA_COST, maxCounter: e.CAPTCHA_MAX_COUNTER, ttlSeconds: e.CAPTCHA_TTL_SECONDS },
    handleTtlSeconds: e.HANDLE_TTL_SECONDS,
    dbTimeoutMs: e.DB_TIMEOUT_MS,
    dbReadBatch: e.DB_READ_BATCH,
    maxBodyBytes: e.MAX_BODY_BYTES,
    logLevel: e.LOG_LEVEL,
    redisUrl: e.REDIS_URL || undefined,
    metrics: { port: e.METRICS_PORT ?? null, token: e.METRICS_TOKEN ?? null },
    otlpEndpoint: e.OTEL_EXPORTER_OTLP_ENDPOINT || undefined,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    rateLimits: {
      lookupIp: e.RATE_LIMIT_LOOKUP_IP,
      lookupIdentity: e.RATE_LIMIT_LOOKUP_IDENTITY,
      detailIp: e.RATE_LIMIT_DETAIL_IP,
      challengeIp: e.RATE_LIMIT_CHALLENGE_IP,
      draftIp: e.RATE_LIMIT_DRAFT_IP,
      codeEmail: e.RATE_LIMIT_CODE_EMAIL,
      captchaFailureIp: e.RATE_LIMIT_CAPTCHA_FAILURES_IP,
      partnerPerMinute: e.PARTNER_RATE_PER_MINUTE,
    },
    auditRetentionDays: e.AUDIT_RETENTION_DAYS,
    auditQueueMax: e.AUDIT_QUEUE_MAX,
    secondFactor: e.LOOKUP_SECOND_FACTOR,
    smtp: e.SMTP_URL ? { url: e.SMTP_URL, from: e.SMTP_FROM } : null,
    documentStore: e.DOCUMENT_STORE,
    documentMaxBytes: e.DOCUMENT_MAX_BYTES,
    documentsQuotaBytes: e.DOCUMENTS_QUOTA_BYTES,
    trustProxy: e.TRUST_PROXY,
    corsOrigins: e.CORS_ORIGINS,
    console: {
      publicUrl: (e.SSPS_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
      provider: e.OIDC_ISSUER
        ? { kind: 'oidc', issuer: e.OIDC_ISSUER, clientId: e.OIDC_CLIENT_ID ?? '', clientSecret: e.OIDC_CLIENT_SECRET }
        : e.NODE_ENV === 'production'
          ? null
          : { kind: 'development' },
      rolesClaim: e.OIDC_ROLES_CLAIM,
      scopes: e.OIDC_SCOPES,
      idleSeconds: e.CONSOLE_IDLE_MINUTES * 60,
      maxSeconds: e.CONSOLE_MAX_HOURS * 3600,
    },
    payments: {
      pricesCop: e.CERTIFICATE_PRICES_COP,
      defaultPriceCop: e.CERTIFICATE_PRICE_DEFAULT_COP,
      vatPercent: e.VAT_PERCENT,
      bankAccount: e.PAYMENT_BANK_ACCOUNT,
      linkTemplate: e.PAYMENT_LINK_TEMPLATE ?? null,
      issuer: { name: e.INVOICE_ISSUER_NAME ?? e.SSPS_ORG_NAME, nit: e.INVOICE_ISSUER_NIT, address: e.INVOICE_ISSUER_ADDRESS },
      wompiEventsSecret: e.WOMPI_EVENTS_SECRET ?? null,
    },
    ca: e.CA_CERT_FILE && e.CA_KEY_FILE
      ? { kind: 'files', certFile: path.resolve(projectRoot, e.CA_CERT_FILE), keyFile: path.resolve(projectRoot, e.CA_KEY_FILE), chainFile: e.CA_CHAIN_FILE ? path.resolve(projectRoot, e.CA_CHAIN_FILE) : null }
      : { kind: 'generated', dir: path.join(dataDir, 'ca') },
    downloadTtlHours: e.DOWNLOAD_TTL_HOURS,
    web: e.SSPS_WEB,
    graphqlFastPath: e.GRAPHQL_FAST_PATH,
    webDev: e.SSPS_WEB_DEV,
  };
}

/**
 * Outside production a missing secret is generated once and kept under the data
 * directory, so handles and CAPTCHA challenges survive a restart of the dev server.
 */
function developmentSecret(nodeEnv: string, dataDir: string): string {
  if (nodeEnv === 'production') {
    throw new ConfigError('Invalid configuration: SSPS_SECRET: required in production (e.g. `openssl rand -hex 32`)');
  }
  const file = path.join(dataDir, 'secret');
  if (existsSync(file)) {
    const kept = readFileSync(file, 'utf8').trim();
    if (kept.length < 32) throw new ConfigError(`Invalid configuration: SSPS_SECRET: the generated secret in ${file} is damaged; delete the file to generate a new one`);
    return kept;
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
