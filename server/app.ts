import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import nextModule from 'next';
import type { NextServer, NextServerOptions } from 'next/dist/server/next.js';
import { adoptFiles, DatabaseDocumentStore, FileDocumentStore } from './applications/document-store.js';
import { DocumentService } from './applications/documents.js';
import { codeEmailBudget } from './applications/email-code.js';
import { ConsoleService } from './console/console-service.js';
import { documentsRoute, type OperatorCheck } from './console/documents-route.js';
import { ApplicationService } from './applications/application-service.js';
import { uploadHandler } from './applications/upload.js';
import { AuditLog } from './audit/audit-log.js';
import { AltchaCaptcha } from './captcha/altcha.js';
import { CaptchaGate } from './captcha/gate.js';
import { CrlPublisher } from './certificates/crl.js';
import { DownloadService } from './certificates/download-service.js';
import { ExpiryReminders, RenewalLinks } from './certificates/expiry-reminders.js';
import { checkCaFiles } from './certificates/ca-files.js';
import { LazyIssuer } from './certificates/lazy-issuer.js';
import type { CertificateIssuer } from './certificates/issuer.js';
import { pkiHandler } from './certificates/pki-routes.js';
import { DatabaseUsedTokenStore } from './captcha/used-token-store.js';
import type { Config } from './config.js';
import { Database } from './db/database.js';
import { JobLeases } from './db/job-lease.js';
import { isEmpty, seed } from './demo/seed.js';
import { createApollo } from './graphql/apollo.js';
import type { KnownOperations } from './graphql/known-operations.js';
import type { GraphQLContext, Services } from './graphql/context.js';
import { clientIp } from './http/client-ip.js';
import { graphqlHandler } from './http/graphql-handler.js';
import { sendJson } from './http/io.js';
import { createHttpServer, metricsRoute, type Handler } from './http/server.js';
import { createLogger, type Logger } from './log.js';
import { projectRoot } from './paths.js';
import { HistoryKey } from './lifecycle/history.js';
import { InvoiceLinks, InvoiceService } from './lifecycle/invoice.js';
import { PaymentService } from './payments/payment-service.js';
import { PriceList } from './payments/prices.js';
import { wompiEventsHandler } from './payments/wompi-route.js';
import { correctionHandler } from './lifecycle/correction-routes.js';
import { CorrectionService } from './lifecycle/corrections.js';
import { LifecycleService } from './lifecycle/lifecycle-service.js';
import { requeueExpiredCorrections } from './lifecycle/queue.js';
import { OutboxSender, outboxCounts } from './notifications/sender.js';
import { Metrics } from './observability/metrics.js';
import { flushTracing, startTracing } from './observability/tracing.js';
import { createConsole, type OperatorConsole } from './operators/console.js';
import { CONSOLE_ROUTES } from './operators/console-routes.js';
import { DEV_OIDC_PATH } from './operators/dev-provider.js';
import { keyOperator } from './operators/operator.js';
import { PartnerService } from './partners/partner-service.js';
import { authenticate } from './partners/authenticate.js';
import { Pseudonymizer } from './privacy.js';
import { RateLimits } from './ratelimit/limits.js';
import { ServiceUnavailableError } from './refusals.js';
import { HandleCodec } from './requests/handle.js';
import { PublicLookup } from './requests/public-lookup.js';
import { RequestService } from './requests/lookup-service.js';

const PURGE_EVERY_MS = 10 * 60_000;
const REMINDERS_EVERY_MS = 60 * 60_000;
/** How long requests in flight may take to finish once the instance stops. */
const CLOSE_WAIT_MS = 10_000;
// Under NodeNext the CommonJS default export of 'next' is typed as its namespace; at run time it is the factory.
const next = nextModule as unknown as (options: NextServerOptions) => NextServer;

export interface Ssps {
  server: Server;
  db: Database;
  log: Logger;
  audit: AuditLog;
  partners: PartnerService;
  /** Its purgeExpired() and purgeCodeEmails() are what the periodic purge runs. */
  applications: ApplicationService;
  /** The operators' moves; tests approve proposals through it until people sign in with roles. */
  lifecycle: LifecycleService;
  /** The issuing CA (server/certificates/): the built-in one unless another engine is given. */
  issuer: CertificateIssuer;
  downloads: DownloadService;
  /** The reminders before expiry; run() is what the hourly job runs. */
  expiryReminders: ExpiryReminders;
  mailer: OutboxSender | null;
  /** The operators' console's sign-in: `operatorFromRequest(req)` tells any route who is signed in. */
  console: OperatorConsole;
  /** Null when nothing serves /metrics (neither METRICS_PORT nor METRICS_TOKEN): then nothing is counted. */
  metrics: Metrics | null;
  /** The operations the GraphQL fast path answers (server/graphql/known-operations.ts); null with GRAPHQL_FAST_PATH off. */
  knownOperations: KnownOperations | null;
  listen(): Promise<AddressInfo>;
  /** The first step of a graceful stop: /readyz answers 503 for SHUTDOWN_GRACE_MS, while requests are still served. */
  drain(): Promise<void>;
  /** Stops taking connections, lets requests in flight finish, writes the queued audit entries, closes the rest. */
  close(): Promise<void>;
}

