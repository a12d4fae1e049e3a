import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { applyMigrations, openPglite } from '@ldn/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseSnapshot, snapshotDatabase } from '../test/database-snapshot.ts';

const repoRoot = resolve(import.meta.dirname, '..', '..', '..');
const tsx = join(repoRoot, 'server', 'node_modules', '.bin', 'tsx');
const ldn = join(repoRoot, 'server', 'src', 'cli', 'ldn.ts');

/** The command on the embedded database in `dataDir`, whatever database the tests run on. */
function ldnCommand(dataDir: string, ...args: string[]) {
  const result = spawnSync(tsx, ['--conditions=development', ldn, ...args], {
    encoding: 'utf8',
    env: {
      ...process.env,
      DATABASE_URL: '',
      DIRECT_DATABASE_URL: '',
      NODE_ENV: 'development',
      PGLITE_DIR: dataDir,
    },
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function snapshotOf(dataDir: string): Promise<DatabaseSnapshot> {
  const db = await openPglite({ dataDir });
  try {
    return await snapshotDatabase(db);
  } finally {
    await db.close();
  }
}

// One cold start (creating the source's cluster, 4–7 s); every other open is of an existing folder.
describe('pnpm db:backup and db:restore on the embedded database', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ldn-backup-pglite-'));
  const source = join(dir, 'source');
  const file = join(dir, 'ldn.pglite.tar.gz');
  let original: DatabaseSnapshot;
  let busy: ReturnType<typeof ldnCommand>;

  beforeAll(async () => {
    const db = await openPglite({ dataDir: source });
    try {
      await applyMigrations(db);
      // A few rows, not the demo (7 s here): the copy is of the folder's files, whatever they hold.
      const clinic = await db.prisma.organisation.create({
        data: { kind: 'CLINIC', name: 'Backed-up clinic' },
      });
      await db.prisma.auditLog.create({
        data: { action: 'CREATE', entity: 'Organisation', entityId: clinic.id, organisationId: clinic.id },
      });
      original = await snapshotDatabase(db);
      // While this process has it open, a backup is refused.
      busy = ldnCommand(source, 'db:backup', file);
    } finally {
      await db.close();
    }
  }, 120_000);

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses while the database is open, then backs it up and restores it into a new folder', async () => {
    expect(busy.status).toBe(1);
    expect(busy.stderr).toMatch(/is in use \(postmaster\.pid\): stop the server/);
    expect(existsSync(file)).toBe(false);

    const backup = ldnCommand(source, 'db:backup', file);
    expect(backup.stderr).toBe('');
    expect(backup.status).toBe(0);
    expect(backup.stdout).toMatch(/^Backed up the embedded database in .* to .*\(\d/);
    expect(readFileSync(file).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));

    const target = join(dir, 'restored');
    const restore = ldnCommand(target, 'db:restore', file);
    expect(restore.stderr).toBe('');
    expect(restore.status).toBe(0);
    expect(await snapshotOf(target)).toEqual(original);
    expect(original.tables.Organisation?.rows).toBe(1);
    expect(original.tables.AuditLog?.rows).toBe(1);
    expect(original.triggers).toContain('AuditLog.AuditLog_append_only');

    // A folder with a database is kept unless --clean, which swaps the backup in beside it.
    const refused = ldnCommand(target, 'db:restore', file);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/is not empty: restore into a new folder .* or pass --clean/);
    const replaced = ldnCommand(target, 'db:restore', file, '--clean');
    expect(replaced.stderr).toBe('');
    expect(replaced.status).toBe(0);
    expect(replaced.stdout).toMatch(/The database it replaced is in .*restored\.before-restore-/);
    expect(readdirSync(dir).filter((name) => name.startsWith('restored.before-restore-'))).toHaveLength(1);

    const db = await openPglite({ dataDir: target });
    try {
      expect(await snapshotDatabase(db)).toEqual(original);
      expect(await applyMigrations(db)).toEqual([]);
      await expect(db.prisma.$executeRawUnsafe(`DELETE FROM "AuditLog"`)).rejects.toThrow(/append-only/);
    } finally {
      await db.close();
    }
  }, 180_000);

  it('will not feed a pg_dump file or anything else to the embedded database', () => {
    const notes = join(dir, 'notes.dump');
    writeFileSync(notes, 'PGDMP\u0001\u000e\u0000');
    const wrong = ldnCommand(join(dir, 'never'), 'db:restore', notes);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toMatch(/is a PostgreSQL backup \(pg_dump custom format\).*set DATABASE_URL/);
    expect(existsSync(join(dir, 'never'))).toBe(false);
  });
});
