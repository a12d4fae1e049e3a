import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Database } from './database.ts';
import { applyMigrations, readMigrations } from './migrate.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';

const LOCAL_SERVER = 'postgresql://postgres@127.0.0.1:5432/postgres';

/** Any fixed number (not the migration applier's): whoever builds or drops a template holds it. */
const TEMPLATE_LOCK_KEY = 7_245_302;
const TEMPLATE_PREFIX = 'ldn_template_';

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

export interface TestDatabaseOptions {
  /**
   * Apply every migration to a new empty database, as a new installation does, instead of copying
   * the migrated template: for the tests of the migrations and their applier.
   */
  migrateFromEmpty?: boolean;
  /** The pool's size (default 5); 1 puts every statement on one connection. */
  maxConnections?: number;
}

/**
 * A fresh, migrated database of its own for one test file, so tests never see each other's rows.
 * On a server it is a copy of a template migrated once per set of migrations (copying takes a
 * fraction of applying them all), dropped on close; otherwise an in-memory PGlite.
 */
export async function createTestDatabase({
  migrateFromEmpty = false,
  maxConnections = 5,
}: TestDatabaseOptions = {}): Promise<Database> {
  const target = await testDatabaseTarget();
  if (target.kind === 'pglite') {
    const db = await openPglite();
    await applyMigrations(db);
    return db;
  }
  const created = await newTestDatabase(target.url, migrateFromEmpty ? 'empty' : 'migrated');
  // As the server runs (DATABASE_PREPARED_STATEMENTS defaults on).
  const db = openPostgres({ url: created.url, maxConnections, preparedStatements: true });
  if (migrateFromEmpty) await applyMigrations(db);
  return {
    ...db,
    async close() {
      await db.close();
      await created.drop();
    },
  };
}

export interface TestDatabaseUrl {
  url: string;
  /** Drops it, whoever is still connected. */
  drop(): Promise<void>;
}

/**
 * A new database of its own on the tests' PostgreSQL server as a URL, for a test that hands a
 * DATABASE_URL to a command: `migrated` (a copy of the template, as createTestDatabase gives) or
 * `empty`. Null when the tests run on PGlite.
 */
export async function createTestDatabaseUrl(contents: 'migrated' | 'empty'): Promise<TestDatabaseUrl | null> {
  const target = await testDatabaseTarget();
  return target.kind === 'pglite' ? null : newTestDatabase(target.url, contents);
}

async function newTestDatabase(serverUrl: string, contents: 'migrated' | 'empty'): Promise<TestDatabaseUrl> {
  const name = `ldn_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const url =
    contents === 'empty'
      ? await createDatabase(serverUrl, name)
      : await copyMigratedTemplate(serverUrl, name);
  return { url, drop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
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
  return databaseUrl(serverUrl, name);
}

/**
 * Creates `name` as a copy of the template for the committed migrations, building the template
 * first when there is none (the first test of a run, or the first after a migration changed).
 */
async function copyMigratedTemplate(serverUrl: string, name: string): Promise<string> {
  const template = await templateName();
  const copy = () => adminQuery(serverUrl, `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  try {
    await copy();
  } catch (error) {
    // 3D000: no such template yet (or another run, on other migrations, has just dropped it).
    if ((error as { code?: string }).code !== '3D000') throw error;
    await buildTemplate(serverUrl, template);
    await copy();
  }
  return databaseUrl(serverUrl, name);
}

/** The template's name: a hash of every migration's name and text, so any change makes a new one. */
async function templateName(): Promise<string> {
  const hash = createHash('sha256');
  for (const migration of await readMigrations()) hash.update(`${migration.name}\0${migration.checksum}\0`);
  return `${TEMPLATE_PREFIX}${hash.digest('hex').slice(0, 16)}`;
}

/**
 * Migrates `template` from empty, under an advisory lock so that test workers starting together
 * build it once, and drops the templates of other migrations (earlier runs). It is built under
 * another name and renamed when complete, so a crash never leaves a half-migrated template; and it
 * takes no connections, because copying a database fails while anyone is connected to it.
 */
async function buildTemplate(serverUrl: string, template: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK_KEY]);
    const templates = async () =>
      (
        await admin.query<{ name: string }>(
          'SELECT datname AS name FROM pg_database WHERE starts_with(datname, $1)',
          [TEMPLATE_PREFIX],
        )
      ).rows.map((row) => row.name);
    if (!(await templates()).includes(template)) {
      const building = `${template}_build`;
      await admin.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
      await admin.query(`CREATE DATABASE "${building}"`);
      const db = openPostgres({ url: databaseUrl(serverUrl, building), maxConnections: 1 });
      try {
        await applyMigrations(db);
      } finally {
        await db.close();
      }
      await admin.query(`ALTER DATABASE "${building}" WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`);
      await admin.query(`ALTER DATABASE "${building}" RENAME TO "${template}"`);
    }
    // Nobody builds while the lock is held: every other name is a stale template or a dead build.
    for (const stale of (await templates()).filter((name) => name !== template)) {
      await admin.query(`ALTER DATABASE "${stale}" WITH IS_TEMPLATE false`);
      await admin.query(`DROP DATABASE IF EXISTS "${stale}" WITH (FORCE)`);
    }
  } finally {
    await admin.end();
  }
}

function databaseUrl(serverUrl: string, name: string): string {
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
