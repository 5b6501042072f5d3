import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import nextModule from 'next';
import type { NextServer, NextServerOptions } from 'next/dist/server/next.js';
import { FileDocumentStore } from './applications/document-store.js';
import { DocumentService } from './applications/documents.js';
import { codeEmailBudget } from './applications/email-code.js';
import { ConsoleService } from './console/console-service.js';
import { documentsRoute, type OperatorCheck } from './console/documents-route.js';
import { ApplicationService } from './applications/application-service.js';
import { uploadHandler } from './applications/upload.js';
import { AuditLog } from './audit/audit-log.js';
import { AltchaCaptcha } from './captcha/altcha.js';
import { CaptchaGate } from './captcha/gate.js';
import { DatabaseUsedTokenStore } from './captcha/used-token-store.js';
import type { Config } from './config.js';
import { Database } from './db/database.js';
import { isEmpty, seed } from './demo/seed.js';
import { createApollo } from './graphql/apollo.js';
import type { GraphQLContext, Services } from './graphql/context.js';
import { clientIp } from './http/client-ip.js';
import { graphqlHandler } from './http/graphql-handler.js';
import { createHttpServer, type Handler } from './http/server.js';
import { createLogger, type Logger } from './log.js';
import { projectRoot } from './paths.js';
import { HistoryKey } from './lifecycle/history.js';
import { InvoiceLinks, InvoiceService } from './lifecycle/invoice.js';
import { LifecycleService } from './lifecycle/lifecycle-service.js';
import { OutboxSender } from './notifications/sender.js';
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
  mailer: OutboxSender | null;
  listen(): Promise<AddressInfo>;
  close(): Promise<void>;
}

/** Wires one SSPS instance; nothing listens until `listen()`. */
export async function createSsps(config: Config, log: Logger = createLogger(config.logLevel)): Promise<Ssps> {
  const db = new Database({
    config: config.database,
    deadlineMs: config.dbTimeoutMs,
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
  const limits = new RateLimits({ rules: config.rateLimits, redisUrl: config.redisUrl, pseudonyms }, db);
  const audit = new AuditLog(db, log);
  const partners = new PartnerService(db);
  const mailer = config.smtp ? new OutboxSender(db, config.smtp.url, config.smtp.from, log) : null;
  const historyKey = new HistoryKey(config.secret);
  const invoiceLinks = new InvoiceLinks(config.secret, config.handleTtlSeconds);
  const invoices = new InvoiceService(db, invoiceLinks, config.site.orgName);
  const requests = new RequestService(db, new HandleCodec(config.secret, config.handleTtlSeconds), invoiceLinks, config.secondFactor);
  const captcha = new CaptchaGate(altcha, usedTokens, limits);
  // Outside the web root: under the data directory, never served as files.
  const documentStore = new FileDocumentStore(path.join(config.dataDir, 'documents'));
  const documents = new DocumentService(db, documentStore, path.join(config.dataDir, 'incoming'), {
    maxBytes: config.documentMaxBytes,
    quotaBytes: config.documentsQuotaBytes,
  }, limits, pseudonyms);
  const applications = new ApplicationService(db, documents, config.secret, historyKey);
  const operatorsConsole = new ConsoleService(db, documentStore, invoiceLinks);
  const services: Services = {
    lookup: new PublicLookup(requests, captcha, limits, audit, pseudonyms, db),
    applications,
    captcha,
    limitDraftOpening: (ip) => limits.consumeClient('draftIp', ip),
    limitCodeEmail: codeEmailBudget(limits, pseudonyms, config.rateLimits.codeEmail),
    lifecycle: new LifecycleService(db, historyKey),
    console: operatorsConsole,
    newRequestUrl: config.site.newRequestUrl,
    detailNeedsOrderNumber: requests.needsOrderNumber,
  };

  const apollo = createApollo({ production: config.env === 'production', log });
  await apollo.start();
  // Each request's context holds only its caller; the services are reached through its
  // prototype, so neither building it nor Apollo's copy of it copies them.
  const shared: Omit<GraphQLContext, 'caller'> = { ...services, log };
  // Operator API keys now; the console's sign-in adds its session check beside this one.
  const operatorOf: OperatorCheck = async (req) => {
    const partner = await authenticate(partners, req.headers.authorization);
    return partner && keyOperator(partner);
  };
  const context = async (req: IncomingMessage): Promise<GraphQLContext> => {
    const partner = await authenticate(partners, req.headers.authorization);
    const caller = { ip: clientIp(req, config.trustProxy), partner, operator: partner && keyOperator(partner) };
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

  const server = createHttpServer({
    graphql: graphqlHandler(apollo, context, config.maxBodyBytes),
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
    upload: uploadHandler(documents),
    documents: documentsRoute(operatorsConsole, operatorOf),
    db,
    web,
    log,
    security: { corsOrigins: config.corsOrigins, trustProxy: config.trustProxy, webDev: config.webDev },
  });
  // A client that asks before sending a body (Expect: 100-continue, as curl does) is told to
  // send a document only once the upload is admitted; other requests are told at once.
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
    if (!req.url?.startsWith('/applications/')) res.writeContinue();
    server.emit('request', req, res);
  });
  const purge = setInterval(() => {
    usedTokens.purgeExpired().catch((err: unknown) => log.warn({ err }, 'could not purge used CAPTCHA challenges'));
    audit.purge(config.auditRetentionDays).catch((err: unknown) => log.warn({ err }, 'could not purge the audit'));
    applications.purgeExpired().catch((err: unknown) => log.warn({ err }, 'could not purge expired application drafts'));
    applications.purgeCodeEmails().catch((err: unknown) => log.warn({ err }, 'could not purge used e-mail codes'));
  }, PURGE_EVERY_MS).unref();
  void db.start();

  return {
    server,
    db,
    log,
    audit,
    partners,
    applications,
    mailer,
    listen: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, () => resolve(server.address() as AddressInfo));
      }),
    close: async () => {
      clearInterval(purge);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await apollo.stop();
      await nextApp?.close();
      await audit.close();
      await mailer?.close();
      await limits.close();
      await db.close();
    },
  };
}
