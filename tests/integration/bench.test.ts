import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { createConnection } from 'mysql2/promise';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../server/paths.js';
import { browserAvailable } from '../support/browser.js';
import { testDatabases } from '../support/databases.js';
import { tempDir } from '../support/process.js';

const run = promisify(execFile);

interface Row { endpoint: string; target: string; concurrency: number; rps: number; meanMs: number; p50: number; p99: number; cpuUsPerRequest: number; dbCpuUsPerRequest: number; clientCpuUsPerRequest: number; errors: number }
interface Result {
  machine: { cpus: number; node: string };
  versions: Record<string, string>;
  database: { version: string; bufferPoolMb: number };
  sizes: { applicants: number; startToReadyMs: number[]; maxRssMb: number; rows: Row[] }[];
  growth: Record<string, number>[];
  captcha?: { verify: { tokens: number; meanMs: number }; browser: { solves: number; medianMs: number } };
}

// `npm run bench` at toy scale: the harness itself must keep working, whatever its figures.
// The bench needs MySQL/MariaDB, so it runs wherever TEST_MYSQL_URL is set (always in CI).
const mysql = testDatabases().find((d) => d.name === 'mysql');

describe.runIf(mysql)('npm run bench, at toy scale', () => {
  it('measures the lookup and the detail against the floor and the stock Apollo peer on two sizes, the CAPTCHA, start-up and memory, and writes it all down', async () => {
    const out = tempDir('ssps-bench-');
    const sizes = [300, 600];
    const captcha = browserAvailable();
    try {
      await run(
        process.execPath,
        ['dist/bench/run.js', '--applicants', sizes.join(','), '--duration', '1', '--concurrency', '1,4', '--warmup', '0', '--out', out.dir,
          ...(captcha ? ['--captcha-tokens', '3', '--captcha-solves', '1'] : ['--skip-captcha'])],
        { cwd: projectRoot, env: { ...process.env, BENCH_MYSQL_URL: process.env.TEST_MYSQL_URL }, timeout: 240_000 },
      );
      const [file] = readdirSync(out.dir);
      const result = JSON.parse(readFileSync(path.join(out.dir, file), 'utf8')) as Result;

      expect(result.machine.cpus).toBeGreaterThan(0);
      expect(Object.keys(result.versions)).toEqual(expect.arrayContaining(['@apollo/server', 'graphql', 'typeorm', 'mysql2']));
      expect(result.database.bufferPoolMb).toBeGreaterThan(0);
      expect(result.sizes.map((s) => s.applicants)).toEqual(sizes);
      for (const size of result.sizes) {
        expect(size.startToReadyMs).toHaveLength(3);
        for (const ms of size.startToReadyMs) expect(ms).toBeGreaterThan(0);
        expect(size.maxRssMb).toBeGreaterThan(0);
        for (const endpoint of ['lookup', 'detail']) {
          for (const target of ['floor', 'ssps', 'peer']) {
            for (const concurrency of [1, 4]) {
              const row = size.rows.find((r) => r.endpoint === endpoint && r.target === target && r.concurrency === concurrency);
              // Every request answered 200, with data: an error would count here.
              expect(row, `${endpoint} ${target} c${concurrency}`).toMatchObject({ errors: 0 });
              expect(row!.rps).toBeGreaterThan(0);
              expect(row!.meanMs).toBeCloseTo((1000 * concurrency) / row!.rps, 1);
              // Each response's own latency, finer than whole milliseconds.
              expect(row!.p50).toBeGreaterThan(0);
              expect(row!.p99).toBeGreaterThanOrEqual(row!.p50);
              expect(row!.cpuUsPerRequest).toBeGreaterThan(0);
              // The other two processes every request costs: the database server and the load generator.
              expect(row!.dbCpuUsPerRequest).toBeGreaterThan(0);
              expect(row!.clientCpuUsPerRequest).toBeGreaterThan(0);
            }
          }
        }
      }
      expect(result.growth).toHaveLength(2);
      if (captcha) {
        expect(result.captcha!.verify.tokens).toBe(3);
        expect(result.captcha!.verify.meanMs).toBeGreaterThan(0);
        expect(result.captcha!.browser.medianMs).toBeGreaterThan(0);
      }
    } finally {
      out.remove();
      const admin = new URL(process.env.TEST_MYSQL_URL!);
      admin.pathname = '/';
      const c = await createConnection({ uri: admin.toString() });
      for (const n of sizes) await c.query(`DROP DATABASE IF EXISTS ssps_bench_${n}`);
      await c.end();
    }
  }, 300_000);
  it('measures what the access log and the metrics cost, the two servers in alternation', async () => {
    const out = tempDir('ssps-bench-');
    try {
      await run(
        process.execPath,
        ['dist/bench/run.js', '--observability-cost', '--applicants', '300', '--duration', '1', '--concurrency', '4', '--warmup', '0', '--rounds', '2', '--out', out.dir],
        { cwd: projectRoot, env: { ...process.env, BENCH_MYSQL_URL: process.env.TEST_MYSQL_URL }, timeout: 120_000 },
      );
      const [file] = readdirSync(out.dir);
      expect(file).toMatch(/-observability\.json$/);
      const result = JSON.parse(readFileSync(path.join(out.dir, file), 'utf8')) as { rounds: number; rows: { endpoint: string; observed: Row[]; unobserved: Row[] }[] };
      expect(result.rows.map((r) => r.endpoint)).toEqual(['lookup', 'detail']);
      for (const row of result.rows) {
        for (const measured of [...row.observed, ...row.unobserved]) {
          expect(measured).toMatchObject({ errors: 0 });
          expect(measured.rps).toBeGreaterThan(0);
          expect(measured.cpuUsPerRequest).toBeGreaterThan(0);
        }
        expect(row.observed).toHaveLength(2);
        expect(row.unobserved).toHaveLength(2);
      }
    } finally {
      out.remove();
      const admin = new URL(process.env.TEST_MYSQL_URL!);
      admin.pathname = '/';
      const c = await createConnection({ uri: admin.toString() });
      await c.query('DROP DATABASE IF EXISTS ssps_bench_300');
      await c.end();
    }
  }, 150_000);
});
