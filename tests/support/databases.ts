import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DatabaseConfig } from '../../server/config.js';
import { createScratchMysqlDatabase } from '../../server/db/scratch.js';

export interface TestDatabase {
  name: 'sqlite' | 'mysql';
  /** A fresh, empty database; `drop` removes it. */
  create(): Promise<{ config: DatabaseConfig; url: string; drop: () => Promise<void> }>;
}

const sqlite: TestDatabase = {
  name: 'sqlite',
  async create() {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ssps-test-'));
    const file = path.join(dir, 'ssps.sqlite');
    return { config: { kind: 'sqlite', path: file }, url: `sqlite:${file}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  },
};

function mysql(serverUrl: string): TestDatabase {
  return {
    name: 'mysql',
    async create() {
      const { url, drop } = await createScratchMysqlDatabase(serverUrl, 'ssps_test');
      return { config: { kind: 'mysql', url }, url, drop };
    },
  };
}

/**
 * SQLite always; MySQL/MariaDB whenever TEST_MYSQL_URL is set. In CI a missing
 * TEST_MYSQL_URL is an error, never a silent skip.
 */
export function testDatabases(): TestDatabase[] {
  const url = process.env.TEST_MYSQL_URL;
  if (!url && process.env.CI === 'true') throw new Error('CI=true but TEST_MYSQL_URL is not set: the MySQL/MariaDB tests cannot be skipped in CI');
  return url ? [sqlite, mysql(url)] : [sqlite];
}
