import type { Database } from '../db/database.js';
import { appendEvent, type HistoryKey } from '../lifecycle/history.js';
import type { DeliverySettings } from '../lifecycle/moves.js';
import { requestNotification } from '../lifecycle/notification.js';
import { MoveRefused } from '../lifecycle/refusals.js';
import { claimRequest, requestState } from '../lifecycle/request-state.js';
import { queueEmail } from '../notifications/outbox.js';
import { IssuedCertificate } from '../../entities/index.js';
import { openDownloadLink } from './download-links.js';

/**
 * An operator sends a delivered request a new download link (the first expired unused, or was
 * lost): the old one stops working, the history records who sent it, the e-mail goes to the
 * request's confirmed address. Refused once the certificate was issued, or when the request is
 * not delivered and valid.
 */
export async function resendDownloadLink(db: Database, historyKey: HistoryKey, delivery: DeliverySettings, requestNumber: string, actor: string, now = new Date()): Promise<{ requestNumber: string; expiresAt: Date }> {
  return db.run(
    (ds) =>
      ds.transaction(async (m) => {
        const request = await requestState(m, requestNumber, now);
        if (request.stage !== 'ISSUED') {
          throw new MoveRefused('ILLEGAL', `La solicitud ${requestNumber} no tiene un certificado entregado y vigente: no hay nada que descargar.`);
        }
        if (await m.existsBy(IssuedCertificate, { requestId: request.id })) {
          throw new MoveRefused('ILLEGAL', `El certificado de la solicitud ${requestNumber} ya fue emitido y descargado; un enlace nuevo no serviría. Si el solicitante perdió su archivo, revoque el certificado y tramite uno nuevo.`);
        }
        if (!request.contactEmail) throw new MoveRefused('ILLEGAL', `La solicitud ${requestNumber} no tiene un correo confirmado al que enviar el enlace.`);
        await claimRequest(m, request, requestNumber);
        const download = await openDownloadLink(m, request.id, delivery.publicUrl, delivery.downloadTtlHours, now);
        await appendEvent(m, historyKey, { requestId: request.id, occurredAt: now, actor, move: 'resend-download', fromStage: request.stage, toStage: request.stage, reason: null });
        const email = requestNotification(
          { kind: 'deliveryReady', downloadUrl: download.link, downloadExpiresAt: download.expiresAt },
          { language: request.contactLanguage, requestNumber, orderNumber: request.orderNumber, publicUrl: delivery.publicUrl },
        );
        await queueEmail(m, { requestId: request.id, recipient: request.contactEmail, ...email }, now);
        return { requestNumber, expiresAt: download.expiresAt };
      }),
    10_000,
  );
}
