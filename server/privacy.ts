import { createHmac, hkdfSync } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';

/**
 * Keyed hashes for what must be matched but not read: an identity in the audit or in a
 * rate-limit key. Keyed (under SSPS_SECRET), because ID numbers are a small space a plain
 * hash would give back in minutes.
 */
export class Pseudonymizer {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = Buffer.from(hkdfSync('sha256', secret, 'ssps', 'pseudonym/v1', 32));
  }

  identity(idType: string, idNumber: string): string {
    return createHmac('sha256', this.key).update(`${idType}:${idNumber}`).digest('hex');
  }

  value(kind: string, value: string): string {
    return createHmac('sha256', this.key).update(`${kind}:${value}`).digest('base64url').slice(0, 32);
  }
}

/** The client's network, not its address: IPv4 /24 and IPv6 /48, enough to see abuse, not to single out a person. */
export function clientNetwork(ip: string): string {
  // Every request is audited, and a partner's come from the same few addresses.
  if (ip !== last.ip) last = { ip, network: networkOf(ip) };
  return last.network;
}

let last = { ip: '', network: networkOf('') };

function networkOf(ip: string): string {
  if (isIPv4(ip)) return `${ip.slice(0, ip.lastIndexOf('.'))}.0/24`;
  if (isIPv6(ip)) {
    const [head, tail = ''] = ip.split('::');
    const left = head ? head.split(':') : [];
    const right = tail ? tail.split(':') : [];
    const full = [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
    return `${full.slice(0, 3).map((h) => h.toLowerCase().replace(/^0+(?=.)/, '')).join(':')}::/48`;
  }
  return 'unknown';
}
