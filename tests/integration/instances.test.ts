import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Like } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotificationOutbox, UsedCaptcha } from '../../entities/index.js';
import { Database } from '../../server/db/database.js';
import { openDatabase } from '../../server/db/data-source.js';
import { withMigrationLock } from '../../server/db/migration-lock.js';
import { JobLeases } from '../../server/db/job-lease.js';
import { mysqlMigrations } from '../../server/db/migrations/mysql/index.js';
import { sqliteMigrations } from '../../server/db/migrations/sqlite/index.js';
import { drawNumbers } from '../../server/lifecycle/numbers.js';
import { createLogger } from '../../server/log.js';
import { projectRoot } from '../../server/paths.js';
import { queueEmail } from '../../server/notifications/outbox.js';
import { backoffMs, MAX_ATTEMPTS, OutboxSender, outboxCounts, retryDeadLetter } from '../../server/notifications/sender.js';
import { confirmedDraft, SUBMIT } from '../support/applying.js';
import { solvedToken } from '../support/captcha.js';
import { testDatabases } from '../support/databases.js';
import { cleanPdf } from '../support/documents.js';
import { startServer, TEST_SECRET, type StartedServer, type TestServer } from '../support/server.js';
import { startSmtpPeer } from '../support/smtp.js';

const silent = createLogger('silent');
const run = promisify(execFile);

/** `npm run ops -- …` on a test database, as its own process. */
async function ops(databaseUrl: string, args: string[]): Promise<{ stdout: string }> {
  const { stdout } = await run(process.execPath, [path.join(projectRoot, 'dist/server/lifecycle/ops-cli.js'), ...args], {
    env: { ...process.env, NODE_ENV: 'test', DATABASE_URL: databaseUrl, SSPS_SECRET: TEST_SECRET },
    cwd: projectRoot,
  });
  return { stdout };
}

