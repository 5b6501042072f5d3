import type { IncomingMessage } from 'node:http';
import { answerUploadError, declaredLength, header, refuse } from '../applications/upload.js';
import { UPLOADS_PER_DRAFT, UPLOADS_PER_KIND } from '../applications/documents.js';
import type { Handler } from '../http/server.js';
import { sendJson, sendJsonAndClose } from '../http/io.js';
import { CorrectionRefused, type CorrectionService } from './corrections.js';

const DOCUMENT = /^\/corrections\/documents\/([A-Z_]{1,32})$/;

/**
 * The applicant's side of a correction, authorized by the e-mailed link's token in
 * `Authorization: Bearer <token>` (the page reads it from the URL's fragment, so it never sits
 * in a URL a server sees or logs):
 *   GET /corrections/current              what was asked and what has arrived
 *   PUT /corrections/documents/{kind}     one document, streamed and inspected like an application's
 */
export function correctionHandler(corrections: CorrectionService, clientIp: (req: IncomingMessage) => string): Handler {
  return async (req, res, url) => {
    const authorization = header(req, 'authorization');
    if (url.pathname === '/corrections/current') {
      if (req.method !== 'GET') return sendJsonAndClose(req, res, 405, { error: 'method not allowed' }, { allow: 'GET' });
      try {
        return sendJson(res, 200, await corrections.view(authorization, clientIp(req)));
      } catch (error) {
        if (!answer(req, res, error)) throw error;
        return;
      }
    }
    const match = DOCUMENT.exec(url.pathname);
    if (!match) return sendJsonAndClose(req, res, 404, { error: 'not found' });
    if (req.method !== 'PUT') return sendJsonAndClose(req, res, 405, { error: 'method not allowed' }, { allow: 'PUT' });
    try {
      const admitted = await corrections.admit(authorization, match[1], header(req, 'x-filename'), declaredLength(req), clientIp(req));
      if (/^100-continue$/i.test(header(req, 'expect') ?? '')) res.writeContinue();
      return sendJson(res, 201, await corrections.receive(admitted, req));
    } catch (error) {
      if (!answer(req, res, error)) throw error;
    }
  };
}

function answer(req: IncomingMessage, res: Parameters<Handler>[1], error: unknown): boolean {
  if (error instanceof CorrectionRefused) {
    refuse(req, res, error.status, error.message, { code: error.code, ...error.details }, error.code === 'UNAUTHENTICATED' ? { 'www-authenticate': 'Bearer' } : {});
    return true;
  }
  const tooMany = (wait: string) =>
    `Ha intentado subir demasiadas veces (hasta ${UPLOADS_PER_KIND} por documento y ${UPLOADS_PER_DRAFT} en total con este enlace). Espere ${wait} o comuníquese con nuestro Call Center.`;
  return answerUploadError(req, res, error, tooMany);
}
