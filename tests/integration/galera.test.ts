import { createConnection } from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seed } from '../../server/demo/seed.js';
import { confirmedDraft, SUBMIT } from '../support/applying.js';
import { solvedToken } from '../support/captcha.js';
import type { TestDatabase } from '../support/databases.js';
import { cleanPdf } from '../support/documents.js';
import { galeraAvailable, startGaleraCluster, type GaleraCluster } from '../support/galera.js';
import { outcome, raceScenario, type Seeded } from '../support/racing.js';
import { startServer, type StartedServer } from '../support/server.js';

const LOOKUP = `query ($n: String!, $t: String) { certificateRequests(idType: CC, idNumber: $n, captchaToken: $t) { requests { id requestNumber } } }`;
const DETAIL = `query ($id: ID!) { requestDetail(id: $id) { requestNumber steps { kind state } } }`;
const MOVE = {
  pay: `mutation ($n: String!, $i: String!) { r: verifyPayment(requestNumber: $n, invoiceNumber: $i) { stage } }`,
  approve: `mutation ($n: String!) { r: approveRequest(requestNumber: $n) { stage } }`,
  deliver: `mutation ($n: String!) { r: deliverCertificate(requestNumber: $n) { stage } }`,
  ask: `mutation ($n: String!, $k: [DocumentKind!]!, $why: String!) { r: requestCorrection(requestNumber: $n, kinds: $k, reason: $why) { stage } }`,
};

// The cluster is this file's own: the instances reach it by DATABASE_URL, never through TEST_MYSQL_URL.
const mysql: TestDatabase = {
  name: 'mysql',
  create: () => Promise.reject(new Error('the Galera tests use the cluster’s database')),
};

/**
 * SSPS on a three-node MariaDB Galera cluster (multi-primary): one instance per node, each
 * with the DATABASE_URL of its node, the same SSPS_SECRET, and one Redis for the rate-limit
 * counters (REDIS_URL; the database's own counters when it is not set outside CI).
 */