/** Several SSPS instances on one database, as behind a load balancer. */
describe.each(testDatabases())('N instances on one $name database', (database) => {
  let smtp: Awaited<ReturnType<typeof startSmtpPeer>>;
  let first: StartedServer;
  let others: TestServer[] = [];

  beforeAll(async () => {
    smtp = await startSmtpPeer();
    const env = { SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, SMTP_FROM: 'SSPS <no-responder@ssps.example>' };
    first = await startServer(database, env);
    const more = { ...env, SSPS_DEMO_DATA: '0' };
    others = [await startServer(database, more, { url: first.databaseUrl }), await startServer(database, more, { url: first.databaseUrl })];
  });
  afterAll(async () => {
    for (const s of others) await s.close();
    await first?.close();
    await first?.dropDatabase();
    await smtp?.close();
  });

  const all = () => [first, ...others];

  it('sends each queued e-mail exactly once, with three instances delivering at the same time', async () => {
    const n = 60;
    await first.ssps.db.run((ds) =>
      ds.transaction(async (m) => {
        for (let i = 0; i < n; i++) await queueEmail(m, { requestId: null, recipient: `uno${i}@example.com`, subject: `Mensaje ${i}`, body: `Cuerpo ${i}` }, new Date());
      }),
    );
    const before = smtp.received.length;
    let sent = 0;
    // Every instance delivers over and over, all at once, until nothing is left.
    for (let round = 0; round < 10 && sent < n; round++) {
      const counts = await Promise.all(all().map((s) => s.ssps.mailer!.deliver()));
      sent += counts.reduce((a, b) => a + b, 0);
    }
    const subjects = smtp.received.slice(before).map((m) => /^Subject: (.*)$/m.exec(m.raw)![1].trim());
    expect(subjects).toHaveLength(n);
    expect(new Set(subjects).size).toBe(n);
    expect(sent).toBe(n);
    const counts = await first.ssps.db.run((ds) => outboxCounts(ds));
    expect(counts).toMatchObject({ pending: 0, dead: 0 });
    const rows = await first.ssps.db.run((ds) => ds.getRepository(NotificationOutbox).find({ where: { recipient: 'uno0@example.com' } }));
    expect(rows[0]).toMatchObject({ attempts: 1, leaseOwner: null, leaseUntil: null, lastError: null });
  });

  it('retries a failed e-mail later and later, keeps it as a dead letter after the last try, and lets an operator put it back', async () => {
    let now = new Date();
    // Nothing listens on port 9: every try fails at once.
    const failing = new OutboxSender(first.ssps.db, 'smtp://127.0.0.1:9', 'SSPS <no-responder@ssps.example>', silent, () => now);
    try {
      await first.ssps.db.run((ds) => ds.transaction((m) => queueEmail(m, { requestId: null, recipient: 'rebota@example.com', subject: 'Rebota', body: 'x' }, now)));
      const row = () => first.ssps.db.run((ds) => ds.getRepository(NotificationOutbox).findOneByOrFail({ recipient: 'rebota@example.com' }));
      for (let tries = 1; tries <= MAX_ATTEMPTS; tries++) {
        expect(await failing.deliver()).toBe(0);
        const r = await row();
        expect(r.attempts).toBe(tries);
        expect(r.leaseOwner).toBeNull();
        if (tries < MAX_ATTEMPTS) {
          // Not due again before its wait is over: a second round at the same instant sends nothing and counts nothing.
          // (MariaDB keeps whole seconds.)
          expect(Math.abs(r.nextAttemptAt.getTime() - now.getTime() - backoffMs(tries))).toBeLessThan(1_000);
          await failing.deliver();
          expect((await row()).attempts).toBe(tries);
          now = new Date(r.nextAttemptAt.getTime() + 1);
        } else {
          expect(r.deadAt).not.toBeNull();
        }
      }
      expect(backoffMs(1)).toBe(30_000);
      expect(backoffMs(2)).toBe(60_000);
      expect(backoffMs(20)).toBe(6 * 3_600_000);
      // A dead letter blocks nothing and is never tried again by itself.
      now = new Date(now.getTime() + 30 * 86_400_000);
      await failing.deliver();
      expect((await row()).attempts).toBe(MAX_ATTEMPTS);
      expect((await row()).lastError).toMatch(/ECONNREFUSED|connect/);
      expect(await first.ssps.db.run((ds) => outboxCounts(ds))).toMatchObject({ dead: 1 });

      const { id } = await row();
      // What an operator sees: the dead letter and its error, never its recipient.
      const shown = await ops(first.databaseUrl, ['outbox']);
      expect(shown.stdout).toMatch(/descartados 1/);
      expect(shown.stdout).toContain(`#${id} `);
      expect(shown.stdout).not.toContain('rebota@');
      expect(await first.ssps.db.run((ds) => retryDeadLetter(ds, id, new Date()))).toBe(true);
      expect(await first.ssps.db.run((ds) => outboxCounts(ds))).toMatchObject({ dead: 0 });
      // Back in the queue, it goes out through a working SMTP server.
      expect(await first.ssps.mailer!.deliver()).toBeGreaterThanOrEqual(1);
      expect(smtp.received.some((m) => m.to.includes('rebota@example.com'))).toBe(true);
      expect(await first.ssps.db.run((ds) => retryDeadLetter(ds, id, new Date()))).toBe(false);
    } finally {
      await failing.close();
    }
  }, 60_000);

  // 50 on MariaDB, the database several instances share in production; 10 on the embedded SQLite.
  const submissions = database.name === 'mysql' ? 50 : 10;
  it(`gives ${submissions} submissions at once across two instances ${submissions} distinct request and order numbers`, async () => {
    const n = submissions;
    const pdf = await cleanPdf();
    const two = [first, others[0]];
    const drafts: string[] = [];
    for (let i = 0; i < n; i += 5) {
      const ready = await Promise.all(
        [0, 1, 2, 3, 4].map(async (k) => {
          const server = two[(i + k) % 2];
          const id = await confirmedDraft(server, `numeros${i + k}@example.com`);
          const res = await fetch(`${server.url}/applications/${id}/documents/ID_DOCUMENT`, { method: 'PUT', body: new Uint8Array(pdf) });
          expect(res.status).toBe(201);
          return id;
        }),
      );
      drafts.push(...ready);
    }
    const answers = await Promise.all(
      drafts.map((d, i) =>
        two[i % 2].gql<{ submitApplication: { requestNumber: string; orderNumber: string } }>(SUBMIT, {
          d,
          a: { idType: 'CC', idNumber: String(70_000_000 + i), fullName: 'PERSONA CONCURRENTE PRUEBA', phone: '+57 300 123 4567', certificateType: 'PERSONA_NATURAL' },
        }),
      ),
    );
    expect(answers.flatMap((a) => a.errors ?? []).map((e) => `${e.extensions?.code}: ${e.message}`)).toEqual([]);
    const requestNumbers = answers.map((a) => a.data!.submitApplication.requestNumber);
    const orderNumbers = answers.map((a) => a.data!.submitApplication.orderNumber);
    expect(new Set(requestNumbers).size).toBe(n);
    expect(new Set(orderNumbers).size).toBe(n);
    // They continue the register's numbers (the demo data's, here).
    expect(Math.min(...requestNumbers.map(Number))).toBeGreaterThan(512007);
  }, 180_000);

  it('keeps documents where every instance reads them: uploaded through one, shown to an operator by another', async () => {
    const pdf = await cleanPdf('Documento visible en todas las instancias');
    const id = await confirmedDraft(first, 'documento.compartido@example.com');
    expect((await fetch(`${first.url}/applications/${id}/documents/ID_DOCUMENT`, { method: 'PUT', body: new Uint8Array(pdf) })).status).toBe(201);
    const submitted = await others[1].gql<{ submitApplication: { requestNumber: string } }>(SUBMIT, {
      d: id,
      a: { idType: 'CC', idNumber: '70999001', fullName: 'PERSONA DOCUMENTO COMPARTIDO', phone: '+57 300 123 4567', certificateType: 'PERSONA_NATURAL' },
    });
    expect(submitted.errors).toBeUndefined();
    const [{ id: documentId }] = (await first.ssps.db.run((ds) => ds.query('SELECT id FROM request_document WHERE draft_id = ?', [id]))) as { id: number }[];
    const { key } = await others[0].ssps.partners.create('operador-instancias', { role: 'operator', ratePerMinute: 1000 });
    const shown = await fetch(`${others[0].url}/operaciones/documentos/${documentId}`, { headers: { authorization: `Bearer ${key}` } });
    expect(shown.status).toBe(200);
    // Stored as pdf-lib rewrote it after inspection: a PDF, of the size recorded.
    const bytes = Buffer.from(await shown.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const [{ size }] = (await first.ssps.db.run((ds) => ds.query('SELECT size FROM request_document WHERE id = ?', [documentId]))) as { size: number }[];
    expect(bytes.length).toBe(Number(size));
  });

  it('draws distinct numbers from two database pools hammering the counters at once', async () => {
    // The embedded SQLite serves one instance (its writers queue on one file): one pool there.
    const pools = database.name === 'mysql' ? [first.ssps.db, others[1].ssps.db] : [first.ssps.db];
    const drawn = await Promise.all(Array.from({ length: 100 }, (_, i) => drawNumbers(pools[i % pools.length])));
    expect(new Set(drawn.map((d) => d.requestNumber)).size).toBe(100);
    expect(new Set(drawn.map((d) => d.orderNumber)).size).toBe(100);
  });

  it('lets one instance at a time hold a periodic job, and another take it once the lease lapses', async () => {
    const leases = all().map((s) => new JobLeases(s.ssps.db));
    const now = new Date();
    const taken = await Promise.all(leases.map((l) => l.take('test-job', 60_000, now)));
    expect(taken.filter(Boolean)).toHaveLength(1);
    const holder = taken.indexOf(true);
    // Within the period nobody else, not even the holder, runs it again.
    expect(await Promise.all(leases.map((l) => l.take('test-job', 60_000, new Date(now.getTime() + 30_000))))).toEqual([false, false, false]);
    const later = new Date(now.getTime() + 61_000);
    const next = (holder + 1) % 3;
    expect(await leases[next].take('test-job', 60_000, later)).toBe(true);
    expect(await leases[holder].take('test-job', 60_000, later)).toBe(false);
  });

  it('purges in bounded batches: thousands of spent CAPTCHAs go, in several short DELETEs', async () => {
    const expired = new Date(Date.now() - 60_000);
    await first.ssps.db.run((ds) =>
      ds.transaction(async (m) => {
        for (let i = 0; i < 2_500; i += 500) {
          await m.insert(
            UsedCaptcha,
            Array.from({ length: 500 }, (_, j) => ({ challengeId: `purga-${i + j}`, expiresAt: expired })),
          );
        }
      }),
    );
    const deletes: string[] = [];
    const counting = new Database({
      config: first.config.database,
      deadlineMs: 10_000,
      log: silent,
      queryLogger: { logQuery: (sql: string) => void (/^DELETE/i.test(sql) && deletes.push(sql)), logQueryError() {}, logQuerySlow() {}, logSchemaBuild() {}, logMigration() {}, log() {} },
    });
    await counting.start();
    try {
      const { DatabaseUsedTokenStore } = await import('../../server/captcha/used-token-store.js');
      expect(await new DatabaseUsedTokenStore(counting).purgeExpired()).toBeGreaterThanOrEqual(2_500);
      expect(deletes.length).toBeGreaterThanOrEqual(3);
      expect(await first.ssps.db.run((ds) => ds.getRepository(UsedCaptcha).countBy({ challengeId: Like('purga-%') }))).toBe(0);
    } finally {
      await counting.close();
    }
  });
});

describe.each(testDatabases())('instances starting together on an empty $name database', (database) => {
  it('all come up, and the migrations run once', async () => {
    const created = await database.create();
    try {
      const opened = await Promise.all([1, 2, 3].map(() => openDatabase({ database: created.config, timeoutMs: 10_000 })));
      try {
        const [{ n }] = (await opened[0].query('SELECT COUNT(*) AS n FROM migrations')) as { n: number | string }[];
        const expected = database.name === 'mysql' ? mysqlMigrations.length : sqliteMigrations.length;
        expect(Number(n)).toBe(expected);
        const [{ held }] = (await opened[0].query('SELECT COUNT(*) AS held FROM migration_lock')) as { held: number | string }[];
        expect(Number(held)).toBe(0);
        for (const ds of opened) expect(await ds.showMigrations()).toBe(false);
      } finally {
        for (const ds of opened) await ds.destroy();
      }
    } finally {
      await created.drop();
    }
  });
});

describe.each(testDatabases())('the migration lock on $name', (database) => {
  // A migration that copies a large table can outlast any fixed allowance: the holder renews its
  // lock, so another instance does not presume it dead and run the same migrations beside it.
  it('stays with its holder while the migrations outlast the lock’s life, and passes on when they end', async () => {
    const created = await database.create();
    try {
      const [a, b] = [await openDatabase({ database: created.config, timeoutMs: 10_000 }), await openDatabase({ database: created.config, timeoutMs: 10_000 })];
      try {
        const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
        const events: string[] = [];
        // A lock that lives 1.2 s unless renewed (every 300 ms: room for a slow UPDATE on a busy CI
        // machine), held for 3 s; without renewals the second would take it after about 1.2 s.
        const first = withMigrationLock(a, async () => { events.push('first starts'); await sleep(3_000); events.push('first ends'); }, 8_000, 1_200);
        await sleep(100);
        const second = withMigrationLock(b, async () => void events.push('second starts'), 8_000, 1_200);
        await Promise.all([first, second]);
        expect(events).toEqual(['first starts', 'first ends', 'second starts']);
        const [{ held }] = (await a.query('SELECT COUNT(*) AS held FROM migration_lock')) as { held: number | string }[];
        expect(Number(held)).toBe(0);
      } finally {
        await a.destroy();
        await b.destroy();
      }
    } finally {
      await created.drop();
    }
  });
});

describe.each(testDatabases())('the lookup audit on $name, when the database falls behind', (database) => {
  it('refuses lookups once its queue is full, rather than answer them unaudited, and writes them all once it can', async () => {
    const server = await startServer(database, { AUDIT_QUEUE_MAX: '3' });
    try {
      const lookup = async () =>
        server.gql(`query ($t: String) { certificateRequests(idType: CC, idNumber: "1013592259", captchaToken: $t) { requests { requestNumber } } }`, { t: await solvedToken(server.url) });
      // The audit's table cannot be written (as if the database were far behind on it).
      await server.ssps.db.run((ds) => ds.query('ALTER TABLE lookup_audit RENAME TO lookup_audit_away'));
      try {
        for (let i = 0; i < 3; i++) expect((await lookup()).errors).toBeUndefined();
        await server.ssps.audit.flush();
        expect(server.ssps.audit.queued).toBe(3);
        const refused = await lookup();
        expect(refused.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
        expect(refused.data?.certificateRequests ?? null).toBeNull();
      } finally {
        await server.ssps.db.run((ds) => ds.query('ALTER TABLE lookup_audit_away RENAME TO lookup_audit'));
      }
      await server.ssps.audit.flush();
      expect(server.ssps.audit.queued).toBe(0);
      expect((await lookup()).errors).toBeUndefined();
      await server.ssps.audit.flush();
      const [{ n }] = (await server.ssps.db.run((ds) => ds.query("SELECT COUNT(*) AS n FROM lookup_audit WHERE kind = 'LOOKUP'"))) as { n: number | string }[];
      expect(Number(n)).toBe(4);
    } finally {
      await server.close();
      await server.dropDatabase();
    }
  });
});

describe.each(testDatabases())('documents kept as files by an earlier version, on $name', (database) => {
  it('move into the database at start, each once, and the files go', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ssps-adopt-'));
    const before = await startServer(database, { SSPS_DATA_DIR: dataDir, DOCUMENT_STORE: 'files' });
    let after: StartedServer | undefined;
    try {
      const id = await confirmedDraft(before, 'documento.archivo@example.com');
      expect((await fetch(`${before.url}/applications/${id}/documents/ID_DOCUMENT`, { method: 'PUT', body: new Uint8Array(await cleanPdf()) })).status).toBe(201);
      const [{ storage_key: key }] = (await before.ssps.db.run((ds) => ds.query('SELECT storage_key FROM request_document WHERE draft_id = ?', [id]))) as { storage_key: string }[];
      const file = path.join(dataDir, 'documents', key.slice(0, 2), key);
      expect(existsSync(file)).toBe(true);
      await before.close();

      after = await startServer(database, { SSPS_DATA_DIR: dataDir, SSPS_DEMO_DATA: '0' }, { url: before.databaseUrl });
      const stored = async () => Number(((await after!.ssps.db.run((ds) => ds.query('SELECT COUNT(*) AS n FROM document_blob WHERE storage_key = ?', [key]))) as { n: number | string }[])[0].n);
      for (let i = 0; i < 50 && (await stored()) === 0; i++) await new Promise((r) => setTimeout(r, 100));
      expect(await stored()).toBe(1);
      expect(existsSync(file)).toBe(false);
    } finally {
      await after?.close();
      await before.dropDatabase();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
