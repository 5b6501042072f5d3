/**
 * `npm run bench [-- --applicants 10000,200000,1000000 --duration 10 --concurrency 1,8,32 --warmup 5 --rounds 1 --out bench/results
 *   --cpu-prof --skip-captcha --captcha-tokens 1000 --captcha-solves 5]`
 * `npm run bench -- --observability-cost [--rounds 3 --applicants 10000 --concurrency 32]`
 *
 * SSPS as deployed (the compiled server with its pages, NODE_ENV=production, a partner key,
 * everything on: key check, rate limit, audit) against the floor (floor.ts) and the stock
 * Apollo Server peer (apollo-peer.ts) on the same MariaDB/MySQL (BENCH_MYSQL_URL, default TEST_MYSQL_URL), for each database size:
 * the partner lookup and the detail through /graphql at a few concurrency levels, the
 * server's start-to-ready time and its memory under that load. Then the growth of the
 * lookup's latency from the smallest size to the largest, and the CAPTCHA's cost. Prints
 * tables and writes bench/results/<date>.json with the machine and the versions.
 * With --observability-cost, instead: what the access log and the metrics cost, as two SSPS
 * servers on the same database, one with them and one without, measured in alternation.
 * See BENCHMARKS.md.
 */
import autocannon from 'autocannon';
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createConnection, createPool } from 'mysql2/promise';
import { generateDevelopmentCa } from '../server/certificates/issuing-ca.js';
import { openDatabase } from '../server/db/data-source.js';
import { synthesize, SYNTH_ID_BASE } from '../server/demo/synth.js';
import { PartnerService } from '../server/partners/partner-service.js';
import { Database } from '../server/db/database.js';
import { createLogger } from '../server/log.js';
import { projectRoot, serveFlags } from '../server/paths.js';
import { LOOKUP_SQL } from '../server/requests/lookup-service.js';
import { measureCaptcha, percentile, round, type CaptchaTimings } from './captcha.js';
import { cpuMs, databasePids } from './proc.js';

const { values } = parseArgs({
  options: {
    applicants: { type: 'string', default: '10000,200000,1000000' },
    duration: { type: 'string', default: '10' },
    concurrency: { type: 'string', default: '1,8,32' },
    warmup: { type: 'string', default: '5' },
    out: { type: 'string', default: 'bench/results' },
    'cpu-prof': { type: 'boolean', default: false },
    'skip-captcha': { type: 'boolean', default: false },
    'captcha-tokens': { type: 'string', default: '1000' },
    'captcha-solves': { type: 'string', default: '5' },
    'observability-cost': { type: 'boolean', default: false },
    // Observability's cost: 3 alternating rounds unless told; the plain bench: 1 unless told.
    rounds: { type: 'string' },
    // For profiling one thing alone: e.g. --targets ssps --endpoints lookup --cpu-prof
    targets: { type: 'string', default: 'floor,peer,ssps' },
    endpoints: { type: 'string', default: 'lookup,detail' },
  },
});
const sizes = values.applicants.split(',').map(Number);
const duration = Number(values.duration);
const warmupSeconds = Number(values.warmup);
const levels = values.concurrency.split(',').map(Number);
const base = process.env.BENCH_MYSQL_URL ?? process.env.TEST_MYSQL_URL;
if (!base) throw new Error('BENCH_MYSQL_URL (or TEST_MYSQL_URL) must name a MySQL/MariaDB server');
if (sizes.some((n) => !Number.isInteger(n) || n < 100)) throw new Error('--applicants: whole numbers of at least 100, comma-separated');

const SSPS_PORT = 3900;
const FLOOR_PORT = 3901;
const UNOBSERVED_PORT = 3902;
const PEER_PORT = 3903;
const SECRET = 'bench-secret-0123456789abcdef0123456789';
const CAPTCHA = { cost: 5_000, maxCounter: 300 }; // the defaults of server/config.ts
// Targets drawn at random for each request; the detail's come from real lookups made before the run.
const DETAIL_TARGETS = 1_000;

const LOOKUP_QUERY =
  'query ($n: String!) { certificateRequests(idType: CC, idNumber: $n) { applicant { fullName } requests { id orderNumber requestNumber issuedOn holderName company project certificateType status } } }';
