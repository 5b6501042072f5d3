import { readdirSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { CONFIRM, START } from './applying.js';
import { solvedToken } from './captcha.js';

let opened = 0;

async function gql<T>(baseUrl: string, query: string, variables: Record<string, unknown>): Promise<T> {
  const res = await fetch(`${baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: T; errors?: unknown };
  if (!body.data) throw new Error(`${query.slice(0, 40)}: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/**
 * Opens a draft on the server at `baseUrl` as the page does, confirms its e-mail with the code
 * `codeOf` reads from that server's outbox, and returns its id: uploads need a confirmed e-mail.
 */
export async function draft(baseUrl: string, codeOf: (email: string) => Promise<string>): Promise<string> {
  const email = `uploads${++opened}-${process.pid}@example.com`;
  const { startApplication } = await gql<{ startApplication: { id: string } }>(baseUrl, START, { t: await solvedToken(baseUrl), v: '2026-11', e: email });
  await gql(baseUrl, CONFIRM, { d: startApplication.id, c: await codeOf(email) });
  return startApplication.id;
}

export interface UploadAnswer {
  status: number;
  headers: Headers;
  body: { kind?: string; mediaType?: string; size?: number; sha256?: string; errors?: { message: string; extensions: Record<string, unknown> & { code: string } }[] };
}

/** A PUT of the whole body at once, as the page's fetch does. */
export async function put(baseUrl: string, draftId: string, kind: string, bytes: Buffer, filename: string | null = 'documento.pdf'): Promise<UploadAnswer> {
  const res = await fetch(`${baseUrl}/applications/${draftId}/documents/${kind}`, {
    method: 'PUT',
    headers: filename === null ? {} : { 'x-filename': filename },
    body: new Uint8Array(bytes),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as UploadAnswer['body'] };
}

/**
 * A PUT whose body is `head`, then `filler` over and over, then `tail`, `total` bytes in all,
 * written with backpressure, so a large body costs this process one small buffer. Without
 * `declareLength` it goes chunked (no Content-Length).
 */
export function streamPut(baseUrl: string, urlPath: string, head: Buffer, filler: Buffer, total: number, declareLength = true, tail: Buffer = Buffer.alloc(0)): Promise<UploadAnswer> {
  return new Promise((resolve, reject) => {
    const url = new URL(urlPath, baseUrl);
    const req = http.request(url, { method: 'PUT', agent: false, headers: declareLength ? { 'content-length': String(total) } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const headers = new Headers(Object.entries(res.headers).map(([k, v]): [string, string] => [k, String(v)]));
        resolve({ status: res.statusCode ?? 0, headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as UploadAnswer['body'] });
      });
    });
    // Refused early, the server closes while we still write: the answer already came, or comes next.
    req.on('error', (error) => setTimeout(() => reject(error), 1_000));
    let sent = 0;
    const write = () => {
      while (sent < total) {
        const room = total - tail.length - sent;
        const piece = sent === 0 ? head : room > 0 ? filler.subarray(0, Math.min(filler.length, room)) : tail;
        sent += piece.length;
        if (!req.write(piece)) return void req.once('drain', write);
      }
      req.end();
    };
    write();
  });
}

export interface SlowAnswer {
  /** The status line and headers, as received. */
  head: string;
  status: number;
  /** Body bytes written before the answer arrived, and how many there were to write. */
  sentBeforeAnswer: number;
  total: number;
  /** The server closed the connection (or reset it) before the whole body was written. */
  closedEarly: boolean;
}

/**
 * A client that sends a PUT slowly (a chunk every `intervalMs`) over a plain TCP socket and
 * notes when the answer arrives and whether the server closes before the body is done.
 */
export function slowPut(baseUrl: string, urlPath: string, headers: Record<string, string>, body: { first: Buffer; total: number; chunk?: number; intervalMs?: number }): Promise<SlowAnswer> {
  const { port, hostname } = new URL(baseUrl);
  const chunk = Buffer.alloc(body.chunk ?? 16_384, 0x20);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    let sent = 0;
    let answer = '';
    let answeredAt: number | null = null;
    let closedEarly = false;
    let timer: NodeJS.Timeout | undefined;
    const finish = () => {
      clearInterval(timer);
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);
      resolve({ head: answer.split('\r\n\r\n')[0], status, sentBeforeAnswer: answeredAt ?? sent, total: body.total, closedEarly });
    };
    socket.on('data', (data) => {
      answeredAt ??= sent;
      answer += data.toString('latin1');
    });
    socket.on('error', () => {
      if (sent < body.total) closedEarly = true;
    });
    socket.on('close', () => {
      if (sent < body.total) closedEarly = true;
      finish();
    });
    socket.once('connect', () => {
      const lines = [`PUT ${urlPath} HTTP/1.1`, `Host: ${hostname}:${port}`, `Content-Length: ${body.total}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
      socket.write(`${lines.join('\r\n')}\r\n\r\n`);
      socket.write(body.first);
      sent = body.first.length;
      timer = setInterval(() => {
        if (socket.destroyed) return clearInterval(timer);
        const piece = chunk.subarray(0, Math.min(chunk.length, body.total - sent));
        sent += piece.length;
        socket.write(piece);
        if (sent >= body.total) clearInterval(timer);
      }, body.intervalMs ?? 20);
    });
    setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer after ${sent} bytes`));
    }, 20_000).unref();
  });
}

/**
 * A PUT that asks before sending its body (`Expect: 100-continue`, as curl does for large
 * files): the body goes only after an interim 100. Returns the statuses received, in order,
 * and whether the body was sent.
 */
export function askFirstPut(baseUrl: string, urlPath: string, body: Buffer): Promise<{ statuses: number[]; sentBody: boolean }> {
  const { port, hostname } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    const statuses: number[] = [];
    let sentBody = false;
    let received = '';
    socket.on('data', (data) => {
      received += data.toString('latin1');
      for (let end = received.indexOf('\r\n\r\n'); end >= 0; end = received.indexOf('\r\n\r\n')) {
        const head = received.slice(0, end);
        received = received.slice(end + 4);
        const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0);
        statuses.push(status);
        if (status === 100) {
          sentBody = true;
          socket.write(body);
        } else {
          socket.destroy();
          return resolve({ statuses, sentBody });
        }
      }
    });
    socket.on('error', reject);
    socket.once('connect', () => {
      socket.write(`PUT ${urlPath} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nContent-Length: ${body.length}\r\nExpect: 100-continue\r\n\r\n`);
    });
    setTimeout(() => {
      socket.destroy();
      reject(new Error(`no final answer (statuses ${statuses.join(', ')})`));
    }, 10_000).unref();
  });
}

/** Every file under `dir`, relative to it (empty when `dir` does not exist). */
export function filesUnder(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
      .sort();
  } catch {
    return [];
  }
}
