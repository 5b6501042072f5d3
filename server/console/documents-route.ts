import type { IncomingMessage } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { sendJson } from '../http/io.js';
import { httpRefusal } from '../http/refusals.js';
import type { Handler } from '../http/server.js';
import type { Operator } from '../operators/operator.js';
import { Forbidden, NotFound, Unauthenticated } from '../refusals.js';
import { DOCUMENTS_PATH, type ConsoleService } from './console-service.js';

/**
 * Who the request comes from, as an operator: null when it is nobody's operator. Unauthenticated
 * for credentials that name nobody (a revoked key). The console's sign-in adds its session here.
 */
export type OperatorCheck = (req: IncomingMessage) => Promise<Operator | null>;

const PATH = new RegExp(`^${DOCUMENTS_PATH}([^/]+)$`);

const EXTENSION: Record<string, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };

/**
 * A supporting document, to look at: an applicant's upload, so it is shown in a sandbox (no
 * script, no form, an origin of its own), never sniffed as anything but the type it was checked
 * to be, never cached. Chromium still shows PDFs and images inline under this policy
 * (tests/e2e/console-documents.test.ts); for a PDF it keeps only frame-ancestors and renders it in
 * its own isolated viewer. The console's own pages may frame it; nobody else's.
 */
const DOCUMENT_POLICY = "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'";

/** GET /operaciones/documentos/{documentId}: operators only; every view is recorded in the activity. */
export function documentsRoute(service: ConsoleService, operatorOf: OperatorCheck): Handler {
  return async (req, res, url) => {
    // GET only: every answer with the bytes is a view, and is recorded as one.
    if (req.method !== 'GET') return sendJson(res, 405, { error: 'method not allowed' }, { allow: 'GET' });
    try {
      const operator = await operatorOf(req);
      if (!operator) throw req.headers.authorization === undefined ? new Unauthenticated('KEY_REQUIRED') : new Forbidden();
      const match = PATH.exec(url.pathname);
      const document = match ? await service.openDocument(operator, match[1]) : null;
      if (!document) throw new NotFound('No existe ese documento.');
      res.writeHead(200, {
        'content-type': document.mediaType,
        'content-length': String(document.size),
        // Named by its requirement: the file name the applicant chose may name a person.
        'content-disposition': `inline; filename="${document.kind.toLowerCase()}.${EXTENSION[document.mediaType] ?? 'bin'}"`,
        'content-security-policy': DOCUMENT_POLICY,
        'x-frame-options': 'SAMEORIGIN',
        'cross-origin-resource-policy': 'same-origin',
        'cache-control': 'no-store',
      });
      await pipeline(document.body, res);
    } catch (error) {
      const refusal = httpRefusal(error);
      if (!refusal || res.headersSent) throw error;
      sendJson(res, refusal.status, { errors: [{ message: refusal.message, extensions: refusal.extensions }] }, refusal.headers);
    }
  };
}