const DETAIL_QUERY = 'query ($id: ID!) { requestDetail(id: $id) { requestNumber holderName serialNumber steps { kind state modifiedOn information invoiceUrl } } }';
// The peer's own schema: the same fields, the ID type as a string, the detail by row ids.
const PEER_LOOKUP_QUERY =
  'query ($n: String!) { certificateRequests(idType: "CC", idNumber: $n) { applicant { fullName } requests { id orderNumber requestNumber issuedOn holderName company project certificateType status } } }';
const PEER_DETAIL_QUERY = 'query ($r: Int!, $a: Int!) { requestDetail(requestId: $r, applicantId: $a) { requestNumber holderName serialNumber steps { kind state modifiedOn information invoiceUrl } } }';

interface Row {
  applicants: number;
  endpoint: 'lookup' | 'detail';
  target: 'floor' | 'ssps' | 'peer';
  concurrency: number;
  rps: number;
  /** Concurrency ÷ rps (Little's law): exact for a closed loop. */
  meanMs: number;
  /** Percentiles of every 2xx response's own latency, in ms to the hundredth (autocannon's own round to whole ms). */
  p50: number;
  p99: number;
  /** The server process's CPU time per request, user + system, from /proc (Linux; 0 elsewhere). */
  cpuUsPerRequest: number;
  /** The database server's CPU time per request (every mariadbd/mysqld process on this machine). */
  dbCpuUsPerRequest: number;
  /** The load generator's (this process's) CPU time per request: a bigger request or answer costs the client too. */
  clientCpuUsPerRequest: number;
  errors: number;
  /** Every round's own figures, with --rounds. */
  rounds?: Omit<Row, 'applicants' | 'endpoint' | 'target' | 'concurrency' | 'rounds'>[];
}

interface SizeResult {
  applicants: number;
  startToReadyMs: number[];
  maxRssMb: number;
  rows: Row[];
}

function databaseUrl(applicants: number): { admin: string; url: string; name: string } {
  const name = `ssps_bench_${applicants}`;
  const admin = new URL(base!);
  admin.pathname = '/';
  const url = new URL(base!);
  url.pathname = `/${name}`;
  return { admin: admin.toString(), url: url.toString(), name };
}

/** Creates the database if need be and synthesizes applicants until it holds `applicants` of them. */
async function prepare(applicants: number): Promise<string> {
  const { admin, url, name } = databaseUrl(applicants);
  const c = await createConnection({ uri: admin });
  await c.query(`CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await c.end();
  const ds = await openDatabase({ database: { kind: 'mysql', url }, timeoutMs: 10_000 });
  try {
    const [{ n }] = (await ds.query('SELECT COUNT(*) AS n FROM applicant WHERE id_number >= ?', [String(SYNTH_ID_BASE)])) as { n: number }[];
    if (Number(n) < applicants) {
      // A clean slate keeps the ids and numbers simple.
      await ds.query('DELETE FROM request_step');
      await ds.query('DELETE FROM certificate_request');
      await ds.query('DELETE FROM applicant');
      const started = Date.now();
      await synthesize(ds, applicants, 5_000, (done) => process.stderr.write(`\rsynthesizing ${name}: ${done}/${applicants} applicants`));
      process.stderr.write(` in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
    }
  } finally {
    await ds.destroy();
  }
  return url;
}

function startFloor(url: string): Promise<ChildProcess> {
  return startHelper('floor.js', url, FLOOR_PORT);
}

/** Stock Apollo Server 5 on the same SQL, as production runs it (NODE_ENV=production). */
function startPeer(url: string): Promise<ChildProcess> {
  return startHelper('apollo-peer.js', url, PEER_PORT, { NODE_ENV: 'production' });
}

function startHelper(file: string, url: string, port: number, env: Record<string, string> = {}): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(projectRoot, 'dist/bench', file), [url, String(port)], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    child.once('error', reject);
    child.once('message', () => resolve(child));
  });
}

/**
 * Starts the compiled server as `npm run serve` would and times it until /readyz answers 200.
 * Observed (the default): everything on, as in production — the access log (one line per
 * request, written to /dev/null here), the metrics (scraped by nobody, counted all the same), the
 * key check, limits and audit. Unobserved: no access line (LOG_LEVEL=warn) and no metrics.
 */
