import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aNetwork, aPerson, signIn } from '../test/builders.ts';
import { startTestServer, type TestServer } from '../test/harness.ts';
import { expectRefused, Q } from './admin.fixtures.ts';

describe('who may administer', () => {
  let server: TestServer;
  let cast: Awaited<ReturnType<typeof aNetwork>>;
  const cookies: Record<string, string> = {};
  beforeAll(async () => {
    server = await startTestServer();
    cast = await aNetwork(server.db.prisma);
    for (const role of ['clinician', 'coordinator', 'pharmacist', 'admin'] as const) {
      cookies[role] = await signIn(server, cast[role]);
    }
    // An ADMIN row filed under a clinic (a data error) must not get the network's powers.
    cookies.misfiledAdmin = await signIn(server, await aPerson(server.db.prisma, cast.clinic.id, 'ADMIN'));
  });
  afterAll(async () => {
    await server?.close();
  });

  type Cast = Awaited<ReturnType<typeof aNetwork>>;
  // Every admin operation, with variables that would succeed for an administrator.
  const operations: [string, string, (cast: Cast) => Record<string, unknown>][] = [
    ['organisations', Q.organisations, () => ({})],
    [
      'createOrganisation',
      Q.createOrganisation,
      () => ({ input: { kind: 'CLINIC', name: 'Sneaky clinic' } }),
    ],
    ['updateOrganisation', Q.updateOrganisation, (c) => ({ id: c.clinic.id, input: { name: 'Renamed' } })],
    ['people', Q.people, () => ({})],
    [
      'invitePerson',
      Q.invitePerson,
      (c) => ({
        input: { email: 'sneaky@example.test', name: 'Sneaky', organisationId: c.network.id, role: 'ADMIN' },
      }),
    ],
    ['resetPasswordLink', Q.resetPasswordLink, (c) => ({ userId: c.admin.id })],
    ['deactivatePerson', Q.deactivatePerson, (c) => ({ userId: c.otherClinician.id })],
    ['reactivatePerson', Q.reactivatePerson, (c) => ({ userId: c.otherClinician.id })],
    ['changeRole', Q.changeRole, (c) => ({ userId: c.coordinator.id, role: 'CLINICIAN', npi: '1234567893' })],
    ['auditLog', Q.auditLog, () => ({})],
  ];
  const roles = ['clinician', 'coordinator', 'pharmacist', 'misfiledAdmin'];
  const cases = roles.flatMap((role) =>
    operations.map(([name, query, variables]) => [role, name, query, variables] as const),
  );

  it.each(cases)('refuses to a %s: %s (FORBIDDEN)', async (role, _name, query, variables) => {
    const response = await server.graphql(query, variables(cast), { cookie: cookies[role] });
    expectRefused(response, 'FORBIDDEN');
    expect(response.data ?? null).toBeNull();
  });

  it('changed nothing through the refused operations', async () => {
    const prisma = server.db.prisma;
    expect(await prisma.user.count({ where: { email: 'sneaky@example.test' } })).toBe(0);
    expect(await prisma.organisation.count({ where: { name: { in: ['Sneaky clinic', 'Renamed'] } } })).toBe(
      0,
    );
    expect(await prisma.user.findUniqueOrThrow({ where: { id: cast.coordinator.id } })).toMatchObject({
      role: 'COORDINATOR',
    });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: cast.otherClinician.id } })).toMatchObject({
      active: true,
    });
    expect(await prisma.userToken.count()).toBe(0);
  });

  it('refuses every admin operation to nobody signed in with UNAUTHENTICATED', async () => {
    for (const [name, query, variables] of operations) {
      const response = await server.graphql(query, variables(cast));
      expect({ name, code: response.errors?.[0]?.extensions?.code }).toEqual({
        name,
        code: 'UNAUTHENTICATED',
      });
    }
  });

  it('lets the network administrator read organisations, people and the audit log', async () => {
    for (const query of [Q.organisations, Q.people, Q.auditLog]) {
      const response = await server.graphql(query, {}, { cookie: cookies.admin });
      expect(response.errors).toBeUndefined();
    }
  });

  it('answers the self-service operations only to someone signed in', async () => {
    for (const query of [Q.mySessions, Q.endMyOtherSessions]) {
      expectRefused(await server.graphql(query, {}), 'UNAUTHENTICATED');
    }
    expectRefused(await server.graphql(Q.changeMyPassword, { current: 'a', next: 'b' }), 'UNAUTHENTICATED');
  });
});
