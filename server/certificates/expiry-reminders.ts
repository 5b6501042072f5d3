import { ExpiryReminder } from '../../entities/index.js';
import { lostRace } from '../db/conflicts.js';
import type { Database } from '../db/database.js';
import { toDate, utcDatetime } from '../db/values.js';
import { requestNotification } from '../lifecycle/notification.js';
import { queueEmail } from '../notifications/outbox.js';
import { NotFound } from '../refusals.js';
import { Sealer } from '../sealed.js';

/** The reminders e-mailed before a certificate expires (issue 15, §3), in days before valid_to. */
export const REMINDER_DAYS = [30, 7] as const;
/** Where a renewal starts; the token sits in the fragment (`#renovar=<token>`), never in a URL a server sees. */
export const RENEWAL_PAGE = '/solicitud';
/** A renewal link works from the first reminder until well after the expiry. */
const RENEWAL_TTL_SECONDS = 90 * 86_400;
const DAY_MS = 86_400_000;
const BATCH = 200;

/** A renewal link's token: the expiring request's id, sealed (server/sealed.ts) and expiring. */
export class RenewalLinks {
  private readonly sealer: Sealer;

  constructor(secret: string) {
    this.sealer = new Sealer(secret, 'renewal-link/v1', 4, RENEWAL_TTL_SECONDS);
  }

  token(requestId: number, now = new Date()): string {
    const payload = Buffer.alloc(4);
    payload.writeUInt32BE(requestId);
    return this.sealer.seal(payload, now.getTime());
  }

  requestId(token: string, now = new Date()): number | null {
    const opened = this.sealer.open(token, now.getTime());
    return opened ? opened.payload.readUInt32BE(0) : null;
  }
}

/** What a renewal pre-fills: the expiring request's applicant and certificate. */
export interface RenewalApplication {
  requestNumber: string;
  validTo: Date;
  certificateType: string;
  idType: string;
  idNumber: string;
  fullName: string;
  email: string | null;
  company: string | null;
  project: string | null;
}

interface Due {
  id: number;
  request_number: number;
  order_number: number;
  valid_to: Date | string;
  contact_email: string;
  contact_language: string | null;
}

/**
 * The reminders before expiry: each run e-mails the requests whose certificate expires within
 * 30 days (but not within 7) and those within 7, once each. The reminder's row and its e-mail
 * are written in one transaction, and the row's unique (request, days) key lets only one of two
 * runs at once — on two instances — write it; the loser's e-mail is rolled back with it.
 */
export class ExpiryReminders {
  constructor(
    private readonly db: Database,
    private readonly links: RenewalLinks,
    private readonly publicUrl: string,
  ) {}

  /** How many reminders this run queued. */
  async run(now = new Date()): Promise<number> {
    let sent = 0;
    for (const days of REMINDER_DAYS) {
      const later = REMINDER_DAYS.find((d) => d < days);
      const due: Due[] = await this.db.run((ds) =>
        ds.query(
          `SELECT r.id, r.request_number, r.order_number, r.valid_to, r.contact_email, r.contact_language
             FROM certificate_request r
             JOIN request_step s ON s.request_id = r.id AND s.kind = 'VALIDITY' AND s.state = 'VALID'
             LEFT JOIN expiry_reminder e ON e.request_id = r.id AND e.days_before = ?
            WHERE e.id IS NULL AND r.revoked_at IS NULL AND r.contact_email IS NOT NULL
              AND r.valid_to > ? AND r.valid_to <= ?
            ORDER BY r.valid_to, r.id
            LIMIT ${BATCH}`,
          [days, utcDatetime(new Date(now.getTime() + (later ?? 0) * DAY_MS)), utcDatetime(new Date(now.getTime() + days * DAY_MS))],
        ),
      );
      for (const row of due) if (await this.remind(row, days, now)) sent++;
    }
    return sent;
  }

  private async remind(row: Due, days: number, now: Date): Promise<boolean> {
    const link = `${this.publicUrl}${RENEWAL_PAGE}#renovar=${this.links.token(row.id, now)}`;
    try {
      await this.db.run((ds) =>
        ds.transaction(async (m) => {
          await m.insert(ExpiryReminder, { requestId: row.id, daysBefore: days, sentAt: now });
          const email = requestNotification(
            { kind: 'expiring', validTo: toDate(row.valid_to)!, renewalUrl: link },
            { language: row.contact_language === 'en' ? 'en' : 'es', requestNumber: String(row.request_number), orderNumber: String(row.order_number), publicUrl: this.publicUrl },
          );
          await queueEmail(m, { requestId: row.id, recipient: row.contact_email, ...email }, now);
        }),
      );
      return true;
    } catch (error) {
      // Another run (another instance) sent this one first.
      if (lostRace(error)) return false;
      throw error;
    }
  }

  /** The data a renewal pre-fills, for a live link's token of a certificate not revoked; NotFound otherwise. */
  async renewal(token: string, now = new Date()): Promise<RenewalApplication> {
    const id = this.links.requestId(token, now);
    if (id === null) throw new NotFound('El enlace de renovación no es válido o venció. Inicie una solicitud nueva.', { field: 'token' });
    const [row]: { request_number: number; valid_to: Date | string | null; code: string; id_type: string; id_number: string; full_name: string; contact_email: string | null; company: string | null; project: string | null }[] =
      await this.db.run((ds) =>
        ds.query(
          `SELECT r.request_number, r.valid_to, t.code, a.id_type, a.id_number, a.full_name, r.contact_email, r.company, r.project
             FROM certificate_request r JOIN applicant a ON a.id = r.applicant_id JOIN certificate_type t ON t.id = r.certificate_type_id
            WHERE r.id = ? AND r.revoked_at IS NULL`,
          [id],
        ),
      );
    if (!row) throw new NotFound('El enlace de renovación no es válido o venció. Inicie una solicitud nueva.', { field: 'token' });
    return {
      requestNumber: String(row.request_number),
      validTo: toDate(row.valid_to)!,
      certificateType: row.code,
      idType: row.id_type,
      idNumber: row.id_number,
      fullName: row.full_name,
      email: row.contact_email,
      company: row.company,
      project: row.project,
    };
  }
}