async function startSsps(url: string, { profileDir, observed = true, port = SSPS_PORT }: { profileDir?: string; observed?: boolean; port?: number } = {}): Promise<{ child: ChildProcess; readyMs: number }> {
  const observability = observed ? { LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info', METRICS_TOKEN: 'bench-metrics-token-0123456789' } : { LOG_LEVEL: 'warn' };
  const { METRICS_TOKEN: _token, METRICS_PORT: _port, OTEL_EXPORTER_OTLP_ENDPOINT: _otel, ...inherited } = process.env;
  const env = { ...inherited, DATABASE_URL: url, NODE_ENV: 'production' as const, SSPS_SECRET: SECRET, ...(await benchCa()), ...observability, PORT: String(port), HOST: '127.0.0.1' };
  const execArgv = [...serveFlags(), ...(profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [])];
  const started = performance.now();
  const child = fork(path.join(projectRoot, 'dist/server/main.js'), [], { env, execArgv, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  for (let i = 0; i < 3_000; i++) {
    if (await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false)) return { child, readyMs: Math.round(performance.now() - started) };
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 10));
  }
  child.kill();
  throw new Error('SSPS did not become ready');
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

const databaseCpuMs = (pids: number[]) => pids.reduce((sum, pid) => sum + cpuMs(pid), 0);
const ownCpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** The resident memory of a process, from /proc (Linux); 0 where there is none. */
function rssMb(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Math.round(Number(kb) / 1024) : 0;
  } catch {
    return 0;
  }
}

async function load(port: number, pathname: string, concurrency: number, body: () => string, headers: Record<string, string> = {}, seconds = duration, pid?: number) {
  const cpuBefore = pid ? cpuMs(pid) : 0;
  const dbPids = databasePids();
  const dbBefore = databaseCpuMs(dbPids);
  const clientBefore = ownCpuMs();
  let refused = 0;
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${port}${pathname}`,
        method: 'POST',
        connections: concurrency,
        duration: seconds,
        headers: { 'content-type': 'application/json', ...headers },
        requests: [
          {
            setupRequest: (req) => ({ ...req, body: body() }),
            // A GraphQL refusal travels with HTTP 200 as often as not: count it as the failure it is.
            onResponse: (_status, responseBody) => {
              if (responseBody.includes('"errors"')) refused++;
            },
          },
        ],
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    // Each response's own time, from a high-resolution clock: autocannon's histogram keeps
    // whole milliseconds, too coarse when the floor answers in under one.
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    });
  });
  latencies.sort((a, b) => a - b);
  const cpu = pid ? cpuMs(pid) - cpuBefore : 0;
  const perRequest = (ms: number) => Math.round((1000 * ms) / Math.max(1, result.requests.total));
  const dbCpu = databaseCpuMs(dbPids) - dbBefore;
  const clientCpu = ownCpuMs() - clientBefore;
  const rps = Math.round(result.requests.average);
  return {
    rps,
    meanMs: +((1000 * concurrency) / Math.max(1, rps)).toFixed(2),
    p50: latencies.length ? round(percentile(latencies, 50)) : 0,
    p99: latencies.length ? round(percentile(latencies, 99)) : 0,
    cpuUsPerRequest: perRequest(cpu),
    dbCpuUsPerRequest: perRequest(dbCpu),
    clientCpuUsPerRequest: perRequest(clientCpu),
    errors: result.errors + result.non2xx + refused,
  };
}

// Production wants the issuing CA's files: one made for this run (bench/run.ts removes it at the end).
const caRoot = mkdtempSync(path.join(os.tmpdir(), 'ssps-bench-ca-'));
let caFiles: Promise<{ CA_CERT_FILE: string; CA_KEY_FILE: string }> | undefined;
function benchCa() {
  caFiles ??= generateDevelopmentCa(path.join(caRoot, 'ca'), 'SSPS bench').then(() => ({ CA_CERT_FILE: path.join(caRoot, 'ca', 'ca.crt'), CA_KEY_FILE: path.join(caRoot, 'ca', 'ca.key') }));
  return caFiles;
}

const pick = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)];
const randomIdentity = (applicants: number) => String(SYNTH_ID_BASE + Math.floor(Math.random() * applicants));

/** Detail targets: handles from SSPS's own lookups, and the same requests' ids for the floor. */
async function detailTargets(url: string, applicants: number, key: string) {
  const handles: string[] = [];
  const ids: { requestId: number; applicantId: number }[] = [];
  const pool = createPool({ uri: url, connectionLimit: 4 });
  try {
    while (handles.length < DETAIL_TARGETS) {
      const n = randomIdentity(applicants);
      const res = await fetch(`http://127.0.0.1:${SSPS_PORT}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify({ query: LOOKUP_QUERY, variables: { n } }),
      });
      const { data } = (await res.json()) as { data: { certificateRequests: { requests: { id: string }[] } } };
      handles.push(...data.certificateRequests.requests.map((r) => r.id));
      const [rows] = await pool.execute(LOOKUP_SQL, ['CC', n]);
      ids.push(...(rows as { request_id: number; applicant_id: number }[]).map((r) => ({ requestId: r.request_id, applicantId: r.applicant_id })));
    }
  } finally {
    await pool.end();
  }
  return { handles, ids };
}

