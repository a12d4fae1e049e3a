import { PrismaPg } from '@prisma/adapter-pg';
import type pg from 'pg';
import { PrismaClient } from '../generated/client/client.ts';
import { batchWithinOneAccess } from './batching.ts';
import { CLIENT_OPTIONS, type Database, statementEvents } from './database.ts';
import { listenOnPostgres } from './listener.ts';
import { ScopedClient, type ScopedOptions, ScopedPool } from './scoped-postgres.ts';

export interface PostgresOptions {
  url: string;
  /** Pool size; the default leaves room for several API processes on one server. */
  maxConnections?: number;
  /**
   * PostgreSQL's `statement_timeout` for every pooled connection, sent when it opens: a statement
   * running longer (or waiting longer on a lock) is cancelled with SQLSTATE 57014. 0 or absent
   * leaves the server's (or the role's) own setting.
   */
  statementTimeoutMs?: number;
  /** Told when a connection is lost (a failover, a pooler restart, `pg_terminate_backend`). */
  onConnectionLost?: (error: Error) => void;
  /**
   * Where `listen` connects (default `url`): LISTEN belongs to a session, which a transaction-mode
   * pooler does not keep, so behind one it is PostgreSQL itself.
   */
  listenUrl?: string;
  /**
   * Statements marked with `preparedMark` are prepared once per connection (prepared-statements.ts).
   * Off behind a pooler that cannot keep them (PgBouncer before 1.21 or without max_prepared_statements).
   */
  preparedStatements?: boolean;
}

/** Opens a real PostgreSQL (14+) through node-postgres. */
export function openPostgres({
  url,
  maxConnections = 10,
  statementTimeoutMs = 0,
  onConnectionLost,
  listenUrl = url,
  preparedStatements = false,
}: PostgresOptions): Database {
  const options: pg.PoolConfig & ScopedOptions = {
    // Sends each statement of a request under its organisation, for row-level security.
    Client: ScopedClient,
    connectionString: url,
    max: maxConnections,
    ...(statementTimeoutMs > 0 ? { statement_timeout: statementTimeoutMs } : {}),
    preparedStatements,
  };
  const pool = new ScopedPool(options);
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
  const prisma = new PrismaClient({ ...CLIENT_OPTIONS, adapter: new PrismaPg(pool) });
  batchWithinOneAccess(prisma);
  return {
    kind: 'postgres',
    prisma,
    onStatement: statementEvents(prisma),
    listen: (channel, handlers) => listenOnPostgres(listenUrl, channel, handlers),
    poolStats: () => ({
      max: maxConnections,
      total: pool.totalCount,
      idle: pool.idleCount,
      waiting: pool.waitingCount,
    }),
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
