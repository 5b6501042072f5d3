import { execFile } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { bogotaDateTime } from '../../server/calendar/bogota.js';
import { toDate } from '../../server/db/values.js';
import type { Operator } from '../../server/operators/operator.js';
import { projectRoot } from '../../server/paths.js';
import { testDatabases } from '../support/databases.js';
import { serverFor, startServer, TEST_SECRET } from '../support/server.js';

const run = promisify(execFile);
// Each test starts the command-line tool, a process of its own, once or a few times.
const CLI_TIMEOUT = 120_000;
const MOVE = {
  pay: `mutation ($n: String!) { r: verifyPayment(requestNumber: $n, invoiceNumber: "FE-77") { stage } }`,
  approve: `mutation ($n: String!) { r: approveRequest(requestNumber: $n) { stage } }`,
  deliver: `mutation ($n: String!) { r: deliverCertificate(requestNumber: $n) { stage proposal { id } } }`,
};
const SUPERVISOR: Operator = { id: 'oidc:supervisora-1', name: 'Supervisora Ana', roles: ['ssps-operator', 'ssps-supervisor'], via: 'session' };

/**
 * `npm run ops -- …` against a test server's database, as the command-line tool runs: its own
 * process, the same secret, no operator unless the test names one.
 */
async function cli(databaseUrl: string, args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  const { SSPS_OPERATOR: _unset, ...inherited } = process.env;
  try {
    const { stdout, stderr } = await run(process.execPath, [path.join(projectRoot, 'dist/server/lifecycle/ops-cli.js'), ...args], {
      env: { ...inherited, NODE_ENV: 'test', DATABASE_URL: databaseUrl, SSPS_SECRET: TEST_SECRET, ...env },
      cwd: projectRoot,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

interface Entry {
  id: number;
  request_id: number;
  occurred_at: Date | string;
  actor: string;
  move: string;
  from_stage: string;
  to_stage: string;
  reason: string | null;
  hash: string | null;
}

describe.each(testDatabases())('the history chain on $name', (database) => {
  const server = serverFor(database);

  const ops = (args: string[], env: Record<string, string> = {}) => cli(server.databaseUrl, args, env);

  const sql = <T = unknown>(query: string, parameters: unknown[] = []) => server.ssps.db.run((ds) => ds.query(query, parameters) as Promise<T>);
  const entries = (requestNumber: number) =>
    sql<Entry[]>('SELECT e.* FROM request_event e JOIN certificate_request r ON r.id = e.request_id WHERE r.request_number = ? ORDER BY e.id', [requestNumber]);
  const named = (requestNumber: number, e: Entry) => `Solicitud ${requestNumber}: entrada ${e.id} (${bogotaDateTime(toDate(e.occurred_at)!)}, ${e.move})`;

  beforeAll(async () => {
    const operator = { authorization: `Bearer ${(await server.ssps.partners.create('operadora-1', { role: 'operator', ratePerMinute: 10_000 })).key}` };
    // Scenarios payment-in-review (512002), approval-in-review (512003) and delivery-pending (512004).
    // Each delivery is proposed by the key and approved by a supervisor: three entries (four eyes).
    for (const [query, n] of [[MOVE.pay, '512002'], [MOVE.approve, '512002'], [MOVE.deliver, '512002'], [MOVE.approve, '512003'], [MOVE.deliver, '512003'], [MOVE.deliver, '512004']]) {
      const res = await server.gql<{ r: { proposal?: { id: string } | null } }>(query, { n }, operator);
      expect(res.errors, `${query} ${n}`).toBeUndefined();
      if (res.data!.r.proposal) await server.ssps.lifecycle.approveProposal(res.data!.r.proposal.id, SUPERVISOR);
    }
  });

  it('chains every entry to the one before it and finds the whole history intact', async () => {
    const chain = await entries(512002);
    expect(chain.map((e) => e.move)).toEqual(['verify-payment', 'approve', 'propose-deliver', 'approve-proposal', 'deliver']);
    expect(chain.every((e) => /^[0-9a-f]{64}$/.test(e.hash ?? ''))).toBe(true);
    expect(new Set(chain.map((e) => e.hash)).size).toBe(5);

    const all = await ops(['verify-history']);
    expect(all).toMatchObject({ code: 0, stdout: expect.stringContaining('Historial intacto: 3 solicitudes, 12 entradas.') });
    expect(await ops(['verify-history', '512002'])).toMatchObject({ code: 0, stdout: expect.stringContaining('Historial intacto: 1 solicitud, 5 entradas.') });
    expect(await ops(['verify-history', '999999'])).toMatchObject({ code: 1, stderr: expect.stringContaining('no existe o no tiene historial') });
  }, CLI_TIMEOUT);

  it.each([
    ['reason', 'Factura FE-78'],
    ['actor', 'otra-persona'],
    ['to_stage', 'ISSUED'],
    ['occurred_at', '2020-01-01 00:00:00'],
  ])('names the entry whose %s was changed in SQL (scenario payment-in-review)', async (column, value) => {
    const [first] = await entries(512002);
    await sql(`UPDATE request_event SET ${column} = ? WHERE id = ?`, [value, first.id]);
    try {
      const checked = await ops(['verify-history']);
      expect(checked.code).toBe(1);
      expect(checked.stderr).toContain(`${named(512002, column === 'occurred_at' ? { ...first, occurred_at: value } : first)} ya no coincide`);
      expect(checked.stderr).toContain('1 de 3 historiales alterados');
    } finally {
      await sql(`UPDATE request_event SET ${column} = ? WHERE id = ?`, [first[column as keyof Entry], first.id]);
    }
  }, CLI_TIMEOUT);

  it('reports an entry whose hash was removed as unsealed: nulling a hash hides nothing (scenario payment-in-review)', async () => {
    const [, second] = await entries(512002);
    await sql('UPDATE request_event SET hash = NULL, reason = ? WHERE id = ?', ['editado', second.id]);
    try {
      const checked = await ops(['verify-history', '512002']);
      expect(checked.code).toBe(1);
      expect(checked.stderr).toContain(`${named(512002, second)} no tiene sello`);
    } finally {
      await sql('UPDATE request_event SET hash = ?, reason = ? WHERE id = ?', [second.hash, second.reason, second.id]);
    }
  }, CLI_TIMEOUT);

  it('notices a deleted middle entry at the one after it, and deleted newest entries (scenarios payment-in-review, approval-in-review)', async () => {
    const [, middle, next] = await entries(512002);
    await sql('DELETE FROM request_event WHERE id = ?', [middle.id]);
    const newest = (await entries(512003)).at(-1)!;
    await sql('DELETE FROM request_event WHERE id = ?', [newest.id]);
    try {
      const checked = await ops(['verify-history']);
      expect(checked.code).toBe(1);
      expect(checked.stderr).toContain(`${named(512002, next)} ya no coincide`);
      expect(checked.stderr).toContain('Solicitud 512003: el historial no termina en la etapa actual');
      expect(checked.stderr).toContain('2 de 3 historiales alterados');
    } finally {
      for (const e of [middle, newest]) {
        await sql('INSERT INTO request_event (id, request_id, occurred_at, actor, move, from_stage, to_stage, reason, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)', [
          e.id, e.request_id, e.occurred_at, e.actor, e.move, e.from_stage, e.to_stage, e.reason, e.hash,
        ]);
      }
    }
  }, CLI_TIMEOUT);

  // Last: it also proves that every edit above, put back, leaves the chain as it was.
  it('keeps one chain when two operators race on one request, and finds everything put back intact', async () => {
    const other = await startServer(database, {}, { url: server.databaseUrl });
    try {
      const key = { authorization: `Bearer ${(await server.ssps.partners.create('operadora-2', { role: 'operator', ratePerMinute: 10_000 })).key}` };
      // Scenario filing-in-review (512001): both try to verify its filing at once.
      const file = `mutation { r: fileRequest(requestNumber: "512001") { stage } }`;
      const results = await Promise.all([server.gql(file, {}, key), other.gql(file, {}, key)]);
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      expect(await entries(512001)).toHaveLength(1);
      expect(await ops(['verify-history'])).toMatchObject({ code: 0, stdout: expect.stringContaining('4 solicitudes, 13 entradas') });
    } finally {
      await other.close();
    }
  }, CLI_TIMEOUT);
});

describe.each(testDatabases())('the command line names its operator on $name', (database) => {
  const server = serverFor(database);

  const ops = (args: string[], env: Record<string, string> = {}) => cli(server.databaseUrl, args, env);

  const actors = () =>
    server.ssps.db.run((ds) => ds.query('SELECT e.actor FROM request_event e JOIN certificate_request r ON r.id = e.request_id WHERE r.request_number = ? ORDER BY e.id', [512003]) as Promise<{ actor: string }[]>);

  it('refuses a move without --as or SSPS_OPERATOR, or with a name it cannot record, and writes nothing (scenario approval-in-review)', async () => {
    const refusals: [string[], Record<string, string>, RegExp][] = [
      [['approve', '512003'], {}, /Indique quién hace el movimiento: --as "<nombre>" o la variable SSPS_OPERATOR/],
      [['approve', '512003'], { SSPS_OPERATOR: '   ' }, /Indique quién hace el movimiento/],
      [['approve', '512003', '--as', 'x'], {}, /de 2 a 60 caracteres/],
      [['approve', '512003', '--as', 'Ana\u202Eoreh'], {}, /sin caracteres de control/],
      [['approve', '512003'], { SSPS_OPERATOR: 'Ana\nroot' }, /sin caracteres de control/],
    ];
    const answers = await Promise.all(refusals.map(([args, env]) => ops(args, env)));
    answers.forEach((refused, i) => expect(refused, JSON.stringify(refusals[i])).toMatchObject({ code: 2, stderr: expect.stringMatching(refusals[i][2]) }));
    expect(await actors()).toEqual([]);
  }, CLI_TIMEOUT);

  it('records the operator named by --as or SSPS_OPERATOR, never the machine account (scenario approval-in-review)', async () => {
    expect((await ops(['approve', '512003', '--as', '  María Fernanda Operadora '], { SSPS_OPERATOR: 'ignorada' })).code).toBe(0);
    const proposed = await ops(['deliver', '512003'], { SSPS_OPERATOR: 'Łukasz Ñúñez' });
    expect(proposed).toMatchObject({ code: 0, stdout: expect.stringContaining('(AWAITING_DELIVERY)') });
    const proposal = /Propuesta (\d+): deliver de la solicitud 512003, propuesta por ops-cli:Łukasz Ñúñez/.exec(proposed.stdout)![1];
    // Whoever runs the server may approve, but never under the name that proposed.
    expect(await ops(['approve-proposal', proposal, '--as', 'łukasz ñúñez'])).toMatchObject({ code: 1, stderr: expect.stringContaining('debe aprobarla o declinarla otro supervisor') });
    const approved = await ops(['approve-proposal', proposal, '--as', 'Supervisora Ana']);
    expect(approved).toMatchObject({ code: 0, stdout: expect.stringMatching(/aprobada por ops-cli:Supervisora Ana[\s\S]*\(ISSUED\)\. Número de serie [0-9a-f]{32}\./) });
    expect(await actors()).toEqual([
      { actor: 'ops-cli:María Fernanda Operadora' },
      { actor: 'ops-cli:Łukasz Ñúñez' },
      { actor: 'ops-cli:Supervisora Ana' },
      { actor: 'ops-cli:Łukasz Ñúñez' },
    ]);
    expect((await ops(['history', '512003'])).stdout).not.toContain(`ops-cli:${os.userInfo().username}`);
    // Reading needs no name.
    expect(await ops(['verify-history', '512003'])).toMatchObject({ code: 0, stdout: expect.stringContaining('Historial intacto') });
  }, CLI_TIMEOUT);

  it("corrects a person's recorded name from the command line, in the chained history (scenario filing-in-review)", async () => {
    expect(await ops(['correct-name', '512001', '--name', 'X1', '--reason', 'Cédula verificada'], { SSPS_OPERATOR: 'Supervisora Ana' })).toMatchObject({ code: 2, stderr: expect.stringContaining('al menos dos letras') });
    const done = await ops(['correct-name', '512001', '--name', 'luisa fernanda prueba de mora', '--reason', 'Cédula verificada en ventanilla'], { SSPS_OPERATOR: 'Supervisora Ana' });
    expect(done.code).toBe(0);
    const [person] = (await server.ssps.db.run((ds) => ds.query("SELECT full_name FROM applicant WHERE id_number = '52123456'"))) as { full_name: string }[];
    expect(person.full_name).toBe('LUISA FERNANDA PRUEBA DE MORA');
    expect((await ops(['history', '512001'])).stdout).toMatch(/correct-name .*por ops-cli:Supervisora Ana .*«LUISA FERNANDA PRUEBA MORA» → «LUISA FERNANDA PRUEBA DE MORA»/);
    expect(await ops(['verify-history', '512001'])).toMatchObject({ code: 0, stdout: expect.stringContaining('Historial intacto') });
  }, CLI_TIMEOUT);
});
