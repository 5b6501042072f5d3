import { createHash, randomBytes } from 'node:crypto';
import { Partner, type PartnerRole } from '../../entities/index.js';
import type { Database } from '../db/database.js';
import type { Operator } from '../operators/operator.js';

export interface Caller {
  partner: { id: number; name: string; role: PartnerRole; ratePerMinute: number } | null;
  /** Set for an operator: a person signed in to the console, or an operator API key. */
  operator: Operator | null;
  ip: string;
}

const KEY_PREFIX = 'ssps_';
// 32 random bytes: 256 bits, far past the 128 a key needs.
const KEY_BYTES = 32;
// A revoked key stops working on every instance within this time.
const CACHE_MS = 10_000;

function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export class PartnerService {
  private readonly cache = new Map<string, { partner: Partner | null; until: number }>();

  constructor(private readonly db: Database) {}

  async create(name: string, options: { role?: PartnerRole; ratePerMinute: number; expiresAt?: Date | null }): Promise<{ partner: Partner; key: string }> {
    const key = `${KEY_PREFIX}${randomBytes(KEY_BYTES).toString('base64url')}`;
    const partner = await this.db.run((ds) =>
      ds.getRepository(Partner).save(
        ds.getRepository(Partner).create({
          name,
          role: options.role ?? 'partner',
          keyHash: hashKey(key),
          keyPrefix: key.slice(0, 12),
          ratePerMinute: options.ratePerMinute,
          expiresAt: options.expiresAt ?? null,
          revokedAt: null,
        }),
      ),
    );
    return { partner, key };
  }

  list(): Promise<Partner[]> {
    return this.db.run((ds) => ds.getRepository(Partner).find({ order: { name: 'ASC' } }));
  }

  /** False when no partner has that name (or it was already revoked). */
  async revoke(name: string, now = new Date()): Promise<boolean> {
    const result = await this.db.run((ds) =>
      ds.getRepository(Partner).createQueryBuilder().update().set({ revokedAt: now }).where('name = :name AND revoked_at IS NULL', { name }).execute(),
    );
    // This instance forgets at once; the others within CACHE_MS.
    this.cache.clear();
    return (result.affected ?? 0) > 0;
  }

  /** The partner a key belongs to, if the key is live: known, not revoked, not expired. */
  async authenticate(key: string, now = new Date()): Promise<Partner | null> {
    if (!key.startsWith(KEY_PREFIX) || key.length > 100) return null;
    // Keyed by the key as presented, which this process holds anyway while it serves the
    // request: a partner's every request within CACHE_MS costs a map lookup, not a SHA-256.
    const cached = this.cache.get(key);
    let partner: Partner | null;
    if (cached && cached.until > now.getTime()) {
      partner = cached.partner;
    } else {
      const hash = hashKey(key);
      partner = await this.db.run((ds) => ds.getRepository(Partner).findOneBy({ keyHash: hash }));
      if (this.cache.size > 10_000) this.cache.clear();
      this.cache.set(key, { partner, until: now.getTime() + CACHE_MS });
    }
    if (!partner || partner.revokedAt || (partner.expiresAt && partner.expiresAt.getTime() <= now.getTime())) return null;
    return partner;
  }
}
