/**
 * `npm run ops -- <move> <requestNumber> …`: the operators' moves without a GraphQL client,
 * on the database of DATABASE_URL, through the same state machine as the API.
 *   file <n> | verify-payment <n> --invoice <number> [--cufe <CUFE>] | approve <n> | reject <n> --reason "<text>"
 *   deliver <n> | revoke <n> --reason <rfc5280Reason>  (both propose: four eyes)
 *   approve-proposal <id> | decline-proposal <id> --reason "<why>" | proposals [<n>]
 *   history <n> | verify-history [<n>] | correct-name <n> --name "<full name>" --reason "<why>"
 *   outbox [retry <id>]   (the e-mail queue: pending, sent, dead letters)
 *   resend-download <n>   (a new download link for a delivered certificate not yet downloaded)
 * Every move names the operator who makes it: --as <name> or SSPS_OPERATOR. Whoever runs the
 * server holds the supervisor's role here too, but never approves what the same name proposed.
 */
import { parseArgs } from 'node:util';
import { bogotaDateTime } from '../calendar/bogota.js';
import { resendDownloadLink } from '../certificates/download-resend.js';
import { loadConfig } from '../config.js';
import { Database } from '../db/database.js';
import { createLogger } from '../log.js';
import { outboxCommand } from '../notifications/outbox-cli.js';
import { HistoryKey, verifyHistory, type BrokenEntry } from './history.js';
import { InvoiceLinks } from './invoice.js';
import { messages } from '../messages.js';
import { personName, recordText } from '../names.js';
import { PriceList } from '../payments/prices.js';
import { parseCufe } from '../payments/cufe.js';
import { REVOCATION_REASONS, type RevocationReason } from './machine.js';
import type { NameCorrection } from './name-correction.js';
import type { Operator } from '../operators/operator.js';
import type { ProposedMove } from './proposals.js';
import { LifecycleService, MoveRefused, STAGE_TEXT, type MoveInput, type MoveResult, type ProposalView } from './lifecycle-service.js';

const USAGE = `uso: npm run ops -- <movimiento> <número de solicitud> --as <operador> [opciones]
  file <n>                                   radicar
  verify-payment <n> --invoice <número> [--cufe <CUFE de la DIAN>]   verificar el pago
  approve <n>                                aprobar
  reject <n> --reason "<texto que lee el solicitante>"
  deliver <n>                                propone la entrega (cuatro ojos)
  revoke <n> --reason <${REVOCATION_REASONS.join('|')}>   propone la revocación
  approve-proposal <propuesta>               lleva a cabo la propuesta de otro operador
  decline-proposal <propuesta> --reason "<por qué>"
  proposals [<n>]                            las propuestas abiertas
  correct-name <n> --name "<nombre completo del solicitante>" --reason "<por qué, p. ej. verificado contra la cédula>"
  history <n>                                el historial (horas de Bogotá)
  verify-history [<n>]                       verifica la cadena del historial
  outbox [retry <id>]                        la cola de correos: pendientes, enviados, descartados
  resend-download <n>                        envía un enlace de descarga nuevo (el anterior deja de servir)
El operador es --as <nombre> o SSPS_OPERATOR; un movimiento sin operador se rechaza.`;

type Command =
  | MoveInput
  | ({ move: 'correct-name' } & NameCorrection)
  | { move: 'approve-proposal'; proposalId: string; actor: string }
  | { move: 'decline-proposal'; proposalId: string; actor: string; reason: string }
  | { move: 'proposals'; requestNumber?: string }
  | { move: 'history'; requestNumber: string }
  | { move: 'verify-history'; requestNumber?: string }
  | { move: 'resend-download'; requestNumber: string; actor: string };

/**
 * Who the history records for a move from the command line: a person the operator names, never
 * the machine's account (shared, or root). 2 to 60 characters, no control or format characters
 * (which would hide or reorder what a reader of the history sees).
 */
function operatorName(value: string | undefined): string | null {
  const name = value?.normalize('NFC').trim() ?? '';
  if (name.length < 2 || name.length > 60 || /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u.test(name)) return null;
  return `ops-cli:${name}`;
}

