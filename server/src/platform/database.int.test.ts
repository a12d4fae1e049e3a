import { isStatementCancelled, pendingMigrations } from '@ldn/db';
import { testDatabaseTarget } from '@ldn/db/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { aConfiguredDatabase, type ConfiguredDatabase } from '../test/configured-database.ts';

// The operator's database settings, on the real PostgreSQL (PGlite has one connection and no
// server settings): DATABASE_POOL_SIZE, DATABASE_STATEMENT_TIMEOUT_MS, DIRECT_DATABASE_URL.
describe.skipIf((await testDatabaseTarget()).kind !== 'postgres')('the configured database', () => {
  let opened: ConfiguredDatabase | null = null;
  const open = async (env: Record<string, string>) => {
    opened = await aConfiguredDatabase(env);
    if (opened === null) throw new Error('no PostgreSQL server for the tests');
    return opened;
  };
  afterEach(async () => {
    await opened?.close();
    opened = null;
  });

  it('cancels a statement that runs past DATABASE_STATEMENT_TIMEOUT_MS', async () => {
    const { db } = await open({ DATABASE_STATEMENT_TIMEOUT_MS: '200' });
    expect(await db.prisma.$queryRaw`SHOW statement_timeout`).toEqual([{ statement_timeout: '200ms' }]);

    const started = Date.now();
    const failure = await db.prisma.$queryRaw`SELECT pg_sleep(5)::text`.then(
      () => null,
      (error: unknown) => error,
    );

    expect(isStatementCancelled(failure)).toBe(true);
    expect(Date.now() - started).toBeLessThan(2_000);
    // The connection is fine afterwards: only the statement was stopped.
    expect(await db.prisma.$queryRaw`SELECT 1 AS one`).toEqual([{ one: 1 }]);
  });

  it('leaves the server its own statement timeout when DATABASE_STATEMENT_TIMEOUT_MS is 0', async () => {
    const { db } = await open({ DATABASE_STATEMENT_TIMEOUT_MS: '0' });
    expect(await db.prisma.$queryRaw`SHOW statement_timeout`).toEqual([{ statement_timeout: '0' }]);
  });

  it('applies the migrations without the statement timeout, however short it is', async () => {
    // A millisecond is far less than the first migration script takes.
    const { other } = await open({ DATABASE_STATEMENT_TIMEOUT_MS: '1' });
    expect(await pendingMigrations(other)).toEqual([]);
  });

  it('applies the migrations through DIRECT_DATABASE_URL, never through DATABASE_URL', async () => {
    // The app's URL leads nowhere (as a transaction-mode pooler would, for the migrations' lock).
    const target = await testDatabaseTarget();
    const nowhere = new URL(target.kind === 'postgres' ? target.url : '');
    nowhere.pathname = '/ldn_no_such_database';
    const { other } = await open({ DATABASE_URL: nowhere.toString(), DIRECT_DATABASE_URL: '{url}' });
    expect(await pendingMigrations(other)).toEqual([]);
  });

  it('opens at most DATABASE_POOL_SIZE connections however many queries wait', async () => {
    const { db, other, url } = await open({ DATABASE_POOL_SIZE: '3' });
    const name = new URL(url).pathname.slice(1);
    // Prisma sends a query when it is awaited: each of these is sent at once.
    const queries = Array.from({ length: 8 }, async () => db.prisma.$queryRaw`SELECT pg_sleep(0.5)::text`);
    await new Promise((resolve) => setTimeout(resolve, 250));
    const [row] = await other.withSession((session) =>
      session.query<{ sleeping: number }>(
        `SELECT count(*)::int AS sleeping FROM pg_stat_activity WHERE datname = $1 AND query LIKE '%pg_sleep(0.5)%' AND pid <> pg_backend_pid()`,
        [name],
      ),
    );
    await Promise.all(queries);
    expect(row?.sleeping).toBe(3);
  });
});
