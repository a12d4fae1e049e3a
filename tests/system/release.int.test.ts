import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyPostgresDatabase, type Started, startServer, stopProduct } from './product.ts';

// The image without Docker (CI has no engine): scripts/build-release.sh builds the folder the
// Dockerfile's last stage copies to /app, and the server is started from it with the Dockerfile's
// own CMD, as in production, on a new database; its first administrator comes from the `ldn`
// command of the same build, as `docker compose exec app ldn admin:create` runs it.
const repoRoot = resolve(import.meta.dirname, '..', '..');
const run = promisify(execFile);

/** The last stage's CMD (exec form), so the test starts exactly what the image starts. */
async function imageCommand(): Promise<string[]> {
  const dockerfile = await readFile(join(repoRoot, 'Dockerfile'), 'utf8');
  const commands = [...dockerfile.matchAll(/^CMD (\[.*\])$/gm)];
  const last = commands.at(-1)?.[1];
  if (last === undefined) throw new Error('the Dockerfile has no CMD in exec form');
  return JSON.parse(last) as string[];
}

/** The packages installed in the release (pnpm's store folder names: name@version…). */
const installedPackages = (release: string) => readdir(join(release, 'server', 'node_modules', '.pnpm'));

async function dropDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const server = new URL(url);
  server.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: server.toString() });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

async function graphql(url: string, query: string, variables: object, cookie?: string) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie === undefined ? {} : { cookie }) },
    body: JSON.stringify({ query, variables }),
  });
  return { body: await response.json(), cookie: response.headers.getSetCookie()[0]?.split(';')[0] };
}

describe('the release build (the image without Docker)', () => {
  let release: string;
  let dataDir: string;
  let databaseUrl: string | null;
  let env: Record<string, string>;

  beforeAll(async () => {
    release = await mkdtemp(join(tmpdir(), 'ldn-release-'));
    dataDir = await mkdtemp(join(tmpdir(), 'ldn-release-pglite-'));
    await run('bash', [join(repoRoot, 'scripts', 'build-release.sh'), release], {
      cwd: repoRoot,
      maxBuffer: 64 * 1024 * 1024,
    }).catch((error: Error & { stdout?: string; stderr?: string }) => {
      const output = `${error.stdout ?? ''}${error.stderr ?? ''}`.split('\n').slice(-40).join('\n');
      throw new Error(`scripts/build-release.sh failed:\n${output}`);
    });
    databaseUrl = await emptyPostgresDatabase(`ldn_release_${process.pid}`);
    env = {
      NODE_ENV: 'production',
      // The image's PATH puts the release's bin/ first: `ldn` is the build's own command.
      PATH: `${join(release, 'bin')}${delimiter}${process.env.PATH ?? ''}`,
      PUBLIC_URL: 'https://ldn.release.test',
      TRUST_PROXY: '1',
      // The release's own defaults (the portal beside the server), whatever the caller's say.
      WEB_DIST: '',
      SEED_DEMO: '',
      ...(databaseUrl === null
        ? { DATABASE_URL: '', ALLOW_EMBEDDED_DATABASE: 'true', PGLITE_DIR: dataDir }
        : { DATABASE_URL: databaseUrl }),
    };
  }, 300_000);

  afterAll(async () => {
    if (databaseUrl) await dropDatabase(databaseUrl);
    await rm(release, { recursive: true, force: true });
    await rm(dataDir, { recursive: true, force: true });
  });

  it('holds compiled JavaScript, production dependencies, the migrations and the portal, and no sources or build tools', async () => {
    expect(existsSync(join(release, 'server', 'dist', 'main.js'))).toBe(true);
    expect(existsSync(join(release, 'web', 'dist', 'index.html'))).toBe(true);
    const db = join(release, 'server', 'node_modules', '@ldn', 'db');
    expect(await readdir(db)).toEqual(expect.arrayContaining(['dist', 'migrations']));
    for (const source of [
      'server/src',
      'server/node_modules/@ldn/db/src',
      'server/node_modules/@ldn/rules/src',
    ])
      expect(existsSync(join(release, source)), source).toBe(false);
    const packages = await installedPackages(release);
    expect(packages.some((name) => name.startsWith('@prisma+client@'))).toBe(true);
    const tools = packages.filter((name) =>
      /^(tsx|esbuild|typescript|vite|vitest|prisma|@prisma\+studio-core)@/.test(name),
    );
    expect(tools).toEqual([]);
  });

  it('runs the patched dependencies (patches/), which the Dockerfile copies before its install', async () => {
    const typeGraphql = join(release, 'server', 'node_modules', 'type-graphql', 'build', 'esm');
    const authMiddleware = await readFile(join(typeGraphql, 'helpers', 'auth-middleware.js'), 'utf8');
    expect(authMiddleware).toContain('middleware.checkNow');
    const dockerfile = await readFile(join(repoRoot, 'Dockerfile'), 'utf8');
    const copied = dockerfile.indexOf('COPY patches/ patches/');
    expect(copied).toBeGreaterThan(-1);
    expect(copied).toBeLessThan(dockerfile.indexOf('RUN pnpm install'));
  });

  it('starts with the image command in production, takes its first administrator from `ldn admin:create`, and stops on SIGTERM', async () => {
    const created = await run(
      'ldn',
      ['admin:create', '--email', 'first.admin@release.test', '--name', 'Rhea Release'],
      { cwd: release, env: { ...process.env, ...env } },
    );
    const link = /(https:\/\/ldn\.release\.test\/accept-invitation\?token=([\w-]+))/.exec(created.stdout);
    expect(link?.[2]).toBeDefined();

    const started: Started = await startServer(await imageCommand(), release, env);
    try {
      expect(started.output()).not.toMatch(/Demo sign-ins|demo data loaded|without TRUST_PROXY/);
      const ready = await fetch(`${started.url}/readyz`);
      expect(ready.status).toBe(200);
      expect((await ready.json()).status).toBe('ready');
      const portal = await fetch(`${started.url}/people`);
      expect(portal.status).toBe(200);
      expect(await portal.text()).toContain('<div id="root">');

      const password = 'a release password of some length';
      const accepted = await graphql(
        started.url,
        'mutation ($token: String!, $password: String!) { acceptInvitation(token: $token, password: $password) { email } }',
        { token: link?.[2], password },
      );
      expect(accepted.body).toEqual({ data: { acceptInvitation: { email: 'first.admin@release.test' } } });
      const signedIn = await graphql(
        started.url,
        'mutation ($input: SignInInput!) { signIn(input: $input) { email role } }',
        { input: { email: 'first.admin@release.test', password } },
      );
      expect(signedIn.body).toEqual({
        data: { signIn: { email: 'first.admin@release.test', role: 'ADMIN' } },
      });
      const me = await graphql(started.url, '{ me { name } }', {}, signedIn.cookie);
      expect(me.body).toEqual({ data: { me: { name: 'Rhea Release' } } });
    } finally {
      expect(await stopProduct(started, 'SIGTERM')).toBe(0);
    }
  }, 120_000);
});
