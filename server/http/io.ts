import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The request body as text, or null when it is larger than `limit` bytes. Past the
 * limit nothing more is kept: the rest is drained so the refusal reaches the client.
 */
export async function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  return (await readBytes(req, limit))?.toString('utf8') ?? null;
}

/** The request body's bytes, or null past `limit` (see readBody). */
function readBytes(req: IncomingMessage, limit: number): Promise<Buffer | null> {
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

/** How long a connection refused mid-body keeps reading (and dropping) what the client still sends. */
const LINGER_MS = 2_000;

/**
 * An answer given before the request's body was read, or while it still arrives, after
 * which the connection closes instead of reading the rest: Node's server would otherwise
 * read and discard the whole body to keep the connection for another request, so a client
 * could hold it busy sending gigabytes. Told `Connection: close`, Node's server calls the
 * socket's destroySoon() once the answer is written, which destroys the socket as soon as
 * its end is sent; a client still sending then gets a reset that can erase the answer before
 * it reads it (RFC 9112, section 9.6, the TCP reset problem; fetch reports EPIPE). This
 * socket's destroySoon closes in stages instead: the end of our side after the answer, then
 * what still arrives is dropped until the client closes its side, or LINGER_MS.
 */
export function sendJsonAndClose(req: IncomingMessage, res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  const socket = req.socket;
  socket.destroySoon = () => {
    socket.end();
    const timer = setTimeout(() => socket.destroy(), LINGER_MS).unref();
    socket.once('close', () => clearTimeout(timer));
  };
  // A body partly read and then left paused is dropped as it arrives, like one never read.
  req.resume();
  sendJson(res, status, value, { ...headers, connection: 'close' });
}
