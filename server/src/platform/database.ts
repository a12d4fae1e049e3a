import { mkdirSync } from 'node:fs';
import { applyMigrations, type Database, openPglite, openPostgres } from '@ldn/db';
import type { Config } from './config.ts';

/** The configured database: PostgreSQL at DATABASE_URL, else the embedded PGlite in its folder. */
export async function openConfiguredDatabase(
  config: Config,
  onConnectionLost?: (error: Error) => void,
): Promise<Database> {
  if (config.databaseUrl !== undefined) {
    return openPostgres({
      url: config.databaseUrl,
      maxConnections: config.databasePoolSize,
      statementTimeoutMs: config.databaseStatementTimeoutMs,
      preparedStatements: config.databasePreparedStatements,
      onConnectionLost,
      // The live updates' LISTEN holds a session, as the migrations' lock does (below).
      ...(config.directDatabaseUrl === undefined ? {} : { listenUrl: config.directDatabaseUrl }),
    });
  }
  mkdirSync(config.pgliteDir, { recursive: true });
  return openPglite({ dataDir: config.pgliteDir });
}

/**
 * Applies the pending migrations; returns their names. On PostgreSQL they go through a connection
 * of their own to DIRECT_DATABASE_URL (else DATABASE_URL): the applier's advisory lock lives as
 * long as its session, which a transaction-mode pooler does not keep, and a migration may run
 * longer than the API's statement timeout allows a request's statement.
 */
export async function migrateConfiguredDatabase(config: Config, db: Database): Promise<string[]> {
  if (config.databaseUrl === undefined) return applyMigrations(db);
  const direct = openPostgres({ url: config.directDatabaseUrl ?? config.databaseUrl, maxConnections: 1 });
  try {
    return await applyMigrations(direct);
  } finally {
    await direct.close();
  }
}
