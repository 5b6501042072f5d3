import type { Payload } from 'altcha-lib';
import { describe, expect, it } from 'vitest';
import { AltchaCaptcha } from '../../server/captcha/altcha.js';
import { solve } from '../support/captcha.js';

const options = { secret: 'x'.repeat(40), cost: 50, maxCounter: 20, ttlSeconds: 600 };
const captcha = new AltchaCaptcha(options);

function decode(token: string): Payload {
  return JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as Payload;
}
function encode(payload: unknown): string {
  return Buffer.from(JSON.stringify(payload)).toString('base64');
}
/** A freshly solved token, decoded, for tampering with. */
async function solvedPayload(): Promise<Payload> {
  return decode(await solve(await captcha.challenge()));
}

describe('AltchaCaptcha', () => {
  it('verifies a solved challenge and returns its nonce and expiry', async () => {
    const challenge = await captcha.challenge();
    const before = Date.now();
    const check = await captcha.verify(await solve(challenge));
    expect(check).toEqual({ ok: true, id: challenge.parameters.nonce, expiresAt: expect.any(Date) });
    if (!check.ok) return;
    expect(check.expiresAt.getTime()).toBe(challenge.parameters.expiresAt! * 1000);
    expect(Math.abs(check.expiresAt.getTime() - (before + 600_000))).toBeLessThan(5_000);
  });

  it('issues a different nonce for every challenge', async () => {
    const [a, b] = await Promise.all([captcha.challenge(), captcha.challenge()]);
    expect(a.parameters.nonce).not.toBe(b.parameters.nonce);
  });

  it('rejects a wrong derived key as WRONG_SOLUTION', async () => {
    const p = await solvedPayload();
    const last = p.solution.derivedKey.slice(-1) === '0' ? '1' : '0';
    p.solution.derivedKey = p.solution.derivedKey.slice(0, -1) + last;
    expect(await captcha.verify(encode(p))).toEqual({ ok: false, reason: 'WRONG_SOLUTION' });
  });

  // The proof is the derived key, checked against the challenge's signed key signature;
  // the counter is informative. A changed counter is the same solve with the same id,
  // so the replay guard still spends it once.
  it('treats a changed counter as the same solve, with the same id', async () => {
    const p = await solvedPayload();
    const original = await captcha.verify(encode(p));
    p.solution.counter += 1;
    const changed = await captcha.verify(encode(p));
    expect(changed.ok && original.ok && changed.id === original.id).toBe(true);
  });

  it.each([
    ['cost', (p: Payload) => void (p.challenge.parameters.cost = 1)],
    ['expiresAt', (p: Payload) => void (p.challenge.parameters.expiresAt! += 3_600)],
    ['nonce', (p: Payload) => void (p.challenge.parameters.nonce = 'ab'.repeat(16))],
    ['keyPrefix', (p: Payload) => void (p.challenge.parameters.keyPrefix = '00')],
    ['algorithm', (p: Payload) => void (p.challenge.parameters.algorithm = 'SHA-256')],
    ['signature', (p: Payload) => void (p.challenge.signature = '')],
  ])('rejects a changed challenge %s as FORGED', async (_field, tamper) => {
    const p = await solvedPayload();
    tamper(p);
    expect(await captcha.verify(encode(p))).toEqual({ ok: false, reason: 'FORGED' });
  });

  it('rejects a challenge signed with another secret as FORGED', async () => {
    const other = new AltchaCaptcha({ ...options, secret: 'y'.repeat(40) });
    const token = await solve(await other.challenge());
    expect((await other.verify(token)).ok).toBe(true);
    expect(await captcha.verify(token)).toEqual({ ok: false, reason: 'FORGED' });
  });

  it('rejects a challenge solved after its ttl as EXPIRED', async () => {
    const token = await solve(await captcha.challenge(Date.now() - 3_600_000));
    expect(await captcha.verify(token)).toEqual({ ok: false, reason: 'EXPIRED' });
  });

  it.each([
    ['empty', ''],
    ['not base64 JSON', 'abc'],
    ['not base64 at all', '{"challenge":{}}'],
    ['an array', encode([])],
    ['a non-object challenge', encode({ challenge: 1 })],
    ['JSON null', encode(null)],
    ['10 kB', 'A'.repeat(10_000)],
  ])('rejects %s as MALFORMED', async (_label, token) => {
    expect(await captcha.verify(token)).toEqual({ ok: false, reason: 'MALFORMED' });
  });

  it('rejects a payload with a non-hex nonce or a string counter as MALFORMED', async () => {
    const badNonce = await solvedPayload();
    badNonce.challenge.parameters.nonce = '../../etc';
    expect(await captcha.verify(encode(badNonce))).toEqual({ ok: false, reason: 'MALFORMED' });

    const stringCounter = await solvedPayload();
    (stringCounter.solution as unknown as Record<string, unknown>).counter = String(stringCounter.solution.counter);
    expect(await captcha.verify(encode(stringCounter))).toEqual({ ok: false, reason: 'MALFORMED' });
  });
});
