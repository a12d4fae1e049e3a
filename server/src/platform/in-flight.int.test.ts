import type { ApolloServerPlugin } from '@apollo/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_THROTTLE } from '../auth/throttle.ts';
import type { Context } from '../graphql/context.ts';
import { aNetwork, signIn } from '../test/builders.ts';
import { startTestServer, type TestServer } from '../test/harness.ts';

// MAX_REQUESTS_IN_FLIGHT against the real app: with one place, a request held in flight by a
// plugin keeps the next waiting, unread, until it ends. "Waiting" is read from the gate's own
// gauge, so the test waits for a state, not for a time.

/** Records every operation Apollo starts, and holds the ones named Held until released. */
function holdOperations() {
  const started: string[] = [];
  let release = () => {};
  let released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const plugin: ApolloServerPlugin<Context> = {
    async requestDidStart({ request }) {
      started.push(request.operationName ?? '(anonymous)');
      if (request.operationName === 'Held') await released;
      return {};
    },
  };
  return {
    plugin,
    started,
    release() {
      release();
      released = new Promise<void>((resolve) => {
        release = resolve;
      });
    },
  };
}

describe('requests in flight (MAX_REQUESTS_IN_FLIGHT)', () => {
  const hold = holdOperations();
  let server: TestServer;
  let cookie: string;

  beforeAll(async () => {
    server = await startTestServer({ env: { MAX_REQUESTS_IN_FLIGHT: '1' }, plugins: [hold.plugin] });
    const cast = await aNetwork(server.db.prisma);
    cookie = await signIn(server, cast.clinician);
  });
  afterAll(async () => {
    hold.release();
    await server.close();
  });

  /** The gate's gauge, as /metrics would show it. */
  const gauge = async (name: string) =>
    (await server.app.metrics.registry.getSingleMetric(name)?.get())?.values[0]?.value;

  async function until(condition: () => Promise<boolean>) {
    for (let attempt = 0; attempt < 200; attempt += 1) {
      if (await condition()) return;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error('the state was never reached');
  }

  const post = (operation: string, signal?: AbortSignal) =>
    fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ query: `query ${operation} { me { id } }`, operationName: operation }),
      ...(signal === undefined ? {} : { signal }),
    });

  it('keeps a request waiting, unread, until the one in flight has answered, the health checks answering', async () => {
    hold.started.length = 0;
    const held = post('Held');
    await until(async () => hold.started.includes('Held'));
    const next = post('Next');
    await until(async () => (await gauge('ldn_http_requests_waiting')) === 1);
    expect(await gauge('ldn_http_requests_in_flight')).toBe(1);
    expect(hold.started).toEqual(['Held']);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);

    hold.release();
    const answers = await Promise.all([held, next]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    for (const answer of answers) expect(((await answer.json()) as { data: unknown }).data).toBeTruthy();
    expect(hold.started).toEqual(['Held', 'Next']);
    await until(async () => (await gauge('ldn_http_requests_in_flight')) === 0);
    expect(await gauge('ldn_http_requests_waiting')).toBe(0);
  });

  it('drops a request whose client gave up while it waited, and frees its place', async () => {
    hold.started.length = 0;
    const held = post('Held');
    await until(async () => hold.started.includes('Held'));
    const giveUp = new AbortController();
    const abandoned = post('Abandoned', giveUp.signal).catch((error: unknown) => error);
    await until(async () => (await gauge('ldn_http_requests_waiting')) === 1);
    giveUp.abort();
    expect(await abandoned).toBeInstanceOf(Error);

    hold.release();
    expect((await held).status).toBe(200);
    const after = await post('After');
    expect(after.status).toBe(200);
    expect(hold.started).toEqual(['Held', 'After']);
    await until(async () => (await gauge('ldn_http_requests_in_flight')) === 0);
  });
});

describe('a slowed sign-in, with one request in flight at most', () => {
  let server: TestServer;
  let cookie: string;
  let email: string;
  let delayed = 0;
  let release = () => {};

  beforeAll(async () => {
    server = await startTestServer({
      env: { MAX_REQUESTS_IN_FLIGHT: '1' },
      throttle: {
        ...DEFAULT_THROTTLE,
        delayStepMs: 100,
        // The throttle's delay lasts until the test ends it.
        wait: () => {
          delayed += 1;
          return new Promise<void>((resolve) => {
            release = resolve;
          });
        },
      },
    });
    const cast = await aNetwork(server.db.prisma);
    cookie = await signIn(server, cast.clinician);
    email = cast.coordinator.email;
  });
  afterAll(async () => {
    release();
    await server.close();
  });

  const wrongSignIn = () =>
    server.graphql('mutation SignIn($input: SignInInput!) { signIn(input: $input) { id } }', {
      input: { email, password: 'not the password' },
    });

  it('waits out its delay without holding the place: the clinic’s next request is answered meanwhile', async () => {
    // The first failures of an account are not slowed; the next one is.
    for (let attempt = 0; attempt < 3; attempt += 1) await wrongSignIn();
    expect(delayed).toBe(0);
    const slowed = wrongSignIn();
    for (let attempt = 0; attempt < 200 && delayed === 0; attempt += 1)
      await new Promise((resolve) => setTimeout(resolve, 10));
    expect(delayed).toBe(1);

    const me = await server.graphql<{ me: { id: string } }>('query Me { me { id } }', {}, { cookie });
    expect(me.status).toBe(200);
    expect(me.data?.me.id).toBeTruthy();

    release();
    const refused = await slowed;
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
