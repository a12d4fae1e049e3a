import type { PGlite } from '@electric-sql/pglite';
import { PrismaClient } from '../generated/client/client.ts';
import { batchWithinOneAccess } from './batching.ts';
import {
  ACCESS_STATEMENT,
  accessParameters,
  currentDataAccess,
  isTransactionControl,
} from './data-access.ts';
import { CLIENT_OPTIONS, type Database, statementEvents } from './database.ts';
import { checkedChannel } from './listener.ts';

export interface PgliteOptions {
  /** A folder for the data; omit for a database that lives in memory only (tests). */
  dataDir?: string;
}

/** Opens the embedded PostgreSQL (PGlite) in this process: one connection, so no pool. */
export async function openPglite({ dataDir }: PgliteOptions = {}): Promise<Database> {
  // Loaded on first use: a server on PostgreSQL (DATABASE_URL) never loads PGlite (1.4 MB of heap).
  const [{ PGlite }, { PrismaPGlite }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('pglite-prisma-adapter'),
  ]);
  const db = dataDir === undefined ? new PGlite() : new PGlite(dataDir);
  await db.waitReady;
  const prisma = new PrismaClient({ ...CLIENT_OPTIONS, adapter: new PrismaPGlite(underDataAccess(db)) });
  batchWithinOneAccess(prisma);
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

/**
 * PGlite as the adapter sees it, but sending each statement of a request under that request's data
 * access (data-access.ts): a lone statement in a transaction of its own after the access statement,
 * a transaction with the access statement first.
 */
function underDataAccess(db: PGlite): PGlite {
  const query: PGlite['query'] = (sql, params, options) => {
    const access = currentDataAccess();
    if (access === null || isTransactionControl(sql)) return db.query(sql, params, options);
    return db.transaction(async (tx) => {
      await tx.query(ACCESS_STATEMENT, accessParameters(access));
      return tx.query(sql, params, options);
    });
  };
  const transaction: PGlite['transaction'] = (work) => {
    const access = currentDataAccess();
    if (access === null) return db.transaction(work);
    return db.transaction(async (tx) => {
      await tx.query(ACCESS_STATEMENT, accessParameters(access));
      return work(tx);
    });
  };
  return new Proxy(db, {
    get(target, property, receiver) {
      if (property === 'query') return query;
      if (property === 'transaction') return transaction;
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
