import { describe, expect, it } from 'vitest';
import { LookupAudit } from '../../entities/index.js';
import { AUDIT_BATCH, AuditLog, consultationsQuery } from '../../server/audit/audit-log.js';
import { toDate } from '../../server/db/values.js';
import { createLogger } from '../../server/log.js';
import { Pseudonymizer } from '../../server/privacy.js';
import { WIDE_SCOPE_FACTOR } from '../../server/ratelimit/limits.js';
import { solvedToken } from '../support/captcha.js';
import { testDatabases } from '../support/databases.js';
import { serverFor, startServer, TEST_SECRET } from '../support/server.js';

const LOOKUP = `query ($n: String!, $t: String) { certificateRequests(idType: CC, idNumber: $n, captchaToken: $t) { requests { id orderNumber requestNumber } detailNeedsOrderNumber } }`;
const DETAIL = `query ($id: ID!, $o: String) { requestDetail(id: $id, orderNumber: $o) { requestNumber serialNumber } }`;
const BY_SERIAL = `query ($s: String!) { certificateBySerial(serial: $s) { requestNumber state } }`;
type Lookup = { certificateRequests: { requests: { id: string; orderNumber: string; requestNumber: string }[]; detailNeedsOrderNumber: boolean } };

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

describe.each(testDatabases())('partners, rate limits and the audit on $name', (database) => {
  const server = serverFor(database);

  async function auditRows() {
    await server.ssps.audit.flush();
    return server.ssps.db.run((ds) => ds.getRepository(LookupAudit).find({ order: { id: 'ASC' } }));
  }

  describe('partner API keys', () => {
    it('lets a partner look up without a CAPTCHA, and refuses bad, revoked and expired keys with 401', async () => {
      const { key } = await server.ssps.partners.create('portal-a', { ratePerMinute: 100 });
      const ok = await server.gql<Lookup>(LOOKUP, { n: '1013592259' }, bearer(key));
      expect(ok.errors).toBeUndefined();
      expect(ok.data!.certificateRequests.requests[0].requestNumber).toBe('434070');

      for (const header of [bearer(`${key}x`), bearer('ssps_nope'), { authorization: key }, { authorization: 'Basic YWxhZGRpbjpvcGVu' }]) {
        const res = await server.gql(LOOKUP, { n: '1013592259' }, header);
        expect(res.status).toBe(401);
        expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      }

      const { key: expired } = await server.ssps.partners.create('portal-expired', { ratePerMinute: 100, expiresAt: new Date(Date.now() - 1000) });
      expect((await server.gql(LOOKUP, { n: '1013592259' }, bearer(expired))).status).toBe(401);

      expect(await server.ssps.partners.revoke('portal-a')).toBe(true);
      expect((await server.gql(LOOKUP, { n: '1013592259' }, bearer(key))).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('keeps only a hash of the key', async () => {
      const { key, partner } = await server.ssps.partners.create('portal-hash', { ratePerMinute: 100 });
      const stored = JSON.stringify(await server.ssps.db.run((ds) => ds.query('SELECT * FROM partner WHERE id = ?', [partner.id])));
      expect(stored).not.toContain(key);
      expect(stored).not.toContain(key.slice(12));
      expect(key).toMatch(/^ssps_[A-Za-z0-9_-]{43}$/);
    });

    it('gives each partner its own limit, answered with HTTP 429 and Retry-After', async () => {
      const { key } = await server.ssps.partners.create('portal-small', { ratePerMinute: 3 });
      const { key: other } = await server.ssps.partners.create('portal-other', { ratePerMinute: 3 });
      for (let i = 0; i < 3; i++) expect((await server.gql(LOOKUP, { n: '1013592259' }, bearer(key))).errors).toBeUndefined();
      const res = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...bearer(key) },
        body: JSON.stringify({ query: LOOKUP, variables: { n: '1013592259' } }),
      });
      const body = (await res.json()) as { errors: { extensions: { code: string; retryAfterSeconds: number } }[] };
      expect(res.status).toBe(429);
      expect(body.errors[0].extensions.code).toBe('RATE_LIMITED');
      expect(Number(res.headers.get('retry-after'))).toBe(body.errors[0].extensions.retryAfterSeconds);
      expect(body.errors[0].extensions.retryAfterSeconds).toBeGreaterThan(0);
      expect(body.errors[0].extensions.retryAfterSeconds).toBeLessThanOrEqual(60);
      expect((await server.gql(LOOKUP, { n: '1013592259' }, bearer(other))).errors).toBeUndefined();
    });
  });

  describe('the audit', () => {
    it('records who looked up whom, hashed and truncated, and what came of it', async () => {
      const before = (await auditRows()).length;
      const anon = await server.gql<Lookup>(LOOKUP, { n: '1013592259', t: await solvedToken(server.url) });
      await server.gql(DETAIL, { id: anon.data!.certificateRequests.requests[0].id });
      await server.gql(LOOKUP, { n: '71234567', t: 'forged' });
      const { key, partner } = await server.ssps.partners.create('portal-audit', { ratePerMinute: 100 });
      await server.gql(LOOKUP, { n: '14444524' }, bearer(key));

      const rows = (await auditRows()).slice(before);
      const pseudonyms = new Pseudonymizer(TEST_SECRET);
      expect(rows.map((r) => [r.kind, r.outcome, r.resultCount, r.partnerId, r.identityHash, r.clientNetwork])).toEqual([
        ['LOOKUP', 'OK', 1, null, pseudonyms.identity('CC', '1013592259'), '127.0.0.0/24'],
        ['DETAIL', 'OK', 1, null, pseudonyms.identity('CC', '1013592259'), '127.0.0.0/24'],
        ['LOOKUP', 'CAPTCHA_INVALID', 0, null, pseudonyms.identity('CC', '71234567'), '127.0.0.0/24'],
        ['LOOKUP', 'OK', 0, partner.id, pseudonyms.identity('CC', '14444524'), '127.0.0.0/24'],
      ]);
      expect(rows[1].requestId).not.toBeNull();
      // Written in UTC and read back as the same instant, on either driver.
      for (const row of rows) expect(Math.abs(row.occurredAt.getTime() - Date.now())).toBeLessThan(60_000);
      expect(JSON.stringify(rows)).not.toMatch(/1013592259|71234567|127\.0\.0\.1/);
    });

    it("spends the partner's budget on serial checks and audits each with the holder and the request", async () => {
      const { key, partner } = await server.ssps.partners.create('portal-serial', { ratePerMinute: 2 });
      const before = (await auditRows()).length;
      const check = async (serial: string) => {
        const res = await server.gql<{ certificateBySerial: { requestNumber: string } | null }>(BY_SERIAL, { s: serial }, bearer(key));
        return res.errors?.[0].extensions?.code ?? res.data?.certificateBySerial?.requestNumber ?? null;
      };
      expect([await check('3B:00:CD:D4:A8:D6:48:33:5E:FB:41:5E:3B:27:3B:D8'), await check('ff'), await check('3b00cdd4a8d648335efb415e3b273bd8')]).toEqual(['434070', null, 'RATE_LIMITED']);
      const rows = (await auditRows()).slice(before);
      expect(rows.map((r) => [r.kind, r.outcome, r.resultCount, r.partnerId, r.identityHash, r.requestId === null])).toEqual([
        ['SERIAL', 'OK', 1, partner.id, new Pseudonymizer(TEST_SECRET).identity('CC', '1013592259'), false],
        ['SERIAL', 'NOT_FOUND', 0, partner.id, null, true],
        ['SERIAL', 'RATE_LIMITED', 0, partner.id, null, true],
      ]);
    });

    it('writes what is queued on a clean shutdown', async () => {
      const other = await startServer(database, {}, { url: server.databaseUrl });
      await other.gql(LOOKUP, { n: '52123456', t: await solvedToken(other.url) });
      expect(other.ssps.audit.queued).toBeGreaterThan(0);
      await other.close();
      const hash = new Pseudonymizer(TEST_SECRET).identity('CC', '52123456');
      expect((await auditRows()).some((r) => r.identityHash === hash)).toBe(true);
    });

    it('writes full batches at once and partial ones on flush, and a flush ends while entries keep coming', async () => {
      // Its own log on the server's database, with a timer that never fires during the test.
      const audit = new AuditLog(server.ssps.db, createLogger('silent'), 3_600_000);
      const before = (await auditRows()).length;
      const entry = (i: number) => ({ kind: 'LOOKUP' as const, identityHash: `batch-${i}`, requestId: null, partnerId: null, clientNetwork: '10.0.0.0/24', outcome: 'OK', resultCount: 1 });
      // Full batches go without waiting for the timer; the half batch waits.
      const recorded = 3 * AUDIT_BATCH + AUDIT_BATCH / 2;
      for (let i = 0; i < recorded; i++) audit.record(entry(i));
      await expect.poll(() => audit.queued, { timeout: 5_000 }).toBe(AUDIT_BATCH / 2);

      // Under a steady stream a flush writes what was queued when it began, and returns.
      let streaming = true;
      let streamed = 0;
      const stream = (async () => {
        while (streaming) {
          audit.record(entry(10_000 + streamed++));
          await new Promise((r) => setImmediate(r));
        }
      })();
      await audit.flush();
      streaming = false;
      await stream;
      await audit.flush();
      expect(audit.queued).toBe(0);
      await audit.close();
      const written = (await auditRows()).slice(before).map((r) => r.identityHash);
      expect(written).toHaveLength(recorded + streamed);
      expect(new Set(written).size).toBe(written.length);
    });

    it("answers who consulted a person over the period asked for, and no one else's", async () => {
      const now = new Date();
      const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
      const entry = (identityHash: string, occurredAt: Date, outcome = 'OK') => ({ kind: 'LOOKUP' as const, identityHash, requestId: null, partnerId: null, clientNetwork: '10.1.2.0/24', outcome, resultCount: 1, occurredAt });
      for (const e of [entry('person-a', daysAgo(0)), entry('person-a', daysAgo(3), 'RATE_LIMITED'), entry('person-a', daysAgo(40)), entry('person-b', daysAgo(1))]) server.ssps.audit.record(e);
      await server.ssps.audit.flush();
      const consulted = async (hash: string, days: number) => {
        const { sql, parameters } = consultationsQuery(hash, daysAgo(days));
        const rows = (await server.ssps.db.run((ds) => ds.query(sql, parameters))) as { occurred_at: Date | string; outcome: string; network: string }[];
        // To the second: MySQL's datetime keeps no milliseconds.
        return rows.map((r) => [Math.floor(toDate(r.occurred_at)!.getTime() / 1000), r.outcome, r.network]);
      };
      expect(await consulted('person-a', 30)).toEqual([
        [Math.floor(daysAgo(0).getTime() / 1000), 'OK', '10.1.2.0/24'],
        [Math.floor(daysAgo(3).getTime() / 1000), 'RATE_LIMITED', '10.1.2.0/24'],
      ]);
      expect(await consulted('person-a', 365)).toHaveLength(3);
      expect(await consulted('person-b', 365)).toHaveLength(1);
      expect(await consulted('person-c', 365)).toEqual([]);
    });

    it('forgets entries older than the retention period', async () => {
      const old = new Date(Date.now() - 400 * 86_400_000);
      server.ssps.audit.record({ kind: 'LOOKUP', identityHash: 'old', requestId: null, partnerId: null, clientNetwork: '10.0.0.0/24', outcome: 'OK', resultCount: 0, occurredAt: old });
      server.ssps.audit.record({ kind: 'LOOKUP', identityHash: 'recent', requestId: null, partnerId: null, clientNetwork: '10.0.0.0/24', outcome: 'OK', resultCount: 0 });
      await server.ssps.audit.flush();
      expect(await server.ssps.audit.purge(365)).toBeGreaterThanOrEqual(1);
      const hashes = (await auditRows()).map((r) => r.identityHash);
      expect(hashes).not.toContain('old');
      expect(hashes).toContain('recent');
    });
  });

  // Each on a database of its own, so no other test's lookups count against these limits.
  describe('rate limits', () => {
    it('limits lookups per client address, sharing the count between instances', async () => {
      const env = { RATE_LIMIT_LOOKUP_IP: '4/1m' };
      const a = await startServer(database, env);
      const b = await startServer(database, env, { url: a.databaseUrl });
      try {
        const codes = [];
        for (const s of [a, b, a, b, a, b]) {
          const res = await s.gql(LOOKUP, { n: '1013592259', t: await solvedToken(s.url) });
          codes.push(res.errors?.[0].extensions?.code ?? 'OK');
        }
        expect(codes).toEqual(['OK', 'OK', 'OK', 'OK', 'RATE_LIMITED', 'RATE_LIMITED']);
      } finally {
        await b.close();
        await a.close();
        await a.dropDatabase();
      }
    });

    it("limits lookups of one person per client address, so exhausting it from one address does not refuse another's, and believes X-Forwarded-For only behind TRUST_PROXY", async () => {
      const s = await startServer(database, { RATE_LIMIT_LOOKUP_IDENTITY: '2/1h', TRUST_PROXY: '1' });
      try {
        const from = async (ip: string, n: string) =>
          (await s.gql(LOOKUP, { n, t: await solvedToken(s.url) }, { 'x-forwarded-for': ip })).errors?.[0].extensions?.code ?? 'OK';
        expect([await from('203.0.113.1', '39876543'), await from('203.0.113.1', '39876543'), await from('203.0.113.1', '39876543')]).toEqual([
          'OK', 'OK', 'RATE_LIMITED',
        ]);
        // The same person from another address, and another person from the exhausted one.
        expect(await from('203.0.113.2', '39876543')).toBe('OK');
        expect(await from('203.0.113.1', '80234567')).toBe('OK');
      } finally {
        await s.close();
        await s.dropDatabase();
      }
      const direct = await startServer(database, { RATE_LIMIT_LOOKUP_IP: '2/1m', TRUST_PROXY: '0' });
      try {
        const codes = [];
        for (const ip of ['198.51.100.1', '198.51.100.2', '198.51.100.3']) {
          codes.push((await direct.gql(LOOKUP, { n: '1020304050', t: await solvedToken(direct.url) }, { 'x-forwarded-for': ip })).errors?.[0].extensions?.code ?? 'OK');
        }
        // A forged X-Forwarded-For buys nothing when no proxy is trusted.
        expect(codes).toEqual(['OK', 'OK', 'RATE_LIMITED']);
      } finally {
        await direct.close();
        await direct.dropDatabase();
      }
    });

    it('counts missing, invalid and reused CAPTCHA tokens in their own bucket, never in the address or person budget', async () => {
      const s = await startServer(database, { RATE_LIMIT_LOOKUP_IP: '2/1m', RATE_LIMIT_LOOKUP_IDENTITY: '2/1h', RATE_LIMIT_CAPTCHA_FAILURES_IP: '3/1m' });
      try {
        const lookup = async (t?: string) => (await s.gql(LOOKUP, { n: '39876543', t })).errors?.[0].extensions?.code ?? 'OK';
        const token = await solvedToken(s.url);
        expect(await lookup(token)).toBe('OK');
        expect([await lookup(), await lookup('forged'), await lookup(token)]).toEqual(['CAPTCHA_INVALID', 'CAPTCHA_INVALID', 'CAPTCHA_REUSED']);
        // Past its own bucket a failure is refused as such, and a solved CAPTCHA still goes through:
        // the failures spent neither the address's budget nor the person's.
        expect(await lookup('forged')).toBe('RATE_LIMITED');
        expect(await lookup(await solvedToken(s.url))).toBe('OK');
        expect(await lookup(await solvedToken(s.url))).toBe('RATE_LIMITED');
      } finally {
        await s.close();
        await s.dropDatabase();
      }
    });

    it('limits an IPv6 client by its /64, and its /48 by WIDE_SCOPE_FACTOR times that', async () => {
      const s = await startServer(database, { RATE_LIMIT_DETAIL_IP: '2/1m', RATE_LIMIT_CHALLENGE_IP: '3/1m', RATE_LIMIT_LOOKUP_IP: '1/1m', TRUST_PROXY: '1' });
      try {
        const detail = async (ip: string) => (await s.gql(DETAIL, { id: 'x' }, { 'x-forwarded-for': ip })).errors?.[0].extensions?.code;
        // Two addresses of one /64 share its budget.
        expect([await detail('2001:db8:1:1::1'), await detail('2001:db8:1:1:ffff::2'), await detail('2001:DB8:1:1::3')]).toEqual(['NOT_FOUND', 'NOT_FOUND', 'RATE_LIMITED']);
        // Other /64s of the same /48 have their own, until the /48's runs out.
        const codes = [];
        for (let n = 2; n <= WIDE_SCOPE_FACTOR + 1; n++) codes.push(await detail(`2001:db8:1:${n.toString(16)}::1`), await detail(`2001:db8:1:${n.toString(16)}::2`));
        expect(codes.slice(0, 2 * (WIDE_SCOPE_FACTOR - 1))).toEqual(Array(2 * (WIDE_SCOPE_FACTOR - 1)).fill('NOT_FOUND'));
        expect(codes.slice(2 * (WIDE_SCOPE_FACTOR - 1))).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
        // Another /48, and IPv4 addresses, each count on their own.
        expect(await detail('2001:db8:2:1::1')).toBe('NOT_FOUND');
        expect([await detail('192.0.2.1'), await detail('192.0.2.1'), await detail('192.0.2.1'), await detail('192.0.2.2')]).toEqual(['NOT_FOUND', 'NOT_FOUND', 'RATE_LIMITED', 'NOT_FOUND']);

        // The CAPTCHA challenge and the lookup are counted the same way.
        const challenge = async (ip: string) => (await fetch(`${s.url}/captcha/challenge`, { headers: { 'x-forwarded-for': ip } })).status;
        const challenges = [];
        for (const ip of ['2001:db8:3:1::1', '2001:db8:3:1::2', '2001:db8:3:1::3', '2001:db8:3:1::4', '2001:db8:3:2::1']) challenges.push(await challenge(ip));
        expect(challenges).toEqual([200, 200, 200, 429, 200]);
        // Each lookup's token comes from the test's own address: three, within that address's budget.
        const lookup = async (ip: string) => (await s.gql(LOOKUP, { n: '1013592259', t: await solvedToken(s.url) }, { 'x-forwarded-for': ip })).errors?.[0].extensions?.code ?? 'OK';
        expect([await lookup('2001:db8:4:1::1'), await lookup('2001:db8:4:1::2'), await lookup('2001:db8:4:2::1')]).toEqual(['OK', 'RATE_LIMITED', 'OK']);
      } finally {
        await s.close();
        await s.dropDatabase();
      }
    });

    it('spends a large partner budget in leases that add up across instances, never past the budget', async () => {
      // 300 a minute: leases of 3 (LEASE_PARTS = 100), so one counter write serves three lookups.
      const a = await startServer(database, {});
      const b = await startServer(database, {}, { url: a.databaseUrl });
      try {
        const { key, partner } = await a.ssps.partners.create('portal-lease', { ratePerMinute: 300 });
        const counter = async () =>
          Number(((await a.ssps.db.run((ds) => ds.query('SELECT points FROM rate_limit WHERE `key` = ?', [`rl_partner300:${partner.id}`]))) as { points: number }[])[0].points);
        const lookup = async (s: typeof a) => (await s.gql(LOOKUP, { n: '1013592259' }, bearer(key))).errors?.[0].extensions?.code ?? 'OK';

        expect(await lookup(a)).toBe('OK');
        expect(await counter()).toBe(3); // the lease, not the one lookup
        expect([await lookup(a), await lookup(a)]).toEqual(['OK', 'OK']);
        expect(await counter()).toBe(3); // served from the lease: no write
        expect(await lookup(b)).toBe('OK');
        expect(await counter()).toBe(6); // the other instance takes its own from the same counter

        // Concurrent lookups on one instance wait for one lease instead of each taking one.
        const burst = await Promise.all(Array.from({ length: 30 }, () => lookup(a)));
        expect(burst.every((code) => code === 'OK')).toBe(true);
        expect(await counter()).toBeLessThanOrEqual(6 + 30 + 3);

        const codes: string[] = [];
        for (let i = 0; i < 320; i++) codes.push(await lookup(i % 2 ? a : b));
        const served = 4 + 30 + codes.filter((c) => c === 'OK').length;
        // Never past the budget; at most one lease per instance held back unused.
        expect(served).toBeLessThanOrEqual(300);
        expect(served).toBeGreaterThanOrEqual(300 - 2 * 3);
        expect(codes.at(-1)).toBe('RATE_LIMITED');
      } finally {
        await b.close();
        await a.close();
        await a.dropDatabase();
      }
    });

    it('limits detail reads per client address', async () => {
      const s = await startServer(database, { RATE_LIMIT_DETAIL_IP: '2/1m' });
      try {
        const codes = [];
        for (let i = 0; i < 3; i++) codes.push((await s.gql(DETAIL, { id: 'x' })).errors?.[0].extensions?.code);
        expect(codes).toEqual(['NOT_FOUND', 'NOT_FOUND', 'RATE_LIMITED']);
      } finally {
        await s.close();
        await s.dropDatabase();
      }
    });
  });

  it('limits CAPTCHA challenges per client address (HTTP 429, Retry-After)', async () => {
    const s = await startServer(database, { RATE_LIMIT_CHALLENGE_IP: '2/1m' });
    try {
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await fetch(`${s.url}/captcha/challenge`)).status);
      expect(statuses).toEqual([200, 200, 429]);
      const refused = await fetch(`${s.url}/captcha/challenge`);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await refused.json()) as { code: string }).code).toBe('RATE_LIMITED');
    } finally {
      await s.close();
      await s.dropDatabase();
    }
  });

  describe('LOOKUP_SECOND_FACTOR=order-number', () => {
    it('masks order numbers in the lookup and opens the detail only with the right one', async () => {
      const s = await startServer(database, { LOOKUP_SECOND_FACTOR: 'order-number' }, { url: server.databaseUrl });
      try {
        const res = await s.gql<Lookup>(LOOKUP, { n: '1013592259', t: await solvedToken(s.url) });
        const [row] = res.data!.certificateRequests.requests;
        expect(res.data!.certificateRequests.detailNeedsOrderNumber).toBe(true);
        expect(row.orderNumber).toBe('••••43');
        const missing = await s.gql(DETAIL, { id: row.id });
        expect(missing.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'orderNumber' });
        expect((await s.gql(DETAIL, { id: row.id, o: '434044' })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
        expect((await s.gql(DETAIL, { id: row.id, o: ' 434043 ' })).data).toEqual({
          requestDetail: { requestNumber: '434070', serialNumber: '3b00cdd4a8d648335efb415e3b273bd8' },
        });
      } finally {
        await s.close();
      }
    });
  });
});

