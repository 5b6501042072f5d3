import { SpanKind, SpanStatusCode, trace, type Attributes } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';

let provider: NodeTracerProvider | null = null;

/**
 * OpenTelemetry spans, sent to an OTLP/HTTP collector (OTEL_EXPORTER_OTLP_ENDPOINT) when one is
 * configured: one per HTTP request, one per GraphQL operation, one per piece of database work.
 * Without a collector nothing is set up and `traced` costs one branch. One provider per process.
 */
export function startTracing(endpoint: string | undefined): void {
  if (!endpoint || provider) return;
  provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: 'ssps' }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: `${endpoint.replace(/\/+$/, '')}/v1/traces` }), { scheduledDelayMillis: 1_000 })],
  });
  // Registers the async-hooks context manager: a span started inside another's work is its child.
  provider.register();
}

/** Sends what is buffered (at shutdown). */
export async function flushTracing(): Promise<void> {
  await provider?.forceFlush();
}

export function tracingOn(): boolean {
  return provider !== null;
}

/** Runs `work` inside a span named `name` (an error marks it failed); just runs it when tracing is off. */
export function traced<T>(name: string, attributes: Attributes, work: () => Promise<T>, kind: SpanKind = SpanKind.INTERNAL): Promise<T> {
  if (!provider) return work();
  return trace.getTracer('ssps').startActiveSpan(name, { kind, attributes }, async (span) => {
    try {
      return await work();
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.constructor.name : 'error' });
      throw error;
    } finally {
      span.end();
    }
  });
}

export { SpanKind };
