import { existsSync } from 'node:fs';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HandleCodec } from '../../server/requests/handle.js';
import { fetchChallenge, solvedToken } from '../support/captcha.js';
import { testDatabases } from '../support/databases.js';
import { MAIN, startCompiledServer } from '../support/process.js';
import { startServer, TEST_SECRET, type TestServer } from '../support/server.js';

// The bad-input battery (issue 4, item 8): every argument and every layer fed what an attacker
// or a broken client would send. Each refusal must carry its own code; after each group the
// manual's lookup (CC 1013592259 → request 434070, scenario `manual-revoked`) must still work.

const LOOKUP = `query ($idType: IdType!, $idNumber: String!, $captchaToken: String) {
  certificateRequests(idType: $idType, idNumber: $idNumber, captchaToken: $captchaToken) { applicant { fullName } requests { id requestNumber } }
}`;
const DETAIL = `query ($id: ID!, $orderNumber: String) { requestDetail(id: $id, orderNumber: $orderNumber) { requestNumber serialNumber } }`;
const MANUAL = { idType: 'CC', idNumber: '1013592259' };
const MANUAL_DETAIL = { requestDetail: { requestNumber: '434070', serialNumber: '3b00cdd4a8d648335efb415e3b273bd8' } };
const MB = 1_048_576;
const JSON_TYPE = { 'content-type': 'application/json' };

type Lookup = { certificateRequests: { applicant: { fullName: string } | null; requests: { id: string; requestNumber: string }[] } };
type Server = TestServer & { dropDatabase: () => Promise<void> };

