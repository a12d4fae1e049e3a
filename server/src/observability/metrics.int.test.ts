import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../platform/logger.ts';
import { aNetwork, signIn } from '../test/builders.ts';
import { startTestServer, type TestServer } from '../test/harness.ts';
import { serveMetrics } from './metrics-server.ts';

/** One sample of Prometheus' text format: its name, labels and value. */
interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

function parse(text: string): Sample[] {
  return text.split('\n').flatMap((line) => {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (match === null) return [];
    const labels = Object.fromEntries(
      [...(match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)].map((m) => [
        m[1],
        m[2],
      ]),
    );
    return [{ name: match[1] ?? '', labels, value: Number(match[3]) }];
  });
}

/** The value of the sample named `name` whose labels are exactly `labels` (0 when there is none). */
function sampleValue(samples: Sample[], name: string, labels: Record<string, string> = {}): number {
  const wanted = JSON.stringify(Object.entries(labels).sort());
  const found = samples.find(
    (sample) => sample.name === name && JSON.stringify(Object.entries(sample.labels).sort()) === wanted,
  );
  return found?.value ?? 0;
}

describe('Prometheus metrics', () => {
  let server: TestServer;
  let metricsServer: Server;
  let metricsUrl: string;
  let cookie: string;
  const scrape = async () => parse(await (await fetch(`${metricsUrl}/metrics`)).text());

  beforeAll(async () => {
    // METRICS_PORT turns Node's own metrics on; the test serves them on a free port itself.
    server = await startTestServer({ env: { METRICS_PORT: '9464' } });
    metricsServer = serveMetrics(server.app.metrics.registry, 0, '127.0.0.1', createLogger('silent'));
    await new Promise<void>((resolve) => metricsServer.once('listening', () => resolve()));
    metricsUrl = `http://127.0.0.1:${(metricsServer.address() as AddressInfo).port}`;
    const cast = await aNetwork(server.db.prisma);
    cookie = await signIn(server, cast.clinician);
  });
  afterAll(async () => {
    await new Promise((resolve) => metricsServer?.close(resolve));
    await server?.close();
  });

  it('are not served on the public port', async () => {
    const response = await fetch(`${server.url}/metrics`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('ldn_http_requests_total');
  });

  it('are served at GET /metrics on their own port, and nothing else is', async () => {
    const response = await fetch(`${metricsUrl}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    expect((await fetch(`${metricsUrl}/graphql`)).status).toBe(404);
    expect((await fetch(`${metricsUrl}/metrics`, { method: 'POST' })).status).toBe(404);
  });

  it('count HTTP requests by method, route and status, with their latency', async () => {
    const before = await scrape();
    const labels = { method: 'GET', route: '/healthz', status: '200' };
    await fetch(`${server.url}/healthz`);
    await fetch(`${server.url}/healthz`);
    await fetch(`${server.url}/patients/some-record-id`);
    const after = await scrape();
    expect(
      sampleValue(after, 'ldn_http_requests_total', labels) -
        sampleValue(before, 'ldn_http_requests_total', labels),
    ).toBe(2);
    expect(sampleValue(after, 'ldn_http_request_duration_seconds_count', labels)).toBeGreaterThanOrEqual(2);
    // A portal page is counted by its kind, never by its path (which carries record ids).
    expect(
      sampleValue(after, 'ldn_http_requests_total', { method: 'GET', route: 'portal', status: '503' }),
    ).toBe(1);
    expect(after.some((sample) => JSON.stringify(sample.labels).includes('some-record-id'))).toBe(false);
  });

  it('count GraphQL operations by name, type and outcome, and errors by code', async () => {
    const before = await scrape();
    await server.graphql('query Me { me { id } }', {}, { cookie });
    await server.graphql('query Me { me { id } }', {}, { cookie });
    await server.graphql('query MissingPatient { patient(id: "no-such-patient") { id } }', {}, { cookie });
    await server.graphql('{ apiVersion }');
    const after = await scrape();
    const delta = (name: string, labels: Record<string, string>) =>
      sampleValue(after, name, labels) - sampleValue(before, name, labels);

    expect(delta('ldn_graphql_operations_total', { operation: 'Me', type: 'query', outcome: 'ok' })).toBe(2);
    expect(
      delta('ldn_graphql_operation_duration_seconds_count', {
        operation: 'Me',
        type: 'query',
        outcome: 'ok',
      }),
    ).toBe(2);
    expect(
      delta('ldn_graphql_operations_total', {
        operation: 'MissingPatient',
        type: 'query',
        outcome: 'NOT_FOUND',
      }),
    ).toBe(1);
    expect(delta('ldn_graphql_errors_total', { operation: 'MissingPatient', code: 'NOT_FOUND' })).toBe(1);
    expect(
      delta('ldn_graphql_operations_total', { operation: 'anonymous', type: 'query', outcome: 'ok' }),
    ).toBe(1);
  });

  it('label an operation by a bounded name: one that is not a GraphQL name is "invalid"', async () => {
    const before = await scrape();
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ apiVersion }', operationName: 'Ann Smith 1980-02-03' }),
    });
    expect(response.status).toBe(400);
    const after = await scrape();
    const labels = { operation: 'invalid', type: 'unknown', outcome: 'OPERATION_RESOLUTION_FAILURE' };
    expect(sampleValue(after, 'ldn_graphql_operations_total', labels)).toBe(
      sampleValue(before, 'ldn_graphql_operations_total', labels) + 1,
    );
    expect(after.some((sample) => JSON.stringify(sample.labels).includes('Ann Smith'))).toBe(false);
  });

  it('report the database pool on PostgreSQL (none on PGlite, which has no pool), the requests in flight and Node’s own', async () => {
    const samples = await scrape();
    const pooled = server.db.kind === 'postgres';
    expect(samples.some((sample) => sample.name === 'ldn_db_pool_max_connections')).toBe(pooled);
    if (pooled) {
      const stats = server.db.poolStats?.();
      expect(sampleValue(samples, 'ldn_db_pool_max_connections')).toBe(stats?.max);
      expect(sampleValue(samples, 'ldn_db_pool_connections')).toBeGreaterThan(0);
      expect(samples.some((sample) => sample.name === 'ldn_db_pool_idle_connections')).toBe(true);
      expect(samples.some((sample) => sample.name === 'ldn_db_pool_waiting_queries')).toBe(true);
    }
    expect(samples.some((sample) => sample.name === 'process_cpu_user_seconds_total')).toBe(true);
    expect(samples.some((sample) => sample.name === 'nodejs_eventloop_lag_seconds')).toBe(true);
    // The scrape is no API request: none in flight, none waiting (in-flight.int.test.ts holds some).
    for (const name of ['ldn_http_requests_in_flight', 'ldn_http_requests_waiting']) {
      expect(samples.filter((sample) => sample.name === name).map((sample) => sample.value)).toEqual([0]);
    }
  });
});