async function partnerKey(url: string): Promise<string> {
  const db = new Database({ config: { kind: 'mysql', url }, deadlineMs: 10_000, log: createLogger('silent'), retry: false });
  await db.start();
  try {
    // A budget far past what the machine can serve: the limit is checked, never reached.
    return (await new PartnerService(db).create(`bench-${Date.now()}`, { ratePerMinute: 100_000_000 })).key;
  } finally {
    await db.close();
  }
}

async function benchSize(applicants: number, withCaptcha: boolean): Promise<{ size: SizeResult; captcha?: CaptchaTimings }> {
  const url = await prepare(applicants);
  const key = await partnerKey(url);
  const profileDir = values['cpu-prof'] ? path.join(projectRoot, 'bench/profiles') : undefined;
  // Three cold starts for the start-to-ready time; the last one stays up for the load.
  const startToReadyMs: number[] = [];
  let ssps: ChildProcess | undefined;
  for (let i = 0; i < 3; i++) {
    if (ssps) await stop(ssps);
    const started = await startSsps(url, { profileDir: i === 2 ? profileDir : undefined });
    ssps = started.child;
    startToReadyMs.push(started.readyMs);
  }
  const floor = await startFloor(url);
  const peer = await startPeer(url);
  let maxRssMb = 0;
  const sampler = setInterval(() => (maxRssMb = Math.max(maxRssMb, rssMb(ssps!.pid!))), 200);
  const rows: Row[] = [];
  let captcha: CaptchaTimings | undefined;
  try {
    // First, while this process is fresh: its own garbage from the load runs would show in the timings.
    if (withCaptcha) {
      const counts = { tokens: Number(values['captcha-tokens']), solves: Number(values['captcha-solves']) };
      captcha = await measureCaptcha({ baseUrl: `http://127.0.0.1:${SSPS_PORT}`, secret: SECRET, ...counts, ...CAPTCHA });
    }
    const targets = await detailTargets(url, applicants, key);
    const auth = { authorization: `Bearer ${key}` };
    // The six things measured, each a port, a path and a request body drawn at random.
    let runs: { endpoint: Row['endpoint']; target: Row['target']; port: number; pathname: string; body: () => string; headers: Record<string, string>; pid: number }[] = [
      { endpoint: 'lookup', target: 'floor', port: FLOOR_PORT, pathname: '/', body: () => JSON.stringify({ idType: 'CC', idNumber: randomIdentity(applicants) }), headers: {}, pid: floor.pid! },
      { endpoint: 'lookup', target: 'ssps', port: SSPS_PORT, pathname: '/graphql', body: () => JSON.stringify({ query: LOOKUP_QUERY, variables: { n: randomIdentity(applicants) } }), headers: auth, pid: ssps!.pid! },
      { endpoint: 'lookup', target: 'peer', port: PEER_PORT, pathname: '/', body: () => JSON.stringify({ query: PEER_LOOKUP_QUERY, variables: { n: randomIdentity(applicants) } }), headers: {}, pid: peer.pid! },
      { endpoint: 'detail', target: 'floor', port: FLOOR_PORT, pathname: '/detail', body: () => JSON.stringify(pick(targets.ids)), headers: {}, pid: floor.pid! },
      { endpoint: 'detail', target: 'ssps', port: SSPS_PORT, pathname: '/graphql', body: () => JSON.stringify({ query: DETAIL_QUERY, variables: { id: pick(targets.handles) } }), headers: auth, pid: ssps!.pid! },
      {
        endpoint: 'detail',
        target: 'peer',
        port: PEER_PORT,
        pathname: '/',
        body: () => {
          const { requestId, applicantId } = pick(targets.ids);
          return JSON.stringify({ query: PEER_DETAIL_QUERY, variables: { r: requestId, a: applicantId } });
        },
        headers: {},
        pid: peer.pid!,
      },
    ];
    const targetsAsked = values.targets.split(',');
    const endpointsAsked = values.endpoints.split(',');
    runs = runs.filter((r) => targetsAsked.includes(r.target) && endpointsAsked.includes(r.endpoint));
    // Untimed first: the database's caches (and V8's) warm up before anything is measured.
    if (warmupSeconds > 0) {
      for (const r of runs) await load(r.port, r.pathname, Math.max(...levels), r.body, r.headers, warmupSeconds);
    }
    // With --rounds N, the floor, the peer and SSPS take turns N times (the order flipped every
    // round, so that a drift of the machine falls on all three); each row is the median of its runs.
    const rounds = Number(values.rounds ?? 1);
    for (const concurrency of levels) {
      const measured = new Map<(typeof runs)[number], Measured[]>(runs.map((r) => [r, []]));
      for (let round = 0; round < rounds; round++) {
        for (const r of round % 2 ? [...runs].reverse() : runs) measured.get(r)!.push(await load(r.port, r.pathname, concurrency, r.body, r.headers, duration, r.pid));
      }
      for (const r of runs) rows.push({ applicants, endpoint: r.endpoint, target: r.target, concurrency, ...medianOf(measured.get(r)!), ...(rounds > 1 ? { rounds: measured.get(r) } : {}) });
    }
  } finally {
    clearInterval(sampler);
    await stop(floor);
    await stop(peer);
    await stop(ssps!);
  }
  return { size: { applicants, startToReadyMs, maxRssMb, rows }, captcha };
}

