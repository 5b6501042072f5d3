import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * The `id` of a request summary. Applicants must not be able to walk
 * requestDetail(434070), requestDetail(434071)… so the handle is sealed with
 * AES-256-GCM: opaque (no internal ids readable), authenticated (one changed
 * character and it does not open), expiring, and bound to the lookup that issued
 * it — its id and the identity that was looked up. Stateless, so every instance
 * sharing SSPS_SECRET opens the handles of every other.
 */
export interface HandlePayload {
  requestId: number;
  applicantId: number;
  lookupId: Buffer;
  expiresAt: number;
}

/**
 * CSPRNG bytes drawn 4 KiB at a time: one call into OpenSSL for some two hundred handles
 * instead of one per handle. Each byte is handed out once; a refill is a new buffer, so
 * bytes already handed out are never overwritten.
 */
class RandomPool {
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

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const BODY_BYTES = 1 + 4 + 4 + 4 + 8;
const HANDLE_CHARS = Math.ceil(((IV_BYTES + BODY_BYTES + TAG_BYTES) * 4) / 3);

export class HandleCodec {
  private readonly key: Buffer;
  private readonly random = new RandomPool();

  constructor(
    secret: string,
    private readonly ttlSeconds: number,
  ) {
    this.key = Buffer.from(hkdfSync('sha256', secret, 'ssps', 'request-handle/v1', 32));
  }

  newLookupId(): Buffer {
    return this.random.take(8);
  }

  issue(p: Omit<HandlePayload, 'expiresAt'>, now = Date.now()): string {
    const body = Buffer.alloc(BODY_BYTES);
    body.writeUInt8(VERSION, 0);
    body.writeUInt32BE(p.requestId, 1);
    body.writeUInt32BE(p.applicantId, 5);
    // Rounded up: a handle lives at least ttlSeconds, never less.
    body.writeUInt32BE(Math.ceil(now / 1000) + this.ttlSeconds, 9);
    p.lookupId.copy(body, 13, 0, 8);
    const iv = this.random.take(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const sealed = Buffer.concat([iv, cipher.update(body), cipher.final(), cipher.getAuthTag()]);
    return sealed.toString('base64url');
  }

  /** Null for anything that is not a live handle this service issued. */
  open(handle: string, now = Date.now()): HandlePayload | null {
    if (handle.length !== HANDLE_CHARS || !/^[A-Za-z0-9_-]+$/.test(handle)) return null;
    const raw = Buffer.from(handle, 'base64url');
    // One handle, one spelling: the decoder would ignore the last character's spare bits.
    if (raw.length !== IV_BYTES + BODY_BYTES + TAG_BYTES || raw.toString('base64url') !== handle) return null;
    let body: Buffer;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, IV_BYTES));
      decipher.setAuthTag(raw.subarray(IV_BYTES + BODY_BYTES));
      body = Buffer.concat([decipher.update(raw.subarray(IV_BYTES, IV_BYTES + BODY_BYTES)), decipher.final()]);
    } catch {
      return null;
    }
    if (body.readUInt8(0) !== VERSION) return null;
    const expiresAt = body.readUInt32BE(9);
    if (expiresAt * 1000 <= now) return null;
    return {
      requestId: body.readUInt32BE(1),
      applicantId: body.readUInt32BE(5),
      expiresAt,
      lookupId: Buffer.from(body.subarray(13, 21)),
    };
  }
}
