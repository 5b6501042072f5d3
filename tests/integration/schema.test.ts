import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/data-source.js';
import { Database } from '../../server/db/database.js';
import { seed } from '../../server/demo/seed.js';
import { createLogger } from '../../server/log.js';
import { InvoiceLinks } from '../../server/lifecycle/invoice.js';
import { HandleCodec } from '../../server/requests/handle.js';
import { RequestService } from '../../server/requests/lookup-service.js';
import { testDatabases } from '../support/databases.js';
import { statementRecorder } from '../support/statements.js';

describe.each(testDatabases())('schema and queries on $name', (database) => {
  let created: Awaited<ReturnType<typeof database.create>>;
  beforeAll(async () => {
    created = await database.create();
  });
  afterAll(async () => {
    await created?.drop();
  });

  it('after the migrations, TypeORM finds no difference between the entities and the schema', async () => {
    const dataSource = await openDatabase({ database: created.config, timeoutMs: 5_000 });
    try {
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
      const tables = (await dataSource.query(
        database.name === 'mysql'
          ? 'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE()'
          : "SELECT name FROM sqlite_master WHERE type = 'table'",
      )) as { name: string }[];
      expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['applicant', 'certificate_request', 'request_step', 'certificate_type', 'used_captcha']));
    } finally {
      await dataSource.destroy();
    }
  });

  it('reads the lookup in one SQL round trip and the detail in one, whatever the number of steps', async () => {
    const statements: string[] = [];
    const counter = statementRecorder(statements);
    const db = new Database({ config: created.config, deadlineMs: 5_000, log: createLogger('silent'), queryLogger: counter });
    await db.start();
    try {
      await db.run((ds) => seed(ds));
      const service = new RequestService(db, new HandleCodec('k'.repeat(40), 600), new InvoiceLinks('k'.repeat(40), 600));
      statements.length = 0;
      const result = await service.lookup('CC', '71234567');
      expect(result.requests).toHaveLength(3);
      expect(statements).toHaveLength(1);
      for (const request of result.requests) {
        statements.length = 0;
        const detail = await service.detail(request.handle);
        expect(detail?.detail.steps).toHaveLength(5);
        // The expected dates (business days, holidays) are computed in memory: still one statement.
        expect(detail?.detail.expectedFrom === null).toBe(request.status !== 'IN_PROGRESS');
        expect(statements).toHaveLength(1);
      }
    } finally {
      await db.close();
    }
  });
});
