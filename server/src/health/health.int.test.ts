import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test/harness.ts';

describe('health and the HTTP surface', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('answers /healthz while the process is up', async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('answers /readyz once the database answers and is migrated', async () => {
    const response = await fetch(`${server.url}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ready' });
  });

  it('answers { __typename } at /graphql', async () => {
    const response = await server.graphql('{ __typename }');
    expect(response.status).toBe(200);
    expect(response.data).toEqual({ __typename: 'Query' });
  });

  it('refuses a GET query a browser could send cross-site (CSRF prevention)', async () => {
    const response = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ __typename }')}`);
    expect(response.status).toBe(400);
  });

  it("gives every response a request id of its own, never the caller's (http-security.int.test.ts)", async () => {
    const response = await fetch(`${server.url}/healthz`, { headers: { 'x-request-id': 'trace-12345678' } });
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers a malformed query with a parse error and no stack trace', async () => {
    const response = await server.graphql('{ __typename ');
    expect(response.errors?.[0]?.extensions?.code).toMatch(/^GRAPHQL_(PARSE|VALIDATION)_FAILED$/);
    expect(JSON.stringify(response.errors)).not.toMatch(/stacktrace|at .*\.ts:/);
  });

  it('reports not ready while a committed migration is not applied', async () => {
    await server.db.withSession((s) =>
      s.exec(`UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name LIKE '%_init'`),
    );
    try {
      const response = await fetch(`${server.url}/readyz`);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ status: 'migrations pending' });
    } finally {
      await server.db.withSession((s) => s.exec(`UPDATE "_prisma_migrations" SET rolled_back_at = NULL`));
    }
  });
});

describe('query limits', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('refuses a query nested deeper than the limit, before running it', async () => {
    const deep = `{ patient(id: "x") { ${'trials { patient { '.repeat(6)}id${' } }'.repeat(6)} } }`;
    const response = await server.graphql(deep);
    expect(response.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(response.errors?.[0]?.message).toMatch(/depth/i);
  });

  it('runs a query within the depth limit as usual', async () => {
    const shallow = `{ patient(id: "x") { ${'trials { patient { '.repeat(2)}id${' } }'.repeat(2)} } }`;
    const response = await server.graphql(shallow);
    expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses too many aliases in one query', async () => {
    const aliases = Array.from({ length: 20 }, (_, i) => `a${i}: apiVersion`).join(' ');
    const response = await server.graphql(`{ ${aliases} }`);
    expect(response.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(response.data ?? null).toBeNull();
  });
});

describe('malformed arguments', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('answers an explicit null for a non-null argument with BAD_USER_INPUT, not a server error', async () => {
    const response = await server.graphql(
      'query ($first: Int) { pharmacyQueue(first: $first) { pageInfo { hasNextPage } } }',
      { first: null },
    );
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});
