import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { solvedToken } from '../support/captcha.js';
import { testDatabases } from '../support/databases.js';
import { startServer } from '../support/server.js';

interface OtlpSpan {
  name: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  kind: number;
  attributes: { key: string; value: { stringValue?: string } }[];
}

/** A local OTLP/HTTP receiver (JSON), as an OpenTelemetry collector would run. */
async function otlpReceiver() {
  const spans: OtlpSpan[] = [];
  const bodies: string[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      if (req.url === '/v1/traces') {
        bodies.push(body);
        const payload = JSON.parse(body) as { resourceSpans: { scopeSpans: { spans: OtlpSpan[] }[] }[] };
        for (const r of payload.resourceSpans) for (const s of r.scopeSpans) spans.push(...s.spans);
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, spans, bodies, close: () => new Promise((r) => server.close(r)) };
}

describe('tracing (OTEL_EXPORTER_OTLP_ENDPOINT)', () => {
  it('sends a span for the HTTP request, its GraphQL operation and its SQL, one trace, nothing personal', async () => {
    const receiver = await otlpReceiver();
    const [database] = testDatabases();
    const server = await startServer(database, { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url });
    try {
      const res = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          operationName: 'Lookup',
          query: 'query Lookup($t: String) { certificateRequests(idType: CC, idNumber: "1013592259", captchaToken: $t) { requests { requestNumber } } }',
          variables: { t: await solvedToken(server.url) },
        }),
      });
      expect(res.status).toBe(200);
    } finally {
      // Closing flushes what is buffered.
      await server.close();
      await server.dropDatabase();
      await receiver.close();
    }
    const http = receiver.spans.find((s) => s.name === 'POST /graphql');
    const operation = receiver.spans.find((s) => s.name === 'graphql Lookup');
    const sql = receiver.spans.find((s) => s.name === 'db.read' && s.traceId === http?.traceId);
    expect(http).toBeDefined();
    expect(http!.kind).toBe(2); // SERVER
    expect(operation).toMatchObject({ traceId: http!.traceId, parentSpanId: http!.spanId });
    expect(sql).toBeDefined();
    // The SQL's span sits below the operation (through the resolver's database work).
    const ancestors = new Set<string>();
    for (let s: OtlpSpan | undefined = sql; s?.parentSpanId; s = receiver.spans.find((p) => p.spanId === s!.parentSpanId)) ancestors.add(s.parentSpanId);
    expect(ancestors.has(operation!.spanId)).toBe(true);
    expect(sql!.attributes.find((a) => a.key === 'db.query.text')?.value.stringValue).toMatch(/^\s*SELECT/);
    const everything = receiver.bodies.join('');
    expect(everything).not.toContain('1013592259');
    expect(everything).not.toContain('captchaToken":"');
  });
});
