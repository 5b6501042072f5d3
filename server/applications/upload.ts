import { appError } from '../errors.js';
import type { Handler } from '../http/server.js';
import { readBytes, sendJson } from '../http/io.js';
import { ApplicationRefused, type ApplicationService } from './service.js';

const PATH = /^\/applications\/([A-Za-z0-9_-]{1,64})\/documents\/([A-Z_]{1,32})$/;

/**
 * PUT /applications/{draftId}/documents/{kind} with the file's bytes as the body (any
 * Content-Type: the bytes decide). The draft's id is the only credential: whoever opened
 * the draft with a CAPTCHA holds it.
 */
export function uploadHandler(applications: ApplicationService, maxBytes: number): Handler {
  return async (req, res, url) => {
    const match = PATH.exec(url.pathname);
    if (!match) return sendJson(res, 404, { error: 'not found' });
    if (req.method !== 'PUT') return sendJson(res, 405, { error: 'method not allowed' }, { allow: 'PUT' });
    const body = await readBytes(req, maxBytes);
    if (!body) {
      const error = appError('BAD_USER_INPUT', `El archivo supera ${Math.round(maxBytes / 1_048_576)} MB.`, { field: 'document' });
      return sendJson(res, 413, { errors: [{ message: error.message, extensions: error.extensions }] });
    }
    const name = req.headers['x-filename'];
    try {
      const stored = await applications.upload(match[1], match[2], body, typeof name === 'string' ? decodeURIComponent(name) : null);
      return sendJson(res, 201, stored);
    } catch (error) {
      if (!(error instanceof ApplicationRefused)) throw error;
      const status = error.code === 'NOT_FOUND' ? 404 : 415;
      return sendJson(res, status, { errors: [{ message: error.fields.map((f) => f.message).join(' '), extensions: { code: error.code, fields: error.fields } }] });
    }
  };
}
