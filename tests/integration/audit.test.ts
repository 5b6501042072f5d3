import { describe, expect, it } from 'vitest';
import { LookupAudit } from '../../entities/index.js';
import { AUDIT_BATCH, AuditLog, consultationsQuery } from '../../server/audit/audit-log.js';
import { toDate } from '../../server/db/values.js';
import { createLogger } from '../../server/log.js';
import { Pseudonymizer } from '../../server/privacy.js';
import { solvedToken } from '../support/captcha.js';
import { testDatabases } from '../support/databases.js';
import { serverFor, startServer, TEST_SECRET } from '../support/server.js';

const LOOKUP = `query ($n: String!, $t: String) { certificateRequests(idType: CC, idNumber: $n, captchaToken: $t) { requests { id orderNumber requestNumber } detailNeedsOrderNumber } }`;
const DETAIL = `query ($id: ID!, $o: String) { requestDetail(id: $id, orderNumber: $o) { requestNumber serialNumber } }`;
const BY_SERIAL = `query ($s: String!) { certificateBySerial(serial: $s) { requestNumber state } }`;
type Lookup = { certificateRequests: { requests: { id: string; orderNumber: string; requestNumber: string }[]; detailNeedsOrderNumber: boolean } };

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

describe.each(testDatabases())('the lookup audit on $name', (database) => {
  const server = serverFor(database);

  async function auditRows() {
    await server.ssps.audit.flush();
    return server.ssps.db.run((ds) => ds.getRepository(LookupAudit).find({ order: { id: 'ASC' } }));
  }

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

    // Every lookup, detail and refusal draws a key; refused lookups cost an attacker nothing, so
    // a 32-bit counter could be run out in days, after which no entry could be written and every
    // lookup would be refused. The key is 64-bit on both drivers.
    it('keeps writing, and purging, past the 2,147,483,647th entry ever written', async () => {
      const INT_MAX = 2_147_483_647;
      await server.ssps.audit.flush();
      await server.ssps.db.run((ds) =>
        database.name === 'mysql' ? ds.query(`ALTER TABLE lookup_audit AUTO_INCREMENT = ${INT_MAX - 1}`) : ds.query(`UPDATE sqlite_sequence SET seq = ${INT_MAX - 2} WHERE name = 'lookup_audit'`),
      );
      const old = new Date(Date.now() - 400 * 86_400_000);
      const entry = (identityHash: string, occurredAt?: Date) => ({ kind: 'LOOKUP' as const, identityHash, requestId: null, partnerId: null, clientNetwork: '10.0.0.0/24', outcome: 'OK', resultCount: 0, occurredAt });
      for (let i = 0; i < 5; i++) server.ssps.audit.record(entry(`wide-${i}`, i < 2 ? old : undefined));
      await server.ssps.audit.flush();
      expect(server.ssps.audit.queued).toBe(0);
      const wide = (await auditRows()).filter((r) => r.identityHash?.startsWith('wide-'));
      expect(wide.map((r) => r.identityHash).sort()).toEqual(['wide-0', 'wide-1', 'wide-2', 'wide-3', 'wide-4']);
      expect(wide.filter((r) => Number(r.id) > INT_MAX)).toHaveLength(3);
      expect(await server.ssps.audit.purge(365)).toBe(2);
      expect((await auditRows()).filter((r) => r.identityHash?.startsWith('wide-')).map((r) => r.identityHash).sort()).toEqual(['wide-2', 'wide-3', 'wide-4']);
    });
  });

  // Each on a database of its own, so no other test's lookups count against these limits.
});
