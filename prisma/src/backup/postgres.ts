import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { BackupError, detectBackupKind, writeNewFile, wrongKindMessage } from './file.ts';

/**
 * PostgreSQL backups are pg_dump's custom format; restores go through pg_restore in one
 * transaction, without the owners (the restoring role owns everything, so a backup restores on
 * another server under another role) but with the grants: the application's own role (`ldn_app`)
 * reaches the tables through them. The tools are the ones on PATH unless PG_DUMP / PG_RESTORE name
 * others.
 */
export interface PostgresBackupOptions {
  /** The database itself (not a transaction-mode pooler: pg_dump needs a session). */
  url: string;
  file: string;
  /** pg_dump's path; default `pg_dump` on PATH. */
  pgDump?: string;
}

export interface PostgresBackupResult {
  bytes: number;
  /** `database "ldn" on db:5432`: where it came from, with no user or password. */
  source: string;
  serverVersion: string;
  toolVersion: string;
}

export async function backupPostgres({
  url,
  file,
  pgDump = 'pg_dump',
}: PostgresBackupOptions): Promise<PostgresBackupResult> {
  const connection = libpqConnection(url);
  const tool = await toolVersion(pgDump, 'pg_dump', 'PG_DUMP');
  const server = await inspectServer(url, connection.label);
  if (tool.major < server.major) {
    // pg_dump refuses a newer server anyway, with a message that does not say what to do.
    throw new BackupError(
      `pg_dump ${tool.version} cannot back up PostgreSQL ${server.version} (${connection.label}): pg_dump must be version ${server.major} or later. Install PostgreSQL ${server.major}'s client programs (or set PG_DUMP to that pg_dump), or run pg_dump inside the database's container`,
    );
  }
  const bytes = await writeNewFile(file, async (partial) => {
    // Owners are recorded whatever the options; pg_restore --no-owner leaves them out.
    await run(pgDump, ['--format=custom', `--file=${partial}`, `--dbname=${connection.dbname}`], connection);
  });
  return { bytes, source: connection.label, serverVersion: server.version, toolVersion: tool.version };
}

export interface PostgresRestoreOptions {
  url: string;
  file: string;
  /**
   * Replace what the database holds (the backup's objects are dropped and recreated in the same
   * transaction). Without it, a database with any table is refused.
   */
  clean?: boolean;
  /**
   * Leave out the grants, for a server without the roles they name (the application's role then
   * reaches no table until they are granted again).
   */
  noPrivileges?: boolean;
  pgRestore?: string;
}

export interface PostgresRestoreResult {
  target: string;
  tables: number;
  /** From the file's header: `15.20 (Debian …)`. */
  dumpedFrom: string;
}

export async function restorePostgres({
  url,
  file,
  clean = false,
  noPrivileges = false,
  pgRestore = 'pg_restore',
}: PostgresRestoreOptions): Promise<PostgresRestoreResult> {
  const kind = await detectBackupKind(file);
  if (kind.kind !== 'pg_dump') throw new BackupError(wrongKindMessage(kind, file));
  const connection = libpqConnection(url);
  const tool = await toolVersion(pgRestore, 'pg_restore', 'PG_RESTORE');
  const archive = await readArchive(pgRestore, tool.version, file, connection);
  const existing = await existingRelations(url, connection.label);
  if (existing.tables.length > 0 && !clean) {
    throw new BackupError(
      `${connection.label} is not empty (${existing.tables.length} tables): restore into a new, empty database (CREATE DATABASE …), or pass --clean to replace its contents with the backup's`,
    );
  }
  if (clean) {
    // --clean drops what the backup has; a table it does not have (a later migration's) would
    // survive beside the restored ones, so such a database is refused rather than half-replaced.
    const extra = existing.tables.filter((table) => !archive.tables.has(table));
    if (extra.length > 0) {
      throw new BackupError(
        `${connection.label} has ${extra.length} tables the backup does not (${extra.slice(0, 5).join(', ')}${extra.length > 5 ? ', …' : ''}): it was made by a later version. Restore into a new, empty database instead`,
      );
    }
  }
  if (!noPrivileges) {
    const missing = await missingRoles(url, connection.label, await grantees(pgRestore, file, connection));
    if (missing.length > 0) {
      throw new BackupError(
        `The backup grants to roles ${connection.label}'s server does not have (${missing.join(', ')}): create them first (CREATE ROLE ${missing[0]} NOLOGIN), or pass --no-privileges to restore without any grants`,
      );
    }
  }
  if (existing.otherSessions > 0) {
    throw new BackupError(
      `${connection.label} has ${existing.otherSessions} other connections: stop the server (and anything else using it) before restoring`,
    );
  }
  await run(
    pgRestore,
    [
      '--no-owner',
      ...(noPrivileges ? ['--no-privileges'] : []),
      // All or nothing: a damaged file or a failing statement leaves the database as it was.
      '--single-transaction',
      '--exit-on-error',
      ...(clean ? ['--clean', '--if-exists'] : []),
      `--dbname=${connection.dbname}`,
      file,
    ],
    connection,
  );
  // pg_restore does not gather statistics: without them the first queries plan badly.
  await withClient(url, connection.label, (client) => client.query('ANALYZE'));
  return { target: connection.label, tables: archive.tables.size, dumpedFrom: archive.dumpedFrom };
}

