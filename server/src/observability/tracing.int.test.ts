import { SpanKind, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-node';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { tracingConfig } from '../platform/config.ts';
import { aNetwork, signIn } from '../test/builders.ts';
import { startTestServer, type TestServer } from '../test/harness.ts';
import { startTracing, type Tracing } from './tracing.ts';

const PATIENTS = 'query TracedPatients { patients(first: 5) { totalCount edges { node { id } } } }';

describe('tracing', () => {
  it.each([
    ['nothing is configured', {}],
    [
      'the exporter is none',
      { OTEL_TRACES_EXPORTER: 'none', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' },
    ],
    [
      'the SDK is disabled',
      { OTEL_SDK_DISABLED: 'true', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' },
    ],
  ])('starts no SDK when %s', (_case, env) => {
    expect(startTracing(tracingConfig(env))).toBeUndefined();
    // The API's global tracer is still the no-op one: nothing was registered.
    expect(trace.getTracer('probe').startSpan('probe').isRecording()).toBe(false);
  });

  describe('with an exporter', () => {
    const exported = new InMemorySpanExporter();
    let tracing: Tracing | undefined;
    let server: TestServer;
    let cookie: string;

    beforeAll(async () => {
      tracing = startTracing({ exporter: 'otlp', serviceName: 'ldn-trials-test' }, { exporter: exported });
      server = await startTestServer();
      const cast = await aNetwork(server.db.prisma);
      cookie = await signIn(server, cast.clinician);
    });
    afterAll(async () => {
      await server?.close();
      await tracing?.shutdown();
    });

    it('traces one GraphQL request as an HTTP span, its operation span and Prisma spans, in one trace', async () => {
      exported.reset();
      const response = await server.graphql(PATIENTS, {}, { cookie });
      expect(response.errors).toBeUndefined();

      // The HTTP span ends once the response is written, which may be after the client has it.
      const spans = await vi.waitFor(() => {
        const finished = exported.getFinishedSpans();
        if (!finished.some((span) => span.kind === SpanKind.SERVER)) throw new Error('no HTTP span yet');
        return finished;
      });
      const operation = spans.find((span) => span.name === 'query TracedPatients');
      expect(operation).toBeDefined();
      const inTrace = spans.filter((span) => span.spanContext().traceId === operation?.spanContext().traceId);
      const http = inTrace.find((span) => span.kind === SpanKind.SERVER);
      const prisma = inTrace.filter((span) => span.name.startsWith('prisma:'));

      expect(http?.attributes['http.method'] ?? http?.attributes['http.request.method']).toBe('POST');
      expect(parentOf(operation)).toBe(http?.spanContext().spanId);
      expect(operation?.attributes).toMatchObject({
        'graphql.operation.name': 'TracedPatients',
        'graphql.operation.type': 'query',
      });
      expect(prisma.length).toBeGreaterThan(0);
      // Prisma's spans hang under the operation (directly or through one another).
      const ids = new Set(inTrace.map((span) => span.spanContext().spanId));
      for (const span of prisma) expect(ids.has(parentOf(span) ?? '')).toBe(true);
      expect(prisma.some((span) => underOperation(span, inTrace, operation))).toBe(true);
    });

    it("keeps query strings and a patient link's token out of the HTTP spans, and traces no health probe", async () => {
      exported.reset();
      await fetch(`${server.url}/readyz`);
      await fetch(`${server.url}/accept-invitation?token=secret-one-time-token`);
      await fetch(`${server.url}/r/secret-patient-link-token`);
      const spans = await vi.waitFor(() => {
        const finished = exported.getFinishedSpans();
        if (finished.filter((span) => span.kind === SpanKind.SERVER).length < 2)
          throw new Error('no HTTP spans yet');
        return finished;
      });
      const http = spans.filter((span) => span.kind === SpanKind.SERVER);
      expect(http.map((span) => span.attributes['url.path'] ?? span.attributes['http.target'])).toEqual([
        '/accept-invitation',
        '/r/[token]',
      ]);
      const attributes = JSON.stringify(spans.map((span) => span.attributes));
      expect(attributes).not.toContain('secret-one-time-token');
      expect(attributes).not.toContain('secret-patient-link-token');
    });
  });
});

function parentOf(span: ReadableSpan | undefined): string | undefined {
  return span?.parentSpanContext?.spanId;
}

function underOperation(
  span: ReadableSpan,
  all: ReadableSpan[],
  operation: ReadableSpan | undefined,
): boolean {
  const byId = new Map(all.map((each) => [each.spanContext().spanId, each]));
  let current: ReadableSpan | undefined = span;
  while (current !== undefined) {
    const parent = parentOf(current);
    if (parent === operation?.spanContext().spanId) return true;
    current = parent === undefined ? undefined : byId.get(parent);
  }
  return false;
}
