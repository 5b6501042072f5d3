import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The request body as text, or null when it is larger than `limit` bytes. Past the
 * limit nothing more is kept: the rest is drained so the refusal reaches the client.
 */
export async function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  return (await readBytes(req, limit))?.toString('utf8') ?? null;
}

/** The request body's bytes, or null past `limit` (see readBody). */
export function readBytes(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return Promise.resolve(null);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        req.resume();
        chunks.length = 0;
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(size > limit ? null : Buffer.concat(chunks)));
    req.once('error', reject);
  });
}

export function sendJson(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  const body = JSON.stringify(value);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(body)),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(body);
}

/**
 * An answer given before the request's body was read, or while it still arrives. Node's
 * server would otherwise read and discard the rest of the body to keep the connection for
 * another request, so a client could hold it busy sending gigabytes; with `Connection: close`
 * it sends the answer whole, ends its side, and closes the socket instead.
 */
export function sendJsonAndClose(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  sendJson(res, status, value, { ...headers, connection: 'close' });
}
