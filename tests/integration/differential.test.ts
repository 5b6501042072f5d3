import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LookupDocument, RequestDetailDocument } from '../../graphql/generated/client/graphql.js';
import { buildScenarios } from '../../server/demo/scenarios.js';
import { solvedToken } from '../support/captcha.js';
import { testDatabases } from '../support/databases.js';
import { startServer, type StartedServer } from '../support/server.js';

/**
 * The fast path answers exactly what Apollo's plain path answers: two servers on one database,
 * one with GRAPHQL_FAST_PATH on (the default) and one with it off, asked the same lookups and
 * details (the demo data, through the pages' own documents and a partner's), the same bad input,
 * limits and refusals; their whole HTTP answers compared — status, the headers that matter, and
 * the body, where only what is random by design (request handles, invoice links) is masked.
 */

const PARTNER_LOOKUP = /* GraphQL */ `
  query Lookup($idType: IdType!, $idNumber: String!) {
    certificateRequests(idType: $idType, idNumber: $idNumber) {
      applicant { idType idNumber fullName }
      requests { id orderNumber requestNumber issuedOn holderName company project certificateType status }
      newRequestUrl
    }
  }`;
const PARTNER_DETAIL = /* GraphQL */ `
  query Detail($id: ID!) {
    requestDetail(id: $id) {
      requestNumber holderName serialNumber expectedFrom expectedBy validFrom validTo
      steps { kind state modifiedOn information invoiceUrl }
    }
  }`;
const COMPARED_HEADERS = ['content-type', 'cache-control', 'www-authenticate', 'retry-after', 'x-content-type-options', 'allow', 'vary'];

interface Call {
  name: string;
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  /** The body, or a function of the server it goes to (a CAPTCHA token is spent per server). */
  body?: string | ((server: StartedServer) => Promise<string>);
}

interface Answer {
  status: number;
  headers: Record<string, string | null>;
  body: unknown;
}

/** Handles and invoice links are sealed with fresh randomness on every read, and expire from then: their shape is compared, not their bytes. */
function masked(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return value.map((v) => masked(v));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, masked(v, k)]));
  if (typeof value === 'string' && (key === 'id' || key === 'handle') && /^[A-Za-z0-9_-]{20,}$/.test(value)) return '<handle>';
  if (typeof value === 'string' && /^\/invoices\/[A-Za-z0-9_-]+$/.test(value)) return '<invoice link>';
  // When the handles expire: counted from the moment each server answered.
  if (typeof value === 'string' && key === 'handlesExpireAt' && !Number.isNaN(Date.parse(value))) return '<expiry>';
  return value;
}

