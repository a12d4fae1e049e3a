import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openPostgres } from '@ldn/db';
import { testDatabaseTarget } from '@ldn/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = resolve(import.meta.dirname, '..', '..', '..');
const tsx = join(repoRoot, 'server', 'node_modules', '.bin', 'tsx');
const command = join(repoRoot, 'server', 'src', 'cli', 'ldn.ts');

/**
 * Where the command's database is: a new database on the test server (as DATABASE_URL), or, with
 * no server, a new embedded data directory (slow: PGlite's first start creates the cluster).
 */
async function aDatabaseForTheCommand(): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  const target = await testDatabaseTarget();
  if (target.kind === 'pglite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'ldn-admin-create-'));
    return {
      env: { DATABASE_URL: '', PGLITE_DIR: dataDir },
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  // A generated name, never input: safe to put into the statement.
  const name = `ldn_test_cli_${process.pid}_${randomBytes(4).toString('hex')}`;
  const server = openPostgres({ url: target.url, maxConnections: 1 });
  await server.withSession((session) => session.exec(`CREATE DATABASE "${name}"`));
  const url = new URL(target.url);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    async drop() {
      await server.withSession((session) => session.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
      await server.close();
    },
  };
}

describe('the ldn admin:create command', () => {
  let database: Awaited<ReturnType<typeof aDatabaseForTheCommand>>;
  const run = (...args: string[]) =>
    spawnSync(tsx, ['--conditions=development', command, 'admin:create', ...args], {
      encoding: 'utf8',
      env: { ...process.env, ...database.env, PORT: '4555', SEED_DEMO: 'false' },
      // A database left open would keep the process alive: the timeout turns that into a failure.
      timeout: 90_000,
    });
  beforeAll(async () => {
    database = await aDatabaseForTheCommand();
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('migrates, prints a full invitation link, exits, and refuses a second run', () => {
    const first = run('--email', 'root@example.test', '--name', 'Root Admin');
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/http:\/\/localhost:4555\/accept-invitation\?token=[\w-]{43}/);
    const second = run('--email', 'other@example.test', '--name', 'Other');
    expect(second.status).toBe(1);
    expect(second.stderr).toMatch(/already exists.*--force/);
    const usage = run('--email', 'x@example.test');
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/Usage: ldn admin:create --email/);
  }, 240_000);
});
