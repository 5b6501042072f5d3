import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { Partner } from '../../entities/index.js';
import { bogotaDateTime } from '../../server/calendar/bogota.js';
import { toDate } from '../../server/db/values.js';
import { projectRoot } from '../../server/paths.js';
import { testDatabases } from '../support/databases.js';
import { serverFor, TEST_SECRET } from '../support/server.js';

const run = promisify(execFile);
const CLI_TIMEOUT = 120_000;

/** A compiled command-line tool on the test server's database, in a zone far from Bogotá's. */
async function cli(tool: string, databaseUrl: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const { SSPS_OPERATOR: _unset, ...inherited } = process.env;
  try {
    const { stdout, stderr } = await run(process.execPath, [path.join(projectRoot, 'dist/server', tool), ...args], {
      env: { ...inherited, NODE_ENV: 'test', DATABASE_URL: databaseUrl, SSPS_SECRET: TEST_SECRET, TZ: 'Asia/Tokyo', ...env },
      cwd: projectRoot,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe.each(testDatabases())('dates on the command line are Bogotá dates, on $name', (database) => {
  const server = serverFor(database);
  const partner = (args: string[]) => cli('partners/partners-cli.js', server.databaseUrl, args);

  it('takes --expires 2027-12-31 as the end of that day in Bogotá, and lists it as 2027-12-31', async () => {
    const created = await partner(['create', 'portal-fechas', '--expires', '2027-12-31']);
    expect(created).toMatchObject({ code: 0, stdout: expect.stringContaining('vence al terminar el 2027-12-31 (hora de Bogotá)') });
    const [stored] = await server.ssps.db.run((ds) => ds.getRepository(Partner).findBy({ name: 'portal-fechas' }));
    expect(toDate(stored.expiresAt)!.toISOString()).toBe('2028-01-01T04:59:59.000Z');
    const listed = await partner(['list']);
    expect(listed.code).toBe(0);
    const row = listed.stdout.split('\n').find((line) => line.includes('portal-fechas'))!;
    expect(row).toContain('2027-12-31');
    expect(row).not.toContain('2028-01-01');
    expect(row).toContain('activa');
  }, CLI_TIMEOUT);

  it('refuses a date that does not exist or has passed, in Spanish', async () => {
    expect(await partner(['create', 'portal-x', '--expires', '2027-02-30'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--expires debe ser una fecha que exista') });
    expect(await partner(['create', 'portal-x', '--expires', '2020-01-01'])).toMatchObject({ code: 2, stderr: expect.stringContaining('ya pasó') });
    expect(await partner(['borrar'])).toMatchObject({ code: 2, stderr: expect.stringContaining('uso: npm run partner') });
  }, CLI_TIMEOUT);

  it("prints a request's history in Bogotá time (scenario approval-in-review)", async () => {
    expect((await cli('lifecycle/ops-cli.js', server.databaseUrl, ['approve', '512003', '--as', 'Operadora Fechas'])).stdout).toMatch(/^Solicitud 512003: ahora .*\(AWAITING_DELIVERY\)\.$/m);
    const [event] = (await server.ssps.db.run((ds) =>
      ds.query("SELECT e.occurred_at FROM request_event e JOIN certificate_request r ON r.id = e.request_id WHERE r.request_number = 512003 AND e.move = 'approve'"),
    )) as { occurred_at: string | Date }[];
    const history = await cli('lifecycle/ops-cli.js', server.databaseUrl, ['history', '512003']);
    expect(history.stdout).toContain('Solicitud 512003 (horas de Bogotá):');
    expect(history.stdout).toContain(`${bogotaDateTime(toDate(event.occurred_at)!)}  approve`);
    expect(history.stdout).toMatch(/por ops-cli:Operadora Fechas/);
  }, CLI_TIMEOUT);
});
