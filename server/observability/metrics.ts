import client, { type Counter, type Histogram, type Registry } from 'prom-client';

/** Label values a client can choose (operation names) are kept to this many; the rest count as `other`. */
const MAX_OPERATION_NAMES = 100;

/**
 * What Prometheus scrapes from one instance (GET /metrics, see README Observability): requests
 * by route and status, GraphQL operations by name and error code, rate-limit refusals, CAPTCHA
 * outcomes, the outbox, the database pool and its batched reads, and the event loop. One registry per instance.
 */
export class Metrics {
  readonly registry: Registry = new client.Registry();
  private readonly operationNames = new Set<string>();

  readonly httpRequests: Counter<'route' | 'method' | 'status'>;
  readonly httpDuration: Histogram<'route' | 'status'>;
  readonly graphqlOperations: Counter<'operation' | 'code'>;
  readonly rateLimited: Counter<'rule'>;
  readonly captcha: Counter<'outcome'>;
  readonly outboxSent: Counter;
  readonly outboxFailed: Counter<'dead'>;
  readonly dbReadBatch: Histogram;

  constructor() {
    const registers = [this.registry];
    client.collectDefaultMetrics({ register: this.registry, prefix: 'ssps_', eventLoopMonitoringPrecision: 20 });
    this.httpRequests = new client.Counter({ name: 'ssps_http_requests_total', help: 'HTTP requests answered, by route, method and status.', labelNames: ['route', 'method', 'status'], registers });
    this.httpDuration = new client.Histogram({
      name: 'ssps_http_request_duration_seconds',
      help: 'Time to answer an HTTP request, by route and status.',
      labelNames: ['route', 'status'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
    this.graphqlOperations = new client.Counter({ name: 'ssps_graphql_operations_total', help: 'GraphQL operations, by operation name and outcome (OK or the first error code).', labelNames: ['operation', 'code'], registers });
    this.rateLimited = new client.Counter({ name: 'ssps_rate_limit_refusals_total', help: 'Requests refused by a rate limit, by rule.', labelNames: ['rule'], registers });
    this.captcha = new client.Counter({ name: 'ssps_captcha_outcomes_total', help: 'CAPTCHA tokens presented, by outcome (SOLVED, MISSING, INVALID, REUSED).', labelNames: ['outcome'], registers });
    this.outboxSent = new client.Counter({ name: 'ssps_outbox_sent_total', help: 'E-mails accepted by the SMTP server, sent by this instance.', registers });
    this.outboxFailed = new client.Counter({ name: 'ssps_outbox_failures_total', help: 'Failed sending attempts; dead="true" for the last try (a dead letter).', labelNames: ['dead'], registers });
    this.dbReadBatch = new client.Histogram({ name: 'ssps_db_read_batch_size', help: 'Lookups or details answered by one round trip to MySQL/MariaDB (DB_READ_BATCH).', buckets: [1, 2, 4, 8, 16, 32], registers });
  }

  /** A gauge read when Prometheus scrapes (the outbox backlog, the database pool). */
  gauge(name: string, help: string, labelNames: string[], collect: (set: (labels: Record<string, string>, value: number) => void) => Promise<void> | void): void {
    new client.Gauge({
      name,
      help,
      labelNames,
      registers: [this.registry],
      async collect() {
        this.reset();
        await collect((labels, value) => this.set(labels, value));
      },
    });
  }

  /** An operation's name as a label: the name when it looks like one and the set is not full, else `other`. */
  operationLabel(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (!/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name)) return 'other';
    if (this.operationNames.has(name)) return name;
    if (this.operationNames.size >= MAX_OPERATION_NAMES) return 'other';
    this.operationNames.add(name);
    return name;
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
