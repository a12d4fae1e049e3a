import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Database } from './database.ts';
import { applyMigrations } from './migrate.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';

const LOCAL_SERVER = 'postgresql://postgres@127.0.0.1:5432/postgres';

/** Where integration tests get their database: TEST_DATABASE_URL, the local server, or PGlite. */
export async function testDatabaseTarget(): Promise<{ kind: 'postgres'; url: string } | { kind: 'pglite' }> {
  const configured = process.env.TEST_DATABASE_URL;
  if (configured === 'pglite') return { kind: 'pglite' };
  const url = configured ?? LOCAL_SERVER;
  if (await reachable(url)) return { kind: 'postgres', url };
  if (configured !== undefined) throw new Error('TEST_DATABASE_URL is set but the server does not answer');
  return { kind: 'pglite' };
}

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * A fresh, migrated database of its own for one test file, so tests never see each other's rows.
 * On a server it is a new database dropped on close; otherwise an in-memory PGlite.
 */
export async function createTestDatabase(): Promise<Database> {
  const target = await testDatabaseTarget();
  if (target.kind === 'pglite') {
    const db = await openPglite();
    await applyMigrations(db);
    return db;
  }
  const name = `ldn_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const db = openPostgres({ url: await createDatabase(target.url, name), maxConnections: 5 });
  await applyMigrations(db);
  return {
    ...db,
    async close() {
      await db.close();
      await adminQuery(target.url, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

/**
 * A new, empty database of the given name on the tests' PostgreSQL server (dropped first if a
 * previous run left it), as a URL for DATABASE_URL; null when the tests run on PGlite. For a
 * process started the way an installer starts the product (the browser tests' fresh install).
 */
export async function emptyNamedDatabase(name: string): Promise<string | null> {
  if (!/^[a-z][a-z0-9_]{0,62}$/.test(name))
    throw new Error('A database name is lower-case letters, digits and _');
  const target = await testDatabaseTarget();
  if (target.kind === 'pglite') return null;
  await adminQuery(target.url, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  return createDatabase(target.url, name);
}

/** Creates a database on the server `serverUrl` reaches; its URL. */
async function createDatabase(serverUrl: string, name: string): Promise<string> {
  await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