/** Each figure's median over the rounds; errors added up. */
function medianOf(runs: Measured[]): Measured {
  const m = (pick: (x: Measured) => number) => median(runs.map(pick));
  return {
    rps: m((x) => x.rps),
    meanMs: m((x) => x.meanMs),
    p50: m((x) => x.p50),
    p99: m((x) => x.p99),
    cpuUsPerRequest: m((x) => x.cpuUsPerRequest),
    dbCpuUsPerRequest: m((x) => x.dbCpuUsPerRequest),
    clientCpuUsPerRequest: m((x) => x.clientCpuUsPerRequest),
    errors: runs.reduce((n, x) => n + x.errors, 0),
  };
}

interface CostRow {
  applicants: number;
  endpoint: Row['endpoint'];
  observed: Measured[];
  unobserved: Measured[];
}
type Measured = Awaited<ReturnType<typeof load>>;

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * What the access log and the metrics cost: the same build twice on the same database, one
 * server observed as in production and one not, each endpoint run on both in alternation (the
 * order flipped every round, so that a drift of the machine falls on both), at the highest
 * concurrency asked for.
 */
async function observabilityCost(applicants: number): Promise<CostRow[]> {
  const url = await prepare(applicants);
  const key = await partnerKey(url);
  const observed = (await startSsps(url)).child;
  const unobserved = (await startSsps(url, { observed: false, port: UNOBSERVED_PORT })).child;
  const concurrency = Math.max(...levels);
  const rounds = Number(values.rounds ?? 3);
  const auth = { authorization: `Bearer ${key}` };
  try {
    const targets = await detailTargets(url, applicants, key);
    const bodies: Record<Row['endpoint'], () => string> = {
      lookup: () => JSON.stringify({ query: LOOKUP_QUERY, variables: { n: randomIdentity(applicants) } }),
      detail: () => JSON.stringify({ query: DETAIL_QUERY, variables: { id: pick(targets.handles) } }),
    };
    const servers = [
      { port: SSPS_PORT, pid: observed.pid!, observed: true },
      { port: UNOBSERVED_PORT, pid: unobserved.pid!, observed: false },
    ];
    if (warmupSeconds > 0) {
      for (const endpoint of ['lookup', 'detail'] as const) {
        for (const server of servers) await load(server.port, '/graphql', concurrency, bodies[endpoint], auth, warmupSeconds);
      }
    }
    const rows: CostRow[] = [];
    for (const endpoint of ['lookup', 'detail'] as const) {
      const row: CostRow = { applicants, endpoint, observed: [], unobserved: [] };
      for (let round = 0; round < rounds; round++) {
        for (const server of round % 2 ? [...servers].reverse() : servers) {
          const measured = await load(server.port, '/graphql', concurrency, bodies[endpoint], auth, duration, server.pid);
          (server.observed ? row.observed : row.unobserved).push(measured);
        }
      }
      rows.push(row);
    }
    return rows;
  } finally {
    await stop(observed);
    await stop(unobserved);
  }
}

