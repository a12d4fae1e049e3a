import { isAbsolute, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BackupError } from '@ldn/db/backup';
import { ConfigError, loadConfig } from '../platform/config.ts';

/**
 * What `db:backup` and `db:restore` share: the database they work on, as the server would open
 * it, the user's paths, and their exit codes.
 */
export type BackupTarget = { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string };

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * PostgreSQL through DIRECT_DATABASE_URL when set (pg_dump and pg_restore need a session of their
 * own, which a transaction-mode pooler at DATABASE_URL does not give), else DATABASE_URL; without
 * either, the embedded database in PGLITE_DIR.
 */
export function backupTarget(env: NodeJS.ProcessEnv = process.env): BackupTarget {
  const config = loadConfig(env);
  if (config.databaseUrl === undefined) return { kind: 'pglite', dataDir: config.pgliteDir };
  return { kind: 'postgres', url: config.directDatabaseUrl ?? config.databaseUrl };
}

/** A path as the user typed it: pnpm runs scripts at the repository's root, INIT_CWD is theirs. */
export function userPath(path: string): string {
  return isAbsolute(path) ? path : resolve(process.env.INIT_CWD ?? process.cwd(), path);
}

export function parseCommandLine(argv: string[], options: Record<string, { type: 'boolean' }> = {}) {
  try {
    return parseArgs({
      // `pnpm db:backup -- file` passes the `--` on.
      args: argv.filter((arg, index) => !(index === 0 && arg === '--')),
      options,
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/**
 * The command's exit code: 0 when done, 1 when the backup or restore was refused or failed (a
 * BackupError, whose message tells the operator what to do), 2 for a wrong command line or
 * configuration. Anything else is left to the caller (ldn.ts: its message, exit 1).
 */
export async function exitCode(usage: string, body: () => Promise<void>): Promise<number> {
  try {
    await body();
    return 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      console.error(`${error.message}\nUsage: ${usage}`);
      return 2;
    }
    if (error instanceof BackupError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

/** `20261127-171500` (UTC), for default file names. */
export function fileStamp(now = new Date()): string {
  return now.toISOString().replace(/[-:]/g, '').replace('T', '-').replace(/\..*$/, '');
}
