/**
 * `npm run ops -- <move> <requestNumber> …`: the operators' moves without a GraphQL client,
 * on the database of DATABASE_URL, through the same state machine as the API.
 *   file <n> | verify-payment <n> --invoice <number> | approve <n> | reject <n> --reason "<text>"
 *   deliver <n> | revoke <n> --reason <rfc5280Reason> | history <n>
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { Database } from '../db/database.js';
import { createLogger } from '../log.js';
import { REVOCATION_REASONS, type RevocationReason } from './machine.js';
import { LifecycleService, MoveRefused, STAGE_TEXT, type MoveInput } from './service.js';

const USAGE = `usage: npm run ops -- <move> <requestNumber> [options]
  file <n>
  verify-payment <n> --invoice <number>
  approve <n>
  reject <n> --reason "<text the applicant reads>"
  deliver <n>
  revoke <n> --reason <${REVOCATION_REASONS.join('|')}>
  history <n>`;

function parse(argv: string[]): MoveInput | { move: 'history'; requestNumber: string } | string {
  const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, options: { invoice: { type: 'string' }, reason: { type: 'string' } } });
  const [move, requestNumber] = positionals;
  if (!move || !requestNumber) return USAGE;
  if (!/^\d{1,9}$/.test(requestNumber)) return `"${requestNumber}" is not a request number`;
  const actor = `ops-cli:${os.userInfo().username}`;
  switch (move) {
    case 'file':
    case 'approve':
    case 'deliver':
      return { move, requestNumber, actor };
    case 'history':
      return { move, requestNumber };
    case 'verify-payment':
      if (!values.invoice?.trim()) return 'verify-payment needs --invoice <number>';
      return { move, requestNumber, actor, invoiceNumber: values.invoice.trim() };
    case 'reject':
      if (!values.reason || values.reason.trim().length < 5) return 'reject needs --reason "<text the applicant reads>" (5 characters or more)';
      return { move, requestNumber, actor, reason: values.reason.trim() };
    case 'revoke':
      if (!REVOCATION_REASONS.includes(values.reason as RevocationReason)) return `revoke needs --reason, one of: ${REVOCATION_REASONS.join(', ')}`;
      return { move, requestNumber, actor, reason: values.reason as RevocationReason };
    default:
      return USAGE;
  }
}

async function main(argv: string[]): Promise<number> {
  const input = parse(argv);
  if (typeof input === 'string') {
    console.error(input);
    return 2;
  }
  const config = loadConfig();
  const db = new Database({ config: config.database, deadlineMs: 10_000, log: createLogger('silent'), retry: false });
  await db.start();
  const lifecycle = new LifecycleService(db);
  try {
    if (input.move === 'history') {
      const events = await lifecycle.history(input.requestNumber);
      if (events.length === 0) console.log(`Request ${input.requestNumber}: no moves recorded.`);
      for (const e of events) console.log(`${e.occurredAt.toISOString()}  ${e.move.padEnd(15)} ${e.fromStage} → ${e.toStage}  by ${e.actor}${e.reason ? `  (${e.reason})` : ''}`);
      return 0;
    }
    const result = await lifecycle.apply(input);
    console.log(`Request ${result.requestNumber}: now ${STAGE_TEXT[result.stage]} (${result.stage}).${result.serialNumber ? ` Serial number ${result.serialNumber}.` : ''}`);
    return 0;
  } catch (error) {
    if (error instanceof MoveRefused) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    await db.close();
  }
}

process.exitCode = await main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  return 1;
});
