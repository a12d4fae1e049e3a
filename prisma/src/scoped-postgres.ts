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

/** node-postgres's own query, as far as this file relies on it (pg 8: lib/query.js). */
interface PgQuery {
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
 * query objects go as they are.
 */
export class ScopedClient extends pg.Client {
  /** The access of the caller that checked this client out of the pool, until the next checkout. */
  boundAccess: DataAccess | null = null;
  /** Whether marked statements are prepared (prepared-statements.ts); the pool's option. */
  readonly #prepares: boolean;

  constructor(config?: string | (pg.ClientConfig & ScopedOptions)) {
    super(config);
    this.#prepares = typeof config === 'object' && config.preparedStatements === true;
  }

  // biome-ignore lint/suspicious/noExplicitAny: node-postgres's overloads cannot be re-declared one by one
  override query(given: any, values?: any, callback?: any): any {
    const access = this.boundAccess;
    const sql = sqlOf(given);
    const config = this.#named(given, sql);
    if (
      access === null ||
      sql === undefined ||
      typeof config?.submit === 'function' ||
      isTransactionControl(sql)
    )
      return super.query(config, values, callback);
    const done = typeof values === 'function' ? values : callback;
    const query = accessPrefixedQuery(config, typeof values === 'function' ? undefined : values, access);
    // node-postgres takes any object with submit() (a Query is one); its types know only configs.
    const submit = (submittable: PgQuery) => super.query(submittable as unknown as pg.QueryConfig);
    if (done !== undefined) {
      query.callback = done;
      submit(query);
      return undefined;
    }
    return new Promise((resolve, reject) => {
      query.callback = (error, result) => (error ? reject(error) : resolve(result));
      submit(query);
    });
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
