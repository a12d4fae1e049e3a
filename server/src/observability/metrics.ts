import type { Database } from '@ldn/db';
import type { RequestHandler } from 'express';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { RequestGate } from '../platform/in-flight.ts';
import { methodLabel, OperationNames, routeLabel } from './labels.ts';

/** Seconds: from a health check's millisecond to a slow analytics page. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** One GraphQL operation's outcome: `ok`, or the `extensions.code` of its first error. */
export interface OperationRecord {
  operation: string;
  type: string;
  outcome: string;
  /** Every error's code, one per error. */
  errorCodes: string[];
  seconds: number;
}

/**
 * The app's Prometheus metrics, in a registry of its own (one per app, so tests running several
 * apps in one process never share counters): HTTP requests, GraphQL operations and their errors,
 * the database pool, and with `processMetrics` Node's own (CPU, memory, event loop, GC).
 */
export class Metrics {
  readonly registry = new Registry();
  /** Bounds the `operation` label. */
  readonly operationNames = new OperationNames();

  private readonly httpRequests = new Counter({
    name: 'ldn_http_requests_total',
    help: 'HTTP requests answered, by method, route and status code.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  private readonly httpDuration = new Histogram({
    name: 'ldn_http_request_duration_seconds',
    help: 'Time from an HTTP request’s arrival to its response’s last byte, by method, route and status code.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  private readonly operations = new Counter({
    name: 'ldn_graphql_operations_total',
    help: 'GraphQL operations over HTTP, by operation name, type and outcome (ok, or the first error’s code).',
    labelNames: ['operation', 'type', 'outcome'] as const,
    registers: [this.registry],
  });
  private readonly operationDuration = new Histogram({
    name: 'ldn_graphql_operation_duration_seconds',
    help: 'Time a GraphQL operation took from parsing to its response, by operation name, type and outcome.',
    labelNames: ['operation', 'type', 'outcome'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  private readonly errors = new Counter({
    name: 'ldn_graphql_errors_total',
    help: 'GraphQL errors answered, by operation name and extensions.code.',
    labelNames: ['operation', 'code'] as const,
    registers: [this.registry],
  });

  constructor({ db, gate, processMetrics }: { db: Database; gate: RequestGate; processMetrics: boolean }) {
    if (processMetrics) collectDefaultMetrics({ register: this.registry });
    this.gauge(
      'ldn_http_requests_in_flight',
      'API requests being handled now (at most MAX_REQUESTS_IN_FLIGHT).',
      () => gate.inFlight,
    );
    this.gauge(
      'ldn_http_requests_waiting',
      'API requests waiting for one in flight to finish (above 0 for long: the process is saturated).',
      () => gate.waiting,
    );
    const pool = db.poolStats?.bind(db);
    // PGlite has one connection and no pool: no pool gauges rather than gauges that always read 1.
    if (pool === undefined) return;
    this.gauge(
      'ldn_db_pool_max_connections',
      'Connections the database pool may open (DATABASE_POOL_SIZE).',
      () => pool().max,
    );
    this.gauge(
      'ldn_db_pool_connections',
      'Connections the database pool holds open, busy or idle.',
      () => pool().total,
    );
    this.gauge(
      'ldn_db_pool_idle_connections',
      'Open connections waiting in the pool for a query.',
      () => pool().idle,
    );
    this.gauge(
      'ldn_db_pool_waiting_queries',
      'Queries waiting for a connection because every one is busy.',
      () => pool().waiting,
    );
  }

  /** A gauge read when scraped. */
  private gauge(name: string, help: string, read: () => number): void {
    new Gauge({
      name,
      help,
      registers: [this.registry],
      collect() {
        this.set(read());
      },
    });
  }

  /** Counts and times every HTTP response (WebSocket upgrades are not requests Express answers). */
  http(): RequestHandler {
    return (req, res, next) => {
      const started = process.hrtime.bigint();
      res.once('finish', () => {
        const labels = {
          method: methodLabel(req.method),
          route: routeLabel(req.originalUrl),
          status: String(res.statusCode),
        };
        this.httpRequests.inc(labels);
        this.httpDuration.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
      });
      next();
    };
  }

  recordOperation({ operation, type, outcome, errorCodes, seconds }: OperationRecord): void {
    this.operations.inc({ operation, type, outcome });
    this.operationDuration.observe({ operation, type, outcome }, seconds);
    for (const code of errorCodes) this.errors.inc({ operation, code });
  }
}
