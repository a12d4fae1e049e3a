import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from '../generated/client/client.ts';
import { type Database, statementEvents } from './database.ts';
import { checkedChannel } from './listener.ts';

export interface PgliteOptions {
  /** A folder for the data; omit for a database that lives in memory only (tests). */
  dataDir?: string;
}

/** Opens the embedded PostgreSQL (PGlite) in this process: one connection, so no pool. */
export async function openPglite({ dataDir }: PgliteOptions = {}): Promise<Database> {
  const db = dataDir === undefined ? new PGlite() : new PGlite(dataDir);
  await db.waitReady;
  const prisma = new PrismaClient({
    adapter: new PrismaPGlite(db),
    log: [{ emit: 'event', level: 'query' }],
  });
  return {
    kind: 'pglite',
    prisma,
    onStatement: statementEvents(prisma),
    // One process holds the database, so every pg_notify is sent from here: PGlite delivers it
    // after the commit, as PostgreSQL does, and no connection can be lost.
    async listen(channel, handlers) {
      const unlisten = await db.listen(checkedChannel(channel), handlers.onNotification);
      return {
        close: async () => {
          if (!db.closed) await unlisten();
        },
      };
    },
    withSession: (work) =>
      work({
        exec: async (sql) => {
          await db.exec(sql);
        },
        query: async <Row>(sql: string, params: unknown[] = []) => (await db.query<Row>(sql, params)).rows,
      }),
    async close() {
      await prisma.$disconnect();
      // Leaving PGlite without close() can leave its data folder dirty.
      await db.close();
    },
  };
}
