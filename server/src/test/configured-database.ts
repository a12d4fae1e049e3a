import { randomBytes } from 'node:crypto';
import { type Database, openPostgres } from '@ldn/db';
import { testDatabaseTarget } from '@ldn/db/testing';
import { type Config, loadConfig } from '../platform/config.ts';
import { migrateConfiguredDatabase, openConfiguredDatabase } from '../platform/database.ts';

export interface ConfiguredDatabase {
  /** Its DATABASE_URL. */
  url: string;
  config: Config;
  /** Opened as the server opens it (pool size, statement timeout) and migrated as at start. */
  db: Database;
  /** Another process's connections to it, without the app's settings: locks, terminations. */
  other: Database;
  close(): Promise<void>;
}

/**
 * A new database on the tests' PostgreSQL server, configured as an operator would: `env` over a
 * DATABASE_URL naming it, `{url}` in a value standing for that URL. Null when the tests run on
 * PGlite, which has no server settings to test.
 */
export async function aConfiguredDatabase(
  env: Record<string, string> = {},
): Promise<ConfiguredDatabase | null> {
  const target = await testDatabaseTarget();
  if (target.kind === 'pglite') return null;
  // A generated name, never input: safe to put into the statements.
  const name = `ldn_test_cfg_${process.pid}_${randomBytes(4).toString('hex')}`;
  const server = openPostgres({ url: target.url, maxConnections: 1 });
  await server.withSession((session) => session.exec(`CREATE DATABASE "${name}"`));
  const address = new URL(target.url);
  address.pathname = `/${name}`;
  const url = address.toString();
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    PORT: '0',
    WEB_DIST: '/nonexistent',
    CLINIC_TIME_ZONE: 'UTC',
    DATABASE_URL: url,
    ...Object.fromEntries(Object.entries(env).map(([key, value]) => [key, value.replace('{url}', url)])),
  });
  const db = await openConfiguredDatabase(config);
  await migrateConfiguredDatabase(config, db);
  const other = openPostgres({ url, maxConnections: 2 });
  return {
    url,
    config,
    db,
    other,
    async close() {
      await db.close();
      await other.close();
      await server.withSession((session) => session.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
      await server.close();
    },
  };
}
