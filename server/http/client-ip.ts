import type { IncomingMessage } from 'node:http';

/**
 * The client's address. X-Forwarded-For is believed only as far as TRUST_PROXY says:
 * with N proxies in front, the client is the N-th address from the right (each proxy
 * appends the address it saw), so a client cannot choose its own by sending the header.
 */
export function clientIp(req: IncomingMessage, trustProxy: number): string {
  const socketIp = normalize(req.socket.remoteAddress ?? '');
  if (trustProxy === 0) return socketIp;
  const header = req.headers['x-forwarded-for'];
  const hops = (Array.isArray(header) ? header.join(',') : header ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  const candidate = hops[hops.length - trustProxy];
  return candidate ? normalize(candidate) : socketIp;
}

function normalize(ip: string): string {
  return ip.startsWith('::ffff:') && ip.includes('.') ? ip.slice(7) : ip;
}
