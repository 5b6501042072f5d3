import { randomUUID } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import { IsNull, LessThan, LessThanOrEqual, Not, Or, type DataSource } from 'typeorm';
import { NotificationHtml, NotificationOutbox } from '../../entities/index.js';
import { isWriteConflict } from '../db/conflicts.js';
import type { Database } from '../db/database.js';
import type { Logger } from '../log.js';
import { withoutSecrets } from './outbox.js';

const EVERY_MS = 5_000;
const BATCH = 20;
/** Tries in all; after the last failure the message is a dead letter. */
export const MAX_ATTEMPTS = 10;
/** How long a claim holds: past nodemailer's own timeouts for one message (connection 2 min, greeting 30 s, socket 10 min). */
const LEASE_MS = 15 * 60_000;
const BACKOFF_FIRST_MS = 30_000;
const BACKOFF_MAX_MS = 6 * 3_600_000;

/** The wait after the n-th failure: 30 s, 1 min, 2 min … at most 6 h (about 4 h 15 min over ten tries). */
export function backoffMs(failures: number): number {
  return Math.min(BACKOFF_FIRST_MS * 2 ** (failures - 1), BACKOFF_MAX_MS);
}

/** What an SMTP server said, without the addresses it may quote ("<ana@…>: Recipient address rejected"). */
function failureText(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.replace(/[^\s<>"'(),;:]+@[^\s<>"'(),;:]+/g, '<dirección>').slice(0, 500);
}

export interface OutboxCounts {
  pending: number;
  sent: number;
  dead: number;
}

/** The outbox's state, for `npm run ops -- outbox` and the metrics. */
export async function outboxCounts(ds: DataSource): Promise<OutboxCounts> {
  const repo = ds.getRepository(NotificationOutbox);
  const [pending, dead, sent] = await Promise.all([
    repo.count({ where: { sentAt: IsNull(), deadAt: IsNull() } }),
    repo.count({ where: { sentAt: IsNull(), deadAt: Not(IsNull()) } }),
    repo.count({ where: { sentAt: Not(IsNull()) } }),
  ]);
  return { pending, sent, dead };
}

/**
 * Delivers the outbox through SMTP (SMTP_URL). Any number of instances may run one: each
 * message is claimed with a conditional UPDATE before it is sent (one claim wins, on one
 * database or on a multi-primary cluster, where the loser's commit is refused as a write
 * conflict), marked sent once the SMTP server accepted it, and otherwise retried after an
 * exponential wait, up to MAX_ATTEMPTS tries. A sender that dies mid-send leaves a claim that
 * lapses after LEASE_MS; only then can that message go out twice. Without SMTP_URL nothing
 * runs and the e-mails stay in notification_outbox.
 */
export class OutboxSender {
  private readonly transport: Transporter;
  private readonly timer: NodeJS.Timeout;
  private readonly owner = randomUUID();
  private running: Promise<number> | null = null;
  private next: Promise<number> | null = null;

  constructor(
    private readonly db: Database,
    smtpUrl: string,
    private readonly from: string,
    private readonly log: Logger,
    private readonly clock: () => Date = () => new Date(),
    /** Told each message sent, and each failed try (`dead` on the last): the metrics. */
    private readonly onResult: (result: { sent: true } | { sent: false; dead: boolean }) => void = () => {},
  ) {
    this.transport = nodemailer.createTransport(smtpUrl);
    this.timer = setInterval(() => void this.deliver().catch(() => {}), EVERY_MS).unref();
  }

  /**
   * Sends what is due; returns how many were sent by this instance. A round already under way
   * may have read the queue before the caller's message was in it, so the caller waits for the
   * round after it instead (one, shared by everyone who asks meanwhile).
   */
  deliver(): Promise<number> {
    if (!this.running) {
      this.running = this.round().finally(() => {
        this.running = null;
      });
      return this.running;
    }
    this.next ??= this.running
      .catch(() => 0)
      .then(() => {
        this.next = null;
        return this.deliver();
      });
    return this.next;
  }

  private async round(): Promise<number> {
    if (!this.db.ready) return 0;
    const now = this.clock();
    const due = await this.db.run((ds) =>
      ds.getRepository(NotificationOutbox).find({
        select: { id: true },
        where: { sentAt: IsNull(), deadAt: IsNull(), nextAttemptAt: LessThanOrEqual(now), leaseUntil: Or(IsNull(), LessThan(now)) },
        order: { nextAttemptAt: 'ASC', id: 'ASC' },
        take: BATCH,
      }),
    );
    let sent = 0;
    // In a random order: instances that woke together do not all queue behind the same claim.
    for (const { id } of shuffled(due)) {
      const mail = await this.claim(id);
      if (mail && (await this.send(mail))) sent++;
    }
    return sent;
  }

  /** The message, if this instance's claim on it won; null if another instance holds or sent it. */
  private async claim(id: number): Promise<NotificationOutbox | null> {
    const now = this.clock();
    try {
      const result = await this.db.run((ds) =>
        ds
          .getRepository(NotificationOutbox)
          .update({ id, sentAt: IsNull(), deadAt: IsNull(), leaseUntil: Or(IsNull(), LessThan(now)) }, { leaseOwner: this.owner, leaseUntil: new Date(now.getTime() + LEASE_MS) }),
      );
      if (result.affected !== 1) return null;
    } catch (error) {
      // On a multi-primary cluster, two claims of one row on two nodes: the later commit loses.
      if (isWriteConflict(error)) return null;
      throw error;
    }
    return this.db.run((ds) => ds.getRepository(NotificationOutbox).findOneBy({ id, leaseOwner: this.owner }));
  }

  private async send(mail: NotificationOutbox): Promise<boolean> {
    const tries = mail.attempts + 1;
    const mine = { id: mail.id, leaseOwner: this.owner };
    let html: NotificationHtml | null = null;
    try {
      html = await this.db.run((ds) => ds.getRepository(NotificationHtml).findOneBy({ outboxId: mail.id }));
      // With an HTML part nodemailer writes multipart/alternative: the text first, the HTML after it.
      await this.transport.sendMail({ from: this.from, to: mail.recipient, subject: mail.subject, text: mail.body, ...(html ? { html: html.html } : {}) });
    } catch (err) {
      const dead = tries >= MAX_ATTEMPTS;
      const now = this.clock();
      this.onResult({ sent: false, dead });
      this.log.warn({ outboxId: mail.id, attempt: tries, dead, reason: failureText(err) }, dead ? 'e-mail given up: dead letter' : 'e-mail not sent yet');
      await this.db
        .run((ds) =>
          ds.getRepository(NotificationOutbox).update(mine, {
            attempts: tries,
            lastError: failureText(err),
            nextAttemptAt: new Date(now.getTime() + backoffMs(tries)),
            deadAt: dead ? now : null,
            leaseOwner: null,
            leaseUntil: null,
          }),
        )
        .catch(() => {});
      return false;
    }
    this.onResult({ sent: true });
    // Accepted by the SMTP server: from here on, never again. Retried while the database is
    // briefly unreachable; the claim keeps every other instance off it meanwhile.
    for (let attempt = 1; ; attempt++) {
      try {
        await this.db.run((ds) =>
          ds.transaction(async (m) => {
            await m.update(NotificationOutbox, mine, { sentAt: this.clock(), attempts: tries, lastError: null, leaseOwner: null, leaseUntil: null, body: withoutSecrets(mail.body) });
            if (html) await m.update(NotificationHtml, { outboxId: mail.id }, { html: withoutSecrets(html.html) });
          }),
        );
        return true;
      } catch {
        if (attempt >= 5) {
          this.log.error({ outboxId: mail.id }, 'e-mail sent but not marked sent: it may go out again when its claim lapses');
          return true;
        }
        await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
      }
    }
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => {});
    await this.next?.catch(() => {});
    this.transport.close();
  }
}

function shuffled<T>(items: T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/** Puts a dead letter back in the queue for a new round of tries (`npm run ops -- outbox retry <id>`). */
export async function retryDeadLetter(ds: DataSource, id: number, now: Date): Promise<boolean> {
  const result = await ds
    .getRepository(NotificationOutbox)
    .update({ id, sentAt: IsNull(), deadAt: Not(IsNull()) }, { deadAt: null, attempts: 0, nextAttemptAt: now, leaseOwner: null, leaseUntil: null });
  return result.affected === 1;
}
