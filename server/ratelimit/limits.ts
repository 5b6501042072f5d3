import { Redis } from 'ioredis';
import { RateLimiterMySQL, RateLimiterRedis, RateLimiterRes, RateLimiterSQLite, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';
import type { RateRule } from '../config.js';
import { retryOnWriteConflict } from '../db/conflicts.js';
import type { Database } from '../db/database.js';
import { RateLimited, ServiceUnavailableError } from '../refusals.js';
import { clientScopes, type Pseudonymizer } from '../privacy.js';

/** Limits counted per client (see `consumeClient`); lookupIdentity is counted per person and client. */
export type LimitName = 'lookupIp' | 'lookupIdentity' | 'detailIp' | 'challengeIp' | 'captchaFailureIp' | 'draftIp' | 'codeEmail';

/**
 * An IPv6 client spends its /64's budget and this many times that budget of its /48's: a
 * client holding a whole /48 gets this much more, not 65,536 times more, and the few /64s
 * of one office or one carrier's customers that share a /48 do not starve each other.
 */
export const WIDE_SCOPE_FACTOR = 8;

export interface RateLimitOptions {
  rules: Record<LimitName, RateRule>;
  redisUrl?: string;
  /** Client addresses and people become keyed hashes before they reach the counters' store. */
  pseudonyms: Pseudonymizer;
  /** Told the rule's name each time a limit refuses (the metrics). */
  onRefusal?: (rule: string) => void;
}

type Factory = (keyPrefix: string, rule: RateRule) => RateLimiterAbstract;

/**
 * A partner's minute is spent from leases: one write to the shared counter takes a slice of
 * the budget for this instance, and the next requests are served from the slice with no
 * round trip. A slice is at most 1/LEASE_PARTS of the budget, so an instance holds back at
 * most that much from the others (what it leased and did not use lapses with the minute);
 * budgets of LEASE_PARTS or fewer are counted one request at a time.
 */
export const LEASE_PARTS = 100;

interface Lease {
  left: number;
  /** When the shared counter's window ends; the lease lapses with it. */
  until: number;
}

/**
 * Counters every instance shares (rate-limiter-flexible): in Redis when REDIS_URL is set,
 * otherwise in the database's rate_limit table, so N instances behind a load balancer
 * limit as one.
 */
export class RateLimits {
  private readonly limiters = new Map<string, RateLimiterAbstract>();
  private factory: Factory | null = null;
  private redis: Redis | null = null;
  private readonly leases = new Map<string, Lease>();
  private readonly leasing = new Map<string, Promise<void>>();

  constructor(
    private readonly options: RateLimitOptions,
    private readonly db: Database,
  ) {}

  /**
   * Spends one point of `name` for the client at `ip` — IPv4 by address, IPv6 by its /64 and
   * also from its /48's wider budget (see clientScopes) — or, with `subject`, for that subject
   * as seen from that client (a person looked up from one network). Past either limit, throws
   * RateLimited. Every per-address limit is spent through here.
   */
  async consumeClient(name: LimitName, ip: string, subject?: string): Promise<void> {
    const { narrow, wide } = clientScopes(ip);
    const key = (scope: string) => this.options.pseudonyms.value(`client:${subject ?? ''}`, scope);
    const rule = this.options.rules[name];
    await this.spend(name, rule, key(narrow));
    if (wide) await this.spend(`${name}Wide`, { points: rule.points * WIDE_SCOPE_FACTOR, seconds: rule.seconds }, key(wide));
  }

  /** Spends one point of a rule fixed in code rather than configured (a draft's uploads); `name` must be its own. */
  consumeFixed(name: string, rule: RateRule, key: string): Promise<void> {
    return this.spend(name, rule, key);
  }

  /** A partner's own budget: its rate per minute, spent from leases (see LEASE_PARTS). */
  async consumePartner(partnerId: number, perMinute: number): Promise<void> {
    const name = `partner${perMinute}`;
    const key = String(partnerId);
    const id = `${name}:${key}`;
    for (;;) {
      const lease = this.leases.get(id);
      if (lease && lease.until > Date.now()) {
        if (lease.left > 0) {
          lease.left--;
          return;
        }
        // Spent, here and everywhere, until the window ends: no need to ask the store again.
        if (lease.left < 0) {
          this.options.onRefusal?.('partner');
          throw new RateLimited(Math.max(1, Math.ceil((lease.until - Date.now()) / 1000)));
        }
      }
      // Requests arriving while a lease is being taken wait for it instead of each taking one.
      let taking = this.leasing.get(id);
      if (!taking) {
        taking = this.takeLease(name, { points: perMinute, seconds: 60 }, key, id).finally(() => this.leasing.delete(id));
        this.leasing.set(id, taking);
      }
      await taking;
    }
  }

  private async takeLease(name: string, rule: RateRule, key: string, id: string): Promise<void> {
    const size = Math.max(1, Math.floor(rule.points / LEASE_PARTS));
    const { allowed, res } = await this.hit(name, rule, key, size);
    const until = Date.now() + res.msBeforeNext;
    // Refused for the whole slice, the store still counted it: what was left before is ours.
    const granted = allowed ? size : Math.max(0, rule.points - (res.consumedPoints - size));
    this.leases.set(id, { left: granted > 0 ? granted : -1, until });
    if (this.leases.size > 10_000) this.leases.clear();
  }

  private async spend(name: string, rule: RateRule, key: string): Promise<void> {
    const { allowed, res } = await this.hit(name, rule, key, 1);
    if (!allowed) {
      this.options.onRefusal?.(name);
      throw new RateLimited(Math.max(1, Math.ceil(res.msBeforeNext / 1000)));
    }
  }

  /** Adds `points` to a shared counter; `allowed` is false past its limit. */
  private async hit(name: string, rule: RateRule, key: string, points: number): Promise<{ allowed: boolean; res: RateLimiterRes }> {
    const limiter = await this.limiter(name, rule);
    try {
      // Under the database's deadline, whichever store holds the counters. In the database, two
      // nodes of a Galera cluster counting one key at once conflict; the upsert is safe to repeat.
      return { allowed: true, res: await this.db.run(() => retryOnWriteConflict(() => limiter.consume(key, points))) };
    } catch (result) {
      if (result instanceof ServiceUnavailableError) throw result;
      if (result instanceof RateLimiterRes) return { allowed: false, res: result };
      // The counters' store is down: refuse rather than serve unlimited.
      throw new ServiceUnavailableError(result);
    }
  }

  private async limiter(name: string, rule: RateRule): Promise<RateLimiterAbstract> {
    let limiter = this.limiters.get(name);
    if (!limiter) {
      this.factory ??= this.options.redisUrl ? this.redisFactory(this.options.redisUrl) : await this.db.run(async (ds) => databaseFactory(ds));
      limiter = this.factory(`rl_${name}`, rule);
      this.limiters.set(name, limiter);
    }
    return limiter;
  }

  private redisFactory(url: string): Factory {
    // Commands queue while connecting; the database deadline bounds how long a lookup waits on them.
    this.redis = new Redis(url, { maxRetriesPerRequest: 1 });
    this.redis.on('error', () => {});
    const client = this.redis;
    return (keyPrefix, rule) => new RateLimiterRedis({ storeClient: client, keyPrefix, points: rule.points, duration: rule.seconds });
  }

  async close(): Promise<void> {
    await this.redis?.quit().catch(() => {});
  }
}

function databaseFactory(ds: DataSource): Factory {
  const driver = ds.driver as unknown as { pool?: unknown; databaseConnection?: unknown; database?: string };
  if (ds.options.type === 'better-sqlite3') {
    const client = driver.databaseConnection;
    return (keyPrefix, rule) =>
      new RateLimiterSQLite({ storeClient: client, storeType: 'better-sqlite3', tableName: 'rate_limit', tableCreated: true, keyPrefix, points: rule.points, duration: rule.seconds });
  }
  const dbName = driver.database ?? (ds.options as { database?: string }).database;
  return (keyPrefix, rule) =>
    new RateLimiterMySQL({ storeClient: driver.pool, storeType: 'pool', dbName, tableName: 'rate_limit', tableCreated: true, keyPrefix, points: rule.points, duration: rule.seconds });
}
