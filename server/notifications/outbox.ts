import type { EntityManager } from 'typeorm';
import { NotificationOutbox } from '../../entities/index.js';

export interface Email {
  /** The request it is about; null before there is one (an application's confirmation code). */
  requestId: number | null;
  recipient: string;
  subject: string;
  body: string;
}

/** Queues an e-mail in the caller's transaction: it goes out (by SMTP, when configured) only if the change it tells of commits. */
export async function queueEmail(m: EntityManager, email: Email, now: Date): Promise<void> {
  await m.insert(NotificationOutbox, { ...email, createdAt: now, nextAttemptAt: now, sentAt: null, attempts: 0, lastError: null, leaseOwner: null, leaseUntil: null, deadAt: null });
}
