import type { ApolloServerPlugin } from '@apollo/server';
import { context, type Span, SpanStatusCode, trace } from '@opentelemetry/api';
import type { Request, RequestHandler } from 'express';
import type { Context } from '../graphql/context.ts';
import { errorCodeLabel, operationTypeLabel } from './labels.ts';
import type { Metrics } from './metrics.ts';

// One GraphQL operation over HTTP, observed twice: a span (when tracing is on; otherwise the
// OpenTelemetry API hands out spans that record nothing) and the operation metrics. Both name it
// by its bounded label (labels.ts), never by its text or variables.

const spans = new WeakMap<Request, Span>();

/**
 * Opens the operation's span and makes it current for everything the request does next (the
 * context, the resolvers, Prisma's spans). Placed after the body parser: a parser's callbacks run
 * in the socket's context, which would lose it. Named once the operation is known (below).
 */
export function graphqlSpans(): RequestHandler {
  return (req, res, next) => {
    // Looked up each time: a tracer kept across a restart of tracing (tests) would feed the old provider.
    const span = trace.getTracer('ldn-trials/graphql').startSpan('graphql');
    spans.set(req, span);
    // A request Apollo never answers itself (its context could not be built) still ends its span.
    res.once('close', () => span.end());
    context.with(trace.setSpan(context.active(), span), next);
  };
}

/** Records each operation once answered: its metrics, and its span's name, attributes and status. */
export function observeOperations(metrics: Metrics): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ request, operationName, operation, response, contextValue }) {
          // Resolved from the document when it parsed; else the name the client claimed, bounded alike.
          const name = metrics.operationNames.label(operationName ?? request.operationName);
          const type = operationTypeLabel(operation?.operation);
          const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          const errorCodes = errors.map((error) => errorCodeLabel(error.extensions?.code));
          const outcome = errorCodes[0] ?? 'ok';
          metrics.recordOperation({
            operation: name,
            type,
            outcome,
            errorCodes,
            seconds: Number(process.hrtime.bigint() - started) / 1e9,
          });
          const span = spans.get(contextValue.req);
          if (span === undefined) return;
          span.updateName(`${type} ${name}`);
          span.setAttributes({ 'graphql.operation.name': name, 'graphql.operation.type': type });
          if (outcome !== 'ok') {
            span.setAttribute('graphql.error.code', outcome);
            span.setStatus({ code: SpanStatusCode.ERROR, message: outcome });
          }
        },
      };
    },
  };
}
