import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Handler } from '../http/server.js';
import { sendJson, sendJsonAndClose } from '../http/io.js';
import { httpRefusal } from '../http/refusals.js';
import { waitText } from '../refusals.js';
import { UploadAbandoned, UploadRefused, UPLOADS_PER_DRAFT, UPLOADS_PER_KIND, type DocumentService, type UploadProblem } from './documents.js';

const PATH = /^\/applications\/([A-Za-z0-9_-]{1,64})\/documents\/([A-Z_]{1,32})$/;

const STATUS: Record<UploadProblem, number> = {
  NOT_FOUND: 404,
  UNKNOWN_KIND: 400,
  BAD_FILENAME: 400,
  TOO_LARGE: 413,
  UNSUPPORTED_TYPE: 415,
  PDF_JAVASCRIPT: 415,
  PDF_LAUNCH: 415,
  PDF_EMBEDDED_FILE: 415,
  PDF_ENCRYPTED: 415,
  PDF_UNREADABLE: 415,
  PDF_TOO_COMPLEX: 415,
  IMAGE_TOO_LARGE: 415,
  IMAGE_UNREADABLE: 415,
  QUOTA_EXCEEDED: 507,
};

/**
 * PUT /applications/{draftId}/documents/{kind} with the file's bytes as the body (any
 * Content-Type: the bytes decide). The draft's id is the only credential: whoever opened
 * the draft with a CAPTCHA, and confirmed its e-mail, holds it. Everything that can be decided without the body is
 * decided before a byte of it is read; a refusal then closes the connection instead of
 * reading the rest.
 */
export function uploadHandler(documents: DocumentService): Handler {
  return async (req, res, url) => {
    const match = PATH.exec(url.pathname);
    if (!match) return sendJsonAndClose(req, res, 404, { error: 'not found' });
    if (req.method !== 'PUT') return sendJsonAndClose(req, res, 405, { error: 'method not allowed' }, { allow: 'PUT' });
    try {
      const admission = await documents.admit(match[1], match[2], header(req, 'x-filename'), declaredLength(req));
      // Asked first (Expect: 100-continue), the client is told to send only now (see app.ts).
      if (/^100-continue$/i.test(header(req, 'expect') ?? '')) res.writeContinue();
      return sendJson(res, 201, await documents.receive(admission, req));
    } catch (error) {
      const tooMany = (wait: string) =>
        `Ha subido demasiadas veces documentos a esta solicitud (hasta ${UPLOADS_PER_KIND} por documento y ${UPLOADS_PER_DRAFT} en total). Espere ${wait} o empiece una solicitud nueva.`;
      if (!answerUploadError(req, res, error, tooMany)) throw error;
    }
  };
}

/**
 * Answers an upload's refusal (or its client's going away) and says true; false for anything
 * else. `tooMany` words a spent upload budget, given the wait.
 */
export function answerUploadError(req: IncomingMessage, res: ServerResponse, error: unknown, tooMany: (wait: string) => string): boolean {
  if (error instanceof UploadAbandoned) return true;
  if (error instanceof UploadRefused) {
    refuse(req, res, STATUS[error.problem], error.message, { code: error.code, ...error.details });
    return true;
  }
  const refusal = httpRefusal(error);
  if (!refusal) return false;
  // An upload budget, said in the words of uploads.
  const message = refusal.status === 429 ? tooMany(waitText(Number(refusal.extensions.retryAfterSeconds))) : refusal.message;
  refuse(req, res, refusal.status, message, refusal.extensions, refusal.headers);
  return true;
}

/** A refusal; the connection stays open for the next request only when the body was read to its end. */
export function refuse(req: IncomingMessage, res: ServerResponse, status: number, message: string, extensions: Record<string, unknown>, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  const value = { errors: [{ message, extensions }] };
  if (req.complete) sendJson(res, status, value, headers);
  else sendJsonAndClose(req, res, status, value, headers);
}

export function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** The body's declared length, or null when it is sent chunked. */
export function declaredLength(req: IncomingMessage): number | null {
  const value = req.headers['content-length'];
  return value === undefined ? null : Number(value);
}
