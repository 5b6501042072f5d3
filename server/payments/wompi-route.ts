import type { Handler } from '../http/server.js';
import { readBody, sendJson, sendJsonAndClose } from '../http/io.js';
import { MoveRefused } from '../lifecycle/lifecycle-service.js';
import type { Logger } from '../log.js';
import { WOMPI_ACTOR, type PaymentService } from './payment-service.js';
import { parseWompiEvent } from './wompi-events.js';

/** Wompi's events are a few kilobytes; anything larger is not one. */
const MAX_EVENT_BYTES = 65_536;

/**
 * POST /payments/wompi/events: Wompi's signed events (the URL configured in its dashboard).
 * 200 for every authentic event, whatever became of it (Wompi retries anything else); 401 for
 * a checksum that does not match; 400 for what is not an event; 503 while WOMPI_EVENTS_SECRET
 * is unset, or when the event lost a race with an operator's move (Wompi retries). Logs the outcome only: never the reference, the amount or the payer.
 */
export function wompiEventsHandler(payments: PaymentService, secret: string | null, log: Logger): Handler {
  return async (req, res) => {
    if (req.method !== 'POST') return sendJsonAndClose(req, res, 405, { error: 'method not allowed', code: 'METHOD_NOT_ALLOWED', message: 'Los eventos de pago se reciben solo por POST.' }, { allow: 'POST' });
    if (!secret) return sendJsonAndClose(req, res, 503, { error: 'payment events are not configured', code: 'NOT_CONFIGURED', message: 'Este servicio no recibe eventos de Wompi: falta WOMPI_EVENTS_SECRET.' });
    const body = await readBody(req, MAX_EVENT_BYTES);
    if (body === null) return sendJsonAndClose(req, res, 413, { error: 'payload too large', code: 'PAYLOAD_TOO_LARGE', message: 'El evento supera el tamaño permitido (64 KB).' });
    const parsed = parseWompiEvent(body, secret);
    if (!parsed.ok) {
      log.warn({ provider: WOMPI_ACTOR, problem: parsed.problem }, 'payment event refused');
      return parsed.problem === 'SIGNATURE'
        ? sendJson(res, 401, { error: 'invalid signature', code: 'UNAUTHENTICATED', message: 'La firma del evento no corresponde al secreto de eventos configurado (WOMPI_EVENTS_SECRET).' })
        : sendJson(res, 400, { error: 'not a Wompi event', code: 'BAD_USER_INPUT', message: 'El cuerpo no es un evento de Wompi: se espera el JSON de transaction.updated con su firma.' });
    }
    if (parsed.event !== 'transaction.updated') return sendJson(res, 200, { outcome: 'IGNORED' });
    let outcome;
    try {
      outcome = await payments.receive(WOMPI_ACTOR, parsed.transaction);
    } catch (error) {
      if (!(error instanceof MoveRefused)) throw error;
      // Lost a race with an operator's move on the same request: Wompi sends the event again later.
      log.warn({ provider: WOMPI_ACTOR, problem: error.reason }, 'payment event deferred');
      return sendJson(res, 503, { error: 'try again later', code: 'CONFLICT', message: 'La solicitud cambiaba en este momento; el evento se procesará cuando Wompi lo reenvíe.' }, { 'retry-after': '30' });
    }
    log.info({ provider: WOMPI_ACTOR, outcome }, 'payment event');
    return sendJson(res, 200, { outcome });
  };
}
