import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotificationOutbox } from '../../entities/index.js';
import { queueEmail } from '../../server/notifications/outbox.js';
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

  it('sends an e-mail queued while a round was under way when asked to, though that round had read the queue before it', async () => {
    const queue = (recipient: string) =>
      server.ssps.db.run((ds) => ds.transaction((m) => queueEmail(m, { requestId: null, recipient, subject: 'Prueba', body: 'Hola' }, new Date())));
    const before = received.length;
    await queue('primero@example.com');
    // A round begins (as the instance's timer begins one) and reads the queue: only the first is in it.
    const round = server.ssps.mailer!.deliver();
    await new Promise((r) => setTimeout(r, 2));
    await queue('segundo@example.com');
    // Asked while that round still sends the first: the second is out when the answer comes.
    await server.ssps.mailer!.deliver();
    expect(received.slice(before).map((m) => m.to[0]).sort()).toEqual(['primero@example.com', 'segundo@example.com']);
    await round;
  });
});
