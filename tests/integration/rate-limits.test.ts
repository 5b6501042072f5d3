import { describe, expect, it } from 'vitest';
import { WIDE_SCOPE_FACTOR } from '../../server/ratelimit/limits.js';
import { solvedToken } from '../support/captcha.js';
import { testDatabases } from '../support/databases.js';
import { startServer } from '../support/server.js';

const LOOKUP = `query ($n: String!, $t: String) { certificateRequests(idType: CC, idNumber: $n, captchaToken: $t) { requests { id orderNumber requestNumber } detailNeedsOrderNumber } }`;
const DETAIL = `query ($id: ID!, $o: String) { requestDetail(id: $id, orderNumber: $o) { requestNumber serialNumber } }`;

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

describe.each(testDatabases())('rate limits on $name', (database) => {
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
