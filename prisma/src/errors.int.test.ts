import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database.ts';
import { isStatementCancelled } from './errors.ts';
import { openPostgres } from './postgres.ts';
import { testDatabaseTarget } from './testing.ts';

// A statement_timeout is a server setting: PGlite (one connection, in this process) has none.
const target = await testDatabaseTarget();

const failureOf = (work: Promise<unknown>) =>
  work.then(
    () => null,
    (error: unknown) => error,
  );

describe.skipIf(target.kind !== 'postgres')('a statement past statementTimeoutMs', () => {
  let db: Database;
  beforeAll(() => {
    db = openPostgres({ url: target.kind === 'postgres' ? target.url : '', statementTimeoutMs: 100 });
  });
  afterAll(async () => {
    await db?.close();
  });

  it('is cancelled, and recognised as such, through Prisma', async () => {
    const failure = await failureOf(db.prisma.$queryRaw`SELECT pg_sleep(2)::text`);
    expect(isStatementCancelled(failure)).toBe(true);
  });

  it('is cancelled, and recognised as such, in a raw session', async () => {
    const failure = await failureOf(db.withSession((session) => session.query('SELECT pg_sleep(2)')));
    expect(isStatementCancelled(failure)).toBe(true);
  });

  it('is not confused with any other failure', async () => {
    const failure = await failureOf(db.prisma.$queryRaw`SELECT * FROM "no_such_table"`);
    expect(failure).toBeInstanceOf(Error);
    expect(isStatementCancelled(failure)).toBe(false);
    expect(isStatementCancelled(null)).toBe(false);
    expect(isStatementCancelled(new Error('canceling statement due to statement timeout'))).toBe(false);
  });
});
