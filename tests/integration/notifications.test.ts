import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotificationOutbox } from '../../entities/index.js';
import { testDatabases } from '../support/databases.js';
import { startServer, type TestServer } from '../support/server.js';
import { startSmtpPeer, type ReceivedMail } from '../support/smtp.js';

describe.each(testDatabases())('e-mail notifications on $name', (database) => {
  let received: ReceivedMail[];
  let smtp: Awaited<ReturnType<typeof startSmtpPeer>>;
  let server: TestServer & { dropDatabase: () => Promise<void> };

  beforeAll(async () => {
    smtp = await startSmtpPeer();
    received = smtp.received;
    server = await startServer(database, { SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, SMTP_FROM: 'SSPS <no-responder@ssps.example>' });
  });
  afterAll(async () => {
    await server?.close();
    await server?.dropDatabase();
    await smtp?.close();
  });

  it('sends the e-mail queued by a move through SMTP and marks it sent', async () => {
    const { key } = await server.ssps.partners.create('operador-mail', { role: 'operator', ratePerMinute: 1000 });
    const res = await server.gql(`mutation { approveRequest(requestNumber: "512003") { stage } }`, {}, { authorization: `Bearer ${key}` });
    expect(res.errors).toBeUndefined();
    expect(await server.ssps.mailer!.deliver()).toBe(1);
    expect(received).toHaveLength(1);
    expect(received[0].to).toEqual(['ana.demo@example.com']);
    expect(received[0].raw).toMatch(/^Subject: .*512003/m);
    expect(received[0].raw).toContain('fue aprobada con');
    const rows = await server.ssps.db.run((ds) => ds.getRepository(NotificationOutbox).find());
    expect(rows.map((r) => [r.recipient, r.sentAt !== null, r.attempts])).toEqual([['ana.demo@example.com', true, 1]]);
    expect(await server.ssps.mailer!.deliver()).toBe(0);
  });
});
