import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from './database.ts';
import { LISTENER_APPLICATION_NAME } from './listener.ts';
import { openPglite } from './pglite.ts';
import { createTestDatabase, testDatabaseTarget } from './testing.ts';

// One LISTEN per API process is how live updates reach every process (issue #15).
const target = await testDatabaseTarget();
const CHANNEL = 'ldn_listener_test';

const notify = (db: Database, payload: string) =>
  db.prisma.$executeRawUnsafe(`SELECT pg_notify('${CHANNEL}', $1)`, payload);

describe('listening on the embedded database (PGlite)', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openPglite();
  });
  afterAll(async () => {
    await db?.close();
  });

  it('hears what is sent, once its transaction commits, identical payloads once', async () => {
    const heard: string[] = [];
    const listener = await db.listen(CHANNEL, { onNotification: (payload) => heard.push(payload) });
    await db.prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`SELECT pg_notify('${CHANNEL}', 'a')`);
      await tx.$executeRawUnsafe(`SELECT pg_notify('${CHANNEL}', 'a')`);
      await tx.$executeRawUnsafe(`SELECT pg_notify('${CHANNEL}', 'b')`);
      expect(heard).toEqual([]);
    });
    await vi.waitFor(() => expect(heard).toEqual(['a', 'b']));
    await listener.close();
    await notify(db, 'after');
    expect(heard).toEqual(['a', 'b']);
  });

  it('refuses a channel name that is not a plain identifier', async () => {
    await expect(db.listen('x; DROP TABLE "Patient"', { onNotification: () => {} })).rejects.toThrow(
      /lower-case letters/,
    );
  });
});

describe.skipIf(target.kind !== 'postgres')('listening on PostgreSQL', () => {
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

  const listenerPids = async () => {
    const [row] = await db.prisma.$queryRawUnsafe<{ database: string }[]>(
      'SELECT current_database() AS database',
    );
    const { rows } = await admin.query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE datname = $1 AND application_name = $2',
      [row?.database, LISTENER_APPLICATION_NAME],
    );
    return rows.map((r) => r.pid);
  };

  it('hears what another connection sends, after its commit', async () => {
    const heard: string[] = [];
    const listener = await db.listen(CHANNEL, { onNotification: (payload) => heard.push(payload) });
    try {
      await db.prisma.$transaction(async (tx) => {
        await tx.$executeRawUnsafe(`SELECT pg_notify('${CHANNEL}', 'committed')`);
      });
      await expect(
        db.prisma.$transaction(async (tx) => {
          await tx.$executeRawUnsafe(`SELECT pg_notify('${CHANNEL}', 'rolled back')`);
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      await vi.waitFor(() => expect(heard).toEqual(['committed']));
    } finally {
      await listener.close();
    }
    // Closing it ends its connection.
    await vi.waitFor(async () => expect(await listenerPids()).toEqual([]));
  });

  it('reopens a lost connection, says so, and hears again', async () => {
    const heard: string[] = [];
    const events: string[] = [];
    const listener = await db.listen(CHANNEL, {
      onNotification: (payload) => heard.push(payload),
      onLost: () => events.push('lost'),
      onResumed: () => events.push('resumed'),
    });
    try {
      const [pid] = await listenerPids();
      await admin.query('SELECT pg_terminate_backend($1)', [pid]);
      await vi.waitFor(() => expect(events).toEqual(['lost', 'resumed']), { timeout: 5_000 });
      const [reopened] = await listenerPids();
      expect(reopened).toBeDefined();
      expect(reopened).not.toBe(pid);
      await notify(db, 'after the loss');
      await vi.waitFor(() => expect(heard).toEqual(['after the loss']));
    } finally {
      await listener.close();
    }
  });
});
