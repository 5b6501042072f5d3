import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * CSPRNG bytes drawn 4 KiB at a time: one call into OpenSSL for some two hundred seals
 * instead of one per seal. Each byte is handed out once; a refill is a new buffer, so
 * bytes already handed out are never overwritten.
 */
export class RandomPool {
  private buffer = Buffer.alloc(0);
  private offset = 0;

  take(bytes: number): Buffer {
    if (this.offset + bytes > this.buffer.length) {
      this.buffer = randomBytes(4096);
      this.offset = 0;
    }
    const taken = this.buffer.subarray(this.offset, this.offset + bytes);
    this.offset += bytes;
    return taken;
  }
}

const IV_BYTES = 12;
const TAG_BYTES = 16;
// A version byte and the expiry (seconds since the epoch, uint32) sealed with every payload.
const HEADER_BYTES = 1 + 4;

/**
 * Fixed-size payloads sealed with AES-256-GCM into expiring base64url strings: opaque,
 * authenticated (one changed character and it does not open) and stateless, so every
 * instance sharing SSPS_SECRET opens what any other sealed. Each use has its own key, derived
 * from the secret with its own HKDF `info`, so a string sealed for one use never opens as another.
 */
export class Sealer {
  private readonly key: Buffer;
  private readonly random = new RandomPool();
  private readonly sealedBytes: number;
  readonly chars: number;

  constructor(
    secret: string,
    info: string,
    private readonly payloadBytes: number,
    private readonly ttlSeconds: number,
    private readonly version = 1,
  ) {
    this.key = Buffer.from(hkdfSync('sha256', secret, 'ssps', info, 32));
    this.sealedBytes = IV_BYTES + HEADER_BYTES + payloadBytes + TAG_BYTES;
    this.chars = Math.ceil((this.sealedBytes * 4) / 3);
  }

  /** Random bytes from the same pool as the IVs. */
  randomBytes(bytes: number): Buffer {
    return this.random.take(bytes);
  }

  /** `ttlSeconds`: this string's own life, when it is not the sealer's (an e-mailed link lives longer than a page's). */
  seal(payload: Buffer, now = Date.now(), ttlSeconds = this.ttlSeconds): string {
    if (payload.length !== this.payloadBytes) throw new RangeError(`payload must be ${this.payloadBytes} bytes`);
    const body = Buffer.alloc(HEADER_BYTES + this.payloadBytes);
    body.writeUInt8(this.version, 0);
    // Rounded up: a sealed string lives at least ttlSeconds, never less.
    body.writeUInt32BE(Math.ceil(now / 1000) + ttlSeconds, 1);
    payload.copy(body, HEADER_BYTES);
    const iv = this.random.take(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    return Buffer.concat([iv, cipher.update(body), cipher.final(), cipher.getAuthTag()]).toString('base64url');
  }

  /** The payload and its expiry, or null for anything that is not a live string this sealer sealed. */
  open(sealed: string, now = Date.now()): { payload: Buffer; expiresAt: number } | null {
    if (sealed.length !== this.chars || !/^[A-Za-z0-9_-]+$/.test(sealed)) return null;
    const raw = Buffer.from(sealed, 'base64url');
    // One string, one spelling: the decoder would ignore the last character's spare bits.
    if (raw.length !== this.sealedBytes || raw.toString('base64url') !== sealed) return null;
    let body: Buffer;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, IV_BYTES));
      decipher.setAuthTag(raw.subarray(this.sealedBytes - TAG_BYTES));
      body = Buffer.concat([decipher.update(raw.subarray(IV_BYTES, this.sealedBytes - TAG_BYTES)), decipher.final()]);
    } catch {
      return null;
    }
    if (body.readUInt8(0) !== this.version) return null;
    const expiresAt = body.readUInt32BE(1);
    if (expiresAt * 1000 <= now) return null;
    return { payload: body.subarray(HEADER_BYTES), expiresAt };
  }
}