function printCost(rows: CostRow[]): void {
  console.log(`\nobservability's cost: access log and metrics on and off, ${values.rounds ?? 3} alternating rounds of ${duration} s, concurrency ${Math.max(...levels)} (medians)`);
  console.table(
    rows.map(({ applicants, endpoint, observed, unobserved }) => {
      const [onRps, offRps] = [median(observed.map((m) => m.rps)), median(unobserved.map((m) => m.rps))];
      const [onCpu, offCpu] = [median(observed.map((m) => m.cpuUsPerRequest)), median(unobserved.map((m) => m.cpuUsPerRequest))];
      return {
        applicants,
        endpoint,
        'rps off': offRps,
        'rps on': onRps,
        'throughput cost %': +((100 * (offRps - onRps)) / offRps).toFixed(1),
        'p99 ms off': median(unobserved.map((m) => m.p99)),
        'p99 ms on': median(observed.map((m) => m.p99)),
        'cpu µs/req off': offCpu,
        'cpu µs/req on': onCpu,
        'cpu cost %': +((100 * (onCpu - offCpu)) / offCpu).toFixed(1),
        errors: [...observed, ...unobserved].reduce((n, m) => n + m.errors, 0),
      };
    }),
  );
}

const ratio = (a: number, b: number) => (b > 0 ? +(a / b).toFixed(2) : 0);
const find = (rows: Row[], endpoint: Row['endpoint'], target: Row['target'], c: number) => rows.find((r) => r.endpoint === endpoint && r.target === target && r.concurrency === c)!;

function printSize({ applicants, rows, startToReadyMs, maxRssMb }: SizeResult): void {
  for (const endpoint of ['lookup', 'detail'] as const) {
    if (!rows.some((r) => r.endpoint === endpoint && r.target === 'ssps') || !rows.some((r) => r.endpoint === endpoint && r.target === 'floor') || !rows.some((r) => r.endpoint === endpoint && r.target === 'peer')) {
      console.table(rows.filter((r) => r.endpoint === endpoint));
      continue;
    }
    const rounds = Number(values.rounds ?? 1);
    console.log(`\n${endpoint} through /graphql (partner key), ${applicants.toLocaleString('en')} applicants, ${duration} s per run${rounds > 1 ? `, medians of ${rounds} interleaved rounds` : ''}`);
    console.table(
      levels.map((c) => {
        const f = find(rows, endpoint, 'floor', c);
        const s = find(rows, endpoint, 'ssps', c);
        const p = find(rows, endpoint, 'peer', c);
        return {
          concurrency: c,
          'floor rps': f.rps,
          'peer rps': p.rps,
          'ssps rps': s.rps,
          'ssps÷floor rps': ratio(s.rps, f.rps),
          'ssps÷peer rps': ratio(s.rps, p.rps),
          'floor p99 ms': f.p99,
          'peer p99 ms': p.p99,
          'ssps p99 ms': s.p99,
          'ssps÷floor p99': ratio(s.p99, f.p99),
          errors: s.errors + f.errors + p.errors,
        };
      }),
    );
    // At full load the machine is CPU-bound: requests per second follow the CPU all three processes spend on each.
    console.log(`${endpoint}: CPU per request (µs) — the server, the database, the load generator`);
    console.table(
      levels.flatMap((c) =>
        (['floor', 'peer', 'ssps'] as const).map((target) => {
          const r = find(rows, endpoint, target, c);
          return { concurrency: c, target, server: r.cpuUsPerRequest, database: r.dbCpuUsPerRequest, client: r.clientCpuUsPerRequest, total: r.cpuUsPerRequest + r.dbCpuUsPerRequest + r.clientCpuUsPerRequest };
        }),
      ),
    );
  }
  console.log(`start to ready: ${startToReadyMs.join(', ')} ms; largest RSS under load: ${maxRssMb} MB`);
}

