/** `npm run db:synth -- --applicants N [--batch B]`: on the database of DATABASE_URL, with a progress bar on stderr. */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/data-source.js';
import { synthesize } from './synth.js';

async function main() {
  const { values } = parseArgs({ args: process.argv.slice(2), options: { applicants: { type: 'string', default: '10000' }, batch: { type: 'string', default: '2000' } } });
  const total = Number(values.applicants);
  if (!Number.isInteger(total) || total < 1) throw new Error('--applicants debe ser un número entero positivo.');
  const config = loadConfig();
  const ds = await openDatabase({ database: config.database, timeoutMs: 10_000 });
  const started = Date.now();
  try {
    await synthesize(ds, total, Number(values.batch), (done) => {
      const width = 30;
      const filled = Math.round((done / total) * width);
      const rate = Math.round(done / Math.max(0.001, (Date.now() - started) / 1000));
      process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} solicitantes, ${rate}/s`);
    });
    process.stderr.write(`\n${total} solicitantes en ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  } finally {
    await ds.destroy();
  }
}

await main();
