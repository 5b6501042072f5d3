import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/** An approved, declined, voided… transaction as a Wompi event reports it: only what SSPS reads. */
export interface WompiTransaction {
  id: string;
  reference: string;
  amountInCents: number;
  status: string;
}

export type ParsedEvent = { ok: true; event: string; transaction: WompiTransaction } | { ok: false; problem: 'MALFORMED' | 'SIGNATURE' };

/** The properties Wompi signs for transaction events; an event that leaves any of them out is not trusted. */
const REQUIRED_SIGNED = ['transaction.id', 'transaction.status', 'transaction.amount_in_cents'];

const eventSchema = z.object({
  event: z.string().max(64),
  data: z.object({
    transaction: z.object({
      // Wompi's ids look like 1234-1610641025-49201: printable, short. The invoice number is W-<id> (40 characters at most).
      id: z.string().regex(/^[A-Za-z0-9_-]{1,38}$/),
      reference: z.string().min(1).max(64),
      // Up to what the console shows as a GraphQL Int of pesos: no certificate costs more than two billion.
      amount_in_cents: z.number().int().min(0).max(2_147_483_647 * 100),
      status: z.string().regex(/^[A-Z_]{1,24}$/),
    }),
  }),
  signature: z.object({
    properties: z.array(z.string().regex(/^[A-Za-z0-9_]+(\.[A-Za-z0-9_]+){0,4}$/)).min(1).max(20),
    checksum: z.string().regex(/^[0-9a-fA-F]{64}$/),
  }),
  timestamp: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
});

/**
 * Reads and authenticates a Wompi event (docs.wompi.co, "Eventos", Seguridad): the checksum is
 * the SHA-256, in hex, of the values of `signature.properties` (paths inside `data`) concatenated
 * in their order, then `timestamp`, then the events secret. Anything that is not such an event
 * is MALFORMED; an event whose checksum does not match, or that leaves the transaction's id,
 * status or amount unsigned, is SIGNATURE.
 */
export function parseWompiEvent(body: string, secret: string): ParsedEvent {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, problem: 'MALFORMED' };
  }
  const parsed = eventSchema.safeParse(json);
  if (!parsed.success) return { ok: false, problem: 'MALFORMED' };
  const { data, signature, timestamp, event } = parsed.data;
  if (!REQUIRED_SIGNED.every((p) => signature.properties.includes(p))) return { ok: false, problem: 'SIGNATURE' };
  const values: string[] = [];
  for (const property of signature.properties) {
    const value = valueAt((json as { data: unknown }).data, property);
    if (value === undefined) return { ok: false, problem: 'SIGNATURE' };
    values.push(value);
  }
  const expected = wompiChecksum(values, timestamp, secret);
  if (!timingSafeEqual(Buffer.from(expected, 'hex'), Buffer.from(signature.checksum.toLowerCase(), 'hex'))) return { ok: false, problem: 'SIGNATURE' };
  const t = data.transaction;
  return { ok: true, event, transaction: { id: t.id, reference: t.reference, amountInCents: t.amount_in_cents, status: t.status } };
}

/** The checksum Wompi computes: SHA-256 hex of the properties' values, the timestamp and the secret, concatenated. */
export function wompiChecksum(values: string[], timestamp: number, secret: string): string {
  return createHash('sha256').update(`${values.join('')}${timestamp}${secret}`).digest('hex');
}

/** A property path's value as Wompi concatenates it (a string or number as written); undefined if it is not a scalar. */
function valueAt(root: unknown, path: string): string | undefined {
  let at: unknown = root;
  for (const key of path.split('.')) {
    if (at === null || typeof at !== 'object' || Array.isArray(at) || !Object.hasOwn(at, key)) return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return typeof at === 'string' || typeof at === 'number' || typeof at === 'boolean' ? String(at) : undefined;
}
