import { execFile, spawn } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../server/paths.js';
import { confirmedDraft } from '../support/applying.js';
import { testDatabases } from '../support/databases.js';
import { cleanPdf } from '../support/documents.js';
import { startServer, TEST_SECRET } from '../support/server.js';

const run = promisify(execFile);

const counts = (ds: { query: (sql: string) => Promise<unknown> }) =>
  Promise.all(['certificate_request', 'request_event', 'request_document', 'document_blob', 'applicant'].map(async (t) => [t, Number(((await ds.query(`SELECT COUNT(*) AS n FROM ${t}`)) as { n: number | string }[])[0].n)]));

describe.each(testDatabases())('npm run db:backup on $name', (database) => {
  it('copies the running database, documents and history included, and the copy restores into a working SSPS', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ssps-backup-'));
    const server = await startServer(database);
    try {
      // Something beyond the demo data: a document in the database.
      const id = await confirmedDraft(server, 'copia.seguridad@example.com');
      expect((await fetch(`${server.url}/applications/${id}/documents/ID_DOCUMENT`, { method: 'PUT', body: new Uint8Array(await cleanPdf()) })).status).toBe(201);
      const before = await server.ssps.db.run((ds) => counts(ds));

      const file = path.join(dir, database.name === 'sqlite' ? 'ssps.sqlite' : 'ssps.sql');
      const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'test', DATABASE_URL: server.databaseUrl, SSPS_SECRET: TEST_SECRET };
      const { stdout } = await run(process.execPath, [path.join(projectRoot, 'dist/server/db/backup-cli.js'), file], { env, cwd: projectRoot });
      expect(stdout).toMatch(/^Copia de /);
      expect(statSync(file).size).toBeGreaterThan(10_000);
      // A second backup never overwrites the first.
      await expect(run(process.execPath, [path.join(projectRoot, 'dist/server/db/backup-cli.js'), file], { env, cwd: projectRoot })).rejects.toMatchObject({ code: 2 });

      // Restored as the README says, into a database of its own, and opened by SSPS.
      const target = await database.create();
      try {
        if (database.name === 'sqlite') {
          await run('cp', [file, (target.config as { path: string }).path]);
        } else {
          const url = new URL(target.url);
          await new Promise<void>((resolve, reject) => {
            const client = spawn('mariadb', ['-h', url.hostname, '-P', url.port || '3306', '-u', url.username, url.pathname.slice(1)], { stdio: ['pipe', 'ignore', 'inherit'] });
            createReadStream(file).pipe(client.stdin);
            client.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`mariadb exited ${code}`))));
          });
        }
        const restored = await startServer(database, { SSPS_DEMO_DATA: '0' }, { url: target.url });
        try {
          expect(await restored.ssps.db.run((ds) => counts(ds))).toEqual(before);
          const [{ storage_key: key }] = (await restored.ssps.db.run((ds) => ds.query('SELECT storage_key FROM request_document WHERE draft_id = ?', [id]))) as { storage_key: string }[];
          const bytes = await restored.ssps.db.run((ds) => ds.query('SELECT bytes FROM document_blob WHERE storage_key = ?', [key])) as { bytes: Buffer }[];
          expect(Buffer.from(bytes[0].bytes).subarray(0, 5).toString()).toBe('%PDF-');
          const lookup = await restored.gql(`{ requestHistory(requestNumber: "512001") { move } }`);
          expect(lookup.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
        } finally {
          await restored.close();
        }
      } finally {
        await target.drop();
      }
    } finally {
      await server.close();
      await server.dropDatabase();
      if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
