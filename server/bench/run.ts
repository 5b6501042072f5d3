/**
 * `npm run bench [-- --applicants N --duration S]`: the partner lookup through /graphql, with
 * everything on (key check, rate limit, audit), against the floor (floor.ts), on MariaDB/MySQL
 * (BENCH_MYSQL_URL, default TEST_MYSQL_URL), at a few concurrency levels. Prints a table and
 * writes bench/results/<date>.json with the machine and the versions. See BENCHMARKS.md.
 */
import autocannon from 'autocannon';
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createConnection } from 'mysql2/promise';
import { openDatabase } from '../db/data-source.js';
import { synthesize, SYNTH_ID_BASE } from '../db/synth.js';
import { PartnerService } from '../partners/service.js';
import { Database } from '../db/database.js';
import { createLogger } from '../log.js';
import { projectRoot } from '../paths.js';

const { values } = parseArgs({ options: { applicants: { type: 'string', default: '10000' }, duration: { type: 'string', default: '10' }, concurrency: { type: 'string', default: '1,8,32' } } });
const applicants = Number(values.applicants);
const duration = Number(values.duration);
const levels = values.concurrency.split(',').map(Number);
const base = process.env.BENCH_MYSQL_URL ?? process.env.TEST_MYSQL_URL;
if (!base) throw new Error('BENCH_MYSQL_URL (or TEST_MYSQL_URL) must name a MySQL/MariaDB server');

const dbName = `ssps_bench_${applicants}`;
const admin = new URL(base);
admin.pathname = '/';
const url = new URL(base);
url.pathname = `/${dbName}`;

async function prepare(): Promise<void> {
  const c = await createConnection({ uri: admin.toString() });
  await c.query(`CREATE DATABASE IF NOT EXISTS \`${dbName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await c.end();
  const ds = await openDatabase({ database: { kind: 'mysql', url: url.toString() }, timeoutMs: 10_000 });
  const [{ n }] = (await ds.query('SELECT COUNT(*) AS n FROM applicant WHERE id_number >= ?', [String(SYNTH_ID_BASE)])) as { n: number }[];
  if (Number(n) < applicants) {
    console.error(`synthesizing ${applicants - Number(n)} applicants in ${dbName}…`);
    await ds.query('DELETE FROM request_step'); // a clean slate keeps the ids and numbers simple
    await ds.query('DELETE FROM certificate_request');
    await ds.query('DELETE FROM applicant');
    await synthesize(ds, applicants, 5_000);
  }
  await ds.destroy();
}

function start(script: string, args: string[], env: Record<string, string>): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(projectRoot, script), args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    child.once('error', reject);
    child.once('message', () => resolve(child));
  });
}

async function waitReady(port: number) {
  for (let i = 0; i < 200; i++) {
    if (await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('SSPS did not become ready');
}

interface Row { target: string; concurrency: number; rps: number; p50: number; p99: number; errors: number }

async function measure(target: string, port: number, concurrency: number, body: (id: string) => string, headers: Record<string, string>): Promise<Row> {
  const result = await autocannon({
    url: `http://127.0.0.1:${port}${target === 'floor' ? '/' : '/graphql'}`,
    method: 'POST',
    connections: concurrency,
    duration,
    headers: { 'content-type': 'application/json', ...headers },
    requests: [{ setupRequest: (req) => ({ ...req, body: body(String(SYNTH_ID_BASE + Math.floor(Math.random() * applicants))) }) }],
  });
  return { target, concurrency, rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

async function main() {
  await prepare();
  const env = { DATABASE_URL: url.toString(), NODE_ENV: 'production' as const, SSPS_SECRET: 'bench-secret-0123456789abcdef0123456789', SSPS_WEB: '0', LOG_LEVEL: 'warn', PORT: '3900', HOST: '127.0.0.1' };
  const db = new Database({ config: { kind: 'mysql', url: url.toString() }, deadlineMs: 10_000, log: createLogger('silent'), retry: false });
  await db.start();
  const { key } = await new PartnerService(db).create(`bench-${Date.now()}`, { ratePerMinute: 100_000_000 });
  await db.close();

  const floor = await start('dist/server/bench/floor.js', [url.toString(), '3901'], {});
  const ssps = fork(path.join(projectRoot, 'dist/server/main.js'), [], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  await waitReady(3900);

  const query = 'query ($n: String!) { certificateRequests(idType: CC, idNumber: $n) { applicant { fullName } requests { id orderNumber requestNumber issuedOn holderName company project certificateType status } } }';
  const rows: Row[] = [];
  try {
    for (const c of levels) {
      rows.push(await measure('floor', 3901, c, (n) => JSON.stringify({ idType: 'CC', idNumber: n }), {}));
      rows.push(await measure('ssps', 3900, c, (n) => JSON.stringify({ query, variables: { n } }), { authorization: `Bearer ${key}` }));
    }
  } finally {
    floor.kill();
    ssps.kill('SIGTERM');
  }
  console.log(`\npartner lookup, ${applicants} applicants, ${duration} s per run, MariaDB/MySQL at ${url.host}`);
  console.table(
    levels.map((c) => {
      const f = rows.find((r) => r.target === 'floor' && r.concurrency === c)!;
      const s = rows.find((r) => r.target === 'ssps' && r.concurrency === c)!;
      return { concurrency: c, 'floor rps': f.rps, 'ssps rps': s.rps, 'rps ratio': +(s.rps / f.rps).toFixed(2), 'floor p99 ms': f.p99, 'ssps p99 ms': s.p99, 'p99 ratio': +(s.p99 / Math.max(1, f.p99)).toFixed(2), errors: s.errors + f.errors };
    }),
  );
  const out = path.join(projectRoot, 'bench/results');
  mkdirSync(out, { recursive: true });
  const file = path.join(out, `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  const machine = { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.release()}` };
  writeFileSync(file, `${JSON.stringify({ applicants, duration, machine, rows }, null, 2)}\n`);
  console.log(`written ${path.relative(projectRoot, file)}`);
}

await main();
