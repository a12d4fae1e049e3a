import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { BackupError, detectBackupKind, exists, writeNewFile, wrongKindMessage } from './file.ts';

/**
 * The embedded database's backup is PGlite's own dump of its data directory (a gzipped tarball),
 * taken with the database opened by this process alone; a restore loads it into an empty folder.
 */

/**
 * PGlite writes `postmaster.pid` in its folder while open and removes it on close. It takes no
 * lock, so a second process opening the folder would corrupt it: the file is the only sign that the
 * server (or another command) has it open, or that it was not closed cleanly.
 */
async function refuseIfOpen(dataDir: string): Promise<void> {
  if (await exists(join(dataDir, 'postmaster.pid'))) {
    throw new BackupError(
      `The embedded database in ${dataDir} is in use (postmaster.pid): stop the server (pnpm start) and any other command using it, then try again. If nothing uses it, it was not closed cleanly: start the server once and stop it with Ctrl-C`,
    );
  }
}

async function hasDatabase(dataDir: string): Promise<boolean> {
  return exists(join(dataDir, 'PG_VERSION'));
}

export interface PgliteBackupResult {
  bytes: number;
}

export async function backupPglite({
  dataDir,
  file,
}: {
  dataDir: string;
  file: string;
}): Promise<PgliteBackupResult> {
  if (!(await hasDatabase(dataDir))) {
    throw new BackupError(`There is no embedded database in ${dataDir} (PGLITE_DIR): nothing to back up`);
  }
  await refuseIfOpen(dataDir);
  const db = new PGlite(dataDir);
  try {
    await db.waitReady;
    // Everything in the write-ahead log goes into the tables' files, so the copy needs no replay.
    await db.exec('CHECKPOINT');
    const dump = await db.dumpDataDir('gzip');
    const bytes = await writeNewFile(file, async (partial) => {
      await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
    });
    return { bytes };
  } finally {
    await db.close();
  }
}

export interface PgliteRestoreResult {
  /** With `clean`: where the database that was replaced now is. */
  previous: string | undefined;
}

/**
 * Loads the backup into `dataDir`, which must be empty or absent. With `clean`, a folder holding a
 * database is replaced: the backup is loaded beside it, checked, and only then swapped in, the old
 * folder kept under another name.
 */
export async function restorePglite({
  dataDir,
  file,
  clean = false,
}: {
  dataDir: string;
  file: string;
  clean?: boolean;
}): Promise<PgliteRestoreResult> {
  const kind = await detectBackupKind(file);
  if (kind.kind !== 'pglite') throw new BackupError(wrongKindMessage(kind, file));
  const occupied = (await exists(dataDir)) && (await readdir(dataDir)).length > 0;
  if (occupied && !clean) {
    throw new BackupError(
      `${dataDir} (PGLITE_DIR) is not empty: restore into a new folder (set PGLITE_DIR to it), or pass --clean to replace the database in it (the old folder is kept beside it)`,
    );
  }
  if (occupied) await refuseIfOpen(dataDir);
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
  const into = occupied ? `${dataDir}.restoring-${stamp}` : dataDir;
  await mkdir(into, { recursive: true });
  try {
    await load(into, file, kind.postgresMajor);
  } catch (error) {
    await rm(into, { recursive: true, force: true });
    throw error;
  }
  if (!occupied) return { previous: undefined };
  const previous = `${dataDir}.before-restore-${stamp}`;
  await rename(dataDir, previous);
  await rename(into, dataDir);
  return { previous };
}

async function load(dataDir: string, file: string, postgresMajor: string): Promise<void> {
  let db: PGlite;
  try {
    db = new PGlite(dataDir, { loadDataDir: new Blob([await readFile(file)]) });
    await db.waitReady;
  } catch (error) {
    throw new BackupError(
      `The embedded database could not load ${file} (a PostgreSQL ${postgresMajor} data directory): ${error instanceof Error ? error.message : error}`,
    );
  }
  try {
    // A data directory that loads but is not ours (or is damaged) fails here, not at the next start.
    await db.query('SELECT count(*) FROM "_prisma_migrations"');
  } catch {
    throw new BackupError(`${file} loaded, but holds no LDN database (no _prisma_migrations table)`);
  } finally {
    await db.close();
  }
}
