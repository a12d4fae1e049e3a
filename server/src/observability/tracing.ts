import type { IncomingMessage } from 'node:http';
import { createRequire } from 'node:module';
import { context, propagation, type Span, trace } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  ConsoleSpanExporter,
  NodeTracerProvider,
  type ReadableSpan,
  SimpleSpanProcessor,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-node';
import { PrismaInstrumentation } from '@prisma/instrumentation';
import type { TracingConfig } from '../platform/config.ts';
import { loggablePath, secretOfPath } from '../platform/loggable-path.ts';

/** Probes a load balancer sends every few seconds: spans of them would drown the requests. */
const UNTRACED_PATHS = new Set(['/healthz', '/readyz']);

export interface Tracing {
  /** Sends the spans still buffered, then stops tracing and unpatches what it patched. */
  shutdown(): Promise<void>;
}

export interface TracingOptions {
  /** Tests collect spans in memory (InMemorySpanExporter), exported as soon as they end. */
  exporter?: SpanExporter;
}

/**
 * Starts OpenTelemetry tracing when `config` names an exporter; returns undefined, having loaded
 * and patched nothing, when it does not. Spans: one per HTTP request (but the health probes), one
 * per GraphQL operation (graphql-spans.ts) and Prisma's own (`prisma:client:*`, each statement's
 * SQL with placeholders, never its values). The OTLP exporter reads the standard variables itself
 * (OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, OTEL_EXPORTER_OTLP_HEADERS…).
 */
export function startTracing(config: TracingConfig, { exporter }: TracingOptions = {}): Tracing | undefined {
  const chosen = exporter ?? exporterFor(config.exporter);
  if (chosen === undefined) return undefined;
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': config.serviceName }),
    spanProcessors: [
      exporter === undefined ? new BatchSpanProcessor(chosen) : new SimpleSpanProcessor(chosen),
    ],
  });
  // Global tracer provider, AsyncLocalStorage context and W3C traceparent propagation.
  provider.register();
  const unregister = registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({
        disableOutgoingRequestInstrumentation: true,
        ignoreIncomingRequestHook: (request) => UNTRACED_PATHS.has(pathOf(request)),
        requestHook: (span, request) => {
          if ('socket' in request && 'httpVersion' in request) withoutQuery(span, request);
        },
      }),
      new PrismaInstrumentation(),
    ],
  });
  // The HTTP instrumentation patches `http` when it is next required. Our modules import it as
  // ESM, which a require hook never sees, so require it once here: the server's prototype is
  // patched whatever loaded it first, and whoever creates the server after.
  createRequire(import.meta.url)('node:http');
  let stopped: Promise<void> | undefined;
  return {
    shutdown() {
      stopped ??= (async () => {
        unregister();
        try {
          await provider.shutdown();
        } finally {
          trace.disable();
          context.disable();
          propagation.disable();
        }
      })();
      return stopped;
    },
  };
}

function exporterFor(kind: TracingConfig['exporter']): SpanExporter | undefined {
  if (kind === 'otlp') return new OTLPTraceExporter();
  if (kind === 'console') return new ConsoleSpanExporter();
  return undefined;
}

const pathOf = (request: IncomingMessage) => loggablePath(request.url ?? '');

/**
 * A query string could carry what a person typed, or a one-time link's token, and a patient link's
 * path is its token: both are cut from every attribute holding them, whichever HTTP conventions the
 * instrumentation follows (`http.target` and `http.url`, or `url.path` and `url.query`).
 */
function withoutQuery(span: Span, request: IncomingMessage): void {
  const url = request.url ?? '';
  const start = url.indexOf('?');
  const query = start < 0 ? undefined : url.slice(start);
  const secret = secretOfPath(url);
  if (query === undefined && secret === undefined) return;
  const attributes = (span as Partial<ReadableSpan>).attributes ?? {};
  for (const [key, original] of Object.entries(attributes)) {
    if (typeof original !== 'string') continue;
    let value = original;
    if (query !== undefined) {
      if (value === query.slice(1)) value = '[redacted]';
      else value = value.replace(query, '');
    }
    if (secret !== undefined) value = value.replaceAll(secret, '[token]');
    if (value !== original) span.setAttribute(key, value);
  }
}
