import { open, readFile, rename, rm, stat } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';

/**
 * A backup or restore that cannot go on, in words for the operator: what is wrong and what to do.
 * Never carries a password or a connection string.
 */
export class BackupError extends Error {
  override readonly name = 'BackupError';
}

/**
 * What a file holds, read from its first bytes rather than its name: `pg_dump` (PostgreSQL's
 * custom format, `PGDMP`), `pglite` (a gzipped tarball of an embedded data directory, which starts
 * with its `PG_VERSION`), `plain-sql` (pg_dump's default text output), or `unknown`.
 */
export type BackupKind =
  | { kind: 'pg_dump' }
  | { kind: 'pglite'; postgresMajor: string }
  | { kind: 'plain-sql' }
  | { kind: 'unknown'; reason: string };

const PG_DUMP_MAGIC = Buffer.from('PGDMP');
const GZIP_MAGIC = Buffer.from([0x1f, 0x8b]);
const TAR_BLOCK = 512;

export async function detectBackupKind(path: string): Promise<BackupKind> {
  const head = await readHead(path, 64);
  if (head.length === 0) return { kind: 'unknown', reason: 'the file is empty' };
  if (head.subarray(0, PG_DUMP_MAGIC.length).equals(PG_DUMP_MAGIC)) return { kind: 'pg_dump' };
  if (head.subarray(0, GZIP_MAGIC.length).equals(GZIP_MAGIC)) return pgliteTarball(path);
  const text = head.toString('utf8');
  if (/^(--|SET |CREATE |\\)/.test(text)) return { kind: 'plain-sql' };
  return { kind: 'unknown', reason: 'it is neither a pg_dump custom-format file nor a gzipped tarball' };
}

async function readHead(path: string, bytes: number): Promise<Buffer> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw new BackupError(`Cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** A PGlite dump is a tar of the data directory: some entry is its `PG_VERSION` (the major). */
async function pgliteTarball(path: string): Promise<BackupKind> {
  let tar: Buffer;
  try {
    tar = gunzipSync(await readFile(path));
  } catch {
    return {
      kind: 'unknown',
      reason: 'it starts as a gzip file but does not decompress (truncated or damaged)',
    };
  }
  for (let offset = 0; offset + TAR_BLOCK <= tar.length; ) {
    const header = tar.subarray(offset, offset + TAR_BLOCK);
    if (header.every((byte) => byte === 0)) break;
    if (header.subarray(257, 262).toString('latin1') !== 'ustar') break;
    const name = header.subarray(0, 100).toString('utf8').replace(/\0.*$/s, '');
    const size = Number.parseInt(
      header.subarray(124, 136).toString('latin1').replace(/\0.*$/s, '').trim() || '0',
      8,
    );
    const body = offset + TAR_BLOCK;
    if (name.replace(/^\.?\//, '') === 'PG_VERSION') {
      return {
        kind: 'pglite',
        postgresMajor: tar
          .subarray(body, body + size)
          .toString('utf8')
          .trim(),
      };
    }
    offset = body + Math.ceil(size / TAR_BLOCK) * TAR_BLOCK;
  }
  return {
    kind: 'unknown',
    reason: 'it is a gzip file but not a tarball of a database directory (no PG_VERSION)',
  };
}

/** Why `path`, of this kind, cannot be restored into the configured database (of the other kind). */
export function wrongKindMessage(kind: BackupKind, path: string): string {
  switch (kind.kind) {
    case 'pg_dump':
      return `${path} is a PostgreSQL backup (pg_dump custom format), and the configured database is the embedded one (no DATABASE_URL): set DATABASE_URL to the PostgreSQL database to restore it into`;
    case 'pglite':
      return `${path} is a backup of the embedded database (PGlite data directory, PostgreSQL ${kind.postgresMajor}), not a pg_dump file: restore it with DATABASE_URL unset and PGLITE_DIR naming a new, empty folder`;
    case 'plain-sql':
      return `${path} is a plain SQL dump, not made by pnpm db:backup: load it into an empty database with psql (psql --single-transaction -v ON_ERROR_STOP=1 -f ${path})`;
    case 'unknown':
      return `${path} is not a backup made by pnpm db:backup: ${kind.reason}`;
  }
}

/**
 * Writes `file` through `write(partial)` into `<file>.partial` and renames it when complete, so a
 * failed backup never leaves a file that looks like one. Refuses to overwrite an existing file. The
 * file is its owner's alone (mode 0600).
 */
export async function writeNewFile(file: string, write: (partial: string) => Promise<void>): Promise<number> {
  if (await exists(file)) {
    throw new BackupError(`${file} already exists: choose another name, or move it away first`);
  }
  const partial = `${file}.partial`;
  await rm(partial, { force: true });
  // A backup holds every patient's record: readable by its owner only, from its first byte (the
  // tools write into the file made here and keep its mode).
  await (await open(partial, 'wx', 0o600)).close();
  try {
    await write(partial);
    await rename(partial, file);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return (await stat(file)).size;
}

export async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** A byte count as people read it. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
