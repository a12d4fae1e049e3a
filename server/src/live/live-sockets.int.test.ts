import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { hashToken, sessionTokenOf } from '../auth/sessions.ts';
import { aNetwork, signIn, type TestPerson } from '../test/builders.ts';
import { fixedClock, startTestServer, type TestServer } from '../test/harness.ts';
import {
  CHANGES,
  clientAs,
  handshakeStatus,
  type Listener,
  listenAs,
  quietPeriod,
  subscribed,
} from './live.fixtures.ts';

// Who may open a live socket, what it may carry, and when it is closed (issue #15).

const SIGNED_IN_AT = '2026-03-01T15:00:00.000Z';
const minutesAfterSignIn = (minutes: number) =>
  new Date(Date.parse(SIGNED_IN_AT) + minutes * 60_000).toISOString();

describe('live sockets', () => {
  let server: TestServer;
  let cast: Awaited<ReturnType<typeof aNetwork>>;
  const clock = fixedClock(SIGNED_IN_AT);
  const listeners: Listener[] = [];

  beforeAll(async () => {
    server = await startTestServer({ clock, liveSessionCheckMs: 50 });
    cast = await aNetwork(server.db.prisma);
  });
  afterEach(async () => {
    clock.set(SIGNED_IN_AT);
    await Promise.all(listeners.splice(0).map((listener) => listener.stop()));
  });
  afterAll(async () => {
    await server?.close();
  });

  const listen = (...args: Parameters<typeof listenAs> extends [unknown, ...infer Rest] ? Rest : never) => {
    const listener = listenAs(server, ...args);
    listeners.push(listener);
    return listener;
  };
  const subscriptionsOf = (person: TestPerson) =>
    server.db.prisma.auditLog.count({ where: { actorId: person.id, action: 'SUBSCRIBE' } });
  const sessionOf = (cookie: string) =>
    server.db.prisma.session.findUniqueOrThrow({
      where: { tokenHash: hashToken(sessionTokenOf(cookie) ?? '') },
    });

  describe('the handshake', () => {
    it('admits a signed-in person from the portal’s own origin', async () => {
      const cookie = await signIn(server, cast.clinician);
      expect(await handshakeStatus(server, { cookie, origin: server.url })).toBe(101);
    });

    it.each([
      ['no session cookie', {}],
      ['an unknown session', { cookie: `ldn_session=${'x'.repeat(43)}` }],
    ])('refuses a socket with %s (401)', async (_case, headers) => {
      expect(await handshakeStatus(server, { ...headers, origin: server.url })).toBe(401);
    });

    it.each([
      ['another site', 'https://evil.example'],
      ['the same host on another port', 'http://127.0.0.1:1'],
      ['an opaque origin', 'null'],
    ])('refuses a socket opened from %s (403), session or not', async (_case, origin) => {
      const cookie = await signIn(server, cast.clinician);
      expect(await handshakeStatus(server, { cookie, origin })).toBe(403);
    });

    it('refuses a socket with no Origin (403)', async () => {
      const cookie = await signIn(server, cast.clinician);
      expect(await handshakeStatus(server, { cookie })).toBe(403);
    });

    it('serves sockets only at /graphql (404 elsewhere)', async () => {
      const cookie = await signIn(server, cast.clinician);
      expect(await handshakeStatus(server, { cookie, origin: server.url }, '/other')).toBe(404);
    });

    it('refuses a session signed out before the socket opens (401)', async () => {
      const cookie = await signIn(server, cast.clinician);
      await server.graphql('mutation { signOut }', {}, { cookie });
      expect(await handshakeStatus(server, { cookie, origin: server.url })).toBe(401);
    });
  });

  describe('an open socket', () => {
    it('is closed (4401) within a second of its session being signed out', async () => {
      const cookie = await signIn(server, cast.clinician);
      const before = await subscriptionsOf(cast.clinician);
      const listener = listen(cookie);
      await subscribed(server.db.prisma, cast.clinician.id, before + 1);
      const signedOutAt = Date.now();
      await server.graphql('mutation { signOut }', {}, { cookie });
      expect(await listener.closed).toBe(4401);
      expect(Date.now() - signedOutAt).toBeLessThan(1_000);
    });

    it('is closed (4401) when its session idles out', async () => {
      const cookie = await signIn(server, cast.coordinator);
      const before = await subscriptionsOf(cast.coordinator);
      const listener = listen(cookie);
      await subscribed(server.db.prisma, cast.coordinator.id, before + 1);
      clock.set(minutesAfterSignIn(31));
      expect(await listener.closed).toBe(4401);
    });

    it('does not keep its session alive; a live refetch does not either, a request does', async () => {
      const cookie = await signIn(server, cast.coordinator);
      const before = await subscriptionsOf(cast.coordinator);
      listen(cookie);
      await subscribed(server.db.prisma, cast.coordinator.id, before + 1);
      const signedIn = await sessionOf(cookie);
      clock.set(minutesAfterSignIn(5));
      await quietPeriod(); // several session checks
      const liveRefetch = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, 'x-ldn-background': 'live' },
        body: JSON.stringify({ query: '{ me { id } }' }),
      });
      expect(((await liveRefetch.json()) as { data: { me: unknown } }).data.me).not.toBeNull();
      expect((await sessionOf(cookie)).lastSeenAt).toEqual(signedIn.lastSeenAt);

      await server.graphql('{ me { id } }', {}, { cookie });
      expect((await sessionOf(cookie)).lastSeenAt).toEqual(new Date(minutesAfterSignIn(5)));
    });

    it('serves subscriptions only: a query or mutation is refused (BAD_REQUEST)', async () => {
      const cookie = await signIn(server, cast.clinician);
      for (const query of ['{ me { id } }', 'mutation { signOut }']) {
        const listener = listen(cookie, { query });
        await vi.waitFor(() => expect(listener.errors).toHaveLength(1));
        expect(listener.errors[0]).toMatchObject({ extensions: { code: 'BAD_REQUEST' } });
      }
      // The refused mutation did not run: the session still answers.
      expect((await server.graphql('{ me { id } }', {}, { cookie })).data).toEqual({
        me: { id: cast.clinician.id },
      });
    });

    it('holds a subscription to the same limits as a query (aliases, tokens)', async () => {
      const cookie = await signIn(server, cast.clinician);
      const aliases = Array.from({ length: 16 }, (_, n) => `a${n}: changes { id }`).join(' ');
      const tooManyAliases = listen(cookie, { query: `subscription { ${aliases} }` });
      const tooManyTokens = listen(cookie, {
        query: `subscription { changes { ${'id '.repeat(2_000)} } }`,
      });
      await vi.waitFor(() => {
        expect(tooManyAliases.errors).not.toHaveLength(0);
        expect(tooManyTokens.errors).not.toHaveLength(0);
      });
      expect(tooManyAliases.errors).toContainEqual(
        expect.objectContaining({
          message: expect.stringMatching(/aliases/i),
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
        }),
      );
      expect(tooManyAliases.heard).toEqual([]);
      expect(tooManyTokens.errors[0]).toMatchObject({
        message: 'Token limit of 2000 exceeded.',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      });
    });
  });

  it('refuses an eleventh subscription on one socket (TOO_MANY_REQUESTS)', async () => {
    const cookie = await signIn(server, cast.clinician);
    const client = clientAs(server, cookie);
    const refusals: unknown[] = [];
    const stops = Array.from({ length: 11 }, () =>
      client.subscribe(
        { query: CHANGES },
        { next: () => {}, error: (error) => refusals.push(error), complete: () => {} },
      ),
    );
    try {
      await vi.waitFor(() => expect(refusals).toHaveLength(1));
      expect(refusals[0]).toEqual([expect.objectContaining({ extensions: { code: 'TOO_MANY_REQUESTS' } })]);
    } finally {
      for (const stop of stops) stop();
      await client.dispose();
    }
  });

  it('refuses a subscription POSTed over HTTP (400, BAD_REQUEST)', async () => {
    const cookie = await signIn(server, cast.clinician);
    const answer = await server.graphql('subscription { changes { id } }', {}, { cookie });
    expect(answer.status).toBe(400);
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_REQUEST' });
  });
});
