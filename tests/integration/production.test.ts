import { describe, expect, it } from 'vitest';
import { testDatabases } from '../support/databases.js';
import { serverFor } from '../support/server.js';
import { solvedToken } from '../support/captcha.js';

const LOOKUP = `query ($t: String) { certificateRequests(idType: CC, idNumber: "1013592259", captchaToken: $t) { requests { id } } }`;

describe.each(testDatabases())('NODE_ENV=production on $name', (database) => {
  const server = serverFor(database, { NODE_ENV: 'production' });

  it('refuses introspection', async () => {
    const res = await server.gql('{ __schema { types { name } } }');
    expect(res.data ?? null).toBeNull();
    expect(res.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.errors?.[0].message).toMatch(/^La consulta GraphQL no es válida/);
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