interface Answer {
  status: number;
  text: string;
  data?: unknown;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

async function send(
  server: TestServer,
  body: string | Uint8Array<ArrayBuffer> | undefined,
  { headers = JSON_TYPE, method = 'POST', search = '' }: { headers?: Record<string, string>; method?: string; search?: string } = {},
): Promise<Answer> {
  const res = await fetch(`${server.url}/graphql${search}`, { method, headers, body });
  const text = await res.text();
  let parsed: object = {};
  try {
    parsed = JSON.parse(text) as object;
  } catch {
    // Not every refusal has a JSON body (HEAD); the status still tells.
  }
  return { ...parsed, status: res.status, text };
}

const operation = (server: TestServer, query: string, variables?: Record<string, unknown>) => send(server, JSON.stringify({ query, variables }));
const code = (answer: Answer) => answer.errors?.[0]?.extensions?.code;
/** What each answer is compared on: its label (so a failing row names itself), status and code. */
const outcome = (label: string, answer: Answer) => ({ label, status: answer.status, code: code(answer) });

/** One HTTP exchange over a bare socket, for requests fetch refuses to send. */
function rawHttp(url: string, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(new URL(url).port), '127.0.0.1', () => socket.write(request));
    let response = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within 5 s; got ${JSON.stringify(response.slice(0, 100))}`));
    }, 5_000);
    socket.on('data', (chunk) => (response += chunk.toString('latin1')));
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(response);
    });
    socket.on('error', () => undefined);
  });
}

function rawStatus(response: string): number {
  return Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1] ?? 0);
}

function rawCode(response: string): unknown {
  const body = response.slice(response.indexOf('\r\n\r\n') + 4);
  return (JSON.parse(body) as Answer).errors?.[0]?.extensions?.code;
}

async function manualHandle(server: TestServer): Promise<string> {
  const res = await server.gql<Lookup>(LOOKUP, { ...MANUAL, captchaToken: await solvedToken(server.url) });
  expect(res.errors).toBeUndefined();
  const row = res.data?.certificateRequests.requests.find((r) => r.requestNumber === '434070');
  expect(row).toBeDefined();
  return row!.id;
}

/** The server is up and answers the manual's lookup (with a solved CAPTCHA) and its detail. */
async function expectStillServes(server: TestServer): Promise<void> {
  const res = await server.gql(DETAIL, { id: await manualHandle(server) });
  expect(res.errors).toBeUndefined();
  expect(res.data).toEqual(MANUAL_DETAIL);
}

// ─── The hostile inputs, as data: the main battery and the production block share them. ───

const SQL = ["1' OR '1'='1", '1013592259; DROP TABLE applicant; --', '1 UNION SELECT full_name FROM applicant', "' OR 1=1 --"];
const SCRIPT = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', 'javascript:alert(1)'];

/** [label, idType, idNumber, reason]: refused before the CAPTCHA is even looked at. */
const BAD_ID_NUMBERS: [string, string, string, string][] = [
  ['empty', 'CC', '', 'REQUIRED'],
  ['only spaces', 'CC', '     ', 'REQUIRED'],
  ['only dots and spaces', 'NIT', ' . . ', 'REQUIRED'],
  ['65 digits (past the 64-character cap)', 'CC', '1'.repeat(65), 'LENGTH'],
  ['90 kB of digits (just under the body limit)', 'CC', '9'.repeat(90_000), 'LENGTH'],
  ['90 kB of letters', 'PA', 'A'.repeat(90_000), 'LENGTH'],
  ...SQL.map((s, i): [string, string, string, string] => [`SQL fragment ${i + 1}`, 'CC', s, 'DIGITS_ONLY']),
  ['SQL fragment in a passport', 'PA', "AB123'--", 'ALPHANUMERIC_ONLY'],
  ['SQL fragment in a NIT', 'NIT', "900123456-8' OR '1'='1", 'DIGITS_ONLY'],
  ...SCRIPT.map((s, i): [string, string, string, string] => [`script fragment ${i + 1}`, 'CC', s, 'DIGITS_ONLY']),
  ['script fragment in a passport', 'PA', '<script>', 'ALPHANUMERIC_ONLY'],
  ['a null byte inside', 'CC', '1013\u00002259', 'DIGITS_ONLY'],
  ['a trailing null byte', 'CC', '1013592259\u0000', 'DIGITS_ONLY'],
  ['only a null byte', 'CC', '\u0000', 'DIGITS_ONLY'],
  ['a null byte in a passport', 'PA', 'AB\u0000123456', 'ALPHANUMERIC_ONLY'],
  ['fullwidth digits', 'CC', '１０１３５９２２５９', 'DIGITS_ONLY'],
  ['Arabic-Indic digits', 'CC', '١٠١٣٥٩٢٢٥٩', 'DIGITS_ONLY'],
  ['Devanagari digits', 'CE', '१०१३५९२२५९', 'DIGITS_ONLY'],
  ['mathematical bold digits', 'CC', '𝟏𝟎𝟏𝟑𝟓𝟗𝟐𝟐𝟓𝟗', 'DIGITS_ONLY'],
  ['a zero-width space', 'CC', '1013\u200b592259', 'DIGITS_ONLY'],
  ['a right-to-left override', 'CC', '\u202e1013592259', 'DIGITS_ONLY'],
  ['a lone surrogate', 'CC', '\ud800101359', 'DIGITS_ONLY'],
  ['Cyrillic letters in a passport', 'PA', 'АВ123456', 'ALPHANUMERIC_ONLY'],
  ['a dotless i in a passport', 'PA', 'ıı1234', 'ALPHANUMERIC_ONLY'],
  ['a Kelvin sign in a passport', 'PA', '\u212a123456', 'ALPHANUMERIC_ONLY'],
  ['a fullwidth hyphen in a NIT', 'NIT', '900123456－8', 'DIGITS_ONLY'],
  ['an en dash in a NIT', 'NIT', '900123456–8', 'DIGITS_ONLY'],
  ['a wrong NIT check digit', 'NIT', '900123456-7', 'NIT_CHECK_DIGIT'],
];

/** Tokens that are not a solved challenge: [label, token, reason or null when none is given]. */
const BAD_TOKENS: [string, string | null | undefined, string | null][] = [
  ['missing', undefined, null],
  ['null', null, null],
  ['empty', '', null],
  ['90 kB', 'A'.repeat(90_000), 'MALFORMED'],
  ['one character over 4 kB', 'A'.repeat(4097), 'MALFORMED'],
  ...SQL.map((s, i): [string, string, string] => [`SQL fragment ${i + 1}`, s, 'MALFORMED']),
  ...SCRIPT.map((s, i): [string, string, string] => [`script fragment ${i + 1}`, s, 'MALFORMED']),
  ['a null byte', 'eyJ9\u0000', 'MALFORMED'],
  ['fullwidth base64', 'ｅｙＪ９', 'MALFORMED'],
  ['base64 of null', Buffer.from('null').toString('base64'), 'MALFORMED'],
  ['base64 of an array', Buffer.from('[1,2]').toString('base64'), 'MALFORMED'],
  ['base64 of deeply nested JSON', Buffer.from('['.repeat(1500) + ']'.repeat(1500)).toString('base64'), 'MALFORMED'],
  ['base64 of a payload with a non-hex nonce', Buffer.from(JSON.stringify({ challenge: { parameters: { nonce: "' OR 1=1", algorithm: 'PBKDF2/SHA-256' }, signature: 'x' }, solution: { counter: 1, derivedKey: 'ab' } })).toString('base64'), 'MALFORMED'],
];

/** Junk for requestDetail's id; each must get the one NOT_FOUND. */
const JUNK_IDS: [string, unknown][] = [
  ['empty', ''],
  ['a space', ' '],
  ['the request number', '434070'],
  ['the request number as an Int (ID accepts it)', 434070],
  ['the next request number', '434071'],
  ['90 kB', 'x'.repeat(90_000)],
  ...SQL.map((s, i): [string, string] => [`SQL fragment ${i + 1}`, s]),
  ...SCRIPT.map((s, i): [string, string] => [`script fragment ${i + 1}`, s]),
  ['66 null bytes', '\u0000'.repeat(66)],
  ['66 Cyrillic A', 'А'.repeat(66)],
  ['66 lone surrogates', '\ud800'.repeat(66)],
  ['66 base64url characters (the previous handle length)', 'A'.repeat(66)],
  ['49 random bytes, base64url', Buffer.alloc(49, 7).toString('base64url')],
  ['82 null bytes', '\u0000'.repeat(82)],
  ['82 base64url characters (a handle\'s length)', 'A'.repeat(82)],
  ['61 random bytes, base64url', Buffer.alloc(61, 7).toString('base64url')],
];

/** Variables of the wrong type, unknown enum values, nulls: Apollo's HTTP 400 BAD_USER_INPUT. */
const WRONG_VARIABLES: [string, string, Record<string, unknown>][] = [
  ['idType in lower case', LOOKUP, { ...MANUAL, idType: 'cc' }],
  ['idType in Cyrillic look-alikes', LOOKUP, { ...MANUAL, idType: 'СС' }],
  ['idType with a trailing space', LOOKUP, { ...MANUAL, idType: 'CC ' }],
  ["idType of a minor's document (TI)", LOOKUP, { ...MANUAL, idType: 'TI' }],
  ['idType empty', LOOKUP, { ...MANUAL, idType: '' }],
  ['idType as a number', LOOKUP, { ...MANUAL, idType: 1 }],
  ['idType as a list', LOOKUP, { ...MANUAL, idType: ['CC'] }],
  ['idType null', LOOKUP, { ...MANUAL, idType: null }],
  ['idNumber as a number', LOOKUP, { ...MANUAL, idNumber: 1013592259 }],
  ['idNumber as a boolean', LOOKUP, { ...MANUAL, idNumber: true }],
  ['idNumber as a list', LOOKUP, { ...MANUAL, idNumber: ['1013592259'] }],
  ['idNumber as an object', LOOKUP, { ...MANUAL, idNumber: { value: '1013592259' } }],
  ['idNumber null', LOOKUP, { ...MANUAL, idNumber: null }],
  ['idNumber missing', LOOKUP, { idType: 'CC' }],
  ['captchaToken as a number', LOOKUP, { ...MANUAL, captchaToken: 12345 }],
  ['captchaToken as an object', LOOKUP, { ...MANUAL, captchaToken: { challenge: {} } }],
  ['captchaToken as a list', LOOKUP, { ...MANUAL, captchaToken: ['token'] }],
  ['id as a float', DETAIL, { id: 434070.5 }],
  ['id as a boolean', DETAIL, { id: true }],
  ['id as an object', DETAIL, { id: { id: 434070 } }],
  ['id null', DETAIL, { id: null }],
  ['orderNumber as a number', DETAIL, { id: 'x', orderNumber: 434043 }],
];

/** Operations refused at validation (graphql-js, graphql-armor, the one-lookup rule): HTTP 400. */
const aliases = (n: number, field: string) => Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ');
const lookupField = (alias = '') => `${alias}certificateRequests(idType: CC, idNumber: "1013592259") { newRequestUrl }`;
const BAD_OPERATIONS: [string, string, RegExp][] = [
  ['depth 8 through __type', '{ __type(name: "Query") { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } }', /depth/i],
  ['depth 8 hidden in fragments', '{ ...A } fragment A on Query { __type(name: "Query") { ...B } } fragment B on __Type { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } }', /depth/i],
  ['6 aliases of requestDetail', `{ ${aliases(6, 'requestDetail(id: "x") { requestNumber }')} }`, /Aliases limit of 5/],
  ['6 aliases of one field', `{ requestDetail(id: "x") { ${aliases(6, 'requestNumber')} } }`, /Aliases limit of 5/],
  ['an alias flood of 50 detail lookups', `{ ${aliases(50, 'requestDetail(id: "x") { serialNumber }')} }`, /Aliases limit of 5/],
  ['6 directives', '{ requestDetail(id: "x") @skip(if: false) { requestNumber @include(if: true) serialNumber @include(if: true) holderName @include(if: true) steps @include(if: true) { kind @include(if: true) } } }', /Directives limit of 5/],
  ['a flood of 200 unknown directives', `{ __typename ${'@x '.repeat(200)} }`, /Directives limit of 5/],
  ['600 fields wide (cost)', `{ ${'__typename '.repeat(600)} }`, /Cost limit of 500/],
  ['40 detail lookups with their steps (cost)', `{ ${'requestDetail(id: "x") { steps { kind state modifiedOn information invoiceUrl } } '.repeat(40)} }`, /Cost limit of 500/],
  ['a fragment bomb (2^12 spreads)', `{ ...F12 } fragment F0 on Query { __typename } ${Array.from({ length: 12 }, (_, i) => `fragment F${i + 1} on Query { ...F${i} ...F${i} }`).join(' ')}`, /Cost limit of 500/],
  ['two lookups through an alias', `{ ${lookupField()} ${lookupField('b: ')} }`, /una sola persona/],
  ['two lookups through a named fragment', `{ ${lookupField()} ...F } fragment F on Query { ${lookupField()} }`, /una sola persona/],
  ['two lookups through an inline fragment', `{ ${lookupField()} ... on Query { ... on Query { ${lookupField('x: ')} } } }`, /una sola persona/],
  ['two lookups through two named fragments', `{ ...F ...G } fragment F on Query { ${lookupField()} } fragment G on Query { ${lookupField('x: ')} }`, /una sola persona/],
  ['a fragment cycle', '{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }', /within itself/],
  ['a fragment spreading itself', '{ ...A } fragment A on Query { __typename ...A }', /within itself/],
  ['an unknown fragment', '{ ...Nope }', /Unknown fragment/],
  ['an unknown field', '{ certificateRequest { newRequestUrl } }', /Cannot query field/],
  ['an unknown argument', '{ certificateRequests(idType: CC, idNumber: "1013592259", sql: "1=1") { newRequestUrl } }', /Unknown argument/],
  ['a missing required argument', '{ certificateRequests(idType: CC) { newRequestUrl } }', /required/],
  ['an Int literal for idNumber', '{ certificateRequests(idType: CC, idNumber: 1013592259) { newRequestUrl } }', /String cannot represent/],
  ['a string literal for the idType enum', '{ certificateRequests(idType: "CC", idNumber: "1013592259") { newRequestUrl } }', /Enum "IdType"/],
  ['an unknown idType literal', '{ certificateRequests(idType: TI, idNumber: "1013592259") { newRequestUrl } }', /IdType/],
  ['a null literal for idNumber', '{ certificateRequests(idType: CC, idNumber: null) { newRequestUrl } }', /String!/],
  ['a float literal for id', '{ requestDetail(id: 1.5) { requestNumber } }', /ID cannot represent/],
  ['a huge number literal for idNumber', '{ certificateRequests(idType: CC, idNumber: 1e99999) { newRequestUrl } }', /String cannot represent/],
  ['an unused variable', 'query ($a: String) { __typename }', /never used/],
  ['a variable of a type the schema does not have', 'query ($id: Float!) { requestDetail(id: $id) { requestNumber } }', /Unknown type "Float"/],
  ['a variable of the wrong type', 'query ($id: Boolean!) { requestDetail(id: $id) { requestNumber } }', /Variable "\$id" of type "Boolean!"/],
  ['a selection on a scalar', '{ requestDetail(id: "x") { requestNumber { x } } }', /must not have a selection/],
  ['no selection on an object', '{ requestDetail(id: "x") }', /must have a selection/],
];

/** Query text that does not parse, or parses past 1000 tokens. */
const MALFORMED_QUERIES: [string, string][] = [
  ['an unclosed argument list', '{ certificateRequests('],
  ['a lone brace', '{'],
  ['braces the wrong way round', '}{'],
  ['an unterminated string', '{ certificateRequests(idType: CC, idNumber: "1013592259) { newRequestUrl } }'],
  ['a null byte', '{ __typename\u0000 }'],
  ['a lone surrogate escape', '{ certificateRequests(idType: CC, idNumber: "\\ud800") { newRequestUrl } }'],
  ['a closing brace too many', '{ __typename } }'],
  ['a variable without a name', 'query ($: String) { __typename }'],
  ['SQL instead of GraphQL', "SELECT * FROM applicant WHERE id_number = '1' OR '1'='1'"],
  ['HTML instead of GraphQL', '<script>alert(1)</script>'],
];
const TOKEN_FLOODS: [string, string][] = [
  ['1,100 fields', `{ ${'__typename '.repeat(1_100)} }`],
  ['400 aliases of __typename (graphql-armor does not count those as aliases)', `{ ${aliases(400, '__typename')} }`],
  ['a 90 kB selection', `{ ${'__typename '.repeat(8_000)} }`],
];

describe.each(testDatabases())('bad input on $name', (database) => {
  let server: Server;
  let handle: string;

  beforeAll(async () => {
    server = await startServer(database);
    handle = await manualHandle(server);
  });
  afterAll(async () => {
    await server?.close();
    await server?.dropDatabase();
  });

  it('refuses every bad ID number with BAD_USER_INPUT naming idNumber and what is wrong, before the CAPTCHA', async () => {
    const answers = await Promise.all(
      BAD_ID_NUMBERS.map(([, idType, idNumber]) => operation(server, LOOKUP, { idType, idNumber, captchaToken: 'unused' })),
    );
    answers.forEach((answer, i) => {
      const [label, , , reason] = BAD_ID_NUMBERS[i];
      expect({ ...outcome(label, answer), reason: answer.errors?.[0]?.extensions?.reason, field: answer.errors?.[0]?.extensions?.field, data: answer.data }).toEqual({
        label,
        status: 200,
        code: 'BAD_USER_INPUT',
        reason,
        field: 'idNumber',
        data: null,
      });
    });
    await expectStillServes(server);
  });

  it('refuses every bad CAPTCHA token with CAPTCHA_INVALID, and a refused token spends nothing', async () => {
    const solved = await solvedToken(server.url);
    const tampered = [
      ['a solved token with a zero-width space', `${solved}\u200b`],
      ['a solved token with a null byte', `${solved}\u0000`],
      ['a solved token with a Cyrillic look-alike', solved.replace(/[A-Za-z]/, 'А')],
    ] as const;
    const cases: [string, string | null | undefined, string | null][] = [...BAD_TOKENS, ...tampered.map(([label, token]): [string, string, string] => [label, token, 'MALFORMED'])];
    const answers = await Promise.all(cases.map(([, captchaToken]) => operation(server, LOOKUP, { ...MANUAL, captchaToken })));
    answers.forEach((answer, i) => {
      const [label, , reason] = cases[i];
      const extensions = answer.errors?.[0]?.extensions;
      expect({ ...outcome(label, answer), field: extensions?.field, reason: extensions?.reason ?? null, data: answer.data }).toEqual({
        label,
        status: 200,
        code: 'CAPTCHA_INVALID',
        field: 'captchaToken',
        reason,
        data: null,
      });
    });
    const res = await server.gql<Lookup>(LOOKUP, { ...MANUAL, captchaToken: solved });
    expect(res.errors).toBeUndefined();
    expect(res.data?.certificateRequests.requests.map((r) => r.requestNumber)).toContain('434070');
    await expectStillServes(server);
  });

  it('refuses a forged challenge that asks for a billion PBKDF2 iterations at once, without computing them', async () => {
    const challenge = await fetchChallenge(server.url);
    const forge = (parameters: Record<string, unknown>) =>
      Buffer.from(JSON.stringify({ challenge: { ...challenge, parameters: { ...challenge.parameters, ...parameters } }, solution: { counter: 1, derivedKey: 'ab'.repeat(32) } })).toString('base64');
    const started = performance.now();
    const answers = await Promise.all(
      [forge({ cost: 1_000_000_000 }), forge({ keyLength: 100_000_000 }), forge({ algorithm: 'PBKDF2/SHA-512' }), forge({ keySignature: undefined })].map((captchaToken) =>
        operation(server, LOOKUP, { ...MANUAL, captchaToken }),
      ),
    );
    expect(performance.now() - started).toBeLessThan(2_000);
    for (const answer of answers) expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'CAPTCHA_INVALID', reason: 'FORGED' });
    await expectStillServes(server);
  });

  it('answers NOT_FOUND alike to every junk, altered, foreign, mismatched or expired request handle', async () => {
    const foreign = new HandleCodec('another-secret-'.padEnd(40, 'y'), 1_800);
    const ours = new HandleCodec(TEST_SECRET, 1_800);
    const lookupId = Buffer.alloc(8, 1);
    const handles: [string, unknown][] = [
      ...JUNK_IDS,
      ['the live handle with a Cyrillic look-alike', handle.slice(0, 5) + 'А' + handle.slice(6)],
      ['the live handle in fullwidth', [...handle].map((c) => (/[A-Za-z0-9]/.test(c) ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c)).join('')],
      ['the live handle with a null byte', `${handle}\u0000`],
      ['the live handle with padding', `${handle}==`],
      ['the live handle in upper case', handle.toUpperCase() === handle ? handle.toLowerCase() : handle.toUpperCase()],
      ['the live handle reversed', [...handle].reverse().join('')],
      ['the live handle with SQL appended', `${handle}' OR '1'='1`],
      ['a handle sealed under another secret', foreign.issue({ requestId: 1, applicantId: 1, lookupId })],
      ["a handle naming a request with someone else's applicant id", ours.issue({ requestId: 1, applicantId: 0xffffffff, lookupId })],
      ['a handle naming a request that does not exist', ours.issue({ requestId: 0xffffffff, applicantId: 1, lookupId })],
      ['a handle that expired an hour ago', ours.issue({ requestId: 1, applicantId: 1, lookupId }, Date.now() - 3_600_000 - 1_800_000)],
    ];
    const answers = await Promise.all(handles.map(([, id]) => operation(server, DETAIL, { id })));
    answers.forEach((answer, i) => {
      expect({ ...outcome(handles[i][0], answer), data: answer.data }).toEqual({ label: handles[i][0], status: 200, code: 'NOT_FOUND', data: { requestDetail: null } });
    });
    expect(new Set(answers.map((a) => a.errors?.[0]?.message)).size).toBe(1);
    await expectStillServes(server);
  });

  it('ignores whatever orderNumber carries while the second factor is off, junk included', async () => {
    const junk = ['', '9'.repeat(90_000), ...SQL, ...SCRIPT, '\u0000', '４３４０４３'];
    const answers = await Promise.all(junk.map((orderNumber) => operation(server, DETAIL, { id: handle, orderNumber })));
    for (const answer of answers) expect([answer.status, answer.data]).toEqual([200, MANUAL_DETAIL]);
    await expectStillServes(server);
  });

  it('refuses wrongly typed variables, unknown enum values and nulls with HTTP 400 BAD_USER_INPUT', async () => {
    const deeplyNested = `{"query":${JSON.stringify(LOOKUP)},"variables":{"idType":"CC","idNumber":${'['.repeat(40_000)}${']'.repeat(40_000)}}}`;
    const answers = await Promise.all([
      ...WRONG_VARIABLES.map(([, query, variables]) => operation(server, query, variables)),
      send(server, deeplyNested),
    ]);
    const labels = [...WRONG_VARIABLES.map(([label]) => label), 'idNumber as a list nested 40,000 deep'];
    answers.forEach((answer, i) => {
      expect({ ...outcome(labels[i], answer), data: answer.data }).toEqual({ label: labels[i], status: 400, code: 'BAD_USER_INPUT', data: undefined });
    });
    await expectStillServes(server);
  });

  it('refuses deep, wide, aliased, directive-laden, costly and multi-lookup operations at validation with HTTP 400', async () => {
    const answers = await Promise.all(BAD_OPERATIONS.map(([, query]) => operation(server, query)));
    answers.forEach((answer, i) => {
      const [label, , message] = BAD_OPERATIONS[i];
      expect({ ...outcome(label, answer), data: answer.data }).toEqual({ label, status: 400, code: 'GRAPHQL_VALIDATION_FAILED', data: undefined });
      expect(answer.errors?.map((e) => e.message).join('\n'), label).toMatch(message);
      // Field suggestions would map the schema for an attacker (graphql-armor hides them; the
      // development-only stack trace keeps graphql-js's original message).
      expect(answer.errors?.map((e) => e.message).join('\n'), label).not.toMatch(/Did you mean "/);
    });
    await expectStillServes(server);
  });

  it('refuses operations it cannot choose between with HTTP 400 OPERATION_RESOLUTION_FAILURE', async () => {
    const answers = await Promise.all([
      operation(server, 'query A { __typename } query B { __typename }'),
      send(server, JSON.stringify({ query: 'query A { __typename }', operationName: 'B' })),
      send(server, JSON.stringify({ query: 'query A { __typename }', operationName: 'x'.repeat(90_000) })),
    ]);
    for (const answer of answers) expect([answer.status, code(answer)]).toEqual([400, 'OPERATION_RESOLUTION_FAILURE']);
    await expectStillServes(server);
  });

  it('refuses malformed query text and token floods, and keeps serving', async () => {
    const cases = [...MALFORMED_QUERIES, ...TOKEN_FLOODS];
    const answers = await Promise.all(cases.map(([, query]) => operation(server, query)));
    answers.forEach((answer, i) => {
      expect(answer.data, cases[i][0]).toBeUndefined();
      expect(answer.status, cases[i][0]).toBeGreaterThanOrEqual(400);
      expect(code(answer), cases[i][0]).toMatch(/^GRAPHQL_(PARSE|VALIDATION)_FAILED$/);
    });
    await expectStillServes(server);
  });

  it('answers malformed query text with HTTP 400 GRAPHQL_PARSE_FAILED', async () => {
    const answers = await Promise.all(MALFORMED_QUERIES.map(([, query]) => operation(server, query)));
    answers.forEach((answer, i) => {
      expect(outcome(MALFORMED_QUERIES[i][0], answer)).toEqual({ label: MALFORMED_QUERIES[i][0], status: 400, code: 'GRAPHQL_PARSE_FAILED' });
    });
    await expectStillServes(server);
  });

  it('answers an operation of more than 1000 tokens with HTTP 400, refused while parsing', async () => {
    const answers = await Promise.all(TOKEN_FLOODS.map(([, query]) => operation(server, query)));
    answers.forEach((answer, i) => {
      expect(outcome(TOKEN_FLOODS[i][0], answer)).toEqual({
        label: TOKEN_FLOODS[i][0],
        status: 400,
        code: expect.stringMatching(/^GRAPHQL_(PARSE|VALIDATION)_FAILED$/),
      });
    });
    await expectStillServes(server);
  });

  it('refuses an operation of a root type the schema does not have as a bad request, not as an internal error', async () => {
    const queries = ['subscription { x }', `subscription S { ${lookupField()} }`, 'mutation { x }'];
    const answers = await Promise.all(queries.map((query) => operation(server, query)));
    answers.forEach((answer, i) => {
      expect(outcome(queries[i], answer)).toEqual({ label: queries[i], status: 400, code: expect.stringMatching(/^(GRAPHQL_VALIDATION_FAILED|BAD_REQUEST)$/) });
    });
    await expectStillServes(server);
  });

  it('refuses a body over 100 kB with HTTP 413 BAD_REQUEST before parsing it, whichever argument carries the megabyte', async () => {
    const huge = 'x'.repeat(MB);
    const bodies: [string, string][] = [
      ['a 1 MB idNumber', JSON.stringify({ query: LOOKUP, variables: { idType: 'CC', idNumber: '1'.repeat(MB) } })],
      ['a 1 MB captchaToken', JSON.stringify({ query: LOOKUP, variables: { ...MANUAL, captchaToken: huge } })],
      ['a 1 MB id', JSON.stringify({ query: DETAIL, variables: { id: huge } })],
      ['a 1 MB orderNumber', JSON.stringify({ query: DETAIL, variables: { id: handle, orderNumber: huge } })],
      ['a 1 MB idType', JSON.stringify({ query: LOOKUP, variables: { ...MANUAL, idType: huge } })],
      ['a 1 MB query text', JSON.stringify({ query: `{ __typename } #${huge}` })],
      ['a 1 MB operationName', JSON.stringify({ query: '{ __typename }', operationName: huge })],
      ['1 MB of unused variables', JSON.stringify({ query: '{ __typename }', variables: { junk: huge } })],
      ['1 MB of malformed JSON (refused on size, never parsed)', `{"query": ${huge}`],
      ['1 MB of text/plain', huge],
    ];
    const answers = await Promise.all(
      bodies.map(([label, body]) => send(server, body, { headers: label.includes('text/plain') ? { 'content-type': 'text/plain' } : JSON_TYPE })),
    );
    answers.forEach((answer, i) => expect(outcome(bodies[i][0], answer)).toEqual({ label: bodies[i][0], status: 413, code: 'BAD_REQUEST' }));

    const liedLength = await rawHttp(server.url, 'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 99999999999\r\nConnection: close\r\n\r\n{');
    expect([rawStatus(liedLength), rawCode(liedLength)]).toEqual([413, 'BAD_REQUEST']);
    const chunk = 'x'.repeat(128_000);
    const chunked = await rawHttp(
      server.url,
      `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n${chunk.length.toString(16)}\r\n${chunk}\r\n0\r\n\r\n`,
    );
    expect([rawStatus(chunked), rawCode(chunked)]).toEqual([413, 'BAD_REQUEST']);
    await expectStillServes(server);
  });

  it('refuses malformed JSON with HTTP 400 BAD_REQUEST', async () => {
    const bodies: [string, string | Uint8Array<ArrayBuffer>][] = [
      ['cut short', '{"query": '],
      ['empty', ''],
      ['a lone brace', '{'],
      ['a bare word', 'nul'],
      ['single quotes', "{'query': '{ __typename }'}"],
      ['a trailing comma', '{"query":"{ __typename }",}'],
      ['NaN', '{"query": NaN}'],
      ['a byte-order mark', `\ufeff${JSON.stringify({ query: '{ __typename }' })}`],
      ['bytes that are not UTF-8', new Uint8Array([0x7b, 0xff, 0xfe, 0x00, 0x7d])],
      ['a form body under a JSON content type', 'query=%7B__typename%7D'],
      ['GraphQL text under a JSON content type', '{ __typename }'],
    ];
    const answers = await Promise.all(bodies.map(([, body]) => send(server, body)));
    answers.forEach((answer, i) => expect(outcome(bodies[i][0], answer)).toEqual({ label: bodies[i][0], status: 400, code: 'BAD_REQUEST' }));
    await expectStillServes(server);
  });

  it('refuses JSON of the wrong shape with HTTP 400 BAD_REQUEST, and parses deeply nested JSON without falling over', async () => {
    const bodies: [string, string][] = [
      ['null', 'null'],
      ['a string', '"{ __typename }"'],
      ['a number', '42'],
      ['true', 'true'],
      ['an empty object', '{}'],
      ['query as a number', JSON.stringify({ query: 123 })],
      ['query as an object', JSON.stringify({ query: { query: '{ __typename }' } })],
      ['query empty', JSON.stringify({ query: '' })],
      ['no query', JSON.stringify({ variables: {} })],
      ['variables as a string', JSON.stringify({ query: '{ __typename }', variables: '{}' })],
      ['variables as a list', JSON.stringify({ query: '{ __typename }', variables: [1] })],
      ['extensions as a string', JSON.stringify({ query: '{ __typename }', extensions: '{}' })],
      ['operationName as a number', JSON.stringify({ query: '{ __typename }', operationName: 5 })],
    ];
    const answers = await Promise.all(bodies.map(([, body]) => send(server, body)));
    answers.forEach((answer, i) => expect(outcome(bodies[i][0], answer)).toEqual({ label: bodies[i][0], status: 400, code: 'BAD_REQUEST' }));

    const nested = await send(server, `{"query":"{ __typename }","variables":{"unused":${'['.repeat(45_000)}${']'.repeat(45_000)}},"extensions":{"x":${'{"a":'.repeat(1_000)}1${'}'.repeat(1_000)}}}`);
    expect([nested.status, nested.data]).toEqual([200, { __typename: 'Query' }]);
    const proto = await send(server, '{"query":"{ __typename }","variables":{"__proto__":{"polluted":true}},"extensions":{"constructor":{"prototype":{"polluted":true}}}}');
    expect([proto.status, proto.data]).toEqual([200, { __typename: 'Query' }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    await expectStillServes(server);
  });

  it('refuses batches (JSON arrays) with HTTP 400 BAD_REQUEST', async () => {
    const lookups = Array.from({ length: 50 }, () => ({ query: LOOKUP, variables: { ...MANUAL, captchaToken: 'x' } }));
    const bodies = [JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]), '[]', JSON.stringify(lookups), '[null]', '[[[]]]'];
    const answers = await Promise.all(bodies.map((body) => send(server, body)));
    for (const answer of answers) expect([answer.status, code(answer)]).toEqual([400, 'BAD_REQUEST']);
    await expectStillServes(server);
  });

  it('refuses wrong content types, wrong methods, and GET without a preflight header', async () => {
    const typename = JSON.stringify({ query: '{ __typename }' });
    const requests: [string, Parameters<typeof send>[1], Parameters<typeof send>[2], number][] = [
      ['text/plain (CSRF)', typename, { headers: { 'content-type': 'text/plain' } }, 400],
      ['form-encoded (CSRF)', 'query=%7B__typename%7D', { headers: { 'content-type': 'application/x-www-form-urlencoded' } }, 400],
      ['multipart (CSRF)', '--b\r\n\r\n--b--', { headers: { 'content-type': 'multipart/form-data; boundary=b' } }, 400],
      ['no content type (CSRF)', typename, { headers: {} }, 400],
      ['application/graphql', '{ __typename }', { headers: { 'content-type': 'application/graphql' } }, 400],
      ['application/xml', '<query>{ __typename }</query>', { headers: { 'content-type': 'application/xml' } }, 400],
      ['application/jsonx', typename, { headers: { 'content-type': 'application/jsonx' } }, 400],
      ['text/plain with a preflight header', typename, { headers: { 'content-type': 'text/plain', 'apollo-require-preflight': 'true' } }, 400],
      ['GET without a preflight header (CSRF)', undefined, { method: 'GET', headers: {}, search: `?query=${encodeURIComponent('{ __typename }')}` }, 400],
      ['GET of a lookup without a preflight header (CSRF)', undefined, { method: 'GET', headers: {}, search: `?query=${encodeURIComponent(LOOKUP)}&variables=${encodeURIComponent(JSON.stringify(MANUAL))}` }, 400],
      ['PUT', typename, { method: 'PUT' }, 405],
      ['PATCH', typename, { method: 'PATCH' }, 405],
      ['DELETE (CSRF)', undefined, { method: 'DELETE', headers: {} }, 400],
    ];
    const answers = await Promise.all(requests.map(([, body, init]) => send(server, body, init)));
    answers.forEach((answer, i) => {
      const [label, , , status] = requests[i];
      expect(outcome(label, answer)).toEqual({ label, status, code: 'BAD_REQUEST' });
      expect(answer.data, label).toBeUndefined();
    });
    const head = await fetch(`${server.url}/graphql`, { method: 'HEAD' });
    expect(head.status).toBe(400);
    await expectStillServes(server);
  });

  it('refuses an Authorization header that does not carry a live API key with HTTP 401 UNAUTHENTICATED', async () => {
    const headers = ['garbage', 'Bearer', 'Bearer ', `Bearer ${'x'.repeat(5_000)}`, "Bearer ' OR '1'='1", 'Bearer <script>', `Bearer ssps_${'A'.repeat(43)}`, 'Basic dXNlcjpwYXNz', 'Bearer ssps_ÿÿÿ'];
    const answers = await Promise.all(headers.map((authorization) => send(server, JSON.stringify({ query: LOOKUP, variables: MANUAL }), { headers: { ...JSON_TYPE, authorization } })));
    answers.forEach((answer, i) => expect(outcome(headers[i].slice(0, 30), answer)).toEqual({ label: headers[i].slice(0, 30), status: 401, code: 'UNAUTHENTICATED' }));
    await expectStillServes(server);
  });

  it('answers a persisted-query hash it has never seen with PERSISTED_QUERY_NOT_FOUND (the APQ protocol)', async () => {
    const answers = await Promise.all(
      ['a'.repeat(64), "' OR '1'='1", 'x'.repeat(90_000)].map((sha256Hash) => send(server, JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash } } }))),
    );
    // APQ answers this with HTTP 200 so that the client sends the text; with APQ turned off it is PERSISTED_QUERY_NOT_SUPPORTED.
    for (const answer of answers) expect(code(answer)).toMatch(/^PERSISTED_QUERY_NOT_(FOUND|SUPPORTED)$/);
    await expectStillServes(server);
  });

  // Automatic persisted queries are off: Apollo answers PERSISTED_QUERY_NOT_SUPPORTED, with the
  // HTTP 200 its protocol uses so that an APQ client falls back to sending the text.
  it('refuses a persisted query whose hash does not match its text, or of an unknown version, as not supported', async () => {
    const answers = await Promise.all([
      send(server, JSON.stringify({ query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } })),
      send(server, JSON.stringify({ query: '{ __typename }', extensions: { persistedQuery: { version: 2, sha256Hash: 'a'.repeat(64) } } })),
    ]);
    for (const answer of answers) expect(code(answer)).toBe('PERSISTED_QUERY_NOT_SUPPORTED');
    await expectStillServes(server);
  });

  it('survives a concurrent flood of all of the above and answers a normal lookup in the middle of it', async () => {
    const flood: Promise<Answer>[] = [
      ...BAD_ID_NUMBERS.map(([, idType, idNumber]) => operation(server, LOOKUP, { idType, idNumber, captchaToken: 'x' })),
      ...BAD_TOKENS.map(([, captchaToken]) => operation(server, LOOKUP, { ...MANUAL, captchaToken })),
      ...JUNK_IDS.map(([, id]) => operation(server, DETAIL, { id })),
      ...WRONG_VARIABLES.map(([, query, variables]) => operation(server, query, variables)),
      ...BAD_OPERATIONS.map(([, query]) => operation(server, query)),
      ...MALFORMED_QUERIES.map(([, query]) => operation(server, query)),
      ...Array.from({ length: 5 }, () => send(server, JSON.stringify({ query: LOOKUP, variables: { ...MANUAL, captchaToken: 'x'.repeat(MB) } }))),
      ...Array.from({ length: 10 }, () => send(server, '{"query": ')),
      ...Array.from({ length: 10 }, () => send(server, '{ __typename }', { headers: { 'content-type': 'text/plain' } })),
    ];
    const [answers] = await Promise.all([Promise.all(flood), expectStillServes(server)]);
    expect(answers).toHaveLength(flood.length);
    for (const answer of answers) {
      expect(answer.data ?? null, answer.text.slice(0, 200)).toEqual(answer.status === 200 && code(answer) === 'NOT_FOUND' ? { requestDetail: null } : null);
      expect(code(answer), answer.text.slice(0, 200)).toMatch(/^(BAD_USER_INPUT|CAPTCHA_INVALID|NOT_FOUND|BAD_REQUEST|GRAPHQL_(PARSE|VALIDATION)_FAILED)$/);
    }
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    await expectStillServes(server);
  });
});

