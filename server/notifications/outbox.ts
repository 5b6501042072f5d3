import type { EntityManager } from 'typeorm';
import { NotificationHtml, NotificationOutbox } from '../../entities/index.js';

export interface Email {
  /** The request it is about; null before there is one (an application's confirmation code). */
  requestId: number | null;
  recipient: string;
  subject: string;
  /** The plain-text part. */
  body: string;
  /** The HTML part, when there is one: the e-mail goes out as multipart/alternative. */
  html?: string;
}

/** Queues an e-mail in the caller's transaction: it goes out (by SMTP, when configured) only if the change it tells of commits. */
export async function queueEmail(m: EntityManager, { html, ...email }: Email, now: Date): Promise<void> {
  const inserted = await m.insert(NotificationOutbox, { ...email, createdAt: now, nextAttemptAt: now, sentAt: null, attempts: 0, lastError: null, leaseOwner: null, leaseUntil: null, deadAt: null });
  if (html) await m.insert(NotificationHtml, { outboxId: inserted.identifiers[0].id as number, html });
}

/**
 * A sent e-mail as it is kept: the links' secrets gone — a download or correction token or a
 * renewal token in a fragment (`#…`, `#renovar=…`), a sealed invoice link — so that whoever
 * reads the database or a backup later cannot use them. The rest stays, as a record of what
 * was told.
 */
export function withoutSecrets(text: string): string {
  return text.replace(/#(renovar=)?[A-Za-z0-9_-]{20,}/g, '#$1…').replace(/\/invoices\/[A-Za-z0-9_-]{40,}/g, '/invoices/…');
}
