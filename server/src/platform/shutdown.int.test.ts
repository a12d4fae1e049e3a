import { createServer } from 'node:http';
import { connect } from 'node:net';
import type { ApolloServerPlugin } from '@apollo/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_THROTTLE } from '../auth/throttle.ts';
import type { Context } from '../graphql/context.ts';
import { listenAs, subscribed } from '../live/live.fixtures.ts';
import { DEFAULT_BATCH_SIZE, startRetention } from '../retention/retention.ts';
import { aNetwork, signIn } from '../test/builders.ts';
import { startTestServer, type TestServer } from '../test/harness.ts';
import { systemClock } from './clock.ts';
import { createLogger } from './logger.ts';
import { drain, drainable } from './shutdown.ts';

// The graceful shutdown (issue #18) against the real app and database: a GraphQL request is held in
// flight by a plugin the test opens and closes, so "in flight" is a state, not a race.

const HELD = 'query Held { patients(first: 5) { totalCount edges { node { id } } } }';
const log = createLogger('silent');

/** Holds every operation named Held before it executes, until released. */
function holdOperations() {
  let arrive = () => {};
  let release = () => {};
  const arrived = new Promise<void>((resolve) => {
    arrive = resolve;
  });
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const plugin: ApolloServerPlugin<Context> = {
    async requestDidStart() {
      return {
        async executionDidStart({ operationName }) {
          if (operationName !== 'Held') return;
          arrive();
          await released;
        },
      };
    },
  };
  return { plugin, arrived, release };
}

/** Whether a new TCP connection to `url` is accepted. */
function connects(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(Number(new URL(url).port), '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** What /readyz answers through the app, as a probe on a connection kept open would be answered. */
async function readiness(server: TestServer): Promise<{ status: number; body: unknown }> {
  const probe = createServer(server.app.express).listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => probe.once('listening', () => resolve()));
  try {
    const { port } = probe.address() as { port: number };
    const response = await fetch(`http://127.0.0.1:${port}/readyz`, { headers: { connection: 'close' } });
    return { status: response.status, body: await response.json() };
  } finally {
    probe.closeAllConnections();
    await new Promise((resolve) => probe.close(resolve));
  }
}

describe('graceful shutdown', () => {
  const holds: ReturnType<typeof holdOperations>[] = [];
  const dropping: (() => Promise<void> | undefined)[] = [];
  afterEach(async () => {
    // An operation a test abandoned ends now, on the closed pool.
    for (const hold of holds.splice(0)) hold.release();
    await Promise.all(dropping.splice(0).map((dropped) => dropped()));
  });

  async function start() {
    const hold = holdOperations();
    holds.push(hold);
    const server = await startTestServer({ plugins: [hold.plugin] });
    const http = drainable(server.http);
    const cast = await aNetwork(server.db.prisma);
    const cookie = await signIn(server, cast.clinician);
    const events: string[] = [];
    let dropped: Promise<void> | undefined;
    const db = {
      // The test database's close also drops it, which waits for a checkpoint: not the drain's time.
      close: async () => {
        events.push('pool closed');
        dropped = server.db.close();
      },
    };
    dropping.push(() => dropped);
    return { server, http, hold, cast, cookie, events, db };
  }
  // Each test drains (and so ends) a server of its own, started in the hook's longer time limit.
  let started: Awaited<ReturnType<typeof start>>;
  beforeEach(async () => {
    started = await start();
  });

  it('lets a request in flight finish, closes subscriptions (1001) and refuses new work before closing the pool', async () => {
    const { server, http, hold, cast, cookie, events, db } = started;
    const listener = listenAs(server, cookie);
    await subscribed(server.db.prisma, cast.clinician.id, 1);
    // Leaves an idle keep-alive connection, which must not hold the shutdown up: kept open longer
    // than the drain may take, as behind a load balancer whose own idle timeout is long.
    server.http.keepAliveTimeout = 120_000;
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const retention = startRetention({
      prisma: server.db.prisma,
      clock: systemClock('UTC'),
      policy: { sessionIdleMinutes: 30, throttle: DEFAULT_THROTTLE, batchSize: DEFAULT_BATCH_SIZE },
      intervalMs: 60_000,
      log,
    });
    // From here the only request is the held one.
    server.http.on('request', (_req, res) => res.once('finish', () => events.push('response sent')));
    const held = fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ query: HELD }),
    });
    await hold.arrived;

    events.push('drain started');
    const drained = drain({
      http,
      app: server.app,
      jobs: [{ stop: () => retention.stop().then(() => void events.push('retention stopped')) }],
      db,
      // Generous: were an idle connection to hold the drain up, it would end timed out.
      timeoutMs: 20_000,
      log,
    });

    expect(await connects(server.url)).toBe(false);
    expect(await readiness(server)).toEqual({ status: 503, body: { status: 'shutting down' } });
    expect(await listener.closed).toBe(1001);
    expect(events).not.toContain('pool closed');

    hold.release();
    const response = await held;
    expect(response.status).toBe(200);
    // The client is asked not to send anything more on this connection.
    expect(response.headers.get('connection')).toBe('close');
    const body = (await response.json()) as { data?: { patients: { totalCount: number } }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data?.patients.totalCount).toBe(0);

    expect(await drained).toEqual({ timedOut: false, failed: false });
    // The retention job's batch may end before or after the response; both before the pool closes.
    expect(events.slice(1, 3).sort()).toEqual(['response sent', 'retention stopped']);
    expect(events).toEqual(['drain started', ...events.slice(1, 3), 'pool closed']);
  });

  it('cuts a request still in flight at the time limit, and still closes the pool', async () => {
    const { server, http, hold, cookie, events, db } = started;
    const stuck = server.graphql(HELD, {}, { cookie }).then(
      () => 'answered',
      () => 'cut off',
    );
    await hold.arrived;

    const outcome = await drain({ http, app: server.app, db, timeoutMs: 200, log });

    expect(outcome).toEqual({ timedOut: true, failed: false });
    expect(await stuck).toBe('cut off');
    expect(events).toEqual(['pool closed']);
  });
});