interface LibpqConnection {
  /** The URL without its password, for the tools' --dbname (a command line is visible to `ps`). */
  dbname: string;
  /** The password, given to the tools in PGPASSWORD. */
  password: string | undefined;
  label: string;
}

// Query parameters Prisma and node-postgres accept that libpq refuses ("invalid URI query parameter").
const NOT_LIBPQ = [
  'schema',
  'connection_limit',
  'pool_timeout',
  'pgbouncer',
  'statement_cache_size',
  'socket_timeout',
];

function libpqConnection(url: string): LibpqConnection {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new BackupError('The database URL is not a URL (expected postgresql://user@host:5432/database)');
  }
  const password = parsed.password === '' ? undefined : decodeURIComponent(parsed.password);
  parsed.password = '';
  for (const name of NOT_LIBPQ) parsed.searchParams.delete(name);
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || '(default)';
  const label = `database "${database}" on ${parsed.hostname || 'localhost'}:${parsed.port || '5432'}`;
  return { dbname: parsed.toString(), password, label };
}

interface Version {
  version: string;
  major: number;
}

/** `pg_dump (PostgreSQL) 15.20 (Debian …)` → 15.20, major 15. */
export function parseToolVersion(output: string): Version | null {
  const match = /\(PostgreSQL\)\s+((\d+)(?:\.\d+)?)/.exec(output);
  if (match?.[1] === undefined || match[2] === undefined) return null;
  return { version: match[1], major: Number(match[2]) };
}

async function toolVersion(path: string, name: string, variable: string): Promise<Version> {
  let output: string;
  try {
    output = await run(path, ['--version'], { password: undefined });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new BackupError(
        `${name} not found (${path}): install PostgreSQL's client programs (postgresql-client, the server's version or later), or set ${variable} to its path`,
      );
    }
    throw error;
  }
  const version = parseToolVersion(output);
  if (version === null) throw new BackupError(`${path} --version did not print a PostgreSQL version`);
  return version;
}

async function withClient<T>(
  url: string,
  label: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  // A connection lost mid-way rejects the query; without a listener it would also end the process.
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (error) {
    throw new BackupError(`Cannot connect to ${label}: ${error instanceof Error ? error.message : error}`);
  }
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => {});
  }
}

async function inspectServer(url: string, label: string): Promise<Version> {
  return withClient(url, label, async (client) => {
    const { rows } = await client.query<{ version: string; number: string }>(
      `SELECT current_setting('server_version') AS version, current_setting('server_version_num') AS number`,
    );
    const row = rows[0];
    if (row === undefined) throw new BackupError(`${label} did not report its version`);
    return {
      version: row.version.split(' ')[0] ?? row.version,
      major: Math.floor(Number(row.number) / 10_000),
    };
  });
}

interface ExistingRelations {
  /** `schema.table` of every table outside PostgreSQL's own schemas. */
  tables: string[];
  otherSessions: number;
}

