import type { GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { execute, getOperationAST, GraphQLError, parse, type ExecutionResult } from 'graphql';
import { describe, expect, it } from 'vitest';
import { jitGateway } from '../../server/graphql/jit.js';
import { KnownOperations, LIMITS } from '../../server/graphql/known-operations.js';
import { DateScalar, DateTimeScalar } from '../../server/graphql/scalars.js';
import { loadTypeDefs } from '../../server/graphql/schema.js';
import { requestResolvers } from '../../server/requests/lookup-resolvers.js';

// The executor must answer exactly what graphql-js would: same data, same errors, same extensions.
const schema = makeExecutableSchema({ typeDefs: loadTypeDefs(), resolvers: [requestResolvers, { Date: DateScalar, DateTime: DateTimeScalar }] });
const known = new KnownOperations();
const { executor } = await jitGateway(schema, known).load({ apollo: { key: undefined, keyHash: undefined, graphRef: undefined } });

const LOOKUP = `query Lookup($n: String!) { certificateRequests(idType: CC, idNumber: $n) {
  applicant { fullName } requests { id orderNumber requestNumber issuedOn holderName company project certificateType status } newRequestUrl } }`;

const found = {
  applicant: { idType: 'CC', idNumber: '1013592259', fullName: 'MARÍA FERNANDA ROJAS PEÑA' },
  requests: [
    { handle: 'h1', orderNumber: '434043', requestNumber: '434070', issuedAt: new Date('2016-08-04T03:00:00Z'), holderName: 'MARÍA FERNANDA ROJAS PEÑA', company: null, project: null, certificateType: 'Persona natural', status: 'COMPLETED' },
    { handle: 'h2', orderNumber: '500001', requestNumber: '500010', issuedAt: null, holderName: 'MARÍA FERNANDA ROJAS PEÑA', company: 'ACME S.A.S.', project: 'Nómina', certificateType: 'Pertenencia a empresa', status: 'IN_PROGRESS' },
  ],
};

function contextFor(lookup: () => Promise<unknown>) {
  return { lookup: { lookup }, caller: { ip: '127.0.0.1', partner: null, operator: null }, newRequestUrl: '/solicitud', detailNeedsOrderNumber: false };
}

async function both(query: string, variables: Record<string, unknown>, context: object, operationName?: string) {
  // A text is compiled from its second coming on (its first is graphql-js's): as if it had come before.
  known.worthCompiling(query);
  const document = parse(query);
  const operation = getOperationAST(document, operationName) ?? undefined;
  const viaJit = (await executor!({
    document,
    operation,
    operationName: operation?.name?.value ?? null,
    request: { query, variables, operationName },
    context,
  } as unknown as GatewayGraphQLRequestContext)) as ExecutionResult;
  const viaGraphqlJs = await execute({ schema, document, variableValues: variables, contextValue: context, operationName });
  // The compiled operation answered, not the interpreter.
  if (operation) expect(known.find(query, operationName)).toBeDefined();
  return { viaJit, viaGraphqlJs };
}

const shape = (result: ExecutionResult) => JSON.parse(JSON.stringify(result)) as unknown;

describe('the compiled executor (graphql-jit behind Apollo)', () => {
  it('answers a lookup with the same data as graphql-js, scalars and nulls included', async () => {
    const { viaJit, viaGraphqlJs } = await both(LOOKUP, { n: '1013592259' }, contextFor(async () => found));
    expect(viaJit.errors).toBeUndefined();
    expect(shape(viaJit)).toEqual(shape(viaGraphqlJs));
    expect((viaJit.data as { certificateRequests: { requests: { issuedOn: string }[] } }).certificateRequests.requests[0].issuedOn).toBe('2016-08-03');
  });

  it('passes a refusal on as graphql-js does: message, path, code and HTTP status, and a message plugins may rewrite', async () => {
    const refusal = new GraphQLError('Ha hecho demasiadas consultas.', { extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 42 } });
    const { viaJit, viaGraphqlJs } = await both(LOOKUP, { n: '1013592259' }, contextFor(async () => Promise.reject(refusal)));
    expect(shape(viaJit)).toEqual(shape(viaGraphqlJs));
    const [error] = viaJit.errors!;
    expect(error).toBeInstanceOf(GraphQLError);
    expect(error.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 42 });
    expect(error.originalError).toBe(refusal);
    expect(error.path).toEqual(['certificateRequests']);
    // graphql-armor masks field suggestions by rewriting messages in place.
    expect(() => Object.assign(error, { message: 'otro' })).not.toThrow();
  });

  it('interprets a text the first time, compiles it once when it comes back, and keeps no more compiled operations than the table holds', async () => {
    const run = (query: string) => {
      const document = parse(query);
      const operation = getOperationAST(document) ?? undefined;
      return executor!({ document, operation, operationName: operation?.name?.value ?? null, request: { query, variables: {} }, context: contextFor(async () => found) } as unknown as GatewayGraphQLRequestContext);
    };
    // Once: graphql-js answers, nothing is compiled (a flood of one-off documents compiles nothing).
    expect(((await run('{ __typename }')) as ExecutionResult).data).toEqual({ __typename: 'Query' });
    expect(known.find('{ __typename }', undefined)).toBeUndefined();
    const before = known.size;
    for (let i = 0; i < 300; i++) await run(`{ __typename } # once ${i}`);
    expect(known.size).toBe(before);
    // Back again: compiled, kept, and run as such from then on.
    expect(((await run('{ __typename }')) as ExecutionResult).data).toEqual({ __typename: 'Query' });
    const first = known.find('{ __typename }', undefined);
    expect(first).toBeDefined();
    await run('{ __typename }');
    expect(known.find('{ __typename }', undefined)).toBe(first);
    // Distinct documents sent twice each: the table, the only cache of compiled code, stays at its bound.
    for (let i = 0; i < LIMITS.texts + 100; i++) {
      await run(`{ __typename } # ${i}`);
      await run(`{ __typename } # ${i}`);
    }
    expect(known.size).toBe(LIMITS.texts);
    // A text longer than the table keeps is answered all the same, and not kept.
    const long = `{ __typename } # ${'x'.repeat(LIMITS.textChars)}`;
    expect(((await run(long)) as ExecutionResult).data).toEqual({ __typename: 'Query' });
    expect(known.find(long, undefined)).toBeUndefined();
  });

  it('compiles a document asked for under more names than the table keeps only under those it keeps, and interprets the rest', async () => {
    const text = `query A { __typename } query B { __typename } query C { __typename } # ${Math.random()}`;
    const run = async (name: string) => {
      const document = parse(text);
      const operation = getOperationAST(document, name) ?? undefined;
      const result = (await executor!({ document, operation, operationName: name, request: { query: text, variables: {}, operationName: name }, context: contextFor(async () => found) } as unknown as GatewayGraphQLRequestContext)) as ExecutionResult;
      expect(result.data).toEqual({ __typename: 'Query' });
    };
    const before = known.counts.compiled;
    for (let i = 0; i < 5; i++) for (const name of ['A', 'B', 'C']) await run(name);
    // Once per name kept (the table keeps two), never again, and never the third: nothing compiled per request.
    expect(known.counts.compiled - before).toBe(LIMITS.namesPerText);
    expect(['A', 'B', 'C'].filter((name) => known.find(text, name))).toHaveLength(LIMITS.namesPerText);
  });

  it("refuses a bad variable with graphql-js's own words, which Apollo answers as BAD_USER_INPUT", async () => {
    for (const variables of [{}, { n: 12 }, { n: null }]) {
      const { viaJit, viaGraphqlJs } = await both(LOOKUP, variables, contextFor(async () => found));
      expect(viaJit.data).toBeUndefined();
      expect(shape(viaJit)).toEqual(shape(viaGraphqlJs));
      expect(viaJit.errors![0].message).toMatch(/^Variable "\$n" /);
    }
  });

  it('refuses bad variables of every kind the schema takes, in the same words, before any resolver runs', async () => {
    const LOOKUP_BY_TYPE = 'query ($t: IdType!, $n: String!, $c: String) { certificateRequests(idType: $t, idNumber: $n, captchaToken: $c) { requests { id } } }';
    const SUBMIT = 'mutation ($d: ID!, $a: ApplicationInput!) { submitApplication(draftId: $d, application: $a) { requestNumber } }';
    const application = { idType: 'CC', idNumber: '1', fullName: 'A', email: 'a@b.co', phone: '3', certificateType: 'X' };
    const cases: [string, Record<string, unknown>][] = [
      [LOOKUP_BY_TYPE, { t: 'XX', n: '1' }],
      [LOOKUP_BY_TYPE, { t: 1, n: '1' }],
      [LOOKUP_BY_TYPE, { t: 'CC', n: { a: 1 } }],
      [LOOKUP_BY_TYPE, { t: 'CC', n: ['1'] }],
      [LOOKUP_BY_TYPE, { t: 'CC', n: '1', c: 5 }],
      [SUBMIT, { d: 'x', a: { ...application, idType: 'TI' } }],
      [SUBMIT, { d: 'x', a: { ...application, unknown: 1 } }],
      [SUBMIT, { d: { id: 1 }, a: application }],
      [SUBMIT, { d: 'x', a: { ...application, fullName: null } }],
    ];
    let resolved = 0;
    const context = contextFor(async () => {
      resolved++;
      return found;
    });
    for (const [query, variables] of cases) {
      const { viaJit, viaGraphqlJs } = await both(query, variables, context);
      expect(viaJit.data, JSON.stringify(variables)).toBeUndefined();
      expect(shape(viaJit), JSON.stringify(variables)).toEqual(shape(viaGraphqlJs));
    }
    expect(resolved).toBe(0);
  });

  it('says why when there is no operation to run, as graphql-js does', async () => {
    const { viaJit, viaGraphqlJs } = await both('query A { __typename } query B { __typename }', {}, contextFor(async () => found));
    expect(viaJit.errors![0].message).toBe('Must provide operation name if query contains multiple operations.');
    expect(shape(viaJit)).toEqual(shape(viaGraphqlJs));
    const named = await both('query A { __typename }', {}, contextFor(async () => found), 'B');
    expect(shape(named.viaJit)).toEqual(shape(named.viaGraphqlJs));
  });
});
