import type { QueryRunner } from 'typeorm';
import { createDataSource, detectFlavor } from '../../server/db/data-source.js';
import { mysqlMigrations } from '../../server/db/migrations/mysql/index.js';
import { sqliteMigrations } from '../../server/db/migrations/sqlite/index.js';
import type { TestDatabase } from './databases.js';

/**
 * A database upgraded in place: every migration of the driver in order, on a fresh database,
 * with `seed` writing data once, before the first migration for which `ready` is true (the
 * schema as an earlier release left it). Returns what `check` reads after the last migration.
 */
export async function upgradeWithData<T>(
  database: TestDatabase,
  ready: (runner: QueryRunner) => Promise<boolean>,
  seed: (runner: QueryRunner) => Promise<void>,
  check: (runner: QueryRunner) => Promise<T>,
): Promise<{ seeded: boolean; found: T }> {
  const created = await database.create();
  const flavor = created.config.kind === 'mysql' ? await detectFlavor(created.config.url, 5_000) : undefined;
  const dataSource = createDataSource({ database: created.config, flavor, timeoutMs: 5_000 });
  await dataSource.initialize();
  const runner = dataSource.createQueryRunner();
  try {
    let seeded = false;
    for (const Migration of database.name === 'mysql' ? mysqlMigrations : sqliteMigrations) {
      if (!seeded && (await ready(runner))) {
        await seed(runner);
        seeded = true;
      }
      // As TypeORM's runner does it (runMigrations): SQLite's foreign keys off around each
      // migration, so that a table rebuilt by a migration takes none of its children with it.
      await runner.beforeMigration();
      await new Migration().up(runner);
      await runner.afterMigration();
    }
    return { seeded, found: await check(runner) };
  } finally {
    await runner.release();
    await dataSource.destroy();
    await created.drop();
  }
}
