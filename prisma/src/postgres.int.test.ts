import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './database.ts';
import { createTestDatabase, testDatabaseTarget } from './testing.ts';

// A failover, a pooler restart or an idle-in-transaction timeout ends a server connection with
// 57P01 (admin shutdown); node-postgres then emits 'error' on that client, which kills the
// process when nothing listens (issue 14, item 1). Needs a real server: PGlite has no backends.
const target = await testDatabaseTarget();

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(target.kind !== 'postgres')('a PostgreSQL connection terminated under the pool', () => {
  let db: Database;
  let admin: pg.Client;
  beforeAll(async () => {
    db = await createTestDatabase();
    admin = new pg.Client({ connectionString: target.kind === 'postgres' ? target.url : '' });
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.end();
    await db?.close();
  });

  const terminate = (pid: number) => admin.query('SELECT pg_terminate_backend($1)', [pid]);
  // Long enough for the server's FATAL message and the socket's end to reach the client.
  const letItArrive = () => sleep(200);

  it('survives losing a checked-out session between statements (the migration applier)', async () => {
    const failure = await db
      .withSession(async (session) => {
        const [row] = await session.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
        await terminate(row!.pid);
        await letItArrive();
        await session.query('SELECT 1');
      })
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(failure).toBeInstanceOf(Error);
    // The broken client left the pool: the next session gets a working one.
    expect(await db.withSession((session) => session.query('SELECT 1 AS one'))).toEqual([{ one: 1 }]);
  });

  it('survives losing the connection of an interactive transaction', async () => {
    const failure = await db.prisma
      .$transaction(async (tx) => {
        const [row] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
        await terminate(row!.pid);
        await letItArrive();
        await tx.$queryRaw`SELECT 1`;
      })
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(failure).toBeInstanceOf(Error);
    expect(await db.prisma.$queryRaw`SELECT 1 AS one`).toEqual([{ one: 1 }]);
  });

  it('survives losing idle connections: the next queries open new ones', async () => {
    await Promise.all(Array.from({ length: 3 }, () => db.prisma.$queryRaw`SELECT pg_sleep(0.05)::text`));
    const database = (await db.prisma.$queryRaw<{ name: string }[]>`SELECT current_database() AS name`)[0]!
      .name;
    await admin.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [database],
    );
    await letItArrive();
    expect(await db.prisma.$queryRaw`SELECT 1 AS one`).toEqual([{ one: 1 }]);
  });
});
