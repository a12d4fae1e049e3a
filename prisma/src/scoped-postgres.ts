import pg from 'pg';
import {
  ACCESS_STATEMENT,
  accessParameters,
  currentDataAccess,
  type DataAccess,
  isTransactionControl,
} from './data-access.ts';
import { preparedNameOf } from './prepared-statements.ts';

/** The parts of node-postgres's wire connection a query writes its messages to. */
interface Wire {
  /** Named statements sent to be parsed on this connection, not yet confirmed (pg 8: lib/client.js). */
  submittedNamedStatements: Record<string, string>;
  parse(message: { text: string; name?: string; types?: number[] }): void;
  bind(message: { portal?: string; statement?: string; values: unknown[] }): void;
  execute(message: { portal?: string; rows?: number }): void;
}

/**
 * What node-postgres hands a query to and calls back on (pg 8: lib/client.js): its own `Query`,
 * ours, or a caller's submittable such as pg-cursor's.
 */
interface Submittable {
  callback?: unknown;
  handleReadyForQuery(connection: unknown): void;
  handleError(error: Error, connection: unknown): void;
}

/** node-postgres's own query, as far as this file relies on it (pg 8: lib/query.js). */
interface PgQuery extends Submittable {
  queryMode?: string;
  name?: string;
  text: string;
  types?: unknown;
  hasBeenParsed(connection: Wire): boolean;
  callback?: (error: Error | null, result?: unknown) => void;
  prepare(connection: Wire): void;
  handleDataRow(message: unknown): void;
  handleCommandComplete(message: unknown, connection: Wire): void;
}
type PgQueryClass = new (config: unknown, values?: unknown, callback?: unknown) => PgQuery;
const Query = (pg as unknown as { Query: PgQueryClass }).Query;

/**
 * A query sent with the data access in front of it, in ONE round trip and one transaction: Parse,
 * Bind and Execute of the access statement, then the query's own messages, then a single Sync.
 * PostgreSQL runs everything up to a Sync as one implicit transaction (or inside the explicit one
 * already open), so the access's `set_config(…, true)` holds for the query and for nothing after
 * it. The access statement's row and completion are the first answers; they are not the query's.
 */
function accessPrefixedQuery(config: unknown, values: unknown, access: DataAccess): PgQuery {
  const query = new Query(config, values);
  // Always the extended protocol: the simple one would send the query before the prefix's Sync.
  query.queryMode = 'extended';
  let prefixAnswered = false;
  const prepare = query.prepare.bind(query);
  const handleDataRow = query.handleDataRow.bind(query);
  const handleCommandComplete = query.handleCommandComplete.bind(query);
  query.prepare = (connection) => {
    // A named statement's first Parse goes before the prefix's, so that the first ParseComplete is
    // its own: node-postgres records the name as parsed at the first one, and a Parse that then
    // failed would leave the name recorded and never parsed. (Parsing is not planning: the plan is
    // made at the first execution, under the access's role and policies.)
    if (query.name !== undefined && !query.hasBeenParsed(connection)) {
      connection.parse({ text: query.text, name: query.name, types: query.types as number[] });
      connection.submittedNamedStatements[query.name] = query.text;
    }
    connection.parse({ text: ACCESS_STATEMENT, name: '', types: [] });
    connection.bind({ portal: '', statement: '', values: accessParameters(access) });
    connection.execute({ portal: '', rows: 0 });
    prepare(connection);
  };
  query.handleDataRow = (message) => {
    if (prefixAnswered) handleDataRow(message);
  };
  query.handleCommandComplete = (message, connection) => {
    if (prefixAnswered) handleCommandComplete(message, connection);
    else prefixAnswered = true;
  };
  return query;
}

function sqlOf(config: unknown): string | undefined {
  if (typeof config === 'string') return config;
  if (typeof config === 'object' && config !== null && 'text' in config && typeof config.text === 'string')
    return config.text;
  return undefined;
}

/**
 * A node-postgres client that sends each statement under the data access it was checked out for
 * (data-access.ts; `ScopedPool` binds it). Statements with none, transaction control, and custom
 * query objects go as they are. It hands node-postgres one query at a time (see `#run`).
 */
export class ScopedClient extends pg.Client {
  /** The access of the caller that checked this client out of the pool, until the next checkout. */
  boundAccess: DataAccess | null = null;
  /** Whether marked statements are prepared (prepared-statements.ts); the pool's option. */
  readonly #prepares: boolean;
  /** Whether node-postgres holds a query of ours that has not finished. */
  #busy = false;
  /** Queries asked for while it does, in the order asked. */
  readonly #waiting: Submittable[] = [];
  /** Whether the connection has ended (told before node-postgres fails the queries it holds). */
  #ended = false;

