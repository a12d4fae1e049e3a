import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aNetwork, aPerson, signIn, TEST_PASSWORD } from '../test/builders.ts';
import { startTestServer, type TestServer } from '../test/harness.ts';
import { expectRefused, GOOD_PASSWORD, ok, Q, signInWith } from './admin.fixtures.ts';

interface MySession {
  id: string;
  current: boolean;
  userAgent: string | null;
}

describe("one's own password and sessions", () => {
  let server: TestServer;
  let cast: Awaited<ReturnType<typeof aNetwork>>;
  const sessionsOf = async (cookie: string) =>
    (await ok<{ mySessions: MySession[] }>(server, Q.mySessions, {}, cookie)).mySessions;
  beforeAll(async () => {
    server = await startTestServer({
      throttle: { maxFailures: 3, lockMinutes: 15, windowMinutes: 15, delayStepMs: 0 },
    });
    cast = await aNetwork(server.db.prisma);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('refuses a password change with a wrong current password, changing nothing', async () => {
    const cookie = await signIn(server, cast.coordinator);
    const response = await server.graphql(
      Q.changeMyPassword,
      { current: 'not my password', next: GOOD_PASSWORD },
      { cookie },
    );
    expectRefused(response, 'BAD_USER_INPUT', 'current');
    expect(await signInWith(server, cast.coordinator.email, TEST_PASSWORD)).toBeDefined();
    const rows = await server.db.prisma.auditLog.count({
      where: { action: 'PASSWORD_CHANGE_REFUSED', actorId: cast.coordinator.id },
    });
    expect(rows).toBe(1);
  });

  it('slows guessing: after repeated wrong current passwords it refuses for a while', async () => {
    const person = await aPerson(server.db.prisma, cast.clinic.id, 'COORDINATOR');
    const cookie = await signIn(server, person);
    for (let i = 0; i < 3; i += 1) {
      await server.graphql(Q.changeMyPassword, { current: `guess ${i}`, next: GOOD_PASSWORD }, { cookie });
    }
    const locked = await server.graphql(
      Q.changeMyPassword,
      { current: TEST_PASSWORD, next: GOOD_PASSWORD },
      { cookie },
    );
    expectRefused(locked, 'TOO_MANY_REQUESTS');
  });

  it.each([
    ['short', 'tiny-pass'],
    ['common', 'qwerty123456'],
    ['the same as the current one', TEST_PASSWORD],
  ])('refuses a %s new password', async (_what, next) => {
    const person = await aPerson(server.db.prisma, cast.pharmacy.id, 'PHARMACIST');
    const cookie = await signIn(server, person);
    const response = await server.graphql(Q.changeMyPassword, { current: TEST_PASSWORD, next }, { cookie });
    expectRefused(response, 'BAD_USER_INPUT', 'next');
  });

  it('changes the password: the new one signs in, other sessions end, this one stays', async () => {
    const person = await aPerson(server.db.prisma, cast.clinic.id, 'CLINICIAN');
    const here = await signIn(server, person);
    const elsewhere = await signIn(server, person);
    const changed = await ok(
      server,
      Q.changeMyPassword,
      { current: TEST_PASSWORD, next: GOOD_PASSWORD },
      here,
    );
    expect(changed).toEqual({ changeMyPassword: true });
    expect((await server.graphql(Q.me, {}, { cookie: here })).data?.me).toMatchObject({ id: person.id });
    expect((await server.graphql(Q.me, {}, { cookie: elsewhere })).data).toEqual({ me: null });
    expect(await signInWith(server, person.email, TEST_PASSWORD)).toBeUndefined();
    expect(await signInWith(server, person.email, GOOD_PASSWORD)).toBeDefined();
    expect(
      await server.db.prisma.auditLog.count({ where: { action: 'PASSWORD_CHANGED', actorId: person.id } }),
    ).toBe(1);
  });

  it('lists live sessions with the current one marked', async () => {
    const person = await aPerson(server.db.prisma, cast.clinic.id, 'COORDINATOR');
    const first = await signIn(server, person);
    const second = await signIn(server, person);
    const ended = await signIn(server, person);
    await ok(server, 'mutation { signOut }', {}, ended);
    const sessions = await sessionsOf(second);
    expect(sessions).toHaveLength(2);
    expect(sessions.filter((session) => session.current)).toHaveLength(1);
    expect(sessions[0]?.userAgent).toBe('node');
    const fromFirst = await sessionsOf(first);
    expect(fromFirst.find((session) => session.current)?.id).not.toBe(sessions.find((s) => s.current)?.id);
  });

  it("ends one of one's sessions, and refuses someone else's as not found", async () => {
    const person = await aPerson(server.db.prisma, cast.clinic.id, 'COORDINATOR');
    const keep = await signIn(server, person);
    const drop = await signIn(server, person);
    const dropId = (await sessionsOf(drop)).find((session) => session.current)!.id;
    const stranger = await signIn(server, cast.pharmacist);
    expectRefused(await server.graphql(Q.endMySession, { id: dropId }, { cookie: stranger }), 'NOT_FOUND');
    expect((await server.graphql(Q.me, {}, { cookie: drop })).data?.me).not.toBeNull();
    expect(await ok(server, Q.endMySession, { id: dropId }, keep)).toEqual({ endMySession: true });
    expect((await server.graphql(Q.me, {}, { cookie: drop })).data).toEqual({ me: null });
    expect((await server.graphql(Q.me, {}, { cookie: keep })).data?.me).not.toBeNull();
    expectRefused(await server.graphql(Q.endMySession, { id: dropId }, { cookie: keep }), 'NOT_FOUND');
  });

  it('ending the current session signs out and clears the cookie', async () => {
    const person = await aPerson(server.db.prisma, cast.clinic.id, 'COORDINATOR');
    const cookie = await signIn(server, person);
    const id = (await sessionsOf(cookie)).find((session) => session.current)!.id;
    const response = await server.graphql(Q.endMySession, { id }, { cookie });
    expect(response.setCookie.some((c) => /^ldn_session=;/.test(c))).toBe(true);
    expect((await server.graphql(Q.me, {}, { cookie })).data).toEqual({ me: null });
  });

  it('ends all other sessions at once', async () => {
    const person = await aPerson(server.db.prisma, cast.clinic.id, 'CLINICIAN');
    const others = [await signIn(server, person), await signIn(server, person)];
    const here = await signIn(server, person);
    expect(await ok(server, Q.endMyOtherSessions, {}, here)).toEqual({ endMyOtherSessions: 2 });
    for (const cookie of others)
      expect((await server.graphql(Q.me, {}, { cookie })).data).toEqual({ me: null });
    expect((await sessionsOf(here)).map((session) => session.current)).toEqual([true]);
  });
});