/** Wires one SSPS instance; nothing listens until `listen()`. */
export async function createSsps(config: Config, log: Logger = createLogger(config.logLevel), { issuer: givenIssuer }: { issuer?: CertificateIssuer } = {}): Promise<Ssps> {
  // A certificate authority's own engine is plugged in here; without one, the built-in CA,
  // its files checked now and its signing library loaded on first use.
  if (!givenIssuer) checkCaFiles(config.ca);
  const issuer = givenIssuer ?? new LazyIssuer(async () => (await import('./certificates/issuing-ca.js')).builtInIssuer(config));
  // Counted only where a scraper can read them.
  const metrics = config.metrics.port !== null || config.metrics.token !== null ? new Metrics() : null;
  const db = new Database({
    config: config.database,
    deadlineMs: config.dbTimeoutMs,
    readBatch: config.dbReadBatch,
    onReadBatch: metrics ? (callers) => metrics.dbReadBatch.observe(callers) : undefined,
    log,
    onReady: async (dataSource) => {
      // The zero-setup start: an empty embedded database gets the demo scenarios.
      if (config.database.kind === 'sqlite' && config.demoData && (await isEmpty(dataSource))) {
        const loaded = await seed(dataSource);
        log.info(loaded, 'demo scenarios loaded');
      }
    },
  });
  const altcha = new AltchaCaptcha({ secret: config.secret, ...config.captcha });
  const usedTokens = new DatabaseUsedTokenStore(db);
  const pseudonyms = new Pseudonymizer(config.secret);
  startTracing(config.otlpEndpoint);
  const limits = new RateLimits({ rules: config.rateLimits, redisUrl: config.redisUrl, pseudonyms, onRefusal: (rule) => metrics?.rateLimited.inc({ rule }) }, db);
  const audit = new AuditLog(db, log, undefined, config.auditQueueMax);
  const partners = new PartnerService(db);
  const mailer = config.smtp
    ? new OutboxSender(db, config.smtp.url, config.smtp.from, log, undefined, (r) => (r.sent ? metrics?.outboxSent.inc() : metrics?.outboxFailed.inc({ dead: String(r.dead) })))
    : null;
  const historyKey = new HistoryKey(config.secret);
  const invoiceLinks = new InvoiceLinks(config.secret, config.handleTtlSeconds);
  const prices = new PriceList(config.payments);
  const invoices = new InvoiceService(db, invoiceLinks, config.payments.issuer, prices);
  const requests = new RequestService(db, new HandleCodec(config.secret, config.handleTtlSeconds), invoiceLinks, config.secondFactor);
  const captcha = new CaptchaGate(altcha, usedTokens, limits, (outcome) => metrics?.captcha.inc({ outcome }));
  // Outside the web root: under the data directory, never served as files.
  // In the database every instance shares, by default; files under the data directory on request.
  const filesRoot = path.join(config.dataDir, 'documents');
  const documentStore = config.documentStore === 'database' ? new DatabaseDocumentStore(db) : new FileDocumentStore(filesRoot);
  const documents = new DocumentService(db, documentStore, path.join(config.dataDir, 'incoming'), {
    maxBytes: config.documentMaxBytes,
    quotaBytes: config.documentsQuotaBytes,
  }, limits, pseudonyms);
  const applications = new ApplicationService(db, documents, config.secret, historyKey, prices, config.publicUrl, config.site.legal.terminos.es.version);
  const corrections = new CorrectionService(db, documents, historyKey, pseudonyms, limits, config.publicUrl);
  const lifecycle = new LifecycleService(db, historyKey, config.publicUrl, prices, config.downloadTtlHours, invoiceLinks);
  const payments = new PaymentService(db, lifecycle, prices);
  const downloads = new DownloadService(db, issuer, historyKey, limits, { publicUrl: config.publicUrl, downloadTtlHours: config.downloadTtlHours });
  const expiryReminders = new ExpiryReminders(db, new RenewalLinks(config.secret), config.publicUrl);
  const crls = new CrlPublisher(db, issuer);
  const operatorsConsole = new ConsoleService(db, documentStore, invoiceLinks, payments);
  const services: Services = {
    lookup: new PublicLookup(requests, captcha, limits, audit, pseudonyms, db),
    applications,
    captcha,
    limitDraftOpening: (ip) => limits.consumeClient('draftIp', ip),
    limitCodeEmail: codeEmailBudget(limits, pseudonyms, config.rateLimits.codeEmail),
    lifecycle,
    downloads,
    renewals: expiryReminders,
    console: operatorsConsole,
    newRequestUrl: config.site.newRequestUrl,
    detailNeedsOrderNumber: requests.needsOrderNumber,
  };

  const { apollo, known } = createApollo({ production: config.env === 'production', log, fastPath: config.graphqlFastPath });
  await apollo.start();
  // Each request's context holds only its caller; the services are reached through its
  // prototype, so neither building it nor Apollo's copy of it copies them.
  const shared: Omit<GraphQLContext, 'caller'> = { ...services, log };
  const operatorConsole = createConsole(config, db, log);
  // Who may see an operator's document: an operator API key, or a person signed in to the console.
  const operatorOf: OperatorCheck = async (req) => {
    const partner = await authenticate(partners, req.headers.authorization);
    return partner ? keyOperator(partner) : operatorConsole.operatorFromRequest(req);
  };
  const context = async (req: IncomingMessage): Promise<GraphQLContext> => {
    // Machines hold keys; people in the console hold a session cookie and its CSRF token.
    const partner = await authenticate(partners, req.headers.authorization);
    const operator = partner ? keyOperator(partner) : await operatorConsole.graphqlOperator(req);
    const caller = { ip: clientIp(req, config.trustProxy), partner, operator };
    return Object.assign(Object.create(shared) as GraphQLContext, { caller });
  };

  let web: Handler | undefined;
  let nextApp: NextServer | undefined;
  if (config.web) {
    // The pages never import server code; they read the validated settings from here.
    process.env.SSPS_SITE = JSON.stringify(config.site);
    nextApp = next({ dev: config.webDev, dir: projectRoot, quiet: config.env === 'test' });
    await nextApp.prepare();
    const handle = nextApp.getRequestHandler();
    web = (req, res) => handle(req, res);
  }

  let stopping = false;
  const server = createHttpServer({
    graphql: graphqlHandler(apollo, context, config.maxBodyBytes, known),
    challenge: async (req) => {
      try {
        await limits.consumeClient('challengeIp', clientIp(req, config.trustProxy));
      } catch (error) {
        // A challenge costs nothing to hand out and reveals nothing: with the counters' store
        // down it is still served, and the lookup that would spend it is refused instead.
        if (!(error instanceof ServiceUnavailableError)) throw error;
      }
      return altcha.challenge();
    },
    // An invoice is rendered on every request: it is served within the client's detail budget.
    invoice: async (link, req) => {
      await limits.consumeClient('detailIp', clientIp(req, config.trustProxy));
      return invoices.pdf(link);
    },
    payments: wompiEventsHandler(payments, config.payments.wompiEventsSecret, log),
    upload: uploadHandler(documents),
    correction: correctionHandler(corrections, (req) => clientIp(req, config.trustProxy)),
    documents: documentsRoute(operatorsConsole, operatorOf),
    pki: pkiHandler(crls, issuer),
    db,
    web,
    console: operatorConsole.routes && {
      routes: operatorConsole.routes,
      paths: CONSOLE_ROUTES,
      devProvider: operatorConsole.devProvider && { prefix: DEV_OIDC_PATH, handler: operatorConsole.devProvider },
    },
    log,
    security: { corsOrigins: config.corsOrigins, trustProxy: config.trustProxy, webDev: config.webDev },
    observe: { accessLog: log.isLevelEnabled('info'), metrics, metricsToken: config.metrics.port === null ? config.metrics.token : null },
    stopping: () => stopping,
  });
  if (metrics) observeState(metrics, db);
  // With METRICS_PORT, /metrics has a port of its own (reachable by the scraper, not the public).
  const metricsServer = config.metrics.port === null || !metrics ? null : createServer((req, res) => {
    if (new URL(req.url ?? '/', 'http://localhost').pathname !== '/metrics') return sendJson(res, 404, { error: 'not found' });
    void metricsRoute(metrics, config.metrics.token)(req, res, new URL('http://localhost/metrics'));
  });
  // A client that asks before sending a body (Expect: 100-continue, as curl does) is told to
  // send a document only once the upload is admitted; other requests are told at once.
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
    if (!req.url?.startsWith('/applications/') && !req.url?.startsWith('/corrections/')) res.writeContinue();
    server.emit('request', req, res);
  });
  // The purges, by one instance per period (a lease in the database), each in bounded batches.
  const leases = new JobLeases(db);
  const purges: [string, () => Promise<number>][] = [
    ['used CAPTCHA challenges', () => usedTokens.purgeExpired()],
    ['the audit', () => audit.purge(config.auditRetentionDays)],
    ['expired application drafts', () => applications.purgeExpired()],
    ['used e-mail codes', () => applications.purgeCodeEmails()],
    ['ended console sessions', () => operatorConsole.purgeExpired()],
    ['expired corrections (back to the filing review)', () => db.run((ds) => requeueExpiredCorrections(ds.manager, new Date()))],
  ];
  const purge = setInterval(() => {
    void (async () => {
      if (!db.ready || !(await leases.take('purge', PURGE_EVERY_MS * 0.9))) return;
      for (const [what, run] of purges) await run().catch((err: unknown) => log.warn({ err }, `could not purge ${what}`));
    })().catch((err: unknown) => log.warn({ err }, 'could not take the purge lease'));
  }, PURGE_EVERY_MS).unref();
  // The reminders before expiry, by one instance per hour; each is sent once (expiry_reminder's unique key).
  const reminders = setInterval(() => {
    void (async () => {
      if (!db.ready || !(await leases.take('expiry-reminders', REMINDERS_EVERY_MS * 0.9))) return;
      const sent = await expiryReminders.run();
      if (sent > 0) log.info({ sent }, 'expiry reminders queued');
    })().catch((err: unknown) => log.warn({ err }, 'could not send the expiry reminders'));
  }, REMINDERS_EVERY_MS).unref();
  void db.start().then(async () => {
    // Documents an earlier version kept as files move into the database, once.
    if (documentStore instanceof DatabaseDocumentStore) {
      const moved = await adoptFiles(filesRoot, documentStore, db);
      if (moved > 0) log.info({ moved }, 'documents moved from files into the database');
    }
  }).catch((err: unknown) => log.warn({ err }, 'could not move documents from files into the database'));

  return {
    server,
    db,
    log,
    audit,
    partners,
    applications,
    lifecycle,
    issuer,
    downloads,
    expiryReminders,
    mailer,
    console: operatorConsole,
    metrics,
    knownOperations: known,
    listen: async () => {
      if (metricsServer) await new Promise<void>((resolve, reject) => metricsServer.once('error', reject).listen(config.metrics.port!, config.host, () => resolve()));
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, () => resolve(server.address() as AddressInfo));
      });
    },
    drain: async () => {
      stopping = true;
      // The load balancer sees /readyz answer 503 and sends no new requests meanwhile.
      await new Promise((resolve) => setTimeout(resolve, config.shutdownGraceMs));
    },
    close: async () => {
      stopping = true;
      clearInterval(purge);
      clearInterval(reminders);
      await closeGently(server);
      metricsServer?.close();
      metricsServer?.closeAllConnections();
      await apollo.stop();
      await nextApp?.close();
      await audit.close();
      await mailer?.close();
      await limits.close();
      await db.close();
      await flushTracing();
    },
  };
}

/**
 * Stops taking connections and lets the requests in flight finish (up to CLOSE_WAIT_MS), closing
 * each kept-alive connection once it is idle; then whatever is left is cut.
 */
async function closeGently(server: Server): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  const idle = setInterval(() => server.closeIdleConnections(), 50);
  const deadline = new Promise<void>((resolve) => setTimeout(resolve, CLOSE_WAIT_MS).unref());
  await Promise.race([closed, deadline]);
  clearInterval(idle);
  server.closeAllConnections();
}

/** The gauges read at each scrape: the outbox backlog and the database pool. */
function observeState(metrics: Metrics, db: Database): void {
  metrics.gauge('ssps_outbox_messages', 'E-mails in the outbox by state (pending, sent, dead).', ['state'], async (set) => {
    if (!db.ready) return;
    const counts = await db.run((ds) => outboxCounts(ds)).catch(() => null);
    if (!counts) return;
    for (const [state, n] of Object.entries(counts)) set({ state }, n);
  });
  metrics.gauge('ssps_db_pool_connections', 'Database pool connections (all, free) and requests queued for one.', ['state'], (set) => {
    const pool = db.poolState();
    if (!pool) return;
    for (const [state, n] of Object.entries(pool)) set({ state }, n);
  });
}
