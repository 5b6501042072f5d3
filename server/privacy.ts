import { createHmac, hkdfSync } from 'node:crypto';
import ipaddr from 'ipaddr.js';

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

/**
 * What a client's address is counted as by the rate limits: an IPv4 address is one client;
 * an IPv6 client is its /64 (RFC 6177: the least a subscriber is given, so every address in
 * it is the same client), and `wide` is the /48 around it, a site's allocation, where one
 * client could otherwise take 65,536 /64s.
 */
export function clientScopes(ip: string): { narrow: string; wide: string | null } {
  const address = parse(ip);
  if (!address) return { narrow: 'unknown', wide: null };
  if (address.kind() === 'ipv4') return { narrow: address.toString(), wide: null };
  return { narrow: prefix(address, 64), wide: prefix(address, 48) };
}

/** The client's network, not its address: IPv4 /24 and IPv6 /48, enough to see abuse, not to single out a person. */
export function clientNetwork(ip: string): string {
  // Every request is audited, and a partner's come from the same few addresses.
  if (ip !== last.ip) last = { ip, network: networkOf(ip) };
  return last.network;
}

let last = { ip: '', network: 'unknown' };

function networkOf(ip: string): string {
  const address = parse(ip);
  if (!address) return 'unknown';
  return prefix(address, address.kind() === 'ipv4' ? 24 : 48);
}

/** IPv4-mapped IPv6 (::ffff:192.0.2.1) counts as the IPv4 address it carries. */
function parse(ip: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  try {
    return ipaddr.process(ip);
  } catch {
    return null;
  }
}

function prefix(address: ipaddr.IPv4 | ipaddr.IPv6, bits: number): string {
  const network = address.kind() === 'ipv4' ? ipaddr.IPv4.networkAddressFromCIDR(`${address.toString()}/${bits}`) : ipaddr.IPv6.networkAddressFromCIDR(`${address.toString()}/${bits}`);
  return `${network.toString()}/${bits}`;
}
