import type { Prisma, PrismaClient } from '../generated/client/client.ts';

/** A connection held for several statements (the migration applier's advisory lock needs one). */
export interface SqlSession {
  /** Runs a script of several statements (a migration file). */
  exec(sql: string): Promise<void>;
  /** Runs one parameterised statement. */
  query<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
}

/** What a LISTEN on one channel is told. */
export interface NotificationHandlers {
  /** A notification's payload, delivered once the transaction that sent it has committed. */
  onNotification(payload: string): void;
  /** The listening connection was lost: notifications sent until `onResumed` are missed. */
  onLost?(error: Error): void;
  /** Listening again after a loss (the connection was reopened); what was sent meanwhile is lost. */
  onResumed?(): void;
}

/** A LISTEN held open until closed. */
export interface ChannelListener {
  close(): Promise<void>;
}

/**
 * An open database: the Prisma client every module uses, and a raw session for the few things
 * Prisma cannot do (multi-statement migration scripts). Nothing outside this package knows which
 * kind of database it has.
 */
export interface Database {
  readonly kind: 'postgres' | 'pglite';
  readonly prisma: PrismaClient;
  withSession<T>(work: (session: SqlSession) => Promise<T>): Promise<T>;
  /** Calls `listener` with every SQL statement Prisma sends (tests count them); returns an unsubscribe. */
  onStatement(listener: (sql: string) => void): () => void;
  /**
   * LISTENs on `channel` (a lower-case SQL identifier) for `pg_notify` from any process on this
   * database: on PostgreSQL over a connection of its own, reopened after a loss; on PGlite in
   * this process.
   */
  listen(channel: string, handlers: NotificationHandlers): Promise<ChannelListener>;
  /** The connection pool as it is now; absent on PGlite, which has one connection and no pool. */
  poolStats?(): PoolStats;
  close(): Promise<void>;
}

/** A connection pool's state, for the operator's metrics. */
export interface PoolStats {
  /** Connections it may open. */
  max: number;
  /** Connections open, busy or idle. */
  total: number;
  idle: number;
  /** Queries waiting for a connection: the pool is exhausted. */
  waiting: number;
}

/**
 * The Prisma client options of every database. Its query events feed `onStatement` (they cost
 * little: serialising a statement's parameters). `errorFormat: 'minimal'` because any other format
 * captures a stack trace (`new Error()`) at every call, to point an error's message at the calling
 * line: 13 % of the client's own time in a burst of requests (issue #16). An error's stack still
 * names the awaiting caller.
 */
export const CLIENT_OPTIONS = {
  errorFormat: 'minimal',
  log: [{ emit: 'event', level: 'query' }],
} satisfies Omit<Prisma.PrismaClientOptions, 'adapter'>;

/** Prisma's query events, fanned out to any number of listeners. */
export function statementEvents(prisma: PrismaClient): Database['onStatement'] {
  const listeners = new Set<(sql: string) => void>();
  (prisma as unknown as { $on(event: 'query', callback: (e: { query: string }) => void): void }).$on(
    'query',
    (event) => {
      for (const listener of listeners) listener(event.query);
    },
  );
  return (listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
}
