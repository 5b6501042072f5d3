import nodemailer, { type Transporter } from 'nodemailer';
import { IsNull } from 'typeorm';
import { NotificationOutbox } from '../../entities/index.js';
import type { Database } from '../db/database.js';
import type { Logger } from '../log.js';

const EVERY_MS = 5_000;
const BATCH = 20;
const MAX_ATTEMPTS = 10;

/**
 * Delivers the outbox through SMTP (SMTP_URL). Rows are marked sent one by one, after the
 * server accepted them; a failure is counted and retried on the next round. Without
 * SMTP_URL nothing runs and the e-mails stay in notification_outbox.
 */
export class OutboxSender {
  private readonly transport: Transporter;
  private readonly timer: NodeJS.Timeout;
  private running: Promise<number> | null = null;

  constructor(
    private readonly db: Database,
    smtpUrl: string,
    private readonly from: string,
    private readonly log: Logger,
  ) {
    this.transport = nodemailer.createTransport(smtpUrl);
    this.timer = setInterval(() => void this.deliver(), EVERY_MS).unref();
  }

  /** Sends what is pending; returns how many were sent. */
  deliver(): Promise<number> {
    this.running ??= this.round().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async round(): Promise<number> {
    if (!this.db.ready) return 0;
    const pending = await this.db.run((ds) =>
      ds.getRepository(NotificationOutbox).createQueryBuilder('o').where({ sentAt: IsNull() }).andWhere('o.attempts < :max', { max: MAX_ATTEMPTS }).orderBy('o.id').limit(BATCH).getMany(),
    );
    let sent = 0;
    for (const mail of pending) {
      try {
        await this.transport.sendMail({ from: this.from, to: mail.recipient, subject: mail.subject, text: mail.body });
        await this.db.run((ds) => ds.getRepository(NotificationOutbox).update(mail.id, { sentAt: new Date(), attempts: mail.attempts + 1, lastError: null }));
        sent++;
      } catch (err) {
        this.log.warn({ err, outboxId: mail.id }, 'e-mail not sent yet');
        await this.db
          .run((ds) => ds.getRepository(NotificationOutbox).update(mail.id, { attempts: mail.attempts + 1, lastError: String((err as Error).message ?? err).slice(0, 500) }))
          .catch(() => {});
      }
    }
    return sent;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
    this.transport.close();
  }
}
