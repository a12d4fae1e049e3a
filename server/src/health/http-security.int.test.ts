import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aNetwork, TEST_PASSWORD } from '../test/builders.ts';
import { startTestServer, type TestServer } from '../test/harness.ts';

/** A built portal in miniature: the shell, a script, and the source map a Vite build leaves. */
async function aBuiltPortal(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ldn-web-security-'));
  await mkdir(join(dir, 'assets'));
  await writeFile(
    join(dir, 'index.html'),
    '<!doctype html><title>LDN trials</title><script type="module" src="/assets/index.js"></script>',
  );
  await writeFile(join(dir, 'assets', 'index.js'), 'console.log("portal");\n');
  await writeFile(join(dir, 'assets', 'index.js.map'), '{"version":3,"sources":["src/main.tsx"]}');
  return dir;
}

const post = (url: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });

describe('security headers', () => {
  let server: TestServer;
  let webDist: string;
  beforeAll(async () => {
    webDist = await aBuiltPortal();
    server = await startTestServer({ env: { WEB_DIST: webDist } });
  });
  afterAll(async () => {
    await server?.close();
    await rm(webDist, { recursive: true, force: true });
  });

  it.each(['/', '/patients/x', '/assets/index.js', '/healthz', '/readyz', '/graphql'])(
    'sets them on %s',
    async (path) => {
      const response =
        path === '/graphql'
          ? await post(server.url, '{"query":"{ __typename }"}')
          : await fetch(server.url + path);
      expect(response.status).toBeLessThan(400);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-powered-by')).toBeNull();
    },
  );

  it('lets nobody keep a GraphQL answer, a refused one included', async () => {
    const answered = await post(server.url, '{"query":"{ __typename }"}');
    const refused = await post(server.url, '{"query":"{ nope }"}');
    expect(refused.status).toBe(400);
    for (const response of [answered, refused])
      expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('sends no HSTS outside production (plain-HTTP localhost must keep working)', async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.headers.get('strict-transport-security')).toBeNull();
  });

  it('sets them on refusals too', async () => {
    const response = await post(server.url, '{"query":');
    expect(response.status).toBe(400);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });
});

describe('in production', () => {
  let server: TestServer;
  let webDist: string;
  beforeAll(async () => {
    webDist = await aBuiltPortal();
    server = await startTestServer({ env: { WEB_DIST: webDist, NODE_ENV: 'production' } });
  });
  afterAll(async () => {
    await server?.close();
    await rm(webDist, { recursive: true, force: true });
  });

  it('sends HSTS', async () => {
    const response = await fetch(`${server.url}/`);
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=31536000/);
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });

  it('serves the portal but none of its source maps', async () => {
    expect((await fetch(`${server.url}/assets/index.js`)).status).toBe(200);
    const map = await fetch(`${server.url}/assets/index.js.map`);
    expect(map.status).toBe(404);
    expect(await map.text()).not.toContain('sources');
    // Nor through the client-side routes' fallback.
    expect((await fetch(`${server.url}/assets/missing.js.map`)).status).toBe(404);
  });
});

describe('client errors are 4xx with honest messages', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('refuses a query over the token limit with 400 and says so', async () => {
    const fields = Array.from({ length: 2_100 }, () => '__typename').join(' ');
    const response = await post(server.url, JSON.stringify({ query: `{ ${fields} }` }));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(body.errors[0]?.message).toBe('Token limit of 2000 exceeded.');
  });

  it.each([
    [
      'depth',
      `{ patient(id: "x") { ${'trials { patient { '.repeat(6)}id${' } }'.repeat(6)} } }`,
      /^Query depth limit of 10 exceeded/,
    ],
    [
      'aliases',
      `{ ${Array.from({ length: 20 }, (_, i) => `a${i}: apiVersion`).join(' ')} }`,
      /^Aliases limit of 15 exceeded/,
    ],
  ])('refuses a query over the %s limit with 400, not as a syntax error', async (_limit, query, message) => {
    const response = await post(server.url, JSON.stringify({ query }));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(body.errors[0]?.message).toMatch(message);
    expect(body.errors[0]?.message).not.toMatch(/syntax/i);
  });

  it('keeps "Syntax Error" for what is one', async () => {
    const response = await post(server.url, JSON.stringify({ query: '{ __typename ' }));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(body.errors[0]?.message).toMatch(/^Syntax Error/);
  });

  it('answers a body that is not JSON with 400 and a JSON error, no stack trace', async () => {
    const response = await post(server.url, '{"query":');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    const body = await response.text();
    expect(JSON.parse(body)).toEqual({
      errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }],
    });
    expect(body).not.toMatch(/at .*\.js:|node_modules/);
  });

  it('answers a body over the size limit with 413 and a JSON error', async () => {
    const huge = JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(1_100_000) } });
    const response = await post(server.url, huge);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      errors: [{ message: 'The request body is too large.', extensions: { code: 'BAD_REQUEST' } }],
    });
  });
});

describe('request ids', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('are the server’s own, whatever X-Request-Id the client sends', async () => {
    const first = await fetch(`${server.url}/healthz`, { headers: { 'x-request-id': 'trace-12345678' } });
    const second = await fetch(`${server.url}/healthz`, { headers: { 'x-request-id': 'trace-12345678' } });
    const ids = [first.headers.get('x-request-id'), second.headers.get('x-request-id')];
    for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[0]).not.toBe(ids[1]);
  });

  it('put the server’s id, never the client’s, in the audit row', async () => {
    const { clinician } = await aNetwork(server.db.prisma);
    const response = await post(
      server.url,
      JSON.stringify({
        query: 'mutation ($input: SignInInput!) { signIn(input: $input) { id } }',
        variables: { input: { email: clinician.email, password: TEST_PASSWORD } },
      }),
      { 'x-request-id': 'someone-elses-request-0001' },
    );
    expect(response.status).toBe(200);
    const requestId = response.headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const rows = await server.db.prisma.auditLog.findMany({ where: { entityId: clinician.id } });
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.requestId).toBe(requestId);
    expect(
      await server.db.prisma.auditLog.count({ where: { requestId: 'someone-elses-request-0001' } }),
    ).toBe(0);
  });
});
