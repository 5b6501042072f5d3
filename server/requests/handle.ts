import { Sealer } from '../sealed.js';

/**
 * The `id` of a request summary. Applicants must not be able to walk
 * requestDetail(434070), requestDetail(434071)… so the handle is sealed with
 * XChaCha20-Poly1305 (see Sealer): opaque (no internal ids readable), authenticated,
 * expiring, and bound to the lookup that issued it — its id and the identity that
 * was looked up.
 */
export interface HandlePayload {
  requestId: number;
  applicantId: number;
  lookupId: Buffer;
  expiresAt: number;
}

const PAYLOAD_BYTES = 4 + 4 + 8;

export class HandleCodec {
  private readonly sealer: Sealer;

  constructor(
    secret: string,
    /** How long a handle lives (HANDLE_TTL_SECONDS). */
    readonly ttlSeconds: number,
  ) {
    this.sealer = new Sealer(secret, 'request-handle/v1', PAYLOAD_BYTES, ttlSeconds);
  }

  newLookupId(): Buffer {
    return this.sealer.randomBytes(8);
  }

  issue(p: Omit<HandlePayload, 'expiresAt'>, now = Date.now()): string {
    const payload = Buffer.alloc(PAYLOAD_BYTES);
    payload.writeUInt32BE(p.requestId, 0);
    payload.writeUInt32BE(p.applicantId, 4);
    p.lookupId.copy(payload, 8, 0, 8);
    return this.sealer.seal(payload, now);
  }

  /** Null for anything that is not a live handle this service issued. */
  open(handle: string, now = Date.now()): HandlePayload | null {
    const opened = this.sealer.open(handle, now);
    if (!opened) return null;
    const { payload, expiresAt } = opened;
    return {
      requestId: payload.readUInt32BE(0),
      applicantId: payload.readUInt32BE(4),
      expiresAt,
      lookupId: Buffer.from(payload.subarray(8, 16)),
    };
  }
}
