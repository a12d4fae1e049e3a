import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Database, SqlSession } from './database.ts';

// At the package's root beside src/: this file runs from src/ in development and from dist/src/
// once compiled, so the compiled server finds them wherever the package is installed.
const packageRoot = join(
  import.meta.dirname,
  basename(join(import.meta.dirname, '..')) === 'dist' ? '../..' : '..',
);
const migrationsDir = join(packageRoot, 'migrations');

/** Any fixed number: every process applying migrations to one database takes this lock first. */
const MIGRATION_LOCK_KEY = 7_245_301;

// The table `prisma migrate deploy` keeps, so a normal Prisma install sees our migrations as its own.
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {
  override readonly name = 'MigrationError';
}

/** The committed migrations, oldest first (folder names start with a timestamp). */
export async function readMigrations(dir = migrationsDir): Promise<Migration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    }),
  );
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
}

async function appliedMigrations(session: SqlSession): Promise<AppliedRow[]> {
  return session.query<AppliedRow>(
    `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
  );
}

/**
 * Applies the pending migrations, each in its own transaction, under an advisory lock so that
 * several processes starting at once apply each migration exactly once. Returns the names applied.
 */
export async function applyMigrations(db: Database, dir = migrationsDir): Promise<string[]> {
  const migrations = await readMigrations(dir);
  return db.withSession(async (session) => {
    await session.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await session.exec(CREATE_MIGRATIONS_TABLE);
      const applied = new Map((await appliedMigrations(session)).map((row) => [row.migration_name, row]));
      const appliedNow: string[] = [];
      for (const migration of migrations) {
        const row = applied.get(migration.name);
        if (row !== undefined) {
          if (row.finished_at === null) {
            throw new MigrationError(`migration ${migration.name} failed earlier; resolve it by hand`);
          }
          if (row.checksum !== migration.checksum) {
            throw new MigrationError(`migration ${migration.name} was edited after it was applied`);
          }
          continue;
        }
        await applyOne(session, migration);
        appliedNow.push(migration.name);
      }
      return appliedNow;
    } finally {
      await session.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  });
}

async function applyOne(session: SqlSession, migration: Migration): Promise<void> {
  await session.exec('BEGIN');
  try {
    await session.exec(migration.sql);
    await session.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), now(), 1)`,
      [randomUUID(), migration.checksum, migration.name],
    );
    await session.exec('COMMIT');
  } catch (error) {
    await session.exec('ROLLBACK');
    throw new MigrationError(`migration ${migration.name} failed: ${(error as Error).message}`);
  }
}

/** The committed migrations not yet applied (empty when the database is up to date). */
export async function pendingMigrations(db: Database, dir = migrationsDir): Promise<string[]> {
  const migrations = await readMigrations(dir);
  const applied = await db.withSession(async (session) => {
    const exists = await session.query<{ present: boolean }>(
      `SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS present`,
    );
    return exists[0]?.present ? appliedMigrations(session) : [];
  });
  const done = new Set(applied.filter((row) => row.finished_at !== null).map((row) => row.migration_name));
  return migrations.map((m) => m.name).filter((name) => !done.has(name));
}
