import { describe, expect, it } from 'vitest';
import { testDatabases } from '../support/databases.js';
import { serverFor } from '../support/server.js';
import { solvedToken } from '../support/captcha.js';

const LOOKUP = `query ($t: String) { certificateRequests(idType: CC, idNumber: "1013592259", captchaToken: $t) { requests { id } } }`;

describe.each(testDatabases())('NODE_ENV=production on $name', (database) => {
  const server = serverFor(database, { NODE_ENV: 'production' });

  it('refuses introspection in Spanish, without naming the server software', async () => {
    for (const query of ['{ __schema { types { name } } }', '{ __type(name: "IdType") { enumValues { name } } }']) {
      const res = await server.gql(query);
      expect(res.data ?? null).toBeNull();
      expect(res.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(res.errors?.[0].message).toBe('La consulta GraphQL no es válida: este servicio no permite consultar la descripción de su esquema (introspección).');
      expect(JSON.stringify(res)).not.toMatch(/apollo/i);
    }
  });

  it('suggests no name of the schema: no field, argument, type or enum value', async () => {
    const refusals = [
      { query: '{ certificateRequest(idType: CC, idNumber: "1") { newRequestUrl } }', hidden: '"certificateRequests"' },
      { query: '{ certificateRequests(idType: CC, idNumber: "1", captchaTokn: "x") { newRequestUrl } }', hidden: '"captchaToken"' },
      { query: '{ certificateRequests(idType: CX, idNumber: "1") { newRequestUrl } }', hidden: '"CC"' },
      { query: 'query ($t: IdTyp!) { certificateRequests(idType: $t, idNumber: "1") { newRequestUrl } }', hidden: '"IdType"' },
      { query: '{ requestDetail(id: "x") { stepz { kind } } }', hidden: '"steps"' },
    ];
    for (const { query, hidden } of refusals) {
      const res = await server.gql(query);
      expect(res.errors?.[0].extensions?.code, query).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(JSON.stringify(res.errors), query).not.toMatch(/Did you mean|Suggestion/);
      expect(JSON.stringify(res.errors), query).not.toContain(hidden.replace(/"/g, '\\"'));
    }
    // A wrongly valued variable is refused while its value is coerced, past validation.
    const variable = await server.gql('query ($t: IdType!) { certificateRequests(idType: $t, idNumber: "1") { newRequestUrl } }', { t: 'CX' });
    expect(variable.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(variable.errors?.[0].message).toMatch(/"CX"/);
    expect(JSON.stringify(variable.errors)).not.toMatch(/Did you mean|\\"CC\\"/);
  });

  it('answers without X-Powered-By', async () => {
    const answers = [
      await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ currentTerms { version } }' }) }),
      await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' }),
      await fetch(`${server.url}/captcha/challenge`),
      await fetch(`${server.url}/healthz`),
      await fetch(`${server.url}/invoices/nope`),
    ];
    for (const res of answers) expect(res.headers.get('x-powered-by'), res.url).toBeNull();
    expect(answers.map((r) => r.status)).toEqual([200, 400, 200, 200, 404]);
  });

  it('sends no stack trace with a refusal', async () => {
    const res = await server.gql(LOOKUP, { t: 'forged' });
    expect(res.errors?.[0].extensions?.code).toBe('CAPTCHA_INVALID');
    expect(JSON.stringify(res)).not.toMatch(/stacktrace|at .*\.ts:/);
  });

  it('hides SQL and internals behind a generic error when a query fails, and stays up', async () => {
    const lookup = await server.gql<{ certificateRequests: { requests: { id: string }[] } }>(LOOKUP, { t: await solvedToken(server.url) });
    const id = lookup.data!.certificateRequests.requests[0].id;
    // A broken schema is the kind of fault that must never leak its SQL text.
    await server.ssps.db.run((ds) => ds.query('ALTER TABLE request_step RENAME TO request_step_gone'));
    try {
      const res = await server.gql(`query ($id: ID!) { requestDetail(id: $id) { steps { kind } } }`, { id });
      expect(res.errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      expect(res.errors?.[0].message).toMatch(/error inesperado/);
      expect(JSON.stringify(res)).not.toMatch(/SELECT|request_step|stacktrace|sqlite|ER_NO_SUCH|no such table|doesn.t exist/i);
    } finally {
      await server.ssps.db.run((ds) => ds.query('ALTER TABLE request_step_gone RENAME TO request_step'));
    }
    expect((await server.gql(LOOKUP, { t: await solvedToken(server.url) })).errors).toBeUndefined();
  });
});