// README, Configuration: production "keeps stack traces and SQL out of responses".
const LEAKS = [
  /stacktrace/i,
  /\bat [\w$.<>]+ \(/, // a stack frame: "at fn (file:line:col)"
  /\n\s+at /,
  /node:internal|node_modules|\/work\/|\.[jt]s:\d+/,
  /\b(SELECT|INSERT|UPDATE|JOIN|WHERE)\b/,
  /FROM applicant/i,
  /\b(applicant|certificate_request|certificate_type|request_step|used_captcha|lookup_audit|rate_limit|partner)\b/,
  /sqlite|mysql|mariadb|\bER_[A-Z_]+|SQLITE_/i,
  /typeorm|QueryFailedError/i,
  /Did you mean "/, // a field suggestion
];

describe.each(testDatabases())('bad input in production on $name', (database) => {
  let server: Server;

  beforeAll(async () => {
    server = await startServer(database, { NODE_ENV: 'production' });
  });
  afterAll(async () => {
    await server?.close();
    await server?.dropDatabase();
  });

  it('refuses the whole battery with a code each and keeps stack traces, SQL and table names out of every answer', async () => {
    // Inputs are free of SQL words where Apollo echoes them back (enum values, literals), so a match is a leak.
    const battery: Promise<Answer>[] = [
      ...BAD_ID_NUMBERS.map(([, idType, idNumber]) => operation(server, LOOKUP, { idType, idNumber, captchaToken: 'x' })),
      ...BAD_TOKENS.map(([, captchaToken]) => operation(server, LOOKUP, { ...MANUAL, captchaToken })),
      ...JUNK_IDS.map(([, id]) => operation(server, DETAIL, { id })),
      ...WRONG_VARIABLES.map(([, query, variables]) => operation(server, query, variables)),
      ...BAD_OPERATIONS.map(([, query]) => operation(server, query)),
      ...MALFORMED_QUERIES.filter(([label]) => label !== 'SQL instead of GraphQL').map(([, query]) => operation(server, query)),
      ...TOKEN_FLOODS.map(([, query]) => operation(server, query)),
      operation(server, 'subscription { x }'),
      send(server, JSON.stringify({ query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } })),
      send(server, JSON.stringify({ query: LOOKUP, variables: { ...MANUAL, idNumber: '1'.repeat(MB) } })),
      send(server, '{"query": '),
      send(server, '[]'),
      send(server, JSON.stringify({ query: 123 })),
      send(server, '{ __typename }', { headers: { 'content-type': 'text/plain' } }),
      send(server, undefined, { method: 'GET', headers: {} }),
      send(server, JSON.stringify({ query: LOOKUP, variables: MANUAL }), { headers: { ...JSON_TYPE, authorization: "Bearer ' OR '1'='1" } }),
    ];
    const answers = await Promise.all(battery);
    for (const answer of answers) {
      const excerpt = answer.text.slice(0, 300);
      expect(typeof code(answer), excerpt).toBe('string');
      for (const leak of LEAKS) expect(answer.text, excerpt).not.toMatch(leak);
    }
    await expectStillServes(server);
  });
});

// A request target the WHATWG URL parser refuses reaches the 'request' listener; only a separate
// process shows what it does to the server, so this runs against the compiled one.
describe.runIf(existsSync(MAIN) || process.env.CI === 'true')('request targets that are not URLs, against the compiled server', () => {
  it('answers GET //[ and GET http://[ with a 4xx and keeps running', async () => {
    const server = await startCompiledServer({ SSPS_WEB: '0', LOG_LEVEL: 'silent' });
    try {
      for (const target of ['//[', 'http://[']) {
        const response = await rawHttp(server.url, `GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
        expect(rawStatus(response), target).toBeGreaterThanOrEqual(400);
        expect(rawStatus(response), target).toBeLessThan(500);
      }
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    } finally {
      await server.stop();
    }
  });
});
