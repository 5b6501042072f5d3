import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchChallenge, solve, solvedToken } from '../support/captcha.js';
import { testDatabases } from '../support/databases.js';
import { startServer, type TestServer } from '../support/server.js';

const LOOKUP = `query ($idType: IdType!, $idNumber: String!, $captchaToken: String) {
  certificateRequests(idType: $idType, idNumber: $idNumber, captchaToken: $captchaToken) { applicant { fullName } requests { id requestNumber } }
}`;
const DETAIL = `query ($id: ID!) { requestDetail(id: $id) { requestNumber serialNumber } }`;

type Lookup = { certificateRequests: { applicant: { fullName: string } | null; requests: { id: string; requestNumber: string }[] } };

describe.each(testDatabases())('refusals on $name', (database) => {
  let a: TestServer & { dropDatabase: () => Promise<void> };
  let b: TestServer & { dropDatabase: () => Promise<void> };

  beforeAll(async () => {
    a = await startServer(database);
    // A second instance on the same database, as behind a load balancer.
    b = await startServer(database, {}, { url: a.databaseUrl });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
    await a?.dropDatabase();
  });

  const manual = (captchaToken?: string | null) => ({ idType: 'CC', idNumber: '1013592259', captchaToken });

  describe('CAPTCHA', () => {
    it('refuses a lookup without a token, naming the field', async () => {
      for (const captchaToken of [undefined, null, '']) {
        const res = await a.gql(LOOKUP, manual(captchaToken));
        expect(res.errors?.[0].extensions).toMatchObject({ code: 'CAPTCHA_INVALID', field: 'captchaToken' });
        expect(res.errors?.[0].message).toMatch(/CAPTCHA/);
        expect(res.data).toBeNull();
      }
    });

    it('refuses malformed and forged tokens', async () => {
      const challenge = await fetchChallenge(a.url);
      const good = JSON.parse(Buffer.from(await solve(challenge), 'base64').toString());
      const forged = { ...good, challenge: { ...good.challenge, parameters: { ...good.challenge.parameters, cost: 1 } } };
      // The proof is the derived key (checked against the challenge's key signature), not the counter.
      const wrong = { ...good, solution: { ...good.solution, derivedKey: 'ab'.repeat(32) } };
      for (const token of ['not-base64!', Buffer.from('{}').toString('base64'), 'x'.repeat(5000), Buffer.from(JSON.stringify(forged)).toString('base64'), Buffer.from(JSON.stringify(wrong)).toString('base64')]) {
        const res = await a.gql(LOOKUP, manual(token));
        expect(res.errors?.[0].extensions?.code, token.slice(0, 20)).toBe('CAPTCHA_INVALID');
      }
    });

    it('refuses a challenge past its expiry', async () => {
      const challenge = await fetchChallenge(a.url);
      // The expiry is checked before the signature, so a moved one reads as expired; an
      // honestly expired challenge is covered by the unit tests (tests/unit/altcha.test.ts).
      challenge.parameters.expiresAt = Math.floor(Date.now() / 1000) - 1;
      const res = await a.gql(LOOKUP, manual(await solve(challenge)));
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'CAPTCHA_INVALID', reason: 'EXPIRED' });
    });

    it('accepts a token once: a replay on the same or another instance is CAPTCHA_REUSED', async () => {
      const token = await solvedToken(a.url);
      expect((await a.gql(LOOKUP, manual(token))).errors).toBeUndefined();
      expect((await a.gql(LOOKUP, manual(token))).errors?.[0].extensions?.code).toBe('CAPTCHA_REUSED');
      expect((await b.gql(LOOKUP, manual(token))).errors?.[0].extensions?.code).toBe('CAPTCHA_REUSED');
    });

    it('lets exactly one of two simultaneous uses of a token through', async () => {
      const token = await solvedToken(b.url);
      const results = await Promise.all([a.gql(LOOKUP, manual(token)), b.gql(LOOKUP, manual(token))]);
      const codes = results.map((r) => r.errors?.[0].extensions?.code ?? 'OK').sort();
      expect(codes).toEqual(['CAPTCHA_REUSED', 'OK']);
    });

    it('does not spend the token when the ID number is refused', async () => {
      const token = await solvedToken(a.url);
      const bad = await a.gql(LOOKUP, { idType: 'CC', idNumber: '10135A2259', captchaToken: token });
      expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect((await a.gql(LOOKUP, manual(token))).errors).toBeUndefined();
    });
  });

  describe('ID numbers', () => {
    it.each([
      ['CC', '10135A2259', 'DIGITS_ONLY'],
      ['CC', '12', 'LENGTH'],
      ['CC', '12345678901', 'LENGTH'],
      ['CC', '   ', 'REQUIRED'],
      ['CC', "1' OR '1'='1", 'DIGITS_ONLY'],
      ['CC', '１０１３５９２２５９', 'DIGITS_ONLY'],
      ['CC', '1013\u00002259', 'DIGITS_ONLY'],
      ['NIT', '900123456-7', 'NIT_CHECK_DIGIT'],
      ['PA', '<script>', 'ALPHANUMERIC_ONLY'],
    ])('%s %j is BAD_USER_INPUT (%s) on idNumber, in Spanish', async (idType, idNumber, reason) => {
      const res = await a.gql(LOOKUP, { idType, idNumber, captchaToken: 'unused' });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idNumber', reason });
      expect(res.errors?.[0].message).toMatch(/identificación|NIT|pasaporte/);
    });

    it('refuses an ID type outside the list (minors\' TI) before anything runs', async () => {
      const res = await a.gql(LOOKUP, { idType: 'TI', idNumber: '1013592259', captchaToken: 'x' });
      expect(res.status).toBe(400);
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('handles', () => {
    let handle: string;
    beforeAll(async () => {
      const res = await a.gql<Lookup>(LOOKUP, manual(await solvedToken(a.url)));
      handle = res.data!.certificateRequests.requests[0].id;
    });

    it('opens on the instance that issued it and on any other', async () => {
      for (const server of [a, b]) {
        const res = await server.gql(DETAIL, { id: handle });
        expect(res.data).toEqual({ requestDetail: { requestNumber: '434070', serialNumber: '3b00cdd4a8d648335efb415e3b273bd8' } });
      }
    });

    it('answers NOT_FOUND alike to request numbers, altered, foreign and expired handles', async () => {
      const altered = handle.slice(0, 10) + (handle[10] === 'A' ? 'B' : 'A') + handle.slice(11);
      const candidates = ['434070', '434071', altered, handle.slice(1), `${handle}A`, '', 'x'.repeat(100_000)];
      const bodies = [];
      for (const id of candidates) {
        const res = await a.gql(DETAIL, { id });
        expect(res.data).toEqual({ requestDetail: null });
        expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
        bodies.push(res.errors?.[0].message);
      }
      expect(new Set(bodies).size).toBe(1);
    });

    it('expires after HANDLE_TTL_SECONDS', async () => {
      const short = await startServer(database, { HANDLE_TTL_SECONDS: '1' }, { url: a.databaseUrl });
      try {
        const res = await short.gql<Lookup>(LOOKUP, manual(await solvedToken(short.url)));
        const fresh = res.data!.certificateRequests.requests[0].id;
        expect((await short.gql(DETAIL, { id: fresh })).errors).toBeUndefined();
        await new Promise((r) => setTimeout(r, 2_100));
        expect((await short.gql(DETAIL, { id: fresh })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
      } finally {
        await short.close();
      }
    });
  });

  describe('HTTP', () => {
    it('answers /healthz and /readyz', async () => {
      expect((await fetch(`${a.url}/healthz`)).status).toBe(200);
      const ready = await fetch(`${a.url}/readyz`);
      expect([ready.status, await ready.json()]).toEqual([200, { status: 'ready' }]);
    });

    it('refuses a body over the limit before parsing it, and stays up', async () => {
      const res = await fetch(`${a.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: LOOKUP, variables: { idType: 'CC', idNumber: '1'.repeat(1_048_576) } }),
      });
      expect(res.status).toBe(413);
      expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('BAD_REQUEST');
      expect((await a.gql(LOOKUP, manual(await solvedToken(a.url)))).errors).toBeUndefined();
    });

    it('refuses malformed JSON with a 400', async () => {
      const res = await fetch(`${a.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
      expect(res.status).toBe(400);
    });
  });
});