function parse(argv: string[], env: NodeJS.ProcessEnv): Command | string {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { invoice: { type: 'string' }, cufe: { type: 'string' }, reason: { type: 'string' }, as: { type: 'string' }, name: { type: 'string' } },
  });
  const [move, requestNumber] = positionals;
  if ((move === 'verify-history' || move === 'proposals') && requestNumber === undefined) return { move };
  if (!move || !requestNumber) return USAGE;
  const proposal = move === 'approve-proposal' || move === 'decline-proposal';
  if (!/^\d{1,9}$/.test(requestNumber)) return `"${requestNumber}" no es un número de ${proposal ? 'propuesta' : 'solicitud'}.`;
  if (move === 'history' || move === 'verify-history' || move === 'proposals') return { move, requestNumber };
  if (!['file', 'approve', 'deliver', 'verify-payment', 'reject', 'revoke', 'correct-name', 'approve-proposal', 'decline-proposal', 'resend-download'].includes(move)) return USAGE;
  const given = values.as ?? env.SSPS_OPERATOR;
  if (!given?.trim()) {
    return 'Indique quién hace el movimiento: --as "<nombre>" o la variable SSPS_OPERATOR; el historial registra a esa persona.';
  }
  const actor = operatorName(given);
  if (!actor) return 'El nombre del operador debe tener de 2 a 60 caracteres, sin caracteres de control.';
  switch (move) {
    case 'approve-proposal':
      return { move, proposalId: requestNumber, actor };
    case 'decline-proposal': {
      const why = recordText(values.reason ?? '', { min: 5, max: 300 });
      if (!why.ok) return 'decline-proposal needs --reason "<why>" (5 to 300 characters, nothing invisible)';
      return { move, proposalId: requestNumber, actor, reason: values.reason!.normalize('NFC').trim() };
    }
    case 'file':
    case 'approve':
    case 'deliver':
    case 'resend-download':
      return { move, requestNumber, actor };
    case 'verify-payment':
      if (!values.invoice?.trim()) return 'verify-payment necesita --invoice <número de factura>.';
      if (values.cufe !== undefined && !parseCufe(values.cufe)) return messages.CUFE_FORMAT;
      return { move, requestNumber, actor, invoiceNumber: values.invoice.trim(), cufe: values.cufe === undefined ? null : parseCufe(values.cufe) };
    case 'reject':
      if (!values.reason || values.reason.trim().length < 5) return 'reject necesita --reason "<texto que lee el solicitante>" (5 caracteres o más).';
      return { move, requestNumber, actor, reason: values.reason.trim() };
    case 'correct-name': {
      const name = personName(values.name ?? '');
      if (!name.ok) return `correct-name necesita --name "<nombre completo>": ${PERSON_NAME[name.problem]}`;
      const why = recordText(values.reason ?? '', { min: 5, max: 300 });
      if (!why.ok) return 'correct-name necesita --reason "<por qué>" (de 5 a 300 caracteres, sin caracteres invisibles).';
      return { move, requestNumber, actor, fullName: name.value, reason: values.reason!.normalize('NFC').trim() };
    }
    default:
      if (!REVOCATION_REASONS.includes(values.reason as RevocationReason)) return `revoke necesita --reason, uno de: ${REVOCATION_REASONS.join(', ')}.`;
      return { move: 'revoke', requestNumber, actor, reason: values.reason as RevocationReason };
  }
}

const PERSON_NAME = messages.PERSON_NAME;

const PROBLEM: Record<BrokenEntry['problem'], string> = {
  MISMATCH: 'ya no coincide: se modificó esta entrada, o se borró o modificó una anterior',
  UNSEALED: 'no tiene sello: escrita antes de la cadena, o se le borró el sello',
  TRUNCATED: 'el historial no termina en la etapa actual de la solicitud: se borraron las últimas entradas',
};

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function describe(b: BrokenEntry): string {
  const entry = b.entryId === null ? '' : ` entrada ${b.entryId} (${bogotaDateTime(b.occurredAt!)}, ${b.move})`;
  return `Solicitud ${b.requestNumber}:${entry} ${PROBLEM[b.problem]}`;
}

/** Whoever runs the server: an operator who may also supervise, under the name given. */
function cliOperator(actor: string): Operator {
  return { id: actor, name: actor, roles: ['ssps-operator', 'ssps-supervisor'], via: 'cli' };
}

