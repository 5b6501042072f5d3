import { existsSync } from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { solvedToken } from '../support/captcha.js';
import { testDatabases } from '../support/databases.js';
import { freePort, MAIN, startCompiledServer } from '../support/process.js';
import { capturedLog, startServer, type StartedServer } from '../support/server.js';
import { draft, slowPut } from '../support/uploads.js';
import { cleanPdf } from '../support/documents.js';

const LOOKUP = 'query Lookup($n: String!, $t: String) { certificateRequests(idType: CC, idNumber: $n, captchaToken: $t) { requests { requestNumber } } }';
const METRICS_TOKEN = 'metrics-token-0123456789abcdef';

async function lookup(url: string, headers: Record<string, string> = {}, token?: string) {
  return fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: LOOKUP, operationName: 'Lookup', variables: { n: '1013592259', t: token ?? (await solvedToken(url)) } }),
  });
}

describe.each(testDatabases())('observability on $name', (database) => {
  const captured = capturedLog();
  let server: StartedServer;

  beforeAll(async () => {
    server = await startServer(database, { METRICS_TOKEN, RATE_LIMIT_DETAIL_IP: '2/1m' }, undefined, { log: captured.log });
  });
  afterAll(async () => {
    await server?.close();
    await server?.dropDatabase();
  });

  const accessLines = () =>
    captured
      .text()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .filter((l) => l.msg === 'request' || l.msg === 'request failed');

  it('logs one line per request with its id, route, status, duration and operation, and echoes the id', async () => {
    const res = await lookup(server.url, { 'x-request-id': 'caso-1234-abcd' });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe('caso-1234-abcd');
    const line = accessLines().find((l) => l.requestId === 'caso-1234-abcd');
    expect(line).toMatchObject({ method: 'POST', route: '/graphql', status: 200, operation: 'Lookup', code: 'OK' });
    expect(typeof line!.durationMs).toBe('number');

    // An id that is not an id (a name, a sentence) is replaced, never logged.
    const odd = await lookup(server.url, { 'x-request-id': 'Ana María Pérez 1013592259' });
    const given = odd.headers.get('x-request-id')!;
    expect(given).toMatch(/^[0-9a-f-]{36}$/);
    expect(accessLines().some((l) => l.requestId === given)).toBe(true);

    // A refusal is logged with its code.
    const reused = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: LOOKUP, variables: { n: '1013592259', t: 'no-es-un-token' } }),
    });
    const refused = accessLines().find((l) => l.requestId === reused.headers.get('x-request-id'));
    expect(refused).toMatchObject({ route: '/graphql', operation: 'Lookup', code: 'CAPTCHA_INVALID' });

    // A path that carries a draft id is logged by its shape.
    await fetch(`${server.url}/applications/${'x'.repeat(43)}/documents/ID_DOCUMENT`, { method: 'PUT', body: 'x' });
    const all = captured.text();
    expect(all).toContain('"route":"/applications/:draft/documents/:kind"');
    for (const secret of ['1013592259', 'Ana María', 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'no-es-un-token', '"variables"', '"query"', 'user-agent']) {
      expect(all).not.toContain(secret);
    }
  });

  it('serves Prometheus metrics behind METRICS_TOKEN: requests, operations, refusals, CAPTCHAs, outbox, event loop', async () => {
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${server.url}/metrics`, { headers: { authorization: 'Bearer wrong-token-0123456789abcdef' } })).status).toBe(401);

    // A CAPTCHA solved, then replayed; a detail budget (2 a minute) spent past its end.
    const token = await solvedToken(server.url);
    await lookup(server.url, {}, token);
    await lookup(server.url, {}, token);
    for (let i = 0; i < 3; i++) {
      await server.gql('query { requestDetail(id: "nada") { requestNumber } }');
    }

    const res = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toMatch(/ssps_http_requests_total\{route="\/graphql",method="POST",status="200"\} \d+/);
    expect(text).toMatch(/ssps_http_request_duration_seconds_bucket\{le="0\.\d+",route="\/graphql",status="200"\} \d+/);
    expect(text).toMatch(/ssps_graphql_operations_total\{operation="Lookup",code="OK"\} \d+/);
    expect(text).toMatch(/ssps_graphql_operations_total\{operation="Lookup",code="CAPTCHA_REUSED"\} 1/);
    expect(text).toMatch(/ssps_graphql_operations_total\{operation="anonymous",code="RATE_LIMITED"\} 1/);
    expect(text).toMatch(/ssps_rate_limit_refusals_total\{rule="detailIp"\} 1/);
    expect(text).toMatch(/ssps_captcha_outcomes_total\{outcome="SOLVED"\} \d+/);
    expect(text).toMatch(/ssps_captcha_outcomes_total\{outcome="REUSED"\} 1/);
    expect(text).toMatch(/ssps_outbox_messages\{state="pending"\} \d+/);
    expect(text).toMatch(/ssps_outbox_messages\{state="dead"\} 0/);
    expect(text).toMatch(/ssps_nodejs_eventloop_lag_seconds \d/);
    if (database.name === 'mysql') expect(text).toMatch(/ssps_db_pool_connections\{state="all"\} \d+/);
    // Nothing of the callers: no identity, no address.
    expect(text).not.toContain('1013592259');
    expect(text).not.toContain('127.0.0.1');
  });

  it('keeps client-chosen operation names from growing the metrics without end', async () => {
    for (let i = 0; i < 120; i++) {
      await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `query Nombre${i} { __typename }` }) });
    }
    const text = await (await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
    const names = new Set([...text.matchAll(/ssps_graphql_operations_total\{operation="([^"]+)"/g)].map((m) => m[1]));
    expect(names.size).toBeLessThanOrEqual(102);
    expect(names.has('other')).toBe(true);
  });
});

describe('metrics on a port of their own', () => {
  it('answers /metrics on METRICS_PORT (no token needed there) and not on the public port', async () => {
    const metricsPort = await freePort();
    const [database] = testDatabases();
    const server = await startServer(database, { METRICS_PORT: String(metricsPort) });
    try {
      await lookup(server.url);
      const res = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
      expect(res.status).toBe(200);
      expect(await res.text()).toMatch(/ssps_graphql_operations_total\{operation="Lookup",code="OK"\} 1/);
      expect((await fetch(`${server.url}/metrics`)).status).toBe(404);
      expect((await fetch(`http://127.0.0.1:${metricsPort}/graphql`)).status).toBe(404);
    } finally {
      await server.close();
      await server.dropDatabase();
    }
  });
});

