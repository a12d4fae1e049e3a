import { createTestDatabase } from '@ldn/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aNetwork, anOrganisation, aPerson, signIn, TEST_PASSWORD } from '../test/builders.ts';
import { fixedClock, startTestServer, type TestServer } from '../test/harness.ts';
import { expectRefused, ok, Q, signInWith } from './admin.fixtures.ts';
import { assertAnotherActiveAdmin } from './person.service.ts';

describe('deactivating and reactivating people', () => {
  const clock = fixedClock('2026-03-02T09:00:00Z');
  let server: TestServer;
  let cast: Awaited<ReturnType<typeof aNetwork>>;
  let admin: string;
  beforeAll(async () => {
    server = await startTestServer({ clock });
    cast = await aNetwork(server.db.prisma);
    admin = await signIn(server, cast.admin);
  });
  afterAll(async () => {
    await server?.close();
  });

  it("ends a deactivated person's live sessions at their next request, keeping what they did", async () => {
    const person = await aPerson(server.db.prisma, cast.clinic.id, 'COORDINATOR');
    const laptop = await signIn(server, person);
    const phone = await signIn(server, person);
    expect((await ok<{ me: { id: string } }>(server, Q.me, {}, laptop)).me.id).toBe(person.id);
    const response = await ok<{ deactivatePerson: { active: boolean; deactivatedAt: string } }>(
      server,
      Q.deactivatePerson,
      { userId: person.id },
      admin,
    );
    expect(response.deactivatePerson).toMatchObject({
      active: false,
      deactivatedAt: '2026-03-02T09:00:00.000Z',
    });
    for (const cookie of [laptop, phone]) {
      expect((await server.graphql(Q.me, {}, { cookie })).data).toEqual({ me: null });
    }
    const sessions = await server.db.prisma.session.findMany({ where: { userId: person.id } });
    expect(sessions.every((session) => session.revokedAt !== null)).toBe(true);
    expect(await signInWith(server, person.email, TEST_PASSWORD)).toBeUndefined();
    // Past actions stay attributed: the sign-ins are still theirs, the person row is still there.
    expect(await server.db.prisma.auditLog.count({ where: { actorId: person.id, action: 'SIGN_IN' } })).toBe(
      2,
    );
    const rows = await server.db.prisma.auditLog.findMany({
      where: { action: 'DEACTIVATE', entityId: person.id },
    });
    expect(rows).toMatchObject([{ actorId: cast.admin.id, entity: 'User' }]);
  });

  it('reactivating lets the person sign in again; old sessions stay ended', async () => {
    const person = await aPerson(server.db.prisma, cast.pharmacy.id, 'PHARMACIST');
    const old = await signIn(server, person);
    await ok(server, Q.deactivatePerson, { userId: person.id }, admin);
    const back = await ok<{ reactivatePerson: { active: boolean; deactivatedAt: string | null } }>(
      server,
      Q.reactivatePerson,
      { userId: person.id },
      admin,
    );
    expect(back.reactivatePerson).toEqual({ ...back.reactivatePerson, active: true, deactivatedAt: null });
    expect((await server.graphql(Q.me, {}, { cookie: old })).data).toEqual({ me: null });
    expect(await signInWith(server, person.email, TEST_PASSWORD)).toBeDefined();
  });

  it('gives no password reset link to a deactivated person', async () => {
    const person = await aPerson(server.db.prisma, cast.clinic.id, 'COORDINATOR', { active: false });
    const response = await server.graphql(Q.resetPasswordLink, { userId: person.id }, { cookie: admin });
    expectRefused(response, 'BAD_USER_INPUT', 'userId');
  });

  it('refuses to deactivate oneself', async () => {
    const response = await server.graphql(Q.deactivatePerson, { userId: cast.admin.id }, { cookie: admin });
    expectRefused(response, 'BAD_USER_INPUT', 'userId');
    expect((await ok<{ me: { id: string } }>(server, Q.me, {}, admin)).me.id).toBe(cast.admin.id);
  });

  it('answers NOT_FOUND for a person who does not exist', async () => {
    for (const userId of ['00000000-0000-4000-8000-000000000000', 'nobody']) {
      expectRefused(await server.graphql(Q.deactivatePerson, { userId }, { cookie: admin }), 'NOT_FOUND');
    }
  });

  it('lets an administrator deactivate another administrator', async () => {
    const other = await aPerson(server.db.prisma, cast.network.id, 'ADMIN');
    await ok(server, Q.deactivatePerson, { userId: other.id }, admin);
    expect(await server.db.prisma.user.count({ where: { role: 'ADMIN', active: true } })).toBe(1);
  });

  it('two administrators deactivating each other at once leave one active', async () => {
    const network = await anOrganisation(server.db.prisma, 'NETWORK', 'Network 2');
    const [first, second] = await Promise.all([
      aPerson(server.db.prisma, network.id, 'ADMIN'),
      aPerson(server.db.prisma, network.id, 'ADMIN'),
    ]);
    // The original administrator steps out of the way so these two are the only active ones.
    await server.db.prisma.user.update({ where: { id: cast.admin.id }, data: { active: false } });
    const [firstCookie, secondCookie] = await Promise.all([signIn(server, first), signIn(server, second)]);
    await Promise.all([
      server.graphql(Q.deactivatePerson, { userId: second.id }, { cookie: firstCookie }),
      server.graphql(Q.deactivatePerson, { userId: first.id }, { cookie: secondCookie }),
    ]);
    expect(await server.db.prisma.user.count({ where: { role: 'ADMIN', active: true } })).toBe(1);
    await server.db.prisma.user.update({ where: { id: cast.admin.id }, data: { active: true } });
  });
});

describe('the last active administrator', () => {
  it('cannot be removed', async () => {
    const db = await createTestDatabase();
    try {
      const network = await anOrganisation(db.prisma, 'NETWORK', 'Network');
      const only = await aPerson(db.prisma, network.id, 'ADMIN');
      const refusal = db.prisma.$transaction((tx) => assertAnotherActiveAdmin(tx, only.id));
      await expect(refusal).rejects.toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', field: 'userId' },
      });
      const second = await aPerson(db.prisma, network.id, 'ADMIN');
      await expect(
        db.prisma.$transaction((tx) => assertAnotherActiveAdmin(tx, only.id)),
      ).resolves.toBeUndefined();
      await db.prisma.user.update({ where: { id: second.id }, data: { active: false } });
      await expect(
        db.prisma.$transaction((tx) => assertAnotherActiveAdmin(tx, only.id)),
      ).rejects.toMatchObject({
        extensions: { code: 'BAD_USER_INPUT' },
      });
    } finally {
      await db.close();
    }
  });
});
