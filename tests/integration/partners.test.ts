import { describe, expect, it } from 'vitest';
import { testDatabases } from '../support/databases.js';
import { serverFor } from '../support/server.js';

const LOOKUP = `query ($n: String!, $t: String) { certificateRequests(idType: CC, idNumber: $n, captchaToken: $t) { requests { id orderNumber requestNumber } detailNeedsOrderNumber } }`;
type Lookup = { certificateRequests: { requests: { id: string; orderNumber: string; requestNumber: string }[]; detailNeedsOrderNumber: boolean } };

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

describe.each(testDatabases())('partner API keys on $name', (database) => {
  const server = serverFor(database);

  describe('partner API keys', () => {
    it('lets a partner look up without a CAPTCHA, and refuses bad, revoked and expired keys with 401', async () => {
      const { key } = await server.ssps.partners.create('portal-a', { ratePerMinute: 100 });
      const ok = await server.gql<Lookup>(LOOKUP, { n: '1013592259' }, bearer(key));
      expect(ok.errors).toBeUndefined();
      expect(ok.data!.certificateRequests.requests[0].requestNumber).toBe('434070');

      for (const header of [bearer(`${key}x`), bearer('ssps_nope'), { authorization: key }, { authorization: 'Basic YWxhZGRpbjpvcGVu' }]) {
        const res = await server.gql(LOOKUP, { n: '1013592259' }, header);
        expect(res.status).toBe(401);
        expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      }

      // RFC 6750's challenge, which Apollo only sends when the context's refusal carries it.
      const raw = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...bearer('ssps_nope') },
        body: JSON.stringify({ query: LOOKUP, variables: { n: '1013592259' } }),
      });
      expect(raw.status).toBe(401);
      expect(raw.headers.get('www-authenticate')).toBe('Bearer');

      const { key: expired } = await server.ssps.partners.create('portal-expired', { ratePerMinute: 100, expiresAt: new Date(Date.now() - 1000) });
      expect((await server.gql(LOOKUP, { n: '1013592259' }, bearer(expired))).status).toBe(401);

      expect(await server.ssps.partners.revoke('portal-a')).toBe(true);
      expect((await server.gql(LOOKUP, { n: '1013592259' }, bearer(key))).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('keeps only a hash of the key', async () => {
      const { key, partner } = await server.ssps.partners.create('portal-hash', { ratePerMinute: 100 });
      const stored = JSON.stringify(await server.ssps.db.run((ds) => ds.query('SELECT * FROM partner WHERE id = ?', [partner.id])));
      expect(stored).not.toContain(key);
      expect(stored).not.toContain(key.slice(12));
      expect(key).toMatch(/^ssps_[A-Za-z0-9_-]{43}$/);
    });

    it('gives each partner its own limit, answered with HTTP 429 and Retry-After', async () => {
      const { key } = await server.ssps.partners.create('portal-small', { ratePerMinute: 3 });
      const { key: other } = await server.ssps.partners.create('portal-other', { ratePerMinute: 3 });
      for (let i = 0; i < 3; i++) expect((await server.gql(LOOKUP, { n: '1013592259' }, bearer(key))).errors).toBeUndefined();
      const res = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...bearer(key) },
        body: JSON.stringify({ query: LOOKUP, variables: { n: '1013592259' } }),
      });
      const body = (await res.json()) as { errors: { extensions: { code: string; retryAfterSeconds: number } }[] };
      expect(res.status).toBe(429);
      expect(body.errors[0].extensions.code).toBe('RATE_LIMITED');
      expect(Number(res.headers.get('retry-after'))).toBe(body.errors[0].extensions.retryAfterSeconds);
      expect(body.errors[0].extensions.retryAfterSeconds).toBeGreaterThan(0);
      expect(body.errors[0].extensions.retryAfterSeconds).toBeLessThanOrEqual(60);
      expect((await server.gql(LOOKUP, { n: '1013592259' }, bearer(other))).errors).toBeUndefined();
    });
  });
});
