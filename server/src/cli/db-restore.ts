/**
 * `ldn db:restore <file> [--clean]` (`pnpm db:restore` in a checkout): loads a backup made by
 * db:backup into the configured database, which must be empty (a new database, or a new
 * PGLITE_DIR) unless --clean asks to replace what it holds; --no-privileges leaves out the grants
 * (for a server without the roles they name). The kind of file is read from its first
 * bytes: a pg_dump file restores only into PostgreSQL, an embedded database's tarball only into
 * PGLITE_DIR.
 */
import { restorePglite, restorePostgres } from '@ldn/db/backup';
import { backupTarget, exitCode, parseCommandLine, UsageError, userPath } from './backup-command.ts';

export const DB_RESTORE_USAGE = 'ldn db:restore <file> [--clean] [--no-privileges]';

export function dbRestore(argv: string[]): Promise<number> {
  return exitCode(DB_RESTORE_USAGE, async () => {
    const { positionals, values } = parseCommandLine(argv, {
      clean: { type: 'boolean' },
      'no-privileges': { type: 'boolean' },
    });
    const [given, ...rest] = positionals;
    if (given === undefined || rest.length > 0) throw new UsageError('Name one backup file.');
    const clean = values.clean === true;
    const target = backupTarget();
    const file = userPath(given);
    if (target.kind === 'postgres') {
      const result = await restorePostgres({
        url: target.url,
        file,
        clean,
        noPrivileges: values['no-privileges'] === true,
        pgRestore: process.env.PG_RESTORE || undefined,
      });
      console.log(
        `Restored ${file} (from PostgreSQL ${result.dumpedFrom}) into ${result.target}: ${result.tables} tables. The server applies any newer migrations when it starts.`,
      );
    } else {
      const result = await restorePglite({ dataDir: target.dataDir, file, clean });
      const kept = result.previous === undefined ? '' : ` The database it replaced is in ${result.previous}.`;
      console.log(`Restored ${file} into the embedded database in ${target.dataDir}.${kept}`);
    }
  });
}
