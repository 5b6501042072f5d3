import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { createConnection } from 'mysql2/promise';
import pLimit from 'p-limit';
import { DataSource, type Logger as TypeOrmLogger } from 'typeorm';
import { entities } from '../../entities/index.js';
import { loadConfig, type DatabaseConfig } from '../config.js';
import { withMigrationLock } from './migration-lock.js';
import { mysqlMigrations } from './migrations/mysql/index.js';
import { sqliteMigrations } from './migrations/sqlite/index.js';

export interface DataSourceOptions {
  database: DatabaseConfig;
  /** MySQL or MariaDB: TypeORM reads their catalogs differently, so it must know which. */
  flavor?: 'mysql' | 'mariadb';
  /** Bounds connecting to MySQL; the lookup's own deadline is enforced by `withDeadline`. */
  timeoutMs: number;
  logger?: TypeOrmLogger;
}

/** Connections per instance to MySQL/MariaDB. */
export const POOL_SIZE = 10;

/** `synchronize` is never on: the schema changes only through the ordered migrations of each driver. */
export function createDataSource({ database, flavor = 'mysql', timeoutMs, logger }: DataSourceOptions): DataSource {
  if (database.kind === 'mysql') {
    return withWideAuditKeys(new DataSource({
      type: flavor,
      url: database.url,
      charset: 'utf8mb4_unicode_ci',
      timezone: 'Z',
      connectTimeout: timeoutMs,
      poolSize: POOL_SIZE,
      extra: { enableKeepAlive: true, waitForConnections: true, queueLimit: 200 },
      entities,
      migrations: mysqlMigrations,
      migrationsTableName: 'migrations',
      synchronize: false,
      logger,
      logging: logger ? ['query', 'error'] : false,
    }));
  }
  if (database.path !== ':memory:') mkdirSync(path.dirname(database.path), { recursive: true });
  return oneTransactionAtATime(new DataSource({
    type: 'better-sqlite3',
    database: database.path,
    enableWAL: true,
    timeout: timeoutMs,
    prepareDatabase: (db: { pragma(sql: string): unknown }) => {
      db.pragma('foreign_keys = ON');
    },
    entities,
    migrations: sqliteMigrations,
    migrationsTableName: 'migrations',
    synchronize: false,
    logger,
    logging: logger ? ['query', 'error'] : false,
  }));
}

/**
 * Tables whose key is drawn for every request, by anyone, need a 64-bit counter: MySQL's `int`
 * runs out at 2,147,483,647, and the lookup audit draws one for every lookup, detail read and
 * refusal — at the rate one instance answers refused lookups, in about a week, after which
 * no audit row can be written and every lookup is refused. An entity cannot say "bigint on
 * MySQL, INTEGER on SQLite" (SQLite auto-increments only a key declared INTEGER, which is
 * 64-bit already), so the MySQL data source widens these keys in its own metadata, before any
 * migration runs or schema is compared; its migrations create them as `bigint`.
 */
const WIDE_KEYS = ['lookup_audit'];

function withWideAuditKeys(dataSource: DataSource): DataSource {
  const initialize = dataSource.initialize.bind(dataSource);
  dataSource.initialize = async () => {
    await initialize();
    for (const metadata of dataSource.entityMetadatas) {
      if (!WIDE_KEYS.includes(metadata.tableName)) continue;
      for (const column of metadata.primaryColumns) column.type = 'bigint';
    }
    return dataSource;
  };
  return dataSource;
}

/**
 * SQLite's driver has one connection: two transactions started at once would share it (the
 * second a savepoint inside the first, or refused by SQLite), so they take turns. MySQL's pool
 * gives each its own connection and needs none of this.
 */
function oneTransactionAtATime(dataSource: DataSource): DataSource {
  const turns = pLimit(1);
  const transaction = dataSource.transaction.bind(dataSource) as (...args: unknown[]) => Promise<unknown>;
  dataSource.transaction = ((...args: unknown[]) => turns(() => transaction(...args))) as DataSource['transaction'];
  return dataSource;
}

/** Connects and brings the schema up to date; what `npm start` and `npm run db:migrate` do first. */
export async function openDatabase(options: DataSourceOptions): Promise<DataSource> {
  const { database } = options;
  const flavor = database.kind === 'mysql' ? await detectFlavor(database.url, options.timeoutMs) : undefined;
  const dataSource = createDataSource({ ...options, flavor });
  await dataSource.initialize();
  try {
    await withMigrationLock(dataSource, () => dataSource.runMigrations({ transaction: 'each' }));
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  return dataSource;
}

/** `mysql://` URLs serve both MySQL 8 and MariaDB; the server's version string tells them apart. */
export async function detectFlavor(url: string, timeoutMs: number): Promise<'mysql' | 'mariadb'> {
  const connection = await createConnection({ uri: url, connectTimeout: timeoutMs });
  try {
    const [rows] = await connection.query('SELECT VERSION() AS version');
    return /mariadb/i.test((rows as { version: string }[])[0].version) ? 'mariadb' : 'mysql';
  } finally {
    await connection.end();
  }
}

/** For command-line tools: the database the server would open (DATABASE_URL), migrated, for the time of `work`. */
export async function withConfiguredDatabase<T>(work: (dataSource: DataSource, config: DatabaseConfig) => Promise<T>): Promise<T> {
  const { database } = loadConfig();
  const dataSource = await openDatabase({ database, timeoutMs: 10_000 });
  try {
    return await work(dataSource, database);
  } finally {
    await dataSource.destroy();
  }
}