function run(lifecycle: LifecycleService, command: Exclude<Command, { move: 'history' | 'verify-history' | 'proposals' | 'resend-download' }>): Promise<MoveResult> {
  switch (command.move) {
    case 'correct-name':
      return lifecycle.correctName(command);
    case 'approve-proposal':
      return lifecycle.approveProposal(command.proposalId, cliOperator(command.actor));
    case 'decline-proposal':
      return lifecycle.declineProposal(command.proposalId, command.reason, cliOperator(command.actor));
    case 'deliver':
    case 'revoke':
      return lifecycle.propose(command as ProposedMove, cliOperator(command.actor));
    default:
      return lifecycle.apply(command);
  }
}

function describeProposal(p: ProposalView): string {
  const what = `${p.move}${p.reason ? ` (${p.reason})` : ''}`;
  const state = p.outcome ? `${p.outcome === 'APPROVED' ? 'aprobada' : 'declinada'} por ${p.decidedBy}` : 'abierta: espera la aprobación de otro supervisor';
  return `Propuesta ${p.id}: ${what} de la solicitud ${p.requestNumber}, propuesta por ${p.proposedBy} el ${bogotaDateTime(p.proposedAt)}; ${state}.`;
}

async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'outbox') return outboxCommand(argv.slice(1));
  const command = parse(argv, process.env);
  if (typeof command === 'string') {
    console.error(command);
    return 2;
  }
  const config = loadConfig();
  const db = new Database({ config: config.database, deadlineMs: 10_000, log: createLogger('silent'), retry: false });
  await db.start();
  const historyKey = new HistoryKey(config.secret);
  const lifecycle = new LifecycleService(db, historyKey, config.publicUrl, new PriceList(config.payments), config.downloadTtlHours, new InvoiceLinks(config.secret, config.handleTtlSeconds));
  try {
    if (command.move === 'history') {
      const events = await lifecycle.history(command.requestNumber);
      if (events.length === 0) console.log(`Solicitud ${command.requestNumber}: sin movimientos registrados.`);
      else console.log(`Solicitud ${command.requestNumber} (horas de Bogotá):`);
      for (const e of events) console.log(`${bogotaDateTime(e.occurredAt)}  ${e.move.padEnd(15)} ${e.fromStage} → ${e.toStage}  por ${e.actor}${e.reason ? `  (${e.reason})` : ''}`);
      return 0;
    }
    if (command.move === 'verify-history') {
      const result = await verifyHistory(db, historyKey, command.requestNumber);
      if (command.requestNumber !== undefined && result.requests === 0) {
        console.error(`La solicitud ${command.requestNumber} no existe o no tiene historial.`);
        return 1;
      }
      for (const broken of result.broken) console.error(describe(broken));
      if (result.broken.length > 0) {
        console.error(`${result.broken.length} de ${count(result.requests, 'historial alterado', 'historiales alterados')}.`);
        return 1;
      }
      const counted = `${count(result.requests, 'solicitud', 'solicitudes')}, ${count(result.entries, 'entrada', 'entradas')}`;
      console.log(`Historial intacto: ${counted}.`);
      return 0;
    }
    if (command.move === 'proposals') {
      const open = await lifecycle.openProposals(command.requestNumber);
      if (open.length === 0) console.log('No hay propuestas abiertas.');
      for (const p of open) console.log(describeProposal(p));
      return 0;
    }
    if (command.move === 'resend-download') {
      const sent = await resendDownloadLink(db, historyKey, { publicUrl: config.publicUrl, downloadTtlHours: config.downloadTtlHours }, command.requestNumber, command.actor);
      console.log(`Solicitud ${sent.requestNumber}: enviamos un enlace de descarga nuevo, válido hasta el ${bogotaDateTime(sent.expiresAt)} (hora de Bogotá).`);
      return 0;
    }
    const result = await run(lifecycle, command);
    if (result.proposal) console.log(describeProposal(result.proposal));
    console.log(`Solicitud ${result.requestNumber}: ahora ${STAGE_TEXT[result.stage]} (${result.stage}).${result.serialNumber ? ` Número de serie ${result.serialNumber}.` : ''}`);
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
