import { Redis } from 'ioredis';
import { RateLimiterMySQL, RateLimiterRedis, RateLimiterRes, RateLimiterSQLite, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { DataSource } from 'typeorm';
import type { RateRule } from '../config.js';
import type { Database } from '../db/database.js';
import { ServiceUnavailableError } from '../errors.js';

export type LimitName = 'lookupIp' | 'lookupIdentity' | 'detailIp' | 'challengeIp';

export class RateLimitedError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`rate limited for ${retryAfterSeconds}s`);
  }
}

export interface RateLimitOptions {
  rules: Record<LimitName, RateRule>;
  redisUrl?: string;
}

type Factory = (keyPrefix: string, rule: RateRule) => RateLimiterAbstract;

/**
 * Counters every instance shares (rate-limiter-flexible): in Redis when REDIS_URL is set,
 * otherwise in the database's rate_limit table, so N instances behind a load balancer
 * limit as one.
 */
export class RateLimits {
  private readonly limiters = new Map<string, RateLimiterAbstract>();
  private factory: Factory | null = null;
  private redis: Redis | null = null;

  constructor(
    private readonly options: RateLimitOptions,
    private readonly db: Database,
  ) {}

  /** Spends one point of `name` for `key`; past the limit, throws RateLimitedError. */
  consume(name: LimitName, key: string): Promise<void> {
    return this.spend(name, this.options.rules[name], key);
  }

  /** A partner's own budget: its rate per minute. */
  consumePartner(partnerId: number, perMinute: number): Promise<void> {
    return this.spend(`partner${perMinute}`, { points: perMinute, seconds: 60 }, String(partnerId));
  }

  private async spend(name: string, rule: RateRule, key: string): Promise<void> {
    const limiter = await this.limiter(name, rule);
    try {
      // Under the database's deadline, whichever store holds the counters.
      await this.db.run(() => limiter.consume(key, 1));
    } catch (result) {
      if (result instanceof ServiceUnavailableError) throw result;
      if (result instanceof RateLimiterRes) throw new RateLimitedError(Math.max(1, Math.ceil(result.msBeforeNext / 1000)));
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
