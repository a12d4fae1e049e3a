import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/client/client.ts';
import { type Database, statementEvents } from './database.ts';

export interface PostgresOptions {
  url: string;
  /** Pool size; the default leaves room for several API processes on one server. */
  maxConnections?: number;
  /** Told when a connection is lost (a failover, a pooler restart, `pg_terminate_backend`). */
  onConnectionLost?: (error: Error) => void;
}

/** Opens a real PostgreSQL (14+) through node-postgres. */
export function openPostgres({ url, maxConnections = 10, onConnectionLost }: PostgresOptions): Database {
  const pool = new pg.Pool({ connectionString: url, max: maxConnections });
  // node-postgres emits 'error' on a client whose server goes away; with no listener that kills
  // the process. The pool listens only while a client is idle, so every client gets a listener of
  // its own for its whole life: checked out, inside an interactive transaction (adapter-pg's own
  // listener is removed at commit), or holding the migration lock. The failed query still rejects,
  // and the pool drops the broken client on release, so the next query opens a new connection.
  pool.on('connect', (client) => {
    let reported = false; // one loss can arrive twice: the server's FATAL message, then the socket's end
    client.on('error', (error) => {
      if (reported) return;
      reported = true;
      onConnectionLost?.(error);
    });
  });
  // An idle client's loss is reported here too (after the listener above); nothing else to do.
  pool.on('error', () => {});
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool), log: [{ emit: 'event', level: 'query' }] });
  return {
    kind: 'postgres',
    prisma,
    onStatement: statementEvents(prisma),
    async withSession(work) {
      const client = await pool.connect();
      let failure: Error | undefined;
      try {
        return await work({
          exec: async (sql) => {
            await client.query(sql);
          },
          query: async <Row>(sql: string, params: unknown[] = []) =>
            (await client.query(sql, params)).rows as Row[],
        });
      } catch (error) {
        failure = error instanceof Error ? error : new Error(String(error));
        throw error;
      } finally {
        // A session that failed may hold a broken connection or a half-open transaction: given an
        // error, the pool closes the client instead of lending it out again.
        client.release(failure);
      }
    },
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}
