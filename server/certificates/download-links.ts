import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { CertificateDownload } from '../../entities/index.js';

/** The page the e-mail links to; the token goes in the fragment, which browsers never send to a server. */
export const DOWNLOAD_PAGE = '/descarga';

/** What the delivery e-mail tells: the link and until when it works. */
export interface DownloadLink {
  /** The page's address with the token in its fragment. */
  link: string;
  expiresAt: Date;
}

export function downloadTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * A fresh single-use link for a delivered request, in the caller's transaction: a random token
 * (only its hash kept), valid `ttlHours`; the request's earlier link, if still open, stops working.
 */
export async function openDownloadLink(m: EntityManager, requestId: number, publicUrl: string, ttlHours: number, now: Date): Promise<DownloadLink> {
  await m.update(CertificateDownload, { openRequestId: requestId }, { openRequestId: null });
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + ttlHours * 3_600_000);
  await m.insert(CertificateDownload, { requestId, openRequestId: requestId, tokenHash: downloadTokenHash(token), createdAt: now, expiresAt, usedAt: null });
  return { link: `${publicUrl}${DOWNLOAD_PAGE}#${token}`, expiresAt };
}
