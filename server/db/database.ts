import { setTimeout as sleep } from 'node:timers/promises';
import type { DataSource, Logger as TypeOrmLogger } from 'typeorm';
import type { DatabaseConfig } from '../config.js';
import { ServiceUnavailableError } from '../refusals.js';
import type { Logger } from '../log.js';
import { traced, tracingOn } from '../observability/tracing.js';
import { openDatabase, POOL_SIZE } from './data-source.js';
import { ReadBatcher, type BatchedStatement } from './read-batch.js';

/** The part of mysql2's callback pool `read` uses. */
interface PreparingPool {
  execute(sql: string, values: unknown[], callback: (error: Error | null, rows: unknown) => void): void;
}

// Errors that mean "the database is not answering", as opposed to a bug in a query.
// ER_UNKNOWN_COM_ERROR is how a Galera node that is not in the cluster's primary component
// (cut off, or still joining) refuses every query: "WSREP has not yet prepared node for application use".
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'EAI_AGAIN',
  'PROTOCOL_CONNECTION_LOST', 'PROTOCOL_SEQUENCE_TIMEOUT', 'POOL_CLOSED', 'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN', 'ER_QUERY_INTERRUPTED', 'ER_LOCK_WAIT_TIMEOUT', 'ER_UNKNOWN_COM_ERROR', 'SQLITE_BUSY', 'SQLITE_CANTOPEN', 'SQLITE_IOERR',
]);

export function isUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
    if ((e as { fatal?: unknown }).fatal === true) return true;
    // mysql2's pool, every connection busy and 200 requests waiting for one: an error without a code.
    if ((e as { message?: unknown }).message === 'Queue limit reached.') return true;
    e = (e as { driverError?: unknown }).driverError ?? (e as { cause?: unknown }).cause;
  }
  return false;
}

export interface DatabaseOptions {
  config: DatabaseConfig;
  deadlineMs: number;
  log: Logger;
  /** Sees every SQL statement (tests count round trips with it). */
  queryLogger?: TypeOrmLogger;
  /** false for command-line tools: the first failure to connect is the answer, no retrying. */
  retry?: boolean;
  /**
   * The most callers of one hot-path statement answered by one round trip on MySQL/MariaDB
   * (`readBatched`); 1 sends each alone. Default 16.
   */
  readBatch?: number;
  /** Told how many callers each batched round trip answered (the metrics). */
  onReadBatch?: (callers: number) => void;
  /** Runs once after the schema is migrated, before the database is reported ready. */
  onReady?: (dataSource: DataSource) => Promise<void>;
}

/**
 * The server's one handle on the database. It connects in the background (and keeps
 * retrying while the database is down at start), and bounds every piece of work by a
 * deadline, so a database that stops answering costs the caller at most `deadlineMs`
 * and a SERVICE_UNAVAILABLE, never a hung request. mysql2's pool reconnects by itself
 * when the database comes back.
 */
/** mysql2's pool keeps its connections in these (not part of its typed API). */
interface PoolInternals {
  _allConnections?: { length: number };
  _freeConnections?: { length: number };
  _connectionQueue?: { length: number };
}

export class Database {
  private dataSource: DataSource | null = null;
  private connecting: Promise<void> | null = null;
  private stopped = false;

  private readonly batcher: ReadBatcher | null;

  constructor(private readonly options: DatabaseOptions) {
    const readBatch = options.readBatch ?? 16;
    // SQLite answers in-process: nothing to save by batching.
    this.batcher = options.config.kind === 'mysql' && readBatch > 1
      ? new ReadBatcher((sql, parameters, deadlineMs) => this.readWithin(sql, parameters, deadlineMs), readBatch, POOL_SIZE, options.deadlineMs, options.onReadBatch)
      : null;
  }

  get ready(): boolean {
    return this.dataSource !== null;
  }

  /** Which SQL dialect the few statements that differ must speak. */
  get kind(): DatabaseConfig['kind'] {
    return this.options.config.kind;
  }

  /** Starts connecting; resolves once connected (retrying until then, or until close()). */
  start(): Promise<void> {
    this.connecting ??= this.connectWithRetry();
    return this.connecting;
  }

  private async connectWithRetry(): Promise<void> {
    const { config, deadlineMs, log, onReady, queryLogger } = this.options;
    for (let attempt = 1, delay = 500; !this.stopped; attempt++, delay = Math.min(delay * 2, 5_000)) {
      try {
        const dataSource = await openDatabase({ database: config, timeoutMs: deadlineMs, logger: queryLogger });
        if (this.stopped) {
          await dataSource.destroy();
          return;
        }
        await onReady?.(dataSource);
        this.dataSource = dataSource;
        log.info({ driver: config.kind, attempt }, 'database ready');
        return;
      } catch (error) {
        if (this.options.retry === false) throw error;
        log.error({ err: error, attempt, retryInMs: delay }, 'database not ready');
        await sleep(delay);
      }
    }
  }

