import { createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import sodium from 'sodium-native';

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

// XChaCha20-Poly1305 (libsodium, through sodium-native): a 24-byte nonce, random, so nonces
// never need counting or coordinating between instances.
const NONCE_BYTES = sodium.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
const TAG_BYTES = sodium.crypto_aead_xchacha20poly1305_ietf_ABYTES;
// Strings sealed before 2026-11-30 (AES-256-GCM, a 12-byte IV): still opened until they expire.
// The longest-lived (renewal links, 90 days) are all gone by 2027-03-01: the legacy path can go then.
const LEGACY_IV_BYTES = 12;
const LEGACY_TAG_BYTES = 16;
// A version byte and the expiry (seconds since the epoch, uint32) sealed with every payload.
const HEADER_BYTES = 1 + 4;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

const charsOf = (bytes: number) => Math.ceil((bytes * 4) / 3);

/**
 * Fixed-size payloads sealed with XChaCha20-Poly1305 into expiring base64url strings: opaque,
 * authenticated (one changed character and it does not open) and stateless, so every
 * instance sharing SSPS_SECRET opens what any other sealed. Each use has its own key, derived
 * from the secret with its own HKDF `info`, so a string sealed for one use never opens as another.
 *
 * Until 2026-11-30 strings were sealed with AES-256-GCM under a key of their own; those are
 * 16 characters shorter, and are still opened (never sealed) so that links and handles issued
 * before an upgrade keep working until they expire. Sealing one string through Node's
 * createCipheriv cost about 5 µs, most of it creating the cipher; through libsodium, about 1.
 */
export class Sealer {
  private readonly key: Buffer;
  private readonly legacyKey: Buffer;
  private readonly random = new RandomPool();
  private readonly sealedBytes: number;
  private readonly legacyBytes: number;
  private readonly legacyChars: number;
  readonly chars: number;

  constructor(
    secret: string,
    info: string,
    private readonly payloadBytes: number,
    private readonly ttlSeconds: number,
    private readonly version = 1,
  ) {
    this.key = Buffer.from(hkdfSync('sha256', secret, 'ssps', `${info} xchacha20-poly1305`, 32));
    this.legacyKey = Buffer.from(hkdfSync('sha256', secret, 'ssps', info, 32));
    this.sealedBytes = NONCE_BYTES + HEADER_BYTES + payloadBytes + TAG_BYTES;
    this.legacyBytes = LEGACY_IV_BYTES + HEADER_BYTES + payloadBytes + LEGACY_TAG_BYTES;
    this.chars = charsOf(this.sealedBytes);
    this.legacyChars = charsOf(this.legacyBytes);
  }

  /** Random bytes from the same pool as the nonces. */
  randomBytes(bytes: number): Buffer {
    return this.random.take(bytes);
  }

  /** `ttlSeconds`: this string's own life, when it is not the sealer's (an e-mailed link lives longer than a page's). */
  seal(payload: Buffer, now = Date.now(), ttlSeconds = this.ttlSeconds): string {
    if (payload.length !== this.payloadBytes) throw new RangeError(`payload must be ${this.payloadBytes} bytes`);
    // Zeroed, never from Node's shared pool: the plaintext must not sit beside other buffers.
    const body = Buffer.alloc(HEADER_BYTES + this.payloadBytes);
    body.writeUInt8(this.version, 0);
    // Rounded up: a sealed string lives at least ttlSeconds, never less.
    body.writeUInt32BE(Math.ceil(now / 1000) + ttlSeconds, 1);
    payload.copy(body, HEADER_BYTES);
    const sealed = Buffer.allocUnsafe(this.sealedBytes);
    const nonce = sealed.subarray(0, NONCE_BYTES);
    this.random.take(NONCE_BYTES).copy(nonce);
    sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(sealed.subarray(NONCE_BYTES), body, null, null, nonce, this.key);
    return sealed.toString('base64url');
  }

  /** The payload and its expiry, or null for anything that is not a live string this sealer sealed. */
  open(sealed: string, now = Date.now()): { payload: Buffer; expiresAt: number } | null {
    if (typeof sealed !== 'string') return null;
    const legacy = sealed.length === this.legacyChars;
    if ((!legacy && sealed.length !== this.chars) || !BASE64URL.test(sealed)) return null;
    const raw = Buffer.from(sealed, 'base64url');
    // One string, one spelling: the decoder would ignore the last character's spare bits.
    if (raw.length !== (legacy ? this.legacyBytes : this.sealedBytes) || raw.toString('base64url') !== sealed) return null;
    const body = legacy ? this.openLegacy(raw) : this.openCurrent(raw);
    if (!body || body.readUInt8(0) !== this.version) return null;
    const expiresAt = body.readUInt32BE(1);
    if (expiresAt * 1000 <= now) return null;
    return { payload: body.subarray(HEADER_BYTES), expiresAt };
  }

  private openCurrent(raw: Buffer): Buffer | null {
    const body = Buffer.alloc(HEADER_BYTES + this.payloadBytes);
    try {
      sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(body, null, raw.subarray(NONCE_BYTES), null, raw.subarray(0, NONCE_BYTES), this.key);
    } catch {
      // sodium-native throws when the tag does not verify.
      return null;
    }
    return body;
  }

  private openLegacy(raw: Buffer): Buffer | null {
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.legacyKey, raw.subarray(0, LEGACY_IV_BYTES));
      decipher.setAuthTag(raw.subarray(this.legacyBytes - LEGACY_TAG_BYTES));
      return Buffer.concat([decipher.update(raw.subarray(LEGACY_IV_BYTES, this.legacyBytes - LEGACY_TAG_BYTES)), decipher.final()]);
    } catch {
      return null;
    }
  }
}
