import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeSchema, MIGRATION_ONLY_STRUCTURES } from './catalog.ts';
import type { Database } from './database.ts';
import { applyMigrations, pendingMigrations, readMigrations } from './migrate.ts';
import { createTestDatabase } from './testing.ts';

const migrationsDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'migrations');

describe('the migration applier', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase({ migrateFromEmpty: true });
  });
  afterAll(async () => {
    await db?.close();
  });

  it('has applied every committed migration and records them as Prisma does', async () => {
    const committed = await readMigrations();
    expect(committed.length).toBeGreaterThan(0);
    expect(await pendingMigrations(db)).toEqual([]);
    const rows = await db.withSession((s) =>
      s.query<{ migration_name: string; checksum: string }>(
        'SELECT migration_name, checksum FROM "_prisma_migrations" ORDER BY migration_name',
      ),
    );
    expect(rows).toEqual(committed.map((m) => ({ migration_name: m.name, checksum: m.checksum })));
  });

  it('applies nothing the second time', async () => {
    expect(await applyMigrations(db)).toEqual([]);
  });

  it('applies each migration once when several processes start together', async () => {
    const results = await Promise.all([applyMigrations(db), applyMigrations(db), applyMigrations(db)]);
    expect(results.flat()).toEqual([]);
  });

  it('refuses a migration that was edited after it was applied', async () => {
    const edited = await mkdtemp(join(tmpdir(), 'ldn-migrations-'));
    try {
      await cp(migrationsDir, edited, { recursive: true });
      const [first] = await readMigrations(edited);
      await writeFile(join(edited, first!.name, 'migration.sql'), `${first!.sql}\n-- edited\n`);
      await expect(applyMigrations(db, edited)).rejects.toThrow(/edited after it was applied/);
    } finally {
      await rm(edited, { recursive: true, force: true });
    }
  });

  it('rolls back a failing migration and reports it pending', async () => {
    const broken = await mkdtemp(join(tmpdir(), 'ldn-migrations-'));
    try {
      await cp(migrationsDir, broken, { recursive: true });
      const name = '29991231000000_broken';
      await mkdir(join(broken, name));
      await writeFile(join(broken, name, 'migration.sql'), 'CREATE TABLE "Partial" (id int);\nSELECT 1/0;');
      await expect(applyMigrations(db, broken)).rejects.toThrow(/29991231000000_broken failed/);
      expect(await pendingMigrations(db, broken)).toEqual([name]);
      const partial = await db.withSession((s) =>
        s.query<{ present: boolean }>(`SELECT to_regclass('"Partial"') IS NOT NULL AS present`),
      );
      expect(partial[0]?.present).toBe(false);
    } finally {
      await rm(broken, { recursive: true, force: true });
    }
  });
});

describe('schema.prisma and the migrations', () => {
  let fromMigrations: Database;
  let fromSchema: Database;
  beforeAll(async () => {
    [fromMigrations, fromSchema] = await Promise.all([
      createTestDatabase({ migrateFromEmpty: true }),
      createTestDatabase(),
    ]);
  });
  afterAll(async () => {
    await Promise.all([fromMigrations?.close(), fromSchema?.close()]);
  });

  it('describe the same database', async () => {
    const { diffSql } = await import('../tools/diff.mjs');
    // Rebuild the second database from schema.prisma alone, as Prisma would create it.
    await fromSchema.withSession(async (s) => {
      await s.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
      await s.exec(diffSql());
    });
    const [expected, actual] = await Promise.all([
      fromSchema.withSession(describeSchema),
      fromMigrations.withSession(describeSchema),
    ]);
    const migrationOnly = MIGRATION_ONLY_STRUCTURES.map((structure) => structure.line);
    expect(actual.filter((line) => migrationOnly.includes(line))).toEqual([...migrationOnly].sort());
    expect(actual.filter((line) => !migrationOnly.includes(line))).toEqual(expected);
  });
});