/** SSPS's lookup latency on the largest database against the smallest, at each concurrency. */
function growth(results: SizeResult[]) {
  if (results.length < 2) return [];
  const small = results[0];
  const large = results[results.length - 1];
  return levels.map((c) => {
    const a = find(small.rows, 'lookup', 'ssps', c);
    const b = find(large.rows, 'lookup', 'ssps', c);
    return {
      concurrency: c,
      [`mean ms at ${small.applicants}`]: a.meanMs,
      [`mean ms at ${large.applicants}`]: b.meanMs,
      'mean ratio': +(b.meanMs / a.meanMs).toFixed(2),
      [`p99 ms at ${small.applicants}`]: a.p99,
      [`p99 ms at ${large.applicants}`]: b.p99,
      'p99 ratio': ratio(b.p99, a.p99),
    };
  });
}

/** What the numbers depend on: the server's version, its buffer pool, and how big the data is beside it. */
async function databaseInfo(): Promise<{ version: string; bufferPoolMb: number; dataMb: Record<string, number> }> {
  const c = await createConnection({ uri: databaseUrl(sizes[0]).admin });
  try {
    const [[info]] = (await c.query('SELECT VERSION() AS version, @@innodb_buffer_pool_size AS pool')) as unknown as [{ version: string; pool: number }[]];
    const [tables] = (await c.query(
      "SELECT table_schema AS db, ROUND(SUM(data_length + index_length) / 1048576) AS mb FROM information_schema.tables WHERE table_schema LIKE 'ssps\\_bench\\_%' AND table_name IN ('applicant', 'certificate_request', 'request_step') GROUP BY table_schema",
    )) as unknown as [{ db: string; mb: number }[]];
    return { version: info.version, bufferPoolMb: Math.round(Number(info.pool) / 1048576), dataMb: Object.fromEntries(tables.map((t) => [t.db, Number(t.mb)])) };
  } finally {
    await c.end();
  }
}

async function main() {
  if (values['observability-cost']) {
    const rows: CostRow[] = [];
    for (const applicants of sizes) rows.push(...(await observabilityCost(applicants)));
    printCost(rows);
    const out = path.resolve(projectRoot, values.out);
    mkdirSync(out, { recursive: true });
    const file = path.join(out, `${new Date().toISOString().replace(/[:.]/g, '-')}-observability.json`);
    writeFileSync(file, `${JSON.stringify({ date: new Date().toISOString(), duration, rounds: Number(values.rounds ?? 3), rows }, null, 2)}\n`);
    console.log(`written ${path.relative(projectRoot, file)}`);
    return;
  }
  const results: SizeResult[] = [];
  let captcha: CaptchaTimings | undefined;
  for (const [i, applicants] of sizes.entries()) {
    const run = await benchSize(applicants, i === 0 && !values['skip-captcha']);
    results.push(run.size);
    captcha ??= run.captcha;
    printSize(run.size);
  }
  const growthRows = growth(results);
  if (growthRows.length) {
    console.log('\nlookup latency, smallest size to largest');
    console.table(growthRows);
  }
  if (captcha) {
    console.log(`\nCAPTCHA (cost ${CAPTCHA.cost}, counter up to ${CAPTCHA.maxCounter}):`);
    console.log(`server verification per token: mean ${captcha.verify.meanMs} ms, p99 ${captcha.verify.p99Ms} ms over ${captcha.verify.tokens} tokens`);
    console.log(`solving in Chromium: median ${captcha.browser.medianMs} ms, max ${captcha.browser.maxMs} ms over ${captcha.browser.solves} solves`);
  }
  const out = path.resolve(projectRoot, values.out);
  mkdirSync(out, { recursive: true });
  const file = path.join(out, `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  const machine = { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.release()}` };
  const database = await databaseInfo();
  const versions = Object.fromEntries(
    ['@apollo/server', 'graphql', 'typeorm', 'mysql2', 'next', 'autocannon', 'rate-limiter-flexible'].map((name) => [
      name,
      (JSON.parse(readFileSync(path.join(projectRoot, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version,
    ]),
  );
  console.log(`\n${database.version}, InnoDB buffer pool ${database.bufferPoolMb} MB; lookup tables: ${Object.entries(database.dataMb).map(([db, mb]) => `${db} ${mb} MB`).join(', ')}`);
  writeFileSync(file, `${JSON.stringify({ date: new Date().toISOString(), duration, levels, machine, versions, database, sizes: results, growth: growthRows, captcha }, null, 2)}\n`);
  console.log(`written ${path.relative(projectRoot, file)}`);
}

try {
  await main();
} finally {
  rmSync(caRoot, { recursive: true, force: true });
}
