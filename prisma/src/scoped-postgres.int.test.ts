import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedDemo } from '../seed/demo.ts';
import type { Database } from './database.ts';
import { ScopedClient } from './scoped-postgres.ts';
import {
  createTestDatabase,
  createTestDatabaseUrl,
  type TestDatabaseUrl,
  testDatabaseTarget,
} from './testing.ts';

// Statements asked for at once on one connection (a transaction's, under Promise.all): node-postgres
// 8 queues them itself but warns that 9 will refuse them, so the client must send them one by one,
// in the order asked, each answering for itself.
const target = await testDatabaseTarget();

const numbers = [1, 2, 3, 4, 5, 6, 7, 8];

/** Rejects after `ms`, so that a query left waiting fails the test instead of hanging it. */
const within = <T>(ms: number, promise: Promise<T>) =>
  Promise.race([
    promise,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`still waiting after ${ms} ms`)), ms),
    ),
  ]);

describe.skipIf(target.kind !== 'postgres')(
  'statements asked for at once on one PostgreSQL connection',
  () => {
    let database: TestDatabaseUrl;
    let db: Database;
    let client: ScopedClient;
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);

    beforeAll(async () => {
      database = (await createTestDatabaseUrl('migrated')) as TestDatabaseUrl;
      db = await createTestDatabase({ maxConnections: 1 });
      await seedDemo(db.prisma);
    });
    afterAll(async () => {
      await db?.close();
      await database?.drop();
    });
    beforeEach(async () => {
      warnings.length = 0;
      process.on('warning', onWarning);
      client = new ScopedClient({ connectionString: database.url });
      client.on('error', () => {}); // a lost connection rejects its queries; that is what is asserted
      await client.connect();
    });
    afterEach(async () => {
      process.off('warning', onWarning);
      await client.end().catch(() => {});
      // Node emits the deprecation once per process, so this holds only for the first test to hit it;
      // `pending` below asserts the same on every test.
      expect(warnings.filter((warning) => warning.name === 'DeprecationWarning')).toEqual([]);
    });

    /** Queries node-postgres holds not yet sent: each one past the first is a deprecation warning. */
    const pending = () => (client as unknown as { _queryQueue: unknown[] })._queryQueue.length;

    it("answers each of a Prisma interactive transaction's statements asked for at once", async () => {
      // Prisma runs a transaction's operations one by one, but loads an operation's relations at once.
      const include = {
        doseChanges: true,
        holds: true,
        assessments: true,
        warnings: true,
        orders: true,
      } as const;
      const [trials, ...answers] = await db.prisma.$transaction(async (tx) =>
        Promise.all([
          tx.trial.findMany({ include, orderBy: { id: 'asc' } }),
          ...numbers.map((n) => tx.$queryRaw<{ n: number }[]>`SELECT ${n}::int AS n`),
        ]),
      );
      expect(answers.map(([row]) => row?.n)).toEqual(numbers);
      expect(trials.length).toBeGreaterThan(0);
      expect(trials).toEqual(await db.prisma.trial.findMany({ include, orderBy: { id: 'asc' } }));
    });

    it('sends a transaction asked for at once in the order asked, with or without a data access', async () => {
      for (const access of [null, { organisationId: randomUUID(), organisationKind: 'CLINIC' as const }]) {
        client.boundAccess = access;
        const begun = client.query('BEGIN');
        client.query('CREATE TEMP TABLE asked (n int, at serial) ON COMMIT DROP');
        const inserted = numbers.map((n) => client.query('INSERT INTO asked (n) VALUES ($1)', [n]));
        const read: Promise<pg.QueryResult<{ n: number }>> = client.query('SELECT n FROM asked ORDER BY at');
        const committed = client.query('COMMIT');
        expect(pending()).toBe(0);
        await Promise.all([begun, ...inserted, committed]);
        expect((await read).rows.map((row) => row.n)).toEqual(numbers);
      }
    });

    it('rejects only the statement that failed; those asked for after it still answer', async () => {
      const asked = [
        client.query('SELECT 1 AS n'),
        client.query('SELECT 1 / 0 AS n'),
        client.query('SELECT 3 AS n'),
        client.query({ text: 'SELECT $1::int AS n', values: [4], rowMode: 'array' }),
      ];
      expect(pending()).toBe(0);
      const settled = await Promise.allSettled(asked);
      expect(settled.map((one) => one.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
      expect(settled[1]).toMatchObject({ reason: { message: 'division by zero' } });
      expect(settled[2]).toMatchObject({ value: { rows: [{ n: 3 }] } });
      expect(settled[3]).toMatchObject({ value: { rows: [[4]] } });
    });

    it('keeps the order across callbacks, promises and query objects', async () => {
      const order: string[] = [];
      const answered = new Promise<void>((resolve) => {
        client.query('SELECT 1', (error: Error | null) => order.push(error ? 'error' : 'callback'));
        client.query('SELECT 1 / 0', [], (error: Error | null) =>
          order.push(error ? 'callback error' : 'no error'),
        );
        void client.query('SELECT 1').then(() => order.push('promise'));
        client.query(new pg.Query('SELECT 1'), (error: Error | null) => {
          order.push(error ? 'error' : 'query object');
          // Asked for inside a callback: behind the one already waiting, as node-postgres orders it.
          client.query('SELECT 1', () => order.push('asked in a callback'));
        });
        client.query('SELECT 1', () => {
          order.push('last');
          resolve();
        });
      });
      expect(pending()).toBe(0);
      await within(5_000, answered);
      await client.query('SELECT 1');
      expect(order).toEqual([
        'callback',
        'callback error',
        'promise',
        'query object',
        'last',
        'asked in a callback',
      ]);
    });

    it("calls a callback given in the query's config, as node-postgres does, and returns no promise", async () => {
      const answered = new Promise<unknown>((resolve, reject) => {
        const returned = client.query({
          text: 'SELECT $1::int AS n',
          values: [7],
          callback: (error: Error | null, result: pg.QueryResult) =>
            error ? reject(error) : resolve(result.rows),
        } as pg.QueryConfig);
        expect(returned).toBeUndefined();
      });
      await expect(within(5_000, answered)).resolves.toEqual([{ n: 7 }]);
    });

    it('rejects the statements still waiting when the client is ended', async () => {
      const asked = [
        client.query('SELECT pg_sleep(0.2)'),
        client.query('SELECT 2'),
        client.query('SELECT 3'),
      ];
      const ended = client.end();
      const settled = await within(5_000, Promise.allSettled(asked));
      await ended;
      expect(settled).toEqual(
        asked.map(() => ({ status: 'rejected', reason: new Error('Connection terminated') })),
      );
    });

    it('rejects the statements still waiting when the connection is lost', async () => {
      const { rows } = await client.query('SELECT pg_backend_pid() AS pid');
      const asked = [client.query('SELECT pg_sleep(5)'), client.query('SELECT 2'), client.query('SELECT 3')];
      const settled = within(5_000, Promise.allSettled(asked));
      const admin = new pg.Client({ connectionString: database.url });
      await admin.connect();
      try {
        await admin.query('SELECT pg_terminate_backend($1)', [rows[0].pid]);
      } finally {
        await admin.end();
      }
      expect((await settled).map((one) => one.status)).toEqual(['rejected', 'rejected', 'rejected']);
    });

    it('rejects the statements asked for before a connect that fails', async () => {
      const nowhere = new URL(database.url);
      nowhere.pathname = '/ldn_no_such_database';
      const unconnected = new ScopedClient({ connectionString: nowhere.toString() });
      unconnected.on('error', () => {});
      const connected = unconnected.connect();
      const asked = numbers.map(() => unconnected.query('SELECT 1'));
      await expect(connected).rejects.toThrow('does not exist');
      const settled = await within(5_000, Promise.allSettled(asked));
      expect(settled.map((one) => one.status)).toEqual(numbers.map(() => 'rejected'));
    });
  },
);
