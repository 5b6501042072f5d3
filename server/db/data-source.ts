import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DataSource, type Logger as TypeOrmLogger } from 'typeorm';
import { entities } from '../../entities/index.js';
import type { DatabaseConfig } from '../config.js';
import { mysqlMigrations } from './migrations/mysql/index.js';
import { sqliteMigrations } from './migrations/sqlite/index.js';

export interface DataSourceOptions {
  database: DatabaseConfig;
  /** Bounds connecting to MySQL; the lookup's own deadline is enforced by `withDeadline`. */
  timeoutMs: number;
  logger?: TypeOrmLogger;
}

/** `synchronize` is never on: the schema changes only through the ordered migrations of each driver. */
export function createDataSource({ database, timeoutMs, logger }: DataSourceOptions): DataSource {
  if (database.kind === 'mysql') {
    return new DataSource({
      type: 'mysql',
      url: database.url,
      charset: 'utf8mb4_unicode_ci',
      timezone: 'Z',
      connectTimeout: timeoutMs,
      poolSize: 10,
      extra: { enableKeepAlive: true, waitForConnections: true, queueLimit: 200 },
      entities,
      migrations: mysqlMigrations,
      migrationsTableName: 'migrations',
      synchronize: false,
      logger,
      logging: logger ? ['query', 'error'] : false,
    });
  }
  if (database.path !== ':memory:') mkdirSync(path.dirname(database.path), { recursive: true });
  return new DataSource({
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
  });
}

/** Connects and brings the schema up to date; what `npm start` and `npm run db:migrate` do first. */
export async function openDatabase(options: DataSourceOptions): Promise<DataSource> {
  const dataSource = createDataSource(options);
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  return dataSource;
}