async function existingRelations(url: string, label: string): Promise<ExistingRelations> {
  return withClient(url, label, async (client) => {
    const tables = await client.query<{ name: string }>(
      `SELECT n.nspname || '.' || c.relname AS name
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p')
          AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
        ORDER BY 1`,
    );
    const sessions = await client.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
    );
    return { tables: tables.rows.map((row) => row.name), otherSessions: sessions.rows[0]?.count ?? 0 };
  });
}

interface Archive {
  /** `schema.table` of every table the backup creates. */
  tables: Set<string>;
  dumpedFrom: string;
}

/**
 * The archive's table of contents (`pg_restore --list`), which reads the whole header: a file
 * that is not an archive, or one newer than this pg_restore understands, stops here.
 */
async function readArchive(
  pgRestore: string,
  version: string,
  file: string,
  connection: LibpqConnection,
): Promise<Archive> {
  let list: string;
  try {
    list = await run(pgRestore, ['--list', file], connection);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/unsupported version/i.test(message)) {
      throw new BackupError(
        `${file} was made by a newer pg_dump than pg_restore ${version} reads: use the pg_restore of the PostgreSQL version that made it, or later (set PG_RESTORE). ${message}`,
      );
    }
    throw new BackupError(`${file} cannot be read as a backup (incomplete or damaged?): ${message}`);
  }
  const tables = new Set<string>();
  for (const line of list.split('\n')) {
    const entry = /^\d+; \d+ \d+ TABLE (?!DATA )(\S+) (\S+) /.exec(line);
    if (entry?.[1] !== undefined && entry[2] !== undefined) tables.add(`${entry[1]}.${entry[2]}`);
  }
  const dumpedFrom = /Dumped from database version: (.+)/.exec(list)?.[1]?.trim() ?? 'unknown';
  return { tables, dumpedFrom };
}

/**
 * The roles the backup's grants name (GRANT … TO, REVOKE … FROM, ALTER DEFAULT PRIVILEGES FOR
 * ROLE): pg_restore renders only those entries of the archive as SQL.
 */
async function grantees(pgRestore: string, file: string, connection: LibpqConnection): Promise<string[]> {
  const entries = (await run(pgRestore, ['--list', file], connection))
    .split('\n')
    .filter((line) => /^\d+; \d+ \d+ (DEFAULT )?ACL /.test(line));
  if (entries.length === 0) return [];
  const dir = await mkdtemp(join(tmpdir(), 'ldn-restore-'));
  try {
    const list = join(dir, 'acl.list');
    await writeFile(list, `${entries.join('\n')}\n`);
    const sql = await run(pgRestore, [`--use-list=${list}`, '--file=-', file], connection);
    const roles = new Set<string>();
    for (const match of sql.matchAll(
      /\b(?:TO|FROM|FOR ROLE) ((?:"(?:[^"]|"")+"|[\w$]+)(?:, ?(?:"(?:[^"]|"")+"|[\w$]+))*)/g,
    )) {
      for (const role of (match[1] ?? '').split(/, ?/)) {
        const name = role.startsWith('"') ? role.slice(1, -1).replaceAll('""', '"') : role;
        if (name.toUpperCase() !== 'PUBLIC') roles.add(name);
      }
    }
    return [...roles].sort();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function missingRoles(url: string, label: string, roles: string[]): Promise<string[]> {
  if (roles.length === 0) return [];
  return withClient(url, label, async (client) => {
    const { rows } = await client.query<{ rolname: string }>(
      'SELECT rolname FROM pg_roles WHERE rolname = ANY($1::text[])',
      [roles],
    );
    const present = new Set(rows.map((row) => row.rolname));
    return roles.filter((role) => !present.has(role));
  });
}

/**
 * Runs a PostgreSQL client program; resolves with its output. A failure is a BackupError with the
 * program's own words (the password, were it there, blanked).
 */
function run(
  command: string,
  args: string[],
  { password }: Pick<LibpqConnection, 'password'>,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: { ...process.env, ...(password === undefined ? {} : { PGPASSWORD: password }) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) return resolve(stdout);
      const said = (password === undefined ? stderr : stderr.replaceAll(password, '***')).trim();
      const name = command.split('/').pop() ?? command;
      reject(new BackupError(`${name} failed (exit ${code}): ${said.split('\n').slice(-5).join(' / ')}`));
    });
  });
}
