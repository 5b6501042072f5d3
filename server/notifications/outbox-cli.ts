/**
 * `npm run ops -- outbox [retry <id>]`: the outbox's state on the database of DATABASE_URL —
 * how many e-mails wait, went out and were given up — and each dead letter with its last error;
 * `retry <id>` puts a dead letter back in the queue for a new round of tries.
 */
import { IsNull, Not } from 'typeorm';
import { NotificationOutbox } from '../../entities/index.js';
import { bogotaDateTime } from '../calendar/bogota.js';
import { withConfiguredDatabase } from '../db/data-source.js';
import { outboxCounts, retryDeadLetter } from './sender.js';

const USAGE = 'uso: npm run ops -- outbox [retry <id>]';

export async function outboxCommand(argv: string[]): Promise<number> {
  const [verb, id] = argv;
  if (verb !== undefined && !(verb === 'retry' && /^\d{1,10}$/.test(id ?? ''))) {
    console.error(USAGE);
    return 2;
  }
  return withConfiguredDatabase(async (ds) => {
    if (verb === 'retry') {
      if (await retryDeadLetter(ds, Number(id), new Date())) {
        console.log(`Mensaje ${id}: de vuelta en la cola; sale en la próxima ronda del envío.`);
        return 0;
      }
      console.error(`El mensaje ${id} no existe o no es un mensaje descartado.`);
      return 1;
    }
    const counts = await outboxCounts(ds);
    console.log(`Pendientes ${counts.pending} · enviados ${counts.sent} · descartados ${counts.dead}`);
    const dead = await ds.getRepository(NotificationOutbox).find({ where: { sentAt: IsNull(), deadAt: Not(IsNull()) }, order: { deadAt: 'DESC' }, take: 50 });
    // The request and the error, never the recipient: the terminal is not a place for addresses.
    for (const d of dead) {
      console.log(`  #${d.id}  ${bogotaDateTime(d.deadAt!)}  ${d.requestId === null ? 'sin solicitud' : `solicitud id ${d.requestId}`}  ${d.attempts} intentos  ${d.lastError ?? ''}`);
    }
    if (counts.dead > dead.length) console.log(`  … y ${counts.dead - dead.length} más.`);
    return 0;
  });
}
