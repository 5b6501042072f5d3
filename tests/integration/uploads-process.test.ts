import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource } from 'typeorm';
import { openDatabase } from '../../server/db/data-source.js';
import { testDatabases } from '../support/databases.js';
import { largePdf } from '../support/documents.js';
import { MAIN, startCompiledServer } from '../support/process.js';
import { draft, streamPut } from '../support/uploads.js';

const MB = 1_048_576;
const UPLOADS = 60;
const SIZE = 5 * MB - 1_024;

/** A /proc/<pid>/status figure (VmRSS, VmHWM), in bytes. */
function vm(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const kb = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb) * 1_024;
}

// The compiled server in its own process, as `npm start` runs it: its memory is its own, and a
// client's timing is not the server's.
describe.runIf((existsSync(MAIN) || process.env.CI === 'true') && existsSync('/proc/self/status')).each(testDatabases())('the compiled server taking uploads on $name', (database) => {
  let server: Awaited<ReturnType<typeof startCompiledServer>>;
  let dropDatabase: () => Promise<void>;
  let outbox: DataSource;
  /** The code the server mailed to `email`, read from its outbox over a connection of our own. */
  const codeOf = async (email: string) => {
    const [row] = (await outbox.query('SELECT subject FROM notification_outbox WHERE recipient = ? ORDER BY id DESC', [email])) as { subject: string }[];
    return row.subject.slice(-6);
  };
  beforeAll(async () => {
    const db = await database.create();
    dropDatabase = db.drop;
    server = await startCompiledServer({ DATABASE_URL: db.url, SSPS_WEB: '0', CAPTCHA_COST: '50', CAPTCHA_MAX_COUNTER: '20', RATE_LIMIT_CHALLENGE_IP: '10000/1m', RATE_LIMIT_DRAFT_IP: '10000/1m', RATE_LIMIT_CODE_EMAIL: '10000/1m', LOG_LEVEL: 'warn' });
    // After the server, which migrated the schema.
    outbox = await openDatabase({ database: db.config, timeoutMs: 5_000 });
  });
  afterAll(async () => {
    await outbox?.destroy();
    expect(await server?.stop()).toBe(0);
    await dropDatabase?.();
  });

  it('closes a refused upload in stages, so a client sending as fast as it can reads the refusal instead of a reset', async () => {
    const url = `${server.url}/applications/${'u'.repeat(43)}/documents/ID_DOCUMENT`;
    const statuses: (number | string)[] = [];
    for (let i = 0; i < 3; i++) {
      for (const size of [4 * MB, 12 * MB]) {
        statuses.push(await fetch(url, { method: 'PUT', body: new Uint8Array(size) }).then((r) => r.status, (e: Error & { cause?: { code?: string } }) => e.cause?.code ?? e.message));
      }
    }
    expect(statuses).toEqual(Array(3).fill([404, 413]).flat());
  });

  it(`takes ${UPLOADS} simultaneous 5 MB uploads while its RSS grows by less than 100 MB`, { timeout: 180_000 }, async () => {
    const pid = server.proc.child.pid!;
    const drafts: string[] = [];
    for (let i = 0; i < UPLOADS + 1; i++) drafts.push(await draft(server.url, codeOf));
    // The body comes from one 64 kB buffer: this process holds no 300 MB of its own.
    const { head, tail } = largePdf(SIZE);
    const filler = Buffer.alloc(65_536, 0x20);
    const upload = (id: string) => streamPut(server.url, `/applications/${id}/documents/ID_DOCUMENT`, head, filler, SIZE, true, tail);
    // One upload first, so what every upload loads once (pdf-lib, image-size) is in the baseline.
    expect((await upload(drafts.pop()!)).status).toBe(201);

    const baseline = vm(pid, 'VmRSS');
    // Resets the peak (VmHWM) to the current RSS (Linux's clear_refs); sampling VmRSS covers a kernel without it.
    let peakResets = true;
    try {
      writeFileSync(`/proc/${pid}/clear_refs`, '5');
    } catch {
      peakResets = false;
    }
    let sampled = baseline;
    const sampler = setInterval(() => (sampled = Math.max(sampled, vm(pid, 'VmRSS'))), 20);
    const answers = await Promise.all(drafts.map(upload)).finally(() => clearInterval(sampler));
    const peak = Math.max(sampled, peakResets ? vm(pid, 'VmHWM') : 0);

    expect(answers.map((a) => a.status)).toEqual(Array(UPLOADS).fill(201));
    expect(answers.every((a) => a.body.mediaType === 'application/pdf')).toBe(true);
    expect(peak - baseline, `RSS from ${Math.round(baseline / MB)} MB to ${Math.round(peak / MB)} MB`).toBeLessThan(100 * MB);
  });
});