describe.runIf(galeraAvailable())('SSPS on a three-node Galera cluster', () => {
  let cluster: GaleraCluster;
  let database: { urls: string[]; drop: () => Promise<void> };
  let instances: StartedServer[] = [];
  let operator: Record<string, string>;
  let partner: Record<string, string>;
  // A secret of this run's own: counters in a shared Redis never collide with another run's.
  const secret = `galera-test-${Date.now()}-${Math.random()}`.padEnd(48, 'x');

  beforeAll(async () => {
    cluster = await startGaleraCluster();
    database = await cluster.createDatabase('ssps_galera');
    const env = {
      SSPS_SECRET: secret,
      TRUST_PROXY: '1',
      RATE_LIMIT_LOOKUP_IDENTITY: '3/1m',
      ...(process.env.REDIS_URL || process.env.CI === 'true' ? { REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' } : {}),
    };
    // The first instance migrates and loads the demo data; the others find both replicated.
    instances = [await startServer(mysql, env, { url: database.urls[0] })];
    for (const url of database.urls.slice(1)) instances.push(await startServer(mysql, { ...env, SSPS_DEMO_DATA: '0' }, { url }));
    operator = { authorization: `Bearer ${(await instances[0].ssps.partners.create('operador-galera', { role: 'operator', ratePerMinute: 100_000 })).key}` };
    partner = { authorization: `Bearer ${(await instances[0].ssps.partners.create('portal-galera', { ratePerMinute: 100_000 })).key}` };
    // The harness may start the cluster twice (its first try can take up to 90 s to sync on a
    // machine loaded by the rest of the suite), then three instances start: room for all of it.
  }, 360_000);

  afterAll(async () => {
    for (const s of instances) await s.close();
    await database?.drop().catch(() => {});
    await cluster?.close();
  }, 60_000);

  const [a, b, c] = [0, 1, 2].map((i) => () => instances[i]);
  const errorsOf = (answers: { errors?: { extensions?: { code?: string } }[] }[]) => answers.flatMap((r) => r.errors ?? []).map((e) => e.extensions?.code);

  it('refuses on one node a CAPTCHA used on another, opens on one a handle issued by another, and shares the rate limits', async () => {
    // From an address of this part's own: the rate limit below counts from another.
    const client = { 'x-forwarded-for': '198.51.100.10' };
    const token = await solvedToken(a().url);
    const first = await a().gql<{ certificateRequests: { requests: { id: string; requestNumber: string }[] } }>(LOOKUP, { n: '1013592259', t: token }, client);
    expect(first.errors).toBeUndefined();
    const replay = await b().gql(LOOKUP, { n: '1013592259', t: token }, client);
    expect(replay.errors?.[0].extensions?.code).toBe('CAPTCHA_REUSED');

    // The same token on two nodes at the same instant: exactly one lookup.
    const twice = await solvedToken(b().url);
    const both = await Promise.all([b().gql(LOOKUP, { n: '80234567', t: twice }, client), c().gql(LOOKUP, { n: '80234567', t: twice }, client)]);
    expect(both.map((r) => r.errors?.[0].extensions?.code ?? 'OK').sort()).toEqual(['CAPTCHA_REUSED', 'OK']);

    const [request] = first.data!.certificateRequests.requests;
    for (const s of [b(), c()]) {
      const detail = await s.gql<{ requestDetail: { requestNumber: string } }>(DETAIL, { id: request.id });
      expect(detail.data?.requestDetail.requestNumber).toBe(request.requestNumber);
    }

    // Three lookups of one person from one address, whichever node each reaches; the fourth is refused everywhere.
    const from = { 'x-forwarded-for': '198.51.100.77' };
    const codes = [];
    for (const s of [a(), b(), c(), a(), b()]) codes.push((await s.gql(LOOKUP, { n: '52123456', t: await solvedToken(s.url) }, from)).errors?.[0].extensions?.code ?? 'OK');
    expect(codes).toEqual(['OK', 'OK', 'OK', 'RATE_LIMITED', 'RATE_LIMITED']);
  }, 60_000);

  it('gives submissions on three nodes at once distinct numbers, and files a draft submitted on two nodes at once once', async () => {
    const pdf = await cleanPdf();
    const drafts = await Promise.all(
      Array.from({ length: 9 }, async (_, i) => {
        const s = instances[i % 3];
        const id = await confirmedDraft(s, `galera${i}@example.com`);
        expect((await fetch(`${s.url}/applications/${id}/documents/ID_DOCUMENT`, { method: 'PUT', body: new Uint8Array(pdf) })).status).toBe(201);
        return id;
      }),
    );
    const application = (i: number) => ({ idType: 'CC', idNumber: String(71_000_000 + i), fullName: 'PERSONA GALERA PRUEBA', phone: '+57 300 123 4567', certificateType: 'PERSONA_NATURAL' });
    // The last draft goes to two nodes at once; the others each to one node.
    const answers = await Promise.all([
      ...drafts.slice(0, 8).map((d, i) => instances[i % 3].gql<{ submitApplication: { requestNumber: string; orderNumber: string } }>(SUBMIT, { d, a: application(i) })),
      ...[b(), c()].map((s) => s.gql<{ submitApplication: { requestNumber: string; orderNumber: string } }>(SUBMIT, { d: drafts[8], a: application(8) })),
    ]);
    const filed = answers.filter((r) => !r.errors);
    expect(errorsOf(answers)).toEqual(['NOT_FOUND']);
    expect(filed).toHaveLength(9);
    expect(new Set(filed.map((r) => r.data!.submitApplication.requestNumber)).size).toBe(9);
    expect(new Set(filed.map((r) => r.data!.submitApplication.orderNumber)).size).toBe(9);
  }, 90_000);

  it('lets one of several moves of one request on different nodes win, and answers the others with a refusal, never an error', async () => {
    const races: [Seeded, string, (n: string, i: number) => Record<string, unknown>][] = [
      ['AWAITING_PAYMENT', MOVE.pay, (n, i) => ({ n, i: `FV-G-${n}-${i % 2}` })],
      ['AWAITING_APPROVAL', MOVE.approve, (n) => ({ n })],
      ['AWAITING_DELIVERY', MOVE.deliver, (n) => ({ n })],
      ['AWAITING_FILING', MOVE.ask, (n, i) => ({ n, k: ['ID_DOCUMENT'], why: `La cédula no se lee (${i})` })],
    ];
    const scenarios = races.flatMap(([stage]) => [raceScenario(stage), raceScenario(stage)]);
    await a().ssps.db.run((ds) => seed(ds, scenarios), 30_000);
    const seen: string[] = [];
    for (const [k, [, query, variables]] of races.entries()) {
      for (const scenario of scenarios.slice(k * 2, k * 2 + 2)) {
        const n = String(scenario.requests[0].requestNumber);
        // Two racers per node, all at once.
        const outcomes = await Promise.all(Array.from({ length: 6 }, (_, i) => instances[i % 3].gql(query, variables(n, i), operator).then(outcome)));
        seen.push(...outcomes);
        expect(outcomes.filter((o) => o === 'OK'), outcomes.join(', ')).toHaveLength(1);
        for (const o of outcomes.filter((o) => o !== 'OK')) expect(o).toMatch(/^FAILED_PRECONDITION:(CONFLICT|ILLEGAL|PROPOSAL_OPEN)$/);
      }
    }
    // Across the cluster, certification (not only a row lock) decided some of these races.
    expect(seen.filter((o) => o === 'FAILED_PRECONDITION:CONFLICT').length).toBeGreaterThan(0);
  }, 60_000);

  it('reports an instance not ready (/readyz 503) while its node is not Synced, as a donor copying its data is not', async () => {
    const node2 = await createConnection({ host: '127.0.0.1', port: cluster.nodes[1].ports.sql, user: 'root' });
    try {
      await node2.query('SET GLOBAL wsrep_desync = ON');
      expect([(await fetch(`${a().url}/readyz`)).status, (await fetch(`${b().url}/readyz`)).status]).toEqual([200, 503]);
      await node2.query('SET GLOBAL wsrep_desync = OFF');
      await cluster.waitSynced();
      expect((await fetch(`${b().url}/readyz`)).status).toBe(200);
    } finally {
      await node2.end();
    }
  });

  it('keeps answering on the other nodes while one is down; the instance on it answers SERVICE_UNAVAILABLE and recovers by itself when the node rejoins', async () => {
    const token = await solvedToken(a().url);
    const lookup = await a().gql<{ certificateRequests: { requests: { id: string }[] } }>(LOOKUP, { n: '1013592259', t: token });
    const handle = lookup.data!.certificateRequests.requests[0].id;
    const log: { instance: number; phase: string; code: string }[] = [];
    let phase = 'all up';
    let running = true;
    // A stream of lookups (a partner's key) and details against every instance.
    const load = [0, 1, 2].map(async (i) => {
      for (let k = 0; running; k++) {
        const s = instances[i];
        const res = k % 2 === 0 ? await s.gql(LOOKUP, { n: '1013592259' }, partner) : await s.gql(DETAIL, { id: handle });
        log.push({ instance: i, phase, code: res.errors?.[0].extensions?.code ?? 'OK' });
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    });
    const ready = async (i: number) => (await fetch(`${instances[i].url}/readyz`)).status;
    try {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      phase = 'node 3 stopping';
      await cluster.stop(2);
      phase = 'node 3 down';
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(await Promise.all([0, 1, 2].map(ready))).toEqual([200, 200, 503]);
      const down = await c().gql(LOOKUP, { n: '1013592259' }, partner);
      expect(down.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');

      phase = 'node 3 rejoining';
      await cluster.restart(2);
      phase = 'node 3 back';
      // It caught up with what it missed from the others' cache (IST), not by a full copy.
      expect(cluster.errorLog(2)).toMatch(/IST received/);
      // The instance reconnects by itself, with nothing done to it.
      const deadline = Date.now() + 20_000;
      while ((await ready(2)) !== 200 || (await c().gql(LOOKUP, { n: '1013592259' }, partner)).errors) {
        if (Date.now() > deadline) throw new Error('the instance on node 3 did not recover');
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    } finally {
      running = false;
      await Promise.all(load);
    }
    const codes = (instance: number, phases: string[]) => [...new Set(log.filter((e) => e.instance === instance && phases.includes(e.phase)).map((e) => e.code))].sort();
    const all = ['all up', 'node 3 stopping', 'node 3 down', 'node 3 rejoining', 'node 3 back'];
    // The instances on nodes 1 and 2 never saw an error, not even while node 3 left and came back.
    expect(codes(0, all)).toEqual(['OK']);
    expect(codes(1, all)).toEqual(['OK']);
    // The one on node 3 answered SERVICE_UNAVAILABLE while its node was down, nothing else, then OK again.
    expect(codes(2, ['node 3 down'])).toEqual(['SERVICE_UNAVAILABLE']);
    expect(codes(2, all).filter((code) => code !== 'OK' && code !== 'SERVICE_UNAVAILABLE')).toEqual([]);
    expect(log.filter((e) => e.instance === 2 && e.phase === 'node 3 back').at(-1)?.code).toBe('OK');
    expect(log.filter((e) => e.phase === 'node 3 down' && e.instance < 2).length).toBeGreaterThan(10);
  }, 120_000);
});
