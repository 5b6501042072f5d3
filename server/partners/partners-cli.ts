/**
 * `npm run partner -- create <name> [--role partner|operator] [--rate <per minute>] [--expires <yyyy-mm-dd>]`
 * `npm run partner -- list`
 * `npm run partner -- revoke <name>`
 * On the database of DATABASE_URL. A new key is printed once, as the last line. Dates are
 * Bogotá's: `--expires 2027-12-31` is valid until the end of that day in America/Bogota.
 */
import { parseArgs } from 'node:util';
import { PARTNER_ROLES, type PartnerRole } from '../../entities/index.js';
import { bogotaDay, endOfBogotaDay, isDay } from '../calendar/bogota.js';
import { loadConfig } from '../config.js';
import { Database } from '../db/database.js';
import { createLogger } from '../log.js';
import { PartnerService } from './partner-service.js';

const USAGE = 'uso: npm run partner -- create <nombre> [--role partner|operator] [--rate <por minuto>] [--expires <aaaa-mm-dd>] | list | revoke <nombre>';

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { role: { type: 'string' }, rate: { type: 'string' }, expires: { type: 'string' } },
  });
  const [command, name] = positionals;
  if (!['create', 'list', 'revoke'].includes(command)) return fail(USAGE, 2);
  let expiresAt: Date | null = null;
  if (command === 'create') {
    if (!name || !/^[a-z0-9][a-z0-9._-]{1,79}$/i.test(name)) return fail('Indique el nombre del aliado: de 2 a 80 letras, dígitos, puntos, guiones o guiones bajos.', 2);
    if (values.expires !== undefined) {
      if (!isDay(values.expires)) return fail('--expires debe ser una fecha que exista, aaaa-mm-dd (por ejemplo 2027-12-31).', 2);
      expiresAt = endOfBogotaDay(values.expires);
      if (expiresAt.getTime() <= Date.now()) return fail(`--expires ${values.expires} ya pasó: indique una fecha futura.`, 2);
    }
  }
  const config = loadConfig();
  const db = new Database({ config: config.database, deadlineMs: 10_000, log: createLogger('silent'), retry: false });
  await db.start();
  const partners = new PartnerService(db);
  try {
    switch (command) {
      case 'create': {
        const role = (values.role ?? 'partner') as PartnerRole;
        if (!PARTNER_ROLES.includes(role)) return fail(`--role debe ser uno de: ${PARTNER_ROLES.join(', ')}.`, 2);
        const ratePerMinute = values.rate === undefined ? config.rateLimits.partnerPerMinute : Number(values.rate);
        if (!Number.isInteger(ratePerMinute) || ratePerMinute < 1) return fail('--rate debe ser un número entero de peticiones por minuto.', 2);
        if ((await partners.list()).some((p) => p.name === name)) return fail(`Ya existe un aliado llamado "${name}".`);
        const { partner, key } = await partners.create(name, { role, ratePerMinute, expiresAt });
        const expiry = expiresAt ? `vence al terminar el ${bogotaDay(expiresAt)} (hora de Bogotá)` : 'sin vencimiento';
        console.log(`Creado ${partner.role} "${partner.name}": ${partner.ratePerMinute} peticiones por minuto, ${expiry}.`);
        console.log('La llave solo se muestra ahora; guárdela en el almacén de secretos del aliado. Se envía como "Authorization: Bearer <llave>".');
        console.log(key);
        return 0;
      }
      case 'list': {
        const now = Date.now();
        const rows = (await partners.list()).map((p) => ({
          nombre: p.name,
          rol: p.role,
          llave: `${p.keyPrefix}…`,
          porMinuto: p.ratePerMinute,
          creada: bogotaDay(p.createdAt),
          vence: p.expiresAt ? bogotaDay(p.expiresAt) : '',
          estado: p.revokedAt ? 'revocada' : p.expiresAt && p.expiresAt.getTime() <= now ? 'vencida' : 'activa',
        }));
        if (rows.length === 0) console.log('Aún no hay aliados.');
        else console.table(rows);
        return 0;
      }
      default:
        if (!name) return fail(USAGE, 2);
        if (!(await partners.revoke(name))) return fail(`No hay un aliado activo llamado "${name}".`);
        console.log(`Revocado "${name}": su llave deja de funcionar en menos de 10 segundos en todas las instancias.`);
        return 0;
    }
  } finally {
    await db.close();
  }
}

function fail(message: string, code = 1): number {
  console.error(message);
  return code;
}

process.exitCode = await main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  return 1;
});
