import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { aNetwork, signIn, TEST_PASSWORD } from '../test/builders.ts';
import { fixedClock, startTestServer, type TestServer } from '../test/harness.ts';
import { expectRefused, GOOD_PASSWORD, ok, Q, signInWith, tokenOf } from './admin.fixtures.ts';

interface PersonLink {
  link: string;
  person: { id: string; email: string };
}

const START = '2026-03-02T09:00:00Z';

describe('invitation and password reset links', () => {
  const clock = fixedClock(START);
  let server: TestServer;
  let cast: Awaited<ReturnType<typeof aNetwork>>;
  let invited = 0;
  const invite = async (role: 'COORDINATOR' | 'PHARMACIST' = 'COORDINATOR') => {
    invited += 1;
    const organisationId = role === 'COORDINATOR' ? cast.clinic.id : cast.pharmacy.id;
    const input = {
      email: `invited-${invited}@example.test`,
      name: `Invited ${invited}`,
      organisationId,
      role,
    };
    const admin = await signIn(server, cast.admin);
    return (await ok<{ invitePerson: PersonLink }>(server, Q.invitePerson, { input }, admin)).invitePerson;
  };
  const resetLink = async (userId: string) => {
    const admin = await signIn(server, cast.admin);
    return (await ok<{ resetPasswordLink: PersonLink }>(server, Q.resetPasswordLink, { userId }, admin))
      .resetPasswordLink;
  };
  const accept = (link: string, password = GOOD_PASSWORD) =>
    server.graphql<{ acceptInvitation: { email: string } }>(Q.acceptInvitation, {
      token: tokenOf(link),
      password,
    });

  beforeAll(async () => {
    server = await startTestServer({ clock });
    cast = await aNetwork(server.db.prisma);
  });
  beforeEach(() => clock.set(START));
  afterAll(async () => {
    await server?.close();
  });

  it('accepting sets the password: the person can then sign in with it', async () => {
    const { link, person } = await invite();
    expect(await signInWith(server, person.email, GOOD_PASSWORD)).toBeUndefined();
    const accepted = await accept(link);
    expect(accepted.data).toEqual({ acceptInvitation: { email: person.email } });
    const cookie = await signInWith(server, person.email, GOOD_PASSWORD);
    expect(cookie).toBeDefined();
    expect((await ok<{ me: { id: string } }>(server, Q.me, {}, cookie)).me.id).toBe(person.id);
    const user = await server.db.prisma.user.findUniqueOrThrow({ where: { id: person.id } });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    const rows = await server.db.prisma.auditLog.findMany({ where: { action: 'INVITATION_ACCEPTED' } });
    expect(rows).toMatchObject([{ actorId: person.id, organisationId: cast.clinic.id, entityId: person.id }]);
  });

  it('refuses an invitation used twice, with the same answer as an unknown link', async () => {
    const { link } = await invite();
    expect((await accept(link)).errors).toBeUndefined();
    const twice = expectRefused(await accept(link, 'another-fine-password-2'), 'BAD_USER_INPUT', 'token');
    const unknown = await server.graphql(Q.acceptInvitation, {
      token: 'x'.repeat(43),
      password: GOOD_PASSWORD,
    });
    expect(unknown.errors?.[0]).toEqual(twice);
    const short = await server.graphql(Q.acceptInvitation, { token: 'abc', password: GOOD_PASSWORD });
    expect(short.errors?.[0]).toEqual(twice);
  });

  it('takes two uses of one link at once only once', async () => {
    const { link } = await invite();
    const answers = await Promise.all([
      accept(link, 'first-racer-password'),
      accept(link, 'second-racer-password'),
    ]);
    expect(answers.filter((answer) => answer.errors === undefined)).toHaveLength(1);
  });

  it('refuses an invitation after its 7 days, and accepts it just before', async () => {
    const late = await invite();
    const onTime = await invite();
    clock.set('2026-03-09T08:59:59Z');
    expect((await accept(onTime.link)).errors).toBeUndefined();
    clock.set('2026-03-09T09:00:00Z');
    const refused = expectRefused(await accept(late.link), 'BAD_USER_INPUT', 'token');
    expect(refused?.message).toMatch(/expired or has already been used/);
    expect(await signInWith(server, late.person.email, GOOD_PASSWORD)).toBeUndefined();
  });

  it.each([
    ['short', 'short-pw'],
    ['common', 'password1234'],
    ['common in another case', 'PassWord1234'],
    ['one character repeated', 'zzzzzzzzzzzzzz'],
  ])('refuses a %s password without using up the link', async (_what, password) => {
    const { link } = await invite();
    expectRefused(await accept(link, password), 'BAD_USER_INPUT', 'password');
    expect((await accept(link)).errors).toBeUndefined();
  });

  it('does not take a reset link as an invitation, nor the other way round', async () => {
    const { link, person } = await invite();
    const reset = await resetLink(person.id);
    expectRefused(await accept(reset.link), 'BAD_USER_INPUT', 'token');
    const wrongWay = await server.graphql(Q.resetPassword, { token: tokenOf(link), password: GOOD_PASSWORD });
    expectRefused(wrongWay, 'BAD_USER_INPUT', 'token');
  });

  it('a reset sets a new password, ends every session and works once', async () => {
    const cookie = await signIn(server, cast.pharmacist);
    const { link } = await resetLink(cast.pharmacist.id);
    const reset = () => server.graphql(Q.resetPassword, { token: tokenOf(link), password: GOOD_PASSWORD });
    expect((await reset()).data).toEqual({ resetPassword: { email: cast.pharmacist.email } });
    expect((await server.graphql(Q.me, {}, { cookie })).data).toEqual({ me: null });
    expect(await signInWith(server, cast.pharmacist.email, TEST_PASSWORD)).toBeUndefined();
    expect(await signInWith(server, cast.pharmacist.email, GOOD_PASSWORD)).toBeDefined();
    expectRefused(await reset(), 'BAD_USER_INPUT', 'token');
    const rows = await server.db.prisma.auditLog.findMany({ where: { action: 'PASSWORD_RESET' } });
    expect(rows).toMatchObject([
      { actorId: cast.pharmacist.id, entity: 'User', entityId: cast.pharmacist.id },
    ]);
  });

  it('refuses a reset link after 24 hours', async () => {
    const { link } = await resetLink(cast.coordinator.id);
    clock.set('2026-03-03T09:00:01Z');
    const response = await server.graphql(Q.resetPassword, { token: tokenOf(link), password: GOOD_PASSWORD });
    expectRefused(response, 'BAD_USER_INPUT', 'token');
    expect(await signInWith(server, cast.coordinator.email, TEST_PASSWORD)).toBeDefined();
  });

  it("a deactivated person's links stop working", async () => {
    const { link, person } = await invite('PHARMACIST');
    const admin = await signIn(server, cast.admin);
    await ok(server, Q.deactivatePerson, { userId: person.id }, admin);
    expectRefused(await accept(link), 'BAD_USER_INPUT', 'token');
    const user = await server.db.prisma.user.findUniqueOrThrow({ where: { id: person.id } });
    expect(user.passwordHash).toBeNull();
  });
});
