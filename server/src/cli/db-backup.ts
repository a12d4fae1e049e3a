/**
 * `ldn db:backup [file]` (`pnpm db:backup` in a checkout): a backup of the configured database
 * (DATABASE_URL, else the embedded one in PGLITE_DIR) into a new file. PostgreSQL: pg_dump's custom
 * format, for pg_restore. Embedded: a gzipped tarball of the data directory, taken while nothing
 * else has it open.
 */
import { backupPglite, backupPostgres, formatSize } from '@ldn/db/backup';
import {
  backupTarget,
  exitCode,
  fileStamp,
  parseCommandLine,
  UsageError,
  userPath,
} from './backup-command.ts';

export const DB_BACKUP_USAGE = 'ldn db:backup [file]';

export function dbBackup(argv: string[]): Promise<number> {
  return exitCode(DB_BACKUP_USAGE, async () => {
    const { positionals } = parseCommandLine(argv);
    if (positionals.length > 1) throw new UsageError('One file at most.');
    const target = backupTarget();
    const extension = target.kind === 'postgres' ? 'dump' : 'pglite.tar.gz';
    const file = userPath(positionals[0] ?? `ldn-backup-${fileStamp()}.${extension}`);
    if (target.kind === 'postgres') {
      const result = await backupPostgres({
        url: target.url,
        file,
        pgDump: process.env.PG_DUMP || undefined,
      });
      console.log(
        `Backed up ${result.source} (PostgreSQL ${result.serverVersion}, pg_dump ${result.toolVersion}) to ${file} (${formatSize(result.bytes)}).`,
      );
    } else {
      const result = await backupPglite({ dataDir: target.dataDir, file });
      console.log(
        `Backed up the embedded database in ${target.dataDir} to ${file} (${formatSize(result.bytes)}).`,
      );
    }
  });
}