  constructor(config?: string | (pg.ClientConfig & ScopedOptions)) {
    super(config);
    this.#prepares = typeof config === 'object' && config.preparedStatements === true;
    this.connection.once('end', () => {
      this.#ended = true;
    });
  }

  // biome-ignore lint/suspicious/noExplicitAny: node-postgres's overloads cannot be re-declared one by one
  override query(given: any, values?: any, callback?: any): any {
    const access = this.boundAccess;
    const sql = sqlOf(given);
    const config = this.#named(given, sql);
    // node-postgres's order: a callback after the text, after the values, or in the config object.
    const done =
      typeof values === 'function'
        ? values
        : (callback ?? (typeof config?.callback === 'function' ? config.callback : undefined));
    if (typeof config?.submit === 'function') {
      // node-postgres's rule for a submittable's callback, applied now: it is handed over later.
      if (!config.callback && done !== undefined) config.callback = done;
      this.#run(config);
      return config;
    }
    const parameters = typeof values === 'function' ? undefined : values;
    const query =
      access === null || sql === undefined || isTransactionControl(sql)
        ? new Query(config, parameters)
        : accessPrefixedQuery(config, parameters, access);
    if (done !== undefined) {
      query.callback = done;
      this.#run(query);
      return undefined;
    }
    return new Promise((resolve, reject) => {
      query.callback = (error, result) => (error ? reject(error) : resolve(result));
      this.#run(query);
    });
  }

  /**
   * Hands `query` to node-postgres once every query asked for before it has finished. pg 8 queues
   * a query asked for while another runs but warns that pg 9 will refuse it, and statements of one
   * transaction are asked for at once (Prisma loads a record's relations under `Promise.all`).
   */
  #run(query: Submittable): void {
    // A pipelining client writes its queries at once by design, and node-postgres does not warn.
    if (this.pipeline) super.query(query as unknown as pg.QueryConfig);
    else if (this.#busy) this.#waiting.push(query);
    else {
      this.#busy = true;
      this.#start(query);
    }
  }

  /**
   * A query is finished at its ReadyForQuery or at its error, whichever node-postgres calls first,
   * and the next one waiting starts then. Once the connection has ended they fail with the error
   * the finished one got, as node-postgres fails those it holds: handed to it, one asked for
   * before a failed connect would wait for ever.
   */
  #start(query: Submittable, failure?: Error): void {
    let finished = false;
    const finish = (error?: Error) => {
      if (finished) return;
      finished = true;
      const next = this.#waiting.shift();
      if (next === undefined) this.#busy = false;
      else this.#start(next, this.#ended ? error : undefined);
    };
    const { handleReadyForQuery, handleError } = query;
    // Its callback first, as node-postgres calls it: a query asked for there waits behind the others.
    query.handleReadyForQuery = (connection) => {
      try {
        handleReadyForQuery.call(query, connection);
      } finally {
        finish();
      }
    };
    query.handleError = (error, connection) => {
      try {
        handleError.call(query, error, connection);
      } finally {
        finish(error);
      }
    };
    if (failure !== undefined) process.nextTick(() => query.handleError(failure, this.connection));
    // node-postgres takes any object with submit() (a Query is one); its types know only configs.
    else super.query(query as unknown as pg.QueryConfig);
  }

  /** The query as a named prepared statement when its text is marked and the pool prepares them. */
  // biome-ignore lint/suspicious/noExplicitAny: as query()'s
  #named(config: any, sql: string | undefined): any {
    if (!this.#prepares || sql === undefined || typeof config?.submit === 'function') return config;
    const name = preparedNameOf(sql);
    if (name === undefined) return config;
    return typeof config === 'string' ? { text: config, name } : { ...config, name };
  }
}

/** The pool's options of ours, handed to each client it opens. */
export interface ScopedOptions {
  /** Send statements marked with `preparedMark` as named prepared statements. */
  preparedStatements?: boolean;
}

type ConnectCallback = (
  error: Error | undefined,
  client: pg.PoolClient | undefined,
  done: (release?: unknown) => void,
) => void;

/**
 * A pool whose clients carry the data access of whoever asked for them, read when they ask — not
 * when the client is handed over, which for a caller that waited is inside the request that freed
 * a connection, another organisation's. `pool.query` asks through `connect` at once, so a lone
 * statement is bound the same way as a transaction.
 */
export class ScopedPool extends pg.Pool {
  // biome-ignore lint/suspicious/noExplicitAny: pg-pool's overloads (promise or callback)
  override connect(callback?: ConnectCallback): any {
    const access = currentDataAccess();
    const bind = (client: pg.PoolClient | undefined) => {
      if (client !== undefined) (client as unknown as ScopedClient).boundAccess = access;
    };
    if (callback !== undefined)
      return super.connect((error, client, done) => {
        bind(client);
        callback(error, client, done);
      });
    return super.connect().then((client) => {
      bind(client);
      return client;
    });
  }
}