describe('observability off', () => {
  it('writes no access line above LOG_LEVEL=info and counts nothing with no /metrics, but still echoes the request id', async () => {
    const [database] = testDatabases();
    const quiet = capturedLog();
    quiet.log.level = 'warn';
    const server = await startServer(database, {}, undefined, { log: quiet.log });
    try {
      const res = await lookup(server.url, { 'x-request-id': 'caso-5678-efgh' });
      expect(res.status).toBe(200);
      expect(res.headers.get('x-request-id')).toBe('caso-5678-efgh');
      expect((await lookup(server.url)).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      expect(quiet.text()).not.toContain('"msg":"request"');
      expect(server.ssps.metrics).toBeNull();
      expect((await fetch(`${server.url}/metrics`)).status).toBe(404);
    } finally {
      await server.close();
      await server.dropDatabase();
    }
  });
});

describe.runIf(existsSync(MAIN) || process.env.CI === 'true')('a graceful stop (SIGTERM)', () => {
  it('turns /readyz to 503 first, lets the request in flight finish, writes the queued audit, then exits 0', async () => {
    const server = await startCompiledServer({ SSPS_WEB: '0', SHUTDOWN_GRACE_MS: '1500', CAPTCHA_COST: '50', CAPTCHA_MAX_COUNTER: '20', LOG_LEVEL: 'silent' });
    const dataDir = server.dataDir;
    const dbFile = path.join(dataDir, 'ssps.sqlite');
    const pdf = await cleanPdf();
    // A document upload that takes about 2 s to send (the PDF, then trailing blanks, which PDF allows): in flight across the whole stop.
    const codeOf = async (email: string) => {
      const [row] = (await sqlite(dbFile, 'SELECT subject FROM notification_outbox WHERE recipient = ? AND request_id IS NULL ORDER BY id DESC', [email])) as { subject: string }[];
      return /(\d{6})$/.exec(row.subject)![1];
    };
    const draftId = await draft(server.url, codeOf);
    expect((await lookup(server.url)).status).toBe(200);
    const upload = slowPut(server.url, `/applications/${draftId}/documents/ID_DOCUMENT`, {}, { first: pdf, total: pdf.length + 40_960, chunk: 2048, intervalMs: 100 });
    await new Promise((r) => setTimeout(r, 300));
    server.proc.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 200));
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'stopping' });
    // Still served during the grace: a load balancer's last requests are answered.
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const answer = await upload;
    expect(answer.status).toBe(201);
    expect(await server.proc.exited).toBe(0);
    const [{ n }] = (await sqlite(dbFile, "SELECT COUNT(*) AS n FROM lookup_audit WHERE kind = 'LOOKUP'", [])) as { n: number }[];
    expect(n).toBe(1);
    const [{ docs }] = (await sqlite(dbFile, 'SELECT COUNT(*) AS docs FROM request_document WHERE draft_id = ?', [draftId])) as { docs: number }[];
    expect(docs).toBe(1);
  }, 60_000);
});

/** A query on the stopped (or running) server's embedded database, from outside it. */
async function sqlite(file: string, sql: string, parameters: unknown[]): Promise<unknown[]> {
  const ds = await new DataSource({ type: 'better-sqlite3', database: file }).initialize();
  try {
    return (await ds.query(sql, parameters)) as unknown[];
  } finally {
    await ds.destroy();
  }
}