  /** `deadlineMs` overrides the default for work that may wait on locks (an operator's move). */
  run<T>(work: (dataSource: DataSource) => Promise<T>, deadlineMs = this.options.deadlineMs): Promise<T> {
    if (tracingOn()) return traced('db', { 'db.system.name': this.system }, () => this.within(work, deadlineMs));
    return this.within(work, deadlineMs);
  }

  private get system(): string {
    return this.options.config.kind === 'sqlite' ? 'sqlite' : 'mariadb';
  }

  private within<T>(work: (dataSource: DataSource) => Promise<T>, deadlineMs: number): Promise<T> {
    const dataSource = this.dataSource;
    if (!dataSource) return Promise.reject(new ServiceUnavailableError());
    // One timer and one promise per piece of work: this runs on every lookup.
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new ServiceUnavailableError('deadline')), deadlineMs);
      const fail = (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof ServiceUnavailableError || !isUnavailable(error) ? error : new ServiceUnavailableError(error));
      };
      let pending: Promise<T>;
      try {
        pending = work(dataSource);
      } catch (error) {
        return fail(error);
      }
      pending.then((value) => {
        clearTimeout(timer);
        resolve(value);
      }, fail);
    });
  }

  /**
   * A read on the hot path (the lookup, the detail): raw parameterized SQL through the same
   * DataSource, without TypeORM's per-query machinery. On MySQL/MariaDB it is a prepared
   * statement on the DataSource's own pool (mysql2 keeps it prepared per connection, so the
   * server parses the SQL once); SQLite's driver already caches its statements. The query
   * logger still sees it, so round trips can be counted.
   */
  read<T>(sql: string, parameters: unknown[]): Promise<T[]> {
    // The statement with its placeholders, never its values.
    if (tracingOn()) return traced('db.read', { 'db.system.name': this.system, 'db.query.text': sql }, () => this.readWithin<T>(sql, parameters));
    return this.readWithin<T>(sql, parameters);
  }

  /**
   * `read` for a statement that many requests make at once (the lookup, the detail): on
   * MySQL/MariaDB, concurrent callers share one round trip (read-batch.ts); each gets the rows
   * its own statement would have returned.
   */
  readBatched<T>(statement: BatchedStatement, parameters: unknown[]): Promise<T[]> {
    if (!this.batcher) return this.read<T>(statement.single, parameters);
    const batcher = this.batcher;
    if (tracingOn()) return traced('db.read', { 'db.system.name': this.system, 'db.query.text': statement.single }, () => batcher.read<T>(statement, parameters));
    return batcher.read<T>(statement, parameters);
  }

  /**
   * A prepared statement outside the hot path, with its own deadline: on MySQL a Buffer goes as
   * binary (the text protocol would send it as twice as many hex digits, built in memory).
   */
  prepared<T>(sql: string, parameters: unknown[], deadlineMs: number): Promise<T> {
    return this.readWithin(sql, parameters, deadlineMs) as Promise<T>;
  }

  private readWithin<T>(sql: string, parameters: unknown[], deadlineMs = this.options.deadlineMs): Promise<T[]> {
    return this.within((ds) => {
      const pool = ds.options.type === 'better-sqlite3' ? undefined : (ds.driver as unknown as { pool?: PreparingPool }).pool;
      if (!pool) return ds.query(sql, parameters);
      this.options.queryLogger?.logQuery(sql, parameters);
      return new Promise<T[]>((resolve, reject) => pool.execute(sql, parameters, (error, rows) => (error ? reject(error) : resolve(rows as T[]))));
    }, deadlineMs);
  }

  /** The MySQL pool's connections (all, free) and the requests waiting for one; null on SQLite or before connecting. */
  poolState(): { all: number; free: number; queued: number } | null {
    const pool = this.dataSource && this.dataSource.options.type !== 'better-sqlite3' ? (this.dataSource.driver as unknown as { pool?: PoolInternals }).pool : undefined;
    if (!pool) return null;
    return { all: pool._allConnections?.length ?? 0, free: pool._freeConnections?.length ?? 0, queued: pool._connectionQueue?.length ?? 0 };
  }

  /**
   * Whether the database answers (/readyz). A Galera node answers "ready" only while Synced
   * (wsrep_local_state 4), as a load balancer's cluster check expects: a joiner, a donor busy
   * copying its data, or a node cut off from the majority is not. A server without Galera
   * has no such status and is ready when it answers.
   */
  async ping(): Promise<boolean> {
    try {
      return await this.run(async (ds) => {
        if (ds.options.type === 'better-sqlite3') {
          await ds.query('SELECT 1');
          return true;
        }
        const rows: { Value: string }[] = await ds.query("SHOW GLOBAL STATUS LIKE 'wsrep_local_state'");
        return rows.length === 0 || String(rows[0].Value) === '4';
      });
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    this.stopped = true;
    await this.connecting;
    const dataSource = this.dataSource;
    this.dataSource = null;
    if (dataSource?.isInitialized) await dataSource.destroy();
  }
}