describe.runIf(process.env.REDIS_URL || process.env.CI === 'true')('rate limits in Redis', () => {
  it('shares counters between instances through REDIS_URL', async () => {
    const database = testDatabases()[0];
    // A secret of this run's own: counters in a shared Redis never collide with an earlier run's.
    const secret = `redis-test-${Date.now()}-${Math.random()}`.padEnd(40, 'x');
    const env = { REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', RATE_LIMIT_LOOKUP_IP: '2/1m', RATE_LIMIT_DETAIL_IP: '1/1m', TRUST_PROXY: '1', SSPS_SECRET: secret };
    const a = await startServer(database, env);
    const b = await startServer(database, env, { url: a.databaseUrl });
    try {
      const codes = [];
      for (const s of [a, b, a]) codes.push((await s.gql(LOOKUP, { n: '1013592259', t: await solvedToken(s.url) })).errors?.[0].extensions?.code ?? 'OK');
      expect(codes).toEqual(['OK', 'OK', 'RATE_LIMITED']);
      // An IPv6 /64 is one client there too, whichever instance it reaches.
      const detail = async (s: typeof a, ip: string) => (await s.gql(DETAIL, { id: 'x' }, { 'x-forwarded-for': ip })).errors?.[0].extensions?.code;
      expect([await detail(a, '2001:db8:9:1::1'), await detail(b, '2001:db8:9:1::2'), await detail(b, '2001:db8:9:2::1')]).toEqual(['NOT_FOUND', 'RATE_LIMITED', 'NOT_FOUND']);
      const rows = await a.ssps.db.run((ds) => ds.query('SELECT COUNT(*) AS n FROM rate_limit'));
      expect(Number((rows as { n: number }[])[0].n)).toBe(0);
    } finally {
      await b.close();
      await a.close();
      await a.dropDatabase();
    }
  });
});
