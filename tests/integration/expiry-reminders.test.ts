import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CertificateRequest } from '../../entities/index.js';
import { seed } from '../../server/demo/seed.js';
import { raceScenario } from '../support/racing.js';
import { testDatabases } from '../support/databases.js';
import { startServer, type StartedServer } from '../support/server.js';
import { startSmtpPeer } from '../support/smtp.js';

const PUBLIC_URL = 'https://ssps.example.co';
const RENEWAL_LINK = /https:\/\/ssps\.example\.co\/solicitud#renovar=([A-Za-z0-9_-]+)/;
const RENEWAL = `query ($t: String!) { renewalApplication(token: $t) { requestNumber certificateType idType idNumber fullName email company project } }`;
const DAY = 86_400_000;

describe.each(testDatabases())('reminders before a certificate expires on $name', (database) => {
  let smtp: Awaited<ReturnType<typeof startSmtpPeer>>;
  let server: StartedServer;

  beforeAll(async () => {
    smtp = await startSmtpPeer();
    server = await startServer(database, { SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, SSPS_PUBLIC_URL: PUBLIC_URL });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await server?.dropDatabase();
    await smtp?.close();
  });

  /** An issued certificate of a new person, expiring in `days` days. */
  async function expiringIn(days: number): Promise<{ n: number; email: string }> {
    const scenario = raceScenario('ISSUED');
    const request = scenario.requests[0];
    request.validTo = new Date(Date.now() + days * DAY);
    await server.ssps.db.run((ds) => seed(ds, [scenario]), 30_000);
    return { n: request.requestNumber, email: scenario.applicant!.email! };
  }

  const mailsTo = (address: string) =>
    smtp.received.filter((m) => m.to.includes(address)).map((m) => Buffer.from(m.raw.replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8'));

  it('e-mails each certificate expiring in 30 and in 7 days exactly once, even with two runs at once, and the link pre-fills a renewal', async () => {
    const in20 = await expiringIn(20);
    const in5 = await expiringIn(5);
    const in90 = await expiringIn(90);

    // Two instances' runs at the same moment, then a later one.
    await Promise.all([server.ssps.expiryReminders.run(), server.ssps.expiryReminders.run()]);
    await server.ssps.expiryReminders.run();
    await server.ssps.mailer!.deliver();

    const twenty = mailsTo(in20.email);
    expect(twenty).toHaveLength(1);
    expect(twenty[0]).toMatch(/Subject: .*vence/);
    expect(twenty[0].replace(/=\r?\n/g, '')).toMatch(new RegExp(`solicitud ${in20.n} \\(orden de pedido \\d+\\) vence el`));
    const five = mailsTo(in5.email);
    // Inside 7 days only the 7-day reminder goes (not a late 30-day one as well).
    expect(five).toHaveLength(1);
    expect(mailsTo(in90.email)).toHaveLength(0);

    // Twenty days on, the first is within 7 days: its second reminder, once.
    const later = new Date(Date.now() + 14 * DAY);
    await Promise.all([server.ssps.expiryReminders.run(later), server.ssps.expiryReminders.run(later)]);
    // Queued for that later moment, so counted in the outbox rather than at the SMTP peer.
    const queued = async (address: string) => Number(((await server.ssps.db.run((ds) => ds.query('SELECT COUNT(*) AS c FROM notification_outbox WHERE recipient = ?', [address]))) as { c: number }[])[0].c);
    expect(await queued(in20.email)).toBe(2);
    expect(await queued(in5.email)).toBe(1);
    const rows = (await server.ssps.db.run((ds) => ds.query('SELECT e.days_before FROM expiry_reminder e JOIN certificate_request r ON r.id = e.request_id WHERE r.request_number = ? ORDER BY e.days_before', [in20.n]))) as { days_before: number }[];
    expect(rows.map((r) => Number(r.days_before))).toEqual([7, 30]);

    // The renewal link carries nothing personal, and opens the applicant's data.
    const token = RENEWAL_LINK.exec(twenty[0])![1];
    expect(token).not.toContain(String(in20.n));
    const renewal = await server.gql<{ renewalApplication: Record<string, unknown> }>(RENEWAL, { t: token });
    expect(renewal.data!.renewalApplication).toEqual({
      requestNumber: String(in20.n),
      certificateType: 'PERSONA_NATURAL',
      idType: 'CC',
      idNumber: String(80_000_000 + in20.n),
      fullName: 'PERSONA CARRERA PRUEBA',
      email: in20.email,
      company: null,
      project: null,
    });
    expect((await server.gql(RENEWAL, { t: `${token.slice(0, -2)}AA` })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    // Once the certificate is revoked, its renewal link opens nobody's data.
    await server.ssps.db.run((ds) => ds.getRepository(CertificateRequest).update({ requestNumber: in20.n }, { revokedAt: new Date() }));
    expect((await server.gql(RENEWAL, { t: token })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  }, 60_000);
});
