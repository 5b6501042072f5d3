import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchMysqlDatabase } from '../../server/db/scratch.js';
import { solvedToken } from '../support/captcha.js';
import { testDatabases } from '../support/databases.js';
import { startServer, type TestServer } from '../support/server.js';
import { TcpProxy } from '../support/tcp-proxy.js';

const mysqlUrl = process.env.TEST_MYSQL_URL;
const LOOKUP = `query ($t: String) { certificateRequests(idType: CC, idNumber: "1013592259", captchaToken: $t) { requests { requestNumber } } }`;

// SQLite is a file in the process: only a networked database can go away under a running server.
describe.runIf(testDatabases().some((d) => d.name === 'mysql'))('when MySQL/MariaDB stops answering', () => {
  const target = new URL(mysqlUrl ?? 'mysql://127.0.0.1:3306/');
  const proxy = new TcpProxy(target.hostname, Number(target.port || 3306));
  let scratch: { url: string; drop: () => Promise<void> };
  let server: TestServer;

  beforeAll(async () => {
    scratch = await createScratchMysqlDatabase(mysqlUrl!, 'ssps_down');
    await proxy.start();
    const viaProxy = new URL(scratch.url);
    viaProxy.port = String(proxy.port);
    viaProxy.hostname = '127.0.0.1';
    server = await startServer(testDatabases().find((d) => d.name === 'mysql')!, {}, { url: viaProxy.toString() });
  });
  afterAll(async () => {
    await server?.close();
    await proxy.stop();
    await scratch?.drop();
  });

  async function timedLookup() {
    const token = await solvedToken(server.url);
    const started = performance.now();
    const res = await server.gql(LOOKUP, { t: token });
    return { res, ms: performance.now() - started };
  }

  async function eventuallyAnswers() {
    for (let i = 0; i < 40; i++) {
      const { res } = await timedLookup();
      if (!res.errors) return res;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error('the server did not recover');
  }

  it('answers SERVICE_UNAVAILABLE within two seconds (DB_TIMEOUT_MS, default 1.5 s) when the database refuses connections, and recovers', async () => {
    expect((await timedLookup()).res.errors).toBeUndefined();
    const { key } = await server.ssps.partners.create('portal-down', { ratePerMinute: 100 });
    await proxy.stop();
    const { res, ms } = await timedLookup();
    expect(res.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(res.errors?.[0].message).toMatch(/no está disponible/);
    expect(ms).toBeLessThan(2_000);
    // A key not yet seen cannot be checked: the whole request is refused before any operation runs.
    const keyed = await server.gql(LOOKUP, {}, { authorization: `Bearer ${key}` });
    expect(keyed.status).toBe(503);
    expect(keyed.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect((await fetch(`${server.url}/readyz`)).status).toBe(503);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);

    await proxy.start();
    const back = await eventuallyAnswers();
    expect(back.data).toEqual({ certificateRequests: { requests: [{ requestNumber: '434070' }] } });
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
  });

  it('answers SERVICE_UNAVAILABLE within two seconds (DB_TIMEOUT_MS, default 1.5 s) when the database hangs, and recovers', async () => {
    await proxy.stop();
    proxy.mode = 'blackhole';
    await proxy.start();
    const { res, ms } = await timedLookup();
    expect(res.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(ms).toBeLessThan(2_000);

    await proxy.stop();
    proxy.mode = 'forward';
    await proxy.start();
    await eventuallyAnswers();
  });

  it('starts while the database is down, then becomes ready when it appears', async () => {
    await proxy.stop();
    const viaProxy = new URL(scratch.url);
    viaProxy.port = String(proxy.port);
    viaProxy.hostname = '127.0.0.1';
    const late = await startServer(testDatabases().find((d) => d.name === 'mysql')!, {}, { url: viaProxy.toString() }, { waitForDatabase: false });
    try {
      expect((await fetch(`${late.url}/healthz`)).status).toBe(200);
      expect((await fetch(`${late.url}/readyz`)).status).toBe(503);
      const res = await late.gql(LOOKUP, { t: await solvedToken(late.url) });
      expect(res.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
      await proxy.start();
      await late.ssps.db.start();
      expect((await fetch(`${late.url}/readyz`)).status).toBe(200);
    } finally {
      await late.close();
    }
  });
});
