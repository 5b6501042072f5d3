/**
 * `npm run db:migration:generate -- <Name>`: writes one migration per driver with the
 * SQL that takes the current migrations to the current entities, each computed by
 * TypeORM against its own driver (a scratch SQLite file; a scratch database on the
 * MySQL/MariaDB server of MIGRATION_MYSQL_URL, default TEST_MYSQL_URL).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import type { DatabaseConfig } from '../config.js';
import { projectRoot } from '../paths.js';
import { openDatabase } from './data-source.js';
import { withScratchMysqlDatabase } from './scratch.js';

async function pendingSql(dataSource: DataSource): Promise<{ up: string[]; down: string[] }> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return { up: sql.upQueries.map((q) => q.query), down: sql.downQueries.map((q) => q.query).reverse() };
}

async function diff(database: DatabaseConfig) {
  const dataSource = await openDatabase({ database, timeoutMs: 10_000 });
  try {
    return await pendingSql(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

function writeMigration(driver: 'mysql' | 'sqlite', name: string, timestamp: number, sql: { up: string[]; down: string[] }) {
  const dir = path.join(projectRoot, 'server/db/migrations', driver);
  const className = `${name}${timestamp}`;
  const lines = (qs: string[]) => qs.map((q) => `    await queryRunner.query(${JSON.stringify(q)});`).join('\n');
  writeFileSync(
    path.join(dir, `${timestamp}-${name}.ts`),
    `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${lines(sql.up)}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${lines(sql.down)}
  }
}
`,
  );
  const indexFile = path.join(dir, 'index.ts');
  const index = readFileSync(indexFile, 'utf8')
    .replace(/\n\nexport const/, `\nimport { ${className} } from './${timestamp}-${name}.js';\n\nexport const`)
    .replace(/\];\s*$/, `  ${className},\n];\n`);
  writeFileSync(indexFile, index);
  console.log(`${driver}: ${sql.up.length} statements → ${path.relative(projectRoot, dir)}/${timestamp}-${name}.ts`);
}

async function main() {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
    console.error('usage: npm run db:migration:generate -- <PascalCaseName>');
    process.exit(2);
  }
  const mysqlUrl = process.env.MIGRATION_MYSQL_URL ?? process.env.TEST_MYSQL_URL;
  if (!mysqlUrl) {
    console.error('MIGRATION_MYSQL_URL (or TEST_MYSQL_URL) must name a MySQL/MariaDB server where a scratch database can be created');
    process.exit(2);
  }
  const timestamp = Date.now();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ssps-migration-'));
  try {
    const sqlite = await diff({ kind: 'sqlite', path: path.join(dir, 'scratch.sqlite') });
    const mysql = await withScratchMysqlDatabase(mysqlUrl, (url) => diff({ kind: 'mysql', url }));
    if (sqlite.up.length === 0 && mysql.up.length === 0) {
      console.log('Entities and migrations agree: nothing to generate.');
      return;
    }
    if (sqlite.up.length) writeMigration('sqlite', name, timestamp, sqlite);
    if (mysql.up.length) writeMigration('mysql', name, timestamp, mysql);
    // TypeORM changes a MySQL column's type by dropping it and adding it again, empty: twice
    // (WideAuditKey, CrlNumber) the generated migration would have lost a column's data.
    const dropped = mysql.up.filter((q) => /DROP COLUMN/i.test(q));
    if (dropped.length) {
      console.warn(`mysql: ${dropped.length} statement(s) drop a column; if its type only changes, its data would be lost: write ALTER TABLE … MODIFY by hand instead\n  ${dropped.join('\n  ')}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
