/**
 * `npm run partner -- create <name> [--role partner|operator] [--rate <per minute>] [--expires <yyyy-mm-dd>]`
 * `npm run partner -- list`
 * `npm run partner -- revoke <name>`
 * On the database of DATABASE_URL. A new key is printed once, as the last line.
 */
import { parseArgs } from 'node:util';
import { PARTNER_ROLES, type PartnerRole } from '../../entities/index.js';
import { loadConfig } from '../config.js';
import { Database } from '../db/database.js';
import { createLogger } from '../log.js';
import { PartnerService } from './partner-service.js';

const USAGE = 'usage: npm run partner -- create <name> [--role partner|operator] [--rate <per minute>] [--expires <yyyy-mm-dd>] | list | revoke <name>';

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { role: { type: 'string' }, rate: { type: 'string' }, expires: { type: 'string' } },
  });
  const [command, name] = positionals;
  const config = loadConfig();
  const db = new Database({ config: config.database, deadlineMs: 10_000, log: createLogger('silent'), retry: false });
  await db.start();
  const partners = new PartnerService(db);
  try {
    switch (command) {
      case 'create': {
        if (!name || !/^[a-z0-9][a-z0-9._-]{1,79}$/i.test(name)) return fail('a partner name: 2-80 letters, digits, dots, dashes or underscores');
        const role = (values.role ?? 'partner') as PartnerRole;
        if (!PARTNER_ROLES.includes(role)) return fail(`--role must be one of ${PARTNER_ROLES.join(', ')}`);
        const ratePerMinute = values.rate === undefined ? config.rateLimits.partnerPerMinute : Number(values.rate);
        if (!Number.isInteger(ratePerMinute) || ratePerMinute < 1) return fail('--rate must be a whole number of requests per minute');
        const expiresAt = values.expires ? new Date(`${values.expires}T23:59:59-05:00`) : null;
        if (expiresAt && Number.isNaN(expiresAt.getTime())) return fail('--expires must be a date, yyyy-mm-dd');
        if ((await partners.list()).some((p) => p.name === name)) return fail(`a partner named "${name}" already exists`);
        const { partner, key } = await partners.create(name, { role, ratePerMinute, expiresAt });
        console.log(`Created ${partner.role} "${partner.name}": ${partner.ratePerMinute} requests a minute, ${expiresAt ? `expires ${values.expires}` : 'no expiry'}.`);
        console.log('The key is shown only now; store it in the partner\'s secret store. Send it as "Authorization: Bearer <key>".');
        console.log(key);
        return 0;
      }
      case 'list': {
        const now = Date.now();
        const rows = (await partners.list()).map((p) => ({
          name: p.name,
          role: p.role,
          key: `${p.keyPrefix}…`,
          perMinute: p.ratePerMinute,
          created: p.createdAt.toISOString().slice(0, 10),
          expires: p.expiresAt?.toISOString().slice(0, 10) ?? '',
          state: p.revokedAt ? 'revoked' : p.expiresAt && p.expiresAt.getTime() <= now ? 'expired' : 'active',
        }));
        if (rows.length === 0) console.log('No partners yet.');
        else console.table(rows);
        return 0;
      }
      case 'revoke':
        if (!name) return fail(USAGE);
        if (!(await partners.revoke(name))) return fail(`no active partner named "${name}"`);
        console.log(`Revoked "${name}": its key stops working within 10 seconds on every instance.`);
        return 0;
      default:
        return fail(USAGE);
    }
  } finally {
    await db.close();
  }
}

function fail(message: string): number {
  console.error(message);
  return 1;
}

process.exitCode = await main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  return 1;
});
