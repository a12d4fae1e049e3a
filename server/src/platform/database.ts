import { mkdirSync } from 'node:fs';
import { type Database, openPglite, openPostgres } from '@ldn/db';
import type { Config } from './config.ts';

/** The configured database: PostgreSQL at DATABASE_URL, else the embedded PGlite in its folder. */
export async function openConfiguredDatabase(
  config: Config,
  onConnectionLost?: (error: Error) => void,
): Promise<Database> {
  if (config.databaseUrl !== undefined) return openPostgres({ url: config.databaseUrl, onConnectionLost });
  mkdirSync(config.pgliteDir, { recursive: true });
  return openPglite({ dataDir: config.pgliteDir });
}