async function ask(server: StartedServer, call: Call): Promise<Answer> {
  const body = typeof call.body === 'function' ? await call.body(server) : call.body;
  const res = await fetch(`${server.url}${call.path ?? '/graphql'}`, {
    method: call.method ?? 'POST',
    headers: { ...(call.method === 'GET' ? {} : { 'content-type': 'application/json' }), ...call.headers },
    body: call.method === 'GET' ? undefined : body,
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON: compared as text.
  }
  return { status: res.status, headers: Object.fromEntries(COMPARED_HEADERS.map((h) => [h, res.headers.get(h)])), body: masked(parsed) };
}

describe.each(testDatabases())('the fast path against Apollo plain path on $name', (database) => {
  let fast: StartedServer;
  let plain: StartedServer;
  let key: { fast: string; plain: string };
  let small: { fast: string; plain: string };

  beforeAll(async () => {
    // As partners meet it: in production (no stack traces, no introspection).
    fast = await startServer(database, { NODE_ENV: 'production' });
    plain = await startServer(database, { NODE_ENV: 'production', GRAPHQL_FAST_PATH: '0' }, { url: fast.databaseUrl });
    const partner = async (name: string, ratePerMinute: number) => (await fast.ssps.partners.create(`${name}-${Date.now()}`, { ratePerMinute })).key;
    key = { fast: await partner('diff-fast', 100_000), plain: await partner('diff-plain', 100_000) };
    // Limits are counted per partner: each server spends a budget of its own, the same size.
    small = { fast: await partner('diff-small-fast', 2), plain: await partner('diff-small-plain', 2) };
  });
  afterAll(async () => {
    await plain?.close();
    await fast?.close();
    await fast?.dropDatabase();
  });

  /** Asks both servers, one after the other, and expects the same answer; returns the fast one's. */
  async function same(call: Call | ((which: 'fast' | 'plain') => Call)): Promise<Answer> {
    const callOf = (which: 'fast' | 'plain') => (typeof call === 'function' ? call(which) : call);
    const a = await ask(fast, callOf('fast'));
    const b = await ask(plain, callOf('plain'));
    expect(b, callOf('fast').name).toEqual(a);
    return a;
  }

  const partnerCall = (name: string, query: string, variables: Record<string, unknown>) => (which: 'fast' | 'plain') => ({
    name,
    headers: { authorization: `Bearer ${key[which]}` },
    body: JSON.stringify({ query, variables }),
  });

  it('answers every demo person\'s lookup and every request\'s detail alike, through the pages\' documents and a partner\'s', async () => {
    let details = 0;
    for (const scenario of buildScenarios()) {
      const { idType, idNumber } = scenario.lookup;
      const answer = await same(partnerCall(`lookup ${scenario.name}`, PARTNER_LOOKUP, { idType, idNumber }));
      expect(answer.status).toBe(200);
      // The page's own document, with a CAPTCHA solved for each server.
      await same({ name: `page lookup ${scenario.name}`, body: async (s) => JSON.stringify({ query: print(LookupDocument), variables: { idType, idNumber, captchaToken: await solvedToken(s.url) } }) });

      // Each request's detail, opened on both servers with a handle one of them issued.
      const res = await fetch(`${fast.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${key.fast}` }, body: JSON.stringify({ query: PARTNER_LOOKUP, variables: { idType, idNumber } }) });
      const { data } = (await res.json()) as { data: { certificateRequests: { requests: { id: string; orderNumber: string; requestNumber: string }[] } } };
      for (const { id, orderNumber, requestNumber } of data.certificateRequests.requests) {
        const detail = await same(partnerCall(`detail in ${scenario.name}`, PARTNER_DETAIL, { id }));
        expect(detail.body).toMatchObject({ data: { requestDetail: { requestNumber } } });
        await same({ name: `page detail in ${scenario.name}`, body: JSON.stringify({ query: print(RequestDetailDocument), variables: { handle: id, orderNumber } }) });
        details++;
      }
    }
    expect(details).toBeGreaterThan(5);
  });

  it('refuses the same bad input alike: ID numbers, variables, enums, parsing, validation, limits of shape, JSON, methods', async () => {
    const bad: Call[] = [
      ...['', '12a45', '1'.repeat(40), ' 1013592259 ', '10135922<script>'].map((idNumber) => ({ name: `idNumber ${JSON.stringify(idNumber)}`, body: JSON.stringify({ query: print(LookupDocument), variables: { idType: 'CC', idNumber, captchaToken: 'x' } }) })),
      { name: 'unknown enum', body: JSON.stringify({ query: print(LookupDocument), variables: { idType: 'XX', idNumber: '1013592259' } }) },
      { name: 'wrong variable type', body: JSON.stringify({ query: print(LookupDocument), variables: { idType: 'CC', idNumber: 1013592259 } }) },
      { name: 'missing variable', body: JSON.stringify({ query: print(LookupDocument), variables: { idType: 'CC' } }) },
      { name: 'null variable', body: JSON.stringify({ query: print(RequestDetailDocument), variables: { handle: null } }) },
      { name: 'parse error', body: JSON.stringify({ query: 'query { certificateRequests(' }) },
      { name: 'unknown field', body: JSON.stringify({ query: '{ certificateRequests(idType: CC, idNumber: "1013592259") { nombre } }' }) },
      { name: 'too deep', body: JSON.stringify({ query: '{ __schema { types { fields { type { ofType { ofType { ofType { ofType { name } } } } } } } } }' }) },
      { name: 'two operations, no name', body: JSON.stringify({ query: 'query A { __typename } query B { __typename }' }) },
      { name: 'an operation that is not there', body: JSON.stringify({ query: 'query A { __typename }', operationName: 'B' }) },
      { name: 'a root type the schema lacks', body: JSON.stringify({ query: 'subscription { x }' }) },
      { name: 'batch', body: JSON.stringify([{ query: '{ __typename }' }]) },
      { name: 'malformed JSON', body: '{"query": ' },
      { name: 'JSON of the wrong shape', body: JSON.stringify({ query: 42 }) },
      { name: 'too large', body: JSON.stringify({ query: '{ __typename }', variables: { x: 'x'.repeat(200_000) } }) },
      { name: 'wrong content type', headers: { 'content-type': 'text/plain' }, body: '{ __typename }' },
      { name: 'GET without a preflight header', method: 'GET', path: '/graphql?query=%7B__typename%7D' },
      { name: 'PUT', method: 'PUT', body: JSON.stringify({ query: '{ __typename }' }) },
      { name: 'introspection', body: JSON.stringify({ query: '{ __schema { types { name } } }' }) },
      { name: 'costly aliases', body: JSON.stringify({ query: `{ ${Array.from({ length: 12 }, (_, i) => `a${i}: certificateRequests(idType: CC, idNumber: "1") { requests { id } }`).join(' ')} }` }) },
    ];
    for (const call of bad) {
      const answer = await same(call);
      // Refused: by HTTP status, or by a GraphQL error in a 200 (a field's own refusal).
      expect(answer.status >= 400 || JSON.stringify(answer.body).includes('"errors"'), call.name).toBe(true);
    }
  });

  it('refuses alike without a CAPTCHA, with a bad or reused one, with a bad key, and with junk or foreign handles', async () => {
    const lookupWith = (captchaToken: string | null) => JSON.stringify({ query: print(LookupDocument), variables: { idType: 'CC', idNumber: '1013592259', captchaToken } });
    for (const [name, token] of [['no token', null], ['junk token', 'no-es-un-token'], ['empty token', '']] as const) {
      expect((await same({ name, body: lookupWith(token) })).body).toMatchObject({ errors: [expect.anything()] });
    }
    // One token, solved once, spent on the fast server: the plain one refuses it as reused, and
    // the fast one refuses a second use the same way.
    const token = await solvedToken(fast.url);
    expect((await ask(fast, { name: 'first use', body: lookupWith(token) })).status).toBe(200);
    const codeOf = (answer: Answer) => (answer.body as { errors?: { extensions?: { code?: string } }[] }).errors?.[0]?.extensions?.code;
    expect(codeOf(await same({ name: 'reused token', body: lookupWith(token) }))).toBe('CAPTCHA_REUSED');

    const badKey = await same({ name: 'bad key', headers: { authorization: 'Bearer ssps_no_es_una_llave_0123456789' }, body: JSON.stringify({ query: PARTNER_LOOKUP, variables: { idType: 'CC', idNumber: '1013592259' } }) });
    expect([badKey.status, codeOf(badKey)]).toEqual([401, 'UNAUTHENTICATED']);
    for (const id of ['nada', 'A'.repeat(43), '']) {
      expect(codeOf(await same({ name: `handle ${id.slice(0, 5)}`, body: JSON.stringify({ query: print(RequestDetailDocument), variables: { handle: id } }) }))).toBe('NOT_FOUND');
    }
  });

  it('answers through the fast path once Apollo has accepted a document, alike for every Accept, name, shape and content type', async () => {
    const known = fast.ssps.knownOperations!;
    const before = { ...known.counts };
    const lookup = (extra: Record<string, unknown> = {}) => JSON.stringify({ query: PARTNER_LOOKUP, variables: { idType: 'CC', idNumber: '1013592259' }, ...extra });
    const auth = (which: 'fast' | 'plain') => ({ authorization: `Bearer ${key[which]}` });
    // Learned by the first; every later one is a candidate for the fast path.
    for (let i = 0; i < 2; i++) await same((which) => ({ name: `lookup ${i}`, headers: auth(which), body: lookup() }));
    const urqlAccept = 'application/graphql-response+json, application/graphql+json, application/json, text/event-stream, multipart/mixed';
    for (const accept of ['*/*', 'application/json', 'application/graphql-response+json', urqlAccept, 'application/json;q=0.5, application/graphql-response+json', 'text/html', 'application/xml', '']) {
      const answer = await same((which) => ({ name: `accept ${accept}`, headers: { ...auth(which), accept }, body: lookup() }));
      if (accept === 'text/html' || accept === 'application/xml') expect(answer.status).toBe(406);
    }
    const shapes: [string, Record<string, unknown>][] = [
      ['the name given', { operationName: 'Lookup' }],
      ['a null name', { operationName: null }],
      ['a name not in the document', { operationName: 'Otra' }],
      ['a name of the wrong type', { operationName: 7 }],
      // An empty name is a name, which no operation has: Apollo refuses it, and so nothing runs.
      ['an empty name', { operationName: '' }],
      ['null variables', { variables: null }],
      ['variables as an array', { variables: [] }],
      ['variables as a string', { variables: '{}' }],
      ['empty extensions', { extensions: {} }],
      ['a field Apollo does not know', { consulta: true }],
    ];
    for (const [name, extra] of shapes) {
      for (let i = 0; i < 2; i++) await same((which) => ({ name: `${name} ${i}`, headers: auth(which), body: lookup(extra) }));
    }
    for (const contentType of ['application/json; charset=utf-8', 'APPLICATION/JSON', 'application/graphql-response+json']) {
      await same((which) => ({ name: contentType, headers: { ...auth(which), 'content-type': contentType }, body: lookup() }));
    }
    // Errors after execution are Apollo's to answer: a detail of nothing, a variable refused by the compiled query.
    for (let i = 0; i < 2; i++) {
      await same((which) => ({ name: `no such handle ${i}`, headers: auth(which), body: JSON.stringify({ query: PARTNER_DETAIL, variables: { id: 'nada' } }) }));
      await same((which) => ({ name: `refused variable ${i}`, headers: auth(which), body: JSON.stringify({ query: PARTNER_LOOKUP, variables: { idType: 'XX', idNumber: '1' } }) }));
      await same((which) => ({ name: `refused variable, empty name ${i}`, headers: auth(which), body: JSON.stringify({ query: PARTNER_LOOKUP, operationName: '', variables: { idType: 'XX', idNumber: '1' } }) }));
    }
    // Both paths were taken.
    expect(known.counts.fast - before.fast).toBeGreaterThan(10);
    expect(known.counts.handedOver - before.handedOver).toBeGreaterThanOrEqual(2);
  });

  it('spends nothing for an operation named by an empty name, on either path', async () => {
    // A budget of 2 a minute: a lookup refused for its name must not spend it.
    const tight = { fast: (await fast.ssps.partners.create(`diff-empty-fast-${Date.now()}`, { ratePerMinute: 2 })).key, plain: (await fast.ssps.partners.create(`diff-empty-plain-${Date.now()}`, { ratePerMinute: 2 })).key };
    const call = (which: 'fast' | 'plain', operationName?: string) => ({ name: `named ${JSON.stringify(operationName)}`, headers: { authorization: `Bearer ${tight[which]}` }, body: JSON.stringify({ query: PARTNER_LOOKUP, operationName, variables: { idType: 'CC', idNumber: '1013592259' } }) });
    expect((await same((which) => call(which))).status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await same((which) => call(which, ''))).status).toBe(400);
    expect((await same((which) => call(which))).status).toBe(200);
  });

  it('answers a spent partner budget alike, with HTTP 429 and Retry-After', async () => {
    const call = (which: 'fast' | 'plain') => ({ name: 'limited', headers: { authorization: `Bearer ${small[which]}` }, body: JSON.stringify({ query: PARTNER_LOOKUP, variables: { idType: 'CC', idNumber: '1013592259' } }) });
    for (let i = 0; i < 2; i++) expect((await same(call)).status).toBe(200);
    const refused = await same(call);
    expect(refused.status).toBe(429);
  });
});
