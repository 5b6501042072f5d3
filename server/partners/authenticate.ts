import { Unauthenticated } from '../refusals.js';
import type { Caller, PartnerService } from './partner-service.js';

/**
 * The partner behind `Authorization: Bearer <key>`, or null for an anonymous caller. A
 * header that does not name a live key refuses the whole request (HTTP 401): a partner
 * with a revoked key must learn it, not silently fall back to the CAPTCHA path.
 */
export async function authenticate(partners: PartnerService, header: string | undefined): Promise<Caller['partner']> {
  if (header === undefined) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  const partner = match ? await partners.authenticate(match[1]) : null;
  if (!partner) throw new Unauthenticated('UNKNOWN_KEY');
  return { id: partner.id, name: partner.name, role: partner.role, ratePerMinute: partner.ratePerMinute };
}
