import { describe, expect, it } from 'vitest';
import { HandleCodec } from '../../server/requests/handle.js';
import { Sealer } from '../../server/sealed.js';

const SECRET = 'handle-secret-'.padEnd(40, 'x');
const TTL = 1_800;
const NOW = 1_700_000_000_000;
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

const codec = new HandleCodec(SECRET, TTL);
const lookupId = Buffer.from('0102030405060708', 'hex');
const payload = { requestId: 434070, applicantId: 1234, lookupId };
const handle = codec.issue(payload, NOW);

function replaceAt(s: string, i: number, ch: string): string {
  return s.slice(0, i) + ch + s.slice(i + 1);
}

describe('HandleCodec', () => {
  it('round-trips requestId, applicantId and lookupId', () => {
    const opened = codec.open(handle, NOW);
    expect(opened).not.toBeNull();
    expect(opened?.requestId).toBe(434070);
    expect(opened?.applicantId).toBe(1234);
    expect(opened?.lookupId.equals(lookupId)).toBe(true);
    expect(opened?.expiresAt).toBe(NOW / 1000 + TTL);
  });

  it('round-trips the largest ids and a random lookup id', () => {
    const id = codec.newLookupId();
    const h = codec.issue({ requestId: 0xffffffff, applicantId: 0xffffffff, lookupId: id }, NOW);
    const opened = codec.open(h, NOW);
    expect(opened?.requestId).toBe(0xffffffff);
    expect(opened?.applicantId).toBe(0xffffffff);
    expect(opened?.lookupId.equals(id)).toBe(true);
  });

  it('is opaque base64url that does not reveal the request id', () => {
    expect(handle).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(handle).not.toContain('434070');
    expect(Buffer.from(handle, 'base64url').includes(Buffer.from('434070'))).toBe(false);
  });

  it('differs on every issue for the same request (random IV)', () => {
    const again = codec.issue(payload, NOW);
    expect(again).not.toBe(handle);
    expect(codec.open(again, NOW)?.requestId).toBe(434070);
  });

  it('does not open when any character but the last is changed', () => {
    for (let i = 0; i < handle.length - 1; i++) {
      for (const ch of BASE64URL) {
        if (ch === handle[i]) continue;
        expect(codec.open(replaceAt(handle, i, ch), NOW), `position ${i} → ${ch}`).toBeNull();
      }
    }
  });

  it('does not open when the data bits of the last character are changed', () => {
    // 61 bytes encode to 82 characters; the last one carries only 2 bits of data (its top bits).
    const last = handle.length - 1;
    const top = BASE64URL.indexOf(handle[last]) >> 4;
    for (const ch of BASE64URL) {
      if (BASE64URL.indexOf(ch) >> 4 === top) continue;
      expect(codec.open(replaceAt(handle, last, ch), NOW), `last → ${ch}`).toBeNull();
    }
  });

  // The decoder ignores the last character's 4 spare bits; only the canonical spelling opens.
  it('does not open when the last character is changed to any other character', () => {
    const last = handle.length - 1;
    for (const ch of BASE64URL) {
      if (ch === handle[last]) continue;
      expect(codec.open(replaceAt(handle, last, ch), NOW)).toBeNull();
    }
  });

  it.each([
    ['empty', ''],
    ['truncated', handle.slice(0, -1)],
    ['truncated by 4 characters', handle.slice(0, -4)],
    ['extended', handle + 'A'],
    ['extended by 4 characters', handle + 'AAAA'],
    ['standard base64 characters', handle.replace(/^./, '+').replace(/.$/, '/')],
    ['padded', handle.slice(0, -2) + '=='],
    ['the raw request id', '434070'],
    ['the request id padded to handle length', '434070'.padStart(handle.length, '0')],
  ])('rejects a handle that is %s', (_label, value) => {
    expect(codec.open(value, NOW)).toBeNull();
  });

  it('expires after ttlSeconds', () => {
    expect(codec.open(handle, NOW + TTL * 1000 - 1)).not.toBeNull();
    expect(codec.open(handle, NOW + TTL * 1000)).toBeNull();
    expect(codec.open(handle, NOW + 365 * 86_400_000)).toBeNull();
  });

  it('does not open a handle issued under another secret', () => {
    const other = new HandleCodec('another-secret-'.padEnd(40, 'y'), TTL);
    expect(other.open(handle, NOW)).toBeNull();
    expect(codec.open(other.issue(payload, NOW), NOW)).toBeNull();
  });

  it('opens a handle issued by another instance sharing the secret', () => {
    expect(new HandleCodec(SECRET, TTL).open(handle, NOW)?.requestId).toBe(434070);
  });

  it('is 82 base64url characters: a 24-byte nonce, the sealed 21 bytes and a 16-byte tag', () => {
    expect(handle).toMatch(/^[A-Za-z0-9_-]{82}$/);
    expect(Buffer.from(handle, 'base64url')).toHaveLength(24 + 21 + 16);
  });

  it('keeps an opened payload out of the buffer pool other buffers share, and opens no non-string', () => {
    const sealer = new Sealer(SECRET, 'session-like', 32, TTL);
    const opened = sealer.open(sealer.seal(Buffer.alloc(32, 9), NOW), NOW);
    expect(opened?.payload.equals(Buffer.alloc(32, 9))).toBe(true);
    // Its own memory (the version, the expiry and the payload), not a view into Node's 8 KiB pool.
    expect(opened?.payload.buffer.byteLength).toBe(5 + 32);
    for (const value of [null, undefined, 42, ['x']]) expect(sealer.open(value as never, NOW)).toBeNull();
  });

  // Issued by the release before 2026-11-30 (AES-256-GCM) for this secret, payload and NOW: a
  // handle or link in a page or an inbox when an instance is upgraded keeps opening until it expires.
  describe('a handle sealed by the previous release (AES-256-GCM)', () => {
    const LEGACY = '0PRTIxjBAFrysAAtxzrqODfex02AbJeUts1ruYP8XcSGAW2yB2sCbJegh8oEWBl5rg';

    it('opens, with the same payload and expiry', () => {
      const opened = codec.open(LEGACY, NOW);
      expect(opened?.requestId).toBe(434070);
      expect(opened?.applicantId).toBe(1234);
      expect(opened?.lookupId.equals(lookupId)).toBe(true);
      expect(opened?.expiresAt).toBe(NOW / 1000 + TTL);
    });

    it('expires as it always did', () => {
      expect(codec.open(LEGACY, NOW + TTL * 1000 - 1)).not.toBeNull();
      expect(codec.open(LEGACY, NOW + TTL * 1000)).toBeNull();
    });

    it('does not open with any character changed, or under another secret', () => {
      for (let i = 0; i < LEGACY.length; i++) {
        const ch = LEGACY[i] === 'A' ? 'B' : 'A';
        expect(codec.open(replaceAt(LEGACY, i, ch), NOW), `position ${i}`).toBeNull();
      }
      expect(new HandleCodec('another-secret-'.padEnd(40, 'y'), TTL).open(LEGACY, NOW)).toBeNull();
    });

    it('is never what a handle is sealed as now', () => {
      expect(handle).toHaveLength(LEGACY.length + 16);
    });
  });
});
