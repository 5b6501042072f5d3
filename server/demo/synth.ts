/**
 * Synthetic applicants (CC 2000000000…), about three requests each with their steps and their
 * place in the operators' queue, for
 * measuring at scale: bulk multi-row inserts in batches. `npm run db:synth` (synth-cli.ts).
 */
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { seed } from './seed.js';

export const SYNTH_ID_BASE = 2_000_000_000;

export async function synthesize(ds: DataSource, applicants: number, batch = 2_000, progress: (done: number) => void = () => {}): Promise<void> {
  await seed(ds, []);
  const [{ a, r, s, n }] = (await ds.query(
    'SELECT (SELECT COALESCE(MAX(id), 0) FROM applicant) AS a, (SELECT COALESCE(MAX(id), 0) FROM certificate_request) AS r, (SELECT COALESCE(MAX(id), 0) FROM request_step) AS s, (SELECT COALESCE(MAX(request_number), 0) FROM certificate_request) AS n',
  )) as { a: number; r: number; s: number; n: number }[];
  const typeId = ((await ds.query("SELECT id FROM certificate_type WHERE code = 'PERSONA_NATURAL'")) as { id: number }[])[0].id;
  let applicantId = Number(a);
  let requestId = Number(r);
  let stepId = Number(s);
  let requestNumber = Math.max(Number(n), 900_000_000);
  const day = (offset: number) => `'${new Date(Date.now() - offset * 86_400_000).toISOString().slice(0, 19).replace('T', ' ')}'`;
  for (let start = 0; start < applicants; start += batch) {
    const size = Math.min(batch, applicants - start);
    const people: string[] = [];
    const requests: string[] = [];
    const steps: string[] = [];
    const queue: string[] = [];
    for (let i = 0; i < size; i++) {
      applicantId++;
      people.push(`(${applicantId}, 'CC', '${SYNTH_ID_BASE + start + i}', 'PERSONA SINTETICA ${start + i}', NULL, ${day(900)})`);
      const count = 2 + ((start + i) % 3); // 2, 3 or 4: about three each
      for (let k = 0; k < count; k++) {
        requestId++;
        requestNumber++;
        const issued = k < count - 1;
        const serial = issued ? `'${randomBytes(16).toString('hex').replace(/^[89a-f]/, '7')}'` : 'NULL';
        // Requests still in progress were filed over the last month, so the queue has ages of every kind.
        const filed = issued ? day(403) : day((start + i) % 30);
        requests.push(
          `(${requestId}, ${requestNumber}, ${requestNumber - 27}, ${applicantId}, 'PERSONA SINTETICA ${start + i}', NULL, NULL, ${typeId}, '${issued ? 'COMPLETED' : 'IN_PROGRESS'}', ${issued ? day(400) : 'NULL'}, ${serial}, ${issued ? day(400) : 'NULL'}, ${issued ? day(-330) : 'NULL'}, NULL, NULL, 1, ${filed}, ${day(1)})`,
        );
        queue.push(`(${requestId}, '${issued ? 'ISSUED' : 'AWAITING_PAYMENT'}', ${filed}, ${issued ? day(400) : filed}, ${typeId})`);
        const kinds = issued ? ['FILING', 'PAYMENT', 'APPROVAL', 'DELIVERY', 'VALIDITY'] : ['FILING', 'PAYMENT'];
        for (const kind of kinds) {
          stepId++;
          const state = kind === 'VALIDITY' ? 'VALID' : !issued && kind === 'PAYMENT' ? 'IN_PROGRESS' : 'COMPLETED';
          steps.push(`(${stepId}, ${requestId}, '${kind}', '${state}', ${day(402)}, 'Paso sintético.', NULL)`);
        }
      }
    }
    await ds.transaction(async (m) => {
      await m.query(`INSERT INTO applicant (id, id_type, id_number, full_name, email, created_at) VALUES ${people.join(',')}`);
      await m.query(
        `INSERT INTO certificate_request (id, request_number, order_number, applicant_id, holder_name, company, project, certificate_type_id, status, issued_at, serial_number, valid_from, valid_to, revoked_at, revocation_reason, version, created_at, updated_at) VALUES ${requests.join(',')}`,
      );
      await m.query(`INSERT INTO request_step (id, request_id, kind, state, modified_at, information, invoice_url) VALUES ${steps.join(',')}`);
      await m.query(`INSERT INTO request_queue (request_id, stage, filed_at, since, certificate_type_id) VALUES ${queue.join(',')}`);
    });
    progress(start + size);
  }
}
