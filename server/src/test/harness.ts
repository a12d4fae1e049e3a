import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Database } from '@ldn/db';
import { createTestDatabase } from '@ldn/db/testing';
import type { DestinationStream } from 'pino';
import { type App, createApp } from '../app.ts';
import { DEFAULT_THROTTLE, type ThrottlePolicy } from '../auth/throttle.ts';
import type { ExecutionOptions } from '../graphql/compiled-execution.ts';
import type { Context } from '../graphql/context.ts';
import type { Clock } from '../platform/clock.ts';
import { loadConfig } from '../platform/config.ts';
import { createLogger } from '../platform/logger.ts';

export interface GraphQLResponse<Data = Record<string, unknown>> {
  data?: Data | null;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
}

export interface TestServer {
  url: string;
  db: Database;
  app: App;
  /** The HTTP server listening at `url`. */
  http: Server;
  /** POSTs one operation to /graphql, as the portal does (JSON, so no CSRF preflight is needed). */
  graphql<Data = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: { cookie?: string },
  ): Promise<GraphQLResponse<Data> & { status: number; setCookie: string[] }>;
  close(): Promise<void>;
}

/** The real app over HTTP on a free port, on a fresh database of its own. */
export interface TestServerOptions {
  env?: Record<string, string>;
  clock?: Clock;
  throttle?: ThrottlePolicy;
  /** How often live sockets' sessions are checked again. */
  liveSessionCheckMs?: number;
  /** Where the server's log lines go (with env LOG_LEVEL), for a test of what is logged. */
  logTo?: DestinationStream;
  /** A database the test opened itself (and closes), instead of a fresh test database. */
  db?: Database;
  /** Apollo plugins added to the app's (a test holding a request in flight). */
  plugins?: ApolloServerPlugin<Context>[];
  /** How operations are executed (compiled by default), and which way each one ran. */
  execution?: ExecutionOptions;
}

/** A clock that stands still at `now` until moved (`set`), for sessions and "today". */
export function fixedClock(now: string): Clock & { set(now: string): void } {
  let current = new Date(now);
  return {
    now: () => new Date(current),
    today: () => current.toISOString().slice(0, 10),
    set(next: string) {
      current = new Date(next);
    },
  };
}

export async function startTestServer({
  env = {},
  clock,
  throttle,
  liveSessionCheckMs,
  logTo,
  db: given,
  plugins,
  execution,
}: TestServerOptions = {}): Promise<TestServer> {
  const db = given ?? (await createTestDatabase());
  const config = loadConfig({
    // The app gets the test database opened above, whatever the configuration says; a test of
    // production (NODE_ENV) must not be refused for having no DATABASE_URL.
    ALLOW_EMBEDDED_DATABASE: 'true',
    LOG_LEVEL: 'silent',
    PORT: '0',
    WEB_DIST: '/nonexistent',
    CLINIC_TIME_ZONE: 'UTC',
    // Tests count a request's statements, its session's read among them: a read kept from the
    // request before would make the count depend on timing. recent-sessions.int.test.ts keeps them.
    SESSION_RECENT_MS: '0',
    ...env,
  });
  const app: App = await createApp({
    db,
    config,
    log: createLogger(config.logLevel, logTo),
    ...(clock === undefined ? {} : { clock }),
    throttle: throttle ?? { ...DEFAULT_THROTTLE, delayStepMs: 0 },
    ...(liveSessionCheckMs === undefined ? {} : { liveSessionCheckMs }),
    ...(plugins === undefined ? {} : { plugins }),
    ...(execution === undefined ? {} : { execution }),
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    db,
    app,
    http: server,
    async graphql(query, variables, options = {}) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(options.cookie === undefined ? {} : { cookie: options.cookie }),
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as GraphQLResponse<never>;
      return { ...body, status: response.status, setCookie: response.headers.getSetCookie() };
    },
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // The server waits for its live sockets, which the app closes.
      await app.stop();
      await closed;
      if (given === undefined) await db.close();
    },
  };
}
