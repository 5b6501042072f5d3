import { createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { LessThan } from 'typeorm';
import { ConsoleSession } from '../../entities/index.js';
import type { Database } from '../db/database.js';
import { Sealer } from '../sealed.js';
import type { Operator, OperatorRole } from './operator.js';

const ID_BYTES = 32;
// The idle timer is written at most this often (or every quarter of the idle timeout, if shorter):
// not on every request, and a session can end at most this much before its idle timeout.
const TOUCH_EVERY_MS = 60_000;

export interface ConsoleLimits {
  idleSeconds: number;
  maxSeconds: number;
}

export interface LiveSession {
  operator: Operator;
  csrfToken: string;
}

/**
 * The console's sessions: a random id, sealed (XChaCha20-Poly1305, server/sealed.ts) into the cookie and
 * recorded by its hash in `console_session`, so every instance agrees on which are live and signing
 * out ends one for real. The CSRF token is an HMAC of the id: every instance derives the same one.
 */
export class ConsoleSessions {
  private readonly sealer: Sealer;
  private readonly csrfKey: Buffer;

  constructor(
    private readonly db: Database,
    secret: string,
    private readonly limits: ConsoleLimits,
  ) {
    this.sealer = new Sealer(secret, 'ssps console session', ID_BYTES, limits.maxSeconds);
    this.csrfKey = Buffer.from(hkdfSync('sha256', secret, 'ssps', 'ssps console csrf', 32));
  }

  /** A new session for `operator`: the cookie's value and its CSRF token. */
  async start(operator: Operator, now = Date.now()): Promise<{ cookie: string; csrfToken: string }> {
    const id = randomBytes(ID_BYTES);
    await this.db.run((ds) =>
      ds.getRepository(ConsoleSession).insert({
        idHash: hashId(id),
        operatorId: operator.id,
        operatorName: operator.name,
        roles: operator.roles.join(' '),
        createdAt: new Date(now),
        lastSeenAt: new Date(now),
        expiresAt: new Date(now + this.limits.maxSeconds * 1000),
      }),
    );
    return { cookie: this.sealer.seal(id, now), csrfToken: this.csrf(id) };
  }

  /** The CSRF token that belongs to a cookie, or null for a cookie this server did not seal (or past its lifetime). */
  csrfTokenFor(cookie: string, now = Date.now()): string | null {
    const opened = this.sealer.open(cookie, now);
    return opened ? this.csrf(opened.payload) : null;
  }

  /** Whether `token` is the cookie's CSRF token, compared in constant time. */
  csrfMatches(cookie: string, token: string, now = Date.now()): boolean {
    const expected = this.csrfTokenFor(cookie, now);
    if (!expected || token.length !== expected.length) return false;
    return timingSafeEqual(Buffer.from(token), Buffer.from(expected));
  }

  /**
   * The live session behind a cookie, its idle timer moved forward; null for a forged or altered
   * cookie, a session that was ended, or one idle or older than its limits (which is deleted).
   */
  async resume(cookie: string, now = Date.now()): Promise<LiveSession | null> {
    const opened = this.sealer.open(cookie, now);
    if (!opened) return null;
    const idHash = hashId(opened.payload);
    const row = await this.db.run((ds) => ds.getRepository(ConsoleSession).findOneBy({ idHash }));
    if (!row) return null;
    const lastSeen = row.lastSeenAt.getTime();
    if (row.expiresAt.getTime() <= now || lastSeen + this.limits.idleSeconds * 1000 <= now) {
      await this.db.run((ds) => ds.getRepository(ConsoleSession).delete({ idHash }));
      return null;
    }
    if (now - lastSeen >= Math.min(TOUCH_EVERY_MS, (this.limits.idleSeconds * 1000) / 4)) {
      await this.db.run((ds) => ds.getRepository(ConsoleSession).update({ idHash }, { lastSeenAt: new Date(now) }));
    }
    return { operator: toOperator(row), csrfToken: this.csrf(opened.payload) };
  }

  /** Ends the session behind a cookie on every instance; a copy of the cookie is refused from now on. */
  async end(cookie: string): Promise<void> {
    // Expiry does not matter here: an expired session is ended all the same.
    const opened = this.sealer.open(cookie, 0);
    if (!opened) return;
    const idHash = hashId(opened.payload);
    await this.db.run((ds) => ds.getRepository(ConsoleSession).delete({ idHash }));
  }

  /** Deletes the sessions past their absolute lifetime or idle timeout. */
  async purgeExpired(now = Date.now()): Promise<number> {
    const expired = await this.db.run((ds) => ds.getRepository(ConsoleSession).delete({ expiresAt: LessThan(new Date(now)) }));
    const idle = await this.db.run((ds) => ds.getRepository(ConsoleSession).delete({ lastSeenAt: LessThan(new Date(now - this.limits.idleSeconds * 1000)) }));
    return (expired.affected ?? 0) + (idle.affected ?? 0);
  }

  private csrf(id: Buffer): string {
    return createHmac('sha256', this.csrfKey).update(id).digest('base64url');
  }
}

function hashId(id: Buffer): string {
  return createHash('sha256').update(id).digest('hex');
}

function toOperator(row: ConsoleSession): Operator {
  return { id: row.operatorId, name: row.operatorName, roles: row.roles.split(' ').filter(Boolean) as OperatorRole[], via: 'session' };
}
