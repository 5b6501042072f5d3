/**
 * `npm run audit -- <idType> <idNumber> [--days N]`: who consulted this person's data, when,
 * and what they got — the holder's right to know (Ley 1581 de 2012, art. 8). Reads the
 * audit of DATABASE_URL, matching the keyed hash the server wrote (same SSPS_SECRET).
 */
import { parseArgs } from 'node:util';
import { ID_TYPES, normalizeIdNumber, type IdType } from '../../graphql/id-number.js';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/data-source.js';
import { toDate } from '../db/values.js';
import { bogotaDateTime } from '../calendar/bogota.js';
import { messages } from '../messages.js';
import { Pseudonymizer } from '../privacy.js';
import { consultationsQuery } from './audit-log.js';

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, options: { days: { type: 'string', default: '365' } } });
  const [idType, rawNumber] = positionals;
  if (!ID_TYPES.some((known) => known === idType) || !rawNumber) {
    console.error(`uso: npm run audit -- <${ID_TYPES.join('|')}> <número de identificación> [--days N]`);
    return 2;
  }
  const parsed = normalizeIdNumber(idType as IdType, rawNumber);
  if (!parsed.ok) {
    console.error(`${messages.ID_NUMBER[parsed.problem]} (${idType})`);
    return 2;
  }
  if (!/^\d{1,5}$/.test(values.days) || Number(values.days) < 1) {
    console.error('--days debe ser un número entero de días, de 1 en adelante.');
    return 2;
  }
  const config = loadConfig();
  const since = new Date(Date.now() - Number(values.days) * 86_400_000);
  const dataSource = await openDatabase({ database: config.database, timeoutMs: 10_000 });
  try {
    const hash = new Pseudonymizer(config.secret).identity(idType, parsed.idNumber);
    const { sql, parameters } = consultationsQuery(hash, since);
    const rows = (await dataSource.query(sql, parameters)) as { occurred_at: Date | string; kind: string; partner: string | null; network: string; outcome: string; results: number }[];
    console.log(`${idType} ${parsed.idNumber}: ${rows.length} ${rows.length === 1 ? 'consulta' : 'consultas'} en los últimos ${values.days} días (horas de Bogotá).`);
    if (rows.length) {
      console.table(
        rows.map((r) => ({
          cuándo: bogotaDateTime(toDate(r.occurred_at)!),
          tipo: r.kind,
          quién: r.partner ?? 'anónimo (CAPTCHA)',
          red: r.network,
          resultado: r.outcome,
          solicitudes: r.results,
        })),
      );
    }
    return 0;
  } finally {
    await dataSource.destroy();
  }
}

process.exitCode = await main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  return 1;
});
