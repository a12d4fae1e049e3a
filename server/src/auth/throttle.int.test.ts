import { afterEach, describe, expect, it } from 'vitest';
import { aNetwork, aPerson, TEST_PASSWORD } from '../test/builders.ts';
import { startTestServer, type TestServer } from '../test/harness.ts';
import { DEFAULT_THROTTLE, type ThrottlePolicy } from './throttle.ts';

// The sign-in throttle over HTTP: an account has a hard limit, counted before the password is
// checked; an address (a whole clinic behind one router) is only slowed. Delays are recorded, not
// slept, so the tests are deterministic.

const SIGN_IN = 'mutation ($input: SignInInput!) { signIn(input: $input) { id } }';

interface Answer {
  data?: { signIn: { id: string } } | null;
  errors?: { extensions?: { code?: string } }[];
}

/** Signs in over HTTP, optionally through a proxy that says the client is `forwardedFor`. */
async function signInAs(server: TestServer, email: string, password: string, forwardedFor?: string) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor }),
    },
    body: JSON.stringify({ query: SIGN_IN, variables: { input: { email, password } } }),
  });
  const body = (await response.json()) as Answer;
  return body.errors?.[0]?.extensions?.code ?? (body.data?.signIn ? 'SIGNED_IN' : 'NO_ANSWER');
}

const addressRows = (server: TestServer) =>
  server.db.prisma.signInThrottle.findMany({
    where: { key: { startsWith: 'ip:' } },
    orderBy: { key: 'asc' },
  });

describe('the sign-in throttle', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function start(options: { throttle?: ThrottlePolicy; env?: Record<string, string> } = {}) {
    server = await startTestServer(options);
    return { server, cast: await aNetwork(server.db.prisma) };
  }

  it('evaluates at most the limit of 40 wrong passwords sent at once for one account', async () => {
    const { server, cast } = await start({ throttle: { ...DEFAULT_THROTTLE, delayStepMs: 0 } });
    const target = await aPerson(server.db.prisma, cast.clinic.id, 'COORDINATOR');
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => signInAs(server, target.email, `parallel guess ${i}`)),
    );
    // Before the attempt was counted ahead of the check, all 40 were UNAUTHENTICATED (evaluated).
    expect(answers.filter((code) => code === 'UNAUTHENTICATED')).toHaveLength(DEFAULT_THROTTLE.maxFailures);
    expect(answers.filter((code) => code === 'TOO_MANY_REQUESTS')).toHaveLength(30);
    expect(await server.db.prisma.auditLog.count({ where: { action: 'SIGN_IN_REFUSED' } })).toBe(10);
    expect(await signInAs(server, target.email, TEST_PASSWORD)).toBe('TOO_MANY_REQUESTS');
  });

  it('slows many accounts behind one address but never locks the address: the right password gets in', async () => {
    const waits: number[] = [];
    const { server, cast } = await start({
      throttle: {
        ...DEFAULT_THROTTLE,
        delayStepMs: 100,
        wait: async (ms) => {
          waits.push(ms);
        },
      },
    });
    const accounts = await Promise.all(
      Array.from({ length: 30 }, () => aPerson(server.db.prisma, cast.clinic.id, 'COORDINATOR')),
    );
    // 60 failures from one address, two per account: no account reaches its limit.
    for (const guess of [1, 2]) {
      const answers = await Promise.all(
        accounts.map((account) => signInAs(server, account.email, `wrong ${guess}`)),
      );
      expect(new Set(answers)).toEqual(new Set(['UNAUTHENTICATED']));
    }
    // Progressive: the later failures waited longer than the first ones (none for the first 15).
    expect(waits.length).toBeGreaterThan(0);
    expect(Math.max(...waits)).toBeGreaterThan(Math.min(...waits));
    waits.length = 0;
    // A colleague behind the same router: held back 60/5 − 2 = 10 steps, then signed in.
    expect(await signInAs(server, cast.clinician.email, TEST_PASSWORD)).toBe('SIGNED_IN');
    expect(waits).toEqual([1_000]);
    const [address] = await addressRows(server);
    expect(address).toMatchObject({ failures: 60, lockedUntil: null });
    // Another failure waits the same again, and is still evaluated, not refused.
    waits.length = 0;
    expect(await signInAs(server, accounts[0]?.email ?? '', 'wrong 3')).toBe('UNAUTHENTICATED');
    expect(waits).toEqual([1_000]);
  });

  it('gives a clinic’s own sign-ins back to the address, so they never slow each other', async () => {
    const waits: number[] = [];
    const { server, cast } = await start({
      throttle: { ...DEFAULT_THROTTLE, delayStepMs: 100, wait: async (ms) => void waits.push(ms) },
    });
    for (let i = 0; i < 30; i += 1) {
      expect(await signInAs(server, cast.clinician.email, TEST_PASSWORD)).toBe('SIGNED_IN');
    }
    expect(waits).toEqual([]);
    expect(await addressRows(server)).toMatchObject([{ failures: 0 }]);
  });

  it('ignores X-Forwarded-For unless TRUST_PROXY is set', async () => {
    const { server } = await start();
    for (const client of ['203.0.113.7', '203.0.113.8', '198.51.100.1']) {
      expect(await signInAs(server, 'nobody@example.test', 'x', client)).toBe('UNAUTHENTICATED');
    }
    // One address, the peer's: a client cannot choose its way out of the address's count.
    expect(await addressRows(server)).toMatchObject([{ key: 'ip:127.0.0.1', failures: 3 }]);
  });

  it('counts the client’s address from X-Forwarded-For behind a trusted proxy', async () => {
    const { server } = await start({ env: { TRUST_PROXY: 'loopback' } });
    expect(await signInAs(server, 'nobody@example.test', 'x', '203.0.113.7')).toBe('UNAUTHENTICATED');
    // A client's own X-Forwarded-For before the proxy's entry is not believed: the proxy appends.
    expect(await signInAs(server, 'nobody@example.test', 'x', '192.0.2.1, 203.0.113.7')).toBe(
      'UNAUTHENTICATED',
    );
    expect(await addressRows(server)).toMatchObject([{ key: 'ip:203.0.113.7', failures: 2 }]);
  });
});
