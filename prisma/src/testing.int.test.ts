import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database.ts';
import { pendingMigrations } from './migrate.ts';
import { createTestDatabase, testDatabaseTarget } from './testing.ts';

const target = await testDatabaseTarget();

// The template and its copies exist only on a server; PGlite migrates each database in memory.
describe.skipIf(target.kind !== 'postgres')('test databases copied from the migrated template', () => {
  let first: Database;
  let second: Database;
  let admin: pg.Client;
  beforeAll(async () => {
    [first, second] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    admin = new pg.Client({ connectionString: target.kind === 'postgres' ? target.url : '' });
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.end();
    await Promise.all([first?.close(), second?.close()]);
  });

  it('have every committed migration applied', async () => {
    expect(await pendingMigrations(first)).toEqual([]);
    expect(await pendingMigrations(second)).toEqual([]);
  });

  it('are databases of their own: one never sees the rows of another', async () => {
    await first.prisma.organisation.create({ data: { kind: 'CLINIC', name: 'Only in the first' } });
    expect(await first.prisma.organisation.count()).toBe(1);
    expect(await second.prisma.organisation.count()).toBe(0);
  });

  it('come from a template nobody can connect to, so copying it never meets a session', async () => {
    const { rows } = await admin.query<{ datname: string; datistemplate: boolean; datallowconn: boolean }>(
      `SELECT datname, datistemplate, datallowconn FROM pg_database WHERE datname LIKE 'ldn\\_template\\_%' AND datname NOT LIKE '%\\_build'`,
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.datistemplate && !row.datallowconn)).toBe(true);
  });
});
