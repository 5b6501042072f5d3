/**
 * What a round trip costs, apart from any server: the lookup's statement run straight on a
 * mysql2 pool (the size of SSPS's) by `--concurrency` callers in a loop for `--duration`
 * seconds, first each alone (`pool.execute` of the single statement, as the floor does),
 * then through SSPS's own ReadBatcher (`--min-batch` to `--batch` callers a statement). For each: reads
 * a second, and the CPU per read of this process and of the database server.
 *
 *   node dist/bench/round-trips.js mysql://root@127.0.0.1:3306/ssps_bench_200000 [--concurrency 32] [--batch 16] [--min-batch 8] [--duration 8] [--rounds 2]
 *
 * The database must hold synthetic applicants (`npm run bench` or `npm run db:synth` make them).
 */
import { parseArgs } from 'node:util';
import { createPool, type Pool } from 'mysql2';
import { POOL_SIZE } from '../server/db/data-source.js';
import { MIN_BATCH, ReadBatcher } from '../server/db/read-batch.js';
import { LOOKUP_STATEMENT } from '../server/requests/lookup-service.js';
import { cpuMs, databasePids } from './proc.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    concurrency: { type: 'string', default: '32' },
    batch: { type: 'string', default: '16' },
    'min-batch': { type: 'string', default: String(MIN_BATCH) },
    duration: { type: 'string', default: '8' },
    rounds: { type: 'string', default: '2' },
  },
});
const [url] = positionals;
if (!url) throw new Error('usage: node dist/bench/round-trips.js <mysql url of a bench database> [--concurrency 32] [--batch 16] [--min-batch 8] [--duration 8] [--rounds 2]');
const concurrency = Number(values.concurrency);
const durationMs = Number(values.duration) * 1000;

type Read = (idType: string, idNumber: string) => Promise<unknown[]>;

const pool: Pool = createPool({ uri: url, connectionLimit: POOL_SIZE, timezone: 'Z' });
const execute = (sql: string, parameters: unknown[]) => new Promise<unknown[]>((resolve, reject) => pool.execute(sql, parameters as (string | number)[], (error, rows) => (error ? reject(error) : resolve(rows as unknown[]))));
const alone: Read = (idType, idNumber) => execute(LOOKUP_STATEMENT.single, [idType, idNumber]);
const batcher = new ReadBatcher((sql, parameters) => execute(sql, parameters), Number(values.batch), POOL_SIZE, 60_000, undefined, Number(values['min-batch']));
const batched: Read = (idType, idNumber) => batcher.read(LOOKUP_STATEMENT, [idType, idNumber]);

async function measure(name: string, read: Read, identities: [string, string][]): Promise<void> {
  const pick = () => identities[Math.floor(Math.random() * identities.length)];
  for (let i = 0; i < 2_000; i++) await read(...pick());
  const db = databasePids();
  const dbBefore = db.reduce((sum, pid) => sum + cpuMs(pid), 0);
  const ownBefore = process.cpuUsage();
  const started = performance.now();
  let reads = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (performance.now() - started < durationMs) {
      await read(...pick());
      reads++;
    }
  }));
  const elapsed = performance.now() - started;
  const own = process.cpuUsage(ownBefore);
  const dbMs = db.reduce((sum, pid) => sum + cpuMs(pid), 0) - dbBefore;
  console.log(`${name.padEnd(8)} ${String(Math.round((reads * 1000) / elapsed)).padStart(7)} reads/s  this process ${String(Math.round((own.user + own.system) / reads)).padStart(4)} µs/read  database ${String(Math.round((dbMs * 1000) / reads)).padStart(4)} µs/read`);
}

const [rows] = await pool.promise().query('SELECT id_type, id_number FROM applicant ORDER BY RAND() LIMIT 20000');
const identities = (rows as { id_type: string; id_number: string }[]).map((r): [string, string] => [r.id_type, r.id_number]);
console.log(`${identities.length} identities, concurrency ${concurrency}, batches of ${values['min-batch']} to ${values.batch} callers, ${values.duration} s per run`);
for (let round = 0; round < Number(values.rounds); round++) {
  await measure('alone', alone, identities);
  await measure('batched', batched, identities);
}
await pool.promise().end();
